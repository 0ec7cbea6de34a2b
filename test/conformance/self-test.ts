/// <reference types="node" />
// Self-test of the conformance suite (run with tsx; part of `npm test`). Every run gets a process of its own
// with a reference server (demo/server/app.ts) on a copy of one freshly seeded data directory:
//   1. clean: the suite against the reference server: every check passes and none is skipped, and every check
//      this file expects (FAMILIES, OTHER_CHECKS) ran;
//   2. one run per family of behaviour behind the broken proxy (broken-server.ts) in the mode that breaks only
//      that family: the suite fails, every failed check belongs to the family, the checks named in `mustFail`
//      fail, and every other check still passes (none skipped);
//   3. the built command: test/tools/build-conformance.mjs bundles the CLI, `npm pack --dry-run` lists it, and
//      the bundle, laid out as in an installed package with none of our dependencies, passes against a server.
// Runs go `--jobs N` at a time (default 3, or CONFORMANCE_JOBS): 1–2 min on 2 cores. Prints one line per
// run, then the details of what went wrong, and exits non-zero when any expectation is not met.
//   npx tsx test/conformance/self-test.ts [--jobs N] [--only csrf,mfa,bin] [--verbose]
// (`--only` names modes of broken-server.ts and `bin`; the clean run always runs.)
import type { ChildProcess } from 'node:child_process';
import { execFile, fork } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BreakMode } from './broken-server.js';
import { BREAK_MODES, startBrokenServer } from './broken-server.js';
import type { CheckResult, ConformanceOptions, Report } from './suite.js';
import { formatReport, runConformance } from './suite.js';
import { PROFILE_CHECKS } from './profile.js';
import { POINT_CHECK_IDS } from './points.js';
import { INPUT_CHECK_IDS } from './input.js';
import { PROBE_CHECK_PATTERNS } from './probe.js';

interface ReferenceServer {
  url: string;
  close(): Promise<void> | void;
}
interface ReferenceServerOptions {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  /** The outbox and the test hooks (the suite reads links and codes through its --outbox-url). */
  testHooks?: boolean;
}
type CreateServer = (options: ReferenceServerOptions) => Promise<ReferenceServer> | ReferenceServer;
interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}
type CreateTestDatabase = (adminUrl: string, template?: string) => Promise<TestDatabase>;

/**
 * With DATABASE_URL (a role that may create databases) every run is on that PostgreSQL server instead of
 * the embedded database: the template is a seeded database, each run gets a copy (CREATE DATABASE … TEMPLATE).
 */
const DATABASE_URL = process.env.DATABASE_URL || undefined;
const PG_TEMPLATE = 'pg:';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The reference server's seed (demo/server): every demo customer has this password. */
const DEMO_PASSWORD = 'Demo-Haslo-2026';
/** Has an overdue invoice: something to pay for the idempotency checks. */
const MAIN_LOGIN = 'energia@example.com';
/** Signs in with a code by SMS (read from the outbox). */
const MFA_LOGIN = '2fa@example.com';
/** Used by nothing else in the suite, no MFA, and the data directory is thrown away: the suite may lock it. */
const LOCKOUT_LOGIN = 'gaz@example.com';
/** The account the suite files an account removal request for. */
const REMOVAL_LOGIN = 'firma@example.com';

// ---------- what the suite must check ----------

type Family = 'csrf' | 'tokens' | 'session' | 'cors' | 'schema' | 'problems' | 'lockout' | 'mfa' | 'caching' | 'enumeration' | 'idempotency' | 'probe';

