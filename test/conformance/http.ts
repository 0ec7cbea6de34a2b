/// <reference types="node" />
// The HTTP side of the conformance suite: one `Client` per browser session (its own cookie jar, parsed by
// hand from `Set-Cookie`, never following redirects), and a record of every exchange for the contract checks.
import { randomUUID } from 'node:crypto';
import type { Contract, Operation } from './contract.js';
import { asString, get, isObject } from './contract.js';

export const SESSION_COOKIE = 'ebok_session';

export interface Exchange {
  seq: number;
  operationId: string;
  method: string;
  /** The path as sent, without the base and the query. */
  path: string;
  url: string;
  status: number;
  headers: Headers;
  contentType: string;
  text: string;
  bytes: Uint8Array;
  /** The parsed body for JSON media types; undefined otherwise or when it does not parse. */
  json: unknown;
  ms: number;
  client: string;
}

export interface CallInit {
  params?: Record<string, string>;
  query?: Record<string, string | number | boolean | readonly string[] | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** `false`: send no `X-CSRF-Token` even when the client holds one; a string: send that value. */
  csrf?: boolean | string;
  /** A string: send it; `null`: send none even when required; undefined: a fresh UUID when required. */
  idempotencyKey?: string | null;
  /** Overrides the `Origin` header; `null` sends none. */
  origin?: string | null;
  /** Another method than the operation's (a path asked with a method it does not have). */
  method?: string;
  /** A body sent as it comes, chunked without a Content-Length (instead of `body`). */
  stream?: ReadableStream<Uint8Array>;
}

export interface HttpContext {
  contract: Contract;
  baseUrl: string;
  origin: string;
  exchanges: Exchange[];
  timeoutMs: number;
}

export class Client {
  readonly cookies = new Map<string, string>();
  /** Every `Set-Cookie` line received for the session cookie, newest last. */
  readonly sessionCookieLines: string[] = [];
  csrfToken: string | null = null;
  session: unknown;

  constructor(
    private readonly ctx: HttpContext,
    readonly label: string,
  ) {}

  get sessionId(): string | undefined {
    return this.cookies.get(SESSION_COOKIE);
  }

  /** A copy of this client sharing nothing: same cookies at the time of the copy. */
  clone(label: string): Client {
    const copy = new Client(this.ctx, label);
    for (const [name, value] of this.cookies) copy.cookies.set(name, value);
    copy.csrfToken = this.csrfToken;
    return copy;
  }

  /** Remembers the session from a `login`/`verifyMfa`/`getSession`/`refreshSession` answer. */
  adoptSession(exchange: Exchange): void {
    const session = get(exchange.json, 'status') === 'signed_in' ? get(exchange.json, 'session') : exchange.json;
    if (exchange.status === 200 && isObject(session)) {
      this.session = session;
      this.csrfToken = asString(session.csrfToken) ?? null;
    }
  }

  async call(operationId: string, init: CallInit = {}): Promise<Exchange> {
    const op = this.ctx.contract.operation(operationId);
    const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const value = init.params?.[name];
      if (value === undefined) throw new Error(`${operationId}: path parameter ${name} missing`);
      return encodeURIComponent(value);
    });
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(init.query ?? {})) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const item of value as readonly string[]) query.append(name, item);
      else query.append(name, String(value));
    }
    const url = `${this.ctx.baseUrl}${path}${query.size ? `?${query.toString()}` : ''}`;
    const headers = new Headers(init.headers);
    if (!headers.has('accept')) headers.set('accept', acceptFor(this.ctx.contract, op));
    const origin = init.origin === undefined ? this.ctx.origin : init.origin;
    if (origin !== null) headers.set('origin', origin);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    if (op.method !== 'GET') {
      const csrf = init.csrf === undefined || init.csrf === true ? this.csrfToken : init.csrf || null;
      if (csrf) headers.set('x-csrf-token', csrf);
      const key = init.idempotencyKey === undefined ? (op.requiresIdempotencyKey ? randomUUID() : null) : init.idempotencyKey;
      if (key !== null) headers.set('idempotency-key', key);
    }
    let body: string | undefined;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    const started = performance.now();
    if (init.stream && !headers.has('content-type')) headers.set('content-type', 'application/json');
    const response = await fetch(url, {
      method: init.method ?? op.method,
      headers,
      body: init.stream ?? body,
      redirect: 'manual',
      signal: AbortSignal.timeout(this.ctx.timeoutMs),
      ...(init.stream ? { duplex: 'half' } : {}),
    });
    const { bytes, contentType, text, json } = await readAnswer(response);
    const ms = performance.now() - started;
    this.storeCookies(response.headers);
    const exchange: Exchange = {
      seq: this.ctx.exchanges.length + 1,
      operationId,
      method: init.method ?? op.method,
      path,
      url,
      status: response.status,
      headers: response.headers,
      contentType,
      text,
      bytes,
      json,
      ms,
      client: this.label,
    };
    // A path asked with another method than its operation's is outside every operation: its answer (405) is
    // checked by the check that sent it, not against the operation's listed answers.
    if (init.method === undefined || init.method.toUpperCase() === op.method.toUpperCase()) this.ctx.exchanges.push(exchange);
    return exchange;
  }

  private storeCookies(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (name === SESSION_COOKIE) this.sessionCookieLines.push(line);
      let expired = value === '';
      for (const attribute of attributes) {
        const [key = '', raw = ''] = attribute.split('=').map((part) => part.trim());
        if (key.toLowerCase() === 'max-age' && Number(raw) <= 0) expired = true;
        if (key.toLowerCase() === 'expires' && Date.parse(raw) <= Date.now()) expired = true;
      }
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** An answer's body: its bytes, text, Content-Type and, for JSON media types, the parsed value (if it parses). */
export async function readAnswer(response: Response): Promise<Pick<Exchange, 'bytes' | 'contentType' | 'text' | 'json'>> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const contentType = response.headers.get('content-type') ?? '';
  const text = new TextDecoder().decode(bytes);
  let json: unknown;
  if (/[/+]json\b/i.test(contentType)) {
    try {
      json = JSON.parse(text) as unknown;
    } catch {
      json = undefined;
    }
  }
  return { bytes, contentType, text, json };
}

/** The Accept header for an operation: every media type its answers may have. */
export function acceptFor(contract: Contract, op: Operation): string {
  const types = new Set<string>();
  for (const status of contract.listedStatuses(op)) {
    const content = contract.response(op, Number(status))?.content;
    if (isObject(content)) for (const type of Object.keys(content)) types.add(type);
  }
  return types.size ? [...types].join(', ') : '*/*';
}

/** `POST /auth/login → 401 invalid_credentials`: for failure messages. */
export function describe(exchange: Exchange): string {
  const code = asString(get(exchange.json, 'code'));
  return `${exchange.operationId} (${exchange.method} ${exchange.path}) → HTTP ${exchange.status}${code ? ` ${code}` : ''}`;
}

export const problemCode = (exchange: Exchange): string | undefined => asString(get(exchange.json, 'code'));
