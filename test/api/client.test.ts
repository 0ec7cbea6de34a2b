import { expect } from '@open-wc/testing';
import { EbokClient, newIdempotencyKey } from '../../src/api/client.js';
import { EbokApiError } from '../../src/api/errors.js';
import type { EbokSessionExpiredEvent } from '../../src/core/events.js';
import { createPolicyFetch } from '../../src/api/retry.js';
import { FakeApi, json, problem, balanceAt, sessionAt } from '../helpers/fake-api.js';

const BASE = 'https://api.utility.test/api/v1';

function client(api: FakeApi, extra: Partial<ConstructorParameters<typeof EbokClient>[0]> = {}) {
  const c = new EbokClient({
    apiBase: BASE,
    fetch: api.fetch,
    retry: { retries: 2, baseDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: 2000 },
    timeoutMs: 2000,
    random: () => 1,
    ...extra,
  });
  return { c };
}

async function failure(promise: Promise<unknown>): Promise<EbokApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EbokApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('EbokClient (api/client)', () => {
  const clients: EbokClient[] = [];
  afterEach(() => clients.splice(0).forEach((c) => c.session.close()));
  const make = (api: FakeApi, extra: Partial<ConstructorParameters<typeof EbokClient>[0]> = {}) => {
    const { c } = client(api, extra);
    clients.push(c);
    return c;
  };

  describe('retries', () => {
    it('retries a GET on 503 a bounded number of times, then reports the problem', async () => {
      const api = new FakeApi().on('GET', '/balance', problem(503, 'service_unavailable'));
      const error = await failure(make(api).get('/balance'));
      expect(api.calls('GET', '/balance')).to.have.length(3);
      expect(error.status).to.equal(503);
      expect(error.code).to.equal('service_unavailable');
    });

    it('backs off exponentially with jitter, capped by the policy', async () => {
      const waits = async (random: () => number) => {
        const api = new FakeApi().on('GET', '/balance', problem(502, 'service_unavailable'));
        const delays: number[] = [];
        const policyFetch = createPolicyFetch({
          fetch: api.fetch,
          timeoutMs: 1000,
          retry: { retries: 4, baseDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: 1000 },
          random,
          onRetry: ({ delayMs }) => delays.push(delayMs),
        });
        const response = await policyFetch(new Request(`${BASE}/balance`));
        expect(response.status, 'the last answer is reported').to.equal(502);
        expect(api.calls('GET', '/balance'), 'one attempt and four retries').to.have.length(5);
        return delays;
      };
      // The ceiling doubles from the base and stops at the cap; the jitter scales within it.
      expect(await waits(() => 1)).to.deep.equal([10, 20, 40, 40]);
      expect(await waits(() => 0.5)).to.deep.equal([5, 10, 20, 20]);
      expect(await waits(() => 0), 'full jitter may retry at once').to.deep.equal([0, 0, 0, 0]);
    });

    it('succeeds when a later attempt succeeds', async () => {
      const api = new FakeApi().on('GET', '/balance', problem(503, 'service_unavailable'), json(200, balanceAt()));
      const balance = await make(api).get('/balance');
      expect(balance.balance.amount).to.equal('245.67');
      expect(api.calls('GET', '/balance')).to.have.length(2);
    });

    it('waits the Retry-After the server asks for', async () => {
      const api = new FakeApi().on('GET', '/balance', problem(429, 'rate_limited', {}, { 'Retry-After': '1' }), json(200, balanceAt()));
      const started = performance.now();
      await make(api).get('/balance');
      expect(performance.now() - started).to.be.at.least(990);
    });

    it('does not wait a Retry-After longer than the policy allows, and hands its value to the widget', async () => {
      const api = new FakeApi().on('GET', '/balance', problem(503, 'service_unavailable', {}, { 'Retry-After': '120' }));
      const error = await failure(make(api).get('/balance'));
      expect(api.calls('GET', '/balance')).to.have.length(1);
      expect(error.retryAfter).to.equal(120);
    });

    it('never retries a POST without an Idempotency-Key (it might have been applied)', async () => {
      const api = new FakeApi().on('POST', '/auth/login', problem(503, 'service_unavailable'));
      await failure(make(api).post('/auth/login', { body: { identifier: 'a@b.pl', password: 'x' } }));
      expect(api.calls('POST', '/auth/login')).to.have.length(1);
    });

    it('retries a POST that carries an Idempotency-Key, sending the same key every time', async () => {
      const api = new FakeApi().on(
        'POST',
        '/payments',
        problem(503, 'service_unavailable'),
        new Error('connection reset'),
        json(201, { id: 'p1' }),
      );
      const key = newIdempotencyKey();
      await make(api).post('/payments', {
        params: { header: { 'Idempotency-Key': key } },
        body: { scope: 'balance', returnUrl: 'https://utility.test/ebok' },
      });
      const keys = api.calls('POST', '/payments').map((s) => s.headers.get('Idempotency-Key'));
      expect(keys).to.deep.equal([key, key, key]);
    });

    it('makes a new idempotency key for each user action', () => {
      const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
      expect(keys.size).to.equal(50);
    });

    it('makes version-4 UUID keys also outside a secure context, where crypto.randomUUID is missing (plain-HTTP staging)', () => {
      const own = Object.getOwnPropertyDescriptor(Crypto.prototype, 'randomUUID')!;
      Object.defineProperty(Crypto.prototype, 'randomUUID', { configurable: true, value: undefined });
      try {
        const keys = Array.from({ length: 50 }, () => newIdempotencyKey());
        for (const key of keys) expect(key).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(new Set(keys).size).to.equal(50);
      } finally {
        Object.defineProperty(Crypto.prototype, 'randomUUID', own);
      }
    });
  });

  describe('timeouts and aborts', () => {
    it('gives up on an attempt after the timeout, retries, then reports `timeout`', async () => {
      const api = new FakeApi().on('GET', '/balance', 'hang');
      const error = await failure(make(api, { timeoutMs: 50 }).get('/balance'));
      expect(error.code).to.equal('timeout');
      expect(error.status).to.equal(0);
      expect(api.calls('GET', '/balance')).to.have.length(3);
    });

    it("stops at once, without retrying or reporting an error, when the caller's signal aborts", async () => {
      const api = new FakeApi().on('GET', '/balance', 'hang');
      const controller = new AbortController();
      const call = make(api).get('/balance', { signal: controller.signal });
      setTimeout(() => controller.abort(), 20);
      let error: unknown;
      await call.catch((e: unknown) => (error = e));
      expect((error as Error).name).to.equal('AbortError');
      expect(api.calls('GET', '/balance')).to.have.length(1);
      await new Promise((resolve) => setTimeout(resolve, 5)); // nobody asked for it again meanwhile
      expect(api.seen[0]!.signal.aborted, 'the request itself was aborted').to.equal(true);
    });

    it('keeps the request for a caller that aborts and at once asks for the same URL again (a task re-run)', async () => {
      let answer!: () => void;
      const api = new FakeApi().on('GET', '/outages', () => new Promise<Response>((resolve) => (answer = () => resolve(Response.json({ items: [], nextCursor: null })))));
      const client = make(api);
      const first = new AbortController();
      const call = client.get('/outages', { signal: first.signal });
      first.abort();
      await call.catch(() => undefined);
      const again = client.get('/outages', {});
      await new Promise((resolve) => setTimeout(resolve, 5));
      answer();
      expect(await again).to.deep.equal({ items: [], nextCursor: null });
      expect(api.calls('GET', '/outages'), 'one request for both').to.have.length(1);
      expect(api.seen[0]!.signal.aborted, 'the shared request was not aborted').to.equal(false);
    });
  });

  describe('errors', () => {
    it('maps a problem+json answer to code, detail and per-field errors', async () => {
      const api = new FakeApi().on(
        'PATCH',
        '/customer/contact',
        problem(422, 'validation_failed', {
          detail: 'Popraw zaznaczone pola.',
          fields: [{ field: '/phone', code: 'invalid_format', message: 'Niepoprawny numer' }],
        }),
      );
      const error = await failure(make(api).patch('/customer/contact', { body: { phone: '12' } }));
      expect(error).to.be.instanceOf(EbokApiError);
      expect(error.status).to.equal(422);
      expect(error.code).to.equal('validation_failed');
      expect(error.detail).to.equal('Popraw zaznaczone pola.');
      expect(error.fields.map((f) => f.field)).to.deep.equal(['/phone']);
    });

    it('keeps the status of an error that is not a problem document (a proxy error page)', async () => {
      const api = new FakeApi().on('GET', '/balance', new Response('<h1>Bad gateway</h1>', { status: 500, headers: { 'Content-Type': 'text/html' } }));
      const error = await failure(make(api).get('/balance'));
      expect(error.status).to.equal(500);
      expect(error.code).to.equal('internal_error');
    });

    it('reports a network failure as `network_error` (after the retries)', async () => {
      const api = new FakeApi().on('GET', '/balance', new TypeError('Failed to fetch'));
      const error = await failure(make(api).get('/balance'));
      expect(error.code).to.equal('network_error');
      expect(api.calls('GET', '/balance')).to.have.length(3);
    });

    it('reports a body that is not JSON as `malformed_response`, not a crash', async () => {
      const api = new FakeApi().on('GET', '/balance', new Response('{"balance": ', { status: 200, headers: { 'Content-Type': 'application/json' } }));
      const error = await failure(make(api).get('/balance'));
      expect(error.code).to.equal('malformed_response');
    });

    it('reports JSON that is not an object (e.g. a bare string) as `malformed_response`', async () => {
      const api = new FakeApi().on('GET', '/balance', json(200, 'oops'));
      expect((await failure(make(api).get('/balance'))).code).to.equal('malformed_response');
    });
  });

  describe('files (download)', () => {
    const pdf = () => new Response(new Uint8Array([37, 80, 68, 70]), { headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="FV_1.pdf"' } });

    it('hands a success to its reader, with the language and credentials of every call, never from the cache', async () => {
      const api = new FakeApi().on('GET', '/documents/doc_1/pdf', pdf());
      const c = make(api);
      const read = async (response: Response) => ({ name: response.headers.get('Content-Disposition'), size: (await response.arrayBuffer()).byteLength });
      const file = await c.download('/documents/{documentId}/pdf', { params: { path: { documentId: 'doc_1' } } }, read);
      expect(file).to.deep.equal({ name: 'attachment; filename="FV_1.pdf"', size: 4 });
      await c.download('/documents/{documentId}/pdf', { params: { path: { documentId: 'doc_1' } } }, read);
      expect(api.calls('GET', '/documents/doc_1/pdf')).to.have.length(2);
      expect(api.seen[0]!.headers.get('Accept-Language')).to.equal('pl');
    });

    it('turns a missing file into the problem of the API (404), without reading it as a file', async () => {
      const api = new FakeApi().on('GET', '/documents/doc_1/pdf', problem(404, 'not_found'));
      let read = false;
      const error = await failure(make(api).download('/documents/{documentId}/pdf', { params: { path: { documentId: 'doc_1' } } }, () => Promise.resolve((read = true))));
      expect(error.code).to.equal('not_found');
      expect(read).to.equal(false);
    });

    it('ends the session on a 401, as every call does (ebok-session-expired)', async () => {
      const api = new FakeApi().on('GET', '/auth/session', json(200, sessionAt())).on('GET', '/documents/doc_1/pdf', problem(401, 'unauthenticated'));
      const c = make(api);
      await c.session.ready();
      const ended = new Promise<EbokSessionExpiredEvent>((resolve) => document.addEventListener('ebok-session-expired', resolve, { once: true }));
      const error = await failure(c.download('/documents/{documentId}/pdf', { params: { path: { documentId: 'doc_1' } } }, (r) => r.blob()));
      expect(error.status).to.equal(401);
      expect((await ended).detail.reason).to.equal('unauthorized');
      expect(c.session.state.status).to.equal('signed-out');
    });
  });

  describe('requests and answers as the contract writes them', () => {
    it('fills path parameters encoded, and repeats array query parameters (style form, explode)', async () => {
      const api = new FakeApi().on('GET', '/documents', json(200, { items: [], nextCursor: null }));
      await make(api).get('/documents', { params: { query: { status: ['unpaid', 'overdue'], q: 'FV 1/2026' } } });
      const url = new URL(api.calls('GET', '/documents')[0]!.url);
      expect(url.searchParams.getAll('status')).to.deep.equal(['unpaid', 'overdue']);
      expect(url.searchParams.get('q')).to.equal('FV 1/2026');
      const pdf = new FakeApi().on('GET', '/documents/FV%2F1/pdf', new Response(new Blob(['%PDF-1.7']), { headers: { 'Content-Type': 'application/pdf' } }));
      await make(pdf).get('/documents/{documentId}/pdf', { params: { path: { documentId: 'FV/1' } } });
      expect(new URL(pdf.calls('GET', '/documents/FV%2F1/pdf')[0]!.url).pathname).to.equal('/api/v1/documents/FV%2F1/pdf');
    });

    it('gives a PDF answer as a Blob of its bytes', async () => {
      const api = new FakeApi().on('GET', '/documents/d1/pdf', new Response(new Blob(['%PDF-1.7 fake']), { headers: { 'Content-Type': 'application/pdf' } }));
      const file = (await make(api).get('/documents/{documentId}/pdf', { params: { path: { documentId: 'd1' } } })) as unknown;
      expect(file).to.be.instanceOf(Blob);
      expect(await (file as Blob).text()).to.equal('%PDF-1.7 fake');
    });

    it('sends a JSON body as JSON, and FormData as multipart with the boundary of the browser', async () => {
      const api = new FakeApi().on('POST', '/auth/login-reminder', new Response(null, { status: 202 })).on('POST', '/tickets', json(201, { id: 't1' }));
      const c = make(api);
      await c.post('/auth/login-reminder', { params: { header: { 'Idempotency-Key': 'k1' } }, body: { email: 'jan@example.com' } } as never);
      const sent = api.calls('POST', '/auth/login-reminder')[0]!;
      expect(sent.headers.get('Content-Type')).to.equal('application/json');
      expect(sent.headers.get('Idempotency-Key')).to.equal('k1');
      expect(JSON.parse(sent.body)).to.deep.equal({ email: 'jan@example.com' });
      const form = new FormData();
      form.set('subject', 'Licznik');
      await c.post('/tickets', { params: { header: { 'Idempotency-Key': 'k2' } }, body: form } as never);
      expect(api.calls('POST', '/tickets')[0]!.headers.get('Content-Type')).to.match(/^multipart\/form-data; boundary=/);
    });

    it('calls a success in another media type than JSON (an HTML page) malformed, naming the type', async () => {
      const api = new FakeApi().on('GET', '/balance', new Response('<!doctype html><title>Portal</title>', { headers: { 'Content-Type': 'text/html; charset=utf-8' } }));
      const error = await failure(make(api).get('/balance'));
      expect(error.code).to.equal('malformed_response');
      expect(error.detail).to.contain('text/html');
    });
  });

  describe('headers', () => {
    it('sends Accept-Language, cookies, and the CSRF token on state changes only', async () => {
      const api = new FakeApi().on('GET', '/balance', json(200, balanceAt())).on('POST', '/auth/session/refresh', json(200, sessionAt()));
      const c = make(api);
      c.signedIn(sessionAt());
      await c.get('/balance');
      await c.post('/auth/session/refresh', {});
      const [get, post] = api.seen;
      expect(get!.headers.get('Accept-Language')).to.match(/^(pl|en)$/);
      expect(get!.headers.has('X-CSRF-Token'), 'no CSRF header on GET').to.equal(false);
      expect(post!.headers.get('X-CSRF-Token')).to.equal('csrf-123');
    });

    it('sends a bearer token from the token provider instead of cookies', async () => {
      const api = new FakeApi().on('GET', '/balance', json(200, balanceAt()));
      await make(api, { getToken: () => 'tok-1' }).get('/balance');
      expect(api.seen[0]!.headers.get('Authorization')).to.equal('Bearer tok-1');
    });
  });

  describe('cache and de-duplication', () => {
    it('makes one request for concurrent and repeated reads of the same resource', async () => {
      const api = new FakeApi().on('GET', '/balance', json(200, balanceAt()));
      const c = make(api);
      const [a, b] = await Promise.all([c.get('/balance'), c.get('/balance')]);
      await c.get('/balance');
      expect(a).to.deep.equal(b);
      expect(api.calls('GET', '/balance')).to.have.length(1);
    });

    it('asks again after a payment, which changes the balance', async () => {
      const api = new FakeApi().on('GET', '/balance', json(200, balanceAt())).on('POST', '/payments', json(201, { id: 'p1' }));
      const c = make(api);
      await c.get('/balance');
      await c.post('/payments', {
        params: { header: { 'Idempotency-Key': newIdempotencyKey() } },
        body: { scope: 'balance', returnUrl: 'https://u.test/' },
      });
      await c.get('/balance');
      expect(api.calls('GET', '/balance')).to.have.length(2);
    });

    it('keeps a shared request going when only one of two callers aborts', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const api = new FakeApi().on('GET', '/balance', async () => {
        await gate;
        return json(200, balanceAt());
      });
      const c = make(api);
      const leaving = new AbortController();
      const first = c.get('/balance', { signal: leaving.signal }).catch((e: unknown) => e);
      const second = c.get('/balance');
      leaving.abort();
      release();
      expect(((await first) as Error).name).to.equal('AbortError');
      expect((await second).balance.amount).to.equal('245.67');
      expect(api.calls('GET', '/balance')).to.have.length(1);
    });

    it('never caches a failure', async () => {
      const api = new FakeApi().on('GET', '/balance', problem(404, 'not_found'), json(200, balanceAt()));
      const c = make(api);
      await failure(c.get('/balance'));
      expect((await c.get('/balance')).overdueCount).to.equal(1);
    });
  });

  describe('session', () => {
    it('marks the session signed out on a 401 and fires ebok-session-expired once', async () => {
      const api = new FakeApi()
        .on('GET', '/balance', problem(401, 'session_expired'))
        .on('GET', '/documents', problem(401, 'session_expired'));
      const c = make(api);
      c.signedIn(sessionAt());
      const events: EbokSessionExpiredEvent[] = [];
      const listener = (e: EbokSessionExpiredEvent) => events.push(e);
      document.addEventListener('ebok-session-expired', listener);
      try {
        await Promise.all([failure(c.get('/balance')), failure(c.get('/documents'))]);
      } finally {
        document.removeEventListener('ebok-session-expired', listener);
      }
      expect(c.session.state.status).to.equal('signed-out');
      expect(events).to.have.length(1);
      expect(events[0]!.detail).to.deep.equal({ apiBase: BASE, reason: 'unauthorized' });
    });

    it('reads GET /auth/session: 200 signed in, 204 signed out (as 401 from an older server)', async () => {
      const api = new FakeApi().on('GET', '/auth/session', json(200, sessionAt()), new Response(null, { status: 204 }), problem(401, 'unauthenticated'));
      const c = make(api);
      expect((await c.session.refresh()).status).to.equal('signed-in');
      expect((await c.session.refresh()).status).to.equal('signed-out');
      expect((await c.session.refresh()).status).to.equal('signed-out');
    });

    it('keeps the shared session check going when one widget stops waiting for it', async () => {
      let answer!: () => void;
      const gate = new Promise<void>((resolve) => (answer = resolve));
      const api = new FakeApi().on('GET', '/auth/session', async () => (await gate, new Response(null, { status: 204 })));
      const c = make(api);
      const first = new AbortController();
      const waits = [c.session.ready(first.signal), c.session.ready(new AbortController().signal), c.session.ready()];
      first.abort(new DOMException('the widget re-renders', 'AbortError'));
      answer();
      const [gaveUp, ...others] = await Promise.allSettled(waits);
      expect(gaveUp!.status, 'the widget that stopped waiting').to.equal('rejected');
      expect(others.map((o) => o.status === 'fulfilled' && o.value.status), 'the others learn the answer').to.deep.equal(['signed-out', 'signed-out']);
      expect(api.calls('GET', '/auth/session'), 'one request, not cancelled').to.have.length(1);
      expect(api.calls('GET', '/auth/session')[0]!.signal.aborted).to.equal(false);
    });

        it('does not end the session on a wrong password at login', async () => {
      const api = new FakeApi().on('POST', '/auth/login', problem(401, 'invalid_credentials'));
      const c = make(api);
      c.signedIn(sessionAt());
      await failure(c.post('/auth/login', { body: { identifier: 'x@y.pl', password: 'bad' } }));
      expect(c.session.state.status).to.equal('signed-in');
    });

    it('forgets cached personal data at logout', async () => {
      const api = new FakeApi().on('GET', '/balance', json(200, balanceAt())).on('POST', '/auth/logout', new Response(null, { status: 204 }));
      const c = make(api);
      c.signedIn(sessionAt());
      await c.get('/balance');
      await c.session.logout();
      expect(c.session.state.status).to.equal('signed-out');
      await c.get('/balance');
      expect(api.calls('GET', '/balance')).to.have.length(2);
      expect(api.calls('POST', '/auth/logout')).to.have.length(1);
    });

    it('signs out the other tabs when the customer logs out in one (BroadcastChannel)', async () => {
      const api = new FakeApi().on('POST', '/auth/logout', new Response(null, { status: 204 }));
      const tabA = make(api);
      const tabB = make(api); // same API base: another tab of the same site
      tabA.signedIn(sessionAt());
      tabB.signedIn(sessionAt());
      const expired = new Promise<EbokSessionExpiredEvent>((resolve) =>
        document.addEventListener('ebok-session-expired', resolve, { once: true }),
      );
      await tabA.session.logout();
      const event = await expired;
      expect(event.detail.reason).to.equal('logout-elsewhere');
      expect(tabB.session.state.status).to.equal('signed-out');
    });

    it('logs in and out on a closed session store (a page reset its clients while a widget still held one)', async () => {
      const api = new FakeApi().on('POST', '/auth/logout', new Response(null, { status: 204 }));
      const c = make(api);
      c.signedIn(sessionAt());
      c.session.close();
      await c.session.logout();
      expect(c.session.state.status).to.equal('signed-out');
      c.session.signIn(sessionAt());
      expect(c.session.state.status).to.equal('signed-in');
      c.session.end('expired');
      expect(c.session.state.status).to.equal('signed-out');
    });
  });
});
