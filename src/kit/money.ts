import type { components } from '../api/schema.js';

type PortalConfig = components['schemas']['PortalConfig'];

/** Amounts as exact hundredths (grosze): API decimal strings, compared and summed without floating point. */
export function toMinor(amount: string | undefined | null): number | undefined {
  if (typeof amount !== 'string') return undefined;
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(amount.trim());
  if (!match) return undefined;
  const minor = Number(match[2]) * 100 + Number(match[3]);
  return match[1] ? -minor : minor;
}

export function fromMinor(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export interface PayPlan {
  /** What the customer would pay, as a decimal string. */
  amount: string;
  /** The whole amount due, when the cap makes `amount` smaller. */
  due: string;
  /** The per-transaction cap applies: only part of the amount can be paid in one go. */
  capped: boolean;
  cap: string | undefined;
}

/**
 * What paying `due` (in grosze) offers under the portal's configuration: undefined when there is nothing to pay
 * or payments are off; with a per-transaction cap below it, the cap (the rest in a later payment).
 */
export function planFor(due: number | undefined, config: PortalConfig | undefined): PayPlan | undefined {
  if (config?.features?.payments === false) return undefined;
  if (due === undefined || due <= 0) return undefined;
  const cap = toMinor(config?.payments?.perTransactionCap?.amount);
  const capped = cap !== undefined && cap > 0 && due > cap;
  return {
    amount: fromMinor(capped ? cap : due),
    due: fromMinor(due),
    capped,
    cap: cap !== undefined ? fromMinor(cap) : undefined,
  };
}
