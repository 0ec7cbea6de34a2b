import type { components } from '../../api/schema.js';

export type Balance = components['schemas']['Balance'];
export type PortalConfig = components['schemas']['PortalConfig'];
export type BalanceState = 'overdue' | 'overpaid' | 'ok';

/** Amounts as exact hundredths (grosze): API decimal strings, compared without floating point. */
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

/**
 * The state of a balance (DOMAIN.md, seeds 002 and 004):
 * - `overpaid` when the balance is in credit: the overpayment is larger than all open documents;
 * - `overdue` when an open document is past its due date and the balance is not in credit;
 * - `ok` otherwise: settled, or only payments not yet due.
 */
export function balanceState(balance: Pick<Balance, 'balance' | 'overdue' | 'overdueCount'>): BalanceState {
  const total = toMinor(balance.balance.amount) ?? 0;
  if (total < 0) return 'overpaid';
  const overdue = toMinor(balance.overdue.amount) ?? 0;
  if (overdue > 0 || balance.overdueCount > 0) return 'overdue';
  return 'ok';
}

export interface PayPlan {
  /** What the customer would pay, as a decimal string. */
  amount: string;
  /** The whole amount due, when the cap makes `amount` smaller. */
  due: string;
  /** The per-transaction cap applies: only part of the balance can be paid in one go. */
  capped: boolean;
  cap: string | undefined;
}

/** What "Pay" offers, or undefined when there is nothing to pay or payments are off. */
export function payPlan(balance: Balance, config: PortalConfig | undefined): PayPlan | undefined {
  if (config?.features?.payments === false) return undefined;
  const due = toMinor(balance.balance.amount);
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

/** A balance answer that can be shown: every figure the tile reads is present and well-formed. */
export function isUsableBalance(value: unknown): value is Balance {
  const b = value as Partial<Balance> | null;
  return (
    !!b &&
    toMinor(b.balance?.amount) !== undefined &&
    toMinor(b.overdue?.amount) !== undefined &&
    typeof b.overdueCount === 'number' &&
    typeof b.asOf === 'string'
  );
}

/** The query parameter the payment operator's return carries (see createPayment in the contract). */
export const RETURN_PARAM = 'paymentId';
