/** The customer's data, consents and notification preferences (points and contracts: points.ts). */
import { ApiError, fieldError, type FieldError } from './problem.ts';
import { json, validationError, type Ctx, type Handler } from './core.ts';
import { sendEmail } from './outbox.ts';
import { warsawIso } from '../../src/i18n/calendar.ts';
import { randomToken, sha256, verifyPassword } from './util.ts';

interface CustomerRow {
  id: string;
  number: string;
  kind: 'person' | 'business';
  first_name: string | null;
  last_name: string | null;
  company_name: string | null;
  national_id_type: 'pesel' | 'nip';
  national_id: string;
  address: Record<string, unknown>;
  e_invoice: boolean;
  marketing: boolean;
  terms_version: string | null;
  terms_accepted_at: Date | null;
  consents_updated_at: Date;
  notification_prefs: { email: Record<string, boolean>; sms: Record<string, boolean> };
}

export async function customerOf(ctx: Ctx): Promise<CustomerRow> {
  const row = (await ctx.db.query<CustomerRow>('SELECT * FROM customers WHERE id = $1', [ctx.user!.customer_id]))[0];
  if (!row) throw new ApiError('not_found');
  return row;
}

async function profile(ctx: Ctx) {
  const c = await customerOf(ctx);
  const u = ctx.user!;
  const fresh = (await ctx.db.query<{ email: string; pending_email: string | null; phone: string | null }>('SELECT email, pending_email, phone FROM users WHERE id = $1', [u.id]))[0]!;
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
    correspondenceAddress: c.address,
    eInvoice: c.e_invoice,
  };
}

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
      errors.push(fieldError('/currentPassword', 'incorrect', ctx.lang, undefined, ctx.lang === 'en' ? 'The current password is wrong.' : 'Obecne hasło jest nieprawidłowe.'));
    }
  }
  if (body.phone === null) {
    const smsOn = Object.values(c.notification_prefs.sms).some(Boolean);
    if (smsOn || u.mfa_channel === 'sms') errors.push(fieldError('/phone', 'phone_required', ctx.lang, undefined, ctx.lang === 'en' ? 'The phone is used for text messages or sign-in codes.' : 'Numer jest potrzebny do SMS-ów lub kodów logowania.'));
  }
  if (errors.length) throw validationError(ctx.lang, errors);
  if (body.phone !== undefined && body.phone !== u.phone) {
    await ctx.db.query('UPDATE users SET phone = $2 WHERE id = $1', [u.id, body.phone]);
    await sendEmail(ctx.db, u.email, 'Zmiana numeru telefonu w eBOK', `Dzień dobry,\n\nnumer telefonu w Twoim koncie eBOK został ${body.phone ? `zmieniony na ${body.phone.slice(0, 3)} *** *** ${body.phone.slice(-3)}` : 'usunięty'}.\nJeśli to nie Ty, skontaktuj się z nami.`);
  }
  if (emailChanges && body.email) {
    const taken = await ctx.db.query('SELECT 1 FROM users WHERE email_lower = $1 AND id <> $2', [body.email.toLowerCase(), u.id]);
    await ctx.db.query('UPDATE users SET pending_email = $2 WHERE id = $1', [u.id, body.email]);
    await ctx.db.query("UPDATE auth_tokens SET invalidated_at = now() WHERE user_id = $1 AND purpose = 'email_change' AND used_at IS NULL", [u.id]);
    const token = randomToken(32);
    await ctx.db.query("INSERT INTO auth_tokens (token_hash, user_id, purpose, data, created_at, expires_at) VALUES ($1, $2, 'email_change', $3, $4, $5)", [
      sha256(token),
      u.id,
      { email: body.email },
      ctx.now,
      new Date(ctx.now.getTime() + 24 * 3600 * 1000),
    ]);
    if (taken.length === 0) {
      await sendEmail(ctx.db, body.email, 'Potwierdź nowy adres e-mail w eBOK', `Dzień dobry,\n\naby potwierdzić nowy adres e-mail konta w eBOK, otwórz link (ważny 24 godz.):\n${ctx.app.publicOrigin}/sandbox/email-confirm?token=${token}\n`);
    }
    await sendEmail(ctx.db, u.email, 'Zmiana adresu e-mail w eBOK', `Dzień dobry,\n\npoproszono o zmianę adresu e-mail Twojego konta w eBOK. Zmiana nastąpi po potwierdzeniu linkiem wysłanym na nowy adres.\nJeśli to nie Ty, zmień hasło i skontaktuj się z nami.`);
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
    else errors.push(fieldError('/postalCode', 'invalid_format', ctx.lang, undefined, ctx.lang === 'en' ? 'A Polish postal code looks like 00-000.' : 'Kod pocztowy ma postać 00-000.'));
  }
  if (!address.buildingNumber) errors.push(fieldError('/buildingNumber', 'required', ctx.lang));
  if (!address.city) errors.push(fieldError('/city', 'required', ctx.lang));
  if (errors.length) throw validationError(ctx.lang, errors);
  await ctx.db.query('UPDATE customers SET address = $2 WHERE id = $1', [ctx.user!.customer_id, address]);
  return json(200, address);
};

