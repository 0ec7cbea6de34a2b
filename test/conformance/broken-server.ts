/// <reference types="node" />
// A proxy in front of a real server that breaks the contract on purpose, so a test can show that the
// conformance suite notices. Each mode breaks one family of behaviour and keeps every other answer as the
// server gave it (schema-valid, same statuses), so only that family's checks may fail:
//   startBrokenServer(target, { break: 'csrf' })   or   { break: ['caching', 'enumeration'] }
// What each mode does is in BREAK_MODES below. Without `break`, the proxy breaks caching, enumeration and
// idempotency together (the first self-test did exactly that).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export const BREAK_MODES = {
  csrf: 'the X-CSRF-Token and Origin checks are gone: the proxy puts the session’s right token on every state-changing request and replaces a foreign Origin with the server’s own',
  tokens: 'reset tokens are neither checked nor spent: a made-up or an already used token answers 204 (the password is not changed), and checking one answers 200 (usable for an hour)',
  session: 'the session id is derived from the account: every sign-in of a customer gets the same ebok_session value, which stays valid across sign-ins',
  cors: 'CORS reflects any Origin with credentials, answers without Vary: Origin, and preflights leave Idempotency-Key out of Access-Control-Allow-Headers',
  schema: 'GET /customer/profile answers without customerNumber and with eInvoice as a string',
  problems: 'every problem+json answer has type about:blank instead of urn:ebok-widgets:problem:<code> (still schema-valid)',
  lockout: 'no lockout: wrong passwords for the `credentials` accounts never reach the server (the proxy asks them for a stand-in identifier nobody has, one per account, so the answers count and change as an unknown identifier’s do), so the right one still signs in',
  silentlock: 'the lock is never told: every 401 login_locked of the login becomes the plain 401 invalid_credentials (as a server that answers a locked account like a wrong password), so the customer never learns why the right password fails',
  mfa: 'one-time codes are neither limited nor single use: after the first wrong code of a challenge the proxy answers wrong codes itself, and a used code answers the first sign-in again',
  caching: 'every Cache-Control header is removed (personal answers lose no-store)',
  enumeration: 'unknown identifiers get their own text (login and password reset) and answer faster than a wrong password for an existing account; password resets and login reminders for an existing account answer later (as if mailed before the answer)',
  idempotency: 'a replayed POST /payments gets a new payment id and loses Idempotent-Replayed, as if the Idempotency-Key were ignored',
  probe: 'a path segment below /api/v1 that is no id (percent-encoded, or over 64 characters) answers 500 internal_error, as a server that trusts its path parameters would',
} as const;
export type BreakMode = keyof typeof BREAK_MODES;

export interface BrokenServerOptions {
  /** What to break; default `['caching', 'enumeration', 'idempotency']`. */
  break?: BreakMode | readonly BreakMode[];
  /**
   * `enumeration`: identifiers of accounts that exist (a proxy cannot tell them from unknown ones by itself;
   * that is the point of the contract). Identifiers that sign in through the proxy count as existing too.
   */
  accounts?: readonly string[];
  /** `lockout`: identifier → right password of the accounts whose wrong passwords the server must never see. */
  credentials?: Readonly<Record<string, string>>;
  /** `mfa`: the server's test outbox, where the proxy reads the codes it sent; default `<target>/api/test/outbox`. */
  outboxUrl?: string;
}

export interface BrokenServer {
  /** The proxy's origin, e.g. `http://127.0.0.1:40123`; paths are passed through unchanged. */
  url: string;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'host', 'upgrade']);
const SESSION_COOKIE = 'ebok_session';
/** How much slower a wrong password, a reset or a reminder for an existing account answers in `enumeration` mode. */
const ENUMERATION_DELAY_MS = 400;

/** One answer, as the proxy hands it on. */
interface Reply {
  status: number;
  headers: Map<string, string | string[]>;
  payload: Buffer;
}

