/// <reference types="node" />
// The conformance suite as a library: `runConformance(options)` signs in to a utility's back end, exercises
// the operations of the contract (src/api/openapi.yaml) and answers a report of checks, each passed, failed
// (with the reason: expected vs got, the operation and the HTTP status) or skipped (with why).
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { JsonObject } from './contract.js';
import { Contract, asArray, asString, get, isObject } from './contract.js';
import type { Exchange, HttpContext } from './http.js';
import { Client, SESSION_COOKIE, describe, problemCode } from './http.js';
import { notificationChecks, tariffChecks, type SettingsTools } from './settings.js';
import { profileChecks } from './profile.js';
import { consentChecks, termsChecks } from './consents.js';
import { pointsAndContracts } from './points.js';
import { inputChecks } from './input.js';
import type { ProbeOptions } from './probe.js';
import { probeChecks, probeSignIn } from './probe.js';

export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  /** Stable id, e.g. `caching.getProfile` or `idempotency.replay`. */
  id: string;
  group: string;
  title: string;
  status: CheckStatus;
  /** Why it failed or was skipped, or a short note when it passed. */
  reason?: string;
  operation?: string;
  httpStatus?: number;
}

export interface TimingOptions {
  /** Attempts per identifier (unknown and known, interleaved). Default 5; at most 3 for the e-mail requests. */
  samples?: number;
  /** The slower median may be at most this many times the faster one... Default 3. */
  factor?: number;
  /** ...or at most this many milliseconds slower. Default 150. */
  slackMs?: number;
}

export interface ConformanceOptions {
  /** The API base, e.g. `https://ebok.example-utility.pl/api/v1`. */
  baseUrl: string;
  /** A customer without MFA that has data (and something to pay, for the idempotency checks). */
  login?: string;
  password?: string;
  /** An account the suite may lock (lockout checks run only with it). */
  lockoutLogin?: string;
  /** Its right password; default `password`. */
  lockoutPassword?: string;
  /** An account with MFA (code by SMS or e-mail, read from the outbox) for the one-time code checks. */
  mfaLogin?: string;
  /** Its password; default `password`. */
  mfaPassword?: string;
  /** An account the suite may file an account removal request for (the removal checks run only with it). */
  removalLogin?: string;
  /** Its password; default `password`. */
  removalPassword?: string;
  /** The server's limit for a whole request body, in bytes (default 30 MiB, the reference server's). */
  maxBodyBytes?: number;
  /** A test outbox (`GET <url>?to=<address>` → list of sent messages, newest first): token checks need it. */
  outboxUrl?: string;
  /**
   * A test hook of the login's utility: `POST` publishes new terms (answers them as JSON), `DELETE` puts the old ones
   * back. The terms-at-login checks (`terms_required`, `acceptTerms`) run only with it.
   */
  termsHookUrl?: string;
  /** The `Origin` sent with every request; default the base URL's origin. Must be on the server's allowlist. */
  origin?: string;
  /** `returnUrl` for `createPayment`; default `<origin>/`. */
  returnUrl?: string;
  /** The contract file; default this repository's src/api/openapi.yaml. */
  contractPath?: string;
  timing?: TimingOptions;
  /** Most wrong passwords the lockout check sends before giving up. Default 20. */
  lockoutMaxAttempts?: number;
  /** Per-request timeout. Default 20000 ms. */
  timeoutMs?: number;
  /**
   * The contract probe (probe.ts): generated requests to every operation, signed out and signed in. On by
   * default with DEFAULT_PROBE_RUNS requests per operation and mode; `{ runs: 0 }` leaves it out.
   */
  probe?: ProbeOptions;
  /** Called as each check ends (for progress output). */
  onCheck?: (check: CheckResult) => void;
}

export interface Report {
  baseUrl: string;
  origin: string;
  startedAt: string;
  finishedAt: string;
  passed: number;
  failed: number;
  skipped: number;
  /** How many HTTP answers from the API were received and checked against the contract. */
  exchanges: number;
  /** Operations of the contract that answered at least once during the run, and those that did not. */
  operations: { exercised: string[]; notExercised: string[] };
  checks: CheckResult[];
}

/** The order in which groups are printed. */
export const GROUPS = [
  'Public operations',
  'Signed-in operations',
  'Pagination and filters',
  'Session',
  'CSRF',
  'CORS',
  'Idempotency',
  'No enumeration',
  'Single-use tokens',
  'Lockout',
  'Caching',
  'Problems',
  'Schema',
  'Contract probe',
] as const;
export type Group = (typeof GROUPS)[number];

class Failure extends Error {
  constructor(
    message: string,
    readonly exchange?: Exchange,
  ) {
    super(message);
  }
}
class Skipped extends Error {}

export function fail(message: string, exchange?: Exchange): never {
  throw new Failure(message, exchange);
}
export function skip(message: string): never {
  throw new Skipped(message);
}

export function expectStatus(exchange: Exchange, expected: number, what = ''): void {
  if (exchange.status !== expected) {
    const detail = asString(get(exchange.json, 'detail'));
    fail(`${what ? `${what}: ` : ''}expected HTTP ${expected}, got ${describe(exchange)}${detail ? ` (“${detail}”)` : ''}`, exchange);
  }
}

export function expectProblem(exchange: Exchange, status: number, codes: readonly string[], what = ''): void {
  const code = problemCode(exchange);
  if (exchange.status !== status || !code || !codes.includes(code)) {
    fail(`${what ? `${what}: ` : ''}expected HTTP ${status} ${codes.join(' or ')}, got ${describe(exchange)}`, exchange);
  }
}

const randomHex = (bytes = 6): string => randomBytes(bytes).toString('hex');
/** Answers of the same request for an unknown and for a known identifier, taken in turns. */
interface Samples {
  unknown: Exchange[];
  known: Exchange[];
}

/**
 * Reset e-mails asked for the login in one run: these samples, then the two of the reset link checks, within
 * the reference server's 5 per identifier and hour (auth.ts LIMITS.mailPerIdentifier).
 */
const MAIL_TIMING_SAMPLES = 3;

/** `samples` answers of each kind, sent in turns (unknown first) so that a change of the server's load meets both. */
async function alternately(samples: number, unknown: () => Promise<Exchange>, known: () => Promise<Exchange>, between?: () => Promise<void>): Promise<Samples> {
  const answers: Samples = { unknown: [], known: [] };
  for (let i = 0; i < samples; i++) {
    answers.unknown.push(await unknown());
    answers.known.push(await known());
    await between?.();
  }
  return answers;
}

/**
 * Fails when one kind answers measurably slower (README "Timing"): the slower median more than `slackMs` over the
 * faster, and either more than `factor` times it or every sample of one kind slower than every one of the other.
 * Answers the medians as the check's note.
 */
function compareTiming(answers: Samples, knownName: string, limits: { factor: number; slackMs: number }): string {
  const unknownMs = answers.unknown.map((e) => e.ms);
  const knownMs = answers.known.map((e) => e.ms);
  const mu = median(unknownMs);
  const mk = median(knownMs);
  const [fast, slow] = mu < mk ? [mu, mk] : [mk, mu];
  const [fastMs, slowMs] = mu < mk ? [unknownMs, knownMs] : [knownMs, unknownMs];
  const faster = mu < mk ? 'unknown identifier' : 'known identifier';
  const text = `median unknown ${mu.toFixed(1)} ms, ${knownName} ${mk.toFixed(1)} ms`;
  if (slow - fast > limits.slackMs) {
    if (slow > fast * limits.factor) fail(`${text}: the ${faster} answers ${(slow / Math.max(fast, 0.001)).toFixed(1)}× faster`);
    // A slow base (a remote server, a loaded machine) hides a constant difference from the factor; it still
    // shows when every attempt of one kind is slower than every attempt of the other, interleaved as they are.
    if (fastMs.length >= 3 && Math.min(...slowMs) > Math.max(...fastMs)) {
      fail(`${text}: every ${faster} attempt (slowest ${Math.max(...fastMs).toFixed(1)} ms) was faster than every other one (fastest ${Math.min(...slowMs).toFixed(1)} ms)`);
    }
  }
  return text;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const originOf = (url: string): string => new URL(url).origin;

/** A problem body without the members the contract lets vary between occurrences. */
function comparable(exchange: Exchange, ignore: readonly string[] = ['instance']): string {
  if (!isObject(exchange.json)) return exchange.text;
  const copy: JsonObject = { ...exchange.json };
  for (const key of ignore) delete copy[key];
  return JSON.stringify(sortKeys(copy));
}
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys(value[key])]));
}

/**
 * The first request of this run for a known identifier is throttled while the same for an unknown one is not:
 * the identifier carries attempts from before this run (throttles count per identifier string, per the
 * contract), so comparing it with a fresh unknown identifier proves nothing either way.
 */
function carriedThrottle(unknown: Exchange, known: Exchange, identifier: string): string | undefined {
  if (known.status !== 429 || unknown.status === 429) return undefined;
  return `${identifier} is still throttled by earlier attempts (its first request in this run got 429 too_many_attempts, Retry-After ${known.headers.get('retry-after') ?? '?'} s) while a fresh unknown identifier got HTTP ${unknown.status}: the comparison needs a fresh throttle window or another account`;
}

/** When only the known identifier is throttled, earlier runs may be the cause: say so. */
function throttleHint(unknown: Exchange, known: Exchange): string {
  if (known.status !== 429 || unknown.status === 429) return '';
  const retry = known.headers.get('retry-after');
  return ` — either the server throttles existing accounts sooner (an enumeration leak) or the identifier still carries failed attempts from an earlier run (throttles count per identifier string; retry after ${retry ?? '?'} s or use a fresh account)`;
}

/** Differences between two answers that must look alike: status, body (minus `ignore`), headers that matter. */
function differences(a: Exchange, b: Exchange, ignore: readonly string[] = ['instance']): string[] {
  const found: string[] = [];
  if (a.status !== b.status) found.push(`status ${a.status} vs ${b.status}`);
  const bodyA = comparable(a, ignore);
  const bodyB = comparable(b, ignore);
  if (bodyA !== bodyB) found.push(`body ${clip(bodyA)} vs ${clip(bodyB)}`);
  for (const header of ['content-type', 'cache-control']) {
    const valueA = a.headers.get(header);
    const valueB = b.headers.get(header);
    if (valueA !== valueB) found.push(`${header} ${String(valueA)} vs ${String(valueB)}`);
  }
  return found;
}
const clip = (text: string, length = 160): string => (text.length > length ? `${text.slice(0, length)}…` : text);

interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  body: string;
  links: string[];
  code?: string;
  createdAt?: string;
}

export class Suite {
  readonly checks: CheckResult[] = [];
  readonly contract: Contract;
  readonly ctx: HttpContext;
  readonly origin: string;
  private portalConfig: unknown;
  /** Wrong passwords sent per identifier during this run (lockouts count them). */
  private readonly wrongAttempts = new Map<string, number>();
  /** For each known identifier, the unknown one compared with it (so both have the same throttle count). */
  private readonly twins = new Map<string, string>();
  /** Outbox messages of the lockout account before the run; a new one after a wrong password = the lock e-mail. */
  private lockSeen: Set<string> | undefined;
  /** After how many wrong passwords the lockout account's owner got an e-mail (the lock notice). */
  private lockMailAt: number | undefined;
  /** Identifiers already throttled by earlier runs when this one began: comparisons with a fresh one are void. */
  private readonly throttledAtStart = new Set<string>();

  constructor(readonly options: ConformanceOptions) {
    this.contract = new Contract(options.contractPath);
    const baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.origin = options.origin ?? originOf(baseUrl);
    this.ctx = { contract: this.contract, baseUrl, origin: this.origin, exchanges: [], timeoutMs: options.timeoutMs ?? 20_000 };
  }

  client(label: string): Client {
    return new Client(this.ctx, label);
  }

  record(result: CheckResult): void {
    this.checks.push(result);
    this.options.onCheck?.(result);
  }