/** Operations the suite exercises against the reference server (per-operation checks: schema, caching, problems). */
const EXERCISED = [
  'acceptTerms', 'activateAccount', 'changePassword', 'checkActivationToken', 'checkPasswordResetToken', 'confirmPasswordReset', 'createPayment', 'getBalance', 'getConsents', 'getConsumption', 'getDocument',
  'getDocumentPdf', 'getNotificationPreferences', 'getPayment', 'getPoint', 'getPortalConfig', 'getProfile', 'getReadingContext', 'getSession',
  'getTicket', 'getTicketAttachment', 'listContracts', 'listDocuments', 'listMessages', 'listOutages', 'listPayments', 'listPoints', 'listReadings',
  'listTicketCategories', 'listTickets', 'login', 'logout', 'markMessageRead', 'refreshSession', 'register', 'requestLoginReminder',
  'requestPasswordReset', 'resendActivation', 'resendMfa', 'updateConsents', 'updateNotificationPreferences', 'verifyMfa',
  'getTariffOptions', 'createTariffChangeRequest', 'listTariffChangeRequests',
];
/** The public operations whose answers may be cached (the rest must say no-store). */
const CACHEABLE = new Set(['getPortalConfig', 'listOutages']);
/** Operations that answer at least one error during a run (the problem format is checked on those). */
const WITH_ERRORS = [
  'activateAccount', 'changePassword', 'checkActivationToken', 'checkPasswordResetToken', 'confirmPasswordReset', 'createPayment', 'getBalance', 'getDocument',
  'getPoint', 'getProfile', 'getSession',
  'listDocuments', 'login', 'refreshSession', 'register', 'resendMfa', 'updateNotificationPreferences', 'verifyMfa',
  'getTariffOptions', 'createTariffChangeRequest', 'listTariffChangeRequests',
];

interface FamilySpec {
  title: string;
  /** Check ids the clean run must pass (a trailing `*` matches any rest). */
  checks: readonly string[];
  /** Whether a check id belongs to the family (may fail when the family is broken). */
  member(id: string): boolean;
}

const byPrefix = (prefix: string) => (id: string) => id.startsWith(prefix);
const FAMILIES: Record<Family, FamilySpec> = {
  csrf: { title: 'CSRF', checks: ['csrf.missing', 'csrf.wrong', 'csrf.valid', 'csrf.refresh', 'csrf.origin'], member: byPrefix('csrf.') },
  tokens: { title: 'single-use tokens', checks: ['tokens.garbage', 'tokens.check.garbage', 'tokens.reset', 'tokens.check.fresh', 'tokens.reuse', 'tokens.check.used', 'tokens.restore'], member: byPrefix('tokens.') },
  session: {
    title: 'session renewal',
    checks: ['session.unauthenticated', 'session.signedOut', 'session.bearer', 'session.cookie', 'session.newId', 'session.fixation', 'session.logout'],
    member: byPrefix('session.'),
  },
  cors: { title: 'CORS', checks: ['cors.allowed', 'cors.foreign', 'cors.preflight'], member: byPrefix('cors.') },
  schema: { title: 'schema', checks: EXERCISED.map((op) => `schema.${op}`), member: byPrefix('schema.') },
  problems: { title: 'problem answers', checks: WITH_ERRORS.map((op) => `problems.${op}`), member: byPrefix('problems.') },
  lockout: { title: 'lockout', checks: ['lockout.outbox', 'lockout.refuses', 'lockout.lookalike', 'lockout.notice'], member: byPrefix('lockout.') },
  mfa: { title: 'one-time codes', checks: ['mfa.challenge', 'mfa.wrongCode', 'mfa.verify', 'mfa.reuse', 'mfa.attempts'], member: byPrefix('mfa.') },
  caching: { title: 'caching', checks: EXERCISED.filter((op) => !CACHEABLE.has(op)).map((op) => `caching.${op}`), member: byPrefix('caching.') },
  enumeration: {
    title: 'enumeration',
    checks: [
      'enumeration.login.status', 'enumeration.login.body', 'enumeration.login.timing', 'enumeration.passwordReset', 'enumeration.passwordReset.timing',
      'enumeration.loginReminder', 'enumeration.loginReminder.timing', 'enumeration.activationResend',
    ],
    // A locked account that answers unlike an unknown identifier is an enumeration leak too (the lock notice as well).
    member: (id) => id.startsWith('enumeration.') || id === 'lockout.lookalike' || id === 'lockout.notice',
  },
  idempotency: {
    title: 'idempotency',
    checks: ['idempotency.missingKey', 'idempotency.malformedKey', 'idempotency.create', 'idempotency.replay', 'idempotency.reuse', 'idempotency.read'],
    member: byPrefix('idempotency.'),
  },
  probe: { title: 'contract probe', checks: ['probe.signIn', 'probe.start', ...PROBE_CHECK_PATTERNS, 'probe.sessionKept'], member: byPrefix('probe.') },
};

