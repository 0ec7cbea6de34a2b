/**
 * In-flight de-duplication and a short-lived cache of GET answers, shared by every widget that uses one
 * API base: two widgets that need the balance make one request. Each entry carries tags (the resource
 * it belongs to) so a mutation can invalidate exactly what it changes.
 *
 * Callers can abort their own wait (a widget leaving the page) without cancelling the request for the
 * others; the request itself is aborted only when every caller has gone.
 */
interface Entry {
  promise: Promise<unknown>;
  controller: AbortController;
  waiting: number;
  settled: boolean;
  expiresAt: number;
  tags: readonly string[];
}

export class RequestCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  /**
   * The cached or in-flight answer for `key`, or a new request made by `load`. `ttlMs` 0 still
   * de-duplicates concurrent calls but keeps nothing afterwards.
   */
  get<T>(
    key: string,
    tags: readonly string[],
    ttlMs: number,
    load: (signal: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    let entry = this.entries.get(key);
    if (entry && entry.settled && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      entry = undefined;
    }
    if (!entry) {
      const controller = new AbortController();
      const created: Entry = {
        controller,
        waiting: 0,
        settled: false,
        expiresAt: Number.POSITIVE_INFINITY,
        tags,
        promise: Promise.resolve(),
      };
      created.promise = load(controller.signal).then(
        (value) => {
          created.settled = true;
          created.expiresAt = this.now() + ttlMs;
          if (ttlMs <= 0 && this.entries.get(key) === created) this.entries.delete(key);
          return value;
        },
        (error: unknown) => {
          // Failures are never cached: the next caller tries again.
          if (this.entries.get(key) === created) this.entries.delete(key);
          throw error;
        },
      );
      this.entries.set(key, created);
      entry = created;
    }
    return this.wait(entry, key, signal) as Promise<T>;
  }

  private wait(entry: Entry, key: string, signal?: AbortSignal): Promise<unknown> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    entry.waiting++;
    // A caller without a signal waits to the end, so the request is never aborted under it.
    if (!signal) return entry.promise.finally(() => entry.waiting--);
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        entry.waiting--;
        reject(signal.reason as Error);
        // The request stops only if nobody asks for it again by the next task: a widget whose task re-runs (the
        // session turned out signed out, an argument changed) aborts its wait and at once asks for the same URL.
        setTimeout(() => {
          if (!entry.settled && entry.waiting === 0) {
            entry.controller.abort(signal.reason);
            if (this.entries.get(key) === entry) this.entries.delete(key);
          }
        });
      };
      signal.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          entry.waiting--;
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          entry.waiting--;
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  /** Forgets every entry with one of these tags (finished or in flight: a later caller asks again). */
  invalidate(tags: readonly string[]): void {
    for (const [key, entry] of this.entries) {
      if (entry.tags.some((tag) => tags.includes(tag))) this.entries.delete(key);
    }
  }

  /** Forgets everything except entries tagged `public` (at logout: no personal data survives). */
  clearPersonal(): void {
    for (const [key, entry] of this.entries) if (!entry.tags.includes('public')) this.entries.delete(key);
  }

  /** Forgets every finished entry (a malformed answer, read again on "Try again", must not come from here). */
  clearSettled(): void {
    for (const [key, entry] of this.entries) if (entry.settled) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
