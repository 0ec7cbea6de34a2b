import { EbokApiError, parseRetryAfter } from './errors.js';

export interface RetryPolicy {
  /** Attempts after the first; 0 turns retrying off. */
  retries: number;
  /** First backoff step in ms; doubles each attempt ("exponential backoff"). */
  baseDelayMs: number;
  /** No single wait is longer than this. */
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error goes to the widget, which says when to retry. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 400, maxDelayMs: 4000, maxRetryAfterMs: 10000 };

/** Statuses worth another try: the server is busy or briefly unavailable, or a gateway failed. */
const RETRY_STATUSES = new Set([429, 502, 503, 504]);

/** Exponential backoff with full jitter (AWS architecture blog): random in [0, min(max, base·2^attempt)]. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(random() * ceiling);
}

/** Retrying is safe for reads, and for writes that carry an Idempotency-Key (the server replays them). */
export function isRetrySafe(request: Request): boolean {
  return request.method === 'GET' || request.method === 'HEAD' || request.headers.has('Idempotency-Key');
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface PolicyFetchOptions {
  retry: RetryPolicy;
  timeoutMs: number;
  fetch?: typeof globalThis.fetch;
  /** For tests: the jitter source. */
  random?: () => number;
  /** For tests and diagnostics: called before each wait with the delay chosen. */
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
}

/**
 * A `fetch` with a timeout per attempt, the caller's abort signal honoured, and bounded retries for
 * safe requests, waiting Retry-After when the server gives one and backoff with jitter otherwise.
 * Transport failures come out as `EbokApiError` with `network_error` or `timeout`; an abort by the
 * caller stays an `AbortError`, so a widget that left the page stays quiet.
 */
export function createPolicyFetch(options: PolicyFetchOptions): (input: Request) => Promise<Response> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  return async function policyFetch(input: Request): Promise<Response> {
    const callerSignal = input.signal;
    const retrySafe = isRetrySafe(input);
    const maxAttempts = retrySafe ? options.retry.retries + 1 : 1;
    for (let attempt = 0; ; attempt++) {
      const timeout = AbortSignal.timeout(options.timeoutMs);
      const signal = AbortSignal.any([callerSignal, timeout]);
      let response: Response | undefined;
      let failure: EbokApiError | undefined;
      try {
        response = await doFetch(new Request(input.clone(), { signal }));
      } catch (error) {
        if (callerSignal.aborted) throw callerSignal.reason;
        failure = timeout.aborted
          ? new EbokApiError({ status: 0, code: 'timeout', cause: error })
          : new EbokApiError({ status: 0, code: 'network_error', cause: error });
      }
      const last = attempt + 1 >= maxAttempts;
      if (response && (!RETRY_STATUSES.has(response.status) || last)) return response;
      if (failure && last) throw failure;
      let delayMs = backoffDelay(attempt, options.retry, options.random);
      if (response) {
        const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
        if (retryAfter !== undefined) {
          if (retryAfter * 1000 > options.retry.maxRetryAfterMs) return response;
          delayMs = retryAfter * 1000;
        }
      }
      options.onRetry?.({ attempt: attempt + 1, delayMs, reason: response ? `HTTP ${response.status}` : failure!.code });
      await response?.body?.cancel().catch(() => undefined);
      await sleep(delayMs, callerSignal);
    }
  };
}
