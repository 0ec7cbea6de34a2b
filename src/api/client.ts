import type { paths } from './schema.js';
import { EbokApiError, errorFromResponse } from './errors.js';
import { createPolicyFetch, DEFAULT_RETRY, type RetryPolicy } from './retry.js';
import { RequestCache } from './cache.js';
import { SessionStore, type Session } from './session.js';
import { requestLocale } from '../i18n/locale.js';
import { EbokSessionExpiredEvent } from '../core/events.js';
import { diagnose, malformedResponse, siteOf } from './diagnostics.js';
import {
  buildRequest,
  readAnswer,
  UnreadableAnswer,
  type ApiData,
  type ApiInit,
  type DeletePath,
  type GetPath,
  type Method,
  type PatchPath,
  type PostPath,
  type PutPath,
  type RequestInput,
} from './request.js';

export type { ApiData, ApiInit, DeletePath, GetPath, PatchPath, PostPath, PutPath } from './request.js';

export interface ClientOptions {
  /** The utility's API base, e.g. https://ebok-api.example.pl/api/v1 (relative bases resolve against the page). */
  apiBase: string;
  /** For apps that hold a bearer token instead of the session cookie. Called before every request. */
  getToken?: () => string | undefined | Promise<string | undefined>;
  /** Time allowed for one attempt of one request. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** How long a GET answer is reused (default 30 s; the portal config 5 min). */
  cacheTtlMs?: number;
  /** Replaces the browser's fetch (tests). */
  fetch?: typeof globalThis.fetch;
  /** For tests: the jitter source of the backoff. */
  random?: () => number;
}

/** What a mutation changes, beyond its own resource: those cached answers are dropped after it succeeds. */
const INVALIDATES: Record<string, readonly string[]> = {
  payments: ['balance', 'documents', 'payments'],
  points: ['points', 'readings', 'consumption', 'balance'],
  customer: ['customer'],
  tickets: ['tickets'],
  messages: ['messages'],
  auth: ['auth'],
};

/** The resource a path belongs to: its first segment (`/documents/{id}/pdf` → `documents`). */
function resourceOf(path: string): string {
  return path.split('/')[1] ?? '';
}

const PUBLIC_RESOURCES = new Set(['portal-config', 'outages']);

/**
 * A fresh key for one user action (a click on "Pay"): reused by that action's retries, never by another action.
 * A version-4 UUID. `crypto.randomUUID` exists only in secure contexts (HTTPS, localhost); a utility's staging
 * host on plain HTTP still has `crypto.getRandomValues`, so the key is built from that when it must be.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The one API client of an API base: every widget using that base shares it (see registry.ts), and so
 * shares its session, its cache and its rules for errors.
 *
 * - Cookies are sent (`credentials: 'include'`), with the CSRF header on state changes; or a bearer token.
 * - `Accept-Language` follows the widgets' language.
 * - Each attempt has a timeout; the caller's signal aborts; GETs and POSTs with an Idempotency-Key are
 *   retried with backoff and jitter, honouring Retry-After, a bounded number of times.
 * - Problems become `EbokApiError`; a 401 on personal data ends the session (once) for every widget.
 * - GETs are de-duplicated while in flight and cached briefly; mutations drop what they change.
 */
export class EbokClient {
  readonly apiBase: string;
  readonly session: SessionStore;
  private readonly cache = new RequestCache();
  private readonly fetch: (request: Request) => Promise<Response>;
  private readonly ttl: number;

