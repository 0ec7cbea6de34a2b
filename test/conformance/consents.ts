// The conformance checks of the consents (each marketing consent on its own, the e-invoice rule) and of new terms
// at login (`terms_required`, then `acceptTerms`: single use, the current version only). Called from suite.ts.
import { randomBytes } from 'node:crypto';
import type { JsonObject } from './contract.js';
import { asArray, asString, get, isObject } from './contract.js';
import type { Client, Exchange } from './http.js';
import { SESSION_COOKIE, describe } from './http.js';
import { expectProblem, expectStatus, fail, skip, type ConformanceOptions, type Group } from './suite.js';

/** What these checks need of the suite. */
export interface SuiteLike {
  check(group: Group, id: string, title: string, body: () => Promise<string | void> | string | void): Promise<boolean>;
  client(label: string): Client;
}

const G: Group = 'Signed-in operations';
const consentsOf = (exchange: Exchange): JsonObject[] => asArray(get(exchange.json, 'marketing')).filter(isObject);
const byId = (list: readonly JsonObject[], id: unknown): JsonObject | undefined => list.find((m) => m.id === id);

function expectField(exchange: Exchange, field: string, code: string): void {
  const fields = asArray(get(exchange.json, 'fields')).filter(isObject);
  if (!fields.some((f) => f.field === field && f.code === code)) fail(`expected a field error ${field} ${code}, got ${describe(exchange)} ${exchange.text.slice(0, 200)}`, exchange);
}

export async function consentChecks(suite: SuiteLike, c: Client, read: Exchange, config: Exchange): Promise<void> {
  const marketing = consentsOf(read);
  const eInvoice = get(read.json, 'eInvoice');
  await suite.check(G, 'ops.updateConsents', 'PUT /customer/consents with every consent at its current value → 200, nothing changed (dates kept)', async () => {
    const exchange = await c.call('updateConsents', { body: { marketing: marketing.map((m) => ({ id: m.id, given: m.given })), eInvoice } });
    expectStatus(exchange, 200);
    for (const before of marketing) {
      const after = byId(consentsOf(exchange), before.id);
      if (!after || after.given !== before.given || after.changedAt !== before.changedAt) fail(`consent ${String(before.id)} changed: ${JSON.stringify(after)}`, exchange);
    }
    if (get(exchange.json, 'eInvoice') !== eInvoice) fail('eInvoice changed', exchange);
  });
  await suite.check(G, 'consents.perConsent', 'PUT /customer/consents with one consent flipped changes only it, with a new date; flipping back restores it', async () => {
    const first = marketing[0];
    if (!first) skip('the customer has no marketing consents');
    const flipped = await c.call('updateConsents', { body: { marketing: [{ id: first.id, given: !first.given }] } });
    expectStatus(flipped, 200);
    const after = byId(consentsOf(flipped), first.id);
    if (!after || after.given !== !first.given) fail(`consent ${String(first.id)} is ${String(after?.given)}, expected ${String(!first.given)}`, flipped);
    if (typeof after.changedAt !== 'string' || after.changedAt === first.changedAt) fail(`consent ${String(first.id)} has no new changedAt (${String(after.changedAt)})`, flipped);
    for (const other of marketing.slice(1)) if (byId(consentsOf(flipped), other.id)?.given !== other.given) fail(`consent ${String(other.id)} changed too`, flipped);
    const back = await c.call('updateConsents', { body: { marketing: [{ id: first.id, given: first.given }] } });
    expectStatus(back, 200, 'flipping back');
    if (byId(consentsOf(back), first.id)?.given !== first.given) fail('flipping back did not restore the consent', back);
  });
  await suite.check(G, 'consents.unknown', 'PUT /customer/consents with an unknown consent id → 422 validation_failed /marketing/0/id unknown_value', async () => {
    const exchange = await c.call('updateConsents', { body: { marketing: [{ id: `no_such_consent_${randomBytes(3).toString('hex')}`, given: true }] } });
    expectProblem(exchange, 422, ['validation_failed']);
    expectField(exchange, '/marketing/0/id', 'unknown_value');
  });
  await suite.check(G, 'consents.eInvoiceRequired', 'with portalConfig.eInvoiceRequired, PUT eInvoice: false → 422 /eInvoice not_allowed; the consents show e-invoice on', async () => {
    if (get(config.json, 'eInvoiceRequired') !== true) return 'not required by this utility: turning e-invoice off is allowed here';
    if (eInvoice !== true) fail('e-invoice is required, but the consents say it is off', read);
    const exchange = await c.call('updateConsents', { body: { eInvoice: false } });
    expectProblem(exchange, 422, ['validation_failed']);
    expectField(exchange, '/eInvoice', 'not_allowed');
    return undefined;
  });
}