  /** Runs one check: returning passes (an optional note), `fail()` fails, `skip()` skips, anything else fails. */
  async check(group: Group, id: string, title: string, body: () => Promise<string | void> | string | void): Promise<boolean> {
    try {
      const note = await body();
      this.record({ id, group, title, status: 'pass', ...(note ? { reason: note } : {}) });
      return true;
    } catch (error) {
      if (error instanceof Skipped) {
        this.record({ id, group, title, status: 'skip', reason: error.message });
      } else if (error instanceof Failure) {
        this.record({
          id,
          group,
          title,
          status: 'fail',
          reason: error.message,
          ...(error.exchange ? { operation: error.exchange.operationId, httpStatus: error.exchange.status } : {}),
        });
      } else {
        const cause = error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error);
        this.record({ id, group, title, status: 'fail', reason: `error: ${cause}` });
      }
      return false;
    }
  }

  skipAll(group: Group, items: readonly [string, string][], reason: string): void {
    for (const [id, title] of items) this.record({ id, group, title, status: 'skip', reason });
  }

  // ---------- sign-in helpers ----------

  async signIn(label: string, identifier: string, password: string, client = this.client(label)): Promise<{ client: Client; exchange: Exchange }> {
    const exchange = await client.call('login', { body: { identifier, password } });
    client.adoptSession(exchange);
    return { client, exchange };
  }

  async wrongLogin(identifier: string, client = this.client('anonymous')): Promise<Exchange> {
    this.wrongAttempts.set(identifier, (this.wrongAttempts.get(identifier) ?? 0) + 1);
    return client.call('login', { body: { identifier, password: `Wrong-Passw0rd-${randomHex(4)}!` } });
  }

  expectSignedIn(exchange: Exchange, client: Client, what: string): void {
    if (exchange.status === 200 && get(exchange.json, 'status') === 'mfa_required') {
      fail(`${what}: the account needs a second factor (${describe(exchange)}); give a login without MFA`, exchange);
    }
    expectStatus(exchange, 200, what);
    if (!client.sessionId) fail(`${what}: no ${SESSION_COOKIE} cookie was set`, exchange);
    if (!client.csrfToken) fail(`${what}: the answer has no session.csrfToken`, exchange);
  }

  twinOf(known: string): string {
    let twin = this.twins.get(known);
    if (!twin) {
      twin = this.unknownIdentifier(known);
      this.twins.set(known, twin);
    }
    return twin;
  }

  /** After a wrong password for the lockout account: did its owner just get an e-mail (the lock notice)? */
  async noteLockSignal(identifier: string): Promise<void> {
    if (identifier !== this.options.lockoutLogin || !this.lockSeen || this.lockMailAt !== undefined) return;
    const fresh = (await this.outbox(identifier)).find((message) => !this.lockSeen!.has(message.id));
    if (fresh) this.lockMailAt = this.wrongAttempts.get(identifier) ?? 0;
  }

  unknownIdentifier(like: string): string {
    const at = like.indexOf('@');
    if (at > 0) return `nobody.${randomHex(5)}${like.slice(at)}`;
    if (/^\d+$/.test(like)) return like.replace(/\d{6}$/, String(Math.floor(Math.random() * 900_000) + 100_000));
    return `nobody_${randomHex(5)}`;
  }

  newPassword(): string {
    const policy = get(this.portalConfig, 'passwordPolicy');
    const min = Number(get(policy, 'minLength') ?? 12);
    let password = `Konformancja-${randomHex(4)}-Aa9!`;
    while (password.length < min) password += 'x';
    return password;
  }

  // ---------- outbox ----------

  /** The outbox for one address, or (without one) every message, newest first. */
  async outbox(address?: string): Promise<OutboxMessage[]> {
    const url = new URL(this.options.outboxUrl!);
    if (address) url.searchParams.set('to', address);
    const response = await fetch(url, { signal: AbortSignal.timeout(this.ctx.timeoutMs) });
    if (!response.ok) throw new Error(`outbox ${url.href} answered HTTP ${response.status}`);
    const data: unknown = await response.json();
    const list = Array.isArray(data) ? (data as unknown[]) : asArray(get(data, 'items'));
    return list.filter(isObject).map((m) => ({
      id: JSON.stringify(m.id),
      to: asString(m.to) ?? '',
      subject: asString(m.subject) ?? '',
      body: asString(m.body) ?? '',
      links: asArray(m.links).map(String),
      ...(typeof m.code === 'string' ? { code: m.code } : {}),
      ...(typeof m.createdAt === 'string' ? { createdAt: m.createdAt } : {}),
    }));
  }

  /** Waits (up to 10 s) for a message not in `seen` that carries a token; answers it and the token. */
  async awaitToken(address: string, seen: ReadonlySet<string>): Promise<{ message: OutboxMessage; token: string }> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      for (const message of await this.outbox(address)) {
        if (seen.has(message.id)) continue;
        const token = tokenOf(message);
        if (token) return { message, token };
      }
      if (Date.now() > deadline) fail(`no new message with a token reached the outbox for ${address} within 10 s`);
      await sleep(250);
    }
  }

  // ---------- the run ----------

  async run(): Promise<void> {
    const reachable = await this.check('Public operations', 'reachable', `the API answers at ${this.ctx.baseUrl}`, async () => {
      try {
        await this.client('probe').call('getPortalConfig');
      } catch (error) {
        fail(`no HTTP answer: ${error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error)}`);
      }
    });
    if (!reachable) return;
    const { lockoutLogin, outboxUrl } = this.options;
    if (lockoutLogin && outboxUrl && lockoutLogin.includes('@')) {
      await this.check('Lockout', 'lockout.outbox', `the outbox answers for ${lockoutLogin}`, async () => {
        this.lockSeen = new Set((await this.outbox(lockoutLogin)).map((message) => message.id));
      });
    }
    await this.section('public', () => this.publicOperations());
    await this.section('input', () =>
      inputChecks(
        { check: (id, title, body) => this.check('Public operations', id, title, body), fail, expectProblem, maxBodyBytes: this.options.maxBodyBytes ?? 30 * 1024 * 1024 },
        this.client('anonymous'),
      ),
    );
    const { login, password } = this.options;
    let main: Client | undefined;
    let probeSession: Client | undefined;
    if (login && password) {
      await this.section('signed-in', async () => {
        main = await this.signedInOperations(login, password);
      });
      if (main) {
        const signedIn = main;
        await this.section('csrf', () => this.csrf(signedIn));
        await this.section('idempotency', () => this.idempotency(signedIn));
      } else {
        this.skipAll('CSRF', CSRF_CHECKS, 'the sign-in failed (see Signed-in operations)');
        this.skipAll('Idempotency', IDEMPOTENCY_CHECKS, 'the sign-in failed (see Signed-in operations)');
      }
      await this.section('probe-sign-in', async () => {
        probeSession = await probeSignIn(this, this.options.probe ?? {}, { identifier: login, password });
      });
      await this.section('profile', () => profileChecks(this, main));
      await this.section('session', () => this.session(login, password, main));
    } else {
      const reason = 'no --login/--password given';
      this.record({ id: 'ops.login', group: 'Signed-in operations', title: 'sign in', status: 'skip', reason });
      this.skipAll('CSRF', CSRF_CHECKS, reason);
      this.skipAll('Idempotency', IDEMPOTENCY_CHECKS, reason);
      this.skipAll('Session', SESSION_CHECKS, reason);
    }
    await this.section('cors', () => this.cors());
    await this.section('enumeration', () => this.noEnumeration());
    await this.section('tokens', () => this.singleUseTokens());
    await this.section('mfa', () => this.oneTimeCodes());
    await this.section('lockout', () => this.lockout());
    await this.section('terms', () => termsChecks(this, this.options));
    // Last: its signed-out half fills this client's sign-in throttles, which the checks above need fresh.
    await this.section('probe', () => probeChecks(this, this.options.probe ?? {}, probeSession, login && password ? { identifier: login, password } : undefined));
    this.contractChecks();
  }

  /** A safety net: an error outside any check (network gone, ...) becomes one failed check, not a crash. */
  async section(name: string, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (error) {
      const reason = error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error);
      this.record({ id: `section.${name}`, group: 'Public operations', title: `the ${name} checks ran to the end`, status: 'fail', reason: `error: ${reason}` });
    }
  }

  async publicOperations(): Promise<void> {
    const anonymous = this.client('anonymous');
    await this.check('Public operations', 'ops.getPortalConfig', 'GET /portal-config answers the configuration', async () => {
      const exchange = await anonymous.call('getPortalConfig');
      expectStatus(exchange, 200);
      this.portalConfig = exchange.json;
    });
    await this.check('Public operations', 'ops.listOutages', 'GET /outages answers a page without a session', async () => {
      const exchange = await anonymous.call('listOutages', { query: { limit: 5 } });
      expectStatus(exchange, 200);
      const cursor = asString(get(exchange.json, 'nextCursor'));
      if (cursor) expectStatus(await anonymous.call('listOutages', { query: { limit: 5, cursor } }), 200, 'next page');
    });
    await this.check('Public operations', 'ops.listOutages.filter', 'GET /outages?kind=…&from=…&to=… answers only that kind', async () => {
      const exchange = await anonymous.call('listOutages', { query: { kind: 'water', from: isoDate(-30), to: isoDate(60) } });
      expectStatus(exchange, 200);
      const other = asArray(get(exchange.json, 'items')).find((item) => get(item, 'kind') !== 'water');
      if (other) fail(`an outage of kind ${String(get(other, 'kind'))} came back for kind=water`, exchange);
    });
    await this.check('Public operations', 'ops.verifyMfa.unknown', 'POST /auth/mfa/verify with a made-up challenge → 422 mfa_expired', async () => {
      expectProblem(await anonymous.call('verifyMfa', { body: { challengeId: `mfa_${randomHex(12)}`, code: '123456' } }), 422, ['mfa_expired']);
    });
    await this.check('Public operations', 'ops.resendMfa.unknown', 'POST /auth/mfa/resend with a made-up challenge → 422 mfa_expired', async () => {
      expectProblem(await anonymous.call('resendMfa', { body: { challengeId: `mfa_${randomHex(12)}` } }), 422, ['mfa_expired']);
    });
    await this.check('Public operations', 'ops.activateAccount.unknown', 'POST /auth/activate with a made-up token → 422 token_invalid_or_expired', async () => {
      expectProblem(await anonymous.call('activateAccount', { body: { token: `act_${randomHex(16)}` } }), 422, ['token_invalid_or_expired']);
    });
    await this.check('Public operations', 'ops.checkActivationToken.unknown', 'POST /auth/activation/check with a made-up token → 422 token_invalid_or_expired', async () => {
      expectProblem(await anonymous.call('checkActivationToken', { body: { token: `act_${randomHex(16)}` } }), 422, ['token_invalid_or_expired']);
    });
    await this.check('Public operations', 'ops.register.invalid', 'POST /auth/register with a bad PESEL checksum and terms refused → 422 validation_failed per field', async () => {
      const exchange = await anonymous.call('register', {
        body: { pesel: '44051401358', customerNumber: '1', email: `nobody.${randomHex(4)}@example.com`, password: this.newPassword(), consents: { terms: false, marketing: [], eInvoice: false } },
      });
      expectProblem(exchange, 422, ['validation_failed']);
      const fields = asArray(get(exchange.json, 'fields')).map((f) => `${String(get(f, 'field'))} ${String(get(f, 'code'))}`);
      for (const wanted of ['/pesel invalid_checksum', '/consents/terms must_be_true']) {
        if (!fields.includes(wanted)) fail(`fields ${JSON.stringify(fields)} lack ${wanted}`, exchange);
      }
    });
    await this.check('Public operations', 'ops.register.exactlyOne', 'POST /auth/register with both PESEL and NIP and neither customer number nor PPE → 422 exactly_one_required on /nip and /customerNumber', async () => {
      const exchange = await anonymous.call('register', {
        body: { pesel: '44051401359', nip: '8567346215', email: `nobody.${randomHex(4)}@example.com`, password: this.newPassword(), consents: { terms: true, marketing: [], eInvoice: false } },
      });
      expectProblem(exchange, 422, ['validation_failed']);
      const fields = asArray(get(exchange.json, 'fields')).map((f) => `${String(get(f, 'field'))} ${String(get(f, 'code'))}`);
      for (const wanted of ['/nip exactly_one_required', '/customerNumber exactly_one_required']) {
        if (!fields.includes(wanted)) fail(`fields ${JSON.stringify(fields)} lack ${wanted}`, exchange);
      }
    });
    await this.check('Session', 'session.unauthenticated', 'a personal operation without a session → 401 unauthenticated', async () => {
      expectProblem(await anonymous.call('getProfile'), 401, ['unauthenticated']);
    });
    await this.check('Session', 'session.signedOut', 'GET /auth/session without a session, or with a made-up cookie → 204 (signed out is no error)', async () => {
      expectStatus(await anonymous.call('getSession'), 204, 'no cookie');
      const stranger = this.client('made-up-cookie');
      stranger.cookies.set(SESSION_COOKIE, randomHex(32));
      expectStatus(await stranger.call('getSession'), 204, 'a cookie that names no session');
    });
    await this.check('Session', 'session.bearer', 'GET /auth/session with a bearer token the server does not know → 401 unauthenticated', async () => {
      expectProblem(await anonymous.call('getSession', { headers: { authorization: `Bearer ${randomHex(24)}` } }), 401, ['unauthenticated']);
    });
  }

  /** Signs in and reads everything the customer has; answers the signed-in client. */
  async signedInOperations(login: string, password: string): Promise<Client | undefined> {
    const G: Group = 'Signed-in operations';
    let client: Client | undefined;
    await this.check(G, 'ops.login', `POST /auth/login as ${login} → 200 signed_in with a session cookie and csrfToken`, async () => {
      const result = await this.signIn('main', login, password);
      this.expectSignedIn(result.exchange, result.client, 'sign-in');
      client = result.client;
    });
    if (!client) return undefined;
    const c = client;
    const call = async (id: string, title: string, operationId: string, init: Parameters<Client['call']>[1] = {}, then?: (exchange: Exchange) => string | void): Promise<Exchange | undefined> => {
      let result: Exchange | undefined;
      await this.check(G, id, title, async () => {
        const exchange = await c.call(operationId, init);
        expectStatus(exchange, 200);
        result = exchange;
        return then?.(exchange);
      });
      return result;
    };
    await call('ops.getSession', 'GET /auth/session answers the session with the same csrfToken', 'getSession', {}, (exchange) => {
      if (get(exchange.json, 'csrfToken') !== c.csrfToken) fail('csrfToken differs from the one given at sign-in', exchange);
    });
    await call('ops.getProfile', 'GET /customer/profile', 'getProfile');
    const consents = await call('ops.getConsents', 'GET /customer/consents', 'getConsents');
    if (consents) await consentChecks(this, c, consents, await this.client('config').call('getPortalConfig'));
    await call('ops.getNotificationPreferences', 'GET /customer/notification-preferences', 'getNotificationPreferences');

    const points = await call('ops.listPoints', 'GET /points', 'listPoints', { query: { limit: 100 } });
    const pointItems = asArray(get(points?.json, 'items')).filter(isObject);
    const firstPoint = pointItems[0];
    if (firstPoint) {
      const pointId = String(firstPoint.id);
      await call('ops.getPoint', `GET /points/{pointId} (${pointId})`, 'getPoint', { params: { pointId } }, (exchange) => {
        if (get(exchange.json, 'id') !== pointId) fail(`answered id ${String(get(exchange.json, 'id'))}`, exchange);
      });
      for (const point of pointItems.slice(0, 4)) {
        const id = String(point.id);
        await call(`ops.getReadingContext.${id}`, `GET /points/{pointId}/reading-context (${id})`, 'getReadingContext', { params: { pointId: id } });
        await call(`ops.listReadings.${id}`, `GET /points/{pointId}/readings (${id})`, 'listReadings', { params: { pointId: id }, query: { limit: 10 } });
      }
      await call('ops.getConsumption.point', `GET /consumption?pointId=${pointId}&compare=true`, 'getConsumption', { query: { pointId, compare: true } });
      await call('ops.getConsumption.kind', `GET /consumption?kind=${String(firstPoint.kind)}`, 'getConsumption', { query: { kind: String(firstPoint.kind) } });
    } else {
      this.record({ id: 'ops.getPoint', group: G, title: 'GET /points/{pointId}', status: 'skip', reason: 'the customer has no points of delivery' });
    }
    await this.check(G, 'ops.getPoint.404', 'GET /points/{pointId} of an unknown id → 404 not_found', async () => {
      expectProblem(await c.call('getPoint', { params: { pointId: `pt_missing_${randomHex(4)}` } }), 404, ['not_found']);
    });
    // "My data" settings (test/conformance/settings.ts).
    const tools: SettingsTools = { check: (id, title, body) => this.check(G, id, title, body), fail, skip, expectStatus, expectProblem };
    await notificationChecks(tools, c);
    await tariffChecks(tools, c, pointItems);

    const contracts = await call('ops.listContracts', 'GET /contracts', 'listContracts');
    await pointsAndContracts({ check: (id, title, body) => this.check(G, id, title, body), fail, skip, expectStatus, expectProblem }, c, pointItems, contracts?.json);
    await call('ops.getBalance', 'GET /balance', 'getBalance');
    const contractId = asString(get(contracts?.json, 'items', 0, 'id'));
    if (contractId) await call('ops.getBalance.contract', `GET /balance?contractId=${contractId}`, 'getBalance', { query: { contractId } });
    if (contractId && firstPoint) {
      await this.check(G, 'ops.getBalance.both', 'GET /balance with both pointId and contractId → 422 validation_failed, exactly_one_required on contractId', async () => {
        const exchange = await c.call('getBalance', { query: { contractId, pointId: String(firstPoint.id) } });
        expectProblem(exchange, 422, ['validation_failed']);
        const fields = asArray(get(exchange.json, 'fields')).map((f) => `${String(get(f, 'field'))} ${String(get(f, 'code'))}`);
        if (!fields.includes('contractId exactly_one_required')) fail(`fields ${JSON.stringify(fields)} lack contractId exactly_one_required`, exchange);
      });
    }

    await this.documents(c);

    const payments = await call('ops.listPayments', 'GET /payments', 'listPayments', { query: { limit: 10 } });
    const paymentId = asString(get(payments?.json, 'items', 0, 'id'));
    if (paymentId) await call('ops.getPayment', `GET /payments/{paymentId} (${paymentId})`, 'getPayment', { params: { paymentId } });
    await this.payments(c, payments);

    await call('ops.listTicketCategories', 'GET /tickets/categories', 'listTicketCategories');
    const tickets = await call('ops.listTickets', 'GET /tickets', 'listTickets', { query: { limit: 10 } });
    const ticketId = asString(get(tickets?.json, 'items', 0, 'id'));
    if (ticketId) {
      await call('ops.getTicket', `GET /tickets/{ticketId} (${ticketId})`, 'getTicket', { params: { ticketId } });
      // The first ticket (of up to 5) with an attachment, to download it.
      let withAttachment: { ticketId: string; attachmentId: string } | undefined;
      for (const item of asArray(get(tickets?.json, 'items')).slice(0, 5)) {
        const id = String(get(item, 'id'));
        const detail = await c.call('getTicket', { params: { ticketId: id } });
        const attachment = asArray(get(detail.json, 'messages')).flatMap((message) => asArray(get(message, 'attachments'))).find(isObject);
        if (typeof attachment?.id === 'string') {
          withAttachment = { ticketId: id, attachmentId: attachment.id };
          break;
        }
      }
      if (withAttachment) {
        await call('ops.getTicketAttachment', `GET /tickets/{ticketId}/attachments/{attachmentId} → attachment, nosniff`, 'getTicketAttachment', { params: withAttachment }, (exchange) => {
          if (!/^attachment\b/i.test(exchange.headers.get('content-disposition') ?? '')) fail(`Content-Disposition is ${JSON.stringify(exchange.headers.get('content-disposition'))}`, exchange);
          if (exchange.headers.get('x-content-type-options') !== 'nosniff') fail(`X-Content-Type-Options is ${JSON.stringify(exchange.headers.get('x-content-type-options'))}`, exchange);
        });
      }
    } else {
      this.record({ id: 'ops.getTicket', group: G, title: 'GET /tickets/{ticketId}', status: 'skip', reason: 'the customer has no tickets' });
    }
    const messages = await call('ops.listMessages', 'GET /messages', 'listMessages', { query: { limit: 50 } });
    await this.check(G, 'ops.markMessageRead', 'POST /messages/{messageId}/read on a message already read → 204 (idempotent)', async () => {
      const read = asArray(get(messages?.json, 'items')).filter(isObject).find((message) => typeof message.readAt === 'string');
      if (!read) skip('no message already read among the first 50 (marking an unread one would change the customer’s data)');
      expectStatus(await c.call('markMessageRead', { params: { messageId: String(read.id) } }), 204);
    });
    await this.check(G, 'ops.changePassword.wrong', 'POST /auth/password with a wrong current password → 422 validation_failed /currentPassword incorrect', async () => {
      const exchange = await c.call('changePassword', { body: { currentPassword: `Wrong-Passw0rd-${randomHex(4)}!`, newPassword: this.newPassword() } });
      expectProblem(exchange, 422, ['validation_failed']);
      const field = asArray(get(exchange.json, 'fields')).find((f) => get(f, 'field') === '/currentPassword');
      if (get(field, 'code') !== 'incorrect') fail(`fields are ${clip(JSON.stringify(get(exchange.json, 'fields')))}`, exchange);
    });
    await call('ops.listMessages.unread', 'GET /messages?unread=true answers only unread messages', 'listMessages', { query: { unread: true, limit: 10 } }, (exchange) => {
      const read = asArray(get(exchange.json, 'items')).find((item) => get(item, 'readAt') !== null && get(item, 'readAt') !== undefined);
      if (read) fail(`message ${String(get(read, 'id'))} has readAt ${String(get(read, 'readAt'))}`, exchange);
    });
    // The events the customer's own messages are about, so the filter is asked for ones that exist (and one that
    // probably does not): every answer must be about those events only.
    const events = [...new Set(asArray(get(messages?.json, 'items')).map((item) => asString(get(item, 'event'))).filter((event) => event !== undefined))];
    const asked = [...events.slice(0, 2), ...(events.includes('debt_collection') ? [] : ['debt_collection'])];
    await call('ops.listMessages.event', `GET /messages?event=${asked.join('&event=')} answers only messages about those events`, 'listMessages', { query: { event: asked, limit: 50 } }, (exchange) => {
      const items = asArray(get(exchange.json, 'items'));
      const other = items.find((item) => !asked.includes(String(get(item, 'event'))));
      if (other) fail(`message ${String(get(other, 'id'))} is about ${String(get(other, 'event'))}`, exchange);
      return `${items.length} message(s)`;
    });
    await this.check(G, 'ops.listMessages.badEvent', 'GET /messages?event=<not an event> → 422 validation_failed', async () => {
      expectProblem(await c.call('listMessages', { query: { event: [`not_an_event_${randomHex(3)}`] } }), 422, ['validation_failed']);
    });
    return c;
  }

  /** The payment history: `documents`, where given, names what `documentIds` do; `from`/`to` filter by day. */
  async payments(c: Client, firstPage: Exchange | undefined): Promise<void> {
    const P: Group = 'Pagination and filters';
    await this.check(P, 'payments.documents', 'a payment’s `documents`, when present, are its `documentIds` in order, with the number and type of each document', async () => {
      if (!firstPage) skip('GET /payments did not answer');
      const more = await c.call('listPayments', { query: { limit: 100 } });
      expectStatus(more, 200);
      const items = asArray(get(more.json, 'items')).filter(isObject);
      const named = items.filter((item) => item.documents !== undefined);
      if (named.length === 0) skip(`none of ${items.length} payments has \`documents\` (it is optional)`);
      for (const item of named) {
        const ids = asArray(item.documentIds).map(String);
        const docs = asArray(item.documents);
        const listed = docs.map((d) => String(get(d, 'id')));
        if (listed.join(',') !== ids.join(',')) fail(`payment ${String(item.id)}: documents name ${JSON.stringify(listed)}, documentIds ${JSON.stringify(ids)}`, more);
      }
      // The number and type match the document itself, for a few of them.
      const checked = named.flatMap((item) => asArray(item.documents).filter(isObject).map((d) => ({ payment: String(item.id), doc: d }))).slice(0, 3);
      for (const { payment, doc } of checked) {
        const exchange = await c.call('getDocument', { params: { documentId: String(doc.id) } });
        expectStatus(exchange, 200, `GET /documents/${String(doc.id)}`);
        if (get(exchange.json, 'number') !== doc.number || get(exchange.json, 'type') !== doc.type) {
          fail(`payment ${payment} names ${String(doc.id)} ${String(doc.number)} (${String(doc.type)}), the document is ${String(get(exchange.json, 'number'))} (${String(get(exchange.json, 'type'))})`, exchange);
        }
      }
      return `${named.length} of ${items.length} payment(s) name their documents`;
    });
    await this.check(P, 'payments.dates', 'GET /payments?from=D&to=D answers only the payments created on day D (Polish time)', async () => {
      const createdAt = asString(get(firstPage?.json, 'items', 0, 'createdAt'));
      if (!createdAt) skip('the customer has no payments');
      const day = warsawDay(createdAt);
      const exchange = await c.call('listPayments', { query: { from: day, to: day, limit: 100 } });
      expectStatus(exchange, 200);
      const items = asArray(get(exchange.json, 'items')).filter(isObject);
      if (items.length === 0) fail(`nothing on ${day}, though a payment was created ${createdAt}`, exchange);
      const other = items.find((item) => warsawDay(String(item.createdAt)) !== day);
      if (other) fail(`payment ${String(other.id)} was created ${String(other.createdAt)}, not on ${day}`, exchange);
      expectProblem(await c.call('listPayments', { query: { from: day, to: '2000-01-01' } }), 422, ['validation_failed'], 'to before from');
      return `${items.length} payment(s) on ${day}`;
    });
  }

  async documents(c: Client): Promise<void> {
    const G: Group = 'Signed-in operations';
    const P: Group = 'Pagination and filters';
    let first: Exchange | undefined;
    await this.check(G, 'ops.listDocuments', 'GET /documents?limit=5 (first page)', async () => {
      first = await c.call('listDocuments', { query: { limit: 5 } });
      expectStatus(first, 200);
    });
    const items = asArray(get(first?.json, 'items')).filter(isObject);
    const cursor = asString(get(first?.json, 'nextCursor'));
    await this.check(P, 'pagination.limit', 'a page holds at most `limit` items, newest issue date first', () => {
      if (!first) skip('no first page');
      if (items.length > 5) fail(`limit=5 answered ${items.length} items`, first);
      const dates = items.map((item) => String(item.issueDate));
      if (dates.some((date, i) => i > 0 && date > dates[i - 1]!)) fail(`issue dates not descending: ${dates.join(', ')}`, first);
    });
    await this.check(P, 'pagination.next', 'the next page via nextCursor continues without repeating items', async () => {
      if (!cursor) skip('the first page is the last one (nextCursor null)');
      const next = await c.call('listDocuments', { query: { limit: 5, cursor } });
      expectStatus(next, 200, 'next page');
      const ids = new Set(items.map((item) => item.id));
      const repeated = asArray(get(next.json, 'items')).filter((item) => ids.has(get(item, 'id')));
      if (repeated.length) fail(`the next page repeats ${repeated.map((item) => String(get(item, 'id'))).join(', ')}`, next);
    });
    await this.check(P, 'pagination.badCursor', 'an invalid cursor → 422 validation_failed on field `cursor`', async () => {
      const exchange = await c.call('listDocuments', { query: { cursor: `not-a-cursor-${randomHex(3)}` } });
      expectProblem(exchange, 422, ['validation_failed']);
      const fields = asArray(get(exchange.json, 'fields')).map((field) => get(field, 'field'));
      if (!fields.includes('cursor')) fail(`fields name ${JSON.stringify(fields)}, not cursor`, exchange);
    });
    await this.check(P, 'pagination.badLimit', 'limit=101 → 422 validation_failed', async () => {
      expectProblem(await c.call('listDocuments', { query: { limit: 101 } }), 422, ['validation_failed']);
    });
    const filtered = async (id: string, title: string, query: Record<string, string | readonly string[]>, ok: (item: JsonObject) => boolean, describeItem: (item: JsonObject) => string): Promise<void> => {
      await this.check(P, id, title, async () => {
        const exchange = await c.call('listDocuments', { query: { ...query, limit: 20 } });
        expectStatus(exchange, 200);
        const bad = asArray(get(exchange.json, 'items')).filter(isObject).find((item) => !ok(item));
        if (bad) fail(`document ${String(bad.id)} does not match: ${describeItem(bad)}`, exchange);
        return `${asArray(get(exchange.json, 'items')).length} item(s)`;
      });
    };
    await filtered('filter.status', 'status=unpaid&status=overdue answers only those statuses', { status: ['unpaid', 'overdue'] }, (d) => d.status === 'unpaid' || d.status === 'overdue', (d) => `status ${String(d.status)}`);
    await filtered('filter.type', 'type=invoice answers only invoices', { type: ['invoice'] }, (d) => d.type === 'invoice', (d) => `type ${String(d.type)}`);
    const sample = items[0];
    if (sample) {
      const date = String(sample.issueDate);
      await filtered('filter.dates', `from=to=${date} answers only that issue date`, { from: date, to: date }, (d) => d.issueDate === date, (d) => `issueDate ${String(d.issueDate)}`);
      const number = String(sample.number);
      const part = number.slice(Math.max(0, number.length - 6)).toLowerCase();
      await filtered('filter.q', `q=${part} answers only numbers containing it`, { q: part }, (d) => String(d.number).toLowerCase().includes(part), (d) => `number ${String(d.number)}`);
    }
    await this.check(P, 'filter.sort', 'sort=dueDate answers ascending due dates', async () => {
      const exchange = await c.call('listDocuments', { query: { sort: 'dueDate', limit: 20 } });
      expectStatus(exchange, 200);
      const dates = asArray(get(exchange.json, 'items')).map((item) => String(get(item, 'dueDate')));
      if (dates.some((date, i) => i > 0 && date < dates[i - 1]!)) fail(`due dates not ascending: ${dates.join(', ')}`, exchange);
    });

    // Every sort, paged through: each document once, in the sort's order, as many as `total` said. A large
    // customer is walked for its first WALK_PAGES pages.
    const WALK_LIMIT = 10;
    const WALK_PAGES = 30;
    let walkedIds: Set<unknown> | undefined;
    for (const sort of ['-issueDate', 'issueDate', '-dueDate', 'dueDate', '-amount', 'amount'] as const) {
      await this.check(P, `pagination.walk.${sort}`, `sort=${sort} paged through: every document once, in order, as many as total`, async () => {
        const key = sort.endsWith('issueDate') ? 'issueDate' : sort.endsWith('dueDate') ? 'dueDate' : 'amount';
        const descending = sort.startsWith('-');
        // Amounts in grosze, equal ones by issue date newest first (the contract; ids are not compared, their
        // collation is the back end's).
        let previousAmount: { cents: number; issueDate: string } | undefined;
        const amountOrder = (item: JsonObject): string | undefined => {
          const text = asString(get(item, 'gross', 'amount'));
          if (text === undefined || !/^-?\d+\.\d{2}$/.test(text)) return `gross.amount ${JSON.stringify(text)}`;
          const now = { cents: Math.round(Number(text) * 100), issueDate: String(item.issueDate) };
          const was = previousAmount;
          previousAmount = now;
          if (!was) return undefined;
          if (now.cents !== was.cents) return (descending ? now.cents > was.cents : now.cents < was.cents) ? `amount ${text} after ${(was.cents / 100).toFixed(2)}` : undefined;
          return now.issueDate > was.issueDate ? `equal amounts ${text}: issue date ${now.issueDate} after ${was.issueDate} (ties go newest first)` : undefined;
        };
        const seen = new Set<unknown>();
        let previous: string | undefined;
        let total: unknown;
        let next: string | undefined;
        let pages = 0;
        do {
          const exchange = await c.call('listDocuments', { query: { sort, limit: WALK_LIMIT, ...(next ? { cursor: next } : {}) } });
          expectStatus(exchange, 200, `page ${pages + 1}`);
          if (pages === 0) total = get(exchange.json, 'total');
          const page = asArray(get(exchange.json, 'items')).filter(isObject);
          if (page.length > WALK_LIMIT) fail(`page ${pages + 1} holds ${page.length} items, limit ${WALK_LIMIT}`, exchange);
          for (const item of page) {
            if (seen.has(item.id)) fail(`page ${pages + 1} repeats ${String(item.id)}`, exchange);
            seen.add(item.id);
            if (key === 'amount') {
              const wrong = amountOrder(item);
              if (wrong) fail(`page ${pages + 1}: ${wrong}`, exchange);
              continue;
            }
            const value = String(item[key]);
            if (previous !== undefined && (descending ? value > previous : value < previous)) fail(`page ${pages + 1}: ${key} ${value} after ${previous}`, exchange);
            previous = value;
          }
          next = asString(get(exchange.json, 'nextCursor'));
          pages++;
        } while (next && pages < WALK_PAGES);
        if (next) return `first ${pages} pages (${seen.size} documents) in order, none twice`;
        if (typeof total === 'number' && total !== seen.size) fail(`total was ${total}, paging through answered ${seen.size} documents`);
        if (walkedIds && (walkedIds.size !== seen.size || [...seen].some((id) => !walkedIds!.has(id)))) fail(`sort=${sort} answered other documents (${seen.size}) than the sort before (${walkedIds.size})`);
        walkedIds ??= seen;
        return `${seen.size} documents in ${pages} page(s)`;
      });
    }

    // A cursor belongs to the sort of the page that answered it (the contract): with another sort it is a
    // 422 on `cursor`, never a page in some other order; leaving `sort` out is sending its default.
    await this.check(P, 'pagination.otherSort', 'a cursor of sort=amount sent with sort=-amount, or of the default sort with sort=amount → 422 validation_failed on `cursor`', async () => {
      const byAmount = await c.call('listDocuments', { query: { sort: 'amount', limit: 2 } });
      expectStatus(byAmount, 200, 'sort=amount');
      const amountCursor = asString(get(byAmount.json, 'nextCursor'));
      if (!amountCursor || !cursor) skip('fewer than three documents: no next page to take a cursor from');
      for (const [sort, sent, what] of [['-amount', amountCursor, 'sort=amount'], ['amount', cursor, 'the default sort']] as const) {
        const exchange = await c.call('listDocuments', { query: { sort, limit: 2, cursor: sent } });
        expectProblem(exchange, 422, ['validation_failed'], `a cursor of ${what} with sort=${sort}`);
        const fields = asArray(get(exchange.json, 'fields')).map((field) => get(field, 'field'));
        if (!fields.includes('cursor')) fail(`a cursor of ${what} with sort=${sort}: fields name ${JSON.stringify(fields)}, not cursor`, exchange);
      }
    });
    await this.check(P, 'pagination.defaultSort', 'the first page’s cursor (no sort) sent with sort=-issueDate, the default, continues as without it', async () => {
      if (!cursor) skip('the first page is the last one (nextCursor null)');
      const plain = await c.call('listDocuments', { query: { limit: 5, cursor } });
      const explicit = await c.call('listDocuments', { query: { limit: 5, cursor, sort: '-issueDate' } });
      expectStatus(plain, 200, 'without sort');
      expectStatus(explicit, 200, 'with sort=-issueDate');
      const ids = (exchange: Exchange) => asArray(get(exchange.json, 'items')).map((item) => String(get(item, 'id'))).join(', ');
      if (ids(plain) !== ids(explicit)) fail(`without sort: ${ids(plain)}; with sort=-issueDate: ${ids(explicit)}`, explicit);
    });

    const documentId = asString(sample?.id);
    if (documentId) {
      await this.check(G, 'ops.getDocument', `GET /documents/{documentId} (${documentId})`, async () => {
        const exchange = await c.call('getDocument', { params: { documentId } });
        expectStatus(exchange, 200);
        if (get(exchange.json, 'id') !== documentId) fail(`answered id ${String(get(exchange.json, 'id'))}`, exchange);
      });
    }
    await this.check(G, 'ops.getDocument.404', 'GET /documents/{documentId} of an unknown id → 404 not_found', async () => {
      expectProblem(await c.call('getDocument', { params: { documentId: `doc_missing_${randomHex(4)}` } }), 404, ['not_found']);
    });
    await this.check(G, 'ops.getDocumentPdf', 'GET /documents/{documentId}/pdf → application/pdf starting with %PDF-', async () => {
      let withPdf = items.find((item) => item.hasPdf === true);
      if (!withPdf) {
        const more = await c.call('listDocuments', { query: { limit: 50 } });
        withPdf = asArray(get(more.json, 'items')).filter(isObject).find((item) => item.hasPdf === true);
      }
      if (!withPdf) skip('no document with hasPdf: true among the first 50');
      const exchange = await c.call('getDocumentPdf', { params: { documentId: String(withPdf.id) } });
      expectStatus(exchange, 200);
      if (!/^application\/pdf\b/i.test(exchange.contentType)) fail(`Content-Type is ${exchange.contentType}`, exchange);
      if (!exchange.text.startsWith('%PDF-')) fail(`the body starts with ${JSON.stringify(exchange.text.slice(0, 8))}`, exchange);
      const disposition = exchange.headers.get('content-disposition') ?? '';
      if (!/^attachment\b/i.test(disposition)) fail(`Content-Disposition is ${JSON.stringify(disposition)}, not attachment`, exchange);
      return `${String(withPdf.number)}, ${exchange.bytes.length} bytes`;
    });
  }

  async csrf(c: Client): Promise<void> {
    const G: Group = 'CSRF';
    let preferences: unknown;
    await this.check(G, 'csrf.missing', 'PUT /customer/notification-preferences with the cookie but no X-CSRF-Token → 403 csrf_failed', async () => {
      const current = await c.call('getNotificationPreferences');
      expectStatus(current, 200, 'reading the preferences');
      preferences = current.json;
      expectProblem(await c.call('updateNotificationPreferences', { body: preferences, csrf: false }), 403, ['csrf_failed']);
    });
    await this.check(G, 'csrf.wrong', 'the same with a wrong X-CSRF-Token → 403 csrf_failed', async () => {
      if (preferences === undefined) skip('the preferences could not be read');
      expectProblem(await c.call('updateNotificationPreferences', { body: preferences, csrf: `wrong-${randomHex(12)}` }), 403, ['csrf_failed']);
    });
    await this.check(G, 'csrf.valid', 'the same with the session’s X-CSRF-Token → 200 and the stored matrix', async () => {
      if (preferences === undefined) skip('the preferences could not be read');
      const exchange = await c.call('updateNotificationPreferences', { body: preferences });
      expectStatus(exchange, 200);
      if (JSON.stringify(sortKeys(exchange.json)) !== JSON.stringify(sortKeys(preferences))) {
        fail(`stored ${clip(exchange.text)} instead of ${clip(JSON.stringify(preferences))}`, exchange);
      }
    });
    await this.check(G, 'csrf.refresh', 'POST /auth/session/refresh without the token → 403 csrf_failed, with it → 200', async () => {
      expectProblem(await c.call('refreshSession', { csrf: false }), 403, ['csrf_failed'], 'without the token');
      const exchange = await c.call('refreshSession');
      expectStatus(exchange, 200, 'with the token');
      if (get(exchange.json, 'csrfToken') !== c.csrfToken) fail('the csrfToken changed on refresh (the contract says it stays)', exchange);
    });
    await this.check(G, 'csrf.origin', 'POST /auth/login from a foreign Origin → 403 csrf_failed (login CSRF)', async () => {
      const exchange = await this.client('foreign-origin').call('login', {
        body: { identifier: this.unknownIdentifier(this.options.login ?? 'x@example.com'), password: 'Wrong-Passw0rd!' },
        origin: 'https://attacker.example',
      });
      expectProblem(exchange, 403, ['csrf_failed']);
    });
  }

  /** CORS as the contract describes it; preflights are not operations, so they are sent outside the record. */
  async cors(): Promise<void> {
    const G: Group = 'CORS';
    const anonymous = this.client('anonymous');
    await this.check(G, 'cors.allowed', `an allowed Origin (${this.origin}) gets Access-Control-Allow-Origin: <origin>, credentials, Vary: Origin`, async () => {
      const exchange = await anonymous.call('getPortalConfig');
      const allow = exchange.headers.get('access-control-allow-origin');
      if (allow !== this.origin) fail(`Access-Control-Allow-Origin is ${JSON.stringify(allow)}`, exchange);
      if (exchange.headers.get('access-control-allow-credentials') !== 'true') fail(`Access-Control-Allow-Credentials is ${JSON.stringify(exchange.headers.get('access-control-allow-credentials'))}`, exchange);
      if (!/(^|,)\s*origin\s*(,|$)/i.test(exchange.headers.get('vary') ?? '')) fail(`Vary is ${JSON.stringify(exchange.headers.get('vary'))}, without Origin`, exchange);
    });
    await this.check(G, 'cors.foreign', 'a foreign Origin gets no CORS headers', async () => {
      const exchange = await anonymous.call('getPortalConfig', { origin: 'https://attacker.example' });
      const allow = exchange.headers.get('access-control-allow-origin');
      if (allow !== null) fail(`Access-Control-Allow-Origin is ${JSON.stringify(allow)} for https://attacker.example`, exchange);
    });
    await this.check(G, 'cors.preflight', 'a preflight for POST /payments allows POST and the headers X-CSRF-Token, Idempotency-Key', async () => {
      const response = await fetch(`${this.ctx.baseUrl}/payments`, {
        method: 'OPTIONS',
        headers: { origin: this.origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-csrf-token,idempotency-key' },
        redirect: 'manual',
        signal: AbortSignal.timeout(this.ctx.timeoutMs),
      });
      await response.arrayBuffer();
      if (response.status >= 300) fail(`OPTIONS /payments answered HTTP ${response.status}`);
      const allow = response.headers.get('access-control-allow-origin');
      if (allow !== this.origin) fail(`Access-Control-Allow-Origin is ${JSON.stringify(allow)}`);
      const methods = (response.headers.get('access-control-allow-methods') ?? '').toUpperCase();
      if (!methods.includes('POST')) fail(`Access-Control-Allow-Methods is ${JSON.stringify(methods)}`);
      const headers = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      const missing = ['x-csrf-token', 'idempotency-key'].filter((name) => !headers.includes(name) && headers !== '*');
      if (missing.length) fail(`Access-Control-Allow-Headers ${JSON.stringify(headers)} lacks ${missing.join(', ')}`);
    });
  }

  async idempotency(c: Client): Promise<void> {
    const G: Group = 'Idempotency';
    const balance = await c.call('getBalance');
    const documents = await c.call('listDocuments', { query: { status: ['unpaid', 'overdue', 'partially_paid'], limit: 50 } });
    const owed = Number(get(balance.json, 'balance', 'amount') ?? 0);
    const payable = asArray(get(documents.json, 'items')).filter(isObject).find((item) => item.payable === true);
    if (get(this.portalConfig, 'features', 'payments') === false) {
      this.skipAll(G, IDEMPOTENCY_CHECKS, 'payments are switched off in /portal-config');
      return;
    }
    if (!(owed > 0) && !payable) {
      this.skipAll(G, IDEMPOTENCY_CHECKS, `nothing to pay for ${this.options.login ?? 'the customer'} (balance ${String(get(balance.json, 'balance', 'amount'))}, no payable document)`);
      return;
    }
    const method = asString(get(this.portalConfig, 'payments', 'methods', 0));
    const returnUrl = this.options.returnUrl ?? `${this.origin}/`;
    const request: JsonObject = payable && !(owed > 0) ? { scope: 'documents', documentIds: [payable.id] } : { scope: 'balance' };
    const due = payable && !(owed > 0) ? Number(get(payable, 'remaining', 'amount')) : owed;
    const cap = get(this.portalConfig, 'payments', 'perTransactionCap');
    if (isObject(cap) && Number(cap.amount) < due) request.amount = cap;
    if (method) request.method = method;
    request.returnUrl = returnUrl;
    const scopeText = request.scope === 'balance' ? `the balance (${String(owed)})` : `document ${String(payable?.id)}`;

    await this.check(G, 'idempotency.missingKey', 'POST /payments without the required Idempotency-Key → 400 malformed_request', async () => {
      expectProblem(await c.call('createPayment', { body: request, idempotencyKey: null }), 400, ['malformed_request']);
    });
    await this.check(G, 'idempotency.malformedKey', 'POST /payments with a 3-character Idempotency-Key → 400 malformed_request', async () => {
      expectProblem(await c.call('createPayment', { body: request, idempotencyKey: 'abc' }), 400, ['malformed_request']);
    });
    const key = randomUUID();
    let first: Exchange | undefined;
    await this.check(G, 'idempotency.create', `POST /payments for ${scopeText} → 201 pending`, async () => {
      first = await c.call('createPayment', { body: request, idempotencyKey: key });
      if (problemCode(first) === 'payment_nothing_to_pay') skip(`the server says nothing is left to pay (${describe(first)}); a pending payment may already cover it`);
      expectStatus(first, 201);
      if (first.headers.has('idempotent-replayed')) fail('the first answer already carries Idempotent-Replayed', first);
      return `payment ${String(get(first.json, 'id'))}`;
    });
    await this.check(G, 'idempotency.replay', 'the same key and body again → the same status and body, with Idempotent-Replayed: true', async () => {
      if (!first) skip('the first request failed');
      const again = await c.call('createPayment', { body: request, idempotencyKey: key });
      const found: string[] = [];
      if (again.status !== first.status) found.push(`status ${first.status} then ${again.status}`);
      if (comparable(again, []) !== comparable(first, [])) found.push(`body ${clip(first.text)} then ${clip(again.text)}`);
      if (again.headers.get('idempotent-replayed') !== 'true') found.push(`Idempotent-Replayed is ${JSON.stringify(again.headers.get('idempotent-replayed'))}, not "true"`);
      if (found.length) fail(`createPayment replay differs: ${found.join('; ')}`, again);
    });
    await this.check(G, 'idempotency.reuse', 'the same key with a different body → 422 idempotency_key_reuse', async () => {
      if (!first) skip('the first request failed');
      const changed = { ...request, returnUrl: `${returnUrl}${returnUrl.includes('?') ? '&' : '?'}conformance=${randomHex(3)}` };
      expectProblem(await c.call('createPayment', { body: changed, idempotencyKey: key }), 422, ['idempotency_key_reuse']);
    });
    await this.check(G, 'idempotency.read', 'GET /payments/{paymentId} answers the created payment', async () => {
      const paymentId = asString(get(first?.json, 'id'));
      if (!first || first.status !== 201 || !paymentId) skip('no payment was created');
      const exchange = await c.call('getPayment', { params: { paymentId } });
      expectStatus(exchange, 200);
      if (get(exchange.json, 'id') !== paymentId) fail(`answered id ${String(get(exchange.json, 'id'))}`, exchange);
    });
  }

  async session(login: string, password: string, main: Client | undefined): Promise<void> {
    const G: Group = 'Session';
    await this.check(G, 'session.cookie', 'the session cookie is HttpOnly, Secure (over https), SameSite=Lax and never in the body', () => {
      if (!main) skip('the sign-in failed');
      const line = main.sessionCookieLines[0] ?? '';
      const attributes = line.split(';').slice(1).map((part) => part.trim().toLowerCase());
      // `Secure` is demanded over HTTPS only: on plain http (a local test server) browsers would drop the cookie.
      const https = this.ctx.baseUrl.startsWith('https:');
      const wanted = https ? ['httponly', 'secure', 'samesite=lax'] : ['httponly', 'samesite=lax'];
      const missing = wanted.filter((attribute) => !attributes.includes(attribute));
      if (missing.length) fail(`Set-Cookie “${line.replace(/=[^;]*/, '=…')}” lacks ${missing.join(', ')}`);
      const signIn = this.ctx.exchanges.find((exchange) => exchange.client === 'main' && exchange.operationId === 'login');
      const value = /^[^=]*=([^;]*)/.exec(line)?.[1] ?? '';
      if (value.length >= 8 && signIn?.text.includes(value)) fail('the session id appears in the sign-in body', signIn);
      return !https && !attributes.includes('secure') ? 'no Secure attribute: accepted because the base URL is http (required over https)' : undefined;
    });
    await this.check(G, 'session.newId', 'two sign-ins get two different session ids', async () => {
      const a = await this.signIn('session-a', login, password);
      this.expectSignedIn(a.exchange, a.client, 'first sign-in');
      const b = await this.signIn('session-b', login, password);
      this.expectSignedIn(b.exchange, b.client, 'second sign-in');
      if (a.client.sessionId === b.client.sessionId) fail('both sign-ins set the same ebok_session value', b.exchange);
      if (main?.sessionId && (main.sessionId === a.client.sessionId || main.sessionId === b.client.sessionId)) fail('a session id was handed out twice', b.exchange);
    });
    await this.check(G, 'session.fixation', 'signing in again in the same browser issues a new id and ends the previous session', async () => {
      const before = await this.signIn('fixation', login, password);
      this.expectSignedIn(before.exchange, before.client, 'first sign-in');
      const oldCookie = before.client.clone('fixation-old');
      const after = await this.signIn('fixation', login, password, before.client);
      this.expectSignedIn(after.exchange, after.client, 'second sign-in');
      if (after.client.sessionId === oldCookie.sessionId) fail('the second sign-in kept the session id the browser already had', after.exchange);
      const probe = await oldCookie.call('getSession');
      if (probe.status === 200) fail(`the previous session still works: ${describe(probe)}`, probe);
      expectStatus(probe, 204, 'GET /auth/session with the previous cookie (signed out)');
    });
    await this.check(G, 'session.logout', 'POST /auth/logout → 204 clears the cookie; the old cookie is then signed out (GET /auth/session 204, personal data 401)', async () => {
      const signedIn = await this.signIn('logout', login, password);
      this.expectSignedIn(signedIn.exchange, signedIn.client, 'sign-in');
      const oldCookie = signedIn.client.clone('logout-old');
      const exchange = await signedIn.client.call('logout');
      expectStatus(exchange, 204);
      if (signedIn.client.sessionId) fail('the logout answer did not clear the ebok_session cookie', exchange);
      expectStatus(await oldCookie.call('getSession'), 204, 'GET /auth/session with the old cookie');
      expectProblem(await oldCookie.call('getProfile'), 401, ['unauthenticated', 'session_expired'], 'GET /customer/profile with the old cookie');
      const again = await oldCookie.call('logout', { csrf: false });
      expectStatus(again, 204, 'logout again with the ended session (idempotent, no CSRF check for a dead session)');
    });
  }

  async noEnumeration(): Promise<void> {
    const G: Group = 'No enumeration';
    // Wrong passwords go to the account the suite may lock when there is one; the e-mail flows (which
    // send mail to the known account) go to the main login, so the lockout account's inbox shows only the lock.
    const known = this.options.lockoutLogin ?? this.options.login;
    const knownForMail = this.options.login ?? this.options.lockoutLogin;
    if (!known || !knownForMail) {
      this.skipAll(G, ENUMERATION_CHECKS, 'no --login (or --lockout-login) to compare with an unknown identifier');
      return;
    }
    const unknown = this.twinOf(known);
    const unknownForMail = this.twinOf(knownForMail);
    const samples = Math.max(1, this.options.timing?.samples ?? 5);
    const limits = { factor: this.options.timing?.factor ?? 3, slackMs: this.options.timing?.slackMs ?? 150 };
    const within = (n: number) => `medians of ${n}: within ×${limits.factor} or ${limits.slackMs} ms, or overlapping`;
    let login: Samples | undefined;
    await this.check(G, 'enumeration.login.status', `login: unknown identifier and wrong password get the same status (401 invalid_credentials)`, async () => {
      login = await alternately(
        samples,
        () => this.wrongLogin(unknown),
        () => this.wrongLogin(known),
        () => this.noteLockSignal(known),
      );
      const [u, k] = [login.unknown[0]!, login.known[0]!];
      const carried = carriedThrottle(u, k, known);
      if (carried) {
        this.throttledAtStart.add(known);
        skip(carried);
      }
      expectProblem(u, 401, ['invalid_credentials'], 'unknown identifier');
      const differing = login.unknown.findIndex((answer, i) => answer.status !== login!.known[i]!.status || problemCode(answer) !== problemCode(login!.known[i]!));
      if (differing >= 0) {
        const [a, b] = [login.unknown[differing]!, login.known[differing]!];
        fail(`attempt ${differing + 1}: unknown → ${describe(a)}, wrong password → ${describe(b)}${throttleHint(a, b)}`, b);
      }
    });
    await this.check(G, 'enumeration.login.body', 'login: the same body (except `instance`) and the same Content-Type and Cache-Control', () => {
      if (!login) skip('no answers to compare');
      if (this.throttledAtStart.has(known)) skip(`${known} was already throttled when the run began (see above)`);
      const found = differences(login.unknown[0]!, login.known[0]!);
      if (found.length) fail(`unknown identifier vs wrong password for ${known}: ${found.join('; ')}`, login.known[0]);
    });
    await this.check(G, 'enumeration.login.timing', `login: comparable timing (${within(samples)})`, () => {
      if (!login || login.unknown.length < samples || login.known.length < samples) skip('the attempts did not complete');
      if (this.throttledAtStart.has(known)) skip(`${known} was already throttled when the run began: its answers take another path`);
      return compareTiming(login, 'wrong password', limits);
    });
    // The e-mail requests count against the server's per-identifier limit (the reference server: 5 an hour per
    // operation), and the reset link checks need two more resets of the same account: a few samples only.
    const mailSamples = Math.min(samples, MAIL_TIMING_SAMPLES);
    const neutral = async (id: string, operationId: string, what: string, timed: boolean): Promise<void> => {
      const n = timed ? mailSamples : 1;
      let answers: Samples | undefined;
      let carried: string | undefined;
      await this.check(G, id, `${what}: unknown and known identifier get the same 202 and body`, async () => {
        const anonymous = this.client('anonymous');
        answers = await alternately(
          n,
          () => anonymous.call(operationId, { body: { identifier: unknownForMail } }),
          () => anonymous.call(operationId, { body: { identifier: knownForMail } }),
        );
        const [a, b] = [answers.unknown[0]!, answers.known[0]!];
        expectStatus(a, 202, 'unknown identifier');
        carried = carriedThrottle(a, b, knownForMail);
        if (carried) skip(carried);
        const found = differences(a, b, []);
        if (found.length) fail(`unknown vs ${knownForMail}: ${found.join('; ')}`, b);
        const differing = answers.unknown.findIndex((answer, i) => answer.status !== answers!.known[i]!.status);
        if (differing >= 0) {
          const [u, k] = [answers.unknown[differing]!, answers.known[differing]!];
          fail(`request ${differing + 1}: unknown → ${describe(u)}, ${knownForMail} → ${describe(k)}${throttleHint(u, k)}`, k);
        }
      });
      if (!timed) return;
      await this.check(G, `${id}.timing`, `${what}: comparable timing, unknown vs known identifier (${within(n)})`, () => {
        if (!answers || answers.unknown.length < n || answers.known.length < n) skip('the requests did not complete');
        if (carried) skip(`${knownForMail} was already throttled when the run began: its answers take another path`);
        const refused = [...answers.unknown, ...answers.known].find((answer) => answer.status !== 202);
        if (refused) skip(`not every request was accepted (${describe(refused)}): throttled answers take another path`);
        return compareTiming(answers, 'known identifier', limits);
      });
    };
    await neutral('enumeration.passwordReset', 'requestPasswordReset', 'password reset', true);
    await neutral('enumeration.loginReminder', 'requestLoginReminder', 'login reminder', true);
    await neutral('enumeration.activationResend', 'resendActivation', 'activation resend (known: an active account)', false);
  }

  async singleUseTokens(): Promise<void> {
    const G: Group = 'Single-use tokens';
    const { login, password, outboxUrl } = this.options;
    if (!outboxUrl) return this.skipAll(G, TOKEN_CHECKS, 'no --outbox-url given');
    if (!login || !password) return this.skipAll(G, TOKEN_CHECKS, 'no --login/--password given');
    const anonymous = this.client('anonymous');
    await this.check(G, 'tokens.garbage', 'POST /auth/password-reset/confirm with a made-up token → 422 token_invalid_or_expired', async () => {
      const exchange = await anonymous.call('confirmPasswordReset', { body: { token: `rst_${randomHex(16)}`, newPassword: this.newPassword() } });
      expectProblem(exchange, 422, ['token_invalid_or_expired']);
    });
    await this.check(G, 'tokens.check.garbage', 'POST /auth/password-reset/check with a made-up token → 422 token_invalid_or_expired', async () => {
      expectProblem(await anonymous.call('checkPasswordResetToken', { body: { token: `rst_${randomHex(16)}` } }), 422, ['token_invalid_or_expired']);
    });
    const address = await this.addressOf(login, password);
    let token: string | undefined;
    let checked: Exchange | undefined;
    const temporary = this.newPassword();
    await this.check(G, 'tokens.reset', `a reset link from the outbox sets a new password (204) and the new password signs in`, async () => {
      const seen = new Set((await this.outbox(address)).map((m) => m.id));
      const request = await anonymous.call('requestPasswordReset', { body: { identifier: login } });
      if (request.status === 429) skip(`reset requests for ${login} are throttled (429 too_many_attempts, Retry-After ${request.headers.get('retry-after') ?? '?'} s): earlier runs count too`);
      expectStatus(request, 202, 'reset request');
      const found = await this.awaitToken(address, seen);
      token = found.token;
      // Checked first, as the reset page does: the check must not spend it (tokens.check.fresh).
      checked = await anonymous.call('checkPasswordResetToken', { body: { token } });
      expectStatus(await anonymous.call('confirmPasswordReset', { body: { token, newPassword: temporary } }), 204, 'confirm');
      const signIn = await this.signIn('temporary', login, temporary);
      this.expectSignedIn(signIn.exchange, signIn.client, 'sign-in with the new password');
      await signIn.client.call('logout');
      return `message “${found.message.subject}”`;
    });
    await this.check(G, 'tokens.check.fresh', 'the link checked before it was used (POST /auth/password-reset/check) → 200 with its deadline, and the check did not spend it', () => {
      if (!checked || !token) skip('no reset link was checked');
      expectStatus(checked, 200);
      const deadline = Date.parse(asString(get(checked.json, 'expiresAt')) ?? '');
      const lifetime = Number(get(this.portalConfig, 'resetLinkLifetimeSeconds')) || 24 * 3600;
      if (!(deadline > Date.now() && deadline <= Date.now() + (lifetime + 300) * 1000)) fail(`expiresAt ${String(get(checked.json, 'expiresAt'))} is not within the link lifetime (${lifetime} s) from now`, checked);
    });
    await this.check(G, 'tokens.reuse', 'the same token again → 422 token_used', async () => {
      if (!token) skip('no token was used');
      expectProblem(await anonymous.call('confirmPasswordReset', { body: { token, newPassword: this.newPassword() } }), 422, ['token_used']);
    });
    await this.check(G, 'tokens.check.used', 'the used link checked again → 422 token_used (the page says so before a password is typed)', async () => {
      if (!token) skip('no token was used');
      expectProblem(await anonymous.call('checkPasswordResetToken', { body: { token } }), 422, ['token_used']);
    });
    await this.check(G, 'tokens.restore', `a second reset sets the original password back, and it signs in`, async () => {
      if (!token) skip('the password was not changed');
      const seen = new Set((await this.outbox(address)).map((m) => m.id));
      const request = await anonymous.call('requestPasswordReset', { body: { identifier: login } });
      let restored = false;
      let why = '';
      if (request.status === 202) {
        const found = await this.awaitToken(address, seen);
        const confirm = await anonymous.call('confirmPasswordReset', { body: { token: found.token, newPassword: password } });
        restored = confirm.status === 204;
        if (!restored) why = `confirm: ${describe(confirm)}`;
      } else {
        why = `reset request: ${describe(request)}`;
      }
      let note: string | undefined;
      if (!restored) {
        // Fall back to a signed-in change so the account stays usable.
        const signIn = await this.signIn('restore', login, temporary);
        let changed = false;
        if (signIn.exchange.status === 200) {
          const change = await signIn.client.call('changePassword', { body: { currentPassword: temporary, newPassword: password } });
          changed = change.status === 204;
          await signIn.client.call('logout');
        }
        if (!changed) fail(`the second reset failed (${why}); THE PASSWORD OF ${login} IS NOW ${temporary}`, request);
        // A throttled reset request is the contract at work (a few e-mails per identifier and hour), not a fault.
        if (request.status !== 429) fail(`the second reset failed (${why}); the password was set back with POST /auth/password instead`, request);
        note = `the second reset request was throttled (429 too_many_attempts, earlier runs count too), so the password was set back with POST /auth/password`;
      }
      const signIn = await this.signIn('restored', login, password);
      this.expectSignedIn(signIn.exchange, signIn.client, 'sign-in with the original password');
      await signIn.client.call('logout');
      return note;
    });
  }

  async oneTimeCodes(): Promise<void> {
    const G: Group = 'Single-use tokens';
    const { mfaLogin, outboxUrl } = this.options;
    const password = this.options.mfaPassword ?? this.options.password;
    if (!mfaLogin) return this.skipAll(G, MFA_CHECKS, 'no --mfa-login given (an account with a second factor)');
    if (!outboxUrl) return this.skipAll(G, MFA_CHECKS, 'no --outbox-url given');
    if (!password) return this.skipAll(G, MFA_CHECKS, 'the password of the MFA account is not known (--mfa-password)');
    const client = this.client('mfa');
    let challengeId: string | undefined;
    let code: string | undefined;
    let channel: string | undefined;
    await this.check(G, 'mfa.challenge', `POST /auth/login as ${mfaLogin} → 200 mfa_required, no session cookie yet, a code in the outbox`, async () => {
      const seenMine = new Set((await this.outbox(mfaLogin)).map((m) => m.id));
      const seenAll = new Set((await this.outbox()).map((m) => m.id));
      const exchange = await client.call('login', { body: { identifier: mfaLogin, password } });
      expectStatus(exchange, 200);
      if (get(exchange.json, 'status') !== 'mfa_required') fail(`status is ${JSON.stringify(get(exchange.json, 'status'))}, not mfa_required`, exchange);
      if (client.sessionId) fail('a session cookie was set before the second factor', exchange);
      challengeId = asString(get(exchange.json, 'challengeId'));
      channel = asString(get(exchange.json, 'channel'));
      const masked = asString(get(exchange.json, 'maskedDestination')) ?? '';
      code = await this.awaitCode(mfaLogin, exchange, seenMine, seenAll);
      return `code sent by ${String(channel)} to ${masked}`;
    });
    await this.check(G, 'mfa.wrongCode', 'a wrong code → 422 mfa_invalid_code (the challenge stays valid)', async () => {
      if (!challengeId || !code) skip('no challenge');
      const wrong = code.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10));
      expectProblem(await client.call('verifyMfa', { body: { challengeId, code: wrong } }), 422, ['mfa_invalid_code']);
    });
    await this.check(G, 'mfa.verify', 'the right code → 200 signed_in with a session cookie and csrfToken', async () => {
      if (!challengeId || !code) skip('no challenge');
      const exchange = await client.call('verifyMfa', { body: { challengeId, code } });
      client.adoptSession(exchange);
      this.expectSignedIn(exchange, client, 'verify');
    });
    await this.check(G, 'mfa.reuse', 'the same code again → 422 mfa_expired (single use)', async () => {
      if (!challengeId || !code || !client.sessionId) skip('the code was not accepted');
      const again = await this.client('mfa-again').call('verifyMfa', { body: { challengeId, code } });
      expectProblem(again, 422, ['mfa_expired', 'mfa_invalid_code']);
      if (problemCode(again) !== 'mfa_expired') fail(`expected mfa_expired (the challenge is used), got ${describe(again)}`, again);
    });
    if (client.sessionId) await client.call('logout');
    await this.check(G, 'mfa.attempts', `a new challenge takes at most ${MFA_MAX_WRONG_CODES} wrong codes; after them even the right code is refused (422 mfa_expired or 429)`, async () => {
      const limited = this.client('mfa-limit');
      const seenMine = new Set((await this.outbox(mfaLogin)).map((m) => m.id));
      const seenAll = new Set((await this.outbox()).map((m) => m.id));
      const start = await limited.call('login', { body: { identifier: mfaLogin, password } });
      expectStatus(start, 200, 'sign-in');
      if (get(start.json, 'status') !== 'mfa_required') fail(`status is ${JSON.stringify(get(start.json, 'status'))}, not mfa_required`, start);
      const id = asString(get(start.json, 'challengeId'));
      if (!id) fail('the answer has no challengeId', start);
      const right = await this.awaitCode(mfaLogin, start, seenMine, seenAll);
      let ended: Exchange | undefined;
      let wrong = 0;
      while (wrong < MFA_MAX_WRONG_CODES) {
        wrong++;
        const answer = await limited.call('verifyMfa', { body: { challengeId: id, code: wrongCode(right, wrong) } });
        if (answer.status === 422 && problemCode(answer) === 'mfa_invalid_code') continue;
        expectProblem(answer, answer.status === 429 ? 429 : 422, ['mfa_expired', 'too_many_attempts'], `wrong code ${wrong}`);
        ended = answer;
        break;
      }
      const last = await limited.call('verifyMfa', { body: { challengeId: id, code: right } });
      if (last.status === 200) {
        limited.adoptSession(last);
        if (limited.sessionId) await limited.call('logout');
        fail(`after ${wrong} wrong codes${ended ? ` (the last one got ${describe(ended)})` : ', all answered 422 mfa_invalid_code,'} the right code still signed in: the codes can be guessed`, last);
      }
      expectProblem(last, last.status === 429 ? 429 : 422, ['mfa_expired', 'too_many_attempts'], `the right code after ${wrong} wrong ones`);
      return ended
        ? `the ${ordinal(wrong)} wrong code ended the challenge (${describe(ended)}); the right code then got HTTP ${last.status} ${problemCode(last) ?? ''}`.trim()
        : `${wrong} wrong codes answered mfa_invalid_code; the right code then got HTTP ${last.status} ${problemCode(last) ?? ''}`.trim();
    });
  }

  /**
   * Waits (up to 10 s) for the one-time code a `mfa_required` sign-in answer sent: a new message with a code
   * to the account's address or, for an SMS, to a number ending in the digits the masked destination shows.
   */
  async awaitCode(mfaLogin: string, challenge: Exchange, seenMine: ReadonlySet<string>, seenAll: ReadonlySet<string>): Promise<string> {
    const channel = asString(get(challenge.json, 'channel'));
    const masked = asString(get(challenge.json, 'maskedDestination')) ?? '';
    const tail = /(\d{2,})\D*$/.exec(masked)?.[1];
    const deadline = Date.now() + 10_000;
    for (;;) {
      const mine = (await this.outbox(mfaLogin)).find((m) => !seenMine.has(m.id) && m.code);
      // An SMS goes to the phone number, which only the masked destination hints at.
      const any = mine ?? (await this.outbox()).find((m) => !seenAll.has(m.id) && m.code && (!tail || m.to.replace(/\D/g, '').endsWith(tail)));
      if (any?.code) return any.code;
      if (Date.now() > deadline) fail(`no one-time code reached the outbox within 10 s (channel ${String(channel)}, ${masked})`, challenge);
      await sleep(250);
    }
  }

  /** The e-mail address of an account (the outbox is keyed by address). */
  async addressOf(login: string, password: string): Promise<string> {
    if (login.includes('@')) return login;
    const signIn = await this.signIn('address', login, password);
    const email = asString(get(signIn.client.session, 'user', 'email'));
    if (signIn.client.sessionId) await signIn.client.call('logout');
    return email ?? login;
  }

  async lockout(): Promise<void> {
    const G: Group = 'Lockout';
    const target = this.options.lockoutLogin;
    if (!target) return this.skipAll(G, LOCKOUT_CHECKS, 'no --lockout-login given (an account the suite may lock)');
    const rightPassword = this.options.lockoutPassword ?? this.options.password;
    if (!rightPassword) return this.skipAll(G, LOCKOUT_CHECKS, 'the right password of the lockout account is not known (--lockout-password)');
    const max = this.options.lockoutMaxAttempts ?? 20;
    // The unknown twin has had exactly as many wrong passwords as the target, so throttles match too.
    const unknown = this.twinOf(target);
    const before = this.wrongAttempts.get(target) ?? 0;
    let attempts = 0;
    let firstThrottleAt: number | undefined;
    let mismatch: string | undefined;
    let refused: Exchange | undefined;
    let twin: Exchange | undefined;
    await this.check(G, 'lockout.refuses', `repeated wrong passwords for ${target} end in refusing even the right password`, async () => {
      if (this.throttledAtStart.has(target)) skip(`${target} was already throttled when the run began: wait for the throttle window or use a fresh account`);
      // Between wrong attempts the right password is NOT tried: a success would reset the counter.
      while (this.lockMailAt === undefined && attempts < max) {
        attempts++;
        const k = await this.wrongLogin(target);
        const u = await this.wrongLogin(unknown);
        const carried = before === 0 && attempts === 1 ? carriedThrottle(u, k, target) : undefined;
        if (carried) {
          this.throttledAtStart.add(target);
          skip(carried);
        }
        const found = differences(u, k, ['instance', 'retryAfter', 'lockedUntil']);
        if (found.length && !mismatch) mismatch = `attempt ${before + attempts}: unknown vs ${target}: ${found.join('; ')}${throttleHint(u, k)}`;
        if (k.status === 429) {
          firstThrottleAt = before + attempts;
          break;
        }
        if (k.status !== 401) fail(`attempt ${before + attempts}: ${describe(k)}`, k);
        await this.noteLockSignal(target);
      }
      const lockMailAt = this.lockMailAt;
      refused = await this.client('lockout').call('login', { body: { identifier: target, password: rightPassword } });
      twin = await this.client('lockout-unknown').call('login', { body: { identifier: unknown, password: rightPassword } });
      if (refused.status === 200) {
        const client = this.client('lockout');
        client.adoptSession(refused);
        fail(`the right password still signs in after ${before + attempts} wrong passwords`, refused);
      }
      expectProblem(refused, refused.status === 429 ? 429 : 401, ['login_locked', 'invalid_credentials', 'too_many_attempts'], 'the right password during the lockout');
      const total = before + attempts;
      const how = lockMailAt !== undefined
        ? `locked after ${lockMailAt} wrong passwords (the owner got an e-mail then)`
        : firstThrottleAt !== undefined
          ? `the ${ordinal(firstThrottleAt)} wrong password was throttled (429 too_many_attempts)`
          : `refused after ${total} wrong passwords (no earlier signal, as intended)`;
      return `${how}; ${before ? `${before} wrong password(s) came from the enumeration checks; ` : ''}the right password then got ${describe(refused)}`;
    });
    await this.check(G, 'lockout.lookalike', 'during the lockout every answer looks like one for an unknown identifier', () => {
      if (this.throttledAtStart.has(target)) skip(`${target} was already throttled when the run began`);
      if (!refused || !twin) skip('the lockout was not reached');
      if (mismatch) fail(mismatch);
      const ignore = refused.status === 429 || problemCode(refused) === 'login_locked' ? ['instance', 'retryAfter', 'lockedUntil'] : ['instance'];
      const found = differences(twin, refused, ignore);
      if (found.length) fail(`right password on the locked account vs on an unknown identifier: ${found.join('; ')}${throttleHint(twin, refused)}`, refused);
      return refused.status === 429 ? 'both 429 too_many_attempts (per contract: identical for any identifier string)' : `both 401 ${problemCode(refused) ?? '?'}`;
    });
    await this.check(G, 'lockout.notice', 'after the lock threshold the locked account (right and wrong password) and an unknown identifier all get 401 login_locked with lockedUntil', async () => {
      if (this.throttledAtStart.has(target)) skip(`${target} was already throttled when the run began`);
      if (!refused || !twin) skip('the lockout was not reached');
      if (refused.status === 429) skip('the identifier throttle (429 too_many_attempts) came before the lock: the customer is told to wait there');
      // A wrong password each for the locked account and its twin, after the right ones above: the counts stay equal.
      const wrongKnown = await this.wrongLogin(target);
      const wrongUnknown = await this.wrongLogin(unknown);
      const answers: [string, Exchange][] = [
        [`the right password of ${target}`, refused],
        ['the right password on an unknown identifier', twin],
        [`a wrong password for ${target}`, wrongKnown],
        ['a wrong password for the unknown identifier', wrongUnknown],
      ];
      for (const [what, answer] of answers) {
        if (answer.status === 429) skip(`${what} was throttled (429 too_many_attempts) before the notice could be compared`);
        expectProblem(answer, 401, ['login_locked'], `${what}, after ${this.wrongAttempts.get(target) ?? 0} wrong passwords`);
        const until = Date.parse(asString(get(answer.json, 'lockedUntil')) ?? '');
        if (Number.isNaN(until)) fail(`${what}: login_locked without a lockedUntil date-time`, answer);
        if (until <= Date.now()) fail(`${what}: lockedUntil ${asString(get(answer.json, 'lockedUntil')) ?? ''} is not in the future`, answer);
      }
      for (const [what, answer] of answers.slice(1)) {
        const found = differences(refused, answer, ['instance', 'lockedUntil']);
        if (found.length) fail(`the right password of the locked account vs ${what}: ${found.join('; ')}`, answer);
      }
      return `all four 401 login_locked, lockedUntil ${asString(get(refused.json, 'lockedUntil')) ?? ''}`;
    });
  }

  // ---------- checks over every answer received ----------

  contractChecks(): void {
    const byOperation = new Map<string, Exchange[]>();
    for (const exchange of this.ctx.exchanges) {
      const list = byOperation.get(exchange.operationId) ?? [];
      list.push(exchange);
      byOperation.set(exchange.operationId, list);
    }
    const ids = [...byOperation.keys()].sort();
    for (const id of ids) {
      const list = byOperation.get(id)!;
      const op = this.contract.operation(id);
      // Schema: status listed, content type declared, body valid, declared headers present and valid.
      const schemaErrors: { exchange: Exchange; errors: string[] }[] = [];
      for (const exchange of list) {
        const errors = this.validateExchange(exchange);
        if (errors.length) schemaErrors.push({ exchange, errors });
      }
      const statuses = [...new Set(list.map((e) => e.status))].sort().join(', ');
      const firstError = schemaErrors[0];
      this.record({
        id: `schema.${id}`,
        group: 'Schema',
        title: `${id} (${op.method} ${op.path}): ${list.length} answer(s), HTTP ${statuses}`,
        status: firstError ? 'fail' : 'pass',
        ...(firstError
          ? {
              reason: `${schemaErrors.length} answer(s) break the contract; first: HTTP ${firstError.exchange.status} ${firstError.exchange.method} ${firstError.exchange.path}: ${firstError.errors.join('; ')}`,
              operation: id,
              httpStatus: firstError.exchange.status,
            }
          : {}),
      });

      // Caching: every answer the contract marks `Cache-Control: no-store` carries no-store.
      const personal = list.filter((exchange) => this.wantsNoStore(op.id, exchange.status));
      if (personal.length) {
        const bad = personal.find((exchange) => !/(^|[\s,])no-store($|[\s,;])/i.test(exchange.headers.get('cache-control') ?? ''));
        this.record({
          id: `caching.${id}`,
          group: 'Caching',
          title: `${id}: Cache-Control contains no-store (${personal.length} answer(s))`,
          status: bad ? 'fail' : 'pass',
          ...(bad
            ? { reason: `HTTP ${bad.status} ${bad.method} ${bad.path}: Cache-Control is ${JSON.stringify(bad.headers.get('cache-control'))}, expected no-store`, operation: id, httpStatus: bad.status }
            : {}),
        });
      }

      // Problems: every 4xx/5xx is application/problem+json with a code from the contract.
      const errorsAnswers = list.filter((exchange) => exchange.status >= 400);
      if (errorsAnswers.length) {
        let reason: string | undefined;
        let culprit: Exchange | undefined;
        for (const exchange of errorsAnswers) {
          const problem = this.problemViolation(exchange);
          if (problem) {
            reason = `HTTP ${exchange.status} ${exchange.method} ${exchange.path}: ${problem}`;
            culprit = exchange;
            break;
          }
        }
        const codes = [...new Set(errorsAnswers.map((e) => `${e.status} ${problemCode(e) ?? '?'}`))].join(', ');
        this.record({
          id: `problems.${id}`,
          group: 'Problems',
          title: `${id}: ${errorsAnswers.length} error answer(s) are problem+json with a contract code (${codes})`,
          status: reason ? 'fail' : 'pass',
          ...(reason && culprit ? { reason, operation: id, httpStatus: culprit.status } : {}),
        });
      }
    }
  }

  wantsNoStore(operationId: string, status: number): boolean {
    const op = this.contract.operation(operationId);
    const response = this.contract.response(op, status);
    if (!response) return !op.isPublic;
    const header = this.contract.headers(response).get('cache-control');
    return asArray(get(header, 'schema', 'enum')).includes('no-store');
  }

  problemViolation(exchange: Exchange): string | undefined {
    if (!/^application\/problem\+json\b/i.test(exchange.contentType)) return `Content-Type is ${JSON.stringify(exchange.contentType)}, not application/problem+json`;
    if (!isObject(exchange.json)) return 'the body is not a JSON object';
    const code = asString(exchange.json.code);
    if (!code) return 'the problem has no `code`';
    if (!this.contract.problemCodes.has(code)) return `code ${JSON.stringify(code)} is not in the contract's ProblemCode enum`;
    if (exchange.json.status !== exchange.status) return `body status ${JSON.stringify(exchange.json.status)} differs from HTTP ${exchange.status}`;
    if (exchange.json.type !== `urn:ebok-widgets:problem:${code}`) return `type is ${JSON.stringify(exchange.json.type)}, expected urn:ebok-widgets:problem:${code}`;
    return undefined;
  }

  validateExchange(exchange: Exchange): string[] {
    const op = this.contract.operation(exchange.operationId);
    const response = this.contract.response(op, exchange.status);
    if (!response) return [`HTTP ${exchange.status} is not listed (listed: ${this.contract.listedStatuses(op).join(', ')})`];
    const errors: string[] = [];
    const content = isObject(response.content) ? response.content : undefined;
    if (content && Object.keys(content).length) {
      const mediaType = exchange.contentType.split(';')[0]!.trim().toLowerCase();
      const declared = content[mediaType];
      if (!isObject(declared)) {
        errors.push(`Content-Type ${JSON.stringify(exchange.contentType)} is not one of ${Object.keys(content).join(', ')}`);
      } else if (/[/+]json$/.test(mediaType)) {
        if (exchange.json === undefined) errors.push(`the body is not JSON: ${clip(exchange.text, 80)}`);
        else errors.push(...this.contract.validate(declared.schema, exchange.json, `${op.id} ${exchange.status} ${mediaType}`));
      } else if (mediaType === 'application/pdf' && !exchange.text.startsWith('%PDF-')) {
        errors.push('the PDF body does not start with %PDF-');
      }
    } else if (exchange.bytes.length) {
      errors.push(`the contract declares no body for HTTP ${exchange.status}, got ${exchange.bytes.length} bytes`);
    }
    for (const [name, header] of this.contract.headers(response)) {
      if (name === 'cache-control' || name === 'set-cookie') continue; // checked under Caching and Session
      const value = exchange.headers.get(name);
      if (value === null) {
        if (header.required === true) errors.push(`header ${name} is required`);
        continue;
      }
      const problems = this.contract.validate(header.schema ?? {}, value, `header ${op.id} ${exchange.status} ${name}`);
      if (problems.length) errors.push(`header ${name}: ${JSON.stringify(value)} ${problems.join('; ')}`);
    }
    return errors;
  }

}

