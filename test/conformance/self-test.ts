/// <reference types="node" />
// Self-test of the conformance suite (run with tsx; part of `npm test`):
//   1. starts the reference server (demo/server/app.ts) in-process on a fresh data directory and runs the
//      suite against it with the outbox and a lockout account: every check must pass;
//   2. starts a second fresh reference server behind the broken proxy (broken-server.ts) and runs the suite
//      again: it must FAIL, and exactly on the three things the proxy breaks (caching, enumeration by the
//      login answer's body, idempotent replay of POST /payments).
// Prints both reports and exits non-zero when either expectation is not met.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrokenServer } from './broken-server.js';
import type { ConformanceOptions, Report } from './suite.js';
import { formatReport, runConformance } from './suite.js';

interface ReferenceServer {
  url: string;
  close(): Promise<void> | void;
}
interface ReferenceServerOptions {
  port: number;
  dataDir: string;
  publicOrigin: string;
}
type CreateServer = (options: ReferenceServerOptions) => Promise<ReferenceServer> | ReferenceServer;

/** The reference server's seed (demo/server): every demo customer has this password. */
const DEMO_PASSWORD = 'Demo-Haslo-2026';
/** Has an overdue invoice: something to pay for the idempotency checks. */
const MAIN_LOGIN = 'energia@example.com';
/** Signs in with a code by SMS (read from the outbox). */
const MFA_LOGIN = '2fa@example.com';
/** Used by nothing else in the suite, no MFA, and the data directory is thrown away: the suite may lock it. */
const LOCKOUT_LOGIN = 'gaz@example.com';

/** The ids of the checks the broken proxy must make fail, by what it breaks. */
const BROKEN = {
  'caching (no-store removed)': (id: string) => id.startsWith('caching.'),
  'enumeration (different body for an unknown login)': (id: string) => id === 'enumeration.login.body',
  'idempotency (replay answers a new payment)': (id: string) => id === 'idempotency.replay',
};

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startReference(label: string): Promise<{ server: ReferenceServer; origin: string; dataDir: string }> {
  // A computed specifier: the reference server is typechecked by its own tsconfig, not through this file.
  const modulePath = ['..', '..', 'demo', 'server', 'app.ts'].join('/');
  const module = (await import(new URL(modulePath, import.meta.url).href)) as { createServer?: CreateServer };
  if (typeof module.createServer !== 'function') throw new Error('demo/server/app.ts does not export createServer(options)');
  const dataDir = mkdtempSync(join(tmpdir(), `ebok-conformance-${label}-`));
  const port = await freePort();
  const publicOrigin = `http://127.0.0.1:${port}`;
  const server = await module.createServer({ port, dataDir, publicOrigin });
  return { server, origin: new URL(server.url).origin, dataDir };
}

function print(title: string, report: Report): void {
  console.log(`\n━━ ${title}\n`);
  console.log(formatReport(report));
}

async function main(): Promise<number> {
  const problems: string[] = [];
  // Two fresh servers (the second one keeps no throttles from run 1), seeded side by side: seeding dominates.
  const started = await Promise.allSettled([startReference('pass'), startReference('broken')]);
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const cleanUp = async (): Promise<void> => {
    for (const { server, dataDir } of servers.splice(0)) {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  const [first, second] = started;
  if (first?.status !== 'fulfilled' || second?.status !== 'fulfilled') {
    await cleanUp();
    const failure = started.find((result) => result.status === 'rejected');
    throw failure?.status === 'rejected' ? failure.reason : new Error('the reference server did not start');
  }
  let good: Report;
  let broken: Report;
  const proxy = await startBrokenServer(second.value.origin);
  try {
    // 1. The reference server conforms.
    const origin = first.value.origin;
    const options: ConformanceOptions = {
      baseUrl: `${origin}/api/v1`,
      origin,
      login: MAIN_LOGIN,
      password: DEMO_PASSWORD,
      lockoutLogin: LOCKOUT_LOGIN,
      mfaLogin: MFA_LOGIN,
      outboxUrl: `${origin}/api/test/outbox`,
    };
    good = await runConformance(options);
    // 2. The same server behind the broken proxy does not.
    broken = await runConformance({
      baseUrl: `${proxy.url}/api/v1`,
      // The proxy is transparent: the server still expects its own origin (CSRF allowlist, returnUrl).
      origin: second.value.origin,
      login: MAIN_LOGIN,
      password: DEMO_PASSWORD,
      outboxUrl: `${second.value.origin}/api/test/outbox`,
    });
  } finally {
    await proxy.close();
    await cleanUp();
  }
  print('the reference server (must pass)', good);
  if (good.failed) problems.push(`the suite failed ${good.failed} check(s) against the reference server: ${good.checks.filter((c) => c.status === 'fail').map((c) => c.id).join(', ')}`);
  print('the reference server behind the broken proxy (must fail on the three broken things)', broken);
  const failedIds = broken.checks.filter((c) => c.status === 'fail').map((c) => c.id);
  if (!broken.failed) problems.push('the suite passed against the broken proxy');
  for (const [what, matches] of Object.entries(BROKEN)) {
    if (!failedIds.some(matches)) problems.push(`the broken proxy breaks ${what}, but no check failed for it`);
  }
  const unexpected = failedIds.filter((id) => !Object.values(BROKEN).some((matches) => matches(id)));
  if (unexpected.length) problems.push(`checks failed behind the proxy that it does not break: ${unexpected.join(', ')}`);

  console.log('\n━━ self-test');
  if (problems.length) {
    for (const problem of problems) console.log(`  ✘ ${problem}`);
    return 1;
  }
  console.log(`  ✔ the reference server passes all ${good.passed} checks (${good.skipped} skipped)`);
  console.log(`  ✔ behind the broken proxy the suite fails exactly the broken things (${failedIds.length} checks: ${failedIds.join(', ')})`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
}
// The reference server may keep handles (database, timers) open after close(); do not hang `npm test`.
setTimeout(() => process.exit(), 1000).unref();
