import type { components } from '../../api/schema.js';
import { planFor, toMinor, type PayPlan } from '../../kit/money.js';

export { toMinor, fromMinor, type PayPlan } from '../../kit/money.js';

export type Balance = components['schemas']['Balance'];
export type PortalConfig = components['schemas']['PortalConfig'];
export type BalanceState = 'overdue' | 'due' | 'overpaid' | 'settled';

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

/** What "Pay" offers, or undefined when there is nothing to pay or payments are off. */
export function payPlan(balance: Balance, config: PortalConfig | undefined): PayPlan | undefined {
  return planFor(toMinor(balance.balance.amount), config);
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
