/**
 * Tariff change requests (seed 000: "wniosek o zmianę taryfy – z G11 na G12"): the tariffs a point may change to with
 * an estimate from its last 12 months of consumption, the customer's requests, and the utility's decision (the
 * sandbox page and the tests' hook stand in for its back office), told to the customer in the portal and by e-mail.
 */
import { ApiError, fieldError } from './problem.ts';
import { json, validationError, type Ctx, type Handler } from './core.ts';
import type { Db, Queryable } from './db.ts';
import { sendEmail } from './outbox.ts';
import { randomId } from './util.ts';
import { addDays, warsawDate, warsawIso } from '../../src/i18n/calendar.ts';
import { isHouseholdTariff, tariffOptions } from '../personas/tariffs.ts';

interface RequestRow {
  id: string;
  customer_id: string;
  point_id: string;
  from_tariff: string;
  to_tariff: string;
  status: 'submitted' | 'accepted' | 'rejected';
  submitted_at: Date;
  decided_at: Date | null;
  effective_from: string | null;
  decision_reason: string | null;
}

const COLUMNS = "id, customer_id, point_id, from_tariff, to_tariff, status, submitted_at, decided_at, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, decision_reason";

function view(r: RequestRow, today: string) {
  return {
    id: r.id,
    pointId: r.point_id,
    fromTariff: r.from_tariff,
    toTariff: r.to_tariff,
    status: r.status === 'accepted' && r.effective_from !== null && r.effective_from <= today ? 'effective' : r.status,
    submittedAt: warsawIso(new Date(r.submitted_at)),
    decidedAt: r.decided_at ? warsawIso(new Date(r.decided_at)) : null,
    effectiveFrom: r.effective_from,
    decisionReason: r.decision_reason,
  };
}

/** Accepted requests whose first day has come: the point's tariff becomes the new one. */
async function applyDue(db: Queryable, today: string): Promise<void> {
  await db.query(
    `UPDATE points p SET tariff = r.to_tariff FROM tariff_change_requests r
     WHERE r.point_id = p.id AND r.status = 'accepted' AND r.applied_at IS NULL AND r.effective_from <= $1::date`,
    [today],
  );
  await db.query("UPDATE tariff_change_requests SET applied_at = now() WHERE status = 'accepted' AND applied_at IS NULL AND effective_from <= $1::date", [today]);
}

async function pointOf(ctx: Ctx, pointId: string) {
  const p = (await ctx.db.query<{ id: string; kind: 'electricity' | 'gas' | 'water' | 'heat'; tariff: string }>('SELECT id, kind, tariff FROM points WHERE id = $1 AND customer_id = $2', [pointId, ctx.user!.customer_id]))[0];
  if (!p) throw new ApiError('not_found');
  return p;
}

export const getTariffOptions: Handler = async (ctx) => {
  const today = warsawDate(ctx.now);
  await applyDue(ctx.db, today);
  const point = await pointOf(ctx, ctx.params.pointId!);
  const usage = await ctx.db.query<{ zone: string; month: string; value: string; estimated: boolean }>(
    `SELECT r.zone, to_char(c.month, 'YYYY-MM-DD') AS month, SUM(c.value)::text AS value, bool_or(c.estimated) AS estimated
     FROM consumption c JOIN registers r ON r.id = c.register_id
     WHERE c.point_id = $1 AND r.direction = 'consumption' AND c.month >= $2::date - interval '13 months'
     GROUP BY r.zone, c.month`,
    [point.id, today],
  );
  return json(200, tariffOptions(point, usage.map((u) => ({ ...u, value: Number(u.value) })), today, ctx.lang));
};

export const createTariffChangeRequest: Handler = async (ctx) => {
  const { tariff } = ctx.body as { tariff: string };
  const point = await pointOf(ctx, ctx.params.pointId!);
  const offered = point.kind === 'electricity' && isHouseholdTariff(point.tariff) && isHouseholdTariff(tariff);
  if (!offered || tariff === point.tariff) {
    const en = ctx.lang === 'en';
    const message = tariff === point.tariff ? (en ? 'This is the point’s tariff already.' : 'Ten punkt ma już tę taryfę.') : en ? 'This tariff is not offered for this point.' : 'Tej taryfy nie oferujemy dla tego punktu.';
    throw validationError(ctx.lang, [fieldError('/tariff', 'not_allowed', ctx.lang, undefined, message)]);
  }
  const id = randomId('tcr');
  const inserted = await ctx.db.query<{ id: string }>(
    `INSERT INTO tariff_change_requests (id, customer_id, point_id, from_tariff, to_tariff, status, submitted_at)
     VALUES ($1, $2, $3, $4, $5, 'submitted', $6) ON CONFLICT (point_id) WHERE status = 'submitted' DO NOTHING RETURNING id`,
    [id, ctx.user!.customer_id, point.id, point.tariff, tariff, ctx.now],
  );
  if (inserted.length === 0) {
    throw new ApiError('conflict', ctx.lang === 'en' ? 'A tariff change request for this point is already waiting for our decision.' : 'Wniosek o zmianę taryfy dla tego punktu czeka już na naszą decyzję.');
  }
  const row = (await ctx.db.query<RequestRow>(`SELECT ${COLUMNS} FROM tariff_change_requests WHERE id = $1`, [id]))[0]!;
  return json(201, view(row, warsawDate(ctx.now)));
};

