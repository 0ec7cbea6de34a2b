// The "my data" checks: a new phone is confirmed by the SMS code sent to it (once, not with a wrong code), a
// pending change can be cancelled, and an account removal request is filed once (a second one is a conflict).
import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { asString, get } from './contract.js';
import type { Client, Exchange } from './http.js';
import { expectProblem, expectStatus, fail, skip, type Suite } from './suite.js';

const G = 'Signed-in operations';

/** The ids of every check here (the self-test expects each to run and pass). */
export const PROFILE_CHECKS = [
  'contact.unauthenticated',
  'contact.phone.pending',
  'contact.phone.wrongCode',
  'contact.phone.confirm',
  'contact.phone.reuse',
  'contact.cancel',
  'contact.resend.nothing',
  'removal.unauthenticated',
  'removal.wrongPassword',
  'removal.create',
  'removal.conflict',
  'removal.read',
] as const;

/** A Polish mobile number no real customer has (the 5xx range, random). */
const freshPhone = (): string => `+485${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;

function fieldCodes(exchange: Exchange, field: string): string[] {
  const fields = get(exchange.json, 'fields');
  return Array.isArray(fields) ? fields.filter((f) => get(f, 'field') === field).map((f) => String(get(f, 'code'))) : [];
}

/** Waits (up to 10 s) for a new SMS with a code to `phone`. */
async function codeFor(suite: Suite, phone: string, seen: ReadonlySet<string>): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    for (const message of await suite.outbox(phone)) {
      if (seen.has(message.id)) continue;
      const code = message.code ?? /\b(\d{6})\b/.exec(message.body)?.[1];
      if (code) return code;
    }
    if (Date.now() > deadline) fail(`no SMS with a code reached the outbox for ${phone} within 10 s`);
    await sleep(250);
  }
}

const seenOf = async (suite: Suite, to: string): Promise<Set<string>> => new Set((await suite.outbox(to)).map((m) => m.id));

/** Changes the phone to `phone` and confirms it with the code from the outbox (undefined: removes it). */
async function setPhone(suite: Suite, c: Client, phone: string | null): Promise<void> {
  if (phone === null) {
    expectStatus(await c.call('updateContact', { body: { phone: null } }), 200, 'removing the phone');
    return;
  }
  const seen = await seenOf(suite, phone);
  const started = await c.call('updateContact', { body: { phone } });
  expectStatus(started, 200, `asking for ${phone}`);
  if (get(started.json, 'phone') === phone) return;
  expectStatus(await c.call('confirmContact', { body: { phone: { code: await codeFor(suite, phone, seen) } } }), 200, `confirming ${phone}`);
}

export async function profileChecks(suite: Suite, main: Client | undefined): Promise<void> {
  const anonymous = suite.client('anonymous');
  await suite.check(G, 'contact.unauthenticated', 'POST /customer/contact/confirmation without a session → 401 unauthenticated', async () => {
    expectProblem(await anonymous.call('confirmContact', { body: { phone: { code: '123456' } } }), 401, ['unauthenticated']);
  });
  await suite.check(G, 'removal.unauthenticated', 'GET /customer/account-removal-request without a session → 401 unauthenticated', async () => {
    expectProblem(await anonymous.call('getAccountRemovalRequest'), 401, ['unauthenticated']);
  });
  if (main) await phoneChecks(suite, main);
  await removalChecks(suite);
}

async function phoneChecks(suite: Suite, c: Client): Promise<void> {
  const outbox = Boolean(suite.options.outboxUrl);
  const before = await c.call('getProfile');
  const original = before.status === 200 ? (get(before.json, 'phone') as string | null) : undefined;
  const phone = freshPhone();
  let code: string | undefined;
  let pending = false;
  await suite.check(G, 'contact.phone.pending', 'PATCH /customer/contact with a new phone → 200, the number in pendingPhone, phone unchanged', async () => {
    if (original === undefined) fail('GET /customer/profile did not answer 200', before);
    const seen = outbox ? await seenOf(suite, phone) : new Set<string>();
    const exchange = await c.call('updateContact', { body: { phone } });
    expectStatus(exchange, 200);
    if (get(exchange.json, 'pendingPhone') !== phone) fail(`pendingPhone is ${String(get(exchange.json, 'pendingPhone'))}, not ${phone}`, exchange);
    if (get(exchange.json, 'phone') !== original) fail(`phone changed at once to ${String(get(exchange.json, 'phone'))}: it must wait for the code`, exchange);
    pending = true;
    if (outbox) code = await codeFor(suite, phone, seen);
  });
  const needCode = (): string => {
    if (!outbox) skip('no --outbox-url: the SMS code cannot be read');
    if (!pending || !code) skip('no pending phone with a code (see contact.phone.pending)');
    return code;
  };
  await suite.check(G, 'contact.phone.wrongCode', 'POST /customer/contact/confirmation with a wrong code → 422 validation_failed on /phone/code', async () => {
    const right = needCode();
    const wrong = right === '000000' ? '111111' : '000000';
    const exchange = await c.call('confirmContact', { body: { phone: { code: wrong } } });
    expectProblem(exchange, 422, ['validation_failed']);
    if (!fieldCodes(exchange, '/phone/code').includes('incorrect')) fail('no field /phone/code with code incorrect', exchange);
  });
  let confirmed = false;
  await suite.check(G, 'contact.phone.confirm', 'the code from the SMS confirms: 200, phone is the new number, pendingPhone null', async () => {
    const exchange = await c.call('confirmContact', { body: { phone: { code: needCode() } } });
    expectStatus(exchange, 200);
    if (get(exchange.json, 'phone') !== phone || get(exchange.json, 'pendingPhone') !== null) fail(`phone ${String(get(exchange.json, 'phone'))}, pendingPhone ${String(get(exchange.json, 'pendingPhone'))}`, exchange);
    confirmed = true;
  });
  await suite.check(G, 'contact.phone.reuse', 'the same code again → 422 validation_failed on /phone/code (single use)', async () => {
    const right = needCode();
    if (!confirmed) skip('the code did not confirm (see contact.phone.confirm)');
    const exchange = await c.call('confirmContact', { body: { phone: { code: right } } });
    expectProblem(exchange, 422, ['validation_failed']);
    if (fieldCodes(exchange, '/phone/code').length === 0) fail('no field /phone/code', exchange);
  });
  await suite.check(G, 'contact.cancel', 'DELETE /customer/contact/pending/phone drops a pending number: pendingPhone null, phone unchanged', async () => {
    const current = asString(get((await c.call('getProfile')).json, 'phone')) ?? null;
    expectStatus(await c.call('updateContact', { body: { phone: freshPhone() } }), 200, 'asking for another number');
    const exchange = await c.call('cancelContactChange', { params: { channel: 'phone' } });
    expectStatus(exchange, 200);
    if (get(exchange.json, 'pendingPhone') !== null || get(exchange.json, 'phone') !== current) fail(`pendingPhone ${String(get(exchange.json, 'pendingPhone'))}, phone ${String(get(exchange.json, 'phone'))}`, exchange);
  });
  await suite.check(G, 'contact.resend.nothing', 'POST /customer/contact/pending/phone/resend with nothing pending → 409 conflict', async () => {
    expectProblem(await c.call('resendContactConfirmation', { params: { channel: 'phone' } }), 409, ['conflict']);
  });
  // Back to the number the account had (confirmed by its own code), so the suite leaves the account as it was.
  if (confirmed && original !== undefined && outbox) await setPhone(suite, c, original);
}

async function removalChecks(suite: Suite): Promise<void> {
  const { removalLogin, removalPassword, password } = suite.options;
  const ids = ['removal.wrongPassword', 'removal.create', 'removal.conflict', 'removal.read'] as const;
  const right = removalPassword ?? password;
  if (!removalLogin || !right) {
    suite.skipAll(G, ids.map((id) => [id, 'account removal request'] as [string, string]), 'no --removal-login given (an account the suite may file a removal request for)');
    return;
  }
  const { client: c, exchange: login } = await suite.signIn('removal', removalLogin, right);
  let created: Exchange | undefined;
  await suite.check(G, 'removal.wrongPassword', 'POST /customer/account-removal-request with a wrong password → 422 validation_failed /currentPassword', async () => {
    suite.expectSignedIn(login, c, `sign-in as ${removalLogin}`);
    const exchange = await c.call('requestAccountRemoval', { body: { currentPassword: 'Wrong-Passw0rd-x!' } });
    if (exchange.status === 409) skip('a request is already open for this account');
    expectProblem(exchange, 422, ['validation_failed']);
    if (!fieldCodes(exchange, '/currentPassword').includes('incorrect')) fail('no field /currentPassword with code incorrect', exchange);
  });
  await suite.check(G, 'removal.create', 'POST /customer/account-removal-request with the password → 201 with id, status submitted, submittedAt', async () => {
    const exchange = await c.call('requestAccountRemoval', { body: { currentPassword: right, reason: 'Test zgodności (conformance).' } });
    if (exchange.status === 409) skip('a request is already open for this account');
    expectStatus(exchange, 201);
    if (get(exchange.json, 'status') !== 'submitted') fail(`status ${String(get(exchange.json, 'status'))}`, exchange);
    created = exchange;
  });
  await suite.check(G, 'removal.conflict', 'a second request while one is open → 409 conflict', async () => {
    if (!created) skip('no request was created (see removal.create)');
    expectProblem(await c.call('requestAccountRemoval', { body: { currentPassword: right } }), 409, ['conflict']);
  });
  await suite.check(G, 'removal.read', 'GET /customer/account-removal-request answers the open request', async () => {
    if (!created) skip('no request was created (see removal.create)');
    const exchange = await c.call('getAccountRemovalRequest');
    expectStatus(exchange, 200);
    if (get(exchange.json, 'request', 'id') !== get(created.json, 'id')) fail(`answered ${exchange.text.slice(0, 200)}`, exchange);
  });
}
