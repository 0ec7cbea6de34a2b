/**
 * A quick end-to-end check of the reference server (not part of the browser test suite):
 * `npx tsx demo/server/selftest.ts` starts a server on a random port with a fresh data directory,
 * walks the main flows with fetch and fails loudly on the first surprise.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createServer, REPO_ROOT } from './app.ts';
import { createTestDatabase } from './db.ts';
import { DEMO_PASSWORD } from './seed.ts';
import { pagesApp } from './pages.ts';
import type { AppState } from './core.ts';
import { CDN_SCRIPT, SITE_CSP, ensureCdnBuild } from './site.ts';
import { warsawDate } from '../../src/i18n/calendar.ts';
import { Steps } from './steps.ts';

ensureCdnBuild(REPO_ROOT);
const dir = mkdtempSync(join(tmpdir(), 'ebok-selftest-'));
// DATABASE_URL: on a real PostgreSQL instead, in a new database created (and dropped) for this run.
const database = process.env.DATABASE_URL ? await createTestDatabase(process.env.DATABASE_URL) : undefined;
if (database) console.log(`PostgreSQL: database ${database.name}`);
const server = await createServer({ port: 0, dataDir: dir, serveSite: true, databaseUrl: database?.url, testHooks: true });
const api = `${server.url}/api/v1`;
const steps = new Steps();
const step = steps.step.bind(steps);

interface Client {
  cookie: string;
  csrf: string;
}

async function call(method: string, path: string, client?: Client | null, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const h: Record<string, string> = { ...headers };
  if (client) {
    h.Cookie = client.cookie;
    if (method !== 'GET') h['X-CSRF-Token'] = client.csrf;
  }
  if (body !== undefined) h['Content-Type'] = 'application/json';
  const res = await fetch(`${api}${path}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text && res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: res.headers };
}

async function login(email: string, password = DEMO_PASSWORD): Promise<Client> {
  const res = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ identifier: email, password }) });
  assert.equal(res.status, 200, `login ${email}`);
  const body = (await res.json()) as { session: { csrfToken: string } };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { cookie, csrf: body.session.csrfToken };
}

const amount = (b: Record<string, unknown>, key: string) => (b[key] as { amount: string }).amount;

/** A GET as sent, without fetch's decoding: the status, the headers and the bytes on the wire. */
function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((ok, fail) => {
    httpGet(`${server.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    }).on('error', fail);
  });
}

try {
  await step('balances of the demo customers', async () => {
    const e = (await call('GET', '/balance', await login('energia@example.com'))).body;
    assert.ok(Number(amount(e, 'balance')) > 0 && Number(amount(e, 'overdue')) > 0 && e.overdueCount === 1);
    const g = (await call('GET', '/balance', await login('gaz@example.com'))).body;
    assert.ok(Number(amount(g, 'balance')) < 0 && Number(amount(g, 'unallocatedPayments')) > Number(amount(g, 'openDocumentsTotal')));
    const w = (await call('GET', '/balance', await login('woda@example.com'))).body;
    assert.equal(amount(w, 'balance'), '0.00');
  });

  await step('keyset pages of 10,000 documents', async () => {
    const f = await login('firma@example.com');
    const first = (await call('GET', '/documents?limit=100', f)).body as { items: { id: string }[]; nextCursor: string; total: number };
    assert.equal(first.total, 10000);
    const t = performance.now();
    const second = (await call('GET', `/documents?limit=100&cursor=${encodeURIComponent(first.nextCursor)}`, f)).body as { items: { id: string }[] };
    assert.ok(performance.now() - t < 1500, 'second page is fast');
    assert.equal(new Set([...first.items, ...second.items].map((d) => d.id)).size, 200);
    assert.equal((await call('GET', `/documents?limit=100&status=paid&cursor=${encodeURIComponent(first.nextCursor)}`, f)).status, 422);
    // Leaving `sort` out is sending its default: the cursor holds for sort=-issueDate, not for another sort.
    const explicit = (await call('GET', `/documents?limit=100&sort=-issueDate&cursor=${encodeURIComponent(first.nextCursor)}`, f)).body as { items: { id: string }[] };
    assert.deepEqual(explicit.items.map((d) => d.id), second.items.map((d) => d.id));
    assert.equal((await call('GET', `/documents?limit=100&sort=-amount&cursor=${encodeURIComponent(first.nextCursor)}`, f)).status, 422);
    const byAmount = (await call('GET', '/documents?limit=100&sort=-amount', f)).body as { nextCursor: string };
    const t2 = performance.now();
    assert.equal((await call('GET', `/documents?limit=100&sort=-amount&cursor=${encodeURIComponent(byAmount.nextCursor)}`, f)).status, 200);
    assert.ok(performance.now() - t2 < 1500, 'a page by amount is fast');
  });

  await step('documents: every sort and filter pages through each match exactly once, in order, with the right total', async () => {
    const f = await login('firma@example.com');
    // The oracle: the rows as stored, filtered and ordered here by the contract's rules. Ties on a date go
    // by id in the database's own collation (the rank of each id in `ORDER BY id`).
    interface Doc { id: string; number: string; type: string; issue: string; due: string; gross: number; paid: number; points: string[]; rank: number }
    const all = (
      await server.db.query<{ id: string; number: string; type: string; issue: string; due: string; gross: string; paid: string; point_ids: string[] }>(
        "SELECT id, number, type, to_char(issue_date, 'YYYY-MM-DD') AS issue, to_char(due_date, 'YYYY-MM-DD') AS due, gross::text AS gross, paid::text AS paid, point_ids FROM documents WHERE customer_id = 'cust_firma' ORDER BY id",
      )
    ).map((r, rank): Doc => ({ id: r.id, number: r.number, type: r.type, issue: r.issue, due: r.due, gross: Math.round(Number(r.gross) * 100), paid: Math.round(Number(r.paid) * 100), points: r.point_ids, rank }));
    assert.equal(all.length, 10000);
    const today = warsawDate(new Date());
    const statusOf = (d: Doc) => (d.gross - d.paid <= 0 ? 'paid' : d.due < today ? 'overdue' : d.paid > 0 ? 'partially_paid' : 'unpaid');
    type Query = { sort?: string; status?: string[]; type?: string[]; from?: string; to?: string; pointId?: string; q?: string; limit?: number };
    const expected = (query: Query): string[] => {
      const sort = query.sort ?? '-issueDate';
      const dir = sort.startsWith('-') ? -1 : 1;
      const cmp = (x: string | number, y: string | number) => (x < y ? -1 : x > y ? 1 : 0);
      // Amounts: equal amounts by issue date newest first, then id descending, whichever way the amount runs.
      const order = sort.endsWith('amount')
        ? (a: Doc, b: Doc) => dir * cmp(a.gross, b.gross) || -cmp(a.issue, b.issue) || b.rank - a.rank
        : (a: Doc, b: Doc) => {
            const key = sort.endsWith('ssueDate') ? 'issue' : 'due';
            return dir * (cmp(a[key], b[key]) || a.rank - b.rank);
          };
      return all
        .filter((d) => (!query.status || query.status.includes(statusOf(d))) && (!query.type || query.type.includes(d.type)))
        .filter((d) => (!query.from || d.issue >= query.from) && (!query.to || d.issue <= query.to) && (!query.pointId || d.points.includes(query.pointId)))
        .filter((d) => !query.q || d.number.toLowerCase().includes(query.q.toLowerCase()))
        .sort(order)
        .map((d) => d.id);
    };
    const walk = async (query: Query): Promise<void> => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries({ limit: 100, ...query })) for (const one of [v].flat()) params.append(k, String(one));
      const search = params.toString();
      const want = expected(query);
      const got: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await call('GET', `/documents?${search}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, f);
        assert.equal(res.status, 200, `${search} page ${pages + 1}: ${JSON.stringify(res.body).slice(0, 200)}`);
        const body = res.body as { items: { id: string }[]; nextCursor: string | null; total?: number };
        if (pages === 0) assert.equal(body.total, want.length, `${search}: total`);
        else assert.equal(body.total, undefined, `${search}: total on the first page only`);
        assert.ok(body.items.length <= (query.limit ?? 100));
        got.push(...body.items.map((d) => d.id));
        cursor = body.nextCursor;
        pages++;
        if (cursor) assert.equal(body.items.length, query.limit ?? 100, `${search}: a page before the last one is full`);
        assert.ok(pages <= 200, `${search}: no end`);
      } while (cursor);
      assert.equal(got.length, want.length, `${search}: ${got.length} documents, expected ${want.length}`);
      assert.deepEqual(got, want, `${search}: order`);
    };
    const point = (await server.db.query<{ id: string }>("SELECT id FROM points WHERE customer_id = 'cust_firma' ORDER BY id LIMIT 1"))[0]!.id;
    const open = ['unpaid', 'overdue', 'partially_paid'];
    for (const sort of ['-issueDate', 'issueDate', '-dueDate', 'dueDate', '-amount', 'amount']) await walk({ sort });
    await walk({ sort: 'amount', limit: 7, type: ['correction', 'interest_note'] });
    await walk({ sort: '-amount', status: open, limit: 5 });
    await walk({ sort: 'amount', pointId: point, from: '2025-01-01', limit: 33 });
    await walk({ status: open });
    await walk({ status: open, sort: 'dueDate', limit: 5 });
    await walk({ status: ['paid'], sort: 'issueDate' });
    await walk({ status: ['paid', 'overdue'], type: ['invoice'], pointId: point, sort: '-dueDate' });
    await walk({ type: ['correction', 'interest_note'], sort: '-dueDate', limit: 7 });
    await walk({ pointId: point, sort: 'issueDate', limit: 33 });
    await walk({ from: '2025-03-01', to: '2025-08-31' });
    await walk({ from: '2025-06-01', to: '2025-06-01', sort: 'dueDate', limit: 3 });
    const number = all[1234]!.number;
    await walk({ q: number.slice(-5) });
    await walk({ q: number.slice(0, 4).toUpperCase(), sort: 'dueDate', from: '2025-01-01' });
    for (const q of ['%', '_', '\\', 'nie-ma-takiego']) await walk({ q });
    await walk({ status: open, q: 'nie-ma-takiego', sort: 'issueDate' });
  });

  await step('documents: total follows every change of a document (no stale count from the cache)', async () => {
    const f = await login('firma@example.com');
    const totalOf = async (query: string) => ((await call('GET', `/documents?limit=1&${query}`, f)).body as { total: number }).total;
    const paidBefore = await totalOf('status=paid');
    const allBefore = await totalOf('');
    const doc = (await server.db.query<{ id: string; paid: string }>("SELECT id, paid::text AS paid FROM documents WHERE customer_id = 'cust_firma' AND gross - paid > 0 ORDER BY id LIMIT 1"))[0]!;
    assert.equal(await totalOf('status=paid'), paidBefore, 'the same answer again (from the cache)');
    await server.db.query('UPDATE documents SET paid = gross WHERE id = $1', [doc.id]);
    assert.equal(await totalOf('status=paid'), paidBefore + 1);
    assert.equal(await totalOf(''), allBefore);
    await server.db.query('UPDATE documents SET paid = $2 WHERE id = $1', [doc.id, doc.paid]);
    assert.equal(await totalOf('status=paid'), paidBefore);
    await server.db.query("INSERT INTO documents (id, customer_id, number, type, issue_date, due_date, net, vat, gross) VALUES ('doc_selftest_x', 'cust_firma', 'FV/SELFTEST/1', 'invoice', '2020-01-01', '2020-01-15', 1, 0.23, 1.23)");
    assert.equal(await totalOf(''), allBefore + 1);
    await server.db.query("DELETE FROM documents WHERE id = 'doc_selftest_x'");
    assert.equal(await totalOf(''), allBefore);
  });

  await step('documents: bad input is a problem answer, never a 500', async () => {
    const f = await login('firma@example.com');
    const first = (await call('GET', '/documents?limit=2', f)).body as { nextCursor: string };
    const { h } = JSON.parse(Buffer.from(first.nextCursor, 'base64url').toString()) as { h: string };
    const forged = (d: unknown) => encodeURIComponent(Buffer.from(JSON.stringify({ h, d })).toString('base64url'));
    const amountFirst = (await call('GET', '/documents?limit=2&sort=amount', f)).body as { nextCursor: string };
    const { h: hAmount } = JSON.parse(Buffer.from(amountFirst.nextCursor, 'base64url').toString()) as { h: string };
    const forgedAmount = (d: unknown) => encodeURIComponent(Buffer.from(JSON.stringify({ h: hAmount, d })).toString('base64url'));
    const cases: [string, number, string][] = [
      ['cursor=not-a-cursor', 422, 'cursor'],
      [`cursor=${forged(['2025-13-45', 'doc_x'])}`, 422, 'cursor'],
      [`cursor=${forged(['0000-01-01', 'doc_x'])}`, 422, 'cursor'],
      [`cursor=${forged(['2025-01-01', 5])}`, 422, 'cursor'],
      [`cursor=${forged(['2025-01-01'])}`, 422, 'cursor'],
      ['sort=gross', 422, 'sort'],
      ['sort=AMOUNT', 422, 'sort'],
      [`sort=amount&cursor=${encodeURIComponent(first.nextCursor)}`, 422, 'cursor'],
      [`sort=amount&cursor=${encodeURIComponent(amountFirst.nextCursor)}&status=paid`, 422, 'cursor'],
      [`sort=-amount&cursor=${encodeURIComponent(amountFirst.nextCursor)}`, 422, 'cursor'],
      [`sort=amount&cursor=${forgedAmount(['12.3', '2025-01-01', 'doc_x'])}`, 422, 'cursor'],
      [`sort=amount&cursor=${forgedAmount(['1e9', '2025-01-01', 'doc_x'])}`, 422, 'cursor'],
      [`sort=amount&cursor=${forgedAmount(['12.30', '2025-02-30', 'doc_x'])}`, 422, 'cursor'],
      [`sort=amount&cursor=${forgedAmount(['2025-01-01', 'doc_x'])}`, 422, 'cursor'],
      ['sort=-gross', 422, 'sort'],
      ['status=bogus', 422, 'status'],
      ['type=receipt', 422, 'type'],
      ['from=0000-01-01', 422, 'from'],
      ['to=0000-12-31', 422, 'to'],
      ['from=2025-02-30', 422, 'from'],
      ['from=99999-01-01', 422, 'from'],
      ['from=2025-05-01&to=2025-04-30', 422, 'to'],
      ['limit=0', 422, 'limit'],
      ['limit=101', 422, 'limit'],
      ['limit=abc', 422, 'limit'],
      [`q=${'x'.repeat(65)}`, 422, 'q'],
      ['pointId=pt_e_0001', 404, ''],
      ['pointId=pt_nie_ma', 404, ''],
    ];
    for (const [query, status, field] of cases) {
      const res = await call('GET', `/documents?limit=2&${query}`, f);
      assert.equal(res.status, status, `${query}: ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, query);
      if (field) assert.ok((res.body.fields as { field: string }[]).some((x) => x.field === field), `${query}: fields ${JSON.stringify(res.body.fields)}`);
    }
  });

  await step('a request moves the idle expiry on (a burst of them writes it once a second)', async () => {
    const e = await login('energia@example.com');
    await server.db.query("UPDATE sessions SET idle_expires_at = now() + interval '60 seconds'");
    assert.equal((await call('GET', '/balance', e)).status, 200);
    const row = (await server.db.query<{ left: number }>('SELECT EXTRACT(EPOCH FROM idle_expires_at - now())::int AS left FROM sessions ORDER BY idle_expires_at DESC LIMIT 1'))[0]!;
    assert.ok(row.left > 600, `idle expiry ${row.left} s ahead`);
  });

  await step('PDF download', async () => {
    const e = await login('energia@example.com');
    const res = await fetch(`${api}/documents/doc_energia_0001/pdf`, { headers: { Cookie: e.cookie } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="/);
    assert.equal(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
  });

  await step('test hooks: absent without the demo/test switch, and for loopback clients only with it', async () => {
    const off = pagesApp({ testHooks: false } as AppState);
    for (const path of ['/outbox', '/api/test/outbox?to=energia@example.com', '/sandbox/consultant', '/sandbox/terms']) assert.equal((await off.request(path)).status, 404, path);
    assert.equal((await off.request('/api/test/reset-throttles', { method: 'POST' })).status, 404);
    // With the switch, a client that is not this computer (no loopback socket here) is refused.
    const on = pagesApp({ testHooks: true } as AppState);
    assert.equal((await on.request('/outbox')).status, 403);
    assert.equal((await on.request('/api/test/reset-throttles', { method: 'POST' })).status, 403);
  });

  await step('payment: idempotent create, sandbox approve, balance changes', async () => {
    const e = await login('energia@example.com');
    const body = { scope: 'balance', method: 'blik', returnUrl: `${server.url}/index.html` };
    const a = await call('POST', '/payments', e, body, { 'Idempotency-Key': 'selftest-pay-1' });
    const b = await call('POST', '/payments', e, body, { 'Idempotency-Key': 'selftest-pay-1' });
    assert.equal(a.status, 201);
    assert.equal(b.headers.get('idempotent-replayed'), 'true');
    assert.equal(a.body.id, b.body.id);
    assert.equal((await call('POST', '/payments', e, { ...body, method: 'card' }, { 'Idempotency-Key': 'selftest-pay-1' })).body.code, 'idempotency_key_reuse');
    // The sandbox page opens only with the key of the address the customer was given.
    const page = new URL(String(a.body.redirectUrl));
    const bare = await (await fetch(`${server.url}${page.pathname}`)).text();
    assert.doesNotMatch(bare, /Kwota do zapłaty/, 'without its key the page shows no payment');
    const guessed = await fetch(`${server.url}${page.pathname}/approve?key=wrong`, { method: 'POST', redirect: 'manual' });
    assert.notEqual(guessed.status, 303, 'a wrong key approves nothing');
    const res = await fetch(`${server.url}${page.pathname}/approve${page.search}`, { method: 'POST', redirect: 'manual' });
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', /ebok-payment-status=paid/);
    assert.equal((await call('GET', `/payments/${String(a.body.id)}`, e)).body.status, 'paid');
    assert.equal(amount((await call('GET', '/balance', e)).body, 'balance'), '0.00');
  });

  await step('signed out: GET /auth/session answers 204, also for a cookie whose session ended; personal data 401', async () => {
    const none = await call('GET', '/auth/session');
    assert.equal(none.status, 204);
    assert.equal(none.headers.get('cache-control'), 'no-store');
    const e = await login('energia@example.com');
    assert.equal((await call('POST', '/auth/logout', e)).status, 204);
    assert.equal((await call('GET', '/auth/session', e)).status, 204);
    assert.equal((await call('GET', '/balance', e)).status, 401);
    assert.equal((await call('GET', '/auth/session', null, undefined, { Authorization: 'Bearer unknown-token-0123456789' })).body.code, 'unauthenticated');
  });

  await step('CSRF token required with the cookie', async () => {
    const e = await login('energia@example.com');
    const res = await call('POST', '/auth/session/refresh', { ...e, csrf: 'wrong-token-wrong-token' });
    assert.equal(res.body.code, 'csrf_failed');
  });

  await step('no account enumeration: unknown, wrong password and locked answer alike, the lock notice too', async () => {
    const strip = (b: Record<string, unknown>) => JSON.stringify({ ...b, instance: undefined, lockedUntil: undefined });
    const attempt = (identifier: string, password = 'Whatever-123456') => call('POST', '/auth/login', null, { identifier, password });
    const unknown = await attempt('nobody@example.com');
    const wrong = await attempt('woda@example.com');
    assert.equal(unknown.status, 401);
    assert.equal(unknown.body.code, 'invalid_credentials');
    assert.equal(strip(unknown.body), strip(wrong.body));
    // The failure that locks the account (the fifth) already answers the notice, for the unknown string as well.
    for (let i = 2; i <= 5; i++) {
      const [u, k] = [await attempt('nobody@example.com'), await attempt('woda@example.com')];
      assert.deepEqual([u.status, u.body.code], [401, i < 5 ? 'invalid_credentials' : 'login_locked'], `unknown, failure ${i}`);
      assert.equal(strip(u.body), strip(k.body), `failure ${i}`);
    }
    const locked = await attempt('woda@example.com', DEMO_PASSWORD);
    const twin = await attempt('nobody@example.com', DEMO_PASSWORD);
    assert.deepEqual([locked.status, locked.body.code], [401, 'login_locked'], 'the right password of the locked account');
    assert.equal(strip(twin.body), strip(locked.body));
    const until = [locked.body.lockedUntil, twin.body.lockedUntil].map((v) => Date.parse(String(v)));
    assert.ok(until.every((ms) => ms > Date.now() + 13 * 60_000), `lockedUntil ${String(locked.body.lockedUntil)} about 15 min ahead`);
    assert.ok(Math.abs(until[0]! - until[1]!) <= 2000, 'the same deadline for both');
    assert.equal(locked.headers.get('retry-after'), twin.headers.get('retry-after'));
  });

  await step('password reset link works once', async () => {
    await call('POST', '/auth/password-reset', null, { identifier: 'gaz@example.com' });
    const mail = await server.outbox.latest('gaz@example.com');
    const token = new URL(mail!.links[0]!).searchParams.get('token')!;
    assert.equal((await call('POST', '/auth/password-reset/confirm', null, { token, newPassword: 'Nowe-Haslo-Gazu-2026' })).status, 204);
    assert.equal((await call('POST', '/auth/password-reset/confirm', null, { token, newPassword: 'Nowe-Haslo-Gazu-2027' })).body.code, 'token_used');
    await login('gaz@example.com', 'Nowe-Haslo-Gazu-2026');
    const used = await call('POST', '/auth/password-reset/check', null, { token });
    assert.deepEqual([used.status, used.body.code], [422, 'token_used'], 'a used link says so when checked');
  });

  await step('reset, reminder and activation resend: the answer runs the same statements for an account as for an unknown identifier; the e-mail follows it', async () => {
    // Deterministic where a stopwatch is not: the old answer's extra statements for an account (token, e-mail)
    // made it slower in most samples, but on a loaded machine by less than the noise of single samples. The
    // queue's worker runs in transactions (db.transaction), so what db.query sees here is the answer's own work.
    const statements = async (path: string, identifier: string): Promise<string[]> => {
      await server.db.query("DELETE FROM throttles WHERE key LIKE 'reset:%' OR key LIKE 'reminder:%' OR key LIKE 'activation:%'");
      const seen: string[] = [];
      const query = server.db.query.bind(server.db);
      server.db.query = (sql, params) => {
        seen.push(sql.replace(/\s+/g, ' '));
        return query(sql, params);
      };
      try {
        const answer = await call('POST', path, null, { identifier });
        assert.equal(answer.status, 202, `${path} ${identifier}`);
      } finally {
        server.db.query = query;
      }
      return seen;
    };
    for (const [path, subject, login] of [
      ['/auth/password-reset', 'Zmiana hasła do eBOK', 'energia@example.com'],
      ['/auth/login-reminder', 'Przypomnienie loginu do eBOK', 'energia@example.com'],
      ['/auth/activation/resend', 'Aktywuj konto w eBOK', 'nieaktywne@example.com'],
    ] as const) {
      const seen = new Set((await server.outbox.list()).map((m) => m.id));
      const known = await statements(path, login);
      const unknown = await statements(path, `nobody.${Date.now()}@example.com`);
      assert.deepEqual(known, unknown, `${path}: the same statements for an account and for an unknown identifier`);
      assert.ok(!known.some((sql) => /\busers\b|auth_tokens|outbox/.test(sql)), `${path}: the answer neither looks the account up nor mails: ${known.join('; ')}`);
      const sent = (await server.outbox.list()).filter((m) => !seen.has(m.id));
      assert.deepEqual(sent.map((m) => [m.to, m.subject]), [[login, subject]], `${path}: one e-mail, to the account, after the answer`);
    }
  });

  await step('a queued e-mail outlives its request: left queued (a crash after the 202), it is sent; a replayed request queues nothing', async () => {
    await server.db.query("INSERT INTO mail_jobs (kind, identifier) VALUES ('reminder', 'GAZ@example.com ')");
    assert.equal((await server.outbox.latest('gaz@example.com'))?.subject, 'Przypomnienie loginu do eBOK');
    assert.equal((await server.db.query('SELECT 1 FROM mail_jobs')).length, 0, 'nothing left queued');
    await fetch(`${server.url}/api/test/reset-throttles`, { method: 'POST' });
    const count = async () => (await server.outbox.list('firma@example.com')).length;
    const before = await count();
    const key = { 'Idempotency-Key': `selftest-reset-${Date.now()}` };
    const first = await call('POST', '/auth/password-reset', null, { identifier: 'firma@example.com' }, key);
    const again = await call('POST', '/auth/password-reset', null, { identifier: 'firma@example.com' }, key);
    assert.deepEqual([first.status, again.status, again.headers.get('idempotent-replayed')], [202, 202, 'true']);
    assert.equal((await count()) - before, 1, 'one e-mail for one key');
  });

  await step('a reset link is checked without spending it: usable, replaced, expired, unknown, malformed', async () => {
    await call('POST', '/auth/password-reset', null, { identifier: 'firma@example.com' });
    const first = new URL((await server.outbox.latest('firma@example.com'))!.links[0]!).searchParams.get('token')!;
    for (let i = 0; i < 2; i++) {
      const ok = await call('POST', '/auth/password-reset/check', null, { token: first });
      assert.equal(ok.status, 200, 'usable, and checking twice spends nothing');
      assert.ok(new Date(String(ok.body.expiresAt)).getTime() > Date.now() + 50 * 60_000, `expiresAt ${String(ok.body.expiresAt)} about an hour ahead`);
      assert.match(String(ok.body.maskedEmail), /^f\*+a@/);
      assert.equal(ok.headers.get('cache-control'), 'no-store');
    }
    await call('POST', '/auth/password-reset', null, { identifier: 'firma@example.com' });
    const second = new URL((await server.outbox.latest('firma@example.com'))!.links[0]!).searchParams.get('token')!;
    assert.equal((await call('POST', '/auth/password-reset/check', null, { token: first })).body.code, 'token_expired', 'a link replaced by a newer one');
    assert.equal((await call('POST', '/auth/password-reset/check', null, { token: second })).status, 200);
    await server.db.query("UPDATE auth_tokens SET expires_at = now() - interval '1 second' WHERE purpose = 'reset' AND used_at IS NULL AND invalidated_at IS NULL");
    assert.equal((await call('POST', '/auth/password-reset/check', null, { token: second })).body.code, 'token_expired', 'a link past its lifetime');
    assert.equal((await call('POST', '/auth/password-reset/check', null, { token: 'rst_0000000000000000000000' })).body.code, 'token_invalid_or_expired');
    assert.equal((await call('POST', '/auth/activation/check', null, { token: first })).body.code, 'token_invalid_or_expired', 'a reset token is no activation token');
    // Bad input gets the contract's 400 / 422, never a 500.
    const short = await call('POST', '/auth/password-reset/check', null, { token: 'abc' });
    assert.deepEqual([short.status, short.body.code], [422, 'validation_failed']);
    assert.equal((await call('POST', '/auth/password-reset/check', null, { token: first, extra: 1 })).status, 422);
    assert.equal((await call('POST', '/auth/activation/check', null, {})).status, 422);
    assert.equal((await call('POST', '/auth/activation/check', null, { token: 1234567890123456 })).status, 422);
    assert.equal((await call('POST', '/auth/activation/check', null, 'x'.repeat(40))).status, 422);
    const notJson = await fetch(`${api}/auth/password-reset/check`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"token":' });
    assert.equal(notJson.status, 400);
    const noType = await fetch(`${api}/auth/activation/check`, { method: 'POST', body: 'token=abc' });
    assert.equal(noType.status, 400);
    const get = await fetch(`${api}/auth/password-reset/check`);
    assert.equal(get.status, 405, 'no GET: the token stays out of URLs');
    assert.equal(get.headers.get('allow'), 'POST, OPTIONS');
  });

  await step('SMS second factor', async () => {
    const first = await call('POST', '/auth/login', null, { identifier: '2fa@example.com', password: DEMO_PASSWORD });
    assert.equal(first.body.status, 'mfa_required');
    const sms = (await server.outbox.list('+48609876543'))[0]!;
    const res = await call('POST', '/auth/mfa/verify', null, { challengeId: first.body.challengeId, code: sms.code });
    assert.equal(res.body.status, 'signed_in');
    assert.match(res.headers.get('set-cookie') ?? '', /ebok_session=.*HttpOnly/);
  });

  await step('concurrent duplicate with the same Idempotency-Key: one payment, the other 409 or replay', async () => {
    const f = await login('firma@example.com');
    const body = { scope: 'balance', amount: { amount: '100.00', currency: 'PLN' }, returnUrl: `${server.url}/` };
    const [a, b] = await Promise.all([1, 2].map(() => call('POST', '/payments', f, body, { 'Idempotency-Key': 'selftest-concurrent' })));
    const statuses = [a!.status, b!.status].sort();
    assert.ok(statuses[0] === 201 && (statuses[1] === 409 || statuses[1] === 201), `statuses ${statuses.join(',')}`);
    const list = (await call('GET', '/payments?limit=5', f)).body as { items: { amount: { amount: string }; status: string }[] };
    assert.equal(list.items.filter((p) => p.status === 'pending' && p.amount.amount === '100.00').length, 1);
  });

  await step('idempotency: a claim a crashed server left is taken over after its window, the work runs once and replays', async () => {
    const f = await login('firma@example.com');
    const firma = (await server.db.query<{ id: string; customer_id: string }>("SELECT id, customer_id FROM users WHERE email = 'firma@example.com'"))[0]!;
    const doc = (
      await server.db.query<{ id: string }>(
        "SELECT d.id FROM documents d WHERE d.customer_id = $1 AND d.gross > d.paid AND d.gross - d.paid < 1000 AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.status = 'pending' AND d.id = ANY(p.document_ids)) ORDER BY d.id LIMIT 1",
        [firma.customer_id],
      )
    )[0]!;
    const body = { scope: 'documents', documentIds: [doc.id], returnUrl: `${server.url}/` };
    const key = 'selftest-crashed-claim';
    // What a server that died while running this request leaves behind: the claim, and no work.
    const hash = createHash('sha256').update(`POST /api/v1/payments\n${JSON.stringify(body)}`).digest('base64url');
    await server.db.query("INSERT INTO idempotency_keys (scope, key, request_hash, state, created_at) VALUES ($1, $2, $3, 'running', now() - interval '5 minutes')", [`user:${firma.id}`, key, hash]);
    const first = await call('POST', '/payments', f, body, { 'Idempotency-Key': key });
    assert.equal(first.status, 201, `the retry runs the work: ${JSON.stringify(first.body)}`);
    const again = await call('POST', '/payments', f, body, { 'Idempotency-Key': key });
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.body.id, first.body.id);
    const stored = (await server.db.query<{ state: string; status: number }>('SELECT state, status FROM idempotency_keys WHERE scope = $1 AND key = $2', [`user:${firma.id}`, key]))[0]!;
    assert.deepEqual([stored.state, stored.status], ['done', 201]);
    const pending = await server.db.query("SELECT 1 FROM payments WHERE status = 'pending' AND $1 = ANY(document_ids)", [doc.id]);
    assert.equal(pending.length, 1, 'one payment for the document');
  });

  await step('meter reading (multipart) and a ticket with an attachment checked by magic bytes', async () => {
    await fetch(`${server.url}/api/test/reset-throttles`, { method: 'POST' });
    const w = await login('woda@example.com');
    const ctx = (await call('GET', '/points/pt_w_0001/reading-context', w)).body as { registers: { registerId: string; allowedRange: { min: string } }[] };
    const reg = ctx.registers[0]!;
    const form = new FormData();
    form.set('payload', new Blob([JSON.stringify({ values: [{ registerId: reg.registerId, value: reg.allowedRange.min }] })], { type: 'application/json' }));
    const res = await fetch(`${api}/points/pt_w_0001/readings`, { method: 'POST', headers: { Cookie: w.cookie, 'X-CSRF-Token': w.csrf, 'Idempotency-Key': 'selftest-reading' }, body: form });
    assert.equal(res.status, 201);
    const e = await login('energia@example.com');
    const t = new FormData();
    t.set('categoryId', 'cat_question');
    t.set('subject', 'Pytanie');
    t.set('message', 'Treść');
    t.append('attachments', new Blob(['<html>not a pdf</html>'], { type: 'application/pdf' }), 'faktura.pdf');
    const bad = await fetch(`${api}/tickets`, { method: 'POST', headers: { Cookie: e.cookie, 'X-CSRF-Token': e.csrf, 'Idempotency-Key': 'selftest-ticket' }, body: t });
    assert.equal(((await bad.json()) as { code: string }).code, 'attachment_type_not_allowed');
  });

  await step('registration and activation by the e-mailed link', async () => {
    const reg = await call('POST', '/auth/register', null, { pesel: '44051401359', customerNumber: '1200345678', email: 'stanislaw.zajac@example.com', password: 'Zielona-Herbata-7', consents: { terms: true, marketing: ['email'], eInvoice: true } }, { 'Idempotency-Key': 'selftest-register' });
    assert.equal(reg.status, 201);
    const mail = await server.outbox.latest('stanislaw.zajac@example.com');
    const token = new URL(mail!.links[0]!).searchParams.get('token')!;
    const check = await call('POST', '/auth/activation/check', null, { token });
    assert.equal(check.status, 200, 'the link checked before it is used');
    assert.match(String(check.body.maskedEmail), /^s\*+c@e\*+e\.com$/);
    assert.equal((await call('POST', '/auth/activate', null, { token })).status, 204);
    assert.equal((await call('POST', '/auth/activation/check', null, { token })).body.code, 'token_used');
    await login('44051401359', 'Zielona-Herbata-7');
  });

  await step("every link of every e-mail opens a page of the recipient's own utility, which gets that utility's portal", async () => {
    // The e-mails not sent yet: a login reminder, an "account exists" notice, a water customer's reset.
    await fetch(`${server.url}/api/test/reset-throttles`, { method: 'POST' });
    await call('POST', '/auth/login-reminder', null, { identifier: 'woda@example.com' });
    await call('POST', '/auth/password-reset', null, { identifier: 'woda@example.com' });
    await call('POST', '/auth/register', null, { pesel: '02211307589', customerNumber: '1', email: 'gaz@example.com', password: 'Zielona-Herbata-7', consents: { terms: true, marketing: [], eInvoice: false } }, { 'Idempotency-Key': 'selftest-register-again' });
    const owners = await server.db.query<{ email: string; utility_id: string }>('SELECT u.email, c.utility_id FROM users u JOIN customers c ON c.id = u.customer_id');
    const utilities = await server.db.query<{ id: string; config: { theme: string; utilityName: string } }>('SELECT id, config FROM utilities');
    const seen = new Set<string>();
    for (const mail of await server.outbox.list()) {
      const owner = owners.find((o) => o.email.toLowerCase() === mail.to.toLowerCase());
      const utility = utilities.find((u) => u.id === owner?.utility_id);
      for (const link of mail.links) {
        const url = new URL(link);
        assert.equal(url.origin, server.url, `${link} (“${mail.subject}”) is on the public origin`);
        assert.ok(!url.pathname.includes('reset-hasla'), link);
        const page = await raw(url.pathname, {});
        assert.equal(page.status, 200, `${link} (“${mail.subject}” to ${mail.to}) opens a page`);
        if (url.pathname.startsWith('/sandbox/')) continue; // the server's own e-mail confirmation page
        assert.ok(utility, `the recipient ${mail.to} of “${mail.subject}” is a customer`);
        assert.ok(page.body.toString().includes(`data-utility="${utility.config.theme}"`), `${link} (“${mail.subject}” to ${mail.to}) is a page of ${utility.config.utilityName}`);
        const config = await call('GET', '/portal-config', null, undefined, { Referer: link });
        assert.equal(config.body.utilityName, utility.config.utilityName, `${link} gets the portal (theme, password policy) of ${utility.config.utilityName}`);
        seen.add(`${utility.config.theme} ${mail.subject ?? ''}`);
      }
    }
    for (const wanted of ['gas Nowe logowanie do eBOK', 'water Nowe logowanie do eBOK', 'gas Zmiana hasła do eBOK', 'water Zmiana hasła do eBOK', 'water Przypomnienie loginu do eBOK', 'gas Próba rejestracji w eBOK', 'energy Aktywuj konto w eBOK']) {
      assert.ok(seen.has(wanted), `an e-mail “${wanted}” was checked (${[...seen].join('; ')})`);
    }
    // The login's "Załóż konto" of each utility opens its own registration page, with its own password policy.
    for (const u of utilities) {
      const home = (await raw(u.config.theme === 'energy' ? '/' : `/${u.config.theme}.html`, {})).body.toString();
      const register = /register-href="\.\/([\w-]+\.html)"/.exec(home)?.[1];
      assert.ok(register, `the ${u.config.utilityName} home page links its login to a registration page`);
      const page = await raw(`/${register}`, {});
      assert.ok(page.body.toString().includes(`data-utility="${u.config.theme}"`), `/${register} is a page of ${u.config.utilityName}`);
      const config = await call('GET', '/portal-config', null, undefined, { Referer: `${server.url}/${register}` });
      assert.equal(config.body.utilityName, u.config.utilityName, `/${register} gets the portal (password policy) of ${u.config.utilityName}`);
      // The tile's "Szczegóły salda" opens the utility's own invoices page, in its theme, with its header and menu.
      const documents = /<ebok-balance-tile[^>]*\shref="\.\/([\w-]+\.html)\?ebok-status=to-pay"/.exec(home)?.[1];
      assert.ok(documents, `the ${u.config.utilityName} tile links to its invoices page, at "to pay"`);
      const list = (await raw(`/${documents}`, {})).body.toString();
      assert.ok(list.includes(`data-utility="${u.config.theme}"`) && list.includes('<ebok-invoice-list'), `/${documents} is the invoices page of ${u.config.utilityName}`);
      assert.match(list, new RegExp(`<a href="#main" aria-current="page" data-en="Invoices">`), `/${documents} is the current page of its menu`);
      assert.ok(home.includes(`<a href="./${documents}" data-en="Invoices">`), `the ${u.config.utilityName} menu leads to /${documents}`);
      const listConfig = await call('GET', '/portal-config', null, undefined, { Referer: `${server.url}/${documents}` });
      assert.equal(listConfig.body.utilityName, u.config.utilityName, `/${documents} gets the portal (payments, cap) of ${u.config.utilityName}`);
    }
  });

  await step('the demo site: the built bundle, security headers on every page, brotli/gzip, caching', async () => {
    const pages = readdirSync(join(REPO_ROOT, 'demo')).filter((f) => f.endsWith('.html'));
    assert.ok(pages.length >= 6, 'demo pages found');
    for (const page of ['', ...pages]) {
      const res = await raw(`/${page}`, { 'Accept-Encoding': 'gzip, deflate, br' });
      assert.equal(res.status, 200, `/${page}`);
      assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
      assert.equal(res.headers['content-security-policy'], SITE_CSP.join('; '), `CSP of /${page}`);
      assert.match(String(res.headers['content-security-policy']), /script-src 'self'; style-src 'self';.*require-trusted-types-for 'script'; trusted-types lit-html/);
      assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['referrer-policy'], 'same-origin');
      assert.match(String(res.headers['permissions-policy']), /camera=\(\)/);
      assert.equal(res.headers['x-frame-options'], 'DENY');
      assert.equal(res.headers['cross-origin-opener-policy'], 'same-origin');
      assert.equal(res.headers['content-encoding'], 'br', `/${page} compressed`);
      const html = brotliDecompressSync(res.body).toString();
      assert.ok(html.includes(CDN_SCRIPT) && !html.includes('/src/'), `/${page} loads the CDN bundle, not the sources`);
      assert.match(html, /<link rel="icon" href="\.\/favicon\.svg"/);
      assert.ok(!html.includes('<!-- demo:') && html.includes('<header class="site-header">') && html.includes('<footer class="site-footer"'), `/${page} has its site's header and footer`);
    }
    const loader = await raw('/cdn/ebok-widgets.js', { 'Accept-Encoding': 'gzip' });
    assert.equal(loader.headers['content-encoding'], 'gzip');
    assert.equal(loader.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(loader.headers.vary, 'Accept-Encoding, Origin');
    const plain = await raw('/cdn/ebok-widgets.js');
    assert.equal(plain.headers['content-encoding'], undefined, 'no Accept-Encoding: no encoding');
    assert.deepEqual(gunzipSync(loader.body), plain.body);
    assert.ok(loader.body.length < plain.body.length * 0.7, 'gzip makes it smaller');
    const etag = String(plain.headers.etag);
    assert.equal((await raw('/cdn/ebok-widgets.js', { 'If-None-Match': etag })).status, 304, 'revalidation by ETag');
    assert.equal(plain.headers['cache-control'], 'no-cache');
    // The loader's table names each file of chunks/ without the folder and `.js`, after `+` (it has an English
    // part) and `-` (after the first frame); a chunk it imports itself by path is named in full.
    const code = plain.body.toString();
    const listed = [...code.matchAll(/`-?(\+?)([\w.-]+-[\w-]{7})`/g)].flatMap((m) => [`/chunks/${m[2]}.js`, ...(m[1] ? [`/chunks/${m[2]}.en.js`] : [])]);
    const imported = [...code.matchAll(/\.\/chunks\/[\w.-]+\.js/g)].map((m) => m[0].slice(1));
    const chunks = [...new Set([...listed, ...imported])];
    assert.ok(listed.length > 20, 'the loader names its chunks');
    assert.ok(chunks.some((chunk) => chunk.endsWith('.en.js')), 'and their English parts');
    let compressedChunks = 0;
    for (const chunk of chunks) {
      const part = await raw(`/cdn${chunk}`, { 'Accept-Encoding': 'br' });
      assert.equal(part.status, 200, chunk);
      assert.equal(part.headers['cache-control'], 'public, max-age=31536000, immutable');
      // Only files of a few hundred bytes go out as they are.
      if (part.headers['content-encoding'] === 'br') compressedChunks++;
      else assert.ok(part.body.length < 512, `${chunk} (${part.body.length} bytes) not compressed`);
    }
    assert.ok(compressedChunks > 0);
    assert.equal((await raw('/site.css', { 'Accept-Encoding': 'br' })).headers['content-encoding'], 'br');
    assert.equal((await raw('/favicon.svg')).headers['content-type'], 'image/svg+xml');
    assert.equal((await raw('/favicon.ico')).status, 200);
    const moved = await raw('/demo/gas.html?x=1');
    assert.deepEqual([moved.status, moved.headers.location], [301, '/gas.html?x=1'], 'the Vite-era addresses lead to the pages');
    const missing = await raw('/nie-ma.html');
    assert.equal(missing.status, 404);
    assert.equal(missing.headers['content-security-policy'], SITE_CSP.join('; '));
    for (const path of ['/src/all.ts', '/cdn/.vite/manifest.json', '/demo/server/app.ts', '/cdn/../package.json', '/package.json']) assert.equal((await raw(path)).status, 404, path);
    const api = await raw('/api/v1/portal-config', { 'Accept-Encoding': 'br' });
    assert.equal(api.headers['content-security-policy'], undefined, 'the API keeps its own headers');
    assert.equal(api.headers['content-encoding'], undefined);
  });

  await step("tariff change: another customer's point is not found; the utility's decision reaches the customer", async () => {
    const e = await login('energia@example.com');
    const k = await login('woda@example.com');
    const idem = { 'Idempotency-Key': `selftest-${Date.now()}` };
    assert.equal((await call('GET', '/points/pt_e_0002/tariff-options', k)).status, 404, 'options of another customer');
    assert.equal((await call('POST', '/points/pt_e_0002/tariff-change-requests', k, { tariff: 'G12' }, idem)).status, 404, 'a request at another customer');
    assert.equal((await call('GET', '/tariff-change-requests?pointId=pt_e_0002', k)).status, 404, 'the list of another customer');
    const created = await call('POST', '/points/pt_e_0002/tariff-change-requests', e, { tariff: 'G12' }, idem);
    assert.equal(created.status, 201);
    const id = String(created.body.id);
    const hook = await fetch(`${server.url}/api/test/tariff-decision?request=${id}&decision=accept&effectiveFrom=2020-01-01`, { method: 'POST' });
    assert.equal(hook.status, 200);
    const listed = (await call('GET', '/tariff-change-requests?pointId=pt_e_0002', e)).body.items as { id: string; status: string }[];
    assert.equal(listed.find((r) => r.id === id)?.status, 'effective', 'accepted from a past day is effective');
    assert.equal((await call('GET', '/points/pt_e_0002', e)).body.tariff, 'G12', "the point's tariff follows");
    const messages = (await call('GET', '/messages?limit=100', e)).body.items as { subject: string | null }[];
    assert.ok(messages.some((m) => m.subject?.includes('G12')), 'a portal message');
    const mail = (await (await fetch(`${server.url}/api/test/outbox?to=energia@example.com`)).json()) as { subject: string }[];
    assert.ok(mail.some((m) => m.subject.includes('Zmiana taryfy na G12')), 'an e-mail');
    await fetch(`${server.url}/api/test/undo-tariff-change?id=${id}`, { method: 'POST' });
    assert.equal((await call('GET', '/points/pt_e_0002', e)).body.tariff, 'G11', 'undone');
  });

  await step('idle timeout is enforced on the server', async () => {
    const e = await login('firma@example.com');
    await server.db.query("UPDATE sessions SET idle_expires_at = now() - interval '1 second'");
    assert.equal((await call('GET', '/balance', e)).body.code, 'session_expired');
  });
} finally {
  await server.close();
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
}
steps.finish('all passed');