/** Checks of no family (operations, pagination, filters): no mode breaks them, the clean run must pass them. */
const OTHER_CHECKS = [
  'reachable', 'ops.getPortalConfig', 'ops.listOutages', 'ops.listOutages.filter', 'ops.verifyMfa.unknown', 'ops.resendMfa.unknown',
  'ops.activateAccount.unknown', 'ops.checkActivationToken.unknown', 'ops.register.invalid', 'ops.register.exactlyOne', 'ops.login', 'ops.getSession', 'ops.getProfile', 'ops.getConsents', 'ops.updateConsents', 'consents.perConsent', 'consents.unknown', 'consents.eInvoiceRequired', 'ops.acceptTerms.unknown',
  'terms.required', 'terms.wrongVersion', 'terms.accept', 'terms.reuse', 'terms.recorded',
  'ops.getNotificationPreferences', 'ops.listPoints', 'ops.getPoint', 'ops.getReadingContext.*', 'ops.listReadings.*', 'ops.getConsumption.point',
  'ops.getConsumption.kind', 'ops.getPoint.404', 'ops.listContracts', 'ops.getBalance', 'ops.getBalance.contract', 'ops.getBalance.both',
  'ops.listDocuments', 'pagination.limit', 'pagination.next', 'pagination.badCursor', 'pagination.badLimit', 'filter.status', 'filter.type',
  'filter.dates', 'filter.q', 'filter.sort', 'pagination.walk.*', 'pagination.otherSort', 'pagination.defaultSort', 'payments.documents', 'payments.dates', 'ops.getDocument', 'ops.getDocument.404', 'ops.getDocumentPdf', 'ops.listPayments', 'ops.getPayment',
  'ops.listTicketCategories', 'ops.listTickets', 'ops.getTicket', 'ops.getTicketAttachment', 'ops.listMessages', 'ops.markMessageRead',
  'ops.changePassword.wrong', 'ops.listMessages.unread', 'ops.listMessages.event', 'ops.listMessages.badEvent',
  ...PROFILE_CHECKS,
  ...POINT_CHECK_IDS,
  ...INPUT_CHECK_IDS,
];

/** One run per family: the proxy mode that breaks it and the checks that must then fail. */
const MUTATIONS: readonly { mode: BreakMode; family: Family; mustFail: readonly string[] }[] = [
  { mode: 'csrf', family: 'csrf', mustFail: ['csrf.missing', 'csrf.wrong', 'csrf.refresh', 'csrf.origin'] },
  { mode: 'tokens', family: 'tokens', mustFail: ['tokens.garbage', 'tokens.check.garbage', 'tokens.reuse', 'tokens.check.used'] },
  { mode: 'session', family: 'session', mustFail: ['session.newId', 'session.fixation'] },
  { mode: 'cors', family: 'cors', mustFail: ['cors.allowed', 'cors.foreign', 'cors.preflight'] },
  { mode: 'schema', family: 'schema', mustFail: ['schema.getProfile'] },
  { mode: 'problems', family: 'problems', mustFail: ['problems.login', 'problems.getDocument', 'problems.verifyMfa'] },
  { mode: 'lockout', family: 'lockout', mustFail: ['lockout.refuses', 'lockout.lookalike'] },
  // The old answer of a locked account (invalid_credentials, even for the right password) keeps the lock silent.
  { mode: 'silentlock', family: 'lockout', mustFail: ['lockout.notice'] },
  { mode: 'mfa', family: 'mfa', mustFail: ['mfa.reuse', 'mfa.attempts'] },
  { mode: 'caching', family: 'caching', mustFail: ['caching.getProfile', 'caching.login', 'caching.getSession', 'caching.listDocuments'] },
  {
    mode: 'enumeration',
    family: 'enumeration',
    mustFail: ['enumeration.login.body', 'enumeration.login.timing', 'enumeration.passwordReset', 'enumeration.passwordReset.timing', 'enumeration.loginReminder.timing'],
  },
  { mode: 'idempotency', family: 'idempotency', mustFail: ['idempotency.replay'] },
  // Which operation's probe meets a path that is no id first depends on the seed: any probe check may fail.
  { mode: 'probe', family: 'probe', mustFail: [] },
];

/**
 * Generated requests per operation and mode in the self-test's runs: enough to meet each class of hostile input
 * on some operation, few enough to add seconds, not minutes (a utility's own run uses DEFAULT_PROBE_RUNS). Only
 * the clean run, the built command and the probe's own mutation probe: the other mutations break nothing it checks.
 */
