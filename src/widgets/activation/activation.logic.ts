import { EbokApiError } from '../../api/errors.js';

/** How an activation ended: the account is active, the link is unknown or expired, the link was used already. */
export type ActivationOutcome = 'activated' | 'invalid' | 'used';

/** Reads the API's answer: a token problem is an outcome to explain; anything else is thrown on (retry). */
export function outcomeOf(error: unknown): ActivationOutcome {
  if (error instanceof EbokApiError) {
    if (error.code === 'token_used') return 'used';
    if (error.code === 'token_invalid_or_expired') return 'invalid';
    if (error.code === 'validation_failed' && error.fields.some((f) => f.field === '/token')) return 'invalid';
  }
  throw error;
}

/**
 * One activation per token per page. A widget that re-renders, is moved in the DOM, or sits twice on a page
 * shares the one request; only a failure that is not an answer about the token (network, 5xx) lets a retry
 * send it again.
 */
const runs = new Map<string, Promise<ActivationOutcome>>();

export function activateOnce(key: string, run: () => Promise<unknown>): Promise<ActivationOutcome> {
  let pending = runs.get(key);
  if (!pending) {
    pending = run().then(
      () => 'activated' as const,
      (error: unknown) => outcomeOf(error),
    );
    runs.set(key, pending);
    pending.catch(() => runs.delete(key));
  }
  return pending;
}