interface Incoming {
  method: string;
  url: URL;
  /** The path below the API base (`/auth/login`), or the whole path outside it. */
  route: string;
  headers: Headers;
  body: Buffer;
  json: Record<string, unknown> | undefined;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const normalize = (identifier: unknown): string | undefined => (typeof identifier === 'string' ? identifier.trim().toLowerCase() : undefined);
const isJsonReply = (reply: Reply): boolean => /[/+]json\b/i.test(String(reply.headers.get('content-type') ?? ''));
const replyJson = (reply: Reply): Record<string, unknown> | undefined => (isJsonReply(reply) ? parseObject(reply.payload.toString('utf8')) : undefined);
const codeOf = (reply: Reply): unknown => replyJson(reply)?.code;
const copyReply = (reply: Reply): Reply => ({ status: reply.status, headers: new Map(reply.headers), payload: Buffer.from(reply.payload) });

function setJson(reply: Reply, value: unknown): void {
  reply.payload = Buffer.from(JSON.stringify(value));
}

/** A copy of a problem answer as a fresh occurrence (new `instance`). */
function freshProblem(template: Reply): Reply {
  const reply = copyReply(template);
  const problem = replyJson(reply);
  if (problem) setJson(reply, { ...problem, instance: `urn:uuid:${randomUUID()}` });
  return reply;
}

function cookieValue(headers: Headers, name: string): string | undefined {
  for (const pair of (headers.get('cookie') ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  return undefined;
}

/** The `ebok_session` values an answer sets (not the ones it clears). */
function setSessionIds(reply: Reply): string[] {
  const lines = reply.headers.get('set-cookie');
  const values: string[] = [];
  for (const line of Array.isArray(lines) ? lines : lines ? [lines] : []) {
    const match = new RegExp(`^\\s*${SESSION_COOKIE}=([^;]*)`).exec(line);
    if (match?.[1]) values.push(match[1]);
  }
  return values;
}

function replaceSessionId(reply: Reply, from: string, to: string): void {
  const lines = reply.headers.get('set-cookie');
  if (!lines) return;
  const list = (Array.isArray(lines) ? lines : [lines]).map((line) => line.replace(`${SESSION_COOKIE}=${from}`, `${SESSION_COOKIE}=${to}`));
  reply.headers.set('set-cookie', list);
}

/** The session object of a sign-in answer (`{status: 'signed_in', session}`) or of GET /auth/session. */
function sessionOf(reply: Reply, route: string): Record<string, unknown> | undefined {
  const body = replyJson(reply);
  if (reply.status !== 200 || !body) return undefined;
  const session = route === '/auth/session' || route === '/auth/session/refresh' ? body : body.status === 'signed_in' ? body.session : undefined;
  return typeof session === 'object' && session !== null ? (session as Record<string, unknown>) : undefined;
}

const SIGN_IN_ROUTES = new Set(['/auth/login', '/auth/mfa/verify']);
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function startBrokenServer(targetUrl: string, options: BrokenServerOptions = {}): Promise<BrokenServer> {
  const target = new URL(targetUrl);
  const modes = new Set<BreakMode>(
    options.break === undefined ? ['caching', 'enumeration', 'idempotency'] : typeof options.break === 'string' ? [options.break] : options.break,
  );
  for (const mode of modes) if (!(mode in BREAK_MODES)) throw new Error(`unknown break mode ${JSON.stringify(mode)}`);
  const outboxUrl = options.outboxUrl ?? new URL('/api/test/outbox', target).href;
  const secret = randomBytes(16);

  /** enumeration: identifiers the proxy "knows" exist. */
  const known = new Set((options.accounts ?? []).map((identifier) => identifier.trim().toLowerCase()));
  /** csrf: session id → its CSRF token, learnt from the answers. */
  const csrfTokens = new Map<string, string>();
  /** session: the id the browser holds → the server's current session behind it. */
  const sessions = new Map<string, string>();
  /** lockout: each account's stand-in, an identifier nobody has, that its wrong passwords are sent for instead. */
  const standIns = new Map<string, string>();
  const credentials = new Map(Object.entries(options.credentials ?? {}).map(([identifier, password]) => [identifier.trim().toLowerCase(), password]));
  /** silentlock: the latest genuine `invalid_credentials` body, to answer a `login_locked` with. */
  let invalidCredentials: Record<string, unknown> | undefined;
  /** mfa: the code sent for each challenge, the first wrong-code answer of each, the sign-ins by challenge+code. */
  const mfaCodes = new Map<string, string>();
  const mfaWrongTemplates = new Map<string, Reply>();
  const mfaSignIns = new Map<string, Reply>();
  /** tokens: a genuine 204 of the reset confirmation (for its headers). */
  let resetConfirmed: Reply | undefined;

  const forward = async (incoming: Incoming, override?: { headers?: Headers; body?: Buffer }): Promise<{ reply: Reply; ms: number }> => {
    const started = performance.now();
    const body = override?.body ?? incoming.body;
    const upstream = await fetch(incoming.url, {
      method: incoming.method,
      headers: override?.headers ?? incoming.headers,
      body: incoming.method === 'GET' || incoming.method === 'HEAD' ? undefined : new Uint8Array(body),
      redirect: 'manual',
    });
    const payload = Buffer.from(await upstream.arrayBuffer());
    const headers = new Map<string, string | string[]>();
    upstream.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name) && name !== 'set-cookie') headers.set(name, value);
    });
    const cookies = upstream.headers.getSetCookie();
    if (cookies.length) headers.set('set-cookie', cookies);
    return { reply: { status: upstream.status, headers, payload }, ms: performance.now() - started };
  };

  /** The latest one-time code in the server's outbox (the server sends it before it answers the login). */
  const latestCode = async (): Promise<string | undefined> => {
    const response = await fetch(outboxUrl);
    const list = (await response.json()) as unknown;
    const items = Array.isArray(list) ? (list as unknown[]) : [];
    const message = items.find((item) => typeof (item as { code?: unknown } | null)?.code === 'string') as { code: string } | undefined;
    return message?.code;
  };

  // ---------- before the request goes out: rewrite it, or answer it without the server ----------
  const before = async (incoming: Incoming): Promise<Reply | undefined> => {
    const { method, route, headers, json } = incoming;
    if (modes.has('session')) {
      const held = cookieValue(headers, SESSION_COOKIE);
      const behind = held === undefined ? undefined : sessions.get(held);
      if (held !== undefined && behind !== undefined) {
        headers.set('cookie', (headers.get('cookie') ?? '').replace(`${SESSION_COOKIE}=${held}`, `${SESSION_COOKIE}=${behind}`));
      }
    }
    if (modes.has('csrf') && STATE_CHANGING.has(method)) {
      const session = cookieValue(headers, SESSION_COOKIE);
      const token = session === undefined ? undefined : csrfTokens.get(session);
      if (token) headers.set('x-csrf-token', token);
      const origin = headers.get('origin');
      if (origin && origin !== target.origin) headers.set('origin', target.origin);
    }
    if (modes.has('lockout') && method === 'POST' && route === '/auth/login') {
      const identifier = normalize(json?.identifier);
      const right = identifier === undefined ? undefined : credentials.get(identifier);
      if (right !== undefined && json?.password !== right) {
        // Genuine answers for an unknown identifier with as many failures (the lock notice and the throttle
        // included), and nothing counted on the account.
        let standIn = standIns.get(identifier!);
        if (!standIn) standIns.set(identifier!, (standIn = `nobody.proxy.${randomBytes(5).toString('hex')}@example.com`));
        return (await forward(incoming, { body: Buffer.from(JSON.stringify({ ...json, identifier: standIn })) })).reply;
      }
    }
    if (modes.has('probe') && route.split('/').some((segment) => segment.includes('%') || segment.length > 64)) {
      const problem = { type: 'urn:ebok-widgets:problem:internal_error', title: 'Internal error', status: 500, code: 'internal_error', instance: `urn:uuid:${randomUUID()}` };
      return { status: 500, headers: new Map([['content-type', 'application/problem+json'], ['cache-control', 'no-store']]), payload: Buffer.from(JSON.stringify(problem)) };
    }
    if (modes.has('mfa') && method === 'POST' && route === '/auth/mfa/verify') {
      const challengeId = typeof json?.challengeId === 'string' ? json.challengeId : undefined;
      const sent = challengeId === undefined ? undefined : mfaCodes.get(challengeId);
      const template = challengeId === undefined ? undefined : mfaWrongTemplates.get(challengeId);
      // The first wrong code goes to the server (a genuine answer to copy); the server never sees another.
      if (sent !== undefined && json?.code !== sent && template) return freshProblem(template);
    }
    return undefined;
  };

  // ---------- after the answer came back: change it ----------
  const after = async (incoming: Incoming, reply: Reply): Promise<void> => {
    const { method, route, headers, json } = incoming;
    const problem = /^application\/problem\+json\b/i.test(String(reply.headers.get('content-type') ?? ''));

    if (modes.has('caching')) reply.headers.delete('cache-control');

    if (modes.has('silentlock') && method === 'POST' && route === '/auth/login' && reply.status === 401) {
      const body = replyJson(reply);
      if (body?.code === 'invalid_credentials') invalidCredentials = body;
      if (body?.code === 'login_locked') {
        const { lockedUntil: _until, ...rest } = body;
        setJson(
          reply,
          invalidCredentials
            ? { ...invalidCredentials, instance: body.instance ?? `urn:uuid:${randomUUID()}` }
            : { ...rest, type: 'urn:ebok-widgets:problem:invalid_credentials', title: 'Nieprawidłowy login lub hasło', code: 'invalid_credentials' },
        );
      }
    }

    if (modes.has('enumeration')) {
      const identifier = normalize(json?.identifier);
      if (method === 'POST' && route === '/auth/login' && identifier) {
        if (reply.status === 200) known.add(identifier);
        if (reply.status === 401 && !known.has(identifier)) {
          const body = replyJson(reply);
          if (body) setJson(reply, { ...body, detail: 'There is no account with this login.' });
        }
        if (reply.status === 401 && known.has(identifier)) await sleep(ENUMERATION_DELAY_MS);
      }
      if (method === 'POST' && route === '/auth/password-reset' && identifier && reply.status === 202 && !known.has(identifier)) {
        const body = replyJson(reply);
        if (body) setJson(reply, { ...body, message: 'There is no account with this login.' });
      }
      // The token and the e-mail made before the answer, for accounts only.
      if (method === 'POST' && (route === '/auth/password-reset' || route === '/auth/login-reminder') && identifier && reply.status === 202 && known.has(identifier)) {
        await sleep(ENUMERATION_DELAY_MS);
      }
    }

    if (modes.has('idempotency') && method === 'POST' && route === '/payments' && reply.headers.get('idempotent-replayed') === 'true') {
      reply.headers.delete('idempotent-replayed');
      const payment = replyJson(reply);
      if (payment) setJson(reply, { ...payment, id: `pay_${randomBytes(6).toString('hex')}` });
    }

    if (modes.has('csrf')) {
      const session = sessionOf(reply, route);
      const token = typeof session?.csrfToken === 'string' ? session.csrfToken : undefined;
      const id = SIGN_IN_ROUTES.has(route) ? setSessionIds(reply)[0] : cookieValue(headers, SESSION_COOKIE);
      if (token && id) csrfTokens.set(id, token);
    }

    if (modes.has('session')) {
      const [issued] = setSessionIds(reply);
      if (issued) {
        const user = sessionOf(reply, route)?.user as { id?: unknown } | undefined;
        const held = cookieValue(incoming.headers, SESSION_COOKIE);
        // A sign-in gets the account's fixed id; anything else that sets a new id keeps the one the browser has.
        // (`before` already swapped the browser's id for the server's in the request.)
        const fixed = SIGN_IN_ROUTES.has(route) && typeof user?.id === 'string'
          ? createHash('sha256').update(secret).update(user.id).digest('base64url')
          : [...sessions].find(([, server]) => server === held)?.[0];
        if (fixed) {
          sessions.set(fixed, issued);
          replaceSessionId(reply, issued, fixed);
        }
      }
    }

    if (modes.has('cors')) {
      const origin = headers.get('origin');
      if (origin && !reply.headers.has('access-control-allow-origin')) {
        reply.headers.set('access-control-allow-origin', origin);
        reply.headers.set('access-control-allow-credentials', 'true');
      }
      const vary = String(reply.headers.get('vary') ?? '').split(',').map((part) => part.trim()).filter((part) => part && part.toLowerCase() !== 'origin');
      if (vary.length) reply.headers.set('vary', vary.join(', '));
      else reply.headers.delete('vary');
      const allowHeaders = reply.headers.get('access-control-allow-headers');
      if (method === 'OPTIONS' && typeof allowHeaders === 'string') {
        reply.headers.set('access-control-allow-headers', allowHeaders.split(',').map((part) => part.trim()).filter((part) => part.toLowerCase() !== 'idempotency-key').join(', '));
      }
    }

    if (modes.has('schema') && method === 'GET' && route === '/customer/profile' && reply.status === 200) {
      const profile = replyJson(reply);
      if (profile) {
        const broken: Record<string, unknown> = { ...profile, eInvoice: String(profile.eInvoice) };
        delete broken.customerNumber;
        setJson(reply, broken);
      }
    }

    if (modes.has('problems') && problem) {
      const body = replyJson(reply);
      if (body) setJson(reply, { ...body, type: 'about:blank' });
    }

    if (modes.has('tokens') && method === 'POST' && route === '/auth/password-reset/check' && reply.status === 422) {
      const code = codeOf(reply);
      if (code === 'token_used' || code === 'token_invalid_or_expired' || code === 'token_expired') {
        reply.status = 200;
        reply.headers.set('content-type', 'application/json');
        setJson(reply, { expiresAt: new Date(Date.now() + 3600_000).toISOString() });
      }
    }

    if (modes.has('tokens') && method === 'POST' && route === '/auth/password-reset/confirm') {
      if (reply.status === 204) resetConfirmed = copyReply(reply);
      const code = codeOf(reply);
      if (reply.status === 422 && (code === 'token_used' || code === 'token_invalid_or_expired')) {
        const accepted = resetConfirmed ? copyReply(resetConfirmed) : { ...copyReply(reply), payload: Buffer.alloc(0) };
        accepted.status = 204;
        accepted.headers.delete('content-type');
        Object.assign(reply, accepted);
      }
    }


    if (modes.has('mfa')) {
      const body = replyJson(reply);
      if (method === 'POST' && (route === '/auth/login' || route === '/auth/mfa/resend') && reply.status === 200 && body?.status === 'mfa_required' && typeof body.challengeId === 'string') {
        const code = await latestCode();
        if (code) mfaCodes.set(body.challengeId, code);
      }
      if (method === 'POST' && route === '/auth/mfa/verify' && typeof json?.challengeId === 'string') {
        const key = `${json.challengeId}\n${String(json.code)}`;
        if (reply.status === 200 && body?.status === 'signed_in') mfaSignIns.set(key, copyReply(reply));
        else if (reply.status === 422 && body?.code === 'mfa_invalid_code' && !mfaWrongTemplates.has(json.challengeId)) mfaWrongTemplates.set(json.challengeId, copyReply(reply));
        else if (reply.status === 422 && body?.code === 'mfa_expired' && mfaSignIns.has(key)) Object.assign(reply, copyReply(mfaSignIns.get(key)!));
      }
    }
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = await readBody(request);
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (HOP_BY_HOP.has(name) || value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    }
    const url = new URL(request.url ?? '/', target);
    const base = url.pathname.indexOf('/api/v1/');
    const incoming: Incoming = {
      method: request.method ?? 'GET',
      url,
      route: base >= 0 ? url.pathname.slice(base + '/api/v1'.length) : url.pathname,
      headers,
      body,
      json: /json/i.test(headers.get('content-type') ?? '') ? parseObject(body.toString('utf8')) : undefined,
    };
    let reply = await before(incoming);
    if (!reply) {
      reply = (await forward(incoming)).reply;
      await after(incoming, reply);
    }
    reply.headers.set('content-length', String(reply.payload.length));
    response.writeHead(reply.status, Object.fromEntries(reply.headers));
    response.end(reply.payload);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`broken-server proxy error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