const SELF_TEST_PROBE_RUNS = 2;

const matches = (pattern: string, id: string): boolean => (pattern.endsWith('*') ? id.startsWith(pattern.slice(0, -1)) : id === pattern);
const ids = (checks: readonly CheckResult[]): string => checks.map((check) => check.id).join(', ');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

// ---------- reference servers ----------

let createReferenceServer: CreateServer | undefined;
async function referenceModule(): Promise<CreateServer> {
  if (createReferenceServer) return createReferenceServer;
  // A computed specifier: the reference server is typechecked by its own tsconfig, not through this file.
  const modulePath = ['..', '..', 'demo', 'server', 'app.ts'].join('/');
  const module = (await import(new URL(modulePath, import.meta.url).href)) as { createServer?: CreateServer };
  if (typeof module.createServer !== 'function') throw new Error('demo/server/app.ts does not export createServer(options)');
  createReferenceServer = module.createServer;
  return createReferenceServer;
}

async function testDatabaseModule(): Promise<CreateTestDatabase> {
  const modulePath = ['..', '..', 'demo', 'server', 'db.ts'].join('/');
  const module = (await import(new URL(modulePath, import.meta.url).href)) as { createTestDatabase?: CreateTestDatabase };
  if (typeof module.createTestDatabase !== 'function') throw new Error('demo/server/db.ts does not export createTestDatabase(adminUrl, template?)');
  return module.createTestDatabase;
}

/**
 * Seeds one data directory (or, with DATABASE_URL, one database: `pg:<name>`); every run starts from a
 * copy of it (seeding takes seconds, a copy a fraction). Answers the template and how to remove it.
 */
async function seedTemplate(): Promise<{ template: string; remove(): Promise<void> }> {
  const create = await referenceModule();
  const dataDir = mkdtempSync(join(tmpdir(), 'ebok-conformance-template-'));
  if (DATABASE_URL) {
    const database = await (await testDatabaseModule())(DATABASE_URL);
    try {
      const server = await create({ port: 0, dataDir, databaseUrl: database.url, testHooks: true });
      await server.close();
    } catch (error) {
      await database.drop();
      throw error;
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    return { template: `${PG_TEMPLATE}${database.name}`, remove: () => database.drop() };
  }
  const server = await create({ port: 0, dataDir, testHooks: true });
  await server.close();
  return { template: dataDir, remove: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })) };
}

