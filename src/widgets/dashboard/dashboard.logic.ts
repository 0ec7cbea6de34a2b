/**
 * What the dashboard's cards show, as pure functions (no DOM, no Lit): the nearest unpaid document, the points whose
 * reading window is open now, the unread messages, the open tickets and the interruptions in the customer's areas,
 * each loaded through the shared client (one request per resource: the cards and the embedded balance tile share
 * the client's cache, so `GET /points` serves both the readings and the outages card, and the meter-reading and
 * outages widgets when a page shows them too: they ask for it the same way).
 */
import type { components } from '../../api/schema.js';
import type { EbokClient } from '../../api/client.js';
import { malformedResponse } from '../../api/diagnostics.js';
import { warsawDate } from '../../i18n/calendar.js';
import { toMinor } from '../../kit/money.js';
import { pointAreas, type Outage } from '../../kit/outages.js';
import { windowView, type WindowView } from '../../kit/reading-window.js';

type S = components['schemas'];
export type DocumentSummary = S['DocumentSummary'];
export type { Outage };
export type Point = S['PointOfDelivery'];
export type TicketStatus = S['TicketStatus'];

/** The sections a card leads to: the `target` of its `ebok-navigate`. */
export type CardName = 'finance' | 'readings' | 'messages' | 'tickets' | 'outages';
export const CARDS: readonly CardName[] = ['finance', 'readings', 'messages', 'tickets', 'outages'];

/** Tickets still waiting for something: the customer's or the consultant's answer. */
export const OPEN_TICKETS: readonly TicketStatus[] = ['open', 'in_progress', 'awaiting_customer'];
/** Documents with something left to pay. */
const UNPAID: readonly S['DocumentStatus'][] = ['unpaid', 'partially_paid', 'overdue'];

/** A count read from a list: `atLeast` when the API gave no total and more pages remain. */
export interface Count {
  count: number;
  atLeast: boolean;
}

export interface NextPayment {
  document: DocumentSummary;
  /** Past its due date in Poland (the server's `overdue`, or a due date before today). */
  overdue: boolean;
  /** Whole days until the due date (negative: since), in the Polish calendar. */
  days: number;
  /** Further documents past their due date (beside this one) among those loaded. */
  moreOverdue: number;
}

export interface OpenWindow {
  point: Point;
  window: Extract<WindowView, { state: 'open' }>;
}

export interface ReadingsCard {
  /** Points whose reading window is open now, the soonest to close first. */
  open: OpenWindow[];
  /** No point is read by the customer (remote or collector only, or no points): nothing to remind of. */
  readable: number;
}

export interface OutagesCard {
  /** Planned or ongoing interruptions in the areas of the customer's points, ongoing first. */
  outages: Outage[];
  areas: string[];
}

const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** The nearest document left to pay: the oldest due date first, so an overdue one is never hidden behind a later one. */
export function nextPayment(documents: readonly DocumentSummary[], now: Date): NextPayment | undefined {
  const today = warsawDate(now);
  const open = documents
    .filter((d) => UNPAID.includes(d.status) && (toMinor(d.remaining?.amount) ?? 0) > 0 && typeof d.dueDate === 'string')
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  const first = open[0];
  if (!first) return undefined;
  const isOverdue = (d: DocumentSummary) => d.status === 'overdue' || d.dueDate < today;
  return {
    document: first,
    overdue: isOverdue(first),
    days: Math.round(dayNumber(first.dueDate) - dayNumber(today)),
    moreOverdue: open.slice(1).filter(isOverdue).length,
  };
}

/** A list's count: its `total` when the API gives one, else the items it answered (and "at least" when more remain). */
export function countOf(answer: unknown): Count | undefined {
  const a = answer as { items?: unknown; total?: unknown; nextCursor?: unknown } | null;
  if (!a || !Array.isArray(a.items)) return undefined;
  if (typeof a.total === 'number' && a.total >= 0) return { count: a.total, atLeast: false };
  return { count: a.items.length, atLeast: typeof a.nextCursor === 'string' && a.nextCursor !== '' };
}

/** Points the customer reads: with meters, and not read remotely (the meter-reading widget offers every metered point). */
export function selfReadPoints(points: readonly Point[]): Point[] {
  return points.filter((p) => p.meters.length > 0 && p.readingMode !== 'remote');
}

