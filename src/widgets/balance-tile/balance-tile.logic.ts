import type { components } from '../../api/schema.js';

export type Balance = components['schemas']['Balance'];
export type PortalConfig = components['schemas']['PortalConfig'];
export type BalanceState = 'overdue' | 'due' | 'overpaid' | 'settled';

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
 * The state of a balance (DOMAIN.md "Balance colours", seeds 002 and 004; getBalance in the contract):
 * - `overdue` (red) when at least one document is past its due date, whatever the rest;
 * - `due` (red by default, a token of its own) when there is an amount to pay, none of it overdue yet: an
 *   amount to pay is never shown in the calm colour of "nothing to pay";
 * - `overpaid` (blue) when nothing is to pay and payments wait to be allocated: the overpayment is not smaller
 *   than the open documents;
 * - `settled` (green) when there is nothing to pay and no overpayment.
 */
export function balanceState(balance: Pick<Balance, 'balance' | 'overdue' | 'overdueCount'> & Partial<Pick<Balance, 'unallocatedPayments'>>): BalanceState {
  const overdue = toMinor(balance.overdue.amount) ?? 0;
  if (overdue > 0 || balance.overdueCount > 0) return 'overdue';
  const total = toMinor(balance.balance.amount) ?? 0;
  if (total > 0) return 'due';
  if (total < 0 || (toMinor(balance.unallocatedPayments?.amount) ?? 0) > 0) return 'overpaid';
  return 'settled';
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
