import type { components, operations } from '../../api/schema.js';
import type { IconName } from '../../kit/icons.js';
import { normalizePeriod, periodRange, type PeriodFields } from '../../kit/period.js';

export type PaymentStatus = components['schemas']['PaymentStatus'];
export type PaymentMethod = components['schemas']['PaymentRecordMethod'];
export type PaymentQuery = NonNullable<operations['listPayments']['parameters']['query']>;

/** A document a payment was for or was allocated to, as the payment answers it (`documents`, beside `documentIds`). */
export interface PaymentDocument {
  id: string;
  number: string;
  type: components['schemas']['DocumentType'];
}

/**
 * A payment of the history: the contract's `Payment`, and the numbers of its documents when the API gives
 * them (`documents`, in the order of `documentIds`; optional, an older API answers only the ids).
 */
export type PaymentItem = components['schemas']['Payment'] & { documents?: readonly PaymentDocument[] | undefined };

/** What the customer can filter the history by: the period of the payment's date (its creation, Polish calendar). */
export type PaymentFilters = PeriodFields;

export const NO_FILTERS: PaymentFilters = { period: '', from: '', to: '' };

/** Any text from an attribute or the address, made into filters the widget can use (unknown values are dropped). */
export function normalizeFilters(raw: { period?: string | null | undefined; from?: string | null | undefined; to?: string | null | undefined }): PaymentFilters {
  return normalizePeriod(raw);
}

/** The query of `GET /payments` for these filters on `today` (the contract's `from`/`to` filter the creation date). */
export function paymentQuery(filters: PaymentFilters, today: string): Omit<PaymentQuery, 'cursor' | 'limit'> {
  return periodRange(filters, today);
}

/** A period is chosen: an empty answer then means "none in this period", not "no payments at all". */
export function isFiltered(filters: PaymentFilters): boolean {
  return filters.period !== '';
}

/**
 * The history's parameters in the page's address: its own names (`ebok-payments-period` …), so that an invoice
 * list with `url-state` on the same page keeps its issue period apart from the payments' period.
 */
export const URL_NAMES: Record<keyof PaymentFilters, string> = { period: 'payments-period', from: 'payments-from', to: 'payments-to' };

export type PaymentTone = 'paid' | 'pending' | 'declined' | 'cancelled' | 'expired';

export interface PaymentLook {
  icon: IconName;
  tone: PaymentTone;
  /** The money reached the utility. Only `paid`: a declined, cancelled or expired attempt never reads as money received. */
  received: boolean;
  /** No final status yet: the operator has not confirmed. */
  pending: boolean;
}

/** How a payment's status looks besides its words: its icon, its tone (a class coloured by the widget's tokens), and what it means. */
export function paymentLook(status: PaymentStatus): PaymentLook {
  switch (status) {
    case 'paid':
      return { icon: 'success', tone: 'paid', received: true, pending: false };
    case 'declined':
      return { icon: 'error', tone: 'declined', received: false, pending: false };
    case 'cancelled':
      return { icon: 'cancelled', tone: 'cancelled', received: false, pending: false };
    case 'expired':
      return { icon: 'warning', tone: 'expired', received: false, pending: false };
    default:
      return { icon: 'clock', tone: 'pending', received: false, pending: true };
  }
}

/** What the documents cell shows: the numbers (when the API gives them for every id), or how many there are, or none. */
export type PaymentDocuments = { kind: 'numbers'; documents: readonly PaymentDocument[] } | { kind: 'count'; count: number } | { kind: 'none' };

export function paymentDocuments(payment: PaymentItem): PaymentDocuments {
  const ids: readonly unknown[] = Array.isArray(payment.documentIds) ? payment.documentIds : [];
  const docs: readonly unknown[] = Array.isArray(payment.documents) ? (payment.documents) : [];
  // Numbers only when they are whole: a list that misses some would hide a document the payment settled.
  if (docs.length > 0 && docs.length >= ids.length && docs.every(isDocument)) return { kind: 'numbers', documents: docs };
  return ids.length ? { kind: 'count', count: ids.length } : { kind: 'none' };
}

function isDocument(value: unknown): value is PaymentDocument {
  if (typeof value !== 'object' || value === null) return false;
  const { id, number } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof number === 'string' && number !== '';
}

/** A document's own link from `document-href` (`{id}` replaced, encoded), or `undefined` without one. */
export function documentLink(template: string | undefined, id: string): string | undefined {
  return template ? template.replaceAll('{id}', encodeURIComponent(id)) : undefined;
}