async function withServer<T>(template: string, label: string, body: (origin: string) => Promise<T>): Promise<T> {
  const create = await referenceModule();
  const dataDir = mkdtempSync(join(tmpdir(), `ebok-conformance-${label}-`));
  let database: TestDatabase | undefined;
  if (template.startsWith(PG_TEMPLATE)) {
    if (!DATABASE_URL) throw new Error(`the template ${template} is a PostgreSQL database, and DATABASE_URL is not set`);
    database = await (await testDatabaseModule())(DATABASE_URL, template.slice(PG_TEMPLATE.length));
  } else cpSync(template, dataDir, { recursive: true });
  try {
    const server = await create({ port: 0, dataDir, databaseUrl: database?.url, testHooks: true });
    try {
      return await body(new URL(server.url).origin);
    } finally {
      await server.close();
    }
  } finally {
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The suite's options for a server at `origin`, its API reached at `apiOrigin` (the proxy, or the server). */
function suiteOptions(origin: string, apiOrigin = origin, probeRuns = SELF_TEST_PROBE_RUNS): ConformanceOptions {
  return {
    probe: { runs: probeRuns },
    baseUrl: `${apiOrigin}/api/v1`,
    // The proxy is transparent: the server still expects its own origin (CSRF allowlist, returnUrl).
    origin,
    login: MAIN_LOGIN,
    password: DEMO_PASSWORD,
    lockoutLogin: LOCKOUT_LOGIN,
    mfaLogin: MFA_LOGIN,
    removalLogin: REMOVAL_LOGIN,
    outboxUrl: `${origin}/api/test/outbox`,
    termsHookUrl: `${origin}/api/test/terms-version?utility=energy`,
  };
}

/** One run in this process: a server on a copy of the template, behind the proxy in `mode` unless clean. */
function runSuite(template: string, mode: BreakMode | 'clean'): Promise<Report> {
  return withServer(template, mode, async (origin) => {
    if (mode === 'clean') return runConformance(suiteOptions(origin));
    const proxy = await startBrokenServer(origin, {
      break: mode,
      accounts: [MAIN_LOGIN, MFA_LOGIN, LOCKOUT_LOGIN],
      credentials: { [LOCKOUT_LOGIN]: DEMO_PASSWORD },
      outboxUrl: `${origin}/api/test/outbox`,
    });
    try {
      return await runConformance(suiteOptions(origin, proxy.url, mode === 'probe' ? SELF_TEST_PROBE_RUNS : 0));
    } finally {
      await proxy.close();
    }
  });
}

/**
 * A process that does runs one after the other, as the parent asks over IPC. Runs in one process would share
 * its event loop (PGlite is WebAssembly on it): every run's answers would wait for the others' queries, which
 * blurs the timing comparison. One process per lane pays the start-up once.
 */
class RunProcess {
  private readonly child: ChildProcess;
  private output = '';
  private pending: { resolve(report: Report): void; reject(error: Error): void } | undefined;

  constructor() {
    // fork() passes process.execArgv (tsx's loader) on, so the child runs this TypeScript file as the parent does.
    this.child = fork(fileURLToPath(import.meta.url), ['--worker'], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const keep = (chunk: Buffer): void => {
      this.output = `${this.output}${chunk.toString('utf8')}`.slice(-4000);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.child.on('message', (message: { report?: Report; error?: string }) => {
      const pending = this.pending;
      this.pending = undefined;
      if (message.report) pending?.resolve(message.report);
      else pending?.reject(new Error(message.error ?? 'the run answered nothing'));
    });
    this.child.on('exit', (code) => {
      this.pending?.reject(new Error(`the run process exited (${String(code)}): ${this.output}`));
      this.pending = undefined;
    });
  }

  run(template: string, mode: BreakMode | 'clean'): Promise<Report> {
    return new Promise<Report>((resolve, reject) => {
      this.pending = { resolve, reject };
      this.child.send({ template, mode });
    });
  }

  close(): void {
    if (this.child.connected) this.child.disconnect();
  }
}

/** The child's side of RunProcess: each message is one run; the answer its report or the error. */
function serveRuns(): void {
  process.on('message', (message: { template: string; mode: BreakMode | 'clean' }) => {
    runSuite(message.template, message.mode).then(
      (report) => process.send?.({ report }),
      (error: unknown) => process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
  // The parent is done with this process: let it end even if the last server left handles open.
  process.on('disconnect', () => setTimeout(() => process.exit(0), 500).unref());
}

// ---------- the runs ----------

interface Outcome {
  name: string;
  ok: boolean;
  /** The one line printed for the run. */
  line: string;
  /** What went wrong, printed after the summary lines. */
  problems: string[];
  report?: Report;
}

/**
 * Checks that judge by timing. On a loaded machine (CI running tests in parallel) their medians can cross the
 * line either way by noise, so a run whose only fault is a timing check is run once more, on a fresh server;
 * a real timing leak, or a real mutation of it, shows again.
 */
const TIMING_CHECKS = new Set(['enumeration.login.timing', 'enumeration.passwordReset.timing', 'enumeration.loginReminder.timing']);

async function cleanRun(template: string, lane: RunProcess): Promise<Outcome & { report: Report }> {
  const started = Date.now();
  let report = await lane.run(template, 'clean');
  let failed = report.checks.filter((check) => check.status === 'fail');
  let retriedTiming = '';
  if (failed.length && failed.every((check) => TIMING_CHECKS.has(check.id))) {
    // See TIMING_CHECKS: on a loaded machine, once more on a fresh server.
    retriedTiming = ` (run again: ${failed.map((check) => `${check.id}: ${check.reason ?? ''}`).join('; ')})`;
    report = await lane.run(template, 'clean');
    failed = report.checks.filter((check) => check.status === 'fail');
  }
  const problems: string[] = [];
  const skipped = report.checks.filter((check) => check.status === 'skip');
  for (const check of failed) problems.push(`the reference server fails ${check.id}: ${check.reason ?? ''}`);
  for (const check of skipped) problems.push(`${check.id} was skipped against the reference server, where every check must run: ${check.reason ?? ''}`);
  const expected = [...Object.values(FAMILIES).flatMap((family) => family.checks), ...OTHER_CHECKS];
  const missing = expected.filter((pattern) => !report.checks.some((check) => matches(pattern, check.id)));
  if (missing.length) problems.push(`expected checks that did not run at all: ${missing.join(', ')}`);
  const ok = problems.length === 0;
  const line = ok
    ? `✔ clean: the reference server passes all ${report.passed} checks (${report.skipped} skipped) [${seconds(Date.now() - started)}]${retriedTiming}`
    : `✘ clean: ${failed.length} failed, ${skipped.length} skipped, ${missing.length} missing of the expected checks [${seconds(Date.now() - started)}]`;
  return { name: 'clean', ok, line, problems, report };
}

async function mutationRun(template: string, mutation: (typeof MUTATIONS)[number], lane: RunProcess, retried = false): Promise<Outcome> {
  const started = Date.now();
  const family = FAMILIES[mutation.family];
  const report = await lane.run(template, mutation.mode);
  const failed = report.checks.filter((check) => check.status === 'fail');
  const problems: string[] = [];
  const timingOnly: boolean[] = [];
  const problem = (text: string, ids: readonly string[]) => {
    problems.push(text);
    timingOnly.push(ids.length > 0 && ids.every((id) => TIMING_CHECKS.has(id)));
  };
  if (!failed.length) problem(`the suite passed although the proxy breaks ${family.title} (${BREAK_MODES[mutation.mode]})`, []);
  const outside = failed.filter((check) => !family.member(check.id));
  if (outside.length) problem(`failed outside ${family.title}: ${outside.map((check) => `${check.id} (${check.reason ?? ''})`).join('; ')}`, outside.map((c) => c.id));
  if (!failed.some((check) => family.member(check.id))) problem(`no ${family.title} check failed`, []);
  for (const id of mutation.mustFail) {
    const check = report.checks.find((c) => c.id === id);
    if (!check) problem(`${id} did not run, and it must catch this mutation`, []);
    else if (check.status !== 'fail') problem(`${id} ${check.status === 'pass' ? 'passed' : `was skipped (${check.reason ?? ''})`}, but the proxy breaks what it checks: ${BREAK_MODES[mutation.mode]}`, [id]);
  }
  const skippedOutside = report.checks.filter((check) => check.status === 'skip' && !family.member(check.id));
  if (skippedOutside.length) problem(`skipped outside ${family.title} (the mutation disturbed them): ${skippedOutside.map((check) => `${check.id} (${check.reason ?? ''})`).join('; ')}`, []);
  if (problems.length && !retried && timingOnly.every(Boolean)) {
    const again = await mutationRun(template, mutation, lane, true);
    return { ...again, line: `${again.line} (run again: the first run's only fault was a timing check: ${problems.join('; ')})` };
  }
  const ok = problems.length === 0;
  const mark = ok ? '✔' : '✘';
  const inFamily = failed.filter((check) => family.member(check.id));
  const line = `${mark} ${mutation.mode.padEnd(11)} ${inFamily.length} ${family.title} check(s) failed: ${abbreviate(inFamily)}${outside.length ? `; ${outside.length} other(s): ${ids(outside)}` : ''} [${seconds(Date.now() - started)}]`;
  return { name: mutation.mode, ok, line, problems, report };
}

/** A long list of ids, shortened (caching and problems fail on dozens of operations). */
function abbreviate(checks: readonly CheckResult[], max = 6): string {
  if (checks.length <= max) return ids(checks);
  return `${ids(checks.slice(0, max))} and ${checks.length - max} more`;
}

function run(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolveRun) => {
    execFile(command, args, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, timeout: options.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolveRun({ code, stdout, stderr: stderr || (error && typeof error.code !== 'number' ? error.message : '') });
    });
  });
}

const BIN = 'dist/conformance/ebok-conformance.mjs';
/** The operations the built command probes: enough to show the bundled probe works, cheap next to the clean run's. */
const BIN_PROBED = ['login', 'getPoint'];

/**
 * The shipped command: built afresh, listed by `npm pack`, named by package.json `bin`, and passing against a
 * reference server when laid out as an installed package (only the files it needs, none of our node_modules).
 */
async function builtCommandRun(template: string, clean: Promise<Report | undefined>): Promise<Outcome> {
  const started = Date.now();
  const problems: string[] = [];
  const build = await run(process.execPath, ['test/tools/build-conformance.mjs']);
  if (build.code !== 0) return { name: 'built command', ok: false, line: '✘ built command: the build failed', problems: [`node test/tools/build-conformance.mjs: ${build.stderr || build.stdout}`] };

  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; bin?: Record<string, string> };
  const binPath = pkg.bin?.['ebok-conformance'];
  if (binPath?.replace(/^\.\//, '') !== BIN) problems.push(`package.json bin["ebok-conformance"] is ${JSON.stringify(binPath)}, expected "./${BIN}"`);
  const pack = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { env: { ...process.env, npm_config_loglevel: 'silent', npm_config_update_notifier: 'false' } });
  let packed: string[] = [];
  try {
    packed = (JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0]?.files.map((file) => file.path) ?? [];
  } catch {
    problems.push(`npm pack --dry-run --json did not answer JSON (exit ${pack.code}): ${(pack.stderr || pack.stdout).slice(0, 300)}`);
  }
  for (const file of [BIN, 'src/api/openapi.yaml']) if (packed.length && !packed.includes(file)) problems.push(`npm pack --dry-run does not list ${file}`);

  // node_modules/ebok-widgets as npm would install it, with only the shipped files the command needs.
  const home = mkdtempSync(join(tmpdir(), 'ebok-conformance-installed-'));
  let line: string;
  try {
    const installed = join(home, 'node_modules', pkg.name);
    for (const file of ['package.json', BIN, 'src/api/openapi.yaml']) {
      mkdirSync(dirname(join(installed, file)), { recursive: true });
      cpSync(join(ROOT, file), join(installed, file));
    }
    const reportFile = join(home, 'report.json');
    const result = await withServer(template, 'bin', async (origin) => {
      const options = suiteOptions(origin);
      const args = [
        join(installed, BIN), '--base-url', options.baseUrl, '--login', MAIN_LOGIN, '--password', DEMO_PASSWORD, '--lockout-login', LOCKOUT_LOGIN,
        '--mfa-login', MFA_LOGIN, '--removal-login', REMOVAL_LOGIN, '--outbox-url', options.outboxUrl!, '--terms-hook-url', options.termsHookUrl!, '--probe-runs', String(SELF_TEST_PROBE_RUNS), '--probe-only', BIN_PROBED.join(','), '--json', reportFile, '--quiet',
      ];
      // No NODE_PATH, no NODE_OPTIONS (tsx's loader): plain node, as on the utility's machine.
      const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_PATH' && name !== 'NODE_OPTIONS'));
      return run(process.execPath, args, { cwd: home, env });
    });
    let report: Report | undefined;
    try {
      report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
    } catch {
      problems.push(`the built command wrote no report (exit ${result.code}): ${(result.stderr || result.stdout).slice(0, 600)}`);
    }
    if (result.code !== 0) problems.push(`the built command exited ${result.code} against the reference server:\n${result.stdout}${result.stderr}`);
    const reference = await clean;
    // The built command probes only BIN_PROBED (its bundled fast-check at work); every other check it runs as the source does.
    const unprobed = (list: readonly CheckResult[]): number => list.filter((check) => !check.id.startsWith('probe.')).length;
    if (report && reference && unprobed(report.checks) !== unprobed(reference.checks)) {
      problems.push(`the built command ran ${unprobed(report.checks)} checks besides the probe, the suite from source ${unprobed(reference.checks)}`);
    }
    for (const id of BIN_PROBED.flatMap((op) => [`probe.signedOut.${op}`, `probe.signedIn.${op}`])) {
      if (report && !report.checks.some((check) => check.id === id && check.status === 'pass')) problems.push(`the built command did not pass ${id}`);
    }
    if (report && report.skipped) problems.push(`the built command skipped ${report.skipped} check(s): ${ids(report.checks.filter((check) => check.status === 'skip'))}`);
    line = report && !problems.length
      ? `✔ built command: node …/node_modules/${pkg.name}/${BIN} passes all ${report.passed} checks; npm pack lists it [${seconds(Date.now() - started)}]`
      : `✘ built command: ${problems.length} problem(s) [${seconds(Date.now() - started)}]`;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  return { name: 'built command', ok: problems.length === 0, line, problems };
}

/** Runs the jobs on `lanes` processes, one job per lane at a time; answers their results in order. */
async function pool<T>(jobs: readonly ((lane: RunProcess) => Promise<T>)[], lanes: number): Promise<T[]> {
  const results: T[] = new Array<T>(jobs.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    const runner = new RunProcess();
    try {
      while (next < jobs.length) {
        const index = next++;
        results[index] = await jobs[index]!(runner);
      }
    } finally {
      runner.close();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, jobs.length)) }, lane));
  return results;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      jobs: { type: 'string' },
      only: { type: 'string' },
      verbose: { type: 'boolean' },
      // A child's part (see RunProcess).
      worker: { type: 'boolean' },
    },
  });
  if (values.worker) {
    serveRuns();
    return 0;
  }
  const jobs = Number(values.jobs ?? process.env.CONFORMANCE_JOBS ?? 3);
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error('--jobs must be a positive integer');
  const only = values.only?.split(',').map((name) => name.trim()).filter(Boolean);
  const wanted = (name: string): boolean => !only || only.includes(name);
  const started = Date.now();

  const seeded = await seedTemplate();
  const template = seeded.template;
  const outcomes: Outcome[] = [];
  try {
    const proxies = MUTATIONS.filter((m) => wanted(m.mode)).length;
    const runs = ['the reference server', `${proxies} broken ${proxies === 1 ? 'proxy' : 'proxies'}`, ...(wanted('bin') ? ['the built command'] : [])];
    const database = DATABASE_URL ? `PostgreSQL at ${new URL(DATABASE_URL).host} (a copy of database ${template.slice(PG_TEMPLATE.length)} per run)` : 'the embedded database';
    console.log(`━━ conformance self-test: ${runs.join(', ')}, ${jobs} at a time, on ${database} (seeded in ${seconds(Date.now() - started)})`);
    let cleanReport: (report: Report | undefined) => void = () => undefined;
    const clean = new Promise<Report | undefined>((ok) => (cleanReport = ok));
    const list: { name: string; job: (lane: RunProcess) => Promise<Outcome> }[] = [];
    // The clean run first (every mutation is compared with it), the built command alongside the mutations.
    const cleanJob = async (lane: RunProcess): Promise<Outcome> => {
      try {
        const outcome = await cleanRun(template, lane);
        cleanReport(outcome.report);
        return outcome;
      } catch (error) {
        cleanReport(undefined);
        throw error;
      }
    };
    list.push({ name: 'clean', job: cleanJob });
    if (wanted('bin')) list.push({ name: 'built command', job: () => builtCommandRun(template, clean) });
    for (const mutation of MUTATIONS) if (wanted(mutation.mode)) list.push({ name: mutation.mode, job: (lane) => mutationRun(template, mutation, lane) });
    const results = await pool(
      list.map(({ name, job }) => async (lane: RunProcess) => {
        let outcome: Outcome;
        try {
          outcome = await job(lane);
        } catch (error) {
          // A run that could not even start (server, proxy): a failed run with the cause, the others go on.
          outcome = { name, ok: false, line: `✘ ${name}: ${error instanceof Error ? error.message : String(error)}`, problems: [error instanceof Error ? (error.stack ?? error.message) : String(error)] };
        }
        console.log(`  ${outcome.line}`);
        return outcome;
      }),
      jobs,
    );
    outcomes.push(...results);
  } finally {
    await seeded.remove();
  }

  const failed = outcomes.filter((outcome) => !outcome.ok);
  for (const outcome of values.verbose ? outcomes : failed) {
    console.log(`\n━━ ${outcome.name}`);
    for (const problem of outcome.problems) console.log(`  ✘ ${problem}`);
    if (outcome.report) console.log(`\n${formatReport(outcome.report, { failuresOnly: !values.verbose })}`);
  }
  console.log(`\n━━ self-test ${failed.length ? `FAILED: ${failed.map((outcome) => outcome.name).join(', ')}` : 'passed'} in ${seconds(Date.now() - started)}`);
  return failed.length ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
}
// The reference server may keep handles (database, timers) open after close(); do not hang `npm test`.
// (A run process lives on its IPC channel until the parent lets go: see serveRuns.)
if (!process.argv.includes('--worker')) setTimeout(() => process.exit(), 1000).unref();
