/** Portal configuration and every authentication operation (sign-in, MFA, session, passwords, registration). */
import type { Queryable } from './db.ts';
import {
  ApiError,
  fieldError,
  type FieldError,
  type Lang,
} from './problem.ts';
import {
  clearSessionCookie,
  json,
  loadUser,
  sessionCookie,
  validationError,
  type AppState,
  type Ctx,
  type Handler,
  type Reply,
  type SessionRow,
  type UserRow,
  type Utility,
  siteLink,
  utilityOfPage,
} from './core.ts';
import { sendEmail, sendSms } from './outbox.ts';
import { queueMail, type MailEnv, type MailJobKind, type MailJobRunner } from './mail-jobs.ts';
import { signInOrTerms, withCurrentTerms } from './terms.ts';
import { warsawIso } from '../../src/i18n/calendar.ts';
import { dummyPasswordHash, hashPassword, maskEmail, maskPhone, randomToken, sha256, sixDigitCode, verifyPassword } from './util.ts';
import { normalizeNip, validateNip, validatePesel, validatePpe } from '../../src/validation/index.ts';

// ---------- limits ----------
export const LIMITS = {
  /**
   * Failed sign-ins before the account is locked (within `throttleWindowSeconds`, counted per account), and
   * before any identifier string answers `401 login_locked` for `accountLockSeconds` (counted per string,
   * whether an account exists or not, so the notice tells nothing about existence).
   */
  accountLockAfter: 5,
  accountLockSeconds: 15 * 60,
  /** Failed sign-ins per identifier string (any string) before `429 too_many_attempts`. */
  identifierFailures: 10,
  /** Failed attempts per client address before `429 too_many_attempts`. */
  clientFailures: 50,
  throttleWindowSeconds: 15 * 60,
  throttleBlockSeconds: 15 * 60,
  /** Requests for e-mails (reset, reminder, activation, registration) per identifier and per client per hour. */
  mailPerIdentifier: 5,
  mailPerClient: 30,
  mfaLifetimeSeconds: 5 * 60,
  mfaResendCooldownSeconds: 60,
  mfaMaxAttempts: 5,
  mfaMaxResends: 3,
  changeTokenSeconds: 15 * 60,
};

const NEUTRAL = {
  pl: 'Jeśli dane pasują do konta w eBOK, wysłaliśmy wiadomość na przypisany do niego adres e-mail. Sprawdź też folder ze spamem.',
  en: 'If the data match an eBOK account, we have sent a message to its e-mail address. Check the spam folder too.',
};

const BREACHED = new Set(['password123!', 'qwerty123456', 'zaq1@wsx', 'haslo123456', 'polska123456', 'Password1234', 'Qwerty123456!', 'Haslo1234567', 'Zaq12wsxcde3']);

// ---------- helpers ----------
export function utilityForRequest(ctx: Ctx): Utility {
  const app = ctx.app;
  const byKind = (kind: string): Utility | undefined => [...app.utilities.values()].find((u) => u.kind === kind || u.id === kind);
  const asked = ctx.c.req.query('utility');
  if (asked) {
    const u = byKind(asked === 'energy' ? 'electricity' : asked);
    if (u) return u;
  }
  if (ctx.user) return app.utilities.get(ctx.user.utility_id) ?? ctx.utility;
  // A visitor who is not signed in: the utility whose site has the asking page (its configured pages).
  return utilityOfPage(app, ctx.c.req.header('referer') ?? '') ?? ctx.utility;
}

function normalizeIdentifier(identifier: string): string {
  const t = identifier.trim();
  if (t.includes('@')) return t.toLowerCase();
  const digits = normalizeNip(t);
  return /^\d{10,11}$/.test(digits) ? digits : t.toLowerCase();
}

async function findUser(db: Queryable, identifier: string): Promise<UserRow | null> {
  const id = normalizeIdentifier(identifier);
  if (id.includes('@')) return loadUser(db, 'u.email_lower = $1', [id]);
  if (/^\d{10,11}$/.test(id)) return loadUser(db, 'c.national_id = $1', [id]);
  return null;
}

async function throttleBlockedUntil(db: Queryable, key: string, now: Date): Promise<Date | null> {
  const row = (await db.query<{ blocked_until: Date | null }>('SELECT blocked_until FROM throttles WHERE key = $1', [key]))[0];
  return row?.blocked_until && new Date(row.blocked_until) > now ? new Date(row.blocked_until) : null;
}

/** Counts one attempt for `key` in its window and blocks it once `limit` is reached; answers the count. */
async function throttleHit(db: Queryable, key: string, limit: number, windowSeconds: number, blockSeconds: number, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - windowSeconds * 1000);
  const row = (
    await db.query<{ count: number }>(
      `INSERT INTO throttles (key, count, window_start) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN throttles.window_start < $3 THEN 1 ELSE throttles.count + 1 END,
         window_start = CASE WHEN throttles.window_start < $3 THEN $2 ELSE throttles.window_start END,
         blocked_until = CASE WHEN throttles.window_start < $3 THEN NULL ELSE throttles.blocked_until END
       RETURNING count`,
      [key, now, cutoff],
    )
  )[0];
  if (row && row.count >= limit) await db.query('UPDATE throttles SET blocked_until = $2 WHERE key = $1', [key, new Date(now.getTime() + blockSeconds * 1000)]);
  return row?.count ?? 0;
}

