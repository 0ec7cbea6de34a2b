/**
 * New terms at the next login (seeds 002, 004: "aktualizacja zmienionego regulaminu"): when the utility publishes a
 * version the customer has not accepted, `login` (or `verifyMfa` after the code) answers `terms_required` with a
 * single-use, short-lived challenge instead of a session; `acceptTerms` records the acceptance and only then starts
 * the session. The utility's current terms live in its configuration (`utilities.config.terms`); the demo publishes
 * a new version with a test hook (`publishTerms`, pages.ts).
 */
import { ApiError } from './problem.ts';
import { loadUser, type AppState, type Ctx, type Handler, type Reply, type UserRow, type Utility } from './core.ts';
import { startSession } from './auth.ts';
import { warsawIso } from '../../src/i18n/calendar.ts';
import { randomToken, sha256 } from './util.ts';
import type { Queryable } from './db.ts';

/** How long the customer has to read and accept the terms before signing in again. */
export const TERMS_CHALLENGE_SECONDS = 15 * 60;

/**
 * `utility` with its current terms, read from the database: another server process on the same PostgreSQL may
 * have published new ones since this one loaded the configuration (which it then brings up to date).
 */
export async function withCurrentTerms(db: Queryable, utility: Utility): Promise<Utility> {
  const terms = (await db.query<{ terms: Utility['config']['terms'] | null }>("SELECT config->'terms' AS terms FROM utilities WHERE id = $1", [utility.id]))[0]?.terms;
  if (terms && JSON.stringify(terms) !== JSON.stringify(utility.config.terms)) utility.config.terms = terms;
  return utility;
}

function utilityOf(ctx: Ctx, user: UserRow): Promise<Utility> {
  return withCurrentTerms(ctx.db, ctx.app.utilities.get(user.utility_id) ?? ctx.utility);
}

/** A session for `user`, or `terms_required` when the utility's current terms are not the ones the customer accepted. */
export async function signInOrTerms(ctx: Ctx, user: UserRow): Promise<Reply> {
  const terms = (await utilityOf(ctx, user)).config.terms;
  const accepted = (await ctx.db.query<{ terms_version: string | null }>('SELECT terms_version FROM customers WHERE id = $1', [user.customer_id]))[0]?.terms_version;
  if (accepted !== terms.version) {
    if (ctx.sessionCookie) await ctx.db.query('DELETE FROM sessions WHERE id_hash = $1', [sha256(ctx.sessionCookie)]);
    const challengeId = `trm_${randomToken(24)}`;
    const expiresAt = new Date(ctx.now.getTime() + TERMS_CHALLENGE_SECONDS * 1000);
    await ctx.db.query('INSERT INTO terms_challenges (id_hash, user_id, version, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [sha256(challengeId), user.id, terms.version, ctx.now, expiresAt]);
    return { status: 200, body: { status: 'terms_required', challengeId, terms, expiresAt: warsawIso(expiresAt) } };
  }
  const { cookie, body } = await startSession(ctx, user);
  return { status: 200, body: { status: 'signed_in', session: body }, cookies: [cookie] };
}

interface TermsChallengeRow {
  id_hash: string;
  user_id: string;
  version: string;
  expires_at: Date;
  spent_at: Date | null;
}

export const acceptTerms: Handler = async (ctx) => {
  const { challengeId, version } = ctx.body as { challengeId: string; version: string };
  const en = ctx.lang === 'en';
  const expired = () => new ApiError('token_invalid_or_expired', en ? 'The time to accept the terms ran out. Sign in again.' : 'Czas na akceptację regulaminu minął. Zaloguj się ponownie.');
  // Spent in the same statement that finds it: a second request with the same challenge finds nothing.
  const row = (
    await ctx.db.query<TermsChallengeRow>('UPDATE terms_challenges SET spent_at = $2 WHERE id_hash = $1 AND spent_at IS NULL AND expires_at > $2 RETURNING *', [sha256(challengeId), ctx.now])
  )[0];
  if (!row) throw expired();
  const user = await loadUser(ctx.db, 'u.id = $1', [row.user_id]);
  if (!user || user.status !== 'active' || (user.locked_until && new Date(user.locked_until) > ctx.now)) throw expired();
  const current = (await utilityOf(ctx, user)).config.terms.version;
  if (version !== current || row.version !== current) {
    throw new ApiError('conflict', en ? 'The terms changed meanwhile. Sign in again to read the current ones.' : 'Regulamin zmienił się w międzyczasie. Zaloguj się ponownie, aby zobaczyć aktualny.');
  }
  await ctx.db.query('UPDATE customers SET terms_version = $2, terms_accepted_at = $3, consents_updated_at = $3 WHERE id = $1', [user.customer_id, current, ctx.now]);
  await ctx.db.query('INSERT INTO consent_changes (customer_id, consent, value, channel, changed_at) VALUES ($1, $2, true, $3, $4)', [user.customer_id, `terms:${current}`, 'portal', ctx.now]);
  const { cookie, body } = await startSession(ctx, user);
  return { status: 200, body: { status: 'signed_in', session: body }, cookies: [cookie] };
};

/**
 * Publishes a new version of a utility's terms now (the demo's test hook): in the database and in the running
 * server's configuration. Every customer of the utility accepts it at the next login.
 */
export async function publishTerms(app: AppState, utilityId: string, change: { version?: string; summary?: Record<string, string> | null } = {}, now = new Date()): Promise<Utility['config']['terms'] | undefined> {
  const utility = app.utilities.get(utilityId);
  if (!utility) return undefined;
  const terms = {
    version: change.version ?? `${warsawIso(now).slice(0, 10)}-${randomToken(3).replace(/[^A-Za-z0-9]/g, 'x')}`,
    url: utility.config.terms.url,
    publishedAt: warsawIso(now),
    summary: change.summary !== undefined ? change.summary : { pl: 'Zmieniliśmy zasady korzystania z eBOK. Przeczytaj regulamin.', en: 'We changed the rules of using the eBOK. Read the terms.' },
  };
  await app.db.query("UPDATE utilities SET config = jsonb_set(config, '{terms}', $2::jsonb) WHERE id = $1", [utilityId, JSON.stringify(terms)]);
  utility.config.terms = terms;
  return terms;
}

/**
 * Puts back the utility's first terms (the demo's), accepted by every customer of the utility who had accepted a
 * later one, so a test that published new terms leaves the other logins as it found them.
 */
export async function restoreTerms(app: AppState, utilityId: string, terms: Utility['config']['terms']): Promise<void> {
  const utility = app.utilities.get(utilityId);
  if (!utility) return;
  await app.db.query("UPDATE utilities SET config = jsonb_set(config, '{terms}', $2::jsonb) WHERE id = $1", [utilityId, JSON.stringify(terms)]);
  await app.db.query('UPDATE customers SET terms_version = $2 WHERE utility_id = $1 AND terms_version IS NOT NULL', [utilityId, terms.version]);
  await app.db.query('DELETE FROM terms_challenges WHERE spent_at IS NULL');
  utility.config.terms = terms;
}

export function termsHandlers(): Record<string, Handler> {
  return { acceptTerms };
}
