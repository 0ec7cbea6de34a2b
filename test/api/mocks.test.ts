import { expect } from '@open-wc/testing';
import { getResponse, type HttpHandler } from 'msw';
import type { operations } from '../../src/api/schema.js';
import {
  API_BASE,
  DEMO,
  MALFORMED_BODY,
  OPERATIONS,
  OPERATION_LIST,
  RETRY_AFTER,
  SCENARIO_NAMES,
  SLOW_DELAY_MS,
  createHandlers,
  problem,
  scenarioHandlers,
  type OperationId,
  type OperationInfo,
  type ScenarioName,
} from '../../stories/mocks/handlers.js';
import { POINT_IDS, TICKET_IDS, dateFromNow, documentsOfPersona, makeConsumption, makeDocuments, makeMessages, points, portalConfig } from '../../stories/mocks/data.js';
import { warsawDate } from '../../src/i18n/calendar.js';
import { SAMPLE_REQUESTS, exampleIdempotencyKey, plausibleReading } from '../../stories/mocks/samples.js';
import { validatePesel, validatePpe } from '../../src/validation/index.js';
import { FIRMA_DOCUMENT_COUNT, persona, readingContext } from '../../demo/personas/index.js';
import { EbokApiError, EbokClient, newIdempotencyKey } from '../../src/api/index.js';

// Compile-time: the mocks' operation table has exactly the contract's operationIds (schema.d.ts).
type MissingInMocks = Exclude<keyof operations, keyof typeof OPERATIONS>;
type UnknownToContract = Exclude<keyof typeof OPERATIONS, keyof operations>;
const noneMissing: [MissingInMocks] extends [never] ? true : false = true;
const noneUnknown: [UnknownToContract] extends [never] ? true : false = true;

// ---------------------------------------------------------------------------------------------------------------
// The contract, read the way a person reads it: paths, methods, operationIds, `security: []`, success codes.
// ---------------------------------------------------------------------------------------------------------------

interface ContractOperation {
  id: string;
  method: string;
  path: string;
  public: boolean;
  success: number[];
}

function parseContract(text: string): ContractOperation[] {
  const found: ContractOperation[] = [];
  let inPaths = false;
  let inResponses = false;
  let path = '';
  let current: ContractOperation | undefined;
  for (const line of text.split('\n')) {
    if (/^paths:\s*$/.test(line)) {
      inPaths = true;
      continue;
    }
    if (inPaths && /^\S/.test(line)) inPaths = false;
    if (!inPaths) continue;
    const pathMatch = /^ {2}(\/\S*):\s*$/.exec(line);
    const methodMatch = /^ {4}(get|post|put|patch|delete):\s*$/.exec(line);
    if (pathMatch) {
      path = pathMatch[1]!;
      current = undefined;
    } else if (methodMatch) {
      current = { id: '', method: methodMatch[1]!, path, public: false, success: [] };
      found.push(current);
      inResponses = false;
    } else if (current) {
      const id = /^ {6}operationId:\s*(\w+)\s*$/.exec(line);
      const code = /^ {8}'(\d{3})':/.exec(line);
      if (id) current.id = id[1]!;
      else if (/^ {6}security:\s*\[\]\s*$/.test(line)) current.public = true;
      else if (/^ {6}responses:\s*$/.test(line)) inResponses = true;
      else if (/^ {6}\S/.test(line)) inResponses = false;
      else if (inResponses && code?.[1]?.startsWith('2')) current.success.push(Number(code[1]));
    }
  }
  return found;
}

let contract: ContractOperation[] = [];
const contractOf = (id: OperationId): ContractOperation => {
  const found = contract.find((op) => op.id === id);
  if (!found) throw new Error(`operationId ${id} is not in src/api/openapi.yaml`);
  return found;
};

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

type Body = Record<string, unknown>;

async function answer(handlers: HttpHandler[], request: Request): Promise<Response> {
  const response = await getResponse(handlers, request);
  if (!response) throw new Error(`no mock handler answered ${request.method} ${request.url}`);
  return response;
}

async function bodyOf(response: Response): Promise<Body> {
  return (await response.json()) as Body;
}

function get(path: string, base = API_BASE): Request {
  return new Request(`${base}${path}`);
}

