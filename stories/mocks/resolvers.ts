/**
 * The behaviour behind every mock handler: one resolver per operation of the contract, answering from the
 * fixtures in data.ts with the rules the contract states (sign-in, MFA, pagination, filters, payments, readings,
 * tickets, idempotency). `createHandlers` (handlers.ts) and the scenarios (scenarios.ts) build MSW handlers from
 * these resolvers; a scenario changes the `World` (which data) and shares the `MockState` (what happened).
 */
import { http, HttpResponse, type HttpHandler, type JsonBodyType } from 'msw';
import type { components, operations } from '../../src/api/schema.js';
import {
  DEMO,
  JPEG_BASE64,
  PNG_BASE64,
  balanceOfPersona,
  base64Bytes,
  documentsOfPersona,
  grosze,
  instantFromNow,
  makeBalance,
  makeConsumption,
  makeDocumentDetail,
  makeMessages,
  makeOutages,
  makePdf,
  makeTickets,
  money,
  paymentsOfPersona,
  ticketCategories,
  ticketSummary,
  type BalanceCase,
  type Consents,
  type DocumentSummary,
  type NotificationPreferences,
  type Payment,
  type PortalConfig,
  type Profile,
  type Reading,
  type TicketDetail,
  type TicketMessage,
} from './data.js';
import { addDays, warsawDate, warsawIso } from '../../src/i18n/calendar.js';
import { validateNip, validatePesel, validatePpe } from '../../src/validation/index.js';
import {
  consentsOf,
  contractsOf,
  formatNrb,
  persona as personaAt,
  personaKeyByLogin,
  pointsOf,
  profileOf,
  readingContext,
  readingsOf,
  sessionOf as personaSession,
  utilityOfKind,
  withoutPayments,
  type Persona,
  type PersonaKey,
} from '../../demo/personas/index.js';
import { IDEMPOTENCY_KEY_REQUIRED, OPERATIONS, mswPath, type OperationId, type OperationInfo } from './operations.js';
import { fieldError, problemResponse, validationProblem, type FieldError } from './problem.js';
import { NOTIFICATION_TOPICS, fileTariffChange, tariffChangesOf, tariffOf, tariffOptionsOf, type TariffChangeRequest } from './settings.js';
import { profileResolvers } from './profile.js';
import { acceptanceRefusal, applyConsentsChange, newTerms, parseConsentsUpdate, termsRequired, type TermsChallenge } from './consents.js';
import { contractDocumentPdf, contractOf } from './contracts.js';

type S = components['schemas'];

// ---------------------------------------------------------------------------------------------------------------
// World (which data) and state (what happened)
// ---------------------------------------------------------------------------------------------------------------

/**
 * The data a set of handlers answers from: the signed-in persona's (see `MockState.persona`), changed by the
 * scenarios for the operations they override.
 */
export interface World {
  /** `false`: the portal config says payments are off, `createPayment` answers `403 payments_disabled`, no document is `payable`. */
  paymentsEnabled: boolean;
  /** `false`: the reading window is closed and `submitReading` answers `422 reading_window_closed`. */
  readingWindowOpen: boolean;
  /** `documents`: the persona's own balance (it agrees with its documents); otherwise one of the named cases of data.ts. */
  balance: BalanceCase | 'documents';
  /** `true`: every list is empty, the balance is zero and there is no consumption. */
  empty: boolean;
  /** `true`: the utility published new terms (`newTerms`): a login answers `terms_required` until they are accepted. */
  termsChanged?: boolean;
}

export const defaultWorld: World = {
  paymentsEnabled: true,
  readingWindowOpen: true,
  balance: 'documents',
  empty: false,
};

interface StoredAnswer {
  fingerprint: string;
  status: number;
  headers: [string, string][];
  body: string;
}

interface MfaState {
  /** Whose second factor it is. */
  persona: PersonaKey;
  attempts: number;
  expiresAt: number;
  resendAvailableAt: number;
  used: boolean;
}

/** What happened since the handlers were created: who is signed in, changes, payments, readings, tickets. */
export interface MockState {
  /** The persona whose data the personal operations answer (the last one signed in; energia at first). */
  persona: PersonaKey;
  signedIn: boolean;
  /** Signed out by a timeout: personal operations answer `401 session_expired` until the next sign-in. */
  expired: boolean;
  signedInAt: number;
  lastActivityAt: number;
  mfa: MfaState | undefined;
  /** The `terms_required` challenge of the last login, and whose it is. */
  terms: (TermsChallenge & { persona: PersonaKey }) | undefined;
  profile: Profile;
  consents: Consents;
  preferences: NotificationPreferences;
  /** Tariff change requests filed (newest first), and what the mock utility decided. */
  tariffChanges: TariffChangeRequest[];
  createdPayments: Payment[];
  submittedReadings: Reading[];
  tickets: TicketDetail[] | undefined;
  uploads: Map<string, Uint8Array<ArrayBuffer>>;
  readMessages: Map<string, string>;
  idempotency: Map<string, StoredAnswer>;
  sequence: number;
  /** Failed sign-ins per identifier string (any string), and since when it answers `login_locked` (epoch ms). */
  loginFailures: Map<string, { count: number; lockedAt?: number }>;
}

/** The customer's own part of the state, as the persona has it at `now` (nothing changed yet). */
function customerState(key: PersonaKey, now: Date): Pick<MockState, 'persona' | 'profile' | 'consents' | 'preferences' | 'tariffChanges' | 'createdPayments' | 'submittedReadings' | 'tickets' | 'uploads' | 'readMessages'> {
  const p = personaAt(key, now);
  return {
    persona: key,
    profile: profileOf(p),
    consents: consentsOf(p),
    preferences: structuredClone(p.customer.preferences),
    tariffChanges: [],
    createdPayments: [],
    submittedReadings: [],
    tickets: undefined,
    uploads: new Map(),
    readMessages: new Map(),
  };
}

/** A fresh state, signed in as `key` (default the energia persona). */
export function createState(now: Date, key: PersonaKey = 'energia'): MockState {
  return {
    ...customerState(key, now),
    signedIn: true,
    expired: false,
    signedInAt: now.getTime(),
    lastActivityAt: now.getTime(),
    mfa: undefined,
    terms: undefined,
    idempotency: new Map(),
    sequence: 0,
    loginFailures: new Map(),
  };
}

