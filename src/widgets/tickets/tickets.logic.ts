import type { components } from '../../api/schema.js';
import type { IconName } from '../../kit/icons.js';
import type { EbokClient } from '../../api/client.js';
import type { ListPage, ListRequest } from '../../controllers/list.js';
import { malformedResponse } from '../../api/diagnostics.js';

export type Ticket = components['schemas']['Ticket'];
export type TicketDetail = components['schemas']['TicketDetail'];
export type TicketMessage = components['schemas']['TicketMessage'];
export type TicketStatus = components['schemas']['TicketStatus'];
export type TicketAttachment = components['schemas']['AttachmentInfo'];

/** Which tickets the list shows: all, the ones still running, or the finished ones. */
export type TicketScope = '' | 'open' | 'finished';

export interface TicketFilters {
  scope: TicketScope;
  /** The ticket opened (its thread), or empty for the list. */
  ticketId: string;
}

export const NO_FILTERS: TicketFilters = { scope: '', ticketId: '' };

/** The address parameters with `url-state`: `?ebok-tickets=open&ebok-ticket=tkt_…`. */
export const URL_NAMES = { scope: 'tickets', ticketId: 'ticket' } as const;

const SCOPES: readonly TicketScope[] = ['', 'open', 'finished'];
const STATUSES: readonly TicketStatus[] = ['open', 'in_progress', 'awaiting_customer', 'resolved', 'closed'];

/** An id as the contract allows it (letters, digits, `_` and `-`), else nothing: the address is anyone's to edit. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function normalizeFilters(raw: Partial<Record<keyof TicketFilters, string | null | undefined>>): TicketFilters {
  const scope = SCOPES.includes(raw.scope as TicketScope) ? (raw.scope as TicketScope) : '';
  const ticketId = raw.ticketId && ID.test(raw.ticketId) ? raw.ticketId : '';
  return { scope, ticketId };
}

/** The statuses `listTickets` is asked for. */
export function statusesOf(scope: TicketScope): TicketStatus[] | undefined {
  if (scope === 'open') return ['open', 'in_progress', 'awaiting_customer'];
  if (scope === 'finished') return ['resolved', 'closed'];
  return undefined;
}

/** How a status looks: its tone (colour, never alone: the words and the icon say it too) and icon. */
export function statusLook(status: TicketStatus): { tone: 'info' | 'warning' | 'success' | 'muted'; icon: IconName } {
  switch (status) {
    case 'awaiting_customer':
      return { tone: 'warning', icon: 'warning' };
    case 'resolved':
      return { tone: 'success', icon: 'success' };
    case 'closed':
      return { tone: 'muted', icon: 'cancelled' };
    case 'in_progress':
      return { tone: 'info', icon: 'clock' };
    default:
      return { tone: 'info', icon: 'info' };
  }
}

/** The tickets of an answer a widget can show (a malformed entry is left out, not a broken page). */
export function isTicket(value: unknown): value is Ticket {
  const t = value as Ticket | null;
  return typeof t === 'object' && t !== null && typeof t.id === 'string' && typeof t.number === 'string' && typeof t.subject === 'string' && STATUSES.includes(t.status);
}

/** A ticket's thread as the widget can show it, or undefined when the answer is no ticket. */
export function usableDetail(value: unknown): TicketDetail | undefined {
  if (!isTicket(value) || !Array.isArray((value as TicketDetail).messages)) return undefined;
  const messages = (value as TicketDetail).messages.filter(
    (m): m is TicketMessage => typeof m === 'object' && m !== null && typeof m.id === 'string' && typeof m.body === 'string' && (m.author === 'customer' || m.author === 'consultant'),
  );
  return { ...(value as TicketDetail), messages: messages.map((m) => ({ ...m, attachments: Array.isArray(m.attachments) ? m.attachments.filter((a) => typeof a?.id === 'string') : [] })) };
}

/** Whether the customer can still write in the ticket (a closed one takes no replies: a new ticket is needed). */
export const canReply = (ticket: Pick<Ticket, 'status'>): boolean => ticket.status !== 'closed';

/** The reply's one field. */
export interface ReplyValues extends Record<string, string> {
  message: string;
}

export const EMPTY_REPLY: ReplyValues = { message: '' };
export const MESSAGE_MAX = 5000;

/** A page of `listTickets` (a malformed ticket is left out; an answer without items is a malformed answer). */
export async function loadTickets(client: EbokClient, { cursor, limit, args }: ListRequest<{ status?: TicketStatus[] }>, signal: AbortSignal): Promise<ListPage<Ticket>> {
  const page: unknown = await client.get('/tickets', { params: { query: { ...args, ...(cursor ? { cursor } : {}), limit } }, signal });
  const items = (page as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) throw malformedResponse(client.apiBase, 'GET /tickets answered without items');
  return { ...(page as { nextCursor: string | null; total?: number }), items: items.filter(isTicket) };
}

/** The ticket `id` with its thread (none for no id); an answer that is no ticket is a malformed answer. */
export async function loadTicket(client: EbokClient, id: string, signal: AbortSignal): Promise<TicketDetail | undefined> {
  if (!id) return undefined;
  const ticket = usableDetail(await client.get('/tickets/{ticketId}', { params: { path: { ticketId: id } }, signal }));
  if (!ticket) throw malformedResponse(client.apiBase, 'GET /tickets/{ticketId} answered without a ticket');
  return ticket;
}
