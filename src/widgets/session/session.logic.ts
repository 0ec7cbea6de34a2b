import type { EbokClient } from '../../api/client.js';
import { EbokApiError } from '../../api/errors.js';
import type { Session } from '../../api/session.js';

/**
 * The session bars of each API base on the page (kept on `globalThis`, so two copies of the bundle share
 * it). Only the first connected one warns about the timeout, so a page with a session bar in the header and
 * another in a side column shows one dialog, not two.
 */
export function barsOf<T>(apiBase: string): Set<T> {
  const holder = globalThis as unknown as Record<symbol, Map<string, Set<T>> | undefined>;
  const all = (holder[Symbol.for('ebok-widgets.session-bars')] ??= new Map<string, Set<T>>());
  let bars = all.get(apiBase);
  if (!bars) all.set(apiBase, (bars = new Set()));
  return bars;
}

/**
 * GET /auth/session, which does not count as activity: the session, null when it has ended (204, no body:
 * nobody signed in; or a 401 for a refused bearer token), undefined when unknown (a network failure).
 */
export async function readSession(client: EbokClient): Promise<Session | null | undefined> {
  try {
    const session: Session | undefined = await client.get('/auth/session', { cacheTtlMs: 0 });
    return session ?? null;
  } catch (error) {
    if (error instanceof EbokApiError && error.status === 401) return null;
    return undefined;
  }
}
