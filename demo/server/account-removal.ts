/**
 * A request to remove the eBOK account (seeds 000, 001: done by contacting the utility). It is recorded for the
 * utility to handle; it ends neither a contract nor what is owed, and documents stay as the law requires.
 */
import { ApiError, fieldError } from './problem.ts';
import { json, validationError, type Ctx, type Handler } from './core.ts';
import { sendEmail } from './outbox.ts';
import { randomId, verifyPassword } from './util.ts';
import { warsawIso } from '../../src/i18n/calendar.ts';

interface RemovalRow {
  id: string;
  status: string;
  submitted_at: Date;
}

const view = (r: RemovalRow) => ({ id: r.id, status: r.status, submittedAt: warsawIso(new Date(r.submitted_at)) });

async function latest(ctx: Ctx): Promise<RemovalRow | undefined> {
  return (await ctx.db.query<RemovalRow>('SELECT id, status, submitted_at FROM account_removal_requests WHERE customer_id = $1 ORDER BY submitted_at DESC, id DESC LIMIT 1', [ctx.user!.customer_id]))[0];
}

const conflict = (ctx: Ctx) =>
  new ApiError('conflict', ctx.lang === 'en' ? 'A request to remove the account is already being handled.' : 'Wniosek o usunięcie konta jest już w trakcie rozpatrywania.');

export const getAccountRemovalRequest: Handler = async (ctx) => {
  const row = await latest(ctx);
  return json(200, { request: row ? view(row) : null });
};

export const requestAccountRemoval: Handler = async (ctx) => {
  const body = ctx.body as { currentPassword: string; reason?: string };
  const u = ctx.user!;
  const open = await latest(ctx);
  if (open && (open.status === 'submitted' || open.status === 'in_progress')) throw conflict(ctx);
  if (!(await verifyPassword(body.currentPassword, u.password_hash))) {
    throw validationError(ctx.lang, [
      fieldError('/currentPassword', 'incorrect', ctx.lang, undefined, ctx.lang === 'en' ? 'The current password is wrong.' : 'Obecne hasło jest nieprawidłowe.'),
    ]);
  }
  const row: RemovalRow = { id: randomId('arr'), status: 'submitted', submitted_at: ctx.now };
  const reason = body.reason?.trim() || null;
  const inserted = await ctx.db.query(
    `INSERT INTO account_removal_requests (id, customer_id, user_id, status, reason, submitted_at, updated_at) VALUES ($1, $2, $3, 'submitted', $4, $5, $5)
     ON CONFLICT DO NOTHING RETURNING id`,
    [row.id, u.customer_id, u.id, reason, ctx.now],
  );
  if (inserted.length === 0) throw conflict(ctx);
  const utility = ctx.app.utilities.get(u.utility_id) ?? ctx.utility;
  await sendEmail(
    ctx.db,
    u.email,
    'Wniosek o usunięcie konta w eBOK',
    `Dzień dobry,\n\notrzymaliśmy Twój wniosek o usunięcie konta w eBOK (numer ${row.id}). Rozpatrzymy go i napiszemy do Ciebie.\n\n` +
      'Usunięcie konta kończy logowanie do eBOK. Nie rozwiązuje umowy: umowy i nieopłacone faktury nadal obowiązują. ' +
      'Faktury i umowy przechowujemy tak długo, jak wymaga prawo (dokumenty księgowe i podatkowe: 5 lat).\n' +
      `Jeśli to nie Ty, skontaktuj się z nami.\n\n${utility.name}`,
  );
  return json(201, view(row));
};

export function accountRemovalHandlers(): Record<string, Handler> {
  return { getAccountRemovalRequest, requestAccountRemoval };
}
