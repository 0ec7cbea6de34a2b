/**
 * Two server processes on one PostgreSQL behave as one: `DATABASE_URL=postgresql://… npx tsx demo/server/multi-check.ts`
 * creates a fresh database on that server (the role may create databases), starts two `main.ts --demo` processes
 * on it at once (they migrate and seed it once), and with requests split between them, one after another and all
 * at once, checks a lockout, a throttle, a session, and an Idempotency-Key. Fails loudly (exit 1); always stops
 * its processes and drops its database.
 */
import assert from 'node:assert/strict';
import pg from 'pg';
import { createTestDatabase } from './db.ts';
import { DEMO_PASSWORD } from './seed.ts';
import { call, freePort, hook, signIn, startInstance, stopInstance, type Answer, type Instance } from './instances.ts';
import { Steps } from './steps.ts';

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  console.error('multi-check: set DATABASE_URL to a PostgreSQL server (a role that may create databases).');
  process.exit(1);
}

const database = await createTestDatabase(adminUrl);
console.log(`PostgreSQL: database ${database.name}`);
const instances: Instance[] = [];
const client = new pg.Client({ connectionString: database.url });
const steps = new Steps();
const step = steps.step.bind(steps);

const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await client.query(sql, params)).rows as T[];
const wrong = (identifier: string) => ({ body: { identifier, password: 'Zle-Haslo-1234' } });

