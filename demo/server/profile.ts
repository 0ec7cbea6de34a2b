/**
 * Who the customer is and how to reach them: the profile, the e-mail and phone (each confirmed at its new
 * address or number before it counts), and the correspondence address.
 */
import { ApiError, fieldError, type FieldError } from './problem.ts';
import { json, validationError, type Ctx, type Handler, type AppState, type Utility } from './core.ts';
import type { Queryable } from './db.ts';
import { sendEmail, sendSms } from './outbox.ts';
import { maskPhone, randomToken, sha256, sixDigitCode, verifyPassword } from './util.ts';
import { customerOf } from './customer.ts';
import { tooManyAttempts } from './auth.ts';

/** How a new phone number is confirmed (the SMS code) and how often the code or link may be sent again. */
export const CONTACT_LIMITS = {
  codeLifetimeSeconds: 10 * 60,
  maxAttempts: 5,
  resendCooldownSeconds: 60,
  /** Codes or links per pending change (the first one included) within an hour. */
  maxSends: 5,
  emailLinkSeconds: 24 * 3600,
};

export async function profile(ctx: Ctx) {
  const c = await customerOf(ctx);
  const fresh = (
    await ctx.db.query<{ email: string; pending_email: string | null; phone: string | null; pending_phone: string | null }>(
      'SELECT email, pending_email, phone, pending_phone FROM users WHERE id = $1',
      [ctx.user!.id],
    )
  )[0]!;
  const regon = (await ctx.db.query<{ regon: string | null }>('SELECT regon FROM customers WHERE id = $1', [c.id]))[0]?.regon ?? null;
  return {
    customerNumber: c.number,
    kind: c.kind,
    displayName: c.company_name ?? [c.first_name, c.last_name].filter(Boolean).join(' '),
    firstName: c.first_name,
    lastName: c.last_name,
    companyName: c.company_name,
    nationalIdType: c.national_id_type,
    nationalIdMasked: '*'.repeat(c.national_id.length - 4) + c.national_id.slice(-4),
    email: fresh.email,
    pendingEmail: fresh.pending_email,
    phone: fresh.phone,
    pendingPhone: fresh.pending_phone,
    ...(c.kind === 'business' ? { regon } : {}),
    correspondenceAddress: c.address,
    eInvoice: c.e_invoice,
  };
}

const en = (ctx: Ctx, pl: string, english: string): string => (ctx.lang === 'en' ? english : pl);

/** Where the e-mailed link leads: the utility's "my data" page when its site has one, else the sandbox page. */
function emailLink(app: Pick<AppState, 'publicOrigin'>, utility: Utility, token: string): string {
  const page = (utility.site as { profile?: string }).profile;
  if (!page) return `${app.publicOrigin}/sandbox/email-confirm?token=${token}`;
  const url = new URL(page, `${app.publicOrigin}/`);
  url.searchParams.set('ebok-email-token', token);
  return url.href;
}

// ---------- phone ----------
interface PhoneChangeRow {
  user_id: string;
  phone: string;
  code_hash: string;
  created_at: Date;
  expires_at: Date;
  resend_available_at: Date;
  attempts: number;
  resends: number;
  spent_at: Date | null;
}

const phoneChangeOf = async (db: Queryable, userId: string): Promise<PhoneChangeRow | undefined> =>
  (await db.query<PhoneChangeRow>('SELECT * FROM phone_changes WHERE user_id = $1', [userId]))[0];