export const listTariffChangeRequests: Handler = async (ctx) => {
  const today = warsawDate(ctx.now);
  await applyDue(ctx.db, today);
  const pointId = (ctx.query as { pointId?: string }).pointId;
  if (pointId) await pointOf(ctx, pointId);
  const rows = await ctx.db.query<RequestRow>(
    `SELECT ${COLUMNS} FROM tariff_change_requests WHERE customer_id = $1 ${pointId ? 'AND point_id = $2' : ''} ORDER BY submitted_at DESC, id DESC`,
    pointId ? [ctx.user!.customer_id, pointId] : [ctx.user!.customer_id],
  );
  return json(200, { items: rows.map((r) => view(r, today)) });
};

export function tariffHandlers(): Record<string, Handler> {
  return { getTariffOptions, createTariffChangeRequest, listTariffChangeRequests };
}

export interface TariffDecision {
  accept: boolean;
  /** The new tariff's first day (`YYYY-MM-DD`) when accepted; default the first day of next month. */
  effectiveFrom?: string;
  reason?: string;
}

/**
 * The utility decides a pending request: accepted from `effectiveFrom`, or rejected with a reason; the customer is
 * told in the portal's messages and by e-mail. Answers the decided request's id, or undefined when there is no
 * pending request with that id.
 */
export async function decideTariffChange(db: Db, requestId: string, decision: TariffDecision, now: Date): Promise<string | undefined> {
  return db.transaction(async (tx) => {
    const r = (await tx.query<RequestRow>(`SELECT ${COLUMNS} FROM tariff_change_requests WHERE id = $1 FOR UPDATE`, [requestId]))[0];
    if (!r || r.status !== 'submitted') return undefined;
    const today = warsawDate(now);
    const nextMonth = addDays(`${today.slice(0, 7)}-01`, 32).slice(0, 7) + '-01';
    const from = decision.accept ? (decision.effectiveFrom && /^\d{4}-\d{2}-\d{2}$/.test(decision.effectiveFrom) ? decision.effectiveFrom : nextMonth) : null;
    const reason = decision.reason?.trim() || (decision.accept ? null : 'Zmiana taryfy wymaga wymiany licznika, której operator sieci nie może teraz wykonać.');
    await tx.query('UPDATE tariff_change_requests SET status = $2, decided_at = $3, effective_from = $4, decision_reason = $5 WHERE id = $1', [r.id, decision.accept ? 'accepted' : 'rejected', now, from, reason]);
    if (from) await applyDue(tx, today);
    const [y, m, d] = (from ?? '').split('-');
    const subject = decision.accept ? `Zmiana taryfy na ${r.to_tariff} przyjęta` : `Wniosek o zmianę taryfy na ${r.to_tariff} odrzucony`;
    const text = decision.accept
      ? `Przyjęliśmy Twój wniosek o zmianę taryfy z ${r.from_tariff} na ${r.to_tariff}. Nowa taryfa obowiązuje od ${d}.${m}.${y}.${reason ? ` ${reason}` : ''}`
      : `Nie możemy zmienić taryfy z ${r.from_tariff} na ${r.to_tariff}. ${reason}`;
    // The notice's id names the request, so a test that deletes its request deletes the notice with it.
    await tx.query("INSERT INTO messages (id, customer_id, channel, event, subject, body, sent_at) VALUES ($1, $2, 'portal', 'other', $3, $4, $5)", [`msg_t_${r.id}`, r.customer_id, subject, text, now]);
    const users = await tx.query<{ email: string }>('SELECT email FROM users WHERE customer_id = $1', [r.customer_id]);
    for (const u of users) await sendEmail(tx, u.email, subject, `Dzień dobry,\n\n${text}\nSzczegóły znajdziesz w eBOK.\n`);
    return r.id;
  });
}

/** The requests waiting for a decision, for the sandbox page. */
export async function pendingTariffChanges(db: Queryable) {
  return db.query<{ id: string; point_id: string; from_tariff: string; to_tariff: string; email: string | null; submitted_at: Date }>(
    `SELECT r.id, r.point_id, r.from_tariff, r.to_tariff, r.submitted_at, (SELECT email FROM users u WHERE u.customer_id = r.customer_id ORDER BY email LIMIT 1) AS email
     FROM tariff_change_requests r WHERE r.status = 'submitted' ORDER BY r.submitted_at DESC LIMIT 30`,
  );
}

/** Deletes a request a test filed (and its notice), putting the point's tariff back if the request changed it. */
export async function undoTariffChange(db: Db, requestId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const r = (await tx.query<{ point_id: string; from_tariff: string; applied_at: Date | null }>('SELECT point_id, from_tariff, applied_at FROM tariff_change_requests WHERE id = $1', [requestId]))[0];
    if (!r) return;
    if (r.applied_at) await tx.query('UPDATE points SET tariff = $2 WHERE id = $1', [r.point_id, r.from_tariff]);
    await tx.query('DELETE FROM messages WHERE id = $1', [`msg_t_${requestId}`]);
    await tx.query('DELETE FROM tariff_change_requests WHERE id = $1', [requestId]);
  });
}