try {
  // Both at once on the empty database: one migrates and seeds, the other waits and finds it done. Both are
  // one site for their clients, as behind a load balancer: one public origin (links, payment return addresses).
  const ports = [await freePort(), await freePort()] as const;
  const env = { DATABASE_URL: database.url, EBOK_PUBLIC_ORIGIN: `http://localhost:${ports[0]}` };
  instances.push(...(await Promise.all([startInstance('A', env, ports[0]), startInstance('B', env, ports[1])])));
  const [a, b] = instances as [Instance, Instance];
  await client.connect();
  console.log(`A ${a.url}, B ${b.url}`);

  await step('started together on an empty database, they migrated and seeded it once', async () => {
    const users = await query<{ n: number }>("SELECT COUNT(*)::int AS n FROM users WHERE email = 'energia@example.com'");
    assert.equal(users[0]!.n, 1);
    const migrations = await query<{ n: number; d: number }>('SELECT COUNT(*)::int AS n, COUNT(DISTINCT version)::int AS d FROM schema_migrations');
    assert.equal(migrations[0]!.n, migrations[0]!.d);
  });

  /** Wrong passwords sent to `servers` in turn until the account is locked (read in the database): how many. */
  async function failuresUntilLocked(email: string, servers: Instance[]): Promise<number> {
    await hook(a, 'POST', 'reset-throttles');
    for (let n = 1; n <= 20; n++) {
      const answer = await call(servers[(n - 1) % servers.length]!, 'POST', '/auth/login', wrong(email));
      assert.equal(answer.status, 401, `wrong password ${n}: ${answer.status} ${JSON.stringify(answer.body)}`);
      const row = (await query<{ locked: boolean }>('SELECT locked_until > now() AS locked FROM users WHERE email = $1', [email]))[0]!;
      if (row.locked) return n;
    }
    throw new Error(`${email} never locked`);
  }

  await step('a lockout: wrong passwords alternating between the processes lock the account at the same count as on one, and it holds on both', async () => {
    const one = await failuresUntilLocked('energia@example.com', [a]);
    const two = await failuresUntilLocked('energia@example.com', [a, b]);
    assert.equal(two, one, `locked after ${two} failures on two processes, ${one} on one`);
    for (const server of [a, b]) {
      const right = await call(server, 'POST', '/auth/login', { body: { identifier: 'energia@example.com', password: DEMO_PASSWORD } });
      assert.equal(right.status, 401, `the right password on ${server.name} while locked: ${right.status}`);
    }
  });

  await step('a lockout under concurrent failures on both processes: locked once, one e-mail, refused on both', async () => {
    await hook(a, 'POST', 'reset-throttles');
    const email = 'gaz@example.com';
    const since = (await query<{ now: Date }>('SELECT now() AS now'))[0]!.now;
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => call(instances[i % 2]!, 'POST', '/auth/login', wrong(email))));
    for (const answer of answers) assert.ok(answer.status === 401 || answer.status === 429, `a wrong password: ${answer.status}`);
    const row = (await query<{ locked: boolean; failed_logins: number }>('SELECT locked_until > now() AS locked, failed_logins FROM users WHERE email = $1', [email]))[0]!;
    assert.ok(row.locked, 'the account is locked');
    const links = await query<{ n: number }>("SELECT COUNT(*)::int AS n FROM auth_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = $1 AND t.purpose = 'reset' AND t.created_at >= $2", [email, since]);
    assert.equal(links[0]!.n, 1, 'one unlock link e-mailed, not one per process or per failure');
    for (const server of [a, b]) {
      const right = await call(server, 'POST', '/auth/login', { body: { identifier: email, password: DEMO_PASSWORD } });
      assert.notEqual(right.status, 200, `the right password on ${server.name} while locked`);
    }
  });

  await step('a throttle: failures for one identifier counted across both processes, the limit holds on both', async () => {
    await hook(b, 'POST', 'reset-throttles');
    const identifier = `nikt-${Date.now()}@example.com`;
    let n = 0;
    let last: Answer | undefined;
    for (; n < 30; n++) {
      last = await call(instances[n % 2]!, 'POST', '/auth/login', wrong(identifier));
      if (last.status !== 401) break;
    }
    assert.equal(last?.status, 429, `the throttle answers 429 (got ${last?.status} after ${n})`);
    assert.ok(Number(last.headers.get('retry-after')) > 0, 'with Retry-After');
    const single = n;
    for (const server of [a, b]) assert.equal((await call(server, 'POST', '/auth/login', wrong(identifier))).status, 429, `${server.name} throttles it too`);
    // All at once on both: no failure is lost (the count in the database is the number of failures answered).
    await hook(a, 'POST', 'reset-throttles');
    const other = `nikt-${Date.now()}-2@example.com`;
    const answers = await Promise.all(Array.from({ length: 16 }, (_, i) => call(instances[i % 2]!, 'POST', '/auth/login', wrong(other))));
    const counted = answers.filter((x) => x.status === 401).length;
    const row = (await query<{ count: number }>('SELECT count FROM throttles WHERE key = $1', [`login:id:${other}`]))[0];
    assert.equal(row?.count, counted, `${counted} failures answered 401, ${row?.count} counted`);
    assert.ok(counted >= single, `${counted} failures before the throttle, fewer than ${single}`);
    for (const server of [a, b]) assert.equal((await call(server, 'POST', '/auth/login', wrong(other))).status, 429, `${server.name} throttles after the burst`);
    await hook(a, 'POST', 'reset-throttles');
  });

  await step('a session made on one process is valid on the other, and a logout on one ends it on both', async () => {
    const session = await signIn(a, 'woda@example.com');
    const onB = await call(b, 'GET', '/auth/session', { session });
    assert.equal(onB.status, 200, `the session on B: ${onB.status}`);
    assert.equal((onB.body.user as { email: string }).email, 'woda@example.com');
    const profile = await call(b, 'GET', '/customer/profile', { session });
    assert.equal(profile.status, 200, 'a signed-in operation on B');
    assert.equal((await call(b, 'POST', '/auth/logout', { session })).status, 204, 'logout on B');
    for (const server of [a, b]) {
      assert.equal((await call(server, 'GET', '/auth/session', { session })).status, 204, `no session on ${server.name} after the logout`);
      assert.equal((await call(server, 'GET', '/customer/profile', { session })).status, 401, `signed out on ${server.name}`);
    }
  });

  /**
   * One Idempotency-Key sent to both processes at once, `copies` times each: answers until none is "in progress"
   * (each copy retried as a client would after Retry-After), then one more, which must be a replay.
   */
  async function sameKeyOnBoth(send: (server: Instance) => Promise<Answer>, copies = 3): Promise<{ answers: Answer[]; replay: Answer }> {
    const settle = async (server: Instance): Promise<Answer> => {
      for (let attempt = 0; attempt < 40; attempt++) {
        const answer = await send(server);
        if (answer.status !== 409 || answer.body.code !== 'idempotency_in_progress') return answer;
        await new Promise((ok) => setTimeout(ok, 250));
      }
      throw new Error('still in progress after 10 s');
    };
    const answers = await Promise.all(Array.from({ length: copies * 2 }, (_, i) => settle(instances[i % 2]!)));
    return { answers, replay: await send(b) };
  }

  await step('one Idempotency-Key sent to both processes at once starts one payment, and replays it', async () => {
    const session = await signIn(a, 'firma@example.com');
    const customer = (await query<{ customer_id: string }>("SELECT customer_id FROM users WHERE email = 'firma@example.com'"))[0]!.customer_id;
    const docs = await query<{ id: string }>(
      "SELECT d.id FROM documents d WHERE d.customer_id = $1 AND d.gross > d.paid AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.status = 'pending' AND d.id = ANY(p.document_ids)) ORDER BY d.id LIMIT 3",
      [customer],
    );
    assert.ok(docs.length > 0, 'an open document');
    for (const [i, doc] of docs.entries()) {
      const key = `multi-pay-${Date.now()}-${i}`;
      const body = { scope: 'documents', documentIds: [doc.id], returnUrl: `${env.EBOK_PUBLIC_ORIGIN}/` };
      const { answers, replay } = await sameKeyOnBoth((server) => call(server, 'POST', '/payments', { session, body, headers: { 'Idempotency-Key': key } }));
      const ids = new Set(answers.map((x) => `${x.status} ${String(x.body.id)}`));
      assert.equal(ids.size, 1, `every copy gets the one answer: ${[...ids].join(', ')}`);
      assert.equal(answers[0]!.status, 201, JSON.stringify(answers[0]!.body));
      assert.equal(answers.filter((x) => x.headers.get('idempotent-replayed') !== 'true').length, 1, 'one copy ran, the others replayed');
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      assert.equal(replay.body.id, answers[0]!.body.id);
      const payments = await query<{ n: number }>('SELECT COUNT(*)::int AS n FROM payments WHERE $1 = ANY(document_ids)', [doc.id]);
      assert.equal(payments[0]!.n, 1, 'one payment of the document');
    }
  });

  await step('one Idempotency-Key sent to both processes at once files one ticket, and replays it', async () => {
    const session = await signIn(b, 'energia@example.com').catch(async () => {
      await hook(a, 'POST', 'reset-throttles');
      return signIn(b, 'energia@example.com');
    });
    const key = `multi-ticket-${Date.now()}`;
    const subject = `Dwa procesy ${key}`;
    const form = (): FormData => {
      const f = new FormData();
      f.set('categoryId', 'cat_question');
      f.set('subject', subject);
      f.set('message', 'Jedno zgłoszenie, choć wysłane do dwóch procesów naraz.');
      return f;
    };
    const { answers, replay } = await sameKeyOnBoth((server) => call(server, 'POST', '/tickets', { session, form: form(), headers: { 'Idempotency-Key': key } }));
    const ids = new Set(answers.map((x) => `${x.status} ${String(x.body.id)}`));
    assert.equal(ids.size, 1, `every copy gets the one answer: ${[...ids].join(', ')}`);
    assert.equal(answers[0]!.status, 201, JSON.stringify(answers[0]!.body));
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.body.id, answers[0]!.body.id);
    const tickets = await query<{ n: number }>('SELECT COUNT(*)::int AS n FROM tickets WHERE subject = $1', [subject]);
    assert.equal(tickets[0]!.n, 1, 'one ticket');
  });

  await step('a sign-in code: wrong codes sent to both processes at once use up its attempts, then the right one is refused on both', async () => {
    await hook(a, 'POST', 'reset-throttles');
    const login = await call(a, 'POST', '/auth/login', { body: { identifier: '2fa@example.com', password: DEMO_PASSWORD } });
    assert.equal(login.body.status, 'mfa_required', JSON.stringify(login.body));
    const challengeId = String(login.body.challengeId);
    const code = (await query<{ code: string }>('SELECT code FROM outbox WHERE code IS NOT NULL ORDER BY id DESC LIMIT 1'))[0]!.code;
    const wrongCode = code === '000000' ? '111111' : '000000';
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => call(instances[i % 2]!, 'POST', '/auth/mfa/verify', { body: { challengeId, code: wrongCode } })));
    for (const answer of answers) assert.notEqual(answer.status, 200, 'a wrong code');
    for (const server of [a, b]) {
      const right = await call(server, 'POST', '/auth/mfa/verify', { body: { challengeId, code } });
      assert.equal(right.body.code, 'mfa_expired', `the right code on ${server.name} after the attempts: ${right.status} ${JSON.stringify(right.body)}`);
    }
    await hook(a, 'POST', 'reset-throttles');
  });

  await step('new terms published through one process are asked for at a login on the other, and in its portal configuration', async () => {
    await hook(a, 'POST', 'reset-throttles');
    const published = (await (await hook(a, 'POST', 'terms-version?utility=energy')).json()) as { version: string };
    try {
      const config = await call(b, 'GET', '/portal-config?utility=electricity');
      assert.equal((config.body.terms as { version: string }).version, published.version, 'the portal configuration on B');
      const login = await call(b, 'POST', '/auth/login', { body: { identifier: 'energia@example.com', password: DEMO_PASSWORD } });
      assert.equal(login.body.status, 'terms_required', `a login on B: ${JSON.stringify(login.body)}`);
      assert.equal((login.body.terms as { version: string }).version, published.version);
    } finally {
      await hook(b, 'DELETE', 'terms-version?utility=energy');
    }
    const again = await call(a, 'POST', '/auth/login', { body: { identifier: 'energia@example.com', password: DEMO_PASSWORD } });
    assert.equal(again.body.status, 'signed_in', 'the first terms again on A, restored through B');
  });
} catch (error) {
  steps.fail('the checks could not go on', error);
} finally {
  await client.end().catch(() => undefined);
  await Promise.all(instances.map((i) => stopInstance(i)));
  if (steps.failures) for (const i of instances) console.log(`--- output of ${i.name} ---\n${i.output()}`);
  await database.drop();
}

steps.finish('Two processes on one PostgreSQL behave as one.', `${steps.failures} check(s) FAILED`);