async function consents(ctx: Ctx) {
  const c = await customerOf(ctx);
  return {
    terms: { accepted: Boolean(c.terms_accepted_at), version: c.terms_version ?? '2026-01', acceptedAt: warsawIso(new Date(c.terms_accepted_at ?? c.consents_updated_at)) },
    marketing: c.marketing,
    eInvoice: c.e_invoice,
    updatedAt: warsawIso(new Date(c.consents_updated_at)),
  };
}

export const getConsents: Handler = async (ctx) => json(200, await consents(ctx));

export const updateConsents: Handler = async (ctx) => {
  const b = ctx.body as { marketing: boolean; eInvoice: boolean };
  const c = await customerOf(ctx);
  const changes: [string, boolean][] = [];
  if (c.marketing !== b.marketing) changes.push(['marketing', b.marketing]);
  if (c.e_invoice !== b.eInvoice) changes.push(['eInvoice', b.eInvoice]);
  if (changes.length) {
    await ctx.db.query('UPDATE customers SET marketing = $2, e_invoice = $3, consents_updated_at = $4 WHERE id = $1', [c.id, b.marketing, b.eInvoice, ctx.now]);
    for (const [consent, value] of changes) {
      await ctx.db.query('INSERT INTO consent_changes (customer_id, consent, value, channel, changed_at) VALUES ($1, $2, $3, $4, $5)', [c.id, consent, value, 'portal', ctx.now]);
    }
  }
  return json(200, await consents(ctx));
};

export const getNotificationPreferences: Handler = async (ctx) => json(200, (await customerOf(ctx)).notification_prefs);

export const updateNotificationPreferences: Handler = async (ctx) => {
  const b = ctx.body as { email: Record<string, boolean>; sms: Record<string, boolean> };
  const phone = (await ctx.db.query<{ phone: string | null }>('SELECT phone FROM users WHERE id = $1', [ctx.user!.id]))[0]?.phone;
  if (!phone) {
    const errors = Object.entries(b.sms)
      .filter(([, on]) => on)
      .map(([event]) => fieldError(`/sms/${event}`, 'phone_required', ctx.lang));
    if (errors.length) throw validationError(ctx.lang, errors);
  }
  await ctx.db.query('UPDATE customers SET notification_prefs = $2 WHERE id = $1', [ctx.user!.customer_id, b]);
  return json(200, b);
};

export function customerHandlers(): Record<string, Handler> {
  return {
    getProfile,
    updateContact,
    updateCorrespondenceAddress,
    getConsents,
    updateConsents,
    getNotificationPreferences,
    updateNotificationPreferences,
  };
}