const CSRF_CHECKS: [string, string][] = [
  ['csrf.missing', 'state-changing request without X-CSRF-Token → 403 csrf_failed'],
  ['csrf.wrong', 'with a wrong X-CSRF-Token → 403 csrf_failed'],
  ['csrf.valid', 'with the session’s X-CSRF-Token → success'],
  ['csrf.refresh', 'POST /auth/session/refresh without/with the token'],
  ['csrf.origin', 'login from a foreign Origin → 403 csrf_failed'],
];
const IDEMPOTENCY_CHECKS: [string, string][] = [
  ['idempotency.missingKey', 'POST /payments without the required Idempotency-Key → 400'],
  ['idempotency.malformedKey', 'POST /payments with a malformed Idempotency-Key → 400'],
  ['idempotency.create', 'POST /payments → 201'],
  ['idempotency.replay', 'same key and body → same answer, Idempotent-Replayed: true'],
  ['idempotency.reuse', 'same key, different body → 422 idempotency_key_reuse'],
  ['idempotency.read', 'GET /payments/{paymentId}'],
];
const SESSION_CHECKS: [string, string][] = [
  ['session.cookie', 'session cookie attributes'],
  ['session.newId', 'a new session id at every sign-in'],
  ['session.fixation', 'a new id and the previous session ended when signing in again'],
  ['session.logout', 'logout ends the session on the server'],
];
const ENUMERATION_CHECKS: [string, string][] = [
  ['enumeration.login.status', 'login: same status for unknown identifier and wrong password'],
  ['enumeration.login.body', 'login: same body and headers'],
  ['enumeration.login.timing', 'login: comparable timing'],
  ['enumeration.passwordReset', 'password reset: same answer'],
  ['enumeration.passwordReset.timing', 'password reset: comparable timing'],
  ['enumeration.loginReminder', 'login reminder: same answer'],
  ['enumeration.loginReminder.timing', 'login reminder: comparable timing'],
  ['enumeration.activationResend', 'activation resend: same answer'],
];
const TOKEN_CHECKS: [string, string][] = [
  ['tokens.garbage', 'a made-up reset token is refused'],
  ['tokens.check.garbage', 'a made-up reset token is refused by the check'],
  ['tokens.reset', 'a reset link sets a new password'],
  ['tokens.check.fresh', 'a reset link checked before use is usable, and the check does not spend it'],
  ['tokens.reuse', 'the same token again is refused'],
  ['tokens.check.used', 'a used reset link is said to be used by the check'],
  ['tokens.restore', 'the original password is set back'],
];
const MFA_CHECKS: [string, string][] = [
  ['mfa.challenge', 'sign-in with MFA answers a challenge, no cookie yet'],
  ['mfa.wrongCode', 'a wrong code is refused'],
  ['mfa.verify', 'the right code signs in'],
  ['mfa.reuse', 'the same code again is refused'],
  ['mfa.attempts', 'wrong codes are limited'],
];
/** Wrong codes the attempt-limit check sends at most (the contract: "a few attempts (5 recommended)"). */
const MFA_MAX_WRONG_CODES = 10;
/** The n-th wrong code for a right one: same length, digits only, never the right code. */
export function wrongCode(right: string, n: number): string {
  const digits = Math.max(1, right.length);
  const modulus = 10 ** digits;
  const value = (Number.parseInt(right.replace(/\D/g, '') || '0', 10) + n * 7919) % modulus;
  const code = String(value).padStart(digits, '0');
  return code === right ? String((value + 1) % modulus).padStart(digits, '0') : code;
}
const LOCKOUT_CHECKS: [string, string][] = [
  ['lockout.refuses', 'repeated wrong passwords end in refusing the right one'],
  ['lockout.lookalike', 'lockout answers look like an unknown identifier'],
  ['lockout.notice', 'after the threshold: 401 login_locked for the locked account and an unknown identifier alike'],
];

