/** The customer's data, notification preferences, points of delivery and contracts (the consents: consents.ts). */
import { ApiError, fieldError, type FieldError } from './problem.ts';
import { json, validationError, type Ctx, type Handler } from './core.ts';
import { sendEmail } from './outbox.ts';
import { randomToken, sha256, verifyPassword } from './util.ts';
import { pageOf } from './paging.ts';

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

// ---------- points and contracts ----------
interface PointRow {
  id: string;
  kind: string;
  code: string;
  code_type: string;
  name: string;
  address: Record<string, unknown>;
  tariff: string;
  contract_id: string | null;
}

interface RegisterRow {
  id: string;
  point_id: string;
  meter_serial: string;
  smart: boolean;
  meter_kind: string;
  zone: string;
  obis_code: string | null;
  unit: string;
  direction: string;
  conversion_factor: number | null;
  digits: number;
  decimals: number;
}

export async function pointsOf(ctx: Ctx, pointId?: string) {
  const points = await ctx.db.query<PointRow>(
    `SELECT id, kind, code, code_type, name, address, tariff, contract_id FROM points WHERE customer_id = $1 ${pointId ? 'AND id = $2' : ''} ORDER BY kind, code`,
    pointId ? [ctx.user!.customer_id, pointId] : [ctx.user!.customer_id],
  );
  if (points.length === 0) return [];
  const regs = await ctx.db.query<RegisterRow>(
    `SELECT r.id, r.point_id, r.meter_serial, m.smart, m.kind AS meter_kind, r.zone, r.obis_code, r.unit, r.direction, r.conversion_factor, r.digits, r.decimals
     FROM registers r JOIN meters m ON m.serial_number = r.meter_serial JOIN points p ON p.id = r.point_id
     WHERE p.customer_id = $1 ORDER BY r.point_id, r.meter_serial, r.position`,
    [ctx.user!.customer_id],
  );
  return points.map((p) => {
    const meters: { serialNumber: string; kind: string; smart: boolean; registers: unknown[] }[] = [];
    for (const r of regs.filter((x) => x.point_id === p.id)) {
      let m = meters.find((x) => x.serialNumber === r.meter_serial);
      if (!m) {
        m = { serialNumber: r.meter_serial, kind: r.meter_kind, smart: r.smart, registers: [] };
        meters.push(m);
      }
      m.registers.push({
        id: r.id,
        zone: r.zone,
        obisCode: r.obis_code,
        unit: r.unit,
        direction: r.direction,
        conversionFactor: r.conversion_factor === null ? null : Number(r.conversion_factor),
        digits: r.digits,
        decimals: r.decimals,
      });
    }
    return { id: p.id, kind: p.kind, code: p.code, codeType: p.code_type, name: p.name, address: p.address, tariff: p.tariff, contractId: p.contract_id, meters };
  });
}

export const listPoints: Handler = async (ctx) => json(200, pageOf(ctx, await pointsOf(ctx)));

export const getPoint: Handler = async (ctx) => {
  const [p] = await pointsOf(ctx, ctx.params.pointId);
  if (!p) throw new ApiError('not_found');
  return json(200, p);
};

export const listContracts: Handler = async (ctx) => {
  const rows = await ctx.db.query<{ id: string; number: string; kind: string; product: string; tariff: string; start_date: string; end_date: string | null; status: string; point_ids: string[] | null }>(
    `SELECT c.id, c.number, c.kind, c.product, c.tariff, to_char(c.start_date, 'YYYY-MM-DD') AS start_date, to_char(c.end_date, 'YYYY-MM-DD') AS end_date, c.status,
       ARRAY(SELECT p.id FROM points p WHERE p.contract_id = c.id ORDER BY p.code) AS point_ids
     FROM contracts c WHERE c.customer_id = $1
     ORDER BY CASE c.status WHEN 'active' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END, c.start_date DESC, c.id`,
    [ctx.user!.customer_id],
  );
  const items = rows.map((r) => ({
    id: r.id,
    number: r.number,
    kind: r.kind,
    product: r.product,
    tariff: r.tariff,
    startDate: r.start_date,
    endDate: r.end_date,
    status: r.status,
    pointIds: r.point_ids ?? [],
  }));
  return json(200, pageOf(ctx, items));
};

export function customerHandlers(): Record<string, Handler> {
  return {
    getProfile,
    updateContact,
    updateCorrespondenceAddress,
    getNotificationPreferences,
    updateNotificationPreferences,
    listPoints,
    getPoint,
    listContracts,
  };
}
