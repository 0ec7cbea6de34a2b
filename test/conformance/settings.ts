// The conformance checks of "My data" settings: the notification matrix (topics, the reminder's days, security
// e-mails that stay on) and tariff change requests (options coherent with the point, one request per key, one
// pending per point, bad tariffs refused, other customers' points not found, the list showing the request).
import { randomUUID } from 'node:crypto';
import { asArray, asString, get, isObject, type JsonObject } from './contract.js';
import type { Client, Exchange } from './http.js';
import { describe } from './http.js';

/** What the suite lends these checks (its check runner and its assertions). */
export interface SettingsTools {
  check(id: string, title: string, body: () => Promise<string | void> | string | void): Promise<boolean>;
  fail(message: string, exchange?: Exchange): never;
  skip(message: string): never;
  expectStatus(exchange: Exchange, expected: number, what?: string): void;
  expectProblem(exchange: Exchange, status: number, codes: readonly string[], what?: string): void;
}

const fieldsOf = (exchange: Exchange): JsonObject[] => asArray(get(exchange.json, 'fields')).filter(isObject);
const hasField = (exchange: Exchange, field: string, code?: string): boolean => fieldsOf(exchange).some((f) => f.field === field && (code === undefined || f.code === code));

export async function notificationChecks(t: SettingsTools, c: Client): Promise<void> {
  const read = await c.call('getNotificationPreferences');
  if (read.status !== 200 || !isObject(read.json)) return;
  const stored = read.json;
  await t.check('ops.updateNotificationPreferences.same', 'PUT /customer/notification-preferences with what GET answered → 200 the same matrix', async () => {
    const exchange = await c.call('updateNotificationPreferences', { body: stored });
    t.expectStatus(exchange, 200);
    if (JSON.stringify(exchange.json) !== JSON.stringify(stored)) t.fail(`answered ${describe(exchange)} instead of what was sent`, exchange);
  });
  await t.check('ops.updateNotificationPreferences.days', 'dueDateReminderDays 15 → 422 validation_failed on /dueDateReminderDays; 7 is stored and read back', async () => {
    const refused = await c.call('updateNotificationPreferences', { body: { ...stored, dueDateReminderDays: 15 } });
    t.expectProblem(refused, 422, ['validation_failed']);
    if (!hasField(refused, '/dueDateReminderDays')) t.fail('the problem does not point at /dueDateReminderDays', refused);
    t.expectStatus(await c.call('updateNotificationPreferences', { body: { ...stored, dueDateReminderDays: 7 } }), 200, 'days 7');
    const again = await c.call('getNotificationPreferences');
    if (get(again.json, 'dueDateReminderDays') !== 7) t.fail(`GET after PUT answered dueDateReminderDays ${String(get(again.json, 'dueDateReminderDays'))}`, again);
    t.expectStatus(await c.call('updateNotificationPreferences', { body: stored }), 200, 'restoring');
  });
  await t.check('ops.updateNotificationPreferences.security', 'security e-mails cannot be turned off: email.security false → 422 not_allowed on /email/security', async () => {
    const email = { ...(get(stored, 'email') as JsonObject), security: false };
    const exchange = await c.call('updateNotificationPreferences', { body: { ...stored, email } });
    t.expectProblem(exchange, 422, ['validation_failed']);
    if (!hasField(exchange, '/email/security', 'not_allowed')) t.fail('the problem does not point at /email/security with not_allowed', exchange);
    if (get(stored, 'email', 'security') !== true) t.fail('GET answered email.security false', read);
  });
}

/** A point whose options offer a tariff other than the current one, and that tariff. */
interface Candidate {
  pointId: string;
  current: string;
  other: string;
}

