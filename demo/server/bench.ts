/**
 * `npm run bench:server`: load and fault benchmark of the reference server on loopback (not part of the
 * tests). It starts the server in a child process of its own (demo/server/bench-server.ts: a fresh database in
 * a temporary directory, a free port), so that the load generator, autocannon in this process, does not share
 * the server's event loop and competes with it only for the machine's cores. Then it measures concurrent
 * logins, the balance and a page of firma@example.com's 10,000 documents, and how the balance holds up during a
 * storm of wrong passwords (lockout and throttling at work). Each run is bounded in time; the server is stopped
 * at the end, on an error and on Ctrl+C (it also stops by itself when this process dies: it watches its stdin),
 * and the figures and the machine go to stdout as a Markdown table for the README.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_PASSWORD } from './seed.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const START_LIMIT_MS = 240_000;
const root = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'ebok-bench-'));
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server/bench-server.ts'], {
  cwd: root,
  env: { ...process.env, PORT: '0', EBOK_DATA_DIR: dataDir },
  stdio: ['pipe', 'pipe', 'pipe'],
});
let output = '';
child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
const exited = new Promise<void>((done) => child.once('exit', () => done()));
const running = () => child.exitCode === null && child.signalCode === null;
process.once('exit', () => {
  if (running()) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});
let stopped: Promise<void> | undefined;
function stopServer(): Promise<void> {
  stopped ??= (async () => {
    if (running()) {
      child.kill('SIGTERM');
      if ((await Promise.race([exited.then(() => true), sleep(10_000)])) !== true) child.kill('SIGKILL');
    }
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  })();
  return stopped;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the benchmark and its server`);
    void stopServer().then(() => process.exit(130));
  });
}

const serverUrl = await new Promise<string>((done, fail) => {
  const timer = setTimeout(() => fail(new Error(`The server did not start within ${START_LIMIT_MS / 1000} s:\n${output}`)), START_LIMIT_MS);
  const look = () => {
    // The ready line is the first line of JSON with the URL (anything else the server logs is not).
    for (const line of output.split('\n')) {
      if (!line.startsWith('{')) continue;
      try {
        const { url } = JSON.parse(line) as { url?: unknown };
        if (typeof url !== 'string') continue;
        clearTimeout(timer);
        done(url);
        return;
      } catch {
        // not the ready line, or not complete yet
      }
    }
  };
  child.stdout.on('data', look);
  child.once('exit', (code, signal) => {
    clearTimeout(timer);
    fail(new Error(`The server exited (${signal ?? code}) before it was ready:\n${output}`));
  });
}).catch(async (error: unknown) => {
  await stopServer();
  throw error;
});
const server = { url: serverUrl };
const api = `${server.url}/api/v1`;

async function login(email: string): Promise<string> {
  const response = await fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.url },
    body: JSON.stringify({ identifier: email, password: DEMO_PASSWORD }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('ebok_session='));
  if (!response.ok || !cookie) throw new Error(`login of ${email} failed: ${response.status}`);
  return cookie.split(';')[0]!;
}

async function resetThrottles(): Promise<void> {
  const response = await fetch(`${server.url}/api/test/reset-throttles`, { method: 'POST', headers: { Origin: server.url } });
  if (!response.ok) throw new Error(`resetting the throttles failed: ${response.status}`);
}

interface Row {
  scenario: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  statuses: string;
}

async function measure(scenario: string, options: autocannon.Options): Promise<Row> {
  const result = await autocannon({ duration: SECONDS, ...options });
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .map(([code, stat]) => `${code}×${(stat as { count: number }).count}`)
    .join(' ');
  return {
    scenario,
    connections: options.connections ?? 10,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    statuses,
  };
}

const rows: Row[] = [];
const loadBefore = loadavg()[0]!.toFixed(1);
try {
  const energia = await login('energia@example.com');
  const firma = await login('firma@example.com');

  rows.push(
    await measure('login (scrypt, correct password)', {
      url: `${api}/auth/login`,
      method: 'POST',
      connections: 8,
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ identifier: 'woda@example.com', password: DEMO_PASSWORD }),
    }),
  );
  await resetThrottles();
  rows.push(await measure('GET /balance (energia)', { url: `${api}/balance`, connections: 20, headers: { Cookie: energia } }));
  rows.push(
    await measure('GET /documents?limit=20 (firma, 10,000 documents)', {
      url: `${api}/documents?limit=20`,
      connections: 20,
      headers: { Cookie: firma },
    }),
  );

  // Fault: a storm of wrong passwords for many identifiers while customers read their balance.
  let n = 0;
  const storm = autocannon({
    url: `${api}/auth/login`,
    method: 'POST',
    connections: 16,
    duration: SECONDS,
    headers: { 'Content-Type': 'application/json', Origin: server.url },
    setupClient: (client) => {
      client.setBody(JSON.stringify({ identifier: `atak${n++ % 50}@example.com`, password: 'zle-haslo' }));
    },
  });
  const during = await measure('GET /balance during a wrong-password storm', { url: `${api}/balance`, connections: 4, headers: { Cookie: energia } });
  const stormResult = await storm;
  rows.push(during);
  rows.push({
    scenario: 'the storm itself (wrong passwords, 50 identifiers)',
    connections: 16,
    requests: stormResult.requests.total,
    rps: Math.round(stormResult.requests.average),
    p50: stormResult.latency.p50,
    p99: stormResult.latency.p99,
    errors: stormResult.errors + stormResult.timeouts,
    statuses: Object.entries(stormResult.statusCodeStats ?? {}).map(([c, s]) => `${c}×${(s as { count: number }).count}`).join(' '),
  });
} finally {
  await stopServer();
}

const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
console.log(
  `\nMachine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; ${SECONDS} s per scenario, loopback, the server in its own process; load average ${loadBefore} before, ${loadavg()[0]!.toFixed(1)} after.\n`,
);
console.log('| scenario | connections | requests | req/s | p50 ms | p99 ms | errors | answers |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const r of rows) console.log(`| ${r.scenario} | ${r.connections} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.statuses} |`);