/** Sends a new code to `phone` (a new pending number, or the same one again), within the limits. */
async function sendPhoneCode(ctx: Ctx, phone: string, again: boolean): Promise<void> {
  const u = ctx.user!;
  const row = await phoneChangeOf(ctx.db, u.id);
  const hourAgo = ctx.now.getTime() - 3600 * 1000;
  const recent = row && new Date(row.created_at).getTime() > hourAgo;
  if (row && again && new Date(row.resend_available_at) > ctx.now) throw tooManyAttempts(new Date(row.resend_available_at), ctx.now, ctx.lang);
  if (row && recent && row.resends + 1 >= CONTACT_LIMITS.maxSends) throw tooManyAttempts(new Date(new Date(row.created_at).getTime() + 3600 * 1000), ctx.now, ctx.lang);
  const code = sixDigitCode();
  const expires = new Date(ctx.now.getTime() + CONTACT_LIMITS.codeLifetimeSeconds * 1000);
  const resendAt = new Date(ctx.now.getTime() + CONTACT_LIMITS.resendCooldownSeconds * 1000);
  await ctx.db.query(
    `INSERT INTO phone_changes (user_id, phone, code_hash, created_at, expires_at, resend_available_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (user_id) DO UPDATE SET phone = $2, code_hash = $3, expires_at = $5, resend_available_at = $6, attempts = 0, spent_at = NULL,
       resends = CASE WHEN phone_changes.created_at > $7 THEN phone_changes.resends + 1 ELSE 0 END,
       created_at = CASE WHEN phone_changes.created_at > $7 THEN phone_changes.created_at ELSE $4 END`,
    [u.id, phone, sha256(`${u.id}:${code}`), ctx.now, expires, resendAt, new Date(hourAgo)],
  );
  await ctx.db.query('UPDATE users SET pending_phone = $2 WHERE id = $1', [u.id, phone]);
  const minutes = Math.round(CONTACT_LIMITS.codeLifetimeSeconds / 60);
  await sendSms(ctx.db, phone, `Kod potwierdzenia numeru telefonu w eBOK: ${code}. Ważny ${minutes} min. Nie podawaj go nikomu.`, code);
}

async function confirmPhone(ctx: Ctx, code: string): Promise<void> {
  const u = ctx.user!;
  const row = await phoneChangeOf(ctx.db, u.id);
  const pending = (await ctx.db.query<{ pending_phone: string | null }>('SELECT pending_phone FROM users WHERE id = $1', [u.id]))[0]?.pending_phone;
  const expired = () =>
    validationError(ctx.lang, [fieldError('/phone/code', 'expired', ctx.lang, undefined, en(ctx, 'Kod wygasł albo został już użyty. Poproś o nowy kod.', 'The code has expired or was already used. Ask for a new code.'))]);
  if (!row || !pending || row.phone !== pending || row.spent_at || new Date(row.expires_at) <= ctx.now) throw expired();
  if (row.attempts >= CONTACT_LIMITS.maxAttempts) throw tooManyAttempts(new Date(row.resend_available_at) > ctx.now ? new Date(row.resend_available_at) : new Date(ctx.now.getTime() + 1000), ctx.now, ctx.lang);
  if (sha256(`${u.id}:${code}`) !== row.code_hash) {
    const attempts = (await ctx.db.query<{ attempts: number }>('UPDATE phone_changes SET attempts = attempts + 1 WHERE user_id = $1 RETURNING attempts', [u.id]))[0]?.attempts ?? CONTACT_LIMITS.maxAttempts;
    const left = Math.max(0, CONTACT_LIMITS.maxAttempts - attempts);
    const message = left > 0 ? en(ctx, `Kod jest nieprawidłowy. Pozostało prób: ${left}.`, `The code is wrong. Attempts left: ${left}.`) : en(ctx, 'Kod jest nieprawidłowy. Poproś o nowy kod.', 'The code is wrong. Ask for a new code.');
    throw validationError(ctx.lang, [fieldError('/phone/code', 'incorrect', ctx.lang, { attemptsLeft: left }, message)]);
  }
  const done = await ctx.db.transaction(async (tx) => {
    const spent = await tx.query('UPDATE phone_changes SET spent_at = $2 WHERE user_id = $1 AND spent_at IS NULL RETURNING user_id', [u.id, ctx.now]);
    if (spent.length === 0) return false;
    await tx.query('UPDATE users SET phone = $2, pending_phone = NULL WHERE id = $1', [u.id, row.phone]);
    return true;
  });
  if (!done) throw expired();
  await sendEmail(ctx.db, u.email, 'Zmiana numeru telefonu w eBOK', `Dzień dobry,\n\nnumer telefonu w Twoim koncie eBOK został zmieniony na ${maskPhone(row.phone)}.\nJeśli to nie Ty, skontaktuj się z nami.`);
}

