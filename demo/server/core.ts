/**
 * The request pipeline shared by every operation of the contract: origin check, session and CSRF,
 * Idempotency-Key, parameter and body validation (Ajv, from the contract), idempotent replay, and the
 * validation of every answer against the contract.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Db, Queryable } from './db.ts';
import type { Contract, OperationSpec } from './contract.ts';
import { ApiError, fieldError, pickLang, problemBody, statusOf, type FieldError, type Lang } from './problem.ts';
import { safeEqual, sha256 } from './util.ts';
import type { MailJobs } from './mail-jobs.ts';

export const API_BASE = '/api/v1';
export const SESSION_COOKIE = 'ebok_session';
export const MAX_BODY_BYTES = 30 * 1024 * 1024;

export interface PortalConfig {
  utilityName: string;
  kinds: string[];
  features: Record<'payments' | 'readings' | 'consumption' | 'tickets' | 'messages' | 'registration' | 'outages' | 'mfa', boolean>;
  passwordPolicy: { minLength: number; maxLength: number; requireUpper: boolean; requireLower: boolean; requireDigit: boolean; requireSpecial: boolean };
  activationLinkLifetimeSeconds: number;
  resetLinkLifetimeSeconds: number;
  readings: { photoAllowed: boolean; maxPhotoBytes: number; plausibilityFactor: number };
  payments: { methods: string[]; perTransactionCap: { amount: string; currency: string } | null; feeNote: unknown };
  session: { idleTimeoutSeconds: number; absoluteTimeoutSeconds: number };
  /** The current terms (a test hook publishes a new version: terms.ts). */
  terms: { version: string; url: string; publishedAt: string; summary: Record<string, string> | null };
  eInvoiceRequired: boolean;
  marketingConsents: { id: string; title: Record<string, string>; description: Record<string, string> }[];
  [key: string]: unknown;
}

/** Where a utility's website has the pages its e-mails link to (demo/personas/types.ts `UtilitySite`). */
export interface UtilitySite {
  portal: string;
  login: string;
  passwordReset: string;
  activation: string;
  register?: string;
  documents?: string;
  tickets?: string;
  messages?: string;
}

export interface Utility {
  id: string;
  kind: string;
  name: string;
  config: PortalConfig;
  site: UtilitySite;
}

/**
 * The address of one of a utility's pages, for a link in an e-mail: the site's own absolute URL as configured, or its
 * path on the server's public origin; `query` is added (a `token`).
 */