export interface MockContext {
  world: World;
  state: MockState;
  now: () => Date;
  /** Check `X-CSRF-Token` on state-changing personal requests (not with `Authorization: Bearer`). */
  checkCsrf: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Typed answers
// ---------------------------------------------------------------------------------------------------------------

type SuccessStatus = 200 | 201 | 202;
type ResponsesOf<K extends OperationId> = operations[K]['responses'];
/** The JSON body of operation `K`'s success answer, from the generated types. */
export type SuccessBody<K extends OperationId> = {
  [C in SuccessStatus & keyof ResponsesOf<K>]: ResponsesOf<K>[C] extends { content: { 'application/json': infer B } } ? B : never;
}[SuccessStatus & keyof ResponsesOf<K>];

const PUBLIC_CACHE = 'public, max-age=300';

function cacheControl(op: OperationId): string {
  return op === 'getPortalConfig' || op === 'listOutages' ? PUBLIC_CACHE : 'no-store';
}

export interface ResolverInput<K extends OperationId> {
  op: K;
  /** A clone of the request: read its body freely. */
  request: Request;
  url: URL;
  params: Record<string, string>;
  ctx: MockContext;
  now: Date;
  /** The success answer, typed from the contract, with the operation's `Cache-Control`. */
  json: (body: SuccessBody<K>, status?: SuccessStatus) => Response;
}

export type Resolver<K extends OperationId> = (input: ResolverInput<K>) => Response | Promise<Response>;

function noContent(): Response {
  return new HttpResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}

const notFound = (): Response => problemResponse(404, 'not_found');
const malformed = (detail: string): Response => problemResponse(400, 'malformed_request', { detail });
const unauthenticated = (): Response => problemResponse(401, 'unauthenticated', { detail: 'Zaloguj się, aby zobaczyć te dane.' });

/**
 * The answer to a personal request without a live session: `session_expired` after a timeout, else
 * `unauthenticated`. (`getSession` answers `204` instead: being signed out is no error there.)
 */
export function noSession(state: MockState): Response {
  return state.expired ? problemResponse(401, 'session_expired', { detail: 'Ze względów bezpieczeństwa wylogowaliśmy Cię po okresie bezczynności.' }) : unauthenticated();
}

/** The one answer for an unknown login, a wrong password and a locked account (the same body every time). */
export function invalidCredentials(): Response {
  return problemResponse(401, 'invalid_credentials', { detail: 'Sprawdź login i hasło (także, czy nie jest włączony Caps Lock).' });
}

/** The reference server's lock: failures per identifier string before `login_locked`, and how long it holds. */
export const LOGIN_LOCK = { after: 5, seconds: 15 * 60 } as const;

/** After repeated failures for one identifier string, for any string and password: the account may be locked. */
export function loginLocked(now: Date, seconds: number = LOGIN_LOCK.seconds): Response {
  return problemResponse(401, 'login_locked', {
    detail: `Po kilku nieudanych próbach konto może być zablokowane do ${Math.round(LOGIN_LOCK.seconds / 60)} min. Jeśli konto istnieje, wysłaliśmy e-mail z instrukcją odblokowania.`,
    extra: { lockedUntil: instantFromNow(now, seconds) },
  });
}

/**
 * A refused sign-in as the reference server counts it: per identifier string, whether an account exists or not;
 * from the failure that reaches the threshold on, `login_locked` for as long as the lock holds.
 */
function refusedLogin(state: MockState, identifier: string, now: Date): Response {
  const key = identifier.trim().toLowerCase();
  const entry = state.loginFailures.get(key) ?? { count: 0 };
  if (entry.lockedAt !== undefined && now.getTime() - entry.lockedAt >= LOGIN_LOCK.seconds * 1000) {
    entry.count = 0;
    delete entry.lockedAt;
  }
  entry.count++;
  if (entry.lockedAt === undefined && entry.count >= LOGIN_LOCK.after) entry.lockedAt = now.getTime();
  state.loginFailures.set(key, entry);
  if (entry.lockedAt === undefined) return invalidCredentials();
  return loginLocked(now, LOGIN_LOCK.seconds - Math.floor((now.getTime() - entry.lockedAt) / 1000));
}

// ---------------------------------------------------------------------------------------------------------------
// Request reading and validation helpers
// ---------------------------------------------------------------------------------------------------------------

export type Json = Record<string, unknown>;
type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function readJson(request: Request): Promise<Parsed<Json>> {
  const type = request.headers.get('Content-Type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) return { ok: false, response: malformed('Treść żądania musi mieć typ application/json.') };
  try {
    const value: unknown = JSON.parse(await request.text());
    if (!isRecord(value)) return { ok: false, response: malformed('Treść żądania musi być obiektem JSON.') };
    return { ok: true, value };
  } catch {
    return { ok: false, response: malformed('Treść żądania nie jest poprawnym dokumentem JSON.') };
  }
}

async function readForm(request: Request): Promise<Parsed<FormData>> {
  if (!/^multipart\/form-data\b/i.test(request.headers.get('Content-Type') ?? '')) {
    return { ok: false, response: malformed('Treść żądania musi mieć typ multipart/form-data.') };
  }
  try {
    return { ok: true, value: await request.formData() };
  } catch {
    return { ok: false, response: malformed('Nie można odczytać treści multipart/form-data.') };
  }
}

/** `not_allowed` for each property outside `allowed` (the contract's `additionalProperties: false`). */
export function unknownProperties(body: Json, allowed: readonly string[], prefix = ''): FieldError[] {
  return Object.keys(body)
    .filter((key) => !allowed.includes(key))
    .map((key) => fieldError(`${prefix}/${key}`, 'not_allowed', 'Nieznane pole.'));
}

export function checkString(errors: FieldError[], body: Json, key: string, opts: { required?: boolean; min?: number; max?: number; pattern?: RegExp; prefix?: string } = {}): string | undefined {
  const field = `${opts.prefix ?? ''}/${key}`;
  const value = body[key];
  if (value === undefined) {
    if (opts.required) errors.push(fieldError(field, 'required', 'To pole jest wymagane.'));
    return undefined;
  }
  if (typeof value !== 'string') {
    errors.push(fieldError(field, 'invalid_format', 'Oczekiwano tekstu.'));
    return undefined;
  }
  if (opts.min !== undefined && value.length < opts.min) {
    errors.push(fieldError(field, opts.min === 1 ? 'required' : 'too_short', `Co najmniej ${opts.min} znaków.`, { params: { min: opts.min } }));
    return undefined;
  }
  if (opts.max !== undefined && value.length > opts.max) {
    errors.push(fieldError(field, 'too_long', `Najwyżej ${opts.max} znaków.`, { params: { max: opts.max } }));
    return undefined;
  }
  if (opts.pattern && !opts.pattern.test(value)) {
    errors.push(fieldError(field, 'invalid_format', 'Niepoprawny format.'));
    return undefined;
  }
  return value;
}

function checkBoolean(errors: FieldError[], body: Json, key: string, prefix = ''): boolean | undefined {
  const value = body[key];
  if (typeof value === 'boolean') return value;
  errors.push(fieldError(`${prefix}/${key}`, value === undefined ? 'required' : 'invalid_format', 'Oczekiwano wartości tak/nie.'));
  return undefined;
}

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const PHONE = /^\+[1-9][0-9]{6,14}$/;
const MONEY_AMOUNT = /^-?[0-9]+\.[0-9]{2}$/;
const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7E]{8,128}$/;

const BREACHED = new Set(['Haslo12345678', 'Password1234', 'Qwerty123456', 'Zaq12wsxcde3']);

/** The password policy of a portal configuration (default: the energy portal's), as `password_*` field errors. */
export function passwordPolicyErrors(password: string, field: string, current?: string, policy: PortalConfig['passwordPolicy'] = defaultConfig.passwordPolicy): FieldError[] {
  const errors: FieldError[] = [];
  if (password.length < policy.minLength) errors.push(fieldError(field, 'password_too_short', `Hasło musi mieć co najmniej ${policy.minLength} znaków.`, { params: { min: policy.minLength } }));
  if (password.length > policy.maxLength) errors.push(fieldError(field, 'password_too_long', `Hasło może mieć najwyżej ${policy.maxLength} znaków.`, { params: { max: policy.maxLength } }));
  if (policy.requireUpper && !/\p{Lu}/u.test(password)) errors.push(fieldError(field, 'password_missing_upper', 'Hasło musi zawierać wielką literę.'));
  if (policy.requireLower && !/\p{Ll}/u.test(password)) errors.push(fieldError(field, 'password_missing_lower', 'Hasło musi zawierać małą literę.'));
  if (policy.requireDigit && !/\d/.test(password)) errors.push(fieldError(field, 'password_missing_digit', 'Hasło musi zawierać cyfrę.'));
  if (policy.requireSpecial && !/[^\p{L}\d]/u.test(password)) errors.push(fieldError(field, 'password_missing_special', 'Hasło musi zawierać znak specjalny.'));
  if (BREACHED.has(password)) errors.push(fieldError(field, 'password_breached', 'To hasło wyciekło w znanych wyciekach danych. Wybierz inne.'));
  if (current !== undefined && password === current) errors.push(fieldError(field, 'password_same_as_current', 'Nowe hasło musi się różnić od obecnego.'));
  return errors;
}

function maskEmail(email: string): string {
  const mask = (part: string): string => (part.length <= 2 ? `${part.charAt(0)}*` : `${part.charAt(0)}${'*'.repeat(part.length - 2)}${part.charAt(part.length - 1)}`);
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  return `${mask(local)}@${mask(domain.slice(0, dot))}${domain.slice(dot)}`;
}

/** The real type of a file from its first bytes (magic bytes), never from its name or declared type. */
function sniff(bytes: Uint8Array): 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/webp' | undefined {
  const starts = (...sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return 'image/webp';
  return undefined;
}

function sanitizeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'plik';
  const clean = [...base].map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f || '"<>:|?*'.includes(ch) ? '_' : ch)).join('').trim();
  return clean.length > 0 ? clean.slice(0, 120) : 'plik';
}

function contentDisposition(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Pagination and queries
// ---------------------------------------------------------------------------------------------------------------

interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

/** Cursor pagination: the cursor is the offset as a string; `limit` 1–100 (default 20). */
type DocumentSort = NonNullable<NonNullable<operations['listDocuments']['parameters']['query']>['sort']>;
const DOCUMENT_SORTS = ['-issueDate', 'issueDate', '-dueDate', 'dueDate', '-amount', 'amount'] as const satisfies readonly DocumentSort[];

/**
 * The contract's orders of `listDocuments`: dates with ties by id in the same direction; amounts (gross) with
 * ties by issue date, newest first, then id descending.
 */
function documentOrder(sort: DocumentSort): (a: DocumentSummary, b: DocumentSummary) => number {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const dir = sort.startsWith('-') ? -1 : 1;
  if (sort === 'amount' || sort === '-amount') return (a, b) => dir * (grosze(a.gross) - grosze(b.gross)) || -cmp(a.issueDate, b.issueDate) || b.id.localeCompare(a.id);
  const key = sort === 'issueDate' || sort === '-issueDate' ? 'issueDate' : 'dueDate';
  return (a, b) => dir * (cmp(a[key], b[key]) || a.id.localeCompare(b.id));
}

/**
 * A page of `items` by offset: the cursor is the offset of the next page, prefixed with `tag~` when the list
 * is in an order the query chose (`sort`), so a cursor of one order sent with another answers 422 on `cursor`,
 * as the contract says; the default order has no tag (its cursor is the bare offset).
 */
export function paginate<T>(items: readonly T[], url: URL, tag = ''): Parsed<Page<T>> {
  const limitText = url.searchParams.get('limit');
  const sent = url.searchParams.get('cursor');
  const prefix = tag ? `${tag}~` : '';
  const cursor = sent === null ? null : sent.startsWith(prefix) ? sent.slice(prefix.length) : '';
  const limit = limitText === null ? 20 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    const code = Number.isInteger(limit) ? (limit < 1 ? 'too_small' : 'too_large') : 'invalid_format';
    return { ok: false, response: validationProblem([fieldError('limit', code, 'Wartość od 1 do 100.', { params: { min: 1, max: 100 } })]) };
  }
  const offset = cursor === null ? 0 : /^\d{1,9}$/.test(cursor) ? Number(cursor) : Number.NaN;
  if (Number.isNaN(offset) || offset > items.length) {
    return { ok: false, response: validationProblem([fieldError('cursor', 'invalid_format', 'Nieprawidłowy kursor stronicowania.')]) };
  }
  const end = offset + limit;
  return { ok: true, value: { items: items.slice(offset, end), nextCursor: end < items.length ? `${prefix}${end}` : null, total: items.length } };
}

/** The contract's `MessageEvent` values, in its order (`listMessages` filters by `event`). */
const MESSAGE_EVENTS = [
  'new_invoice',
  'due_date',
  'overdue_reminder',
  'debt_collection',
  'planned_works',
  'reading_window',
  'payment_received',
  'ticket_reply',
  'account_security',
  'other',
] as const satisfies readonly components['schemas']['MessageEvent'][];

function enumList<T extends string>(url: URL, name: string, allowed: readonly T[]): Parsed<T[]> {
  const values = url.searchParams.getAll(name);
  const bad = values.filter((v) => !(allowed as readonly string[]).includes(v));
  if (bad.length > 0) return { ok: false, response: validationProblem([fieldError(name, 'not_allowed', `Dozwolone wartości: ${allowed.join(', ')}.`)]) };
  return { ok: true, value: values as T[] };
}

function dateRange(url: URL, defaults: { from?: string; to?: string } = {}): Parsed<{ from: string | undefined; to: string | undefined }> {
  const from = url.searchParams.get('from') ?? defaults.from;
  const to = url.searchParams.get('to') ?? defaults.to;
  const errors: FieldError[] = [];
  if (from !== undefined && !DATE.test(from)) errors.push(fieldError('from', 'invalid_format', 'Data w formacie RRRR-MM-DD.'));
  if (to !== undefined && !DATE.test(to)) errors.push(fieldError('to', 'invalid_format', 'Data w formacie RRRR-MM-DD.'));
  if (errors.length === 0 && from !== undefined && to !== undefined && to < from) errors.push(fieldError('to', 'too_small', 'Data końcowa nie może być wcześniejsza niż początkowa.'));
  return errors.length > 0 ? { ok: false, response: validationProblem(errors) } : { ok: true, value: { from, to } };
}

function inRange(date: string, range: { from: string | undefined; to: string | undefined }): boolean {
  return (range.from === undefined || date >= range.from) && (range.to === undefined || date <= range.to);
}

// ---------------------------------------------------------------------------------------------------------------
// Derived data
// ---------------------------------------------------------------------------------------------------------------

const personaCache = new WeakMap<MockState, { key: PersonaKey; at: number; persona: Persona }>();

/** The persona the state is signed in as (or was last), at `now`; built once per request. */
export function personaOf(ctx: MockContext, now: Date): Persona {
  const hit = personaCache.get(ctx.state);
  if (hit?.key === ctx.state.persona && hit.at === now.getTime()) return hit.persona;
  const built = personaAt(ctx.state.persona, now);
  personaCache.set(ctx.state, { key: ctx.state.persona, at: now.getTime(), persona: built });
  return built;
}

const defaultConfig: PortalConfig = personaAt('energia').utility.config;

/**
 * The portal configuration: `?utility=energy|gas|water` picks a utility (as on the reference server), else the
 * signed-in persona's utility, else the energy one; payments are off in the `payments-disabled` world.
 */
function configOf(ctx: MockContext, now: Date, url?: URL): PortalConfig {
  const asked = url?.searchParams.get('utility');
  const picked = (asked ? utilityOfKind(asked)?.config : undefined) ?? (ctx.state.signedIn ? personaOf(ctx, now).utility.config : defaultConfig);
  const chosen = ctx.world.termsChanged ? { ...picked, terms: newTerms(now) } : picked;
  return ctx.world.paymentsEnabled ? chosen : withoutPayments(chosen);
}

