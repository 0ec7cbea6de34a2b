import type { EbokClient } from '../api/client.js';
import type { components } from '../api/schema.js';

/**
 * Coming back from the payment operator. With the operator's redirect the address carries `?paymentId=`;
 * with the browser's Back button it does not, so before leaving the widget marks the page's history entry
 * with the payment (in `history.state`, which belongs to this entry only and holds no personal data).
 * The return address also names the widget that started the payment (`ebok-payment=<tag>`), so that on a page
 * with the tile and the list only that one announces the outcome, while both show the new figures.
 */

/** The query parameter the payment operator's return carries (see createPayment in the contract). */
export const RETURN_PARAM = 'paymentId';
/** The widget that started the payment, in the return address. */
export const SOURCE_PARAM = 'ebok-payment';
const MARK = 'ebokPaymentPending';

export type PaymentStatus = components['schemas']['PaymentStatus'];

/** The payment's status, or `not-completed`: back with the browser's Back button, nothing paid. */
export type PaymentOutcome = PaymentStatus | 'not-completed';

export interface PaymentReturn {
  id: string;
  /** The tag of the widget that started it, when the address says. */
  source: string | undefined;
  outcome: PaymentOutcome;
  /** The amount, when the API answered. */
  amount?: string;
  /** The payment's own status (undefined when the API could not be asked). */
  status?: PaymentStatus;
}

/** Just before the browser goes to the operator. */
export function markPaymentLeaving(paymentId: string, source?: string): void {
  const state = (history.state ?? {}) as Record<string, unknown>;
  history.replaceState({ ...state, [MARK]: source ? `${paymentId} ${source}` : paymentId }, '');
}

/** The address the operator sends the customer back to: this page, without an earlier return's parameters. */
export function returnUrlFor(source: string): string {
  const url = new URL(location.href);
  url.searchParams.delete(RETURN_PARAM);
  url.searchParams.set(SOURCE_PARAM, source);
  return url.href;
}

/** The payment to ask the API about on arriving here, whether the customer came back with Back, and who paid. */
export function paymentToCheck(): { id: string; back: boolean; source: string | undefined } | undefined {
  const params = new URL(location.href).searchParams;
  const fromUrl = params.get(RETURN_PARAM);
  if (fromUrl) return { id: fromUrl, back: false, source: params.get(SOURCE_PARAM) ?? undefined };
  const marked = (history.state as Record<string, unknown> | null)?.[MARK];
  if (typeof marked !== 'string' || !marked) return undefined;
  const [id = marked, source] = marked.split(' ');
  return { id, back: true, source };
}

/** The return is handled: the address loses its parameters and the history entry its mark. */
export function forgetPaymentReturn(): void {
  const url = new URL(location.href);
  for (const name of [RETURN_PARAM, 'ebok-payment-status', SOURCE_PARAM]) url.searchParams.delete(name);
  const state = { ...((history.state ?? {}) as Record<string, unknown>) };
  delete state[MARK];
  history.replaceState(state, '', url.href);
}

let reading: { id: string; answer: Promise<PaymentReturn> } | undefined;

/**
 * Reads the outcome of the payment this page came back from, once per return for every widget that asks (the
 * tile and the list on one page make one request and see the same answer). Undefined when there is none.
 * A paid or pending payment drops the cached balance, documents and payments, so each widget's next read is new.
 */
export function readPaymentReturn(client: EbokClient): Promise<PaymentReturn | undefined> {
  const check = paymentToCheck();
  if (!check) return reading ? reading.answer : Promise.resolve(undefined);
  forgetPaymentReturn();
  const answer = client.get('/payments/{paymentId}', { params: { path: { paymentId: check.id } }, cacheTtlMs: 0 }).then(
    (payment): PaymentReturn => {
      // Back without paying: the operator has not settled it yet, and the customer left its page.
      const outcome = check.back && payment.status === 'pending' ? 'not-completed' : payment.status;
      if (outcome === 'paid' || outcome === 'pending') client.invalidate(['balance', 'documents', 'payments']);
      return { id: check.id, source: check.source, outcome, amount: payment.amount.amount, status: payment.status };
    },
    (): PaymentReturn => ({ id: check.id, source: check.source, outcome: 'pending' }),
  );
  reading = { id: check.id, answer };
  return answer;
}

/** Forgets the answer read for this page (a new page state after bfcache, and tests). */
export function resetPaymentReturn(): void {
  reading = undefined;
}
