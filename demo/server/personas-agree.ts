/**
 * The two worlds of demo data agree: `npx tsx demo/server/personas-agree.ts` seeds a reference server on a fresh
 * data directory (demo/server/seed.ts, from the personas of demo/personas) and, for every persona, asks it and
 * the MSW mocks (stories/mocks, the same personas) the same questions at the same `now`: the balance, the
 * session's user and timeouts, the portal configuration, and what they are built from (profile, points,
 * contracts, documents, payments, reading contexts, tickets, messages, outages). Any difference fails, naming
 * the persona, the path and the first field that differs. Not part of the browser suite (it needs Node).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getResponse } from 'msw';
import { createServer } from './app.ts';
import { addDays, warsawDate } from '../../src/i18n/calendar.ts';
import { DEMO, createHandlers } from '../../stories/mocks/handlers.ts';
import { DEMO_LOGIN_KEYS, ONE_TIME_PASSWORD, persona, PERSONA_KEYS, type PersonaKey } from '../personas/index.ts';
import { Steps } from './steps.ts';

const dir = mkdtempSync(join(tmpdir(), 'ebok-agree-'));
const server = await createServer({ port: 0, dataDir: dir, testHooks: true });
const api = `${server.url}/api/v1`;
const MOCK_BASE = 'http://mock.test/api/v1';
const steps = new Steps();
const step = steps.step.bind(steps);

type Json = Record<string, unknown>;

/** The reference server, signed in with a real cookie. */
class ServerWorld {
  cookie = '';
  csrf = '';
  async login(identifier: string, password: string = DEMO.password): Promise<{ status: number; body: Json }> {
    const res = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ identifier, password }) });
    const body = (await res.json()) as Json;
    if (body.status === 'mfa_required') {
      const phone = persona('dwuetapowe').account?.phone ?? '';
      const sms = (await server.outbox.list(phone))[0];
      const verified = await fetch(`${api}/auth/mfa/verify`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ challengeId: body.challengeId, code: sms?.code }) });
      return this.keep(verified);
    }
    return this.keep(res, body);
  }
  private async keep(res: Response, known?: Json): Promise<{ status: number; body: Json }> {
    const body = known ?? ((await res.json()) as Json);
    const cookie = res.headers.get('set-cookie');
    if (cookie) this.cookie = cookie.split(';')[0] ?? '';
    const session = body.session as { csrfToken?: string } | undefined;
    if (session?.csrfToken) this.csrf = session.csrfToken;
    return { status: res.status, body };
  }
  async get(path: string): Promise<Json> {
    const res = await fetch(`${api}${path}`, { headers: { Cookie: this.cookie, 'Accept-Language': 'pl' } });
    return (await res.json()) as Json;
  }
}

/** The MSW mocks at a fixed `now`, without a service worker. */
class MockWorld {
  now = new Date();
  private readonly handlers = createHandlers({ base: MOCK_BASE, now: () => this.now });
  private async call(path: string, init?: RequestInit): Promise<{ status: number; body: Json }> {
    const res = await getResponse(this.handlers, new Request(`${MOCK_BASE}${path}`, init));
    if (!res) throw new Error(`the mocks do not answer ${path}`);
    return { status: res.status, body: (await res.json()) as Json };
  }
  async login(identifier: string, password: string = DEMO.password): Promise<{ status: number; body: Json }> {
    const answer = await this.call('/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ identifier, password }) });
    if (answer.body.status !== 'mfa_required') return answer;
    return this.call('/auth/mfa/verify', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ challengeId: DEMO.mfaChallengeId, code: DEMO.mfaCode }) });
  }
  async get(path: string): Promise<Json> {
    return (await this.call(path)).body;
  }
  async logout(): Promise<void> {
    await getResponse(this.handlers, new Request(`${MOCK_BASE}/auth/logout`, { method: 'POST' }));
  }
}

