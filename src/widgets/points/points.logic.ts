import type { EbokClient } from '../../api/client.js';
import { addressText, loadContracts, loadPoints, orNone, type Contract, type Medium, type Point } from '../../kit/supply.js';

export type { Contract, Medium, Point };

/** What the list shows: a search (address, name, PPE/PPG, meter number), a medium, and the point opened. */
export interface PointFilters {
  q: string;
  kind: '' | Medium;
  /** The point opened (its detail), or empty for the list. */
  pointId: string;
}

export const NO_FILTERS: PointFilters = { q: '', kind: '', pointId: '' };

/** The address parameters with `url-state`: `?ebok-point=pt_…&ebok-points-q=…&ebok-points-kind=gas`. */
export const URL_NAMES = { pointId: 'point', q: 'points-q', kind: 'points-kind' } as const;

const KINDS: readonly Medium[] = ['electricity', 'gas', 'water', 'heat'];
/** An id as the contract allows it, else nothing: the address is anyone's to edit. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function normalizeFilters(raw: Partial<Record<keyof PointFilters, string | null | undefined>>): PointFilters {
  return {
    q: (raw.q ?? '').trim().slice(0, 64),
    kind: KINDS.includes(raw.kind as Medium) ? (raw.kind as Medium) : '',
    pointId: raw.pointId && ID.test(raw.pointId) ? raw.pointId : '',
  };
}

/** Text folded for searching: lower case, no Polish marks, no spaces or dashes (a PPE is typed in groups). */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/[\s\-/.,]+/g, '');
}

/** Whether a point matches the search: its name, address, number or a meter's number contains the text. */
export function matches(point: Point, q: string): boolean {
  const wanted = fold(q);
  if (!wanted) return true;
  const haystack = [point.name, addressText(point.address), point.code, ...point.meters.map((m) => m.serialNumber)].map(fold);
  return haystack.some((h) => h.includes(wanted));
}

/** The points the list shows for the filters, in the API's order. */
export function filterPoints(points: readonly Point[], filters: Pick<PointFilters, 'q' | 'kind'>): Point[] {
  return points.filter((p) => (!filters.kind || p.kind === filters.kind) && matches(p, filters.q));
}

/** The media the customer has, in the contract's order (the medium filter shows only with two or more). */
export function mediaOf(points: readonly Point[]): Medium[] {
  return KINDS.filter((k) => points.some((p) => p.kind === k));
}

/** How many points a page of the list shows; "Pokaż kolejne" adds as many again. */
export const PAGE = 10;

export interface PointsData {
  points: Point[];
  /** The customer's contracts, to name each point's (empty when they could not be read: the points still show). */
  contracts: Contract[];
}

/** Every point of the customer and, alongside, the contracts (a failure of the contracts costs only their names). */
export async function loadPointsData(client: EbokClient, signal: AbortSignal): Promise<PointsData> {
  const [points, contracts] = await Promise.all([loadPoints(client, signal), orNone(loadContracts(client, signal), signal)]);
  return { points, contracts };
}

/** The values a host's link templates may name for a point. */
export function pointLinkValues(point: Point): Record<string, string> {
  return { pointId: point.id, code: point.code, contractId: point.contractId ?? '' };
}
