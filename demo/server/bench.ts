/**
 * `npm run bench:server`: load and fault benchmark of the reference server on loopback (not part of the
 * tests). It starts the server in-process on a free port with a fresh database, then uses autocannon to
 * measure concurrent logins, the balance and a page of firma@example.com's 10,000 documents, and how the
 * balance holds up during a storm of wrong passwords (lockout and throttling at work). Each run is bounded
 * in time; the figures and the machine go to stdout as a Markdown table for the README.
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createServer } from './app.ts';
import { DEMO_PASSWORD } from './seed.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const dataDir = mkdtempSync(join(tmpdir(), 'ebok-bench-'));
const server = await createServer({ port: 0, dataDir, serveSite: false, validateResponses: false, testHooks: true });
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

const resetThrottles = () => fetch(`${server.url}/api/test/reset-throttles`, { method: 'POST', headers: { Origin: server.url } });

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
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`\nMachine: ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${SECONDS} s per scenario, loopback.\n`);
console.log('| scenario | connections | requests | req/s | p50 ms | p99 ms | errors | answers |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const r of rows) console.log(`| ${r.scenario} | ${r.connections} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.statuses} |`);