export function tooManyAttempts(until: Date, now: Date, lang: Lang): ApiError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new ApiError('too_many_attempts', lang === 'en' ? `Try again in ${minutes} min or reset the password.` : `Spróbuj ponownie za ${minutes} min albo zresetuj hasło.`, {
    retryAfter: seconds,
    lockedUntil: warsawIso(until),
    headers: { 'Retry-After': String(seconds) },
  });
}

/** `401 login_locked`: this identifier string failed too often lately; identical whether an account exists or not. */
function lockNotice(until: Date, lang: Lang): ApiError {
  const minutes = Math.round(LIMITS.accountLockSeconds / 60);
  return new ApiError(
    'login_locked',
    lang === 'en'
      ? `After several failed attempts the account may be locked for up to ${minutes} min. If the account exists, we have sent an e-mail saying how to unlock it.`
      : `Po kilku nieudanych próbach konto może być zablokowane do ${minutes} min. Jeśli konto istnieje, wysłaliśmy e-mail z instrukcją odblokowania.`,
    { lockedUntil: warsawIso(until) },
  );
}

/** Answers `429` when any of the keys is blocked (the latest deadline wins). */
async function checkThrottles(ctx: Ctx, keys: string[]): Promise<void> {
  let until: Date | null = null;
  for (const key of keys) {
    const u = await throttleBlockedUntil(ctx.db, key, ctx.now);
    if (u && (!until || u > until)) until = u;
  }
  if (until) throw tooManyAttempts(until, ctx.now, ctx.lang);
}

export function passwordPolicyErrors(utility: Utility, password: string, field: string, lang: Lang, identifiers: string[] = []): FieldError[] {
  const p = utility.config.passwordPolicy;
  const errors: FieldError[] = [];
  const length = [...password].length;
  if (length < p.minLength) errors.push(fieldError(field, 'password_too_short', lang, { min: p.minLength }));
  if (length > p.maxLength) errors.push(fieldError(field, 'password_too_long', lang, { max: p.maxLength }));
  if (p.requireUpper && !/\p{Lu}/u.test(password)) errors.push(fieldError(field, 'password_missing_upper', lang));
  if (p.requireLower && !/\p{Ll}/u.test(password)) errors.push(fieldError(field, 'password_missing_lower', lang));
  if (p.requireDigit && !/\d/.test(password)) errors.push(fieldError(field, 'password_missing_digit', lang));
  if (p.requireSpecial && !/[^\p{L}\d]/u.test(password)) errors.push(fieldError(field, 'password_missing_special', lang));
  if (BREACHED.has(password) || BREACHED.has(password.toLowerCase())) errors.push(fieldError(field, 'password_breached', lang));
  const lower = password.toLowerCase();
  for (const id of identifiers) {
    const part = id.toLowerCase().split('@')[0] ?? '';
    if (part.length >= 4 && lower.includes(part)) {
      errors.push(fieldError(field, 'password_contains_identifier', lang));
      break;
    }
  }
  return errors;
}

function sessionBody(user: UserRow, s: Pick<SessionRow, 'csrf_token' | 'idle_expires_at' | 'absolute_expires_at' | 'idle_timeout_seconds' | 'absolute_timeout_seconds'>) {
  return {
    user: { id: user.id, displayName: user.display_name, email: user.email, customerKind: user.customer_kind },
    csrfToken: s.csrf_token,
    idleExpiresAt: warsawIso(new Date(s.idle_expires_at)),
    absoluteExpiresAt: warsawIso(new Date(s.absolute_expires_at)),
    idleTimeoutSeconds: s.idle_timeout_seconds,
    absoluteTimeoutSeconds: s.absolute_timeout_seconds,
  };
}