function documentsOf(ctx: MockContext, now: Date): DocumentSummary[] {
  if (ctx.world.empty) return [];
  const pending = new Set(ctx.state.createdPayments.filter((p) => p.status === 'pending').flatMap((p) => p.documentIds));
  return documentsOfPersona(personaOf(ctx, now), now, { paymentsEnabled: ctx.world.paymentsEnabled, pending });
}

function paymentsOf(ctx: MockContext, now: Date): Payment[] {
  if (ctx.world.empty) return [...ctx.state.createdPayments];
  return [...ctx.state.createdPayments, ...paymentsOfPersona(personaOf(ctx, now))];
}

function pointsOfState(ctx: MockContext, now: Date): S['PointOfDelivery'][] {
  return pointsOf(personaOf(ctx, now));
}

function ticketsOf(ctx: MockContext, now: Date): TicketDetail[] {
  ctx.state.tickets ??= makeTickets(now, ctx.state.persona);
  return [...ctx.state.tickets].sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
}

/** The balance of the signed-in persona (only the documents `filter` keeps), or the world's named case. */
function balanceOf(ctx: MockContext, now: Date, filter?: (pointIds: readonly string[]) => boolean): S['Balance'] {
  if (ctx.world.empty) return makeBalance('settled', now);
  if (ctx.world.balance !== 'documents') return makeBalance(ctx.world.balance, now);
  return balanceOfPersona(personaOf(ctx, now), now, filter ? (d) => filter(d.pointIds) : undefined);
}

function sessionOf(ctx: MockContext, now: Date): S['Session'] {
  return personaSession(personaOf(ctx, now), now, { signedInAt: new Date(ctx.state.signedInAt), lastActivityAt: new Date(ctx.state.lastActivityAt), csrfToken: DEMO.csrfToken });
}

/** Signs `key` in; a different customer than before starts from that persona's own data. */
/**
 * Signs `key` in, unless the customer accepted older terms than the utility's current ones (the `terms-changed`
 * scenario, or terms accepted earlier in these handlers): then `terms_required` and no session yet.
 */
function signInOrTerms(ctx: MockContext, now: Date, key: PersonaKey): SuccessBody<'login'> {
  const current = ctx.world.termsChanged ? newTerms(now) : personaAt(key, now).utility.config.terms;
  const accepted = key === ctx.state.persona ? ctx.state.consents.terms.version : personaAt(key, now).customer.termsVersion;
  if (accepted === current.version) return signIn(ctx, now, key);
  const { answer, challenge } = termsRequired(current, now);
  ctx.state.terms = { ...challenge, persona: key };
  return answer;
}

function signIn(ctx: MockContext, now: Date, key: PersonaKey): S['LoginSignedIn'] {
  if (key !== ctx.state.persona) Object.assign(ctx.state, customerState(key, now));
  ctx.state.signedIn = true;
  ctx.state.expired = false;
  ctx.state.signedInAt = now.getTime();
  ctx.state.lastActivityAt = now.getTime();
  return { status: 'signed_in', session: sessionOf(ctx, now) };
}

/** `+48609876543` → `+48 *** *** 543`, as the reference server masks a phone. */
const maskPhone = (phone: string): string => `${phone.slice(0, 3)} *** *** ${phone.slice(-3)}`;

function mfaChallenge(mfa: MfaState, now: Date): SuccessBody<'resendMfa'> {
  return {
    status: 'mfa_required',
    challengeId: DEMO.mfaChallengeId,
    channel: 'sms',
    maskedDestination: maskPhone(personaAt(mfa.persona, now).account?.phone ?? '+48000000000'),
    expiresAt: warsawIso(new Date(mfa.expiresAt)),
    resendAvailableAt: warsawIso(new Date(mfa.resendAvailableAt)),
  };
}

function neutralAccepted(): SuccessBody<'requestPasswordReset'> {
  return {
    status: 'accepted',
    message: 'Jeśli dane pasują do konta w eBOK, wysłaliśmy wiadomość na przypisany do niego adres e-mail. Sprawdź też folder ze spamem.',
  };
}

async function identifierRequest(request: Request): Promise<Parsed<string>> {
  const body = await readJson(request);
  if (!body.ok) return body;
  const errors = unknownProperties(body.value, ['identifier']);
  const identifier = checkString(errors, body.value, 'identifier', { required: true, min: 1, max: 254 });
  if (errors.length > 0 || identifier === undefined) return { ok: false, response: validationProblem(errors) };
  return { ok: true, value: identifier };
}

/** Why a link's token is refused: `expired` / `used` / `invalid` in it. `precise`: the check operations, which say `token_expired`. */
function tokenProblem(token: string, precise = false): Response | undefined {
  if (token === DEMO.invalidToken || token.includes('invalid')) return problemResponse(422, 'token_invalid_or_expired', { detail: 'Link wygasł lub jest nieprawidłowy. Poproś o nowy.' });
  if (token === DEMO.expiredToken || token.includes('expired')) {
    return precise
      ? problemResponse(422, 'token_expired', { detail: 'Ten link wygasł albo zastąpił go nowszy. Poproś o nowy.' })
      : problemResponse(422, 'token_invalid_or_expired', { detail: 'Link wygasł lub jest nieprawidłowy. Poproś o nowy.' });
  }
  if (token === DEMO.usedToken || token.includes('used')) return problemResponse(422, 'token_used', { detail: 'Ten link został już wykorzystany.' });
  return undefined;
}

/** `checkPasswordResetToken` and `checkActivationToken`: the token's outcome, without spending it. */
async function checkToken(request: Request, lifetimeSeconds: number, now: Date, json: ResolverInput<'checkPasswordResetToken'>['json']): Promise<Response> {
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const errors = unknownProperties(body.value, ['token']);
  const token = checkString(errors, body.value, 'token', { required: true, min: 16, max: 512 });
  if (errors.length > 0 || token === undefined) return validationProblem(errors);
  return tokenProblem(token, true) ?? json({ expiresAt: instantFromNow(now, lifetimeSeconds), maskedEmail: maskEmail(DEMO.email) });
}

// ---------------------------------------------------------------------------------------------------------------
// Resolvers, one per operation
// ---------------------------------------------------------------------------------------------------------------