async function dropPendingPhone(db: Queryable, userId: string): Promise<void> {
  await db.query('DELETE FROM phone_changes WHERE user_id = $1', [userId]);
  await db.query('UPDATE users SET pending_phone = NULL WHERE id = $1', [userId]);
}

// ---------- e-mail ----------
async function sendEmailLink(ctx: Ctx, email: string): Promise<void> {
  const u = ctx.user!;
  await ctx.db.query("UPDATE auth_tokens SET invalidated_at = $2 WHERE user_id = $1 AND purpose = 'email_change' AND used_at IS NULL AND invalidated_at IS NULL", [u.id, ctx.now]);
  const token = randomToken(32);
  await ctx.db.query("INSERT INTO auth_tokens (token_hash, user_id, purpose, data, created_at, expires_at) VALUES ($1, $2, 'email_change', $3, $4, $5)", [
    sha256(token),
    u.id,
    { email },
    ctx.now,
    new Date(ctx.now.getTime() + CONTACT_LIMITS.emailLinkSeconds * 1000),
  ]);
  const taken = await ctx.db.query('SELECT 1 FROM users WHERE email_lower = $1 AND id <> $2', [email.toLowerCase(), u.id]);
  // An address of another account learns nothing and gets nothing; the answer does not differ.
  if (taken.length > 0) return;
  const utility = ctx.app.utilities.get(u.utility_id) ?? ctx.utility;
  await sendEmail(ctx.db, email, 'Potwierdź nowy adres e-mail w eBOK', `Dzień dobry,\n\naby potwierdzić nowy adres e-mail konta w eBOK, otwórz link (ważny 24 godz.):\n${emailLink(ctx.app, utility, token)}\n`);
}

/** Within the limits for sending the e-mail link again: one a minute, `maxSends` an hour. */
async function emailResendAllowed(ctx: Ctx): Promise<void> {
  const rows = await ctx.db.query<{ created_at: Date }>(
    "SELECT created_at FROM auth_tokens WHERE user_id = $1 AND purpose = 'email_change' AND created_at > $2 ORDER BY created_at DESC",
    [ctx.user!.id, new Date(ctx.now.getTime() - 3600 * 1000)],
  );
  const last = rows[0] ? new Date(rows[0].created_at).getTime() : 0;
  if (last + CONTACT_LIMITS.resendCooldownSeconds * 1000 > ctx.now.getTime()) throw tooManyAttempts(new Date(last + CONTACT_LIMITS.resendCooldownSeconds * 1000), ctx.now, ctx.lang);
  if (rows.length >= CONTACT_LIMITS.maxSends) throw tooManyAttempts(new Date(new Date(rows[rows.length - 1]!.created_at).getTime() + 3600 * 1000), ctx.now, ctx.lang);
}

export type EmailConfirmOutcome = { ok: true; email: string } | { ok: false; reason: 'used' | 'invalid' | 'taken' };

/**
 * Confirms a new e-mail by the token of its link: `confirmContact` (for the signed-in owner only) and the
 * sandbox page (anyone holding the link) both do it here.
 */
