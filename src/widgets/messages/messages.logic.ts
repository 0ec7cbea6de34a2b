import type { components, operations } from '../../api/schema.js';

export type Message = components['schemas']['Message'];
export type MessageChannel = components['schemas']['MessageChannel'];
export type MessageEvent = components['schemas']['MessageEvent'];
export type MessageQuery = NonNullable<operations['listMessages']['parameters']['query']>;

/** The contract's events, in the order the kind filter offers them. */
export const MESSAGE_EVENTS: readonly MessageEvent[] = [
  'new_invoice',
  'due_date',
  'overdue_reminder',
  'debt_collection',
  'payment_received',
  'planned_works',
  'reading_window',
  'ticket_reply',
  'account_security',
  'other',
];

export const MESSAGE_CHANNELS: readonly MessageChannel[] = ['email', 'sms', 'portal'];

/**
 * What the customer can filter the history by, as the attributes say it: `event` a space-separated list of events
 * (one from the filter, several from a host's link: `event="overdue_reminder debt_collection"`), `channel` one
 * channel, `unreadOnly` `'true'` for only the unread ones (the boolean `unread` attribute, as text for the address).
 * Empty: any.
 */
export interface MessageFilters {
  event: string;
  channel: string;
  unreadOnly: string;
}

export const NO_FILTERS: MessageFilters = { event: '', channel: '', unreadOnly: '' };

/** The address parameters of the filters (`?ebok-messages-event=…`): their own names, apart from other lists'. */
export const URL_NAMES: Record<keyof MessageFilters, string> = { event: 'messages-event', channel: 'messages-channel', unreadOnly: 'messages-unread' };

/** The events of a filter text, known ones only, each once, in the contract's order. */
export function eventsOf(text: string | null | undefined): MessageEvent[] {
  const asked = new Set((text ?? '').split(/[\s,]+/));
  return MESSAGE_EVENTS.filter((event) => asked.has(event));
}

/** Any text from an attribute or the address, made into filters the widget can use (unknown values are dropped). */
export function normalizeFilters(raw: Partial<Record<keyof MessageFilters, string | null | undefined>>): MessageFilters {
  const channel = MESSAGE_CHANNELS.find((c) => c === raw.channel) ?? '';
  const unreadOnly = raw.unreadOnly === 'true' ? 'true' : '';
  return { event: eventsOf(raw.event).join(' '), channel, unreadOnly };
}

/** A filter is chosen: an empty answer then means "none match", not "no messages at all". */
export function isFiltered(filters: MessageFilters): boolean {
  return filters.event !== '' || filters.channel !== '' || filters.unreadOnly !== '';
}

/** The query of `GET /messages` for these filters (`event` repeated, each once: the contract's `uniqueItems`). */
export function messageQuery(filters: MessageFilters): Omit<MessageQuery, 'cursor' | 'limit'> {
  const events = eventsOf(filters.event);
  return {
    ...(events.length ? { event: events } : {}),
    ...(filters.channel ? { channel: filters.channel as MessageChannel } : {}),
    ...(filters.unreadOnly === 'true' ? { unread: true } : {}),
  };
}

/** The unread count of a list page: the contract's non-negative integer, or `undefined` when the answer broke it. */
export function unreadCountOf(page: unknown): number | undefined {
  const count = typeof page === 'object' && page !== null ? (page as { unreadCount?: unknown }).unreadCount : undefined;
  return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : undefined;
}

/** How many characters of an SMS the list shows in place of a subject. */
export const PREVIEW_LENGTH = 80;

/** What the list shows of a message: its subject, or (an SMS has none) the start of its body, cut at a word. */
export function messageTitle(message: Pick<Message, 'subject' | 'body'>, length = PREVIEW_LENGTH): string {
  const subject = typeof message.subject === 'string' ? message.subject.trim() : '';
  if (subject) return subject;
  const body = (typeof message.body === 'string' ? message.body : '').replace(/\s+/g, ' ').trim();
  if (body.length <= length) return body;
  const cut = body.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/** A piece of a message's body: text, or a link to one of the utility's own origins. */
export type BodyPiece = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

/**
 * The origins a body's links may lead to: the page's own, and those of `link-origins` (space-separated; anything
 * that is not an http(s) origin is ignored, a path given with one counts as its origin).
 */
export function allowedOrigins(pageOrigin: string, linkOrigins: string | null | undefined): Set<string> {
  const origins = new Set<string>();
  for (const text of [pageOrigin, ...(linkOrigins ?? '').split(/\s+/)]) {
    if (!text) continue;
    try {
      const url = new URL(text);
      if (url.protocol === 'https:' || url.protocol === 'http:') origins.add(url.origin);
    } catch {
      // Not a URL: no origin to allow.
    }
  }
  return origins;
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"']+/gi;
/** Punctuation that ends a sentence after a URL rather than belonging to it. */
const TRAILING = /[.,;:!?…)\]}»”’]+$/;

/**
 * A plain-text body in pieces: URLs whose origin is one of `origins` become links, everything else (foreign URLs
 * included) stays text. Never HTML: the pieces are rendered as text and `<a href>` by the template.
 */
export function bodyPieces(body: string, origins: ReadonlySet<string>): BodyPiece[] {
  const pieces: BodyPiece[] = [];
  let text = '';
  let at = 0;
  for (const match of body.matchAll(URL_IN_TEXT)) {
    let candidate = match[0];
    const trailing = TRAILING.exec(candidate)?.[0] ?? '';
    if (trailing) candidate = candidate.slice(0, candidate.length - trailing.length);
    const start = match.index;
    text += body.slice(at, start);
    at = start + candidate.length;
    const href = ownLink(candidate, origins);
    if (href) {
      if (text) pieces.push({ kind: 'text', text });
      text = '';
      pieces.push({ kind: 'link', text: candidate, href });
    } else {
      text += candidate;
    }
  }
  text += body.slice(at);
  if (text) pieces.push({ kind: 'text', text });
  return pieces;
}

function ownLink(candidate: string, origins: ReadonlySet<string>): string | undefined {
  try {
    const url = new URL(candidate);
    // A user name in a link ("https://utility.pl@elsewhere") is a classic disguise: never a link.
    if (url.username || url.password) return undefined;
    return origins.has(url.origin) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A body's paragraphs (split at blank lines); single line breaks stay inside a paragraph (shown by CSS). */
export function paragraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** A message the widget can show: the contract's required fields are there. */
export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const { id, channel, body, sentAt } = value as Record<string, unknown>;
  return typeof id === 'string' && id !== '' && typeof channel === 'string' && typeof body === 'string' && typeof sentAt === 'string';
}
