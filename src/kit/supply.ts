import { html, svg, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { components } from '../api/schema.js';
import type { EbokClient } from '../api/client.js';
import { malformedResponse } from '../api/diagnostics.js';
import { icon } from './icons.js';

/**
 * What the customer is supplied with and under which contract, as `<ebok-points>` and `<ebok-contracts>` show it:
 * the medium in words and an icon, the point's number by its kind (PPE, PPG, connection), its address, a contract's
 * status in words; every point and every contract of the customer, loaded page after page; and the links a host
 * routes to (`readings-href="/odczyty.html?point={pointId}"`). Only these widgets load this module.
 */
export type Point = components['schemas']['PointOfDelivery'];
export type Contract = components['schemas']['Contract'];
export type Medium = Point['kind'];
type Address = components['schemas']['Address'];

/** The medium, capitalised, as a heading or a label says it. */
export function mediumText(kind: Medium): string {
  switch (kind) {
    case 'gas':
      return msg('Gaz');
    case 'water':
      return msg('Woda');
    case 'heat':
      return msg('Ciepło');
    default:
      return msg('Prąd');
  }
}

const MEDIUM_ICONS: Record<Medium, ReturnType<typeof svg>> = {
  electricity: svg`<path d="M13 2 5 13.5h6L10 22l8-11.5h-6L13 2Z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>`,
  gas: svg`<path d="M12 2c1 4 6 6.5 6 12a6 6 0 0 1-12 0c0-3 1.5-4.5 3-6 .5 2 1.5 3 3 3.5C12 9 11 6 12 2Z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>`,
  water: svg`<path d="M12 2.5S5.5 10 5.5 14.5a6.5 6.5 0 0 0 13 0C18.5 10 12 2.5 12 2.5Z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>`,
  heat: svg`<path d="M8 20c-2-3 2-5 0-8s2-5 0-8M13 20c-2-3 2-5 0-8s2-5 0-8M18 20c-2-3 2-5 0-8s2-5 0-8" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`,
};

/** The medium's icon beside its words (the icon alone never says it). */
export function mediumBadge(kind: Medium): TemplateResult {
  return html`<span class="medium medium--${kind}" part="medium">${icon(MEDIUM_ICONS[kind] ?? MEDIUM_ICONS.electricity)}<span>${mediumText(kind)}</span></span>`;
}

/** One label–value row of a `<dl class="facts">`. */
export const fact = (label: string, value: unknown): TemplateResult =>
  html`<div>
    <dt>${label}</dt>
    <dd>${value}</dd>
  </div>`;

/** What the point's number is called on the bill: PPE (electricity), PPG (gas), a water connection's number… */
export function codeLabel(codeType: Point['codeType']): string {
  switch (codeType) {
    case 'ppg':
      return msg('Numer PPG');
    case 'water_connection':
      return msg('Numer przyłącza');
    case 'heat_node':
      return msg('Numer węzła cieplnego');
    default:
      return msg('Numer PPE');
  }
}

/** An address on one line: "ul. Zwycięstwa 12/4, 44-100 Gliwice" (and the post office when it differs). */
export function addressText(a: Address | undefined): string {
  if (!a) return '';
  const house = `${a.buildingNumber}${a.apartmentNumber ? `/${a.apartmentNumber}` : ''}`;
  const street = a.street ? `${a.street} ${house}` : `${a.city} ${house}`;
  const post = a.postOffice && a.postOffice !== a.city ? msg(str`${a.postalCode} ${a.postOffice} (${a.city})`) : `${a.postalCode} ${a.city}`;
  return `${street}, ${post}`;
}

/** A contract's status in words; `pending` is a signed contract that starts later. */
export function contractStatusText(status: Contract['status']): string {
  switch (status) {
    case 'pending':
      return msg('Podpisana, jeszcze nie obowiązuje');
    case 'terminated':
      return msg('Zakończona');
    default:
      return msg('Obowiązuje');
  }
}

/**
 * A host's link for one point or contract: the template with `{pointId}`, `{contractId}` … replaced (encoded); a
 * template without a placeholder is taken as it is. Undefined without a template (no link is rendered then).
 */
export function linkFor(template: string | undefined, values: Readonly<Record<string, string>>): string | undefined {
  if (!template) return undefined;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? encodeURIComponent(values[name]!) : whole));
}

/** The most pages loaded for one list (100 items each): a customer with more is no customer of a portal. */
const MAX_PAGES = 20;

async function allPages<T>(client: EbokClient, path: '/points' | '/contracts', usable: (item: unknown) => item is T, signal: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer: unknown = await client.get(path, { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } }, signal });
    const list = (answer as { items?: unknown } | null)?.items;
    if (!Array.isArray(list)) throw malformedResponse(client.apiBase, `GET ${path} answered without items`);
    items.push(...list.filter(usable));
    const next = (answer as { nextCursor?: unknown }).nextCursor;
    if (typeof next !== 'string' || !next) break;
    cursor = next;
  }
  return items;
}

const KINDS: readonly Medium[] = ['electricity', 'gas', 'water', 'heat'];
const STATUSES: readonly Contract['status'][] = ['pending', 'active', 'terminated'];

/** A point the widgets can show: what they cannot do without (a malformed point is left out, not a broken page). */
export function isPoint(value: unknown): value is Point {
  const p = value as Point | null;
  return typeof p === 'object' && p !== null && typeof p.id === 'string' && typeof p.name === 'string' && typeof p.code === 'string' && KINDS.includes(p.kind) && Array.isArray(p.meters);
}

export function isContract(value: unknown): value is Contract {
  const c = value as Contract | null;
  return typeof c === 'object' && c !== null && typeof c.id === 'string' && typeof c.number === 'string' && typeof c.startDate === 'string' && STATUSES.includes(c.status) && Array.isArray(c.pointIds);
}

/** Every point of delivery of the customer (all pages). */
export const loadPoints = (client: EbokClient, signal: AbortSignal): Promise<Point[]> => allPages(client, '/points', isPoint, signal);

/** Every contract of the customer (all pages), in the API's order (in force first). */
export const loadContracts = (client: EbokClient, signal: AbortSignal): Promise<Contract[]> => allPages(client, '/contracts', isContract, signal);

/** A list that helps but is not needed (the contracts' names beside the points): nothing when it fails, unless aborted. */
export async function orNone<T>(list: Promise<T[]>, signal: AbortSignal): Promise<T[]> {
  try {
    return await list;
  } catch (error) {
    if (signal.aborted) throw error;
    return [];
  }
}