export async function confirmEmailToken(db: Queryable & { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> }, token: string, now: Date, userId?: string): Promise<EmailConfirmOutcome> {
  const row = (
    await db.query<{ token_hash: string; user_id: string; data: { email?: string } | null; used_at: Date | null; invalidated_at: Date | null; expires_at: Date }>(
      "SELECT * FROM auth_tokens WHERE token_hash = $1 AND purpose = 'email_change'",
      [sha256(token)],
    )
  )[0];
  if (!row || (userId !== undefined && row.user_id !== userId)) return { ok: false, reason: 'invalid' };
  if (row.used_at) return { ok: false, reason: 'used' };
  if (row.invalidated_at || new Date(row.expires_at) <= now || !row.data?.email) return { ok: false, reason: 'invalid' };
  const email = row.data.email;
  return db.transaction(async (tx): Promise<EmailConfirmOutcome> => {
    const taken = await tx.query('SELECT 1 FROM users WHERE email_lower = $1 AND id <> $2', [email.toLowerCase(), row.user_id]);
    if (taken.length) return { ok: false, reason: 'taken' };
    const spent = await tx.query('UPDATE auth_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL RETURNING token_hash', [row.token_hash, now]);
    if (spent.length === 0) return { ok: false, reason: 'used' };
    await tx.query('UPDATE users SET email = $2, email_lower = $3, pending_email = NULL WHERE id = $1', [row.user_id, email, email.toLowerCase()]);
    return { ok: true, email };
  });
}

// ---------- handlers ----------
export const getProfile: Handler = async (ctx) => json(200, await profile(ctx));

export const updateContact: Handler = async (ctx) => {
  const body = ctx.body as { email?: string; phone?: string | null; currentPassword?: string };
  const u = ctx.user!;
  const c = await customerOf(ctx);
  const errors: FieldError[] = [];
  if (body.email === undefined && body.phone === undefined) errors.push(fieldError('/email', 'required', ctx.lang));
  const emailChanges = body.email !== undefined && body.email.toLowerCase() !== u.email.toLowerCase();
  if (emailChanges) {
    if (body.currentPassword === undefined) errors.push(fieldError('/currentPassword', 'required', ctx.lang));
    else if (!(await verifyPassword(body.currentPassword, u.password_hash))) {
      errors.push(fieldError('/currentPassword', 'incorrect', ctx.lang, undefined, en(ctx, 'Obecne hasło jest nieprawidłowe.', 'The current password is wrong.')));
    }
  }
  if (body.phone === null) {
    const smsOn = Object.values(c.notification_prefs.sms).some(Boolean);
    if (smsOn || u.mfa_channel === 'sms') errors.push(fieldError('/phone', 'phone_required', ctx.lang, undefined, en(ctx, 'Numer jest potrzebny do SMS-ów lub kodów logowania.', 'The phone is used for text messages or sign-in codes.')));
  }
  if (errors.length) throw validationError(ctx.lang, errors);
  if (body.phone === null) {
    await dropPendingPhone(ctx.db, u.id);
    if (u.phone !== null) {
      await ctx.db.query('UPDATE users SET phone = NULL WHERE id = $1', [u.id]);
      await sendEmail(ctx.db, u.email, 'Zmiana numeru telefonu w eBOK', 'Dzień dobry,\n\nnumer telefonu został usunięty z Twojego konta w eBOK.\nJeśli to nie Ty, skontaktuj się z nami.');
    }
  } else if (body.phone !== undefined) {
    // Back to the confirmed number: nothing to confirm, the pending one is dropped.
    if (body.phone === u.phone) await dropPendingPhone(ctx.db, u.id);
    else await sendPhoneCode(ctx, body.phone, false);
  }
  if (body.email !== undefined && !emailChanges) {
    await ctx.db.query("UPDATE auth_tokens SET invalidated_at = $2 WHERE user_id = $1 AND purpose = 'email_change' AND used_at IS NULL AND invalidated_at IS NULL", [u.id, ctx.now]);
    await ctx.db.query('UPDATE users SET pending_email = NULL WHERE id = $1', [u.id]);
  }
  if (emailChanges && body.email) {
    await ctx.db.query('UPDATE users SET pending_email = $2 WHERE id = $1', [u.id, body.email]);
    await sendEmailLink(ctx, body.email);
    await sendEmail(ctx.db, u.email, 'Zmiana adresu e-mail w eBOK', `Dzień dobry,\n\npoproszono o zmianę adresu e-mail Twojego konta w eBOK. Zmiana nastąpi po potwierdzeniu linkiem wysłanym na nowy adres.\nJeśli to nie Ty, zmień hasło i skontaktuj się z nami.`);
  }
  return json(200, await profile(ctx));
};

