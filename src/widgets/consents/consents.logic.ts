import type { components } from '../../api/schema.js';

export type Consents = components['schemas']['Consents'];
export type MarketingConsent = components['schemas']['MarketingConsent'];
export type ConsentsUpdate = components['schemas']['ConsentsUpdate'];
export type PortalConfig = components['schemas']['PortalConfig'];

/** The form's values: `eInvoice` and one `marketing-<id>` per consent, each a checkbox. */
export type ConsentValues = Record<string, boolean>;

export const E_INVOICE = 'eInvoice';

/** The form field of one marketing consent (also the checkbox's id). */
export const marketingField = (id: string): string => `marketing-${id}`;

/** The fields in the order of the page: e-invoice first, then the marketing consents in the utility's order. */
export function fieldOrder(consents: Consents): string[] {
  return [E_INVOICE, ...consents.marketing.map((m) => marketingField(m.id))];
}

/** The form's values for the stored consents; e-invoice is on where the utility's eBOK means e-invoices. */
export function valuesOf(consents: Consents, eInvoiceRequired: boolean): ConsentValues {
  return { [E_INVOICE]: consents.eInvoice || eInvoiceRequired, ...Object.fromEntries(consents.marketing.map((m) => [marketingField(m.id), m.given])) };
}

/**
 * The update for what the customer changed against the stored consents: each marketing consent that changed
 * (withdrawing is sent exactly as giving is), and e-invoice when it changed and may change. Undefined when nothing
 * changed.
 */
export function changesOf(consents: Consents, values: ConsentValues, eInvoiceRequired: boolean): ConsentsUpdate | undefined {
  const marketing = consents.marketing.filter((m) => values[marketingField(m.id)] !== undefined && values[marketingField(m.id)] !== m.given).map((m) => ({ id: m.id, given: values[marketingField(m.id)]! }));
  const eInvoice = values[E_INVOICE];
  const eInvoiceChanged = !eInvoiceRequired && eInvoice !== undefined && eInvoice !== consents.eInvoice;
  if (!marketing.length && !eInvoiceChanged) return undefined;
  return { ...(marketing.length ? { marketing } : {}), ...(eInvoiceChanged ? { eInvoice } : {}) };
}

/** The field a server error points at: `/eInvoice` → e-invoice, `/marketing/1/id` → the second consent sent. */
export function fieldOfPointer(pointer: string, sent: ConsentsUpdate | undefined): string | undefined {
  if (pointer === '/eInvoice') return E_INVOICE;
  const index = /^\/marketing\/(\d+)/.exec(pointer)?.[1];
  const id = index === undefined ? undefined : sent?.marketing?.[Number(index)]?.id;
  return id ? marketingField(id) : undefined;
}

const isText = (value: unknown): boolean => !!value && typeof value === 'object' && typeof (value as { pl?: unknown }).pl === 'string';

/** An answer the widget can show (a broken body must show an error, not a half-empty form). */
export function isConsents(value: unknown): value is Consents {
  const v = value as Partial<Consents> | null;
  if (!v || typeof v !== 'object' || typeof v.eInvoice !== 'boolean' || !Array.isArray(v.marketing)) return false;
  if (!v.terms || typeof v.terms.version !== 'string' || typeof v.terms.acceptedAt !== 'string') return false;
  return v.marketing.every((m: Partial<MarketingConsent> | null) => !!m && typeof m.id === 'string' && typeof m.given === 'boolean' && isText(m.title) && isText(m.description));
}

/** The consents whose value the last save changed, with what they are now (for the result's words). */
export function changedConsents(before: Consents, after: Consents): MarketingConsent[] {
  return after.marketing.filter((m) => before.marketing.find((b) => b.id === m.id)?.given !== m.given);
}
