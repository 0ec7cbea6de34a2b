import type { components } from '../../api/schema.js';
import type { EbokClient } from '../../api/client.js';
import type { ListPage, ListRequest } from '../../controllers/list.js';
import { malformedResponse } from '../../api/diagnostics.js';
import type { IconName } from '../../kit/icons.js';

export type Outage = components['schemas']['Outage'];
export type UtilityKind = components['schemas']['UtilityKind'];

export interface OutageFilters {
  /** A postal code (`NN-NNN`) or a municipality or locality; empty for every area. */
  area: string;
  kind: '' | UtilityKind;
}

export const NO_FILTERS: OutageFilters = { area: '', kind: '' };
/** The address parameters with `url-state`: `?ebok-outages-area=44-100&ebok-outages-kind=water`. */
export const URL_NAMES = { area: 'outages-area', kind: 'outages-kind' } as const;
export const KINDS: readonly UtilityKind[] = ['electricity', 'gas', 'water', 'heat'];

/** The area as the API takes it: trimmed, spaces squeezed, at most 100 characters; shorter than 2 is no area. */
export function cleanArea(raw: string | null | undefined): string {
  const area = (raw ?? '').trim().replace(/\s+/g, ' ').slice(0, 100);
  return area.length >= 2 ? area : '';
}

export function normalizeFilters(raw: Partial<Record<keyof OutageFilters, string | null | undefined>>): OutageFilters {
  return { area: cleanArea(raw.area), kind: KINDS.includes(raw.kind as UtilityKind) ? (raw.kind as UtilityKind) : '' };
}

/** What the customer typed is too short to search by (one letter). */
export const tooShort = (typed: string): boolean => typed.trim().length === 1;

/** The query of `listOutages` for the filters. */
export function outageQuery(filters: OutageFilters): { area?: string; kind?: UtilityKind } {
  return { ...(filters.area ? { area: filters.area } : {}), ...(filters.kind ? { kind: filters.kind } : {}) };
}

export { pointAreas } from '../../kit/outages.js';

/** How a status looks: its icon and tone (the words say it too). */
export function statusLook(status: Outage['status']): { tone: 'warning' | 'info' | 'muted'; icon: IconName } {
  if (status === 'ongoing') return { tone: 'warning', icon: 'warning' };
  if (status === 'ended') return { tone: 'muted', icon: 'success' };
  return { tone: 'info', icon: 'clock' };
}

function isOutage(value: unknown): value is Outage {
  const o = value as Outage | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof o.id === 'string' &&
    typeof o.startsAt === 'string' &&
    typeof o.area?.municipality === 'string' &&
    Array.isArray(o.streets) &&
    ['planned', 'ongoing', 'ended'].includes(o.status)
  );
}

/** A page of `listOutages` (public): a malformed entry is left out; an answer without items is a malformed answer. */
export async function loadOutages(client: EbokClient, { cursor, limit, args }: ListRequest<{ area?: string; kind?: UtilityKind }>, signal: AbortSignal): Promise<ListPage<Outage>> {
  const page: unknown = await client.get('/outages', { params: { query: { ...args, ...(cursor ? { cursor } : {}), limit } }, signal });
  const items = (page as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) throw malformedResponse(client.apiBase, 'GET /outages answered without items');
  return { ...(page as { nextCursor: string | null; total?: number }), items: items.filter(isOutage) };
}