export async function startSession(ctx: Ctx, user: UserRow): Promise<{ cookie: string; body: ReturnType<typeof sessionBody> }> {
  if (ctx.sessionCookie) await ctx.db.query('DELETE FROM sessions WHERE id_hash = $1', [sha256(ctx.sessionCookie)]);
  const utility = ctx.app.utilities.get(user.utility_id) ?? ctx.utility;
  const { idleTimeoutSeconds, absoluteTimeoutSeconds } = utility.config.session;
  const id = randomToken(32);
  const s = {
    csrf_token: randomToken(24),
    idle_expires_at: new Date(ctx.now.getTime() + idleTimeoutSeconds * 1000),
    absolute_expires_at: new Date(ctx.now.getTime() + absoluteTimeoutSeconds * 1000),
    idle_timeout_seconds: idleTimeoutSeconds,
    absolute_timeout_seconds: absoluteTimeoutSeconds,
  };
  await ctx.db.query(
    `INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, idle_expires_at, absolute_expires_at, idle_timeout_seconds, absolute_timeout_seconds)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [sha256(id), user.id, s.csrf_token, ctx.now, s.idle_expires_at, s.absolute_expires_at, idleTimeoutSeconds, absoluteTimeoutSeconds],
  );
  await ctx.db.query('UPDATE users SET failed_logins = 0 WHERE id = $1', [user.id]);
  await sendEmail(
    ctx.db,
    user.email,
    'Nowe logowanie do eBOK',
    `Dzień dobry,\n\n${warsawIso(ctx.now).replace('T', ' ').slice(0, 16)} zalogowano się do Twojego konta w eBOK (adres klienta: ${ctx.ip}).\nJeśli to nie Ty, zmień hasło: ${siteLink(ctx.app, utility, 'passwordReset')}\n\n${utility.name}`,
  );
  return { cookie: sessionCookie(ctx.app, id), body: sessionBody(user, s) };
}

async function createToken(db: Queryable, userId: string, purpose: string, lifetimeSeconds: number, now: Date, data?: unknown): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + lifetimeSeconds * 1000);
  await db.query('INSERT INTO auth_tokens (token_hash, user_id, purpose, data, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
    sha256(token),
    userId,
    purpose,
    data ?? null,
    now,
    expiresAt,
  ]);
  return { token, expiresAt };
}

async function invalidateTokens(db: Queryable, userId: string, purpose: string, now: Date): Promise<void> {
  await db.query('UPDATE auth_tokens SET invalidated_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL AND invalidated_at IS NULL', [userId, purpose, now]);
}

interface TokenRow {
  token_hash: string;
  user_id: string;
  expires_at: Date;
  used_at: Date | null;
  invalidated_at: Date | null;
  data: unknown;
}

/** Finds a usable token or answers `token_used` / `token_invalid_or_expired`. */
async function useToken(ctx: Ctx, token: string, purpose: string): Promise<TokenRow> {
  const row = (await ctx.db.query<TokenRow>('SELECT * FROM auth_tokens WHERE token_hash = $1 AND purpose = $2', [sha256(token), purpose]))[0];
  const en = ctx.lang === 'en';
  if (!row) throw new ApiError('token_invalid_or_expired', en ? 'The link expired or is not valid. Ask for a new one.' : 'Link wygasł lub jest nieprawidłowy. Poproś o nowy.');
  if (row.used_at) throw new ApiError('token_used', en ? 'This link was already used.' : 'Ten link został już wykorzystany.');
  if (row.invalidated_at || new Date(row.expires_at) <= ctx.now) throw new ApiError('token_invalid_or_expired', en ? 'The link expired or is not valid. Ask for a new one.' : 'Link wygasł lub jest nieprawidłowy. Poproś o nowy.');
  return row;
}

/**
 * What a link's token can still do, without spending it: the row while it is usable, else `token_used`, `token_expired`
 * (known, but past its lifetime or replaced by a newer link) or `token_invalid_or_expired` (unknown). Unknown tokens
 * count against the client, as wrong passwords do.
 */
async function checkToken(ctx: Ctx, purpose: 'reset' | 'activation'): Promise<Reply> {
  const { token } = ctx.body as { token: string };
  const clientKey = `tokencheck:ip:${ctx.ip}`;
  await checkThrottles(ctx, [clientKey]);
  const row = (await ctx.db.query<TokenRow>('SELECT * FROM auth_tokens WHERE token_hash = $1 AND purpose = $2', [sha256(token), purpose]))[0];
  const en = ctx.lang === 'en';
  if (!row) {
    await throttleHit(ctx.db, clientKey, LIMITS.clientFailures, LIMITS.throttleWindowSeconds, LIMITS.throttleBlockSeconds, ctx.now);
    throw new ApiError('token_invalid_or_expired', en ? 'This link is not valid. Ask for a new one.' : 'Ten link jest nieprawidłowy. Poproś o nowy.');
  }
  if (row.used_at) throw new ApiError('token_used', en ? 'This link was already used.' : 'Ten link został już wykorzystany.');
  if (row.invalidated_at || new Date(row.expires_at) <= ctx.now) throw new ApiError('token_expired', en ? 'This link expired or a newer one replaced it. Ask for a new one.' : 'Ten link wygasł albo zastąpił go nowszy. Poproś o nowy.');
  const user = await loadUser(ctx.db, 'u.id = $1', [row.user_id]);
  if (!user) throw new ApiError('token_invalid_or_expired');
  return json(200, { expiresAt: warsawIso(new Date(row.expires_at)), maskedEmail: maskEmail(user.email) });
}

export const checkPasswordResetToken: Handler = (ctx) => checkToken(ctx, 'reset');
export const checkActivationToken: Handler = (ctx) => checkToken(ctx, 'activation');

async function spendToken(db: Queryable, row: TokenRow, now: Date): Promise<boolean> {
  const done = await db.query('UPDATE auth_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL RETURNING token_hash', [row.token_hash, now]);
  return done.length === 1;
}

async function sendActivation(ctx: MailEnv, user: UserRow): Promise<void> {
  const utility = ctx.app.utilities.get(user.utility_id) ?? ctx.utility;
  await invalidateTokens(ctx.db, user.id, 'activation', ctx.now);
  const { token } = await createToken(ctx.db, user.id, 'activation', utility.config.activationLinkLifetimeSeconds, ctx.now);
  const hours = Math.round(utility.config.activationLinkLifetimeSeconds / 3600);
  await sendEmail(
    ctx.db,
    user.email,
    'Aktywuj konto w eBOK',
    `Dzień dobry,\n\naby aktywować konto w eBOK, otwórz link (ważny ${hours} godz.):\n${siteLink(ctx.app, utility, 'activation', { token })}\n\nJeśli to nie Ty zakładałeś konto, zignoruj tę wiadomość.\n\n${utility.name}`,
  );
}

async function sendReset(ctx: MailEnv, user: UserRow, reason: 'request' | 'locked'): Promise<void> {
  const utility = ctx.app.utilities.get(user.utility_id) ?? ctx.utility;
  await invalidateTokens(ctx.db, user.id, 'reset', ctx.now);
  const { token } = await createToken(ctx.db, user.id, 'reset', utility.config.resetLinkLifetimeSeconds, ctx.now);
  const minutes = Math.round(utility.config.resetLinkLifetimeSeconds / 60);
  const intro =
    reason === 'locked'
      ? `po kilku nieudanych próbach logowania zablokowaliśmy czasowo Twoje konto w eBOK (na ${Math.round(LIMITS.accountLockSeconds / 60)} min).\nJeśli to nie Ty próbowałeś się zalogować, ustaw nowe hasło – to od razu odblokuje konto:`
      : 'otrzymaliśmy prośbę o zmianę hasła do eBOK. Aby ustawić nowe hasło, otwórz link:';
  await sendEmail(
    ctx.db,
    user.email,
    reason === 'locked' ? 'Konto w eBOK zostało zablokowane' : 'Zmiana hasła do eBOK',
    `Dzień dobry,\n\n${intro}\n${siteLink(ctx.app, utility, 'passwordReset', { token })}\n\nLink jest ważny ${minutes} min i można go użyć tylko raz.\nJeśli to nie Ty, zignoruj tę wiadomość.\n\n${utility.name}`,
  );
}

async function startMfa(ctx: Ctx, user: UserRow) {
  const challengeId = `mfa_${randomToken(24)}`;
  const code = sixDigitCode();
  const channel = user.mfa_channel === 'sms' && user.phone ? 'sms' : 'email';
  const masked = channel === 'sms' ? maskPhone(user.phone!) : maskEmail(user.email);
  const expiresAt = new Date(ctx.now.getTime() + LIMITS.mfaLifetimeSeconds * 1000);
  const resendAt = new Date(ctx.now.getTime() + LIMITS.mfaResendCooldownSeconds * 1000);
  await ctx.db.query(
    `INSERT INTO mfa_challenges (id_hash, user_id, channel, masked_destination, code_hash, created_at, expires_at, resend_available_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [sha256(challengeId), user.id, channel, masked, sha256(`${challengeId}:${code}`), ctx.now, expiresAt, resendAt],
  );
  await deliverMfaCode(ctx, user, channel, code);
  return { status: 'mfa_required', challengeId, channel, maskedDestination: masked, expiresAt: warsawIso(expiresAt), resendAvailableAt: warsawIso(resendAt) };
}

async function deliverMfaCode(ctx: Ctx, user: UserRow, channel: string, code: string): Promise<void> {
  const text = `Kod logowania do eBOK: ${code}. Ważny ${Math.round(LIMITS.mfaLifetimeSeconds / 60)} min. Nie podawaj go nikomu.`;
  if (channel === 'sms') await sendSms(ctx.db, user.phone!, text, code);
  else await sendEmail(ctx.db, user.email, 'Kod logowania do eBOK', text, code);
}

// ---------- handlers ----------
export const getPortalConfig: Handler = async (ctx) => json(200, (await withCurrentTerms(ctx.db, utilityForRequest(ctx))).config);

export const login: Handler = async (ctx) => {
  const { identifier, password } = ctx.body as { identifier: string; password: string };
  const idKey = `login:id:${normalizeIdentifier(identifier)}`;
  const lockKey = `login:lock:${normalizeIdentifier(identifier)}`;
  const clientKey = `login:ip:${ctx.ip}`;
  await checkThrottles(ctx, [idKey, clientKey]);
  const user = await findUser(ctx.db, identifier);
  // Always verify a hash, a dummy one for unknown identifiers, so timing does not tell.
  const ok = await verifyPassword(password, user?.password_hash ?? (await dummyPasswordHash()));
  const locked = Boolean(user?.locked_until && new Date(user.locked_until) > ctx.now);
  if (!user || !ok || locked) {
    const failures = await throttleHit(ctx.db, idKey, LIMITS.identifierFailures, LIMITS.throttleWindowSeconds, LIMITS.throttleBlockSeconds, ctx.now);
    await throttleHit(ctx.db, clientKey, LIMITS.clientFailures, LIMITS.throttleWindowSeconds, LIMITS.throttleBlockSeconds, ctx.now);
    // The lock notice follows the identifier string's failures alone (the same for every string), never the account.
    let noticeUntil = await throttleBlockedUntil(ctx.db, lockKey, ctx.now);
    if (!noticeUntil && failures >= LIMITS.accountLockAfter) {
      noticeUntil = new Date(ctx.now.getTime() + LIMITS.accountLockSeconds * 1000);
      await ctx.db.query(
        `INSERT INTO throttles (key, count, window_start, blocked_until) VALUES ($1, 0, $2, $3)
         ON CONFLICT (key) DO UPDATE SET count = 0, window_start = $2, blocked_until = $3`,
        [lockKey, ctx.now, noticeUntil],
      );
    }
    if (user && !ok && !locked) {
      // Counted in the same window as the string, so an account locked through one identifier shows its notice;
      // locked in one statement on the row as it is now (not as read before the hash check), so of concurrent
      // failures, on any number of server processes, exactly one locks the account and sends the e-mail.
      const accountKey = `login:account:${user.id}`;
      if ((await throttleHit(ctx.db, accountKey, Number.MAX_SAFE_INTEGER, LIMITS.throttleWindowSeconds, 0, ctx.now)) >= LIMITS.accountLockAfter) {
        await ctx.db.query('DELETE FROM throttles WHERE key = $1', [accountKey]);
        const lockedNow = await ctx.db.query(
          'UPDATE users SET failed_logins = 0, locked_until = $2 WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $3) RETURNING id',
          [user.id, new Date(ctx.now.getTime() + LIMITS.accountLockSeconds * 1000), ctx.now],
        );
        if (lockedNow.length && user.status === 'active') await sendReset(ctx, user, 'locked');
      }
    }
    if (noticeUntil) throw lockNotice(noticeUntil, ctx.lang);
    throw new ApiError('invalid_credentials', ctx.lang === 'en' ? 'Check the login and the password (and whether Caps Lock is on).' : 'Sprawdź login i hasło (także, czy nie jest włączony Caps Lock).');
  }
  await ctx.db.query('DELETE FROM throttles WHERE key = ANY($1)', [[idKey, lockKey, `login:account:${user.id}`]]);
  if (user.status !== 'active') {
    throw new ApiError('account_not_activated', ctx.lang === 'en' ? 'Activate the account with the link from the e-mail or ask for a new link.' : 'Aktywuj konto linkiem z wiadomości e-mail albo poproś o nowy link.');
  }
  if (user.must_change_password) {
    const { token, expiresAt } = await createToken(ctx.db, user.id, 'change', LIMITS.changeTokenSeconds, ctx.now);
    throw new ApiError('password_change_required', ctx.lang === 'en' ? 'You signed in with a one-time password. Set your own password to continue.' : 'Zalogowano hasłem jednorazowym. Ustaw własne hasło, aby kontynuować.', {
      changeToken: token,
      changeTokenExpiresAt: warsawIso(expiresAt),
    });
  }
  await ctx.db.query('UPDATE users SET failed_logins = 0 WHERE id = $1', [user.id]);
  const utility = ctx.app.utilities.get(user.utility_id) ?? ctx.utility;
  if (user.mfa_channel && utility.config.features.mfa) {
    if (ctx.sessionCookie) await ctx.db.query('DELETE FROM sessions WHERE id_hash = $1', [sha256(ctx.sessionCookie)]);
    return json(200, await startMfa(ctx, user));
  }
  return signInOrTerms(ctx, user);
};

interface ChallengeRow {
  id_hash: string;
  user_id: string;
  channel: string;
  masked_destination: string;
  code_hash: string;
  expires_at: Date;
  resend_available_at: Date;
  attempts: number;
  resends: number;
  spent_at: Date | null;
}

async function liveChallenge(ctx: Ctx, challengeId: string): Promise<ChallengeRow> {
  const row = (await ctx.db.query<ChallengeRow>('SELECT * FROM mfa_challenges WHERE id_hash = $1', [sha256(challengeId)]))[0];
  if (!row || row.spent_at || new Date(row.expires_at) <= ctx.now || row.attempts >= LIMITS.mfaMaxAttempts) {
    throw new ApiError('mfa_expired', ctx.lang === 'en' ? 'Sign in again to get a new code.' : 'Zaloguj się ponownie, aby otrzymać nowy kod.');
  }
  return row;
}

export const verifyMfa: Handler = async (ctx) => {
  const { challengeId, code } = ctx.body as { challengeId: string; code: string };
  const clientKey = `mfa:ip:${ctx.ip}`;
  await checkThrottles(ctx, [clientKey]);
  const ch = await liveChallenge(ctx, challengeId);
  const expected = sha256(`${challengeId}:${code}`);
  if (expected !== ch.code_hash) {
    await throttleHit(ctx.db, clientKey, LIMITS.clientFailures, LIMITS.throttleWindowSeconds, LIMITS.throttleBlockSeconds, ctx.now);
    const row = (await ctx.db.query<{ attempts: number }>('UPDATE mfa_challenges SET attempts = attempts + 1 WHERE id_hash = $1 RETURNING attempts', [ch.id_hash]))[0];
    const left = LIMITS.mfaMaxAttempts - (row?.attempts ?? LIMITS.mfaMaxAttempts);
    if (left <= 0) throw new ApiError('mfa_expired', ctx.lang === 'en' ? 'Too many wrong codes. Sign in again.' : 'Zbyt wiele błędnych kodów. Zaloguj się ponownie.');
    throw new ApiError('mfa_invalid_code', ctx.lang === 'en' ? `The code is wrong. Attempts left: ${left}.` : `Kod jest nieprawidłowy. Pozostało prób: ${left}.`, {
      fields: [fieldError('/code', 'incorrect', ctx.lang, undefined, ctx.lang === 'en' ? 'Wrong code.' : 'Nieprawidłowy kod.')],
    });
  }
  // The attempts as they are now, not as read before: a right code among a burst of guesses (on any process) counts only
  // while the wrong ones before it have not used up the attempts.
  const spent = await ctx.db.query('UPDATE mfa_challenges SET spent_at = $2 WHERE id_hash = $1 AND spent_at IS NULL AND attempts < $3 RETURNING id_hash', [ch.id_hash, ctx.now, LIMITS.mfaMaxAttempts]);
  if (spent.length === 0) throw new ApiError('mfa_expired');
  const user = await loadUser(ctx.db, 'u.id = $1', [ch.user_id]);
  if (!user || user.status !== 'active' || (user.locked_until && new Date(user.locked_until) > ctx.now)) throw new ApiError('mfa_expired');
  return signInOrTerms(ctx, user);
};

export const resendMfa: Handler = async (ctx) => {
  const { challengeId } = ctx.body as { challengeId: string };
  const ch = await liveChallenge(ctx, challengeId);
  if (new Date(ch.resend_available_at) > ctx.now) throw tooManyAttempts(new Date(ch.resend_available_at), ctx.now, ctx.lang);
  if (ch.resends >= LIMITS.mfaMaxResends) throw tooManyAttempts(new Date(ch.expires_at), ctx.now, ctx.lang);
  const user = await loadUser(ctx.db, 'u.id = $1', [ch.user_id]);
  if (!user) throw new ApiError('mfa_expired');
  const code = sixDigitCode();
  const expiresAt = new Date(ctx.now.getTime() + LIMITS.mfaLifetimeSeconds * 1000);
  const resendAt = new Date(ctx.now.getTime() + LIMITS.mfaResendCooldownSeconds * 1000);
  await ctx.db.query('UPDATE mfa_challenges SET code_hash = $2, expires_at = $3, resend_available_at = $4, resends = resends + 1 WHERE id_hash = $1', [
    ch.id_hash,
    sha256(`${challengeId}:${code}`),
    expiresAt,
    resendAt,
  ]);
  await deliverMfaCode(ctx, user, ch.channel, code);
  return json(200, {
    status: 'mfa_required',
    challengeId,
    channel: ch.channel,
    maskedDestination: ch.masked_destination,
    expiresAt: warsawIso(expiresAt),
    resendAvailableAt: warsawIso(resendAt),
  });
};

export const logout: Handler = async (ctx) => {
  if (ctx.sessionCookie) await ctx.db.query('DELETE FROM sessions WHERE id_hash = $1', [sha256(ctx.sessionCookie)]);
  return { status: 204, cookies: [clearSessionCookie(ctx.app)] };
};

/** `200` the session, `204` when there is none (no cookie, or one whose session ended or timed out): not an error. */
export const getSession: Handler = (ctx) => Promise.resolve(ctx.session && ctx.user ? json(200, sessionBody(ctx.user, ctx.session)) : { status: 204 });

export const refreshSession: Handler = (ctx) => Promise.resolve(json(200, sessionBody(ctx.user!, ctx.session!)));

async function mailThrottle(ctx: Ctx, name: string, identifier: string): Promise<void> {
  const idKey = `${name}:id:${normalizeIdentifier(identifier)}`;
  const clientKey = `${name}:ip:${ctx.ip}`;
  await checkThrottles(ctx, [idKey, clientKey]);
  await throttleHit(ctx.db, idKey, LIMITS.mailPerIdentifier, 3600, 3600, ctx.now);
  await throttleHit(ctx.db, clientKey, LIMITS.mailPerClient, 3600, 3600, ctx.now);
}

const neutral = (ctx: Ctx) => json(202, { status: 'accepted', message: NEUTRAL[ctx.lang] });

/**
 * Password reset and login reminder: the answer throttles, queues the ask and says `202`, the same work for any
 * identifier, so its timing tells nothing; the account is looked up and mailed after it (mail-jobs.ts).
 */
const queuedMail =
  (kind: MailJobKind): Handler =>
  async (ctx) => {
    const { identifier } = ctx.body as { identifier: string };
    await mailThrottle(ctx, kind, identifier);
    await queueMail(ctx, kind, identifier);
    return neutral(ctx);
  };

export const requestPasswordReset: Handler = queuedMail('reset');
export const requestLoginReminder: Handler = queuedMail('reminder');

/** What the queued asks send, after the answer: a reset link (an activation link to an account not activated yet), a new activation link, the login. */
export const accountMailJobs: Record<MailJobKind, MailJobRunner> = {
  async reset(env, identifier) {
    const user = await findUser(env.db, identifier);
    if (user?.status === 'active') await sendReset(env, user, 'request');
    else if (user?.status === 'pending') await sendActivation(env, user);
  },
  async activation(env, identifier) {
    const user = await findUser(env.db, identifier);
    if (user?.status === 'pending') await sendActivation(env, user);
  },
  async reminder(env, identifier) {
    const user = await findUser(env.db, identifier);
    if (!user) return;
    const utility = env.app.utilities.get(user.utility_id) ?? env.utility;
    await sendEmail(
      env.db,
      user.email,
      'Przypomnienie loginu do eBOK',
      `Dzień dobry,\n\nTwój login do eBOK to: ${user.email}\nZalogujesz się też numerem ${user.customer_kind === 'business' ? 'NIP' : 'PESEL'}.\nNie pamiętasz hasła? Ustaw nowe: ${siteLink(env.app, utility, 'passwordReset')}\n\n${utility.name}`,
    );
  },
};

async function setPassword(ctx: Ctx, user: UserRow, newPassword: string, keepSessionHash: string | null): Promise<void> {
  const hash = await hashPassword(newPassword);
  await ctx.db.query('UPDATE users SET password_hash = $2, failed_logins = 0, locked_until = NULL, must_change_password = false WHERE id = $1', [user.id, hash]);
  if (keepSessionHash) await ctx.db.query('DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2', [user.id, keepSessionHash]);
  else await ctx.db.query('DELETE FROM sessions WHERE user_id = $1', [user.id]);
  const utility = ctx.app.utilities.get(user.utility_id) ?? ctx.utility;
  await sendEmail(
    ctx.db,
    user.email,
    'Hasło do eBOK zostało zmienione',
    `Dzień dobry,\n\nhasło do Twojego konta w eBOK zostało właśnie zmienione. Jeśli to nie Ty, natychmiast skontaktuj się z nami: ${String((utility.config.contact as { phone?: string } | undefined)?.phone ?? '')}.\n\n${utility.name}`,
  );
}

async function policyOrThrow(ctx: Ctx, user: UserRow, newPassword: string, field: string): Promise<void> {
  const utility = ctx.app.utilities.get(user.utility_id) ?? ctx.utility;
  const errors = passwordPolicyErrors(utility, newPassword, field, ctx.lang, [user.email]);
  if (errors.length === 0 && (await verifyPassword(newPassword, user.password_hash))) errors.push(fieldError(field, 'password_same_as_current', ctx.lang));
  if (errors.length) throw validationError(ctx.lang, errors, 'password_policy_violation');
}

export const confirmPasswordReset: Handler = async (ctx) => {
  const { token, newPassword } = ctx.body as { token: string; newPassword: string };
  const row = await useToken(ctx, token, 'reset');
  const user = await loadUser(ctx.db, 'u.id = $1', [row.user_id]);
  if (!user) throw new ApiError('token_invalid_or_expired');
  await policyOrThrow(ctx, user, newPassword, '/newPassword');
  if (!(await spendToken(ctx.db, row, ctx.now))) throw new ApiError('token_used');
  await setPassword(ctx, user, newPassword, null);
  await ctx.db.query('DELETE FROM throttles WHERE key = $1', [`login:id:${user.email.toLowerCase()}`]);
  return { status: 204 };
};

export const changePassword: Handler = async (ctx) => {
  const body = ctx.body as { currentPassword?: string; changeToken?: string; newPassword: string };
  const hasCurrent = body.currentPassword !== undefined;
  const hasToken = body.changeToken !== undefined;
  if (hasCurrent === hasToken) {
    throw validationError(ctx.lang, [fieldError(hasCurrent ? '/changeToken' : '/currentPassword', 'exactly_one_required', ctx.lang)]);
  }
  if (hasCurrent) {
    if (!ctx.user || !ctx.session) throw new ApiError('unauthenticated');
    const key = `pwchange:${ctx.user.id}`;
    await checkThrottles(ctx, [key]);
    if (!(await verifyPassword(body.currentPassword!, ctx.user.password_hash))) {
      await throttleHit(ctx.db, key, LIMITS.accountLockAfter * 2, LIMITS.throttleWindowSeconds, LIMITS.throttleBlockSeconds, ctx.now);
      throw validationError(ctx.lang, [fieldError('/currentPassword', 'incorrect', ctx.lang, undefined, ctx.lang === 'en' ? 'The current password is wrong.' : 'Obecne hasło jest nieprawidłowe.')]);
    }
    await policyOrThrow(ctx, ctx.user, body.newPassword, '/newPassword');
    await setPassword(ctx, ctx.user, body.newPassword, ctx.session.id_hash);
    return { status: 204 };
  }
  const row = await useToken(ctx, body.changeToken!, 'change');
  const user = await loadUser(ctx.db, 'u.id = $1', [row.user_id]);
  if (!user) throw new ApiError('token_invalid_or_expired');
  await policyOrThrow(ctx, user, body.newPassword, '/newPassword');
  if (!(await spendToken(ctx.db, row, ctx.now))) throw new ApiError('token_used');
  await setPassword(ctx, user, body.newPassword, null);
  return { status: 204 };
};

/** A new activation link: queued like a reset, so the answer cannot tell a pending account from none. */
export const resendActivation: Handler = queuedMail('activation');

export const activateAccount: Handler = async (ctx) => {
  const { token } = ctx.body as { token: string };
  const row = await useToken(ctx, token, 'activation');
  if (!(await spendToken(ctx.db, row, ctx.now))) throw new ApiError('token_used');
  await ctx.db.query("UPDATE users SET status = 'active' WHERE id = $1", [row.user_id]);
  return { status: 204 };
};

interface RegisterBody {
  pesel?: string;
  nip?: string;
  customerNumber?: string;
  pointCode?: string;
  email: string;
  phone?: string;
  password: string;
  consents: { terms: boolean; marketing: string[]; eInvoice: boolean };
}

export const register: Handler = async (ctx) => {
  const b = ctx.body as RegisterBody;
  const lang = ctx.lang;
  const utility = utilityForRequest(ctx);
  if (!utility.config.features.registration) throw new ApiError('feature_disabled');
  const errors: FieldError[] = [];
  if ((b.pesel === undefined) === (b.nip === undefined)) errors.push(fieldError(b.pesel === undefined ? '/pesel' : '/nip', 'exactly_one_required', lang));
  else if (b.pesel !== undefined && !validatePesel(b.pesel).valid) errors.push(fieldError('/pesel', 'invalid_checksum', lang, undefined, lang === 'en' ? 'The PESEL number is not valid.' : 'Numer PESEL jest niepoprawny. Sprawdź, czy nie ma literówki.'));
  else if (b.nip !== undefined && !validateNip(b.nip).valid) errors.push(fieldError('/nip', 'invalid_checksum', lang, undefined, lang === 'en' ? 'The NIP number is not valid.' : 'Numer NIP jest niepoprawny.'));
  if ((b.customerNumber === undefined) === (b.pointCode === undefined)) errors.push(fieldError(b.customerNumber === undefined ? '/customerNumber' : '/pointCode', 'exactly_one_required', lang));
  else if (b.pointCode !== undefined) {
    const code = b.pointCode.replace(/\s/g, '');
    if (/^\d{18}$/.test(code)) {
      if (!validatePpe(code).valid) errors.push(fieldError('/pointCode', 'invalid_checksum', lang));
    } else if (!utility.config.allowLegacyPointCodes) errors.push(fieldError('/pointCode', 'invalid_format', lang));
  }
  const known = new Set(utility.config.marketingConsents.map((k) => k.id));
  b.consents.marketing.forEach((id, i) => {
    if (!known.has(id)) errors.push(fieldError(`/consents/marketing/${i}`, 'unknown_value', lang, undefined, lang === 'en' ? 'There is no such consent.' : 'Nie ma takiej zgody.'));
  });
  if (!b.consents.terms) errors.push(fieldError('/consents/terms', 'must_be_true', lang, undefined, lang === 'en' ? 'Accept the terms to create an account.' : 'Aby założyć konto, zaakceptuj regulamin.'));
  const passwordErrors = passwordPolicyErrors(utility, b.password, '/password', lang, [b.email]);
  if (errors.length || passwordErrors.length) throw validationError(lang, [...errors, ...passwordErrors], errors.length ? 'validation_failed' : 'password_policy_violation');

  const email = b.email.trim();
  // Each registration sends an e-mail (to any address) and runs scrypt: throttled per address and per client
  // like the password reset, before either happens.
  await mailThrottle(ctx, 'register', email);
  const hash = await hashPassword(b.password); // always, so timing does not depend on what exists
  const nationalId = b.pesel ?? normalizeNip(b.nip);
  const customer = (
    await ctx.db.query<{ id: string; utility_id: string; contract_email: string | null }>(
      `SELECT c.id, c.utility_id, c.contract_email FROM customers c
       WHERE c.national_id = $1 AND (c.number = $2 OR EXISTS (SELECT 1 FROM points p WHERE p.customer_id = c.id AND p.code = $3))`,
      [nationalId, b.customerNumber ?? '', (b.pointCode ?? '').replace(/\s/g, '')],
    )
  )[0];
  const target = await withCurrentTerms(ctx.db, customer ? (ctx.app.utilities.get(customer.utility_id) ?? utility) : utility);
  const existingByEmail = await loadUser(ctx.db, 'u.email_lower = $1', [email.toLowerCase()]);
  const existingByCustomer = customer ? await loadUser(ctx.db, 'u.customer_id = $1', [customer.id]) : null;
  const owner = existingByCustomer ?? existingByEmail;
  if (owner) {
    // The notice goes to the account's owner, with the links of the owner's utility (not of the page that asked).
    const own = ctx.app.utilities.get(owner.utility_id) ?? target;
    await sendEmail(
      ctx.db,
      owner.email,
      'Próba rejestracji w eBOK',
      `Dzień dobry,\n\nktoś (może Ty) próbował założyć konto w eBOK dla Twoich danych lub adresu e-mail. Konto już istnieje.\nZaloguj się: ${siteLink(ctx.app, own, 'login')}\nNie pamiętasz hasła? ${siteLink(ctx.app, own, 'passwordReset')}\n\n${own.name}`,
    );
  } else if (!customer || (target.config.registrationEmailMustMatchContract && customer.contract_email?.toLowerCase() !== email.toLowerCase())) {
    await sendEmail(
      ctx.db,
      email,
      'Rejestracja w eBOK nie powiodła się',
      `Dzień dobry,\n\nnie udało się założyć konta w eBOK: podane dane nie pasują do żadnej umowy${target.config.registrationEmailMustMatchContract ? ' (adres e-mail musi być taki jak w umowie)' : ''}.\nSprawdź numer klienta lub kod punktu poboru na fakturze albo zadzwoń do nas.\n\n${target.name}`,
    );
  } else {
    const userId = `usr_${randomToken(6).replace(/[^A-Za-z0-9]/g, 'x')}`;
    await ctx.db.query(
      `INSERT INTO users (id, customer_id, email, email_lower, phone, password_hash, status) VALUES ($1, $2, $3, $4, $5, $6, 'pending')`,
      [userId, customer.id, email, email.toLowerCase(), b.phone ?? null, hash],
    );
    // The terms accepted are the version the customer's utility publishes now; e-invoice is on where its eBOK means it.
    await ctx.db.query('UPDATE customers SET e_invoice = $2, terms_version = $3, terms_accepted_at = $4, consents_updated_at = $4 WHERE id = $1', [
      customer.id,
      b.consents.eInvoice || target.config.eInvoiceRequired,
      target.config.terms.version,
      ctx.now,
    ]);
    for (const consent of target.config.marketingConsents) {
      await ctx.db.query(
        'INSERT INTO marketing_consents (customer_id, consent, given, changed_at) VALUES ($1, $2, $3, $4) ON CONFLICT (customer_id, consent) DO UPDATE SET given = EXCLUDED.given, changed_at = EXCLUDED.changed_at',
        [customer.id, consent.id, b.consents.marketing.includes(consent.id), ctx.now],
      );
    }
    const user = await loadUser(ctx.db, 'u.id = $1', [userId]);
    if (user) await sendActivation(ctx, user);
  }
  return json(201, { activationLinkExpiresInSeconds: utility.config.activationLinkLifetimeSeconds, maskedEmail: maskEmail(email) });
};

export function authHandlers(): Record<string, Handler> {
  return {
    getPortalConfig,
    login,
    verifyMfa,
    resendMfa,
    logout,
    getSession,
    refreshSession,
    requestPasswordReset,
    checkPasswordResetToken,
    confirmPasswordReset,
    changePassword,
    requestLoginReminder,
    register,
    activateAccount,
    checkActivationToken,
    resendActivation,
  };
}

export type { AppState };