/** The first place two answers differ, as a path into the JSON. */
function firstDifference(a: unknown, b: unknown, at = ''): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${at || '/'}: server ${JSON.stringify(a)} ≠ mocks ${JSON.stringify(b)}`;
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const key of keys) {
    const d = firstDifference((a as Json)[key], (b as Json)[key], `${at}/${key}`);
    if (d) return d;
  }
  return undefined;
}

function same(what: string, server: unknown, mocks: unknown): void {
  const d = firstDifference(server, mocks);
  if (d) throw new Error(`${what} differs at ${d}`);
}

/**
 * The session without what differs by nature: the CSRF token (random on the server) and the deadlines'
 * instants. The gap between the two deadlines is compared in whole minutes: each world reads its clock at
 * its own moment (whole seconds), so the gap can differ by a second when a second boundary falls between.
 */
function sessionShape(session: unknown): Json {
  const s = session as { user: unknown; idleExpiresAt: string; absoluteExpiresAt: string; idleTimeoutSeconds: number; absoluteTimeoutSeconds: number };
  return {
    user: s.user,
    idleTimeoutSeconds: s.idleTimeoutSeconds,
    absoluteTimeoutSeconds: s.absoluteTimeoutSeconds,
    absoluteAfterIdleMinutes: Math.round((Date.parse(s.absoluteExpiresAt) - Date.parse(s.idleExpiresAt)) / 60_000),
  };
}

try {
  const seededDay = warsawDate(server.seededAt);
  assert.equal(seededDay, warsawDate(new Date()), 'seeded today (run again just after midnight)');

  for (const key of [...DEMO_LOGIN_KEYS] as PersonaKey[]) {
    const who = persona(key);
    const login = who.account!.login;
    await step(`${login}: balance, session, portal config and the data behind them agree`, async () => {
      const s = new ServerWorld();
      const m = new MockWorld();
      const [signedS, signedM] = [await s.login(login), await m.login(login)];
      assert.equal(signedS.status, 200, 'server sign-in');
      assert.equal(signedM.status, 200, 'mock sign-in');
      same('the session at sign-in', sessionShape(signedS.body.session), sessionShape(signedM.body.session));
      // The mocks answer at the instant the server says it answered (`asOf`, whole seconds).
      const balance = await s.get('/balance');
      m.now = new Date(balance.asOf as string);
      same('GET /balance', balance, await m.get('/balance'));
      same('GET /auth/session', sessionShape(await s.get('/auth/session')), sessionShape(await m.get('/auth/session')));
      same('GET /portal-config', await s.get('/portal-config'), await m.get('/portal-config'));
      same('GET /customer/profile', await s.get('/customer/profile'), await m.get('/customer/profile'));
      same('GET /customer/consents', await s.get('/customer/consents'), await m.get('/customer/consents'));
      same('GET /customer/notification-preferences', await s.get('/customer/notification-preferences'), await m.get('/customer/notification-preferences'));
      const points = await s.get('/points?limit=100');
      same('GET /points', points.items, (await m.get('/points?limit=100')).items);
      for (const point of points.items as { id: string }[]) {
        same(`GET /points/${point.id}/tariff-options`, await s.get(`/points/${point.id}/tariff-options`), await m.get(`/points/${point.id}/tariff-options`));
      }
      same('GET /tariff-change-requests', await s.get('/tariff-change-requests'), await m.get('/tariff-change-requests'));
      same('GET /contracts', (await s.get('/contracts?limit=100')).items, (await m.get('/contracts?limit=100')).items);
      const documents = await s.get('/documents?limit=100');
      const mockDocuments = await m.get('/documents?limit=100');
      same('GET /documents (total)', documents.total, mockDocuments.total);
      same('GET /documents (first 100)', documents.items, mockDocuments.items);
      const first = (documents.items as { id: string }[])[0];
      if (first) same(`GET /documents/${first.id}`, await s.get(`/documents/${first.id}`), await m.get(`/documents/${first.id}`));
      for (const sort of ['amount', '-amount']) {
        const [bySortS, bySortM] = [await s.get(`/documents?limit=100&sort=${sort}`), await m.get(`/documents?limit=100&sort=${sort}`)];
        same(`GET /documents?sort=${sort} (first 100)`, bySortS.items, bySortM.items);
      }
      const payments = await s.get('/payments?limit=100');
      same('GET /payments (first 100)', payments.items, (await m.get('/payments?limit=100')).items);
      // A year's window in the middle of the history: the same payments by the Polish calendar day.
      const range = `from=${addDays(seededDay, -540)}&to=${addDays(seededDay, -180)}&limit=100`;
      same(`GET /payments?${range}`, (await s.get(`/payments?${range}`)).items, (await m.get(`/payments?${range}`)).items);
      for (const p of points.items as { id: string }[]) {
        same(`GET /points/${p.id}/reading-context`, await s.get(`/points/${p.id}/reading-context`), await m.get(`/points/${p.id}/reading-context`));
        same(`GET /points/${p.id}/readings`, (await s.get(`/points/${p.id}/readings?limit=100`)).items, (await m.get(`/points/${p.id}/readings?limit=100`)).items);
      }
      same('GET /tickets', (await s.get('/tickets?limit=100')).items, (await m.get('/tickets?limit=100')).items);
      const messages = await s.get('/messages?limit=100');
      const mockMessages = await m.get('/messages?limit=100');
      same('GET /messages', [messages.items, messages.unreadCount], [mockMessages.items, mockMessages.unreadCount]);
    });
  }

  await step('the special accounts answer alike: not activated, one-time password, locked, no account yet', async () => {
    const cases: [string, string, number, string][] = [
      [persona('nieaktywne').account!.login, DEMO.password, 403, 'account_not_activated'],
      [persona('jednorazowe').account!.login, ONE_TIME_PASSWORD, 403, 'password_change_required'],
      [persona('zablokowane').account!.login, DEMO.password, 401, 'invalid_credentials'],
      [persona('kowalski').customer.nationalId, DEMO.password, 401, 'invalid_credentials'],
      [persona('energia').customer.nationalId, DEMO.password, 200, ''],
      ['PL 856-734-62-15', DEMO.password, 200, ''],
    ];
    for (const [identifier, password, status, code] of cases) {
      const [s, m] = [await new ServerWorld().login(identifier, password), await new MockWorld().login(identifier, password)];
      assert.deepEqual([s.status, s.body.code ?? ''], [status, code], `server, ${identifier}`);
      assert.deepEqual([m.status, m.body.code ?? ''], [status, code], `mocks, ${identifier}`);
    }
  });

  await step('the public answers agree: portal configs of the three utilities, outages', async () => {
    const s = new ServerWorld();
    const m = new MockWorld();
    for (const word of ['energy', 'gas', 'water']) same(`GET /portal-config?utility=${word}`, await s.get(`/portal-config?utility=${word}`), await m.get(`/portal-config?utility=${word}`));
    await m.logout();
    same('GET /portal-config (nobody signed in)', await s.get('/portal-config'), await m.get('/portal-config'));
    m.now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const range = `?from=${warsawDate(m.now)}&limit=100`;
    same('GET /outages', (await s.get(`/outages${range}`)).items, (await m.get(`/outages${range}`)).items);
  });

  await step('every persona is seeded, and every persona with an account can be found by its login', async () => {
    const rows = await server.db.query<{ id: string }>('SELECT id FROM customers ORDER BY id');
    assert.deepEqual(rows.map((r) => r.id), PERSONA_KEYS.map((k) => persona(k).customer.id).sort());
  });
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
steps.finish('the reference server and the mocks serve the same personas');