/** The open windows among the contexts, soonest to close first. */
export function openWindows(contexts: readonly { point: Point; window: S['ReadingWindow'] }[], now: Date): OpenWindow[] {
  const open: OpenWindow[] = [];
  for (const { point, window } of contexts) {
    const view = windowView(window, now);
    if (view.state === 'open') open.push({ point, window: view });
  }
  return open.sort((a, b) => a.window.daysLeft - b.window.daysLeft);
}

/** The interruptions of several areas, each once (an outage lists several postal codes), ended ones left out, ongoing first. */
export function mergeOutages(pages: readonly (readonly Outage[])[]): Outage[] {
  const seen = new Map<string, Outage>();
  for (const page of pages) for (const o of page) if (o.status !== 'ended' && !seen.has(o.id)) seen.set(o.id, o);
  const rank = (o: Outage) => (o.status === 'ongoing' ? 0 : 1);
  return [...seen.values()].sort((a, b) => rank(a) - rank(b) || (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0));
}

// ------------------------------------------------------------------------------------------------ loading

/** `GET /documents` of what is left to pay, by due date; the nearest of them. */
export async function loadNextPayment(client: EbokClient, signal: AbortSignal, now: Date = new Date()): Promise<NextPayment | undefined> {
  const answer: unknown = await client.get('/documents', { params: { query: { status: [...UNPAID], sort: 'dueDate', limit: 20 } }, signal });
  const items = (answer as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) throw malformedResponse(client.apiBase, 'GET /documents answered without items');
  return nextPayment(items as DocumentSummary[], now);
}

/** `GET /messages` (one item is enough): its `unreadCount` counts every unread message. */
export async function loadUnread(client: EbokClient, signal: AbortSignal): Promise<number> {
  const answer: unknown = await client.get('/messages', { params: { query: { limit: 1 } }, signal });
  const unread = (answer as { unreadCount?: unknown } | null)?.unreadCount;
  if (typeof unread !== 'number' || unread < 0) throw malformedResponse(client.apiBase, 'GET /messages answered without unreadCount');
  return unread;
}

/** `GET /tickets` in the statuses that still wait for something. */
export async function loadOpenTickets(client: EbokClient, signal: AbortSignal): Promise<Count> {
  const count = countOf(await client.get('/tickets', { params: { query: { status: [...OPEN_TICKETS], limit: 100 } }, signal }));
  if (!count) throw malformedResponse(client.apiBase, 'GET /tickets answered without items');
  return count;
}

/** `GET /points` as `<ebok-meter-reading>` and `<ebok-outages>` ask for it (one answer for them all). */
export async function loadPoints(client: EbokClient, signal: AbortSignal): Promise<Point[]> {
  const answer: unknown = await client.get('/points', { params: { query: { limit: 100 } }, signal });
  const items = (answer as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) throw malformedResponse(client.apiBase, 'GET /points answered without items');
  return (items as Point[]).filter((p) => typeof p?.id === 'string' && Array.isArray(p.meters));
}

const isWindow = (value: unknown): value is S['ReadingWindow'] => typeof (value as S['ReadingWindow'] | null)?.open === 'boolean';

/** The customer's points (shared with the outages card), then each self-read point's reading context. */
export async function loadReadings(client: EbokClient, signal: AbortSignal, now: Date = new Date()): Promise<ReadingsCard> {
  const points = selfReadPoints(await loadPoints(client, signal));
  const contexts = await Promise.all(
    points.map(async (point) => {
      const context: unknown = await client.get('/points/{pointId}/reading-context', { params: { path: { pointId: point.id } }, signal });
      const window = (context as { window?: unknown } | null)?.window;
      if (!isWindow(window)) throw malformedResponse(client.apiBase, 'GET reading-context answered without the window');
      return { point, window };
    }),
  );
  return { open: openWindows(contexts, now), readable: points.length };
}

/** The customer's points' postal codes (as `<ebok-outages>` finds them), then the interruptions of each. */
export async function loadMyOutages(client: EbokClient, signal: AbortSignal): Promise<OutagesCard> {
  const areas = pointAreas(await loadPoints(client, signal));
  const pages = await Promise.all(
    areas.map(async (area) => {
      const page: unknown = await client.get('/outages', { params: { query: { area, limit: 50 } }, signal });
      const items = (page as { items?: unknown } | null)?.items;
      if (!Array.isArray(items)) throw malformedResponse(client.apiBase, 'GET /outages answered without items');
      return items as Outage[];
    }),
  );
  return { outages: mergeOutages(pages), areas };
}