export function siteLink(app: Pick<AppState, 'publicOrigin'>, utility: Utility, page: Exclude<keyof UtilitySite, 'register' | 'documents' | 'tickets' | 'messages'>, query: Record<string, string> = {}): string {
  const url = new URL(utility.site[page], `${app.publicOrigin}/`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  // The fragment (`#konto`) goes after the query, as URL does.
  return url.href;
}

/**
 * The utility whose site has the page at `href` (a Referer): by the path of one of its configured pages (paths are
 * on whichever origin serves the demo sites), or by origin and path for a site configured with absolute URLs.
 */
export function utilityOfPage(app: Pick<AppState, 'publicOrigin' | 'utilities'>, href: string): Utility | undefined {
  let page: URL;
  try {
    page = new URL(href);
  } catch {
    return undefined;
  }
  const path = page.pathname === '/index.html' ? '/' : page.pathname;
  for (const utility of app.utilities.values()) {
    const { portal, login, passwordReset, activation, register, documents, tickets, messages } = utility.site;
    for (const target of [portal, login, passwordReset, activation, register, documents, tickets, messages]) {
      if (!target) continue;
      const url = new URL(target, `${app.publicOrigin}/`);
      if (url.pathname === path && (url.origin === page.origin || !/^[a-z]+:/i.test(target))) return utility;
    }
  }
  return undefined;
}

export interface AppState {
  db: Db;
  contract: Contract;
  utilities: Map<string, Utility>;
  defaultUtilityId: string;
  publicOrigin: string;
  allowedOrigins: Set<string>;
  secureCookies: boolean;
  validateResponses: boolean;
  log: boolean;
  /** The outbox, the test hooks and the back-office sandbox pages are served (to loopback clients only). */
  testHooks: boolean;
  /** Keys of requests running now (idempotency "in progress" without a database round trip). */
  running: Set<string>;
  /** The e-mails asked for without a session, sent after the answer (mail-jobs.ts). */
  mailJobs: MailJobs;
}

export interface UserRow {
  id: string;
  customer_id: string;
  email: string;
  pending_email: string | null;
  phone: string | null;
  password_hash: string;
  status: 'pending' | 'active';
  mfa_channel: 'sms' | 'email' | null;
  must_change_password: boolean;
  failed_logins: number;
  locked_until: Date | null;
  utility_id: string;
  display_name: string;
  customer_kind: 'person' | 'business';
  national_id: string;
}

export interface SessionRow {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  idle_expires_at: Date;
  absolute_expires_at: Date;
  idle_timeout_seconds: number;
  absolute_timeout_seconds: number;
}

export interface MultipartBody {
  fields: Record<string, string[]>;
  files: Record<string, File[]>;
}

export interface Ctx {
  c: Context;
  app: AppState;
  db: Db;
  op: OperationSpec;
  lang: Lang;
  ip: string;
  query: Record<string, unknown>;
  params: Record<string, string>;
  body: unknown;
  multipart: MultipartBody | null;
  user: UserRow | null;
  session: SessionRow | null;
  /** The raw cookie value of a session (even an unknown one), for logout and login. */
  sessionCookie: string | undefined;
  utility: Utility;
  now: Date;
  /** Runs `fn` once the request's work is committed (after its transaction, when it has one), e.g. to wake a worker. */
  afterCommit(fn: () => void): void;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  cookies?: string[];
  raw?: Uint8Array;
  contentType?: string;
}

export type Handler = (ctx: Ctx) => Promise<Reply>;

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({ status, body, headers });

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const NEVER_REPLAYED = new Set(['login', 'verifyMfa', 'refreshSession']);
const PUBLIC_CACHE = new Set(['getPortalConfig', 'listOutages']);

export function clientIp(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

/** Origin check for state-changing requests (login CSRF included). */
export function originAllowed(app: AppState, c: Context): boolean {
  const origin = c.req.header('origin');
  if (origin) return origin !== 'null' && app.allowedOrigins.has(origin);
  const referer = c.req.header('referer');
  if (referer) {
    try {
      return app.allowedOrigins.has(new URL(referer).origin);
    } catch {
      return false;
    }
  }
  // Neither header: not a browser (browsers send Origin on every POST/PUT/PATCH/DELETE), e.g. curl or an app.
  return true;
}

export function sessionCookie(app: AppState, id: string): string {
  return `${SESSION_COOKIE}=${id}; Path=${API_BASE}; HttpOnly;${app.secureCookies ? ' Secure;' : ''} SameSite=Lax`;
}

export function clearSessionCookie(app: AppState): string {
  return `${SESSION_COOKIE}=; Path=${API_BASE}; Max-Age=0; HttpOnly;${app.secureCookies ? ' Secure;' : ''} SameSite=Lax`;
}

const USER_SELECT = `SELECT u.*, c.utility_id, c.kind AS customer_kind, c.national_id,
  COALESCE(c.company_name, concat_ws(' ', c.first_name, c.last_name)) AS display_name
  FROM users u JOIN customers c ON c.id = u.customer_id`;

export async function loadUser(db: Queryable, where: string, params: unknown[]): Promise<UserRow | null> {
  const rows = await db.query<UserRow>(`${USER_SELECT} WHERE ${where}`, params);
  return rows[0] ?? null;
}

const SESSION_COLUMNS = ['id_hash', 'user_id', 'csrf_token', 'idle_expires_at', 'absolute_expires_at', 'idle_timeout_seconds', 'absolute_timeout_seconds'] as const;

/**
 * A session and its user in one round trip (every signed-in request starts with it, and on the embedded
 * database each statement waits for the one before).
 */
async function loadSession(db: Queryable, idHash: string): Promise<{ session: SessionRow; user: UserRow | null } | null> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT ${SESSION_COLUMNS.map((c) => `s.${c} AS s_${c}`).join(', ')}, x.* FROM sessions s
     LEFT JOIN LATERAL (${USER_SELECT} WHERE u.id = s.user_id) x ON true WHERE s.id_hash = $1`,
    [idHash],
  );
  const row = rows[0];
  if (!row) return null;
  const session = Object.fromEntries(SESSION_COLUMNS.map((c) => [c, row[`s_${c}`]])) as unknown as SessionRow;
  const user = Object.fromEntries(Object.entries(row).filter(([k]) => !k.startsWith('s_'))) as unknown as UserRow;
  return { session, user: user.id ? user : null };
}

/** The idle expiry moves on at most once a second per session: a burst of requests writes it once. */
const IDLE_WRITE_STEP_MS = 1000;

function coerceQuery(op: OperationSpec, c: Context): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of op.params.filter((x) => x.in === 'query')) {
    const values = c.req.queries(p.name);
    if (!values || values.length === 0) continue;
    const type = p.schema.type;
    if (type === 'array') out[p.name] = values;
    else {
      const v = values[values.length - 1]!;
      if (type === 'integer' || type === 'number') out[p.name] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
      else if (type === 'boolean') out[p.name] = v === 'true' ? true : v === 'false' ? false : v;
      else out[p.name] = v;
    }
  }
  return out;
}

/**
 * The request's body, read as it arrives and refused (`413`) as soon as it passes `max` bytes: a chunked body
 * without Content-Length, or one longer than its Content-Length says, is never buffered past the limit.
 */
async function readLimited(request: Request, max: number): Promise<Uint8Array> {
  const reader: ReadableStreamDefaultReader<Uint8Array> | undefined = request.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      // The rest of the body is never read: the connection ends with this answer, so no client sends its
      // next request after a body the server stopped listening to.
      throw new ApiError('payload_too_large', undefined, { headers: { Connection: 'close' } });
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** A NUL character or half of a surrogate pair: text no answer and no database column may hold. */
// eslint-disable-next-line no-control-regex -- finding the NUL character is the point
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Each string of `value` (a JSON body, the query, form fields) that holds unsafe text, as a field error. Walks
 * with a stack of its own, not by recursion: a body nested thousands deep must not overflow the call stack.
 */
export function unsafeTextFields(value: unknown, lang: Lang, at: string, bare = false): FieldError[] {
  const found: FieldError[] = [];
  const pending: [unknown, string][] = [[value, at]];
  while (pending.length) {
    const [item, where] = pending.pop()!;
    if (typeof item === 'string') {
      if (UNSAFE_TEXT.test(item)) found.push(fieldError(where || '/', 'invalid_format', lang, undefined, lang === 'en' ? 'The text holds a character that is not allowed.' : 'Tekst zawiera niedozwolony znak.'));
    } else if (Array.isArray(item)) {
      for (let index = item.length - 1; index >= 0; index--) pending.push([item[index], bare ? where : `${where}/${index}`]);
    } else if (item && typeof item === 'object') {
      const entries = Object.entries(item as Record<string, unknown>);
      for (let index = entries.length - 1; index >= 0; index--) {
        const [key, child] = entries[index]!;
        pending.push([child, bare && !where ? key : `${where}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`]);
      }
    }
  }
  return found;
}

async function readMultipart(c: Context, bytes: Uint8Array): Promise<MultipartBody> {
  // Parsed from the bytes already read within the limit (only the boundary of the original headers is needed).
  const form = await new Request(c.req.url, { method: 'POST', headers: { 'content-type': c.req.header('content-type') ?? '' }, body: bytes }).formData();
  const out: MultipartBody = { fields: {}, files: {} };
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') (out.fields[name] ??= []).push(value);
    else (out.files[name] ??= []).push(value);
  }
  return out;
}

async function multipartHash(m: MultipartBody): Promise<string> {
  const parts: string[] = [];
  for (const name of Object.keys(m.fields).sort()) parts.push(`${name}=${JSON.stringify(m.fields[name])}`);
  for (const name of Object.keys(m.files).sort()) {
    for (const f of m.files[name] ?? []) parts.push(`${name}:${f.name}:${sha256(new Uint8Array(await f.arrayBuffer()))}`);
  }
  return parts.join('\n');
}

function problemReply(lang: Lang, err: ApiError): Reply {
  const { headers, ...extra } = err.extra;
  const body = problemBody(err.code, lang, err.detail, extra);
  return { status: body.status as number, body, headers, contentType: 'application/problem+json' };
}

export function logError(app: AppState, ...args: unknown[]): void {
  if (app.log) console.error(...args);
}

/** An answer a retry with the same key gets again (a throttle, an outage or a file is asked for afresh). */
function replayable(reply: Reply): boolean {
  return ![429, 500, 503].includes(reply.status) && !reply.raw;
}

/**
 * `db` for a handler that runs inside `tx`: its queries join the transaction, and its own transactions become
 * savepoints, which roll back alone when they throw (as they would on their own), the rest staying.
 */
function nestedIn(db: Db, tx: Queryable): Db {
  let depth = 0;
  return {
    ...db,
    query: (sql, params) => tx.query(sql, params),
    transaction: async (fn) => {
      const name = `nested_${++depth}`;
      await tx.query(`SAVEPOINT ${name}`);
      try {
        const result = await fn(tx);
        await tx.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await tx.query(`ROLLBACK TO SAVEPOINT ${name}`);
        throw error;
      } finally {
        depth--;
      }
    },
  };
}

/**
 * How long a sign-in request's claim on its key holds off a duplicate (`409` with `Retry-After`) before it counts
 * as left by a crashed server and is taken over.
 */
const IN_PROGRESS_WINDOW_SECONDS = 60;

interface StoredKey {
  request_hash: string;
  state: string;
  status: number | null;
  headers: Record<string, string> | null;
  body: string | null;
}

async function storedKey(db: Queryable, scope: string, key: string): Promise<StoredKey | undefined> {
  return (await db.query<StoredKey>("SELECT request_hash, state, status, headers, body FROM idempotency_keys WHERE scope = $1 AND key = $2 AND created_at > now() - interval '24 hours'", [scope, key]))[0];
}

function replayOf(row: StoredKey): Reply {
  const stored: Reply = { status: row.status!, headers: { ...(row.headers ?? {}), 'Idempotent-Replayed': 'true' } };
  if (row.body !== null) stored.body = JSON.parse(row.body);
  return stored;
}

const inProgress = (): ApiError => new ApiError('idempotency_in_progress', undefined, { retryAfter: 2, headers: { 'Retry-After': '2' } });

const keyReuse = (lang: Lang): ApiError =>
  new ApiError('idempotency_key_reuse', lang === 'en' ? 'This Idempotency-Key was already used with another request body.' : 'Ten klucz Idempotency-Key został już użyty z inną treścią żądania.');

/** Builds the Hono handler of one operation. */
export function operationHandler(app: AppState, op: OperationSpec, handler: Handler) {
  return async (c: Context): Promise<Response> => {
    const lang = pickLang(c.req.header('accept-language'));
    const method = c.req.method.toUpperCase();
    const idem: { scope: string | null; key: string | null; memKey?: string } = { scope: null, key: null };
    const committed: (() => void)[] = [];
    let idemHash = '';
    let reply: Reply;
    /** The answer followed a signed-in customer (a public operation personalised by the session). */
    let personal = false;
    try {
      reply = await (async (): Promise<Reply> => {
        if (STATE_CHANGING.has(method) && !originAllowed(app, c)) throw new ApiError('csrf_failed', lang === 'en' ? 'The request did not come from an allowed site.' : 'Żądanie nie pochodzi z dozwolonej strony.');
        const params = c.req.param() as Record<string, string>;
        if (!app.contract.validatePath(op, params)) throw new ApiError('not_found');
        const now = new Date();
        const ctx: Ctx = {
          c,
          app,
          db: app.db,
          op,
          lang,
          ip: clientIp(c),
          query: {},
          params,
          body: undefined,
          multipart: null,
          user: null,
          session: null,
          sessionCookie: getCookie(c, SESSION_COOKIE),
          utility: app.utilities.get(app.defaultUtilityId)!,
          now,
          afterCommit: (fn) => void committed.push(fn),
        };
        // --- authentication ---
        const authz = c.req.header('authorization');
        if (op.auth !== 'public') {
          const wantsSession = op.auth === 'session' && op.id !== 'logout';
          if (authz && /^bearer /i.test(authz) && !ctx.sessionCookie) {
            // Bearer tokens come from the utility's own OAuth server; this reference server knows none.
            if (wantsSession || op.auth === 'optional') throw new ApiError('unauthenticated', lang === 'en' ? 'Unknown access token.' : 'Nieznany token dostępu.');
          }
          if (ctx.sessionCookie) {
            const found = await loadSession(app.db, sha256(ctx.sessionCookie));
            if (found) {
              const s = found.session;
              const expired = now >= new Date(s.idle_expires_at) || now >= new Date(s.absolute_expires_at);
              if (expired) {
                if (wantsSession) throw new ApiError('session_expired', lang === 'en' ? 'You were signed out after a period of inactivity.' : 'Ze względów bezpieczeństwa wylogowaliśmy Cię po okresie bezczynności.');
              } else {
                ctx.session = s;
                ctx.user = found.user;
              }
            }
          }
          if (wantsSession && !ctx.session) throw new ApiError('unauthenticated');
          if (ctx.session && STATE_CHANGING.has(method)) {
            const token = c.req.header('x-csrf-token');
            if (!token || !safeEqual(token, ctx.session.csrf_token)) {
              throw new ApiError('csrf_failed', lang === 'en' ? 'Missing or wrong security token. Reload the page.' : 'Brak lub nieprawidłowy token zabezpieczający. Odśwież stronę.');
            }
          }
          if (ctx.session && op.id !== 'getSession' && op.id !== 'logout') {
            const idle = new Date(Math.min(now.getTime() + ctx.session.idle_timeout_seconds * 1000, new Date(ctx.session.absolute_expires_at).getTime()));
            if (idle.getTime() - new Date(ctx.session.idle_expires_at).getTime() >= IDLE_WRITE_STEP_MS) {
              await app.db.query('UPDATE sessions SET idle_expires_at = $2 WHERE id_hash = $1', [ctx.session.id_hash, idle]);
              ctx.session.idle_expires_at = idle;
            }
          }
          if (ctx.user) ctx.utility = app.utilities.get(ctx.user.utility_id) ?? ctx.utility;
        }
        if (op.id === 'getPortalConfig' && ctx.sessionCookie) {
          // The configuration follows the signed-in customer's utility (never refreshes the session).
          const s = (await app.db.query<SessionRow>('SELECT * FROM sessions WHERE id_hash = $1 AND idle_expires_at > $2 AND absolute_expires_at > $2', [sha256(ctx.sessionCookie), now]))[0];
          if (s) ctx.user = await loadUser(app.db, 'u.id = $1', [s.user_id]);
          personal = ctx.user !== undefined && ctx.user !== null;
        }
        // --- request headers with a schema (Accept-Language's maxLength) ---
        for (const param of op.params) {
          if (param.in !== 'header') continue;
          const value = c.req.header(param.name);
          const max = (param.schema as { maxLength?: number }).maxLength;
          if (value !== undefined && max !== undefined && value.length > max) {
            throw new ApiError('malformed_request', lang === 'en' ? `The ${param.name} header is too long (at most ${max} characters).` : `Nagłówek ${param.name} jest za długi (najwyżej ${max} znaków).`);
          }
        }
        // --- Idempotency-Key header ---
        const key = c.req.header('idempotency-key');
        if (op.idempotencyKey === 'required' && !key) throw new ApiError('malformed_request', lang === 'en' ? 'The Idempotency-Key header is required.' : 'Brak wymaganego nagłówka Idempotency-Key.');
        if (key !== undefined && op.idempotencyKey !== 'none' && !app.contract.idempotencyKeyValid(key)) {
          throw new ApiError('malformed_request', lang === 'en' ? 'The Idempotency-Key header is malformed (8–128 visible ASCII characters).' : 'Nagłówek Idempotency-Key jest niepoprawny (8–128 widocznych znaków ASCII).');
        }
        // --- query ---
        ctx.query = coerceQuery(op, c);
        const unsafeQuery = unsafeTextFields(ctx.query, lang, '', true);
        if (unsafeQuery.length) throw validationError(lang, unsafeQuery);
        const queryErrors = app.contract.validateQuery(op, ctx.query, lang);
        if (queryErrors) throw new ApiError('validation_failed', lang === 'en' ? 'Correct the marked fields.' : 'Popraw zaznaczone pola.', { fields: queryErrors });
        // --- body ---
        let bodyText = '';
        if (op.body) {
          const length = Number(c.req.header('content-length') ?? '0');
          if (length > MAX_BODY_BYTES) throw new ApiError('payload_too_large');
          const ct = (c.req.header('content-type') ?? '').toLowerCase();
          if (op.body.contentType === 'application/json') {
            if (!/^application\/([a-z.+-]*\+)?json\b/.test(ct)) throw new ApiError('malformed_request', lang === 'en' ? 'Content-Type must be application/json.' : 'Content-Type musi być application/json.');
            const bytes = await readLimited(c.req.raw, MAX_BODY_BYTES);
            try {
              bodyText = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
              ctx.body = JSON.parse(bodyText);
            } catch {
              throw new ApiError('malformed_request', lang === 'en' ? 'The body is not valid JSON.' : 'Treść żądania nie jest poprawnym dokumentem JSON.');
            }
            const unsafe = unsafeTextFields(ctx.body, lang, '');
            if (unsafe.length) throw validationError(lang, unsafe);
            const errors = app.contract.validateBody(op, ctx.body, lang);
            if (errors) {
              const onlyPassword = op.id !== 'register' && errors.every((e) => e.field === '/newPassword' && e.code === 'too_long');
              throw new ApiError(onlyPassword ? 'password_policy_violation' : 'validation_failed', lang === 'en' ? 'Correct the marked fields.' : 'Popraw zaznaczone pola.', { fields: errors });
            }
          } else if (op.body.contentType === 'multipart/form-data') {
            if (!ct.startsWith('multipart/form-data')) throw new ApiError('malformed_request', lang === 'en' ? 'Content-Type must be multipart/form-data.' : 'Content-Type musi być multipart/form-data.');
            const bytes = await readLimited(c.req.raw, MAX_BODY_BYTES);
            try {
              ctx.multipart = await readMultipart(c, bytes);
            } catch {
              throw new ApiError('malformed_request', lang === 'en' ? 'The multipart body cannot be read.' : 'Nie można odczytać treści multipart.');
            }
            const unsafe = Object.entries(ctx.multipart.fields).flatMap(([name, values]) => unsafeTextFields(values, lang, `/${name}`, true));
            if (unsafe.length) throw validationError(lang, unsafe);
            let total = 0;
            for (const files of Object.values(ctx.multipart.files)) for (const f of files) total += f.size;
            if (total > MAX_BODY_BYTES) throw new ApiError('payload_too_large');
            bodyText = await multipartHash(ctx.multipart);
          }
        }
        // --- idempotency ---
        if (key && op.idempotencyKey !== 'none') {
          const scope = ctx.user ? `user:${ctx.user.id}` : `client:${op.id}:${ctx.ip}`;
          idemHash = sha256(`${method} ${c.req.path}\n${bodyText}`);
          const memKey = `${scope}\n${key}`;
          if (app.running.has(memKey)) throw inProgress();
          // Claimed before the first await, so a concurrent duplicate in this process sees it at once (the
          // database decides between processes, below).
          app.running.add(memKey);
          idem.memKey = memKey;
          // A finished request replays without a transaction.
          const existing = await storedKey(app.db, scope, key);
          if (existing) {
            if (existing.request_hash !== idemHash) throw keyReuse(lang);
            if (existing.state === 'done' && existing.status) return replayOf(existing);
          }
          if (!NEVER_REPLAYED.has(op.id)) {
            // The work and the key's outcome commit together, under a lock on the key that every server process
            // sharing the database takes (and PostgreSQL lets go when a process dies): a concurrent duplicate in
            // another process is told to wait, a crash before the commit leaves nothing done and nothing claimed,
            // and a crash after it leaves the answer to replay. A payment never starts twice, whatever dies when.
            return app.db.transaction(async (tx) => {
              if (app.db.kind === 'pg') {
                const got = (await tx.query<{ got: boolean }>('SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS got', [memKey]))[0]?.got;
                if (!got) throw inProgress();
              }
              // Read again under the lock: the request may have finished in another process meanwhile. A
              // "running" row here is a claim a crashed server of an older version left: taken over.
              const current = await storedKey(tx, scope, key);
              if (current?.state === 'done' && current.status) {
                if (current.request_hash !== idemHash) return problemReply(lang, keyReuse(lang));
                return replayOf(current);
              }
              ctx.db = nestedIn(app.db, tx);
              let answer: Reply;
              try {
                answer = await handler(ctx);
              } catch (error) {
                if (!(error instanceof ApiError)) throw error;
                answer = problemReply(lang, error);
              }
              if (replayable(answer)) {
                await tx.query(
                  `INSERT INTO idempotency_keys (scope, key, request_hash, state, status, headers, body) VALUES ($1, $2, $3, 'done', $4, $5, $6)
                   ON CONFLICT (scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, state = 'done', status = EXCLUDED.status,
                     headers = EXCLUDED.headers, body = EXCLUDED.body, created_at = now()`,
                  [scope, key, idemHash, answer.status, answer.headers ?? {}, answer.body === undefined ? null : JSON.stringify(answer.body)],
                );
              }
              return answer;
            });
          }
          // Sign-in operations are never replayed (each answer starts a session of its own): the key is only a
          // claim while the request runs, atomic across processes, and an older claim (a crashed server's) is
          // taken over after the in-progress window.
          const claimed = await app.db.query(
            `INSERT INTO idempotency_keys (scope, key, request_hash, state) VALUES ($1, $2, $3, 'running')
             ON CONFLICT (scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, state = 'running', created_at = now(), status = NULL, body = NULL, headers = NULL
             WHERE idempotency_keys.created_at < now() - interval '${IN_PROGRESS_WINDOW_SECONDS} seconds'
             RETURNING key`,
            [scope, key, idemHash],
          );
          if (!claimed.length) throw inProgress();
          idem.scope = scope;
          idem.key = key;
        }
        return handler(ctx);
      })();
    } catch (error) {
      if (error instanceof ApiError) reply = problemReply(lang, error);
      else {
        logError(app, `[ebok-server] ${op.id} failed:`, error);
        reply = problemReply(lang, new ApiError('internal_error', lang === 'en' ? 'Try again later.' : 'Spróbuj ponownie później. Jeśli błąd się powtórzy, podaj konsultantowi identyfikator zgłoszenia.'));
      }
    }
    // --- let go of the key ---
    if (idem.memKey) app.running.delete(idem.memKey);
    if (idem.scope && idem.key) {
      try {
        await app.db.query("DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND state = 'running'", [idem.scope, idem.key]);
      } catch (error) {
        logError(app, '[ebok-server] idempotency release failed', error);
      }
    }
    for (const fn of committed) fn();
    // --- contract check of the answer ---
    const isProblem = reply.status >= 400;
    const contentType = reply.raw ? (reply.contentType ?? 'application/octet-stream') : reply.body === undefined ? null : (reply.contentType ?? (isProblem ? 'application/problem+json' : 'application/json'));
    if (app.validateResponses) {
      const problem = app.contract.validateResponse(op, reply.status, contentType, reply.raw ? null : reply.body);
      if (problem) {
        console.error(`\n[ebok-server] !!! ANSWER BREAKS THE CONTRACT (${op.id} ${method} ${c.req.path} → ${reply.status}): ${problem}\n`);
        reply = problemReply(lang, new ApiError('internal_error', 'The server produced an answer that breaks the API contract.'));
      }
    }
    const headers = new Headers(SAFETY_HEADERS);
    // A public answer that followed the customer's session (the portal config of its utility) is its own.
    const shared = PUBLIC_CACHE.has(op.id) && reply.status < 400 && !personal;
    headers.set('Cache-Control', shared ? 'public, max-age=300' : 'no-store');
    if (reply.headers) for (const [k, v] of Object.entries(reply.headers)) headers.set(k, v);
    for (const cookie of reply.cookies ?? []) headers.append('Set-Cookie', cookie);
    headers.set('Content-Language', lang);
    if (reply.raw) {
      headers.set('Content-Type', reply.contentType ?? 'application/octet-stream');
      return new Response(reply.raw, { status: reply.status, headers });
    }
    if (reply.body === undefined) return new Response(null, { status: reply.status, headers });
    headers.set('Content-Type', reply.status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8');
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers });
  };
}

/** A problem answer outside an operation (unknown path). */
export function problemResponse(c: Context, code: string, detail?: string): Response {
  const lang = pickLang(c.req.header('accept-language'));
  const body = problemBody(code, lang, detail);
  return new Response(JSON.stringify(body), {
    status: statusOf(code),
    headers: { ...SAFETY_HEADERS, 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store' },
  });
}

/** On every answer of the API, also a 404 of an unknown path: no type sniffing, no address leaked onwards. */
const SAFETY_HEADERS: Readonly<Record<string, string>> = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

export function validationError(lang: Lang, fields: ReturnType<typeof fieldError>[], code = 'validation_failed'): ApiError {
  return new ApiError(code, lang === 'en' ? 'Correct the marked fields.' : 'Popraw zaznaczone pola.', { fields });
}

export function requireFeature(ctx: Ctx, feature: keyof PortalConfig['features']): void {
  if (!ctx.utility.config.features[feature]) throw new ApiError(feature === 'payments' ? 'payments_disabled' : 'feature_disabled');
}
