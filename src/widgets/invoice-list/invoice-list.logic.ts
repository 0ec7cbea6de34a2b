import type { components, operations } from '../../api/schema.js';
import { safeFilename } from '../../kit/file.js';
import { urlWithParams } from '../../kit/url-state.js';
import type { IconName } from '../../kit/icons.js';
import { normalizePeriod, periodRange, type PeriodChoice } from '../../kit/period.js';

// The period filter is the kit's (shared with the payment history); its choice is named here too for the list's callers.
export type { PeriodChoice };

export type DocumentSummary = components['schemas']['DocumentSummary'];
export type DocumentStatus = components['schemas']['DocumentStatus'];
export type DocumentType = components['schemas']['DocumentType'];
export type DocumentQuery = NonNullable<operations['listDocuments']['parameters']['query']>;
export type SortOrder = NonNullable<DocumentQuery['sort']>;

/**
 * The status filter: one status of the contract, or `to-pay` (everything with something left to pay: unpaid,
 * partly paid and overdue, what "Szczegóły salda" and a "to pay" deep link open), or `''` for all.
 */
export type StatusFilter = '' | 'to-pay' | DocumentStatus;
export type TypeFilter = '' | DocumentType;

export const STATUSES: readonly DocumentStatus[] = ['unpaid', 'partially_paid', 'overdue', 'paid'];
export const TO_PAY: readonly DocumentStatus[] = ['unpaid', 'partially_paid', 'overdue'];
export const TYPES: readonly DocumentType[] = ['invoice', 'correction', 'interest_note'];
/** Every order of the contract's `sort`, as the sort choice offers them (the check below keeps it complete). */
export const SORTS = ['-issueDate', 'issueDate', '-dueDate', 'dueDate', '-amount', 'amount'] as const satisfies readonly SortOrder[];
// A sort the contract adds and this list misses does not compile.
const sortsComplete: Exclude<SortOrder, (typeof SORTS)[number]> extends never ? true : false = true;
void sortsComplete;
export const DEFAULT_SORT: SortOrder = '-issueDate';

/** Everything the customer can filter and sort by, as the attributes and the URL carry it. */
export interface InvoiceFilters {
  status: StatusFilter;
  type: TypeFilter;
  period: PeriodChoice;
  /** Issue date from/to (`YYYY-MM-DD`, Polish calendar), used when `period` is `custom`. */
  from: string;
  to: string;
  pointId: string;
  q: string;
  sort: SortOrder;
}

export const NO_FILTERS: InvoiceFilters = { status: '', type: '', period: '', from: '', to: '', pointId: '', q: '', sort: DEFAULT_SORT };

/** Any text from an attribute or the URL, made into filters the widget can use (unknown values are dropped). */
export function normalizeFilters(raw: Partial<Record<keyof InvoiceFilters, string | null | undefined>>): InvoiceFilters {
  const pick = <T extends string>(value: string | null | undefined, allowed: readonly T[], fallback: T): T =>
    allowed.includes(value as T) ? (value as T) : fallback;
  return {
    status: pick<StatusFilter>(raw.status?.trim().replace('partly_paid', 'partially_paid'), ['to-pay', ...STATUSES], ''),
    type: pick<TypeFilter>(raw.type?.trim(), TYPES, ''),
    ...normalizePeriod(raw),
    pointId: (raw.pointId ?? '').trim().slice(0, 64),
    q: (raw.q ?? '').trim().slice(0, 64),
    sort: pick<SortOrder>(raw.sort?.trim(), SORTS, DEFAULT_SORT),
  };
}

/** The query of `GET /documents` for these filters on `today`. */
export function documentQuery(filters: InvoiceFilters, today: string): Omit<DocumentQuery, 'cursor' | 'limit'> {
  const status = filters.status === 'to-pay' ? [...TO_PAY] : filters.status ? [filters.status] : undefined;
  return {
    ...(status ? { status } : {}),
    ...(filters.type ? { type: [filters.type] } : {}),
    ...periodRange(filters, today),
    ...(filters.pointId ? { pointId: filters.pointId } : {}),
    ...(filters.q ? { q: filters.q } : {}),
    sort: filters.sort,
  };
}

/** Any filter other than the sort order is set (an empty answer then means "nothing matches", not "no documents"). */
export function isFiltered(filters: InvoiceFilters): boolean {
  return !!(filters.status || filters.type || filters.period || filters.pointId || filters.q);
}

/** The list's parameters in the page's address (`?ebok-status=to-pay`, `?ebok-point=…`). */
export const URL_NAMES: Record<keyof InvoiceFilters, string> = {
  status: 'status',
  type: 'type',
  period: 'period',
  from: 'from',
  to: 'to',
  pointId: 'point',
  q: 'q',
  sort: 'sort',
};

/** The address leaves out the defaults: no filter, the newest first. */
export function isDefaultParam(key: keyof InvoiceFilters, value: string): boolean {
  return key === 'sort' ? value === DEFAULT_SORT : !value;
}

/** How a status looks besides its words: its icon and its tone (a class, coloured by the widget's tokens). */
export function statusLook(status: DocumentStatus): { icon: IconName | 'partial'; tone: 'paid' | 'unpaid' | 'partial' | 'overdue' } {
  switch (status) {
    case 'paid':
      return { icon: 'success', tone: 'paid' };
    case 'overdue':
      return { icon: 'warning', tone: 'overdue' };
    case 'partially_paid':
      return { icon: 'partial', tone: 'partial' };
    default:
      return { icon: 'clock', tone: 'unpaid' };
  }
}

/** The PDF's file name when the server gives none: the document number with `/` replaced (`FV_2026_03_000412.pdf`). */
export function pdfFilename(number: string): string {
  return safeFilename(`${number.replace(/[\\/]+/g, '_')}.pdf`) ?? 'dokument.pdf';
}

/** Something is left to pay (or to be refunded): the remaining amount is not zero. */
export function hasRemaining(doc: DocumentSummary): boolean {
  return Number(doc.remaining.amount) !== 0;
}


/**
 * Where "Reklamuj" leads for `documentId`: the host's `complaint-href` with `{id}` replaced, or, without `{id}`, the
 * page with `?ebok-category=complaint&ebok-document=<id>` for an `<ebok-ticket-form url-state>` there.
 */
export function complaintHref(template: string, documentId: string, base: string): string {
  if (template.includes('{id}')) return template.replaceAll('{id}', encodeURIComponent(documentId));
  return urlWithParams(new URL(template, base).href, { category: 'category', document: 'document' }, { category: 'complaint', document: documentId });
}
