import type { components } from './schema.js';

export type ProblemCode = components['schemas']['ProblemCode'];
export type FieldError = components['schemas']['FieldError'];

/** Failures that happen before or instead of an API answer; they have no HTTP status. */
export type TransportCode = 'network_error' | 'timeout' | 'malformed_response' | 'aborted';

export type EbokErrorCode = ProblemCode | TransportCode | 'http_error';

/**
 * Every failure of an API call, as one type: an RFC 9457 problem answered by the API (its `code`, `detail`
 * and per-field errors), or a transport failure (`network_error`, `timeout`, `malformed_response`).
 * Widgets decide what to show from `code`, never from the text of `detail`.
 */
export class EbokApiError extends Error {
  override readonly name = 'EbokApiError';
  /** HTTP status, or 0 for transport failures. */
  readonly status: number;
  readonly code: EbokErrorCode;
  readonly detail: string | undefined;
  readonly fields: FieldError[];
  /** Seconds the API asked us to wait (Retry-After or the problem's retryAfter). */
  readonly retryAfter: number | undefined;
  /** The whole problem body, for codes that carry more (lockedUntil, cap, changeToken…). */
  readonly problem: Partial<components['schemas']['Problem']> | undefined;

  constructor(init: {
    status: number;
    code: EbokErrorCode;
    detail?: string;
    fields?: FieldError[];
    retryAfter?: number;
    problem?: Partial<components['schemas']['Problem']>;
    cause?: unknown;
  }) {
    super(init.detail ?? init.code, { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.fields = init.fields ?? [];
    this.retryAfter = init.retryAfter;
    this.problem = init.problem;
  }

  /** The device has no connection (as opposed to an API that answered with an error). */
  get offline(): boolean {
    return this.code === 'network_error' && typeof navigator !== 'undefined' && navigator.onLine === false;
  }

  /** Trying the same call again later may succeed. */
  get transient(): boolean {
    return (
      this.code === 'network_error' ||
      this.code === 'timeout' ||
      this.status === 429 ||
      this.status === 502 ||
      this.status === 503 ||
      this.status === 504
    );
  }
}

export function isApiError(error: unknown): error is EbokApiError {
  return error instanceof EbokApiError;
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Builds the error for a non-2xx answer from its (already read) body; tolerant of any body at all. */
export function errorFromResponse(response: Response, body: unknown): EbokApiError {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  if (isRecord(body) && typeof body.code === 'string') {
    const fields = Array.isArray(body.fields)
      ? body.fields.filter((f): f is FieldError => isRecord(f) && typeof f.field === 'string')
      : [];
    return new EbokApiError({
      status: response.status,
      code: body.code as ProblemCode,
      detail: typeof body.detail === 'string' ? body.detail : undefined,
      fields,
      retryAfter: retryAfter ?? (typeof body.retryAfter === 'number' ? body.retryAfter : undefined),
      problem: body,
    });
  }
  // Not a problem document (a proxy's HTML error page, an empty body): keep the status, say so.
  const fallback: Record<number, EbokErrorCode> = {
    401: 'unauthenticated',
    403: 'forbidden',
    404: 'not_found',
    429: 'rate_limited',
    503: 'service_unavailable',
  };
  return new EbokApiError({
    status: response.status,
    code: fallback[response.status] ?? (response.status >= 500 ? 'internal_error' : 'http_error'),
    retryAfter,
  });
}