const resolvers: { [K in OperationId]: Resolver<K> } = {
  getPortalConfig: ({ ctx, url, now, json }) => json(configOf(ctx, now, url)),

  login: async ({ request, ctx, now, json }) => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const errors = unknownProperties(body.value, ['identifier', 'password']);
    const identifier = checkString(errors, body.value, 'identifier', { required: true, min: 1, max: 254 });
    const password = checkString(errors, body.value, 'password', { required: true, min: 1, max: 1024 });
    if (errors.length > 0 || identifier === undefined || password === undefined) return validationProblem(errors);
    // Any demo login, by e-mail, PESEL or NIP, with its password; the reference server's order of answers.
    const key = personaKeyByLogin(identifier, now);
    const account = key === undefined ? null : personaAt(key, now).account;
    // While the string's lock holds, the account behind it (if any) is locked too: the right password is refused.
    const lockedString = ctx.state.loginFailures.get(identifier.trim().toLowerCase())?.lockedAt;
    const stringLocked = lockedString !== undefined && now.getTime() - lockedString < LOGIN_LOCK.seconds * 1000;
    if (key === undefined || !account || stringLocked || password !== account.password || (account.lockedUntil !== null && account.lockedUntil > now)) return refusedLogin(ctx.state, identifier, now);
    ctx.state.loginFailures.delete(identifier.trim().toLowerCase());
    if (account.status !== 'active') return problemResponse(403, 'account_not_activated', { detail: 'Aktywuj konto linkiem z wiadomości e-mail albo poproś o nowy link.' });
    if (account.mustChangePassword) {
      return problemResponse(403, 'password_change_required', {
        detail: 'Zalogowano hasłem jednorazowym. Ustaw własne hasło, aby kontynuować.',
        extra: { changeToken: DEMO.changeToken, changeTokenExpiresAt: instantFromNow(now, 900) },
      });
    }
    if (account.mfa) {
      ctx.state.mfa = { persona: key, attempts: 0, expiresAt: now.getTime() + 300_000, resendAvailableAt: now.getTime() + 60_000, used: false };
      return json(mfaChallenge(ctx.state.mfa, now));
    }
    return json(signInOrTerms(ctx, now, key));
  },

  verifyMfa: async ({ request, ctx, now, json }) => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const errors = unknownProperties(body.value, ['challengeId', 'code']);
    const challengeId = checkString(errors, body.value, 'challengeId', { required: true, min: 16, max: 128 });
    const code = checkString(errors, body.value, 'code', { required: true, pattern: /^[0-9]{4,8}$/ });
    if (errors.length > 0 || challengeId === undefined || code === undefined) return validationProblem(errors);
    const mfa = ctx.state.mfa;
    const expired = challengeId !== DEMO.mfaChallengeId || (mfa !== undefined && (mfa.used || mfa.attempts >= 5 || now.getTime() > mfa.expiresAt));
    if (expired) return problemResponse(422, 'mfa_expired', { detail: 'Zaloguj się ponownie, aby otrzymać nowy kod.' });
    if (code !== DEMO.mfaCode) {
      if (mfa) mfa.attempts += 1;
      return problemResponse(422, 'mfa_invalid_code', {
        detail: 'Kod jest nieprawidłowy. Sprawdź SMS i wpisz kod ponownie.',
        extra: { fields: [fieldError('/code', 'incorrect', 'Nieprawidłowy kod.')] },
      });
    }
    if (mfa) mfa.used = true;
    const result = signInOrTerms(ctx, now, mfa?.persona ?? 'dwuetapowe');
    return json(result.status === 'mfa_required' ? signIn(ctx, now, mfa?.persona ?? 'dwuetapowe') : result);
  },

  acceptTerms: async ({ request, ctx, now, json }) => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const errors = unknownProperties(body.value, ['challengeId', 'version']);
    const challengeId = checkString(errors, body.value, 'challengeId', { required: true, min: 16, max: 128 });
    const version = checkString(errors, body.value, 'version', { required: true, min: 1, max: 40 });
    if (errors.length > 0 || challengeId === undefined || version === undefined) return validationProblem(errors);
    // As with the code: before any login in these handlers, the demo challenge stands for energia's (samples, stories).
    const persona = ctx.state.terms?.persona ?? 'energia';
    const current = ctx.world.termsChanged ? newTerms(now) : personaAt(persona, now).utility.config.terms;
    ctx.state.terms ??= { version: current.version, expiresAt: now.getTime() + 900_000, used: false, persona };
    const pending = ctx.state.terms;
    const refusal = acceptanceRefusal(pending, { challengeId, version }, current.version, now);
    if (refusal === 'expired' || !pending) return problemResponse(422, 'token_invalid_or_expired', { detail: 'Czas na akceptację regulaminu minął. Zaloguj się ponownie.' });
    pending.used = true;
    if (refusal === 'conflict') return problemResponse(409, 'conflict', { detail: 'Regulamin zmienił się w międzyczasie. Zaloguj się ponownie, aby zobaczyć aktualny.' });
    const session = signIn(ctx, now, pending.persona);
    ctx.state.consents = { ...ctx.state.consents, terms: { accepted: true, version, acceptedAt: warsawIso(now) } };
    return json(session);
  },

  resendMfa: async ({ request, ctx, now, json }) => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const errors = unknownProperties(body.value, ['challengeId']);
    const challengeId = checkString(errors, body.value, 'challengeId', { required: true, min: 16, max: 128 });
    if (errors.length > 0 || challengeId === undefined) return validationProblem(errors);
    const mfa = ctx.state.mfa;
    if (challengeId !== DEMO.mfaChallengeId || mfa?.used === true || (mfa !== undefined && now.getTime() > mfa.expiresAt)) {
      return problemResponse(422, 'mfa_expired', { detail: 'Zaloguj się ponownie, aby otrzymać nowy kod.' });
    }
    if (mfa && now.getTime() < mfa.resendAvailableAt) {
      const seconds = Math.ceil((mfa.resendAvailableAt - now.getTime()) / 1000);
      return problemResponse(429, 'too_many_attempts', {
        detail: `Nowy kod możesz wysłać za ${seconds} s.`,
        extra: { retryAfter: seconds, lockedUntil: warsawIso(new Date(mfa.resendAvailableAt)) },
        headers: { 'Retry-After': String(seconds) },
      });
    }
    const next: MfaState = { persona: mfa?.persona ?? 'dwuetapowe', attempts: 0, used: false, expiresAt: now.getTime() + 300_000, resendAvailableAt: now.getTime() + 60_000 };
    ctx.state.mfa = next;
    return json(mfaChallenge(next, now));
  },

  logout: ({ ctx }) => {
    ctx.state.signedIn = false;
    ctx.state.expired = false;
    return noContent();
  },

  getSession: ({ ctx, now, json }) => json(sessionOf(ctx, now)),

  refreshSession: ({ ctx, now, json }) => json(sessionOf(ctx, now)),

  requestPasswordReset: async ({ request, json }) => {
    const identifier = await identifierRequest(request);
    return identifier.ok ? json(neutralAccepted(), 202) : identifier.response;
  },

  checkPasswordResetToken: ({ request, ctx, now, json }) => checkToken(request, configOf(ctx, now).resetLinkLifetimeSeconds, now, json),

  confirmPasswordReset: async ({ request, ctx, now }) => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const errors = unknownProperties(body.value, ['token', 'newPassword']);
    const token = checkString(errors, body.value, 'token', { required: true, min: 16, max: 512 });
    const newPassword = checkString(errors, body.value, 'newPassword', { required: true, min: 1, max: 1024 });
    if (errors.length > 0 || token === undefined || newPassword === undefined) return validationProblem(errors);
    const refused = tokenProblem(token);
    if (refused) return refused;
    const policy = passwordPolicyErrors(newPassword, '/newPassword', undefined, configOf(ctx, now).passwordPolicy);
    if (policy.length > 0) return problemResponse(422, 'password_policy_violation', { extra: { fields: policy } });
    return noContent();
  },

  changePassword: async ({ request, ctx, now }) => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const errors = unknownProperties(body.value, ['currentPassword', 'changeToken', 'newPassword']);
    const currentPassword = checkString(errors, body.value, 'currentPassword', { min: 1, max: 1024 });
    const changeToken = checkString(errors, body.value, 'changeToken', { min: 16, max: 512 });
    const newPassword = checkString(errors, body.value, 'newPassword', { required: true, min: 1, max: 1024 });
    if ((body.value.currentPassword === undefined) === (body.value.changeToken === undefined)) {
      errors.push(fieldError(body.value.currentPassword === undefined ? '/currentPassword' : '/changeToken', 'exactly_one_required', 'Podaj obecne hasło albo kod zmiany hasła (dokładnie jedno).'));
    }
    if (errors.length > 0 || newPassword === undefined) return validationProblem(errors);
    if (changeToken !== undefined) {
      const refused = tokenProblem(changeToken);
      if (refused) return refused;
    } else {
      if (!ctx.state.signedIn) return noSession(ctx.state);
      if (currentPassword !== personaOf(ctx, now).account?.password) return validationProblem([fieldError('/currentPassword', 'incorrect', 'Obecne hasło jest nieprawidłowe.')]);
    }
    const policy = passwordPolicyErrors(newPassword, '/newPassword', currentPassword ?? (changeToken === undefined ? undefined : DEMO.oneTimePassword), configOf(ctx, now).passwordPolicy);
    if (policy.length > 0) return problemResponse(422, 'password_policy_violation', { extra: { fields: policy } });
    return noContent();
  },

  requestLoginReminder: async ({ request, json }) => {
    const identifier = await identifierRequest(request);
    return identifier.ok ? json(neutralAccepted(), 202) : identifier.response;
  },

  register: async ({ request, ctx, url, now, json }) => {
    const config = configOf(ctx, now, url);
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const b = body.value;
    const errors = unknownProperties(b, ['pesel', 'nip', 'customerNumber', 'pointCode', 'email', 'phone', 'password', 'consents']);
    if ((b.pesel === undefined) === (b.nip === undefined)) {
      errors.push(fieldError(b.pesel === undefined ? '/pesel' : '/nip', 'exactly_one_required', 'Podaj PESEL (osoba) albo NIP (firma).'));
    } else if (b.pesel !== undefined) {
      const pesel = checkString(errors, b, 'pesel', { pattern: /^[0-9]{11}$/ });
      if (pesel !== undefined && !validatePesel(pesel).valid) errors.push(fieldError('/pesel', 'invalid_checksum', 'Numer PESEL jest niepoprawny. Sprawdź, czy nie ma literówki.'));
    } else {
      const nip = checkString(errors, b, 'nip', { pattern: /^(PL)?[0-9]{3}-?[0-9]{2,3}-?[0-9]{2,3}-?[0-9]{2,3}$/ });
      if (nip !== undefined && !validateNip(nip).valid) errors.push(fieldError('/nip', 'invalid_checksum', 'Numer NIP jest niepoprawny.'));
    }
    if ((b.customerNumber === undefined) === (b.pointCode === undefined)) {
      errors.push(fieldError(b.customerNumber === undefined ? '/customerNumber' : '/pointCode', 'exactly_one_required', 'Podaj numer klienta albo numer punktu poboru z faktury.'));
    } else if (b.customerNumber !== undefined) {
      checkString(errors, b, 'customerNumber', { min: 1, max: 30 });
    } else {
      const code = checkString(errors, b, 'pointCode', { min: 1, max: 40 });
      if (code !== undefined && !config.allowLegacyPointCodes) {
        if (!/^590\d{15}$/.test(code)) errors.push(fieldError('/pointCode', 'invalid_format', 'Numer PPE ma 18 cyfr i zaczyna się od 590.'));
        else if (!validatePpe(code).valid) errors.push(fieldError('/pointCode', 'invalid_checksum', 'Numer PPE jest niepoprawny. Sprawdź, czy nie ma literówki.'));
      }
    }
    const email = checkString(errors, b, 'email', { required: true, max: 254, pattern: EMAIL });
    checkString(errors, b, 'phone', { pattern: PHONE });
    const password = checkString(errors, b, 'password', { required: true, min: 1, max: 1024 });
    if (password !== undefined) errors.push(...passwordPolicyErrors(password, '/password', undefined, config.passwordPolicy));
    const consentsBody = b.consents;
    if (!isRecord(consentsBody)) {
      errors.push(fieldError('/consents', 'required', 'Zaakceptuj regulamin.'));
    } else {
      errors.push(...unknownProperties(consentsBody, ['terms', 'marketing', 'eInvoice'], '/consents'));
      const terms = checkBoolean(errors, consentsBody, 'terms', '/consents');
      const marketing = consentsBody.marketing;
      const known = new Set(configOf(ctx, now).marketingConsents.map((c) => c.id));
      if (!Array.isArray(marketing)) errors.push(fieldError('/consents/marketing', marketing === undefined ? 'required' : 'invalid_format', 'Oczekiwano listy zgód.'));
      else marketing.forEach((id: unknown, i) => typeof id === 'string' && known.has(id) ? undefined : errors.push(fieldError(`/consents/marketing/${i}`, 'unknown_value', 'Nie ma takiej zgody.')));
      checkBoolean(errors, consentsBody, 'eInvoice', '/consents');
      if (terms === false) errors.push(fieldError('/consents/terms', 'must_be_true', 'Aby założyć konto, zaakceptuj regulamin.'));
    }
    if (errors.length > 0 || email === undefined) return validationProblem(errors);
    return json({ activationLinkExpiresInSeconds: config.activationLinkLifetimeSeconds, maskedEmail: maskEmail(email) }, 201);
  },

  activateAccount: async ({ request }) => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const errors = unknownProperties(body.value, ['token']);
    const token = checkString(errors, body.value, 'token', { required: true, min: 16, max: 512 });
    if (errors.length > 0 || token === undefined) return validationProblem(errors);
    return tokenProblem(token) ?? noContent();
  },

  checkActivationToken: ({ request, ctx, now, json }) => checkToken(request, configOf(ctx, now).activationLinkLifetimeSeconds, now, json),

  resendActivation: async ({ request, json }) => {
    const identifier = await identifierRequest(request);
    return identifier.ok ? json(neutralAccepted(), 202) : identifier.response;
  },

  getProfile: ({ ctx, json }) => json(ctx.state.profile),

  // The contact changes and the account removal: profile.ts.
  ...profileResolvers,

  updateCorrespondenceAddress: async ({ request, ctx, json }) => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const b = body.value;
    const errors = unknownProperties(b, ['street', 'buildingNumber', 'apartmentNumber', 'postalCode', 'city', 'postOffice', 'country']);
    const optional = (key: string, max: number): string | null => (b[key] === null || b[key] === undefined ? null : (checkString(errors, b, key, { min: 1, max }) ?? null));
    const street = optional('street', 100);
    const apartmentNumber = optional('apartmentNumber', 20);
    const postOffice = optional('postOffice', 100);
    const buildingNumber = checkString(errors, b, 'buildingNumber', { required: true, min: 1, max: 20 });
    const country = checkString(errors, b, 'country', { pattern: /^[A-Z]{2}$/ }) ?? 'PL';
    const postalCode = checkString(errors, b, 'postalCode', { required: true, min: 3, max: 12 });
    if (postalCode !== undefined && country === 'PL' && !/^\d{2}-\d{3}$/.test(postalCode)) {
      errors.push(fieldError('/postalCode', 'invalid_format', 'Kod pocztowy ma postać 00-000.'));
    }
    const city = checkString(errors, b, 'city', { required: true, min: 1, max: 100 });
    if (errors.length > 0 || buildingNumber === undefined || postalCode === undefined || city === undefined) return validationProblem(errors);
    const address: S['Address'] = { street: street?.trim() ?? null, buildingNumber: buildingNumber.trim(), apartmentNumber: apartmentNumber?.trim() ?? null, postalCode, city: city.trim(), postOffice: postOffice?.trim() ?? null, country };
    ctx.state.profile = { ...ctx.state.profile, correspondenceAddress: address };
    return json(address);
  },

  getConsents: ({ ctx, json }) => json(ctx.state.consents),

  updateConsents: async ({ request, ctx, now, json }) => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = parseConsentsUpdate(body.value, ctx.state.consents, configOf(ctx, now).eInvoiceRequired);
    if ('errors' in parsed) return validationProblem(parsed.errors);
    ctx.state.consents = applyConsentsChange(ctx.state.consents, parsed.change, now);
    ctx.state.profile = { ...ctx.state.profile, eInvoice: ctx.state.consents.eInvoice };
    return json(ctx.state.consents);
  },

  getNotificationPreferences: ({ ctx, json }) => json(ctx.state.preferences),

  updateNotificationPreferences: async ({ request, ctx, json }) => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const errors = unknownProperties(body.value, ['email', 'sms', 'dueDateReminderDays']);
    const channel = (name: 'email' | 'sms'): S['NotificationEvents'] | undefined => {
      const value = body.value[name];
      if (!isRecord(value)) {
        errors.push(fieldError(`/${name}`, 'required', 'To pole jest wymagane.'));
        return undefined;
      }
      errors.push(...unknownProperties(value, NOTIFICATION_TOPICS, `/${name}`));
      const flags = NOTIFICATION_TOPICS.map((topic) => [topic, checkBoolean(errors, value, topic, `/${name}`)] as const);
      return flags.every(([, on]) => on !== undefined) ? (Object.fromEntries(flags) as S['NotificationEvents']) : undefined;
    };
    const email = channel('email');
    const sms = channel('sms');
    const days = body.value['dueDateReminderDays'];
    if (typeof days !== 'number' || !Number.isInteger(days)) errors.push(fieldError('/dueDateReminderDays', days === undefined ? 'required' : 'invalid_format', 'Podaj liczbę dni.'));
    else if (days < 1 || days > 14) errors.push(fieldError('/dueDateReminderDays', days < 1 ? 'too_small' : 'too_large', 'Od 1 do 14 dni.', { params: { min: 1, max: 14 } }));
    if (email && !email.security) errors.push(fieldError('/email/security', 'not_allowed', 'E-maili o bezpieczeństwie nie można wyłączyć.'));
    if (ctx.state.profile.phone === null && sms) {
      errors.push(...NOTIFICATION_TOPICS.filter((e) => sms[e]).map((e) => fieldError(`/sms/${e}`, 'phone_required', 'Aby dostawać SMS-y, dodaj numer telefonu w danych kontaktowych.')));
    }
    if (errors.length > 0 || !email || !sms || typeof days !== 'number') return validationProblem(errors);
    ctx.state.preferences = { email, sms, dueDateReminderDays: days };
    return json(ctx.state.preferences);
  },

  listPoints: ({ ctx, url, now, json }) => {
    const page = paginate(ctx.world.empty ? [] : pointsOfState(ctx, now), url);
    return page.ok ? json(page.value) : page.response;
  },

  getPoint: ({ ctx, params, now, json }) => {
    const point = pointsOfState(ctx, now).find((p) => p.id === params.pointId);
    return point ? json(point) : notFound();
  },

  getTariffOptions: ({ request, ctx, params, now, json }) => {
    const point = pointsOfState(ctx, now).find((p) => p.id === params.pointId);
    if (!point) return notFound();
    const lang = /^en\b/i.test(request.headers.get('Accept-Language') ?? '') ? 'en' : 'pl';
    return json(tariffOptionsOf(personaOf(ctx, now), { ...point, tariff: tariffOf(ctx.state, point, now) }, ctx.world.empty, now, lang));
  },

  createTariffChangeRequest: async ({ request, ctx, params, now, json }) => {
    const point = pointsOfState(ctx, now).find((p) => p.id === params.pointId);
    if (!point) return notFound();
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const errors = unknownProperties(body.value, ['tariff']);
    const tariff = checkString(errors, body.value, 'tariff', { required: true, min: 1, max: 16 });
    if (errors.length > 0 || tariff === undefined) return validationProblem(errors);
    const filed = fileTariffChange(ctx.state, { ...point, tariff: tariffOf(ctx.state, point, now) }, tariff, now);
    if (filed === 'not_allowed') return validationProblem([fieldError('/tariff', 'not_allowed', 'Tej taryfy nie oferujemy dla tego punktu albo punkt już ją ma.')]);
    if (filed === 'pending') return problemResponse(409, 'conflict', { detail: 'Wniosek o zmianę taryfy dla tego punktu czeka już na naszą decyzję.' });
    return json(filed, 201);
  },

  listTariffChangeRequests: ({ ctx, url, now, json }) => {
    const pointId = url.searchParams.get('pointId');
    if (pointId !== null && !pointsOfState(ctx, now).some((p) => p.id === pointId)) return notFound();
    return json({ items: tariffChangesOf(ctx.state, pointId, now) });
  },

  listContracts: ({ ctx, url, now, json }) => {
    const page = paginate(ctx.world.empty ? [] : contractsOf(personaOf(ctx, now)), url);
    return page.ok ? json(page.value) : page.response;
  },

  getContract: ({ ctx, params, now, json }) => {
    const contract = contractOf(personaOf(ctx, now), params.contractId ?? '');
    return contract ? json(contract) : notFound();
  },

  getContractDocumentPdf: ({ ctx, params, now }) => contractDocumentPdf(personaOf(ctx, now), params.contractId ?? '', params.documentId ?? '') ?? notFound(),

  getBalance: ({ ctx, url, now, json }) => {
    const pointId = url.searchParams.get('pointId');
    const contractId = url.searchParams.get('contractId');
    if (pointId !== null && contractId !== null) {
      return validationProblem([fieldError('contractId', 'not_allowed', 'Podaj punkt poboru albo umowę, nie oba naraz.')]);
    }
    if (pointId !== null) {
      if (!pointsOfState(ctx, now).some((p) => p.id === pointId)) return notFound();
      return json(balanceOf(ctx, now, (ids) => ids.includes(pointId)));
    }
    if (contractId !== null) {
      const contract = contractsOf(personaOf(ctx, now)).find((c) => c.id === contractId);
      if (!contract) return notFound();
      return json(balanceOf(ctx, now, (ids) => ids.some((id) => contract.pointIds.includes(id))));
    }
    return json(balanceOf(ctx, now));
  },

  listDocuments: ({ ctx, url, now, json }) => {
    const status = enumList(url, 'status', ['unpaid', 'partially_paid', 'overdue', 'paid'] as const);
    if (!status.ok) return status.response;
    const type = enumList(url, 'type', ['invoice', 'correction', 'interest_note'] as const);
    if (!type.ok) return type.response;
    const range = dateRange(url);
    if (!range.ok) return range.response;
    const sort = url.searchParams.get('sort') ?? '-issueDate';
    if (!(DOCUMENT_SORTS as readonly string[]).includes(sort)) return validationProblem([fieldError('sort', 'not_allowed', 'Nieznany porządek sortowania.')]);
    const q = url.searchParams.get('q');
    if (q !== null && (q.length < 1 || q.length > 64)) return validationProblem([fieldError('q', q.length < 1 ? 'too_short' : 'too_long', 'Od 1 do 64 znaków.')]);
    const pointId = url.searchParams.get('pointId');
    if (pointId !== null && !pointsOfState(ctx, now).some((p) => p.id === pointId)) return notFound();
    const docs = documentsOf(ctx, now)
      .filter((d) => status.value.length === 0 || status.value.includes(d.status))
      .filter((d) => type.value.length === 0 || type.value.includes(d.type))
      .filter((d) => inRange(d.issueDate, range.value))
      .filter((d) => pointId === null || d.pointIds.includes(pointId))
      .filter((d) => q === null || d.number.toLowerCase().includes(q.toLowerCase()))
      .sort(documentOrder(sort as DocumentSort));
    const page = paginate(docs, url, sort === '-issueDate' ? '' : sort);
    return page.ok ? json(page.value) : page.response;
  },

  getDocument: ({ ctx, params, now, json }) => {
    const summary = documentsOf(ctx, now).find((d) => d.id === params.documentId);
    const who = personaOf(ctx, now);
    const doc = who.documents().find((d) => d.id === params.documentId);
    return summary && doc ? json(makeDocumentDetail(who, doc, summary)) : notFound();
  },

  getDocumentPdf: ({ ctx, params, now }) => {
    const doc = documentsOf(ctx, now).find((d) => d.id === params.documentId);
    if (!doc?.hasPdf) return notFound();
    const title = doc.type === 'invoice' ? 'Faktura VAT' : doc.type === 'correction' ? 'Faktura korygująca' : 'Nota odsetkowa';
    const who = personaOf(ctx, now);
    const pdf = makePdf([
      `${who.utility.name} – ${title} ${doc.number}`,
      `Klient: ${ctx.state.profile.displayName}, nr klienta ${ctx.state.profile.customerNumber}`,
      `Data wystawienia: ${doc.issueDate}   Termin płatności: ${doc.dueDate}`,
      `Kwota brutto: ${doc.gross.amount} ${doc.gross.currency}   Pozostało do zapłaty: ${doc.remaining.amount} ${doc.remaining.currency}`,
      `Rachunek do wpłat: ${formatNrb(who.utility.bankAccount)}`,
      'Dokument przykładowy wygenerowany przez atrapę API (MSW).',
    ]);
    return new HttpResponse(pdf, {
      status: 200,
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': contentDisposition(`${doc.number.replace(/\//g, '_')}.pdf`),
        'Cache-Control': 'no-store',
      },
    });
  },

  createPayment: async ({ request, ctx, now, json }) => {
    const config = configOf(ctx, now);
    if (!ctx.world.paymentsEnabled || !config.features.payments) {
      return problemResponse(403, 'payments_disabled', { detail: 'Płatności online są chwilowo niedostępne. Zapłać przelewem na rachunek z faktury.' });
    }
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const b = body.value;
    const errors = unknownProperties(b, ['scope', 'documentIds', 'amount', 'method', 'returnUrl']);
    const scope = b.scope;
    if (scope !== 'balance' && scope !== 'documents') errors.push(fieldError('/scope', b.scope === undefined ? 'required' : 'not_allowed', 'Wybierz: saldo albo dokumenty.'));
    const returnUrl = checkString(errors, b, 'returnUrl', { required: true, max: 2000 });
    if (returnUrl !== undefined && !isAllowedReturnUrl(returnUrl)) errors.push(fieldError('/returnUrl', 'not_allowed', 'Adres powrotu musi być adresem HTTPS serwisu sprzedawcy.'));
    const method = b.method;
    if (method !== undefined && !(config.payments.methods as unknown[]).includes(method)) errors.push(fieldError('/method', 'not_allowed', 'Ta metoda płatności jest niedostępna.'));
    const docs = documentsOf(ctx, now);
    let due = 0;
    let documentIds: string[] = [];
    if (scope === 'balance') {
      if (b.documentIds !== undefined) errors.push(fieldError('/documentIds', 'not_allowed', 'Przy płatności salda nie wybiera się dokumentów.'));
      due = grosze(balanceOf(ctx, now).balance);
      documentIds = docs.filter((d) => d.payable).map((d) => d.id);
    } else if (scope === 'documents') {
      const ids = b.documentIds;
      if (!Array.isArray(ids) || ids.length === 0) {
        errors.push(fieldError('/documentIds', 'required', 'Wybierz co najmniej jeden dokument.'));
      } else if (ids.length > 50) {
        errors.push(fieldError('/documentIds', 'too_many_items', 'Najwyżej 50 dokumentów w jednej płatności.', { params: { max: 50 } }));
      } else {
        ids.forEach((id, i) => {
          const doc = typeof id === 'string' ? docs.find((d) => d.id === id) : undefined;
          if (!doc) errors.push(fieldError(`/documentIds/${i}`, 'unknown_value', 'Nie znaleziono dokumentu.'));
          else if (!doc.payable || ids.indexOf(id) !== i) errors.push(fieldError(`/documentIds/${i}`, 'not_payable', 'Tego dokumentu nie można teraz opłacić.'));
          else due += grosze(doc.remaining);
        });
        documentIds = ids.filter((id): id is string => typeof id === 'string');
      }
    }
    let amount: number | undefined;
    if (b.amount !== undefined) {
      const a = b.amount;
      if (!isRecord(a) || typeof a.amount !== 'string' || !MONEY_AMOUNT.test(a.amount) || a.currency !== 'PLN' || Object.keys(a).length !== 2) {
        errors.push(fieldError('/amount', 'invalid_format', 'Kwota w złotych, np. 120.50.'));
      } else if (grosze(a.amount) <= 0) {
        errors.push(fieldError('/amount', 'too_small', 'Kwota musi być większa od zera.'));
      } else if (due > 0 && grosze(a.amount) > due) {
        errors.push(fieldError('/amount', 'too_large', 'Kwota nie może być wyższa niż należność.', { params: { max: money(due).amount } }));
      } else {
        amount = grosze(a.amount);
      }
    }
    if (errors.length > 0) return validationProblem(errors);
    if (due <= 0) return problemResponse(422, 'payment_nothing_to_pay', { detail: 'Nie ma nic do zapłaty.' });
    const toPay = amount ?? due;
    const cap = config.payments.perTransactionCap;
    if (cap && toPay > grosze(cap)) {
      return problemResponse(422, 'payment_amount_over_cap', {
        detail: `Jedna płatność online może wynieść najwyżej ${cap.amount.replace('.', ',')} zł. Możesz zapłacić tę kwotę teraz, a resztę osobno.`,
        extra: { cap },
      });
    }
    ctx.state.sequence += 1;
    const id = `pay_m${String(now.getTime()).slice(-6)}${ctx.state.sequence}`;
    const payment: Payment = {
      id,
      status: 'pending',
      amount: money(toPay),
      method: typeof method === 'string' ? (method as S['PaymentMethod']) : null,
      documentIds,
      documents: documentIds.flatMap((docId) => docs.filter((d) => d.id === docId).map((d) => ({ id: d.id, number: d.number, type: d.type }))),
      createdAt: warsawIso(now),
      completedAt: null,
    };
    ctx.state.createdPayments.unshift(payment);
    return json({ id, status: 'pending', amount: payment.amount, redirectUrl: `https://pay.example-operator.pl/checkout/${id}`, expiresAt: instantFromNow(now, 900) }, 201);
  },

  listPayments: ({ ctx, url, now, json }) => {
    const range = dateRange(url);
    if (!range.ok) return range.response;
    const list = paymentsOf(ctx, now).filter((p) => inRange(warsawDate(new Date(p.createdAt)), range.value));
    const page = paginate(list, url);
    return page.ok ? json(page.value) : page.response;
  },

  getPayment: ({ ctx, params, now, json }) => {
    const payment = paymentsOf({ ...ctx, world: { ...ctx.world, empty: false } }, now).find((p) => p.id === params.paymentId);
    return payment ? json(payment) : notFound();
  },

  getReadingContext: ({ ctx, params, now, json }) => {
    const context = readingContextOf(ctx, params.pointId ?? '', now);
    return context ? json(context) : notFound();
  },

  submitReading: async ({ request, ctx, params, now, json }) => submitReading(request, ctx, params.pointId ?? '', now, json),

  listReadings: ({ ctx, params, url, now, json }) => {
    const pointId = params.pointId ?? '';
    if (!pointsOfState(ctx, now).some((p) => p.id === pointId)) return notFound();
    const range = dateRange(url);
    if (!range.ok) return range.response;
    const submitted = ctx.state.submittedReadings.filter((r) => r.pointId === pointId);
    const list = (ctx.world.empty ? submitted : [...submitted, ...readingsOf(personaOf(ctx, now), pointId)]).filter((r) => inRange(warsawDate(new Date(r.readAt)), range.value));
    const page = paginate(list, url);
    return page.ok ? json(page.value) : page.response;
  },

  getConsumption: ({ ctx, url, now, json }) => {
    const q = url.searchParams;
    const errors: FieldError[] = [];
    const kind = q.get('kind');
    if (kind !== null && !['electricity', 'gas', 'water', 'heat'].includes(kind)) errors.push(fieldError('kind', 'not_allowed', 'Nieznany rodzaj dostawy.'));
    const granularity = q.get('granularity') ?? 'month';
    if (granularity !== 'month' && granularity !== 'day') errors.push(fieldError('granularity', 'not_allowed', 'Dozwolone: month, day.'));
    const yearText = q.get('year');
    const year = yearText === null ? undefined : Number(yearText);
    if (year !== undefined && (!Number.isInteger(year) || year < 2000 || year > 2100)) errors.push(fieldError('year', Number.isInteger(year) ? (year < 2000 ? 'too_small' : 'too_large') : 'invalid_format', 'Rok od 2000 do 2100.'));
    const compareText = q.get('compare');
    if (compareText !== null && compareText !== 'true' && compareText !== 'false') errors.push(fieldError('compare', 'invalid_format', 'Dozwolone: true, false.'));
    if (errors.length > 0) return validationProblem(errors);
    const pointId = q.get('pointId') ?? undefined;
    const points = pointsOfState(ctx, now);
    const point = pointId === undefined ? undefined : points.find((p) => p.id === pointId);
    if (pointId !== undefined && !point) return notFound();
    if (granularity === 'day') {
      const included = point ? [point] : points.filter((p) => kind === null || p.kind === kind);
      if (included.some((p) => !p.meters.every((m) => m.smart))) {
        return validationProblem([fieldError('granularity', 'not_allowed', 'Zużycie dzienne jest dostępne tylko dla liczników zdalnego odczytu.')]);
      }
    }
    const query = {
      ...(pointId === undefined ? {} : { pointId }),
      ...(kind === null ? {} : { kind: kind as S['UtilityKind'] }),
      granularity: granularity as 'month' | 'day',
      ...(year === undefined ? {} : { year }),
      compare: compareText === 'true',
    };
    const consumption = makeConsumption(query, now, ctx.state.persona);
    if (!consumption) return notFound();
    return json(ctx.world.empty ? { ...consumption, pointIds: [], series: [], totals: [] } : consumption);
  },

  listTicketCategories: ({ json }) => json({ items: ticketCategories }),

  createTicket: async ({ request, ctx, now, json }) => createTicket(request, ctx, now, json),

  listTickets: ({ ctx, url, now, json }) => {
    const status = enumList(url, 'status', ['open', 'in_progress', 'awaiting_customer', 'resolved', 'closed'] as const);
    if (!status.ok) return status.response;
    const list = (ctx.world.empty ? (ctx.state.tickets ?? []).filter((t) => t.id.startsWith('tkt_n')) : ticketsOf(ctx, now))
      .filter((t) => status.value.length === 0 || status.value.includes(t.status))
      .map(ticketSummary);
    const page = paginate(list, url);
    return page.ok ? json(page.value) : page.response;
  },

  getTicket: ({ ctx, params, now, json }) => {
    const ticket = ticketsOf(ctx, now).find((t) => t.id === params.ticketId);
    return ticket ? json(ticket) : notFound();
  },

  replyToTicket: async ({ request, ctx, params, now, json }) => {
    const ticket = ticketsOf(ctx, now).find((t) => t.id === params.ticketId);
    if (!ticket) return notFound();
    if (ticket.status === 'closed') return problemResponse(409, 'conflict', { detail: 'Zgłoszenie jest zamknięte. Utwórz nowe zgłoszenie.' });
    const form = await readForm(request);
    if (!form.ok) return form.response;
    const errors = unknownFormFields(form.value, ['message', 'attachments']);
    const message = formText(errors, form.value, 'message', 5000, true);
    const category = ticketCategories.find((c) => c.id === ticket.categoryId) ?? ticketCategories[0];
    const files = category ? await checkAttachments(errors, form.value, category) : [];
    if (!Array.isArray(files)) return files;
    if (errors.length > 0 || message === undefined) return validationProblem(errors);
    const reply = newMessage(ctx, now, message, files);
    ticket.messages.push(reply);
    ticket.status = ticket.status === 'resolved' || ticket.status === 'awaiting_customer' ? 'open' : ticket.status;
    ticket.updatedAt = reply.createdAt;
    ticket.lastMessageAuthor = 'customer';
    return json(reply, 201);
  },

  getTicketAttachment: ({ ctx, params, now }) => {
    const ticket = ticketsOf(ctx, now).find((t) => t.id === params.ticketId);
    const attachment = ticket?.messages.flatMap((m) => m.attachments).find((a) => a.id === params.attachmentId);
    if (!ticket || !attachment) return notFound();
    const bytes =
      ctx.state.uploads.get(attachment.id) ??
      personaOf(ctx, now).attachments.get(attachment.id) ??
      (attachment.contentType === 'application/pdf'
        ? makePdf([`${personaOf(ctx, now).utility.name} – zgłoszenie ${ticket.number}`, `Załącznik: ${attachment.name}`])
        : base64Bytes(attachment.contentType === 'image/png' ? PNG_BASE64 : JPEG_BASE64));
    return new HttpResponse(bytes, {
      status: 200,
      headers: {
        'Content-Type': attachment.contentType,
        'Content-Disposition': contentDisposition(attachment.name),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    });
  },

  listMessages: ({ ctx, url, now, json }) => {
    const channel = url.searchParams.get('channel');
    if (channel !== null && !['email', 'sms', 'portal'].includes(channel)) return validationProblem([fieldError('channel', 'not_allowed', 'Dozwolone: email, sms, portal.')]);
    const unread = url.searchParams.get('unread');
    if (unread !== null && unread !== 'true' && unread !== 'false') return validationProblem([fieldError('unread', 'invalid_format', 'Dozwolone: true, false.')]);
    const events = enumList(url, 'event', MESSAGE_EVENTS);
    if (!events.ok) return events.response;
    const all = (ctx.world.empty ? [] : makeMessages(now, ctx.state.persona)).map((m) => ({ ...m, readAt: m.readAt ?? ctx.state.readMessages.get(m.id) ?? null }));
    const list = all.filter((m) => channel === null || m.channel === channel).filter((m) => unread === null || (m.readAt === null) === (unread === 'true'))
      .filter((m) => events.value.length === 0 || events.value.includes(m.event));
    const page = paginate(list, url);
    return page.ok ? json({ ...page.value, unreadCount: all.filter((m) => m.readAt === null).length }) : page.response;
  },

  markMessageRead: ({ ctx, params, now }) => {
    const message = (ctx.world.empty ? [] : makeMessages(now, ctx.state.persona)).find((m) => m.id === params.messageId);
    if (!message) return notFound();
    if (message.readAt === null && !ctx.state.readMessages.has(message.id)) ctx.state.readMessages.set(message.id, warsawIso(now));
    return noContent();
  },

  listOutages: ({ ctx, url, now, json }) => {
    const today = warsawDate(now);
    const range = dateRange(url, { from: today, to: addDays(today, 30) });
    if (!range.ok) return range.response;
    const kind = url.searchParams.get('kind');
    if (kind !== null && !['electricity', 'gas', 'water', 'heat'].includes(kind)) return validationProblem([fieldError('kind', 'not_allowed', 'Nieznany rodzaj dostawy.')]);
    const area = url.searchParams.get('area');
    if (area !== null && (area.length < 2 || area.length > 100)) return validationProblem([fieldError('area', area.length < 2 ? 'too_short' : 'too_long', 'Od 2 do 100 znaków.')]);
    const fold = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase();
    const { from = today, to = addDays(today, 30) } = range.value;
    const list = (ctx.world.empty ? [] : makeOutages(now))
      .filter((o) => kind === null || o.kind === kind)
      .filter((o) => {
        if (area === null) return true;
        if (/^\d{2}-\d{3}$/.test(area)) return o.area.postalCodes.includes(area);
        const needle = fold(area);
        return fold(o.area.municipality).includes(needle) || (o.area.locality !== null && fold(o.area.locality).includes(needle));
      })
      .filter((o) => warsawDate(new Date(o.startsAt)) <= to && (o.endsAt === null || warsawDate(new Date(o.endsAt)) >= from));
    const page = paginate(list, url);
    return page.ok ? json(page.value) : page.response;
  },
};

function isAllowedReturnUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname));
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Readings
// ---------------------------------------------------------------------------------------------------------------

/**
 * The reading context of the signed-in persona's point: the rules of demo/personas (window, last reading,
 * plausible range); in the `reading-window-closed` world the window is shut until the next one.
 */
function readingContextOf(ctx: MockContext, pointId: string, now: Date): S['ReadingContext'] | undefined {
  const context = readingContext(personaOf(ctx, now), pointId, now);
  if (!context || ctx.world.readingWindowOpen || !context.window.open) return context;
  return { ...context, window: { ...context.window, open: false, opensAt: null, closesAt: null } };
}

async function submitReading(request: Request, ctx: MockContext, pointId: string, now: Date, json: ResolverInput<'submitReading'>['json']): Promise<Response> {
  const context = readingContextOf(ctx, pointId, now);
  if (!context) return notFound();
  const form = await readForm(request);
  if (!form.ok) return form.response;
  const formErrors = unknownFormFields(form.value, ['payload', 'photo']);
  if (formErrors.length > 0) return validationProblem(formErrors);
  const part = form.value.get('payload');
  if (part === null) return validationProblem([fieldError('/payload', 'required', 'Brak części payload.')]);
  let payload: unknown;
  try {
    payload = JSON.parse(typeof part === 'string' ? part : await part.text());
  } catch {
    return malformed('Część payload nie jest poprawnym dokumentem JSON.');
  }
  if (!isRecord(payload)) return malformed('Część payload musi być obiektem JSON.');
  const errors = unknownProperties(payload, ['readAt', 'values', 'confirmImplausible']);
  const readAtText = checkString(errors, payload, 'readAt', { pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/ });
  const confirm = payload.confirmImplausible === undefined ? false : checkBoolean(errors, payload, 'confirmImplausible');
  const values = payload.values;
  const entries: { registerId: string; value: string; index: number }[] = [];
  if (!Array.isArray(values) || values.length < 1 || values.length > 16) {
    errors.push(fieldError('/values', values === undefined ? 'required' : 'invalid_format', 'Podaj wartość dla każdego liczydła.'));
  } else {
    values.forEach((v: unknown, index) => {
      if (!isRecord(v)) {
        errors.push(fieldError(`/values/${index}`, 'invalid_format', 'Niepoprawna wartość.'));
        return;
      }
      errors.push(...unknownProperties(v, ['registerId', 'value'], `/values/${index}`));
      const registerId = checkString(errors, v, 'registerId', { required: true, pattern: ID, prefix: `/values/${index}` });
      const value = checkString(errors, v, 'value', { required: true, pattern: DECIMAL, prefix: `/values/${index}` });
      if (registerId === undefined || value === undefined) return;
      const register = context.registers.find((r) => r.registerId === registerId);
      if (!register || entries.some((e) => e.registerId === registerId)) {
        errors.push(fieldError(`/values/${index}/registerId`, 'unknown_value', 'To liczydło nie należy do punktu albo powtarza się.', { registerId }));
        return;
      }
      const decimals = value.split('.')[1]?.length ?? 0;
      if (decimals > register.decimals || value.startsWith('-')) {
        errors.push(fieldError(`/values/${index}/value`, 'invalid_format', `Najwyżej ${register.decimals} miejsc po przecinku.`, { registerId, params: { decimals: register.decimals } }));
        return;
      }
      entries.push({ registerId, value, index });
    });
    for (const register of context.registers) {
      if (!values.some((v: unknown) => isRecord(v) && v.registerId === register.registerId)) {
        errors.push(fieldError('/values', 'required', `Brak wartości dla strefy ${register.zone}.`, { registerId: register.registerId }));
      }
    }
  }
  const photo = form.value.get('photo');
  if (photo !== null) {
    if (typeof photo === 'string' || !context.photoAllowed) {
      errors.push(fieldError('/photo', 'not_allowed', 'Dla tego punktu nie można dołączyć zdjęcia.'));
    } else if (photo.size > context.maxPhotoBytes) {
      return problemResponse(422, 'attachment_too_large', { extra: { fields: [fieldError('/photo', 'attachment_too_large', `Zdjęcie może mieć najwyżej ${Math.round(context.maxPhotoBytes / 1_048_576)} MB.`, { params: { maxBytes: context.maxPhotoBytes } })] } });
    } else if (!['image/jpeg', 'image/png', 'image/webp'].includes(sniff(new Uint8Array(await photo.slice(0, 16).arrayBuffer())) ?? '')) {
      return problemResponse(422, 'attachment_type_not_allowed', { extra: { fields: [fieldError('/photo', 'attachment_type_not_allowed', 'Dozwolone są zdjęcia JPEG, PNG i WebP.')] } });
    }
  }
  if (errors.length > 0 || confirm === undefined) return validationProblem(errors);

  // The contract's order of refusals.
  if (!context.window.open) {
    const next = context.window.nextOpensAt;
    return problemResponse(422, 'reading_window_closed', {
      detail: next ? `Najbliższe okno odczytowe otworzy się ${warsawDate(new Date(next))}.` : 'Ten licznik odczytujemy zdalnie; nie trzeba podawać odczytu.',
    });
  }
  const readAt = readAtText === undefined ? now : new Date(readAtText);
  if (readAt.getTime() > now.getTime() + 60_000) return validationProblem([fieldError('/readAt', 'in_future', 'Data odczytu nie może być z przyszłości.')]);
  const lastAt = context.registers.map((r) => (r.lastReading ? Date.parse(r.lastReading.readAt) : 0)).reduce((a, b) => Math.max(a, b), 0);
  if (readAt.getTime() < lastAt) return validationProblem([fieldError('/readAt', 'too_small', 'Data odczytu jest wcześniejsza niż ostatni odczyt.')]);
  const lower = entries.flatMap(({ registerId, value, index }) => {
    const register = context.registers.find((r) => r.registerId === registerId);
    if (!register?.lastReading) return [];
    const previous = Number(register.lastReading.value);
    const current = Number(value);
    const max = Number(register.maxValue);
    const rollOver = previous > max * 0.9 && current < max * 0.1;
    return current < previous && !rollOver
      ? [fieldError(`/values/${index}/value`, 'reading_lower_than_previous', `Poprzedni odczyt tej strefy to ${register.lastReading.value} ${register.unit}.`, { registerId, params: { previous: register.lastReading.value } })]
      : [];
  });
  if (lower.length > 0) return problemResponse(422, 'reading_lower_than_previous', { detail: 'Odczyt nie może być niższy od poprzedniego.', extra: { fields: lower } });
  const fingerprint = (list: readonly { registerId: string; value: string }[]): string =>
    [...list].sort((a, b) => a.registerId.localeCompare(b.registerId)).map((e) => `${e.registerId}=${Number(e.value)}`).join('&');
  const duplicate = ctx.state.submittedReadings.find((r) => r.pointId === pointId && fingerprint(r.values) === fingerprint(entries));
  if (duplicate) return problemResponse(422, 'reading_duplicate', { detail: `Ten odczyt został już przyjęty ${warsawDate(new Date(duplicate.readAt))}.` });
  const outOfRange = entries.flatMap(({ registerId, value, index }) => {
    const register = context.registers.find((r) => r.registerId === registerId);
    const range = register?.allowedRange;
    if (!register || !range || (Number(value) >= Number(range.min) && Number(value) <= Number(range.max))) return [];
    return [fieldError(`/values/${index}/value`, 'reading_out_of_range', `Spodziewaliśmy się wartości od ${range.min} do ${range.max} ${register.unit}.`, { registerId, params: { min: range.min, max: range.max } })];
  });
  if (outOfRange.length > 0 && !confirm) {
    return problemResponse(422, 'reading_out_of_range', {
      detail: 'Odczyt znacznie odbiega od zwykłego zużycia. Sprawdź go; jeśli jest poprawny, potwierdź i wyślij ponownie.',
      extra: { overridable: true, fields: outOfRange },
    });
  }

  ctx.state.sequence += 1;
  const readingValues: S['ReadingValue'][] = entries.map(({ registerId, value }) => {
    const register = context.registers.find((r) => r.registerId === registerId);
    return { registerId, zone: register?.zone ?? 'all', unit: register?.unit ?? 'kWh', value };
  });
  // The first reading in a window is a settlement reading (it is billed); later ones are control readings.
  const settlement = !ctx.state.submittedReadings.some((r) => r.pointId === pointId);
  const plans = personaOf(ctx, now).points.find((p) => p.point.id === pointId)?.registers ?? [];
  const estimate = entries.reduce((sum, { registerId, value }) => {
    const register = context.registers.find((r) => r.registerId === registerId);
    const used = Math.max(0, Number(value) - Number(register?.lastReading?.value ?? value));
    return sum + used * (plans.find((p) => p.id === registerId)?.unitPrice ?? 1) * 123;
  }, 3_152);
  const reading: Reading = {
    id: `rdg_n${ctx.state.sequence}${String(now.getTime()).slice(-5)}`,
    pointId,
    readAt: warsawIso(readAt),
    kind: settlement ? 'settlement' : 'control',
    status: outOfRange.length > 0 ? 'pending_review' : 'accepted',
    values: readingValues,
  };
  ctx.state.submittedReadings.unshift(reading);
  const amount = money(Math.round(estimate));
  return json(
    {
      id: reading.id,
      pointId,
      kind: settlement ? 'settlement' : 'control',
      status: reading.status === 'pending_review' ? 'pending_review' : 'accepted',
      readAt: reading.readAt,
      values: readingValues,
      estimatedAmount: settlement ? amount : null,
      message: settlement
        ? `Dziękujemy. Odczyt rozliczeniowy został przyjęty${reading.status === 'pending_review' ? ' i czeka na sprawdzenie' : ''}. Na jego podstawie wystawimy fakturę na około ${amount.amount.replace('.', ',')} zł.`
        : 'Dziękujemy. Odczyt kontrolny został zapisany; nie zmienia on najbliższej faktury.',
    },
    201,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Tickets
// ---------------------------------------------------------------------------------------------------------------

function unknownFormFields(form: FormData, allowed: readonly string[]): FieldError[] {
  const names = new Set<string>();
  form.forEach((_value, key) => names.add(key));
  return [...names].filter((n) => !allowed.includes(n)).map((n) => fieldError(`/${n}`, 'not_allowed', 'Nieznane pole.'));
}

function formText(errors: FieldError[], form: FormData, name: string, max: number, required: boolean): string | undefined {
  const value = form.get(name);
  if (value === null || (typeof value === 'string' && value.trim() === '')) {
    if (required) errors.push(fieldError(`/${name}`, 'required', 'To pole jest wymagane.'));
    return undefined;
  }
  if (typeof value !== 'string') {
    errors.push(fieldError(`/${name}`, 'invalid_format', 'Oczekiwano tekstu.'));
    return undefined;
  }
  if (value.length > max) {
    errors.push(fieldError(`/${name}`, 'too_long', `Najwyżej ${max} znaków.`, { params: { max } }));
    return undefined;
  }
  return value;
}

interface Upload {
  info: S['AttachmentInfo'];
  bytes: Uint8Array<ArrayBuffer>;
}

/** Checks the `attachments` parts against a category; answers the files, or a problem answer for a bad file. */
async function checkAttachments(errors: FieldError[], form: FormData, category: S['TicketCategory']): Promise<Upload[] | Response> {
  const files = form.getAll('attachments');
  if (files.length === 0) return [];
  if (!category.allowsAttachments) {
    errors.push(fieldError('/attachments', 'not_allowed', 'W tej kategorii nie można dołączać plików.'));
    return [];
  }
  if (files.length > category.maxAttachments) {
    errors.push(fieldError('/attachments', 'too_many_items', `Najwyżej ${category.maxAttachments} pliki.`, { params: { max: category.maxAttachments } }));
    return [];
  }
  const uploads: Upload[] = [];
  for (const [index, file] of files.entries()) {
    if (typeof file === 'string') {
      errors.push(fieldError(`/attachments/${index}`, 'invalid_format', 'Oczekiwano pliku.'));
      continue;
    }
    if (file.size > category.maxAttachmentBytes) {
      return problemResponse(422, 'attachment_too_large', {
        extra: { fields: [fieldError(`/attachments/${index}`, 'attachment_too_large', `Plik „${sanitizeFileName(file.name)}” ma ponad ${Math.round(category.maxAttachmentBytes / 1_048_576)} MB.`, { params: { maxBytes: category.maxAttachmentBytes } })] },
      });
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const type = sniff(bytes);
    if (type === undefined || type === 'image/webp' || !category.allowedTypes.includes(type)) {
      return problemResponse(422, 'attachment_type_not_allowed', {
        extra: { fields: [fieldError(`/attachments/${index}`, 'attachment_type_not_allowed', `Dozwolone typy plików: ${category.allowedTypes.join(', ')}.`)] },
      });
    }
    uploads.push({ info: { id: '', name: sanitizeFileName(file.name), size: file.size, contentType: type }, bytes });
  }
  return uploads;
}

function newMessage(ctx: MockContext, now: Date, body: string, files: Upload[]): TicketMessage {
  ctx.state.sequence += 1;
  const seq = ctx.state.sequence;
  const attachments = files.map((f, i) => {
    const id = `att_n${seq}x${i}`;
    ctx.state.uploads.set(id, f.bytes);
    return { ...f.info, id };
  });
  return { id: `tmsg_n${seq}`, author: 'customer', authorName: ctx.state.profile.displayName, body, createdAt: warsawIso(now), attachments };
}

async function createTicket(request: Request, ctx: MockContext, now: Date, json: ResolverInput<'createTicket'>['json']): Promise<Response> {
  const form = await readForm(request);
  if (!form.ok) return form.response;
  const f = form.value;
  const errors = unknownFormFields(f, ['categoryId', 'subject', 'message', 'pointId', 'documentId', 'attachments']);
  const categoryId = formText(errors, f, 'categoryId', 64, true);
  const category = ticketCategories.find((c) => c.id === categoryId);
  if (categoryId !== undefined && !category) errors.push(fieldError('/categoryId', 'unknown_value', 'Wybierz kategorię z listy.'));
  const subject = formText(errors, f, 'subject', 200, true);
  const message = formText(errors, f, 'message', 5000, true);
  const pointId = formText(errors, f, 'pointId', 64, category?.requiresPoint ?? false);
  if (pointId !== undefined && !pointsOfState(ctx, now).some((p) => p.id === pointId)) errors.push(fieldError('/pointId', 'unknown_value', 'Wybierz punkt poboru z listy.'));
  const documentId = formText(errors, f, 'documentId', 64, category?.requiresDocument ?? false);
  if (documentId !== undefined && !documentsOf({ ...ctx, world: { ...ctx.world, empty: false } }, now).some((d) => d.id === documentId)) {
    errors.push(fieldError('/documentId', 'unknown_value', 'Wybierz dokument z listy.'));
  }
  const files = category ? await checkAttachments(errors, f, category) : [];
  if (!Array.isArray(files)) return files;
  if (errors.length > 0 || !category || subject === undefined || message === undefined) return validationProblem(errors);
  const first = newMessage(ctx, now, message, files);
  const ticket: TicketDetail = {
    id: `tkt_n${ctx.state.sequence}`,
    number: `ZGL/${warsawDate(now).slice(0, 4)}/${String(18_950 + ctx.state.sequence).padStart(6, '0')}`,
    categoryId: category.id,
    subject,
    status: 'open',
    pointId: pointId ?? null,
    documentId: documentId ?? null,
    createdAt: first.createdAt,
    updatedAt: first.createdAt,
    lastMessageAuthor: 'customer',
    messages: [first],
  };
  ctx.state.tickets ??= makeTickets(now, ctx.state.persona);
  ctx.state.tickets.unshift(ticket);
  return json(ticket, 201);
}

// ---------------------------------------------------------------------------------------------------------------
// Building MSW handlers
// ---------------------------------------------------------------------------------------------------------------

const STATE_CHANGING = new Set(['post', 'put', 'patch', 'delete']);
/** Answers that start or renew a session are never stored or replayed (contract, "Idempotency"). */
const NEVER_REPLAYED = new Set<OperationId>(['login', 'verifyMfa', 'refreshSession']);

async function fingerprintOf(request: Request, url: URL): Promise<string> {
  const type = request.headers.get('Content-Type') ?? '';
  let body = '';
  if (/^multipart\/form-data/i.test(type)) {
    const parts: string[] = [];
    (await request.formData()).forEach((value, key) => parts.push(typeof value === 'string' ? `${key}=${value}` : `${key}=file:${value.name}:${value.size}:${value.type}`));
    body = parts.join('\n');
  } else {
    body = await request.text();
  }
  return `${request.method} ${url.pathname}\n${body}`;
}

function pathParams(params: Readonly<Record<string, string | readonly string[] | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) if (typeof value === 'string') out[key] = decodeURIComponent(value);
  return out;
}

async function run<K extends OperationId>(op: K, raw: Request, rawParams: Readonly<Record<string, string | readonly string[] | undefined>>, ctx: MockContext, resolver: Resolver<K>): Promise<Response> {
  const info = OPERATIONS[op];
  const request = raw.clone();
  const url = new URL(request.url);
  const now = ctx.now();
  const { state } = ctx;
  const bearer = /^Bearer\s+\S+/i.test(request.headers.get('Authorization') ?? '');

  // Asking who is signed in is not an error when nobody is: `204` (the contract's getSession).
  if (op === 'getSession' && !state.signedIn) return noContent();
  if (info.personal && !state.signedIn && op !== 'logout' && op !== 'changePassword') return noSession(state);
  if (info.personal && state.signedIn && op !== 'getSession') state.lastActivityAt = now.getTime();
  if (ctx.checkCsrf && info.personal && state.signedIn && STATE_CHANGING.has(info.method) && !bearer && request.headers.get('X-CSRF-Token') !== DEMO.csrfToken) {
    return problemResponse(403, 'csrf_failed', { detail: 'Brak lub nieprawidłowy token zabezpieczający. Odśwież stronę.' });
  }

  const key = request.headers.get('Idempotency-Key');
  if (STATE_CHANGING.has(info.method)) {
    if (key === null && IDEMPOTENCY_KEY_REQUIRED.has(op)) return malformed('Brak nagłówka Idempotency-Key.');
    if (key !== null && !IDEMPOTENCY_KEY.test(key)) return malformed('Nagłówek Idempotency-Key ma od 8 do 128 widocznych znaków ASCII.');
  }
  const replayable = key !== null && STATE_CHANGING.has(info.method) && !NEVER_REPLAYED.has(op);
  const scope = replayable ? (info.personal ? `customer:${key}` : `${op}:${key}`) : '';
  const fingerprint = replayable ? await fingerprintOf(raw.clone(), url) : '';
  if (replayable) {
    const stored = state.idempotency.get(scope);
    if (stored && stored.fingerprint !== fingerprint) {
      return problemResponse(422, 'idempotency_key_reuse', { detail: 'Ten klucz Idempotency-Key został już użyty z inną treścią żądania.' });
    }
    if (stored) {
      return new HttpResponse(stored.status === 204 ? null : stored.body, { status: stored.status, headers: [...stored.headers, ['Idempotent-Replayed', 'true']] });
    }
  }

  const json = (body: SuccessBody<K>, status: SuccessStatus = 200): Response =>
    HttpResponse.json(body as JsonBodyType, { status, headers: { 'Cache-Control': cacheControl(op) } });
  const response = await resolver({ op, request, url, params: pathParams(rawParams), ctx, now, json });

  if (replayable && ![429, 500, 503].includes(response.status)) {
    const headers: [string, string][] = [];
    response.headers.forEach((value, name) => headers.push([name, value]));
    state.idempotency.set(scope, { fingerprint, status: response.status, headers, body: await response.clone().text() });
  }
  return response;
}

/** An MSW handler for one operation under `base`, answering with `resolver` (default: the operation's own). */
export function operationHandler<K extends OperationId>(op: K, base: string, ctx: MockContext, resolver?: Resolver<K>): HttpHandler {
  const info: OperationInfo = { id: op, ...OPERATIONS[op] };
  const use: Resolver<K> = resolver ?? resolvers[op];
  return http[info.method](mswPath(base, info.path), ({ request, params }) => run(op, request, params, ctx, use));
}

/** Handlers answering `ops` with the default behaviour over `ctx` (its world and state). */
export function resolverHandlers(ops: readonly OperationInfo[], base: string, ctx: MockContext): HttpHandler[] {
  return ops.map((op) => operationHandler(op.id, base, ctx));
}