function post(path: string, body: unknown, headers: Record<string, string> = {}, method = 'POST'): Request {
  return new Request(`${API_BASE}${path}`, { method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

function readingRequest(values: Record<string, string>, extra: Body = {}, pointId: string = POINT_IDS.flat): Request {
  const form = new FormData();
  const payload = { values: Object.entries(values).map(([registerId, value]) => ({ registerId, value })), ...extra };
  form.append('payload', new Blob([JSON.stringify(payload)], { type: 'application/json' }), 'payload.json');
  return new Request(`${API_BASE}/points/${pointId}/readings`, { method: 'POST', headers: { 'Idempotency-Key': exampleIdempotencyKey() }, body: form });
}

async function expectProblem(response: Response, status: number, code: string): Promise<Body> {
  expect(response.status, `status (expected ${status} ${code})`).to.equal(status);
  expect(response.headers.get('Content-Type'), 'problem Content-Type').to.equal('application/problem+json');
  expect(response.headers.get('Cache-Control'), 'problem Cache-Control').to.equal('no-store');
  const body = await bodyOf(response);
  expect(body.code, 'problem code').to.equal(code);
  expect(body.status, 'problem status repeats the HTTP status').to.equal(status);
  expect(body.type).to.equal(`urn:ebok-widgets:problem:${code}`);
  return body;
}

async function allPages(handlers: HttpHandler[], path: string, limit: number): Promise<{ ids: string[]; total: unknown; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  let total: unknown;
  const separator = path.includes('?') ? '&' : '?';
  do {
    const url: string = `${path}${separator}limit=${limit}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
    const response = await answer(handlers, get(url));
    expect(response.status, `page ${pages + 1} of ${path}`).to.equal(200);
    const page = await bodyOf(response);
    const items = page.items as { id: string }[];
    expect(items.length, `page size of ${path}`).to.be.at.most(limit);
    ids.push(...items.map((item) => item.id));
    total = page.total;
    cursor = page.nextCursor as string | null;
    pages += 1;
    if (pages > 100) throw new Error('pagination does not end');
  } while (cursor !== null);
  return { ids, total, pages };
}

const personalOperations = (): OperationInfo[] => OPERATION_LIST.filter((op) => op.personal);

// ---------------------------------------------------------------------------------------------------------------

describe('mock API handlers (stories/mocks)', () => {
  before(async () => {
    const response = await fetch('/src/api/openapi.yaml');
    contract = parseContract(await response.text());
  });

  describe('cover the contract', () => {
    it('the operation table matches schema.d.ts (compile-time check)', () => {
      expect([noneMissing, noneUnknown]).to.deep.equal([true, true]);
      expect(Object.keys(OPERATIONS)).to.have.length(57);
    });

    it('the mocks know exactly the operationIds of openapi.yaml, each with its method and path', () => {
      expect(contract.length, 'operations parsed from the contract').to.equal(57);
      const fromContract = contract.map((op) => `${op.id} ${op.method.toUpperCase()} ${op.path}`).sort();
      const fromMocks = OPERATION_LIST.map((op) => `${op.id} ${op.method.toUpperCase()} ${op.path}`).sort();
      expect(fromMocks).to.deep.equal(fromContract);
    });

    it('treats as public exactly the operations with `security: []`', () => {
      const publicInContract = contract.filter((op) => op.public).map((op) => op.id).sort();
      const publicInMocks = OPERATION_LIST.filter((op) => !op.personal).map((op) => op.id).sort();
      expect(publicInMocks).to.deep.equal(publicInContract);
    });

    for (const op of OPERATION_LIST) {
      it(`${op.id} (${op.method.toUpperCase()} ${op.path}) answers its documented success status with the right Cache-Control`, async () => {
        const handlers = createHandlers();
        // Confirming or resending needs a change waiting for its code: ask for a new phone first.
        if (op.id === 'confirmContact' || op.id === 'resendContactConfirmation') await answer(handlers, SAMPLE_REQUESTS.updateContact());
        const response = await answer(handlers, SAMPLE_REQUESTS[op.id]());
        expect(contractOf(op.id).success, `${op.id} success statuses in the contract`).to.include(response.status);
        const publicCache = op.id === 'getPortalConfig' || op.id === 'listOutages';
        expect(response.headers.get('Cache-Control'), `${op.id} Cache-Control`).to.equal(publicCache ? 'public, max-age=300' : 'no-store');
        const type = response.headers.get('Content-Type') ?? '';
        if (response.status !== 204) expect(type, `${op.id} Content-Type`).to.match(/^application\/(json|pdf)$|^image\/(jpeg|png)$/);
        if (type === 'application/json') expect(await response.json()).to.be.an('object');
      });
    }

    it('answers the same requests under any base: absolute, relative (/api/v1) and with a trailing slash', async () => {
      const custom = createHandlers({ base: 'https://ebok.energia-przyklad.example.com/api/v1/' });
      expect((await answer(custom, get('/balance', 'https://ebok.energia-przyklad.example.com/api/v1'))).status).to.equal(200);
      expect(await getResponse(custom, get('/balance')), 'the default base is not answered by a custom-base set').to.equal(undefined);
      const relative = createHandlers({ base: '/api/v1' });
      expect((await answer(relative, new Request(`${location.origin}/api/v1/balance`))).status).to.equal(200);
      expect((await answer(relative, new Request('/api/v1/tickets/categories'))).status).to.equal(200);
    });

    it('matches /tickets/categories before /tickets/{ticketId}', async () => {
      const body = await bodyOf(await answer(createHandlers(), get('/tickets/categories')));
      expect((body.items as unknown[]).length).to.be.greaterThan(0);
    });

    it('problem() builds a contract problem with type, title, status and code', () => {
      const p = problem(429, 'rate_limited', 'Za chwilę.', { retryAfter: 30 });
      expect(p).to.deep.include({ type: 'urn:ebok-widgets:problem:rate_limited', status: 429, code: 'rate_limited', detail: 'Za chwilę.', retryAfter: 30 });
      expect(p.title).to.be.a('string').and.not.equal('');
    });
  });

  describe('sign-in', () => {
    it(`signs in ${DEMO.email} with ${DEMO.password}: 200 signed_in with a session and a CSRF token`, async () => {
      const response = await answer(createHandlers(), post('/auth/login', { identifier: ` ${DEMO.email.toUpperCase()} `, password: DEMO.password }));
      expect(response.status).to.equal(200);
      expect(response.headers.get('Cache-Control')).to.equal('no-store');
      const body = await bodyOf(response);
      expect(body.status).to.equal('signed_in');
      const session = body.session as { csrfToken: string; user: { email: string }; idleTimeoutSeconds: number; absoluteTimeoutSeconds: number };
      expect(session.csrfToken).to.equal(DEMO.csrfToken);
      expect(session.user.email).to.equal(DEMO.email);
      expect([session.idleTimeoutSeconds, session.absoluteTimeoutSeconds]).to.deep.equal([900, 43_200]);
    });

    it('serves the persona of whichever demo login signs in (by e-mail, PESEL or NIP), with its own utility and data', async () => {
      const handlers = createHandlers();
      const name = async (): Promise<unknown> => (await bodyOf(await answer(handlers, get('/customer/profile')))).displayName;
      expect(await name(), 'energia by default').to.equal('Jan Kowalski');
      const cases: [string, string, string, string][] = [
        ['gaz@example.com', 'Piotr Zieliński', 'Gaz Przykład sp. z o.o.', '-470.00'],
        ['woda@example.com', 'Maria Wiśniewska', 'Wodociągi Przykład sp. z o.o.', '0.00'],
        [persona('energia').customer.nationalId, 'Jan Kowalski', 'Energia Przykład S.A.', '245.67'],
        ['PL 856-734-62-15', 'Piekarnia Mazur sp. z o.o.', 'Energia Przykład S.A.', '14682.28'],
      ];
      for (const [identifier, displayName, utilityName, balance] of cases) {
        expect((await answer(handlers, post('/auth/login', { identifier, password: DEMO.password }))).status, identifier).to.equal(200);
        expect(await name(), identifier).to.equal(displayName);
        expect((await bodyOf(await answer(handlers, get('/portal-config')))).utilityName, identifier).to.equal(utilityName);
        expect(((await bodyOf(await answer(handlers, get('/balance')))).balance as { amount: string }).amount, identifier).to.equal(balance);
      }
      expect((await bodyOf(await answer(handlers, get('/documents?limit=1')))).total, 'the business has 10,000 documents').to.equal(FIRMA_DOCUMENT_COUNT);
      await answer(handlers, post('/auth/login', { identifier: DEMO.mfaEmail, password: DEMO.password }));
      expect((await answer(handlers, post('/auth/mfa/verify', { challengeId: DEMO.mfaChallengeId, code: DEMO.mfaCode }))).status).to.equal(200);
      expect(await name(), 'after the second step').to.equal('Tomasz Lewandowski');
      await expectProblem(await answer(handlers, post('/auth/login', { identifier: DEMO.pesel, password: DEMO.password })), 401, 'invalid_credentials');
    });

    it('answers a wrong password, an unknown login and a locked account with the identical 401 invalid_credentials', async () => {
      const handlers = createHandlers();
      const wrong = await expectProblem(await answer(handlers, post('/auth/login', { identifier: DEMO.email, password: 'Zle-Haslo-2026' })), 401, 'invalid_credentials');
      const unknown = await expectProblem(await answer(handlers, post('/auth/login', { identifier: 'nikt@example.com', password: DEMO.password })), 401, 'invalid_credentials');
      const locked = await expectProblem(await answer(handlers, post('/auth/login', { identifier: DEMO.lockedEmail, password: DEMO.password })), 401, 'invalid_credentials');
      expect(unknown).to.deep.equal(wrong);
      expect(locked).to.deep.equal(wrong);
    });

    it(`asks ${DEMO.mfaEmail} for a code; ${DEMO.mfaCode} signs in, a wrong code is 422 mfa_invalid_code`, async () => {
      const handlers = createHandlers();
      const challenge = await bodyOf(await answer(handlers, post('/auth/login', { identifier: DEMO.mfaEmail, password: DEMO.password })));
      expect(challenge).to.include({ status: 'mfa_required', challengeId: DEMO.mfaChallengeId, channel: 'sms' });
      await expectProblem(await answer(handlers, post('/auth/mfa/verify', { challengeId: DEMO.mfaChallengeId, code: '000000' })), 422, 'mfa_invalid_code');
      const early = await answer(handlers, post('/auth/mfa/resend', { challengeId: DEMO.mfaChallengeId }));
      await expectProblem(early.clone(), 429, 'too_many_attempts');
      expect(Number(early.headers.get('Retry-After'))).to.be.within(1, 60);
      const verified = await answer(handlers, post('/auth/mfa/verify', { challengeId: DEMO.mfaChallengeId, code: DEMO.mfaCode }));
      expect(verified.status).to.equal(200);
      expect((await bodyOf(verified)).status).to.equal('signed_in');
      await expectProblem(await answer(handlers, post('/auth/mfa/verify', { challengeId: DEMO.mfaChallengeId, code: DEMO.mfaCode })), 422, 'mfa_expired');
    });

    it('answers 403 account_not_activated and 403 password_change_required (with changeToken) for the demo accounts', async () => {
      const handlers = createHandlers();
      await expectProblem(await answer(handlers, post('/auth/login', { identifier: DEMO.notActivatedEmail, password: DEMO.password })), 403, 'account_not_activated');
      const change = await expectProblem(await answer(handlers, post('/auth/login', { identifier: DEMO.oneTimeEmail, password: DEMO.oneTimePassword })), 403, 'password_change_required');
      expect(change.changeToken).to.equal(DEMO.changeToken);
    });

    it('ends the session at logout (then 401 unauthenticated, and 204 on getSession) and starts it again at login', async () => {
      const handlers = createHandlers();
      expect((await answer(handlers, get('/auth/session'))).status, 'signed in at start').to.equal(200);
      expect((await answer(handlers, post('/auth/logout', {}))).status).to.equal(204);
      const signedOut = await answer(handlers, get('/auth/session'));
      expect([signedOut.status, signedOut.headers.get('Cache-Control'), await signedOut.text()], 'getSession signed out').to.deep.equal([204, 'no-store', '']);
      await expectProblem(await answer(handlers, get('/balance')), 401, 'unauthenticated');
      expect((await answer(handlers, post('/auth/logout', {}))).status, 'logout is idempotent').to.equal(204);
      expect((await answer(handlers, post('/auth/login', { identifier: DEMO.email, password: DEMO.password }))).status).to.equal(200);
      expect((await answer(handlers, get('/balance'))).status).to.equal(200);
    });

    it('getSession does not move the idle deadline; other requests and refreshSession do', async () => {
      let clock = Date.parse('2026-03-14T09:00:00+01:00');
      const handlers = createHandlers({ now: () => new Date(clock) });
      const idle = async (): Promise<string> => ((await bodyOf(await answer(handlers, get('/auth/session')))).idleExpiresAt as string);
      const first = await idle();
      clock += 60_000;
      expect(await idle(), 'polling the session is not activity').to.equal(first);
      await answer(handlers, get('/balance'));
      expect(Date.parse(await idle()) - Date.parse(first)).to.equal(60_000);
      clock += 60_000;
      const refreshed = await bodyOf(await answer(handlers, post('/auth/session/refresh', {})));
      expect(Date.parse(refreshed.idleExpiresAt as string) - Date.parse(first)).to.equal(120_000);
    });

    it('checks X-CSRF-Token on personal state-changing requests when asked to (checkCsrf)', async () => {
      const handlers = createHandlers({ checkCsrf: true });
      await expectProblem(await answer(handlers, post('/customer/consents', { marketing: [{ id: 'email', given: true }], eInvoice: true }, {}, 'PUT')), 403, 'csrf_failed');
      expect((await answer(handlers, post('/customer/consents', { marketing: [{ id: 'email', given: true }], eInvoice: true }, { 'X-CSRF-Token': DEMO.csrfToken }, 'PUT'))).status).to.equal(200);
      expect((await answer(handlers, post('/customer/consents', { marketing: [{ id: 'email', given: true }], eInvoice: true }, { Authorization: 'Bearer abc' }, 'PUT'))).status, 'bearer needs no CSRF').to.equal(200);
    });
  });

  describe('pagination', () => {
    const lists: [string, number][] = [
      ['/points', 1],
      ['/contracts', 2],
      ['/documents', 7],
      ['/payments', 5],
      [`/points/${POINT_IDS.flat}/readings`, 5],
      ['/tickets', 3],
      ['/messages', 4],
      [`/outages?from=${dateFromNow(new Date(), -10)}&to=${dateFromNow(new Date(), 60)}`, 2],
    ];
    for (const [path, limit] of lists) {
      it(`${path}: walking nextCursor with limit ${limit} gives every item exactly once, and the last page has nextCursor null`, async () => {
        const handlers = createHandlers();
        const all = await bodyOf(await answer(handlers, get(`${path}${path.includes('?') ? '&' : '?'}limit=100`)));
        const expected = (all.items as { id: string }[]).map((item) => item.id);
        expect(all.nextCursor).to.equal(null);
        const walked = await allPages(handlers, path, limit);
        expect(walked.ids).to.deep.equal(expected);
        expect(new Set(walked.ids).size, 'no duplicates').to.equal(walked.ids.length);
        expect(walked.total).to.equal(expected.length);
        if (expected.length > limit) expect(walked.pages).to.be.greaterThan(1);
      });
    }

    it('defaults to 20 items and answers 422 validation_failed for a bad cursor or limit', async () => {
      const handlers = createHandlers();
      const first = await bodyOf(await answer(handlers, get('/documents')));
      expect((first.items as unknown[]).length).to.equal(20);
      expect(first.nextCursor).to.equal('20');
      const badCursor = await expectProblem(await answer(handlers, get('/documents?cursor=eyJvIjoyMH0')), 422, 'validation_failed');
      expect((badCursor.fields as { field: string }[])[0]?.field).to.equal('cursor');
      await expectProblem(await answer(handlers, get('/documents?limit=101')), 422, 'validation_failed');
      await expectProblem(await answer(handlers, get('/documents?limit=0')), 422, 'validation_failed');
    });
  });

  describe('documents', () => {
    it('energia has 38 documents of every type, one overdue; the demo personas together have every status, with due dates that fit it', () => {
      const now = new Date();
      const docs = makeDocuments(undefined, now);
      const today = warsawDate(now);
      expect(docs).to.have.length(38);
      expect(docs.filter((d) => d.status === 'overdue').map((d) => d.remaining.amount)).to.deep.equal(['245.67']);
      expect(new Set(docs.map((d) => d.status))).to.have.all.keys('overdue', 'paid');
      expect(new Set(docs.map((d) => d.type))).to.have.all.keys('invoice', 'correction', 'interest_note');
      const all = (['energia', 'gaz', 'woda', 'dwuetapowe'] as const).flatMap((key) => documentsOfPersona(persona(key, now), now));
      expect(new Set(all.map((d) => d.status))).to.have.all.keys('unpaid', 'partially_paid', 'overdue', 'paid');
      for (const d of all) {
        if (d.status === 'overdue') expect(d.dueDate < today, `${d.number} overdue → due date passed`).to.equal(true);
        if (d.status === 'unpaid' || d.status === 'partially_paid') expect(d.dueDate >= today, `${d.number} not yet due`).to.equal(true);
        if (d.status === 'paid') expect(d.remaining.amount).to.equal('0.00');
        expect(d.payable).to.equal(d.status !== 'paid');
      }
      expect(makeDocuments(38, now)).to.deep.equal(makeDocuments(38, now), 'deterministic');
      expect(makeDocuments(5, now)).to.have.length(5);
      const firma = persona('firma', now).documents().map((d) => d.id);
      expect(new Set(firma).size, 'the business has 10,000 documents with distinct ids').to.equal(FIRMA_DOCUMENT_COUNT);
    });

    it('filters by status (repeated = OR), type and number, and sorts by due date', async () => {
      const handlers = createHandlers();
      const items = async (query: string): Promise<{ status: string; type: string; number: string; dueDate: string; correctsDocumentId: string | null }[]> =>
        (await bodyOf(await answer(handlers, get(`/documents?limit=100&${query}`)))).items as never;
      const overdue = await items('status=overdue');
      expect(overdue.length).to.be.greaterThan(0);
      expect(overdue.every((d) => d.status === 'overdue')).to.equal(true);
      const either = await items('status=paid&status=overdue');
      expect(new Set(either.map((d) => d.status))).to.have.all.keys('paid', 'overdue');
      const corrections = await items('type=correction');
      expect(corrections.length).to.be.greaterThan(0);
      expect(corrections.every((d) => d.type === 'correction' && d.correctsDocumentId !== null)).to.equal(true);
      const byNumber = await items('q=kor/');
      expect(byNumber.map((d) => d.type)).to.deep.equal(corrections.map((d) => d.type));
      const byDue = await items('sort=dueDate');
      expect(byDue.map((d) => d.dueDate)).to.deep.equal([...byDue.map((d) => d.dueDate)].sort());
      await expectProblem(await answer(handlers, get('/documents?status=lost')), 422, 'validation_failed');
    });

    it('answers a document PDF as an attachment and 404 for an unknown document', async () => {
      const handlers = createHandlers();
      const doc = makeDocuments(1)[0]!;
      const pdf = await answer(handlers, get(`/documents/${doc.id}/pdf`));
      expect(pdf.headers.get('Content-Type')).to.equal('application/pdf');
      expect(pdf.headers.get('Content-Disposition')).to.contain(`filename="${doc.number.replace(/\//g, '_')}.pdf"`);
      expect((await pdf.text()).startsWith('%PDF-')).to.equal(true);
      await expectProblem(await answer(handlers, get('/documents/doc_nie_istnieje')), 404, 'not_found');
    });
  });

  describe('balance', () => {
    const today = warsawDate(new Date());
    const balanceIn = async (scenario?: ScenarioName): Promise<Body> => bodyOf(await answer(createHandlers(scenario ? { scenario } : {}), get('/balance')));
    const amount = (value: unknown): string => (value as { amount: string }).amount;

    it('by default agrees with the documents (open remaining amounts, overdue ones): energia owes 245.67, all overdue', async () => {
      const balance = await balanceIn();
      expect([amount(balance.balance), amount(balance.overdue), balance.overdueCount, balance.nextPayment]).to.deep.equal(['245.67', '245.67', 1, null]);
      const open = makeDocuments().filter((d) => d.status !== 'paid');
      const total = open.reduce((sum, d) => sum + Math.round(Number(d.remaining.amount) * 100), 0);
      expect(Math.round(Number(amount(balance.balance)) * 100)).to.equal(total);
      expect(balance.overdueCount).to.equal(open.filter((d) => d.status === 'overdue').length);
    });

    it('balance-overdue: 245.67 owed and overdue, oldest due date in the past', async () => {
      const b = await balanceIn('balance-overdue');
      expect([amount(b.balance), amount(b.overdue)]).to.deep.equal(['245.67', '245.67']);
      expect((b.oldestDueDate as string) < today).to.equal(true);
      expect(b.overdueCount).to.be.greaterThan(0);
    });

    it('balance-overpaid: -120.00 with open documents smaller than the credit and nothing overdue', async () => {
      const b = await balanceIn('balance-overpaid');
      expect(amount(b.balance)).to.equal('-120.00');
      expect(Number(amount(b.openDocumentsTotal))).to.be.lessThan(120);
      expect(b.overdueCount).to.equal(0);
    });

    it('balance-settled: 0.00 and nextPayment null or in the future', async () => {
      const b = await balanceIn('balance-settled');
      expect(amount(b.balance)).to.equal('0.00');
      const next = b.nextPayment as { dueDate: string } | null;
      expect(next === null || next.dueDate >= today).to.equal(true);
    });
  });

  describe('payments', () => {
    const pay = (body: Body, key: string | null = exampleIdempotencyKey()): Request => post('/payments', body, key === null ? {} : { 'Idempotency-Key': key });
    const returnUrl = 'https://www.energia-przyklad.example.com/ebok/platnosci';

    it('createPayment answers 201 pending with an https redirectUrl; the payment is then in the history and readable', async () => {
      const handlers = createHandlers();
      const created = await answer(handlers, pay({ scope: 'balance', method: 'blik', returnUrl }));
      expect(created.status).to.equal(201);
      const body = await bodyOf(created);
      expect(body.status).to.equal('pending');
      expect(body.redirectUrl).to.match(/^https:\/\//);
      const history = await bodyOf(await answer(handlers, get('/payments')));
      expect((history.items as { id: string }[])[0]?.id).to.equal(body.id);
      expect((await answer(handlers, get(`/payments/${String(body.id)}`))).status).to.equal(200);
    });

    it('requires Idempotency-Key (400), replays the same key and body, refuses the same key with another body (422)', async () => {
      const handlers = createHandlers();
      await expectProblem(await answer(handlers, pay({ scope: 'balance', returnUrl }, null)), 400, 'malformed_request');
      const key = exampleIdempotencyKey();
      const first = await bodyOf(await answer(handlers, pay({ scope: 'balance', returnUrl }, key)));
      const again = await answer(handlers, pay({ scope: 'balance', returnUrl }, key));
      expect(again.headers.get('Idempotent-Replayed')).to.equal('true');
      expect((await bodyOf(again)).id).to.equal(first.id);
      await expectProblem(await answer(handlers, pay({ scope: 'balance', method: 'card', returnUrl }, key)), 422, 'idempotency_key_reuse');
    });

    it('refuses an amount over the cap with 422 payment_amount_over_cap and the cap, and pays exactly the cap', async () => {
      const handlers = createHandlers({ scenario: 'balance-over-cap' });
      const over = await expectProblem(await answer(handlers, pay({ scope: 'balance', returnUrl })), 422, 'payment_amount_over_cap');
      expect(over.cap).to.deep.equal({ amount: '4300.00', currency: 'PLN' });
      expect((await answer(handlers, pay({ scope: 'balance', amount: { amount: '4300.00', currency: 'PLN' }, returnUrl }))).status).to.equal(201);
    });

    it('refuses a paid document (422 not_payable) and a settled balance (422 payment_nothing_to_pay)', async () => {
      const paid = makeDocuments().find((d) => d.status === 'paid')!;
      const refused = await expectProblem(await answer(createHandlers(), pay({ scope: 'documents', documentIds: [paid.id], returnUrl })), 422, 'validation_failed');
      expect(refused.fields).to.deep.include({ field: '/documentIds/0', code: 'not_payable', message: 'Tego dokumentu nie można teraz opłacić.' });
      await expectProblem(await answer(createHandlers({ scenario: 'balance-settled' }), pay({ scope: 'balance', returnUrl })), 422, 'payment_nothing_to_pay');
    });
  });

  describe('meter readings', () => {
    const now = new Date();
    const context = readingContext(persona('energia', now), POINT_IDS.flat, now)!;
    const [day, night] = context.registers;
    const plausible = Object.fromEntries(plausibleReading(now).map((v) => [v.registerId, v.value]));

    it('accepts a reading in the open window as a settlement reading with an estimated amount, then refuses a duplicate', async () => {
      const handlers = createHandlers();
      const served = await bodyOf(await answer(handlers, get(`/points/${POINT_IDS.flat}/reading-context`)));
      expect((served.window as { open: boolean }).open).to.equal(true);
      expect(served.registers, 'the context of the persona rules').to.deep.equal(context.registers);
      const accepted = await answer(handlers, readingRequest(plausible));
      expect(accepted.status).to.equal(201);
      const result = await bodyOf(accepted);
      expect(result).to.include({ kind: 'settlement', status: 'accepted' });
      expect(result.estimatedAmount).to.have.property('currency', 'PLN');
      const history = await bodyOf(await answer(handlers, get(`/points/${POINT_IDS.flat}/readings`)));
      expect((history.items as { id: string }[])[0]?.id).to.equal(result.id);
      await expectProblem(await answer(handlers, readingRequest(plausible)), 422, 'reading_duplicate');
    });

    it('refuses a value lower than the previous reading with 422 reading_lower_than_previous per register', async () => {
      const lower = String(Number(night!.lastReading!.value) - 100);
      const body = await expectProblem(await answer(createHandlers(), readingRequest({ ...plausible, reg_e1_night: lower })), 422, 'reading_lower_than_previous');
      expect(body.fields).to.have.length(1);
      expect((body.fields as { registerId: string }[])[0]?.registerId).to.equal('reg_e1_night');
    });

    it('warns about an implausible value (overridable) and accepts it for review with confirmImplausible', async () => {
      const handlers = createHandlers();
      const implausible = { ...plausible, reg_e1_day: String(Number(day!.allowedRange!.max) + 1000) };
      const warned = await expectProblem(await answer(handlers, readingRequest(implausible)), 422, 'reading_out_of_range');
      expect(warned.overridable).to.equal(true);
      const confirmed = await answer(handlers, readingRequest(implausible, { confirmImplausible: true }));
      expect(confirmed.status).to.equal(201);
      expect((await bodyOf(confirmed)).status).to.equal('pending_review');
    });

    it('answers 422 validation_failed when a register is missing and 400 without Idempotency-Key', async () => {
      const missing = await expectProblem(await answer(createHandlers(), readingRequest({ reg_e1_day: plausible.reg_e1_day! })), 422, 'validation_failed');
      expect((missing.fields as { registerId?: string }[]).some((f) => f.registerId === 'reg_e1_night')).to.equal(true);
      const request = new Request(`${API_BASE}/points/${POINT_IDS.flat}/readings`, { method: 'POST', body: new FormData() });
      await expectProblem(await answer(createHandlers(), request), 400, 'malformed_request');
    });

    it('reading-window-closed: the context says closed and a reading is refused with 422 reading_window_closed', async () => {
      const handlers = createHandlers({ scenario: 'reading-window-closed' });
      const context = await bodyOf(await answer(handlers, get(`/points/${POINT_IDS.flat}/reading-context`)));
      expect(context.window).to.include({ open: false, opensAt: null, closesAt: null });
      await expectProblem(await answer(handlers, readingRequest(plausible)), 422, 'reading_window_closed');
    });
  });

  describe('tickets and messages', () => {
    it('creates a ticket with an attachment, replies to it, and downloads the attachment', async () => {
      const handlers = createHandlers();
      const created = await answer(handlers, SAMPLE_REQUESTS.createTicket());
      expect(created.status).to.equal(201);
      const ticket = (await bodyOf(created)) as { id: string; messages: { attachments: { id: string; contentType: string }[] }[] };
      const attachment = ticket.messages[0]!.attachments[0]!;
      expect(attachment.contentType).to.equal('image/png');
      const list = await bodyOf(await answer(handlers, get('/tickets')));
      expect((list.items as { id: string }[])[0]?.id).to.equal(ticket.id);
      const file = await answer(handlers, get(`/tickets/${ticket.id}/attachments/${attachment.id}`));
      expect(file.headers.get('Content-Disposition')).to.match(/^attachment;/);
      expect(file.headers.get('X-Content-Type-Options')).to.equal('nosniff');
    });

    it('refuses an attachment whose bytes are not an allowed type, and a reply to a closed ticket (409)', async () => {
      const form = new FormData();
      form.append('categoryId', 'cat_invoice');
      form.append('subject', 'Faktura');
      form.append('message', 'Proszę o korektę.');
      form.append('documentId', makeDocuments(1)[0]!.id);
      form.append('attachments', new Blob(['MZ not a pdf'], { type: 'application/pdf' }), 'faktura.pdf');
      const request = new Request(`${API_BASE}/tickets`, { method: 'POST', headers: { 'Idempotency-Key': exampleIdempotencyKey() }, body: form });
      await expectProblem(await answer(createHandlers(), request), 422, 'attachment_type_not_allowed');
      const reply = new FormData();
      reply.append('message', 'Jeszcze jedno pytanie.');
      const closed = new Request(`${API_BASE}/tickets/${TICKET_IDS.closed}/messages`, { method: 'POST', headers: { 'Idempotency-Key': exampleIdempotencyKey() }, body: reply });
      await expectProblem(await answer(createHandlers(), closed), 409, 'conflict');
    });

    it('marks a message as read (204) and counts unread messages regardless of filters', async () => {
      const handlers = createHandlers();
      const before = await bodyOf(await answer(handlers, get('/messages?channel=sms')));
      const unread = makeMessages().filter((m) => m.readAt === null);
      expect(unread, 'energia has three unread messages').to.have.length(3);
      expect((await answer(handlers, post(`/messages/${unread[0]!.id}/read`, {}))).status).to.equal(204);
      const after = await bodyOf(await answer(handlers, get('/messages?unread=true')));
      expect(after.unreadCount).to.equal((before.unreadCount as number) - 1);
      expect((after.items as unknown[]).length).to.equal(after.unreadCount);
    });
  });

  describe('scenarios', () => {
    it('every scenario has handlers, and a scenario placed before the defaults works like createHandlers({ scenario })', async () => {
      for (const name of SCENARIO_NAMES) expect(scenarioHandlers(name).length, name).to.be.greaterThan(0);
      const manual = [...scenarioHandlers('balance-overdue', 'https://x.example.com/api/v1'), ...createHandlers({ base: 'https://x.example.com/api/v1' })];
      const b = await bodyOf(await answer(manual, get('/balance', 'https://x.example.com/api/v1')));
      expect((b.balance as { amount: string }).amount).to.equal('245.67');
    });

    for (const [name, code] of [
      ['signed-out', 'unauthenticated'],
      ['session-expired', 'session_expired'],
    ] as const) {
      it(`${name}: every personal operation answers 401 ${code} (getSession and logout 204); public ones answer normally`, async () => {
        for (const op of personalOperations()) {
          const response = await answer(createHandlers({ scenario: name }), SAMPLE_REQUESTS[op.id]());
          if (op.id === 'logout' || op.id === 'getSession') expect(response.status, op.id).to.equal(204);
          else await expectProblem(response, 401, code);
        }
        expect((await answer(createHandlers({ scenario: name }), SAMPLE_REQUESTS.getPortalConfig())).status).to.equal(200);
        expect((await answer(createHandlers({ scenario: name }), SAMPLE_REQUESTS.login())).status).to.equal(200);
      });

      it(`${name}: after a sign-in the personal operations answer again; standalone handlers stay signed out`, async () => {
        const handlers = createHandlers({ scenario: name });
        await expectProblem(await answer(handlers, get('/balance')), 401, code);
        expect((await answer(handlers, SAMPLE_REQUESTS.login())).status).to.equal(200);
        expect((await answer(handlers, get('/balance'))).status).to.equal(200);
        expect((await answer(handlers, SAMPLE_REQUESTS.logout())).status).to.equal(204);
        await expectProblem(await answer(handlers, get('/balance')), 401, 'unauthenticated');
        await expectProblem(await answer([...scenarioHandlers(name), ...createHandlers()], get('/balance')), 401, code);
      });
    }

    it('server-error: every operation answers 500 internal_error', async () => {
      for (const op of OPERATION_LIST) await expectProblem(await answer(createHandlers({ scenario: 'server-error' }), SAMPLE_REQUESTS[op.id]()), 500, 'internal_error');
    });

    it('rate-limited: every operation answers 429 rate_limited with Retry-After: 30', async () => {
      for (const op of OPERATION_LIST) {
        const response = await answer(createHandlers({ scenario: 'rate-limited' }), SAMPLE_REQUESTS[op.id]());
        expect(response.headers.get('Retry-After'), op.id).to.equal(String(RETRY_AFTER.rateLimited));
        expect((await expectProblem(response, 429, 'rate_limited')).retryAfter).to.equal(30);
      }
    });

    it('unavailable: every operation answers 503 service_unavailable with Retry-After', async () => {
      for (const op of OPERATION_LIST) {
        const response = await answer(createHandlers({ scenario: 'unavailable' }), SAMPLE_REQUESTS[op.id]());
        expect(Number(response.headers.get('Retry-After')), op.id).to.be.greaterThan(0);
        await expectProblem(response, 503, 'service_unavailable');
      }
    });

    it('malformed: every operation answers 200 with a body that JSON.parse refuses', async () => {
      for (const op of OPERATION_LIST) {
        const response = await answer(createHandlers({ scenario: 'malformed' }), SAMPLE_REQUESTS[op.id]());
        expect(response.status, op.id).to.equal(200);
        const text = await response.text();
        expect(text).to.equal(MALFORMED_BODY);
        expect(() => JSON.parse(text) as unknown, op.id).to.throw(SyntaxError);
      }
    });

    it('malformed-shape: every operation answers 200 with valid JSON of the wrong shape', async () => {
      for (const op of OPERATION_LIST) {
        const body = await bodyOf(await answer(createHandlers({ scenario: 'malformed-shape' }), SAMPLE_REQUESTS[op.id]()));
        expect(body, op.id).to.not.have.any.keys('balance', 'session', 'utilityName');
        expect(Array.isArray(body.items), op.id).to.equal(false);
      }
    });

    it('offline: every operation fails with a network error', async () => {
      for (const op of OPERATION_LIST) {
        const response = await answer(createHandlers({ scenario: 'offline' }), SAMPLE_REQUESTS[op.id]());
        expect(response.type, op.id).to.equal('error');
      }
    });

    it('timeout: no answer arrives, so a client with a short timeout reports a timeout', async () => {
      const handlers = createHandlers({ scenario: 'timeout' });
      const client = new EbokClient({
        apiBase: API_BASE,
        retry: { retries: 0 },
        timeoutMs: 50,
        // A fetch gives up when its signal aborts, as the browser's does; the mock itself never answers.
        fetch: (input, init) => {
          const request = new Request(input, init);
          return new Promise<Response>((resolve, reject) => {
            request.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
            void getResponse(handlers, request).then((response) => response && resolve(response));
          });
        },
      });
      const error = await client.get('/balance').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(EbokApiError);
      expect((error as EbokApiError).code).to.equal('timeout');
    });

    it(`slow: the normal answer arrives after ${SLOW_DELAY_MS} ms`, async () => {
      const started = performance.now();
      const response = await answer(createHandlers({ scenario: ['slow', 'balance-overdue'] }), SAMPLE_REQUESTS.getBalance());
      expect(performance.now() - started).to.be.at.least(SLOW_DELAY_MS - 50);
      expect(response.status).to.equal(200);
      expect(((await bodyOf(response)).balance as { amount: string }).amount).to.equal('245.67');
    });

    it('locked: the right password gets the same 401 invalid_credentials as a wrong one', async () => {
      const handlers = createHandlers({ scenario: 'locked' });
      const right = await expectProblem(await answer(handlers, post('/auth/login', { identifier: DEMO.email, password: DEMO.password })), 401, 'invalid_credentials');
      const wrong = await expectProblem(await answer(createHandlers(), post('/auth/login', { identifier: DEMO.email, password: 'Zle-Haslo-2026' })), 401, 'invalid_credentials');
      expect(right).to.deep.equal(wrong);
    });

    it('lock-notice: any sign-in answers 401 login_locked with lockedUntil about 15 minutes ahead', async () => {
      const handlers = createHandlers({ scenario: 'lock-notice' });
      const body = await expectProblem(await answer(handlers, post('/auth/login', { identifier: 'nikt@example.com', password: 'Cokolwiek-2026' })), 401, 'login_locked');
      const left = Date.parse(String(body.lockedUntil)) - Date.now();
      expect(left).to.be.within(14 * 60_000, 15 * 60_000 + 1000);
    });

    it('repeated failures for one login, known or not, answer login_locked alike from the fifth on, the right password too', async () => {
      const handlers = createHandlers();
      const strip = ({ instance: _i, lockedUntil: _l, ...rest }: Record<string, unknown>) => rest;
      for (let i = 1; i <= 5; i++) {
        const known = await bodyOf(await answer(handlers, post('/auth/login', { identifier: DEMO.email, password: 'Zle-Haslo-2026' })));
        const unknown = await bodyOf(await answer(handlers, post('/auth/login', { identifier: 'nikt@example.com', password: 'Zle-Haslo-2026' })));
        expect(known.code, `failure ${i}`).to.equal(i < 5 ? 'invalid_credentials' : 'login_locked');
        expect(strip(known)).to.deep.equal(strip(unknown));
      }
      const right = await expectProblem(await answer(handlers, post('/auth/login', { identifier: DEMO.email, password: DEMO.password })), 401, 'login_locked');
      expect(right).to.have.property('lockedUntil');
      // Another login is not affected.
      expect((await answer(handlers, post('/auth/login', { identifier: DEMO.mfaEmail, password: DEMO.password }))).status).to.equal(200);
    });

    it('throttled: sign-in answers 429 too_many_attempts with Retry-After and lockedUntil; other operations are not throttled', async () => {
      const handlers = createHandlers({ scenario: 'throttled' });
      const response = await answer(handlers, SAMPLE_REQUESTS.login());
      expect(response.headers.get('Retry-After')).to.equal(String(RETRY_AFTER.throttled));
      const body = await expectProblem(response, 429, 'too_many_attempts');
      expect(body).to.have.property('lockedUntil');
      expect((await answer(handlers, SAMPLE_REQUESTS.getBalance())).status).to.equal(200);
    });

    it('payments-disabled: the config says so, no document is payable, createPayment answers 403 payments_disabled', async () => {
      const handlers = createHandlers({ scenario: 'payments-disabled' });
      const config = await bodyOf(await answer(handlers, SAMPLE_REQUESTS.getPortalConfig()));
      expect((config.features as { payments: boolean }).payments).to.equal(false);
      expect((config.payments as { perTransactionCap: unknown }).perTransactionCap).to.equal(null);
      const docs = await bodyOf(await answer(handlers, get('/documents?limit=100')));
      expect((docs.items as { payable: boolean }[]).some((d) => d.payable)).to.equal(false);
      await expectProblem(await answer(handlers, SAMPLE_REQUESTS.createPayment()), 403, 'payments_disabled');
    });

    it('empty: every list is empty, the balance is zero, no consumption and no unread messages', async () => {
      const handlers = createHandlers({ scenario: 'empty' });
      for (const path of ['/points', '/contracts', '/documents', '/payments', `/points/${POINT_IDS.flat}/readings`, '/tickets', '/messages', '/outages']) {
        const body = await bodyOf(await answer(handlers, get(path)));
        expect(body.items, path).to.deep.equal([]);
        expect(body.nextCursor, path).to.equal(null);
      }
      const balance = await bodyOf(await answer(handlers, get('/balance')));
      expect((balance.balance as { amount: string }).amount).to.equal('0.00');
      expect((await bodyOf(await answer(handlers, get('/consumption')))).series).to.deep.equal([]);
      expect((await bodyOf(await answer(handlers, get('/messages')))).unreadCount).to.equal(0);
    });
  });

  describe("the project's API client (src/api) against the mocks", () => {
    const clientOver = (handlers: HttpHandler[]): EbokClient =>
      new EbokClient({
        apiBase: API_BASE,
        retry: { retries: 0 },
        // What the service worker does: an `HttpResponse.error()` (or no handler) makes fetch reject.
        fetch: async (input, init) => {
          const response = await getResponse(handlers, new Request(input, init));
          if (!response || response.type === 'error') throw new TypeError('Failed to fetch');
          return response;
        },
      });

    it('signs in, reads the balance and starts a payment with the CSRF token and an Idempotency-Key (checkCsrf on)', async () => {
      const handlers = createHandlers({ checkCsrf: true });
      const client = clientOver(handlers);
      const login = await client.post('/auth/login', { body: { identifier: DEMO.email, password: DEMO.password } });
      if (login.status !== 'signed_in') throw new Error('expected signed_in');
      client.signedIn(login.session);
      const balance = await client.get('/balance');
      expect(balance.currency).to.equal('PLN');
      const payment = await client.post('/payments', {
        params: { header: { 'Idempotency-Key': newIdempotencyKey() } },
        body: { scope: 'balance', method: 'blik', returnUrl: 'https://www.energia-przyklad.example.com/ebok/platnosci' },
      });
      expect(payment.redirectUrl).to.match(/^https:\/\//);
    });

    it('turns the malformed, offline and rate-limited scenarios into EbokApiError codes', async () => {
      const codeOf = async (scenario: ScenarioName): Promise<string> => {
        try {
          await clientOver(createHandlers({ scenario })).get('/balance');
        } catch (error) {
          if (error instanceof EbokApiError) return error.code;
          throw error;
        }
        return 'no error';
      };
      expect(await codeOf('malformed')).to.equal('malformed_response');
      expect(await codeOf('offline')).to.equal('network_error');
      expect(await codeOf('rate-limited')).to.equal('rate_limited');
      expect(await codeOf('session-expired')).to.equal('session_expired');
    });
  });

  describe('fixtures', () => {
    it('portal config: Energia Przykład S.A., payments on with a 4300.00 PLN cap and a fee note, timeouts 900/43200 s, pl and en', () => {
      expect(portalConfig.utilityName).to.equal('Energia Przykład S.A.');
      expect(portalConfig.features.payments).to.equal(true);
      expect(portalConfig.payments.perTransactionCap).to.deep.equal({ amount: '4300.00', currency: 'PLN' });
      expect(portalConfig.payments.feeNote).to.have.property('pl');
      expect(portalConfig.session).to.deep.equal({ idleTimeoutSeconds: 900, absoluteTimeoutSeconds: 43_200 });
      expect(portalConfig.locales).to.deep.equal(['pl', 'en']);
    });

    it('every PPE passes the GS1 mod-10 check, the demo PESEL is valid, and the G12 point has day/night registers 1.8.1/1.8.2', () => {
      for (const point of points) expect(validatePpe(point.code).valid, point.code).to.equal(true);
      expect(validatePpe('590243800000000013').valid).to.equal(false);
      expect(validatePesel(DEMO.pesel).valid).to.equal(true);
      expect(validatePesel('44051401358').valid).to.equal(false);
      const g12 = points.find((p) => p.tariff === 'G12')!;
      expect(g12.meters[0]!.registers.map((r) => [r.zone, r.obisCode])).to.deep.equal([
        ['day', '1.8.1'],
        ['night', '1.8.2'],
      ]);
    });

    it('consumption compares two years month by month in day and night zones', () => {
      const consumption = makeConsumption({ pointId: POINT_IDS.flat, compare: true })!;
      const year = consumption.year;
      expect(new Set(consumption.series.map((s) => `${s.year}/${s.zone}`))).to.have.all.keys(`${year}/day`, `${year}/night`, `${year - 1}/day`, `${year - 1}/night`);
      expect(consumption.series.find((s) => s.year === year - 1)!.points).to.have.length(12);
      expect(consumption.totals.map((t) => t.year)).to.deep.equal([year, year - 1]);
    });
  });
});