  constructor(private readonly options: ClientOptions) {
    this.apiBase = normalizeApiBase(options.apiBase);
    this.ttl = options.cacheTtlMs ?? 30_000;
    this.fetch = createPolicyFetch({
      retry: { ...DEFAULT_RETRY, ...options.retry },
      timeoutMs: options.timeoutMs ?? 15_000,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.random ? { random: options.random } : {}),
    });
    this.session = new SessionStore(this.apiBase, {
      load: (signal) => this.loadSession(signal),
      logout: async () => {
        await this.post('/auth/logout', {}).catch((error: unknown) => {
          // Logging out must always work for the customer; a server that is gone has ended the session anyway.
          if (!(error instanceof EbokApiError)) throw error;
        });
      },
      clearPersonalData: () => this.cache.clearPersonal(),
      ended: (detail) => {
        if (typeof document !== 'undefined') document.dispatchEvent(new EbokSessionExpiredEvent(detail));
      },
    });
  }

  /** A GET, de-duplicated and cached per URL; throws `EbokApiError`. */
  get<P extends GetPath>(
    path: P,
    init: ApiInit<P, 'get'> & { cacheTtlMs?: number } = {} as ApiInit<P, 'get'> & { cacheTtlMs?: number },
  ): Promise<ApiData<P, 'get'>> {
    const { signal, cacheTtlMs, ...rest } = init as RequestInput & { cacheTtlMs?: number };
    const resource = resourceOf(path);
    const tags = PUBLIC_RESOURCES.has(resource) ? [resource, 'public'] : [resource];
    const ttl = cacheTtlMs ?? (resource === 'portal-config' ? 300_000 : this.ttl);
    // The portal configuration holds its texts in every language (LocalizedText): one answer serves them all.
    const key = `GET ${path} ${JSON.stringify(rest.params ?? {})} ${resource === 'portal-config' ? '' : requestLocale()}`;
    return this.cache.get(
      key,
      tags,
      ttl,
      (shared) => this.call('get', path, { ...rest, signal: shared }),
      signal ?? undefined,
    ) as Promise<ApiData<P, 'get'>>;
  }

  /**
   * A POST. Where the contract requires an `Idempotency-Key` the types require it in `params.header`:
   * make it with `newIdempotencyKey()` when the customer acts, and reuse it if they send the same action again.
   */
  post<P extends PostPath>(path: P, init: ApiInit<P, 'post'>): Promise<ApiData<P, 'post'>> {
    return this.mutate('post', path, init);
  }

  put<P extends PutPath>(path: P, init: ApiInit<P, 'put'>): Promise<ApiData<P, 'put'>> {
    return this.mutate('put', path, init);
  }

  patch<P extends PatchPath>(path: P, init: ApiInit<P, 'patch'>): Promise<ApiData<P, 'patch'>> {
    return this.mutate('patch', path, init);
  }

  delete<P extends DeletePath>(path: P, init: ApiInit<P, 'delete'>): Promise<ApiData<P, 'delete'>> {
    return this.mutate('delete', path, init);
  }

  /**
   * A file (a document's PDF): the same session, language, retry and error rules as every call (a 401 ends the
   * session for every widget, a 404 is an `EbokApiError` with the server's code), never cached, and a success is
   * read by `read` (kit/file.ts `readFile` streams it with progress). The per-attempt timeout covers the body too.
   */
  download<P extends GetPath, T>(path: P, init: ApiInit<P, 'get'>, read: (response: Response) => Promise<T>): Promise<T> {
    return this.call('get', path, init, read) as Promise<T>;
  }

  /** Drops cached answers of these resources (e.g. `['balance']`) so the next read asks the server. */
  invalidate(resources: readonly string[]): void {
    this.cache.invalidate(resources);
  }

  /**
   * Drops every cached answer: a widget found one that breaks the contract (`malformed_response`) and its
   * "Try again" must ask the server, not get the same answer from the cache for the next 30 seconds.
   */
  forgetCached(): void {
    this.cache.clearSettled();
  }

  /** Signs the customer in on every widget of this API base (after login or a verified two-step code). */
  signedIn(session: Session): void {
    this.session.signIn(session);
  }

  private async mutate<P extends keyof paths, M extends Method>(
    method: M,
    path: P,
    init: ApiInit<P, M>,
  ): Promise<ApiData<P, M>> {
    const { idempotencyKey, ...rest } = init as { idempotencyKey?: string; headers?: Record<string, string> };
    const headers = { ...(rest.headers ?? {}), ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}) };
    const data = await this.call(method, path, { ...rest, headers });
    const resource = resourceOf(path);
    this.cache.invalidate(INVALIDATES[resource] ?? [resource]);
    return data as ApiData<P, M>;
  }

  private async call(method: Method, path: string, init: RequestInput, read?: (response: Response) => Promise<unknown>): Promise<unknown> {
    let response: Response;
    let data: unknown;
    try {
      // A page that gave its own fetch (a proxy that signs requests, tests) keeps it for uploads too: they go
      // without progress rather than around it.
      const send = init.via && !this.options.fetch ? init.via : this.fetch;
      response = await send(buildRequest(this.apiBase, method, path, init, await this.requestInit(method)));
      data = await (response.ok && read ? read(response) : readAnswer(response));
    } catch (error) {
      if (error instanceof EbokApiError) {
        if (error.code === 'network_error' && !error.offline) this.diagnoseUnreachable();
        throw error;
      }
      if ((error as Error)?.name === 'AbortError' || init.signal?.aborted) throw error;
      if (error instanceof UnreadableAnswer) throw malformedResponse(this.apiBase, `${method.toUpperCase()} ${path} answered with ${error.message}`);
      if (typeof navigator === 'undefined' || navigator.onLine !== false) this.diagnoseUnreachable();
      throw new EbokApiError({ status: 0, code: 'network_error', cause: error });
    }
    if (!response.ok) {
      const apiError = errorFromResponse(response, data);
      if (response.status === 401 && !path.startsWith('/auth/') && apiError.code !== 'invalid_credentials') {
        this.diagnoseLostCookie();
        this.session.end('unauthorized');
      }
      throw apiError;
    }
    if (response.status !== 204 && data === undefined && method === 'get') {
      throw malformedResponse(this.apiBase, `${method.toUpperCase()} ${path} answered with an empty body`, response.status);
    }
    if (data !== undefined && (typeof data !== 'object' || data === null) && !(data instanceof Blob)) {
      throw malformedResponse(this.apiBase, `${method.toUpperCase()} ${path} answered with a body that is not an object`, response.status);
    }
    return data;
  }

  /** Cookies or a bearer token; the widgets' language; the CSRF token on state changes. */
  private async requestInit(method: Method): Promise<{ credentials: RequestCredentials; headers: Record<string, string> }> {
    const headers: Record<string, string> = { 'Accept-Language': requestLocale() };
    const token = await this.options.getToken?.();
    if (token) headers.Authorization = `Bearer ${token}`;
    const csrf = this.session.state.csrfToken;
    if (method !== 'get' && csrf) headers['X-CSRF-Token'] = csrf;
    return { credentials: this.options.getToken ? 'omit' : 'include', headers };
  }

  /** Online, and the API cannot be reached: down, a wrong URL, or CORS refusing this page's origin. */
  private diagnoseUnreachable(): void {
    const origin = typeof location === 'undefined' ? 'this page' : location.origin;
    diagnose(
      'api_unreachable',
      `${this.apiBase} could not be reached. Check the URL and that the API runs; if it does, its CORS answers must allow this page's origin ${origin} with credentials (Access-Control-Allow-Origin: ${origin}, Access-Control-Allow-Credentials: true).`,
      { scope: this.apiBase },
    );
  }

  /**
   * A 401 within a minute of a login, with the session in a cookie: the browser did not keep or send the
   * cookie, typically because the API is on another site than the page (SameSite, third-party cookies).
   */
  private diagnoseLostCookie(): void {
    const since = this.session.signedInAt;
    if (this.options.getToken || since === undefined || Date.now() - since > 60_000) return;
    const page = typeof location === 'undefined' ? undefined : location.hostname;
    const api = new URL(this.apiBase).hostname;
    const crossSite = page !== undefined && siteOf(page) !== siteOf(api);
    diagnose(
      'session_cookie_blocked',
      `the login at ${this.apiBase} worked, but the next requests were not signed in: the browser did not keep the session cookie.` +
        (crossSite ? ` The API (${api}) is on another site than this page (${page}), and browsers block such cookies.` : '') +
        ' Serve the API on the same site (e.g. ebok-api.<your-domain>), or hold a bearer token and pass configure({ apiBase, getToken }). See the README, "Where the API lives".',
      { scope: this.apiBase },
    );
  }

  /** `200` the session; `204` signed out (also a `401`, which an older server or a rejected bearer token answers). */
  private async loadSession(signal?: AbortSignal): Promise<Session | null> {
    try {
      return ((await this.call('get', '/auth/session', { signal: signal ?? null })) as Session | undefined) ?? null;
    } catch (error) {
      if (error instanceof EbokApiError && error.status === 401) return null;
      throw error;
    }
  }
}

/** Absolute, without a trailing slash: the key under which widgets share a client. */
export function normalizeApiBase(apiBase: string): string {
  const base = typeof document === 'undefined' ? apiBase : new URL(apiBase, document.baseURI).href;
  return base.replace(/\/+$/, '');
}
