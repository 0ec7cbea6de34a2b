import { linkRefusal, type LinkCheck, type LinkRefusal } from '../../kit/link-token.js';

/** How an activation ended: the account is active, or the link was used already, expired or is not valid. */
export type ActivationOutcome = 'activated' | LinkRefusal;

/**
 * One activation per token per page: the link is checked first (nothing is spent), then activated. A widget that
 * re-renders, is moved in the DOM, or sits twice on a page shares the one run; only a failure that is not an
 * answer about the token (network, 5xx) lets a retry run it again.
 */
const runs = new Map<string, Promise<ActivationOutcome>>();

export function activateOnce(key: string, check: () => Promise<LinkCheck>, activate: () => Promise<unknown>): Promise<ActivationOutcome> {
  let pending = runs.get(key);
  if (!pending) {
    pending = (async (): Promise<ActivationOutcome> => {
      const checked = await check();
      if (checked.refused) return checked.refused;
      try {
        await activate();
        return 'activated';
      } catch (error) {
        // It passed the check a moment ago: "unknown or expired" now means it expired in between.
        const refused = linkRefusal(error, true);
        if (refused) return refused;
        throw error;
      }
    })();
    runs.set(key, pending);
    pending.catch(() => runs.delete(key));
  }
  return pending;
}