export const confirmContact: Handler = async (ctx) => {
  const body = ctx.body as { phone?: { code: string }; email?: { token: string } };
  if (body.phone) await confirmPhone(ctx, body.phone.code);
  else if (body.email) {
    const outcome = await confirmEmailToken(ctx.db, body.email.token, ctx.now, ctx.user!.id);
    if (!outcome.ok && outcome.reason === 'taken') throw new ApiError('conflict', en(ctx, 'Tego adresu nie można użyć. Skontaktuj się z nami.', 'This address cannot be used. Contact us.'));
    if (!outcome.ok) throw validationError(ctx.lang, [fieldError('/email/token', 'expired', ctx.lang, undefined, en(ctx, 'Link wygasł, został zastąpiony nowszym albo już go użyto.', 'The link has expired, was replaced by a newer one or was already used.'))]);
  }
  return json(200, await profile(ctx));
};

export const cancelContactChange: Handler = async (ctx) => {
  const u = ctx.user!;
  if (ctx.params.channel === 'phone') await dropPendingPhone(ctx.db, u.id);
  else {
    await ctx.db.query("UPDATE auth_tokens SET invalidated_at = $2 WHERE user_id = $1 AND purpose = 'email_change' AND used_at IS NULL AND invalidated_at IS NULL", [u.id, ctx.now]);
    await ctx.db.query('UPDATE users SET pending_email = NULL WHERE id = $1', [u.id]);
  }
  return json(200, await profile(ctx));
};

export const resendContactConfirmation: Handler = async (ctx) => {
  const u = ctx.user!;
  const pending = (await ctx.db.query<{ pending_phone: string | null; pending_email: string | null }>('SELECT pending_phone, pending_email FROM users WHERE id = $1', [u.id]))[0];
  const value = ctx.params.channel === 'phone' ? pending?.pending_phone : pending?.pending_email;
  if (!value) throw new ApiError('conflict', en(ctx, 'Nie ma zmiany czekającej na potwierdzenie.', 'There is no change waiting for confirmation.'));
  if (ctx.params.channel === 'phone') await sendPhoneCode(ctx, value, true);
  else {
    await emailResendAllowed(ctx);
    await sendEmailLink(ctx, value);
  }
  return json(200, await profile(ctx));
};

export const updateCorrespondenceAddress: Handler = async (ctx) => {
  const b = ctx.body as Record<string, string | null | undefined>;
  const clean = (v: string | null | undefined): string | null => (typeof v === 'string' ? v.trim().replace(/\s+/g, ' ') || null : null);
  const country = clean(b.country) ?? 'PL';
  const address = {
    street: clean(b.street),
    buildingNumber: clean(b.buildingNumber) ?? '',
    apartmentNumber: clean(b.apartmentNumber),
    postalCode: clean(b.postalCode) ?? '',
    city: clean(b.city) ?? '',
    postOffice: clean(b.postOffice),
    country,
  };
  const errors: FieldError[] = [];
  if (country === 'PL') {
    const digits = address.postalCode.replace(/\D/g, '');
    if (/^\d{2}-?\d{3}$/.test(address.postalCode) && digits.length === 5) address.postalCode = `${digits.slice(0, 2)}-${digits.slice(2)}`;
    else errors.push(fieldError('/postalCode', 'invalid_format', ctx.lang, undefined, en(ctx, 'Kod pocztowy ma postać 00-000.', 'A Polish postal code looks like 00-000.')));
  }
  if (!address.buildingNumber) errors.push(fieldError('/buildingNumber', 'required', ctx.lang));
  if (!address.city) errors.push(fieldError('/city', 'required', ctx.lang));
  if (errors.length) throw validationError(ctx.lang, errors);
  await ctx.db.query('UPDATE customers SET address = $2 WHERE id = $1', [ctx.user!.customer_id, address]);
  return json(200, address);
};

export function profileHandlers(): Record<string, Handler> {
  return { getProfile, updateContact, confirmContact, cancelContactChange, resendContactConfirmation, updateCorrespondenceAddress };
}
