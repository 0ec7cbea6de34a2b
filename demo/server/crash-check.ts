/**
 * A server killed at random points during bursts of payments and tickets loses nothing acknowledged and duplicates
 * nothing: `npx tsx demo/server/crash-check.ts [--seed N] [--rounds N] [--db pg|pglite|both]`.
 *
 * Starts `main.ts --demo` as its own process (on PostgreSQL with DATABASE_URL, in a database it creates and drops;
 * on the embedded PGlite in a fresh data directory), signs in, and in each round fires a burst of payment starts and
 * ticket creations, each with its own Idempotency-Key, kills the process with SIGKILL at a random moment, starts it
 * again, and retries every request with its key until it gets an answer (waiting out `409 idempotency_in_progress`
 * as its Retry-After says). Then, in the database and over the API: every acknowledged answer is the one the retry
 * replays, every request produced exactly one payment or ticket, and no document has two payments. The seed of
 * each round is printed, so a failure replays with `--seed`.
 *
 * PGlite writes every commit to its data directory before it answers (write-through files, `synchronous_commit`),
 * though without fsync: what a killed process acknowledged survives, as on PostgreSQL; a power cut is another story.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { createTestDatabase } from './db.ts';
import { call, freePort, hook, signIn, sleep, startInstance, stopInstance, type Answer, type Instance } from './instances.ts';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const seed = Number(arg('seed') ?? Math.floor(Math.random() * 2 ** 31));
const rounds = Number(arg('rounds') ?? 3);
const which = arg('db') ?? (process.env.DATABASE_URL ? 'both' : 'pglite');
if (!['pg', 'pglite', 'both'].includes(which) || !Number.isInteger(seed) || !(rounds > 0)) {
  console.error('usage: crash-check.ts [--seed N] [--rounds N] [--db pg|pglite|both]');
  process.exit(2);
}
if (which !== 'pglite' && !process.env.DATABASE_URL) {
  console.error('crash-check: --db pg needs DATABASE_URL (a PostgreSQL role that may create databases).');
  process.exit(2);
}

/** mulberry32: the same seed, the same bursts and kill moments. */
function random(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The database as the check reads it: PostgreSQL through `pg`, PGlite opened when the server is down. */
interface Inspector {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

interface Request {
  kind: 'payment' | 'ticket';
  key: string;
  /** What makes the request's result findable in the database: the document paid, the ticket's subject. */
  mark: string;
  send: (server: Instance) => Promise<Answer>;
  /** The answer the killed server gave, if it gave one. */
  acknowledged?: Answer;
}

const PAYMENTS_PER_ROUND = 10;
const TICKETS_PER_ROUND = 8;

async function runOn(kind: 'pg' | 'pglite'): Promise<void> {
  const label = kind === 'pg' ? 'PostgreSQL' : 'PGlite';
  const database = kind === 'pg' ? await createTestDatabase(process.env.DATABASE_URL!) : undefined;
  const dataDir = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'ebok-crash-')) : undefined;
  const port = await freePort();
  const env: Record<string, string> = { EBOK_PUBLIC_ORIGIN: `http://localhost:${port}`, ...(database ? { DATABASE_URL: database.url } : { DATABASE_URL: '', EBOK_DATA_DIR: dataDir! }) };
  const returnUrl = `${env.EBOK_PUBLIC_ORIGIN}/`;
  let server: Instance | undefined;
  const start = async (): Promise<Instance> => (server = await startInstance(label, env, port));
  const inspect = async (): Promise<Inspector> => {
    if (database) {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      return { query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[], close: () => client.end() };
    }
    // One process at a time opens a PGlite directory: the check reads it while the server is down.
    if (server) await stopInstance(server);
    server = undefined;
    const db = await PGlite.create(join(dataDir!, 'pgdata'));
    return { query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows, close: () => db.close() };
  };
  console.log(`── ${label}${database ? ` (database ${database.name})` : ` (${dataDir})`}`);
  try {
    await start();
    const firma = await signIn(server!, 'firma@example.com');
    const energia = await signIn(server!, 'energia@example.com');
    let db = await inspect();
    const customer = (await db.query<{ customer_id: string }>("SELECT customer_id FROM users WHERE email = 'firma@example.com'"))[0]!.customer_id;
    // Open documents nobody is paying, one per payment of a round (no two requests compete for one); each round's
    // payments are undone after its checks, so the next round pays the same documents again.
    const docs = (
      await db.query<{ id: string }>(
        "SELECT d.id FROM documents d WHERE d.customer_id = $1 AND d.gross > d.paid AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.status = 'pending' AND d.id = ANY(p.document_ids)) ORDER BY d.id LIMIT $2",
        [customer, PAYMENTS_PER_ROUND],
      )
    ).map((r) => r.id);
    await db.close();
    assert.equal(docs.length, PAYMENTS_PER_ROUND, 'enough open documents');
    if (!server) await start();

    for (let round = 0; round < rounds; round++) {
      const roundSeed = (seed + round * 7919) >>> 0;
      const rnd = random(roundSeed);
      const tag = `crash-${seed}-${kind}-${round}`;
      const requests: Request[] = [];
      for (let i = 0; i < PAYMENTS_PER_ROUND; i++) {
        const doc = docs[i]!;
        const key = `${tag}-pay-${i}`;
        const body = { scope: 'documents', documentIds: [doc], returnUrl };
        requests.push({ kind: 'payment', key, mark: doc, send: (s) => call(s, 'POST', '/payments', { session: firma, body, headers: { 'Idempotency-Key': key } }) });
      }
      for (let i = 0; i < TICKETS_PER_ROUND; i++) {
        const key = `${tag}-tkt-${i}`;
        const subject = `Awaria ${key}`;
        const form = (): FormData => {
          const f = new FormData();
          f.set('categoryId', 'cat_question');
          f.set('subject', subject);
          f.set('message', 'Zgłoszenie wysłane tuż przed awarią serwera.');
          return f;
        };
        requests.push({ kind: 'ticket', key, mark: subject, send: (s) => call(s, 'POST', '/tickets', { session: energia, form: form(), headers: { 'Idempotency-Key': key } }) });
      }
      // The burst: each request sent at its own moment within 800 ms, the process killed at a moment of it.
      const killAt = 50 + rnd() * 750;
      const running = server!;
      const sent = requests.map(async (r) => {
        await sleep(rnd() * 800);
        try {
          r.acknowledged = await r.send(running);
        } catch {
          // No answer: the process died first (or while it was answering).
        }
      });
      await sleep(killAt);
      await stopInstance(running, 'SIGKILL');
      await Promise.all(sent);
      const acked = requests.filter((r) => r.acknowledged).length;
      // What the killed process committed (answered or not): each must come back as a replay.
      db = await inspect();
      const committed = new Map(
        (await db.query<{ key: string; body: string }>("SELECT key, body FROM idempotency_keys WHERE key LIKE $1 AND state = 'done'", [`${tag}-%`])).map((row) => [row.key, JSON.parse(row.body) as unknown]),
      );
      await db.close();
      await start();
      // Every request again with its key, until it is answered (a claim in progress: wait as Retry-After says).
      const finals = new Map<Request, Answer>();
      await Promise.all(
        requests.map(async (r) => {
          const deadline = Date.now() + 90_000;
          for (;;) {
            const answer = await r.send(server!);
            if (answer.status !== 409 || answer.body.code !== 'idempotency_in_progress') {
              finals.set(r, answer);
              return;
            }
            assert.ok(Date.now() < deadline, `${r.key} still in progress after 90 s`);
            await sleep(Number(answer.headers.get('retry-after') ?? '1') * 1000);
          }
        }),
      );
      const where = `seed ${seed} (round ${round + 1}, round seed ${roundSeed}, killed at ${Math.round(killAt)} ms)`;
      for (const r of requests) {
        const final = finals.get(r)!;
        assert.equal(final.status, 201, `${r.key}: the retry answers ${final.status} ${JSON.stringify(final.body)} — ${where}`);
        if (r.acknowledged && r.acknowledged.status !== 201) assert.fail(`${r.key}: acknowledged ${r.acknowledged.status} ${JSON.stringify(r.acknowledged.body)} — ${where}`);
        if (committed.has(r.key)) {
          assert.equal(final.headers.get('idempotent-replayed'), 'true', `${r.key}: a request committed before the kill replays — ${where}`);
          assert.deepEqual(final.body, committed.get(r.key), `${r.key}: the replay is the committed answer — ${where}`);
        }
        if (r.acknowledged) {
          assert.equal(final.headers.get('idempotent-replayed'), 'true', `${r.key}: an acknowledged request replays — ${where}`);
          assert.deepEqual(final.body, r.acknowledged.body, `${r.key}: the replay is the acknowledged answer — ${where}`);
        }
        const path = r.kind === 'payment' ? `/payments/${String(final.body.id)}` : `/tickets/${String(final.body.id)}`;
        const read = await call(server!, 'GET', path, { session: r.kind === 'payment' ? firma : energia });
        assert.equal(read.status, 200, `${r.key}: ${path} exists over the API — ${where}`);
      }
      db = await inspect();
      for (const r of requests) {
        const id = String(finals.get(r)!.body.id);
        const rows =
          r.kind === 'payment'
            ? await db.query<{ id: string }>('SELECT id FROM payments WHERE $1 = ANY(document_ids)', [r.mark])
            : await db.query<{ id: string }>('SELECT id FROM tickets WHERE subject = $1', [r.mark]);
        assert.deepEqual(
          rows.map((x) => x.id),
          [id],
          `${r.key}: exactly one ${r.kind} in the database, the one answered (found ${rows.length}) — ${where}`,
        );
      }
      const twice = await db.query<{ doc: string; n: number }>(
        "SELECT doc, COUNT(*)::int AS n FROM payments, unnest(document_ids) AS doc WHERE status = 'pending' GROUP BY doc HAVING COUNT(*) > 1",
      );
      assert.deepEqual(twice, [], `no document with two pending payments — ${where}`);
      await db.close();
      if (!server) await start();
      for (const r of requests) if (r.kind === 'payment') await hook(server!, 'POST', `undo-payment?id=${String(finals.get(r)!.body.id)}`);
      console.log(`ok   round ${round + 1}: killed at ${Math.round(killAt)} ms; of ${requests.length} requests ${acked} acknowledged, ${committed.size} committed; after the restart each has exactly one result (round seed ${roundSeed})`);
    }
  } finally {
    if (server) {
      await stopInstance(server);
      if (process.exitCode) console.log(server.output());
    }
    if (database) await database.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`crash-check: seed ${seed}, ${rounds} rounds (replay: --seed ${seed})`);
const started = performance.now();
try {
  if (which !== 'pglite') await runOn('pg');
  if (which !== 'pg') await runOn('pglite');
} catch (error) {
  console.log(`FAIL ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n(replay: --seed ${seed})`);
  process.exit(1);
}
console.log(`\nNothing acknowledged lost, nothing duplicated (${Math.round((performance.now() - started) / 1000)} s).`);