export async function tariffChecks(t: SettingsTools, c: Client, points: readonly JsonObject[]): Promise<void> {
  let candidate: Candidate | undefined;
  for (const point of points) {
    const pointId = String(point.id);
    await t.check(`ops.getTariffOptions.${pointId}`, `GET /points/{pointId}/tariff-options (${pointId}) agrees with the point: its tariff, one current option, estimates with a basis`, async () => {
      const exchange = await c.call('getTariffOptions', { params: { pointId } });
      t.expectStatus(exchange, 200);
      const body = exchange.json;
      if (get(body, 'pointId') !== pointId) t.fail(`answered pointId ${String(get(body, 'pointId'))}`, exchange);
      if (get(body, 'currentTariff') !== point.tariff) t.fail(`currentTariff ${String(get(body, 'currentTariff'))}, but the point's tariff is ${String(point.tariff)}`, exchange);
      const options = asArray(get(body, 'options')).filter(isObject);
      if (options.length === 0) return 'no tariffs offered for this point';
      const current = options.filter((o) => o.current === true);
      if (current.length !== 1 || current[0]!.tariff !== point.tariff) t.fail(`expected exactly one current option, ${String(point.tariff)}; got ${current.map((o) => String(o.tariff)).join(', ') || 'none'}`, exchange);
      const estimated = options.filter((o) => o.estimatedYearlyCost !== null);
      const basis = get(body, 'estimateBasis');
      if (estimated.length > 0 && basis === null) t.fail('estimated costs without an estimateBasis', exchange);
      if (basis !== null && estimated.length === 0) t.fail('an estimateBasis without any estimated cost', exchange);
      const diff = asString(get(current[0], 'differenceFromCurrent', 'amount'));
      if (diff !== undefined && Number(diff) !== 0) t.fail(`the current tariff differs from itself by ${diff}`, exchange);
      const other = options.find((o) => o.current !== true);
      if (other && !candidate) candidate = { pointId, current: String(point.tariff), other: String(other.tariff) };
      return undefined;
    });
  }
  await t.check('ops.getTariffOptions.404', 'GET /points/{pointId}/tariff-options of an unknown point → 404 not_found', async () => {
    t.expectProblem(await c.call('getTariffOptions', { params: { pointId: `pt_missing_${randomUUID().slice(0, 8)}` } }), 404, ['not_found']);
  });
  await t.check('ops.createTariffChangeRequest.404', 'POST /points/{pointId}/tariff-change-requests for an unknown point → 404 not_found', async () => {
    t.expectProblem(await c.call('createTariffChangeRequest', { params: { pointId: `pt_missing_${randomUUID().slice(0, 8)}` }, body: { tariff: 'G12' } }), 404, ['not_found']);
  });
  await t.check('ops.listTariffChangeRequests.404', 'GET /tariff-change-requests?pointId=<unknown point> → 404 not_found', async () => {
    t.expectProblem(await c.call('listTariffChangeRequests', { query: { pointId: `pt_missing_${randomUUID().slice(0, 8)}` } }), 404, ['not_found']);
  });
  const found = candidate;
  await t.check('ops.createTariffChangeRequest.invalid', 'POST a tariff change to the current tariff, or to one not offered → 422 validation_failed on /tariff', async () => {
    if (!found) t.skip('no point is offered another tariff');
    for (const tariff of [found.current, 'ZZ99']) {
      const exchange = await c.call('createTariffChangeRequest', { params: { pointId: found.pointId }, body: { tariff } });
      t.expectProblem(exchange, 422, ['validation_failed'], tariff);
      if (!hasField(exchange, '/tariff')) t.fail(`${tariff}: the problem does not point at /tariff`, exchange);
    }
  });
  await t.check('ops.createTariffChangeRequest', 'POST a tariff change → 201 submitted; the same key again → the same request; a new key → 409 conflict (one pending per point); the list shows it once', async () => {
    if (!found) t.skip('no point is offered another tariff');
    const listed = await c.call('listTariffChangeRequests', { query: { pointId: found.pointId } });
    t.expectStatus(listed, 200, 'the list before');
    const pendingBefore = asArray(get(listed.json, 'items')).filter(isObject).find((r) => r.status === 'submitted');
    const key = randomUUID();
    const body = { tariff: found.other };
    let id: string;
    let note: string | undefined;
    if (pendingBefore) {
      id = String(pendingBefore.id);
      note = `a request was already pending at ${found.pointId} (an earlier run): only the conflict and the list were checked`;
    } else {
      const created = await c.call('createTariffChangeRequest', { params: { pointId: found.pointId }, body, idempotencyKey: key });
      t.expectStatus(created, 201, 'first request');
      const r = created.json;
      if (get(r, 'status') !== 'submitted' || get(r, 'pointId') !== found.pointId || get(r, 'fromTariff') !== found.current || get(r, 'toTariff') !== found.other || get(r, 'effectiveFrom') !== null) {
        t.fail(`answered ${describe(created)} ${JSON.stringify(r)}`, created);
      }
      id = String(get(r, 'id'));
      const replay = await c.call('createTariffChangeRequest', { params: { pointId: found.pointId }, body, idempotencyKey: key });
      t.expectStatus(replay, 201, 'the same key again');
      if (get(replay.json, 'id') !== id) t.fail(`the same key filed another request (${String(get(replay.json, 'id'))} after ${id})`, replay);
    }
    const second = await c.call('createTariffChangeRequest', { params: { pointId: found.pointId }, body, idempotencyKey: randomUUID() });
    t.expectProblem(second, 409, ['conflict'], 'a second pending request');
    const after = await c.call('listTariffChangeRequests', { query: { pointId: found.pointId } });
    t.expectStatus(after, 200, 'the list after');
    const items = asArray(get(after.json, 'items')).filter(isObject);
    if (items.filter((r) => r.id === id).length !== 1) t.fail(`the list does not show request ${id} exactly once`, after);
    if (items.filter((r) => r.status === 'submitted').length !== 1) t.fail('the list shows more than one pending request for the point', after);
    if (items.some((r) => r.pointId !== found.pointId)) t.fail('?pointId= listed requests of other points', after);
    const all = await c.call('listTariffChangeRequests');
    t.expectStatus(all, 200, 'the whole list');
    if (!asArray(get(all.json, 'items')).filter(isObject).some((r) => r.id === id)) t.fail(`the whole list lacks request ${id}`, all);
    return note;
  });
}
