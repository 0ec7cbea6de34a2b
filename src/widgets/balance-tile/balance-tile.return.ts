import { RETURN_PARAM } from './balance-tile.logic.js';

/**
 * Coming back from the payment operator. With the operator's redirect the address carries `?paymentId=`;
 * with the browser's Back button it does not, so before leaving the tile marks the page's history entry
 * with the payment (in `history.state`, which belongs to this entry only and holds no personal data).
 */
const MARK = 'ebokPaymentPending';

/** Just before the browser goes to the operator. */
export function markPaymentLeaving(paymentId: string): void {
  const state = (history.state ?? {}) as Record<string, unknown>;
  history.replaceState({ ...state, [MARK]: paymentId }, '');
}

/** The payment to ask the API about on arriving here, and whether the customer came back with Back. */
export function paymentToCheck(): { id: string; back: boolean } | undefined {
  const fromUrl = new URL(location.href).searchParams.get(RETURN_PARAM);
  if (fromUrl) return { id: fromUrl, back: false };
  const marked = (history.state as Record<string, unknown> | null)?.[MARK];
  return typeof marked === 'string' && marked ? { id: marked, back: true } : undefined;
}

/** The return is handled: the address loses its parameters and the history entry its mark. */
export function forgetPaymentReturn(): void {
  const url = new URL(location.href);
  for (const name of [RETURN_PARAM, 'ebok-payment-status', 'ebok-payment']) url.searchParams.delete(name);
  const state = { ...((history.state ?? {}) as Record<string, unknown>) };
  delete state[MARK];
  history.replaceState(state, '', url.href);
}