export async function termsChecks(suite: SuiteLike, options: ConformanceOptions): Promise<void> {
  const T: Group = 'Session';
  await suite.check('Public operations', 'ops.acceptTerms.unknown', 'POST /auth/terms-acceptance with a made-up challenge → 422 token_invalid_or_expired', async () => {
    const exchange = await suite.client('anonymous').call('acceptTerms', { body: { challengeId: `trm_${randomBytes(12).toString('hex')}`, version: '2025-01' } });
    expectProblem(exchange, 422, ['token_invalid_or_expired']);
  });
  const { termsHookUrl, login, password } = options;
  const ids = ['terms.required', 'terms.wrongVersion', 'terms.accept', 'terms.reuse', 'terms.recorded'];
  if (!termsHookUrl || !login || !password) {
    for (const id of ids) await suite.check(T, id, 'new terms at login', () => skip(termsHookUrl ? 'no --login/--password given' : 'no --terms-hook-url given'));
    return;
  }
  const published = await fetch(termsHookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  const version = asString(get((await published.json().catch(() => undefined)) as unknown, 'version'));
  try {
    const login1 = suite.client('terms');
    let first: Exchange | undefined;
    await suite.check(T, 'terms.required', 'after new terms are published, POST /auth/login answers 200 terms_required with them and sets no session', async () => {
      if (!published.ok || !version) fail(`the terms hook answered HTTP ${published.status}`);
      first = await login1.call('login', { body: { identifier: login, password } });
      expectStatus(first, 200);
      if (get(first.json, 'status') !== 'terms_required') fail(`expected status terms_required, got ${String(get(first.json, 'status'))}`, first);
      if (get(first.json, 'terms', 'version') !== version) fail(`terms.version is ${String(get(first.json, 'terms', 'version'))}, the hook published ${version}`, first);
      if (login1.sessionId) fail(`a ${SESSION_COOKIE} cookie was set before the terms were accepted`, first);
    });
    await suite.check(T, 'terms.wrongVersion', 'POST /auth/terms-acceptance with another version than the current one → 409 conflict, no session', async () => {
      if (!first) skip('no terms_required answer');
      const exchange = await login1.call('acceptTerms', { body: { challengeId: get(first.json, 'challengeId'), version: `${version}-old` } });
      expectProblem(exchange, 409, ['conflict']);
      if (login1.sessionId) fail('a session cookie was set', exchange);
    });
    const login2 = suite.client('terms-accept');
    let challengeId: unknown;
    await suite.check(T, 'terms.accept', 'POST /auth/terms-acceptance with the challenge and the version shown → 200 signed_in with a session cookie and csrfToken', async () => {
      const again = await login2.call('login', { body: { identifier: login, password } });
      if (get(again.json, 'status') !== 'terms_required') fail(`the next login answered ${describe(again)} ${String(get(again.json, 'status'))}`, again);
      challengeId = get(again.json, 'challengeId');
      const exchange = await login2.call('acceptTerms', { body: { challengeId, version } });
      expectStatus(exchange, 200);
      login2.adoptSession(exchange);
      if (get(exchange.json, 'status') !== 'signed_in') fail(`status ${String(get(exchange.json, 'status'))}`, exchange);
      if (!login2.sessionId || !login2.csrfToken) fail('no session cookie or csrfToken', exchange);
    });
    await suite.check(T, 'terms.reuse', 'the same challenge sent again → 422 token_invalid_or_expired (single use)', async () => {
      if (!challengeId) skip('no accepted challenge');
      const exchange = await suite.client('terms-reuse').call('acceptTerms', { body: { challengeId, version } });
      expectProblem(exchange, 422, ['token_invalid_or_expired']);
    });
    await suite.check(T, 'terms.recorded', 'the consents show the accepted version, and the next login signs in at once', async () => {
      if (!login2.sessionId) skip('not signed in');
      const consents = await login2.call('getConsents');
      expectStatus(consents, 200);
      if (get(consents.json, 'terms', 'version') !== version) fail(`terms.version is ${String(get(consents.json, 'terms', 'version'))}`, consents);
      const next = await suite.client('terms-next').call('login', { body: { identifier: login, password } });
      if (get(next.json, 'status') !== 'signed_in') fail(`the next login answered ${String(get(next.json, 'status'))}`, next);
    });
  } finally {
    await fetch(termsHookUrl, { method: 'DELETE' }).catch(() => undefined);
  }
}