/** The token of a reset or activation message: a `token` query or fragment parameter of a link, or the body. */
export function tokenOf(message: { links: string[]; body: string }): string | undefined {
  for (const link of message.links) {
    let url: URL;
    try {
      url = new URL(link, 'http://localhost');
    } catch {
      continue;
    }
    const hashQuery = url.hash.includes('?') ? url.hash.slice(url.hash.indexOf('?') + 1) : url.hash.slice(1);
    for (const params of [url.searchParams, new URLSearchParams(hashQuery)]) {
      for (const name of ['token', 'resetToken', 'reset_token', 't']) {
        const value = params.get(name);
        if (value && value.length >= 16) return value;
      }
    }
  }
  const inBody = /[?&#]token=([A-Za-z0-9._~%-]{16,})/.exec(message.body);
  return inBody ? decodeURIComponent(inBody[1]!) : undefined;
}

/** The Polish calendar day of an instant. */
const warsawDay = (instant: string): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
const isoDate = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const ordinal = (n: number): string => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

export async function runConformance(options: ConformanceOptions): Promise<Report> {
  const startedAt = new Date().toISOString();
  const suite = new Suite(options);
  await suite.run();
  const exercised = new Set(suite.ctx.exchanges.map((exchange) => exchange.operationId));
  const count = (status: CheckStatus): number => suite.checks.filter((check) => check.status === status).length;
  return {
    baseUrl: suite.ctx.baseUrl,
    origin: suite.origin,
    startedAt,
    finishedAt: new Date().toISOString(),
    passed: count('pass'),
    failed: count('fail'),
    skipped: count('skip'),
    exchanges: suite.ctx.exchanges.length,
    operations: {
      exercised: [...suite.contract.operations.keys()].filter((id) => exercised.has(id)),
      notExercised: [...suite.contract.operations.keys()].filter((id) => !exercised.has(id)),
    },
    checks: suite.checks,
  };
}

/** The report as text: checks grouped, one line each (✔ passed, ✘ failed with the reason, – skipped with why). */
export function formatReport(report: Report, options: { failuresOnly?: boolean } = {}): string {
  const lines = [`Conformance of ${report.baseUrl} (Origin ${report.origin}) to the ebok-widgets API contract`, ''];
  const groups = [...GROUPS, ...new Set(report.checks.map((check) => check.group))].filter((group, i, all) => all.indexOf(group) === i);
  for (const group of groups) {
    const checks = report.checks.filter((check) => check.group === group && (!options.failuresOnly || check.status === 'fail'));
    if (!checks.length) continue;
    lines.push(group);
    for (const check of checks) {
      const mark = check.status === 'pass' ? '✔' : check.status === 'fail' ? '✘' : '–';
      lines.push(`  ${mark} ${check.title}${check.status === 'pass' && check.reason ? ` — ${check.reason}` : ''}`);
      if (check.status !== 'pass' && check.reason) {
        const where = check.status === 'fail' && check.operation ? ` [${check.operation}${check.httpStatus ? `, HTTP ${check.httpStatus}` : ''}]` : '';
        lines.push(`      ${check.status === 'fail' ? 'why' : 'skipped'}: ${check.reason}${where}`);
      }
    }
    lines.push('');
  }
  const { exercised, notExercised } = report.operations;
  lines.push(`${report.exchanges} API answers from ${exercised.length} of ${exercised.length + notExercised.length} operations checked against the contract`);
  if (notExercised.length) lines.push(`not exercised: ${notExercised.join(', ')}`);
  lines.push(`${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`);
  return lines.join('\n');
}
