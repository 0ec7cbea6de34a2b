/** Reading windows, meter readings (with photos) and consumption series. */
import { ApiError, fieldError, type FieldError } from './problem.ts';
import { json, requireFeature, validationError, type Ctx, type Handler } from './core.ts';
import { pageOf } from './paging.ts';
import { addDays, daysBetween, warsawDate, warsawInstant, warsawIso } from '../../src/i18n/calendar.ts';
import { formatDatePl, formatPln, money, randomId } from './util.ts';
import { detectType, stripMetadata } from './files.ts';

interface PointRow {
  id: string;
  kind: string;
  window_anchor: string;
  window_length: number;
  window_period: number;
}

interface RegRow {
  id: string;
  meter_serial: string;
  zone: string;
  obis_code: string | null;
  unit: string;
  direction: string;
  digits: number;
  decimals: number;
  daily_usage: string;
  unit_price: string;
  last_value: string | null;
  last_read_at: Date | null;
  last_kind: string | null;
}

export interface Window {
  open: boolean;
  start: string;
  end: string;
  nextStart: string;
  nextEnd: string;
}

export function readingWindow(p: Pick<PointRow, 'window_anchor' | 'window_length' | 'window_period'>, today: string): Window {
  const k = Math.floor(daysBetween(p.window_anchor, today) / p.window_period);
  const start = addDays(p.window_anchor, k * p.window_period);
  const end = addDays(start, p.window_length - 1);
  const open = today >= start && today <= end;
  const nextStart = addDays(start, p.window_period);
  return { open, start, end, nextStart, nextEnd: addDays(nextStart, p.window_length - 1) };
}

const windowJson = (w: Window) => ({
  open: w.open,
  opensAt: w.open ? warsawIso(warsawInstant(w.start)) : null,
  closesAt: w.open ? warsawIso(warsawInstant(w.end, 86399)) : null,
  nextOpensAt: warsawIso(warsawInstant(w.nextStart)),
  nextClosesAt: warsawIso(warsawInstant(w.nextEnd, 86399)),
});

async function ownPoint(ctx: Ctx): Promise<PointRow> {
  const p = (
    await ctx.db.query<PointRow>(
      "SELECT id, kind, to_char(window_anchor, 'YYYY-MM-DD') AS window_anchor, window_length, window_period FROM points WHERE id = $1 AND customer_id = $2",
      [ctx.params.pointId, ctx.user!.customer_id],
    )
  )[0];
  if (!p) throw new ApiError('not_found');
  return p;
}

async function registersOf(ctx: Ctx, pointId: string): Promise<RegRow[]> {
  return ctx.db.query<RegRow>(
    `SELECT r.id, r.meter_serial, r.zone, r.obis_code, r.unit, r.direction, r.digits, r.decimals, r.daily_usage::text AS daily_usage, r.unit_price::text AS unit_price,
       l.value::text AS last_value, l.read_at AS last_read_at, l.kind AS last_kind
     FROM registers r
     LEFT JOIN LATERAL (
       SELECT v.value, rd.read_at, rd.kind FROM reading_values v JOIN readings rd ON rd.id = v.reading_id
       WHERE v.register_id = r.id AND rd.status <> 'rejected' ORDER BY rd.read_at DESC, rd.id DESC LIMIT 1
     ) l ON true
     WHERE r.point_id = $1 ORDER BY r.position`,
    [pointId],
  );
}

const fmt = (v: number, decimals: number): string => v.toFixed(decimals);
const maxValueOf = (r: RegRow): number => 10 ** r.digits - 10 ** -r.decimals;

function allowedRange(ctx: Ctx, r: RegRow): { min: number; max: number } | null {
  if (r.last_value === null || !r.last_read_at) return null;
  // Whole calendar days in Polish time: the range stays the same all day, so the one shown in the reading
  // context is the one the submission is checked against.
  const days = Math.max(1, daysBetween(warsawDate(new Date(r.last_read_at)), warsawDate(ctx.now)));
  const expected = Number(r.daily_usage) * days;
  const factor = ctx.utility.config.readings.plausibilityFactor;
  const last = Number(r.last_value);
  const step = 10 ** -r.decimals;
  // Rounded to the register's decimals through text, so the bounds are the very numbers a customer reads (and
  // types) from the context: 829651 * 0.001 is 829.6510000000001, which would refuse "829.651" itself.
  const at = (units: number): number => Number((units * step).toFixed(r.decimals));
  return { min: at(Math.floor((last + expected / factor) / step)), max: at(Math.ceil((last + expected * factor) / step)) };
}

export const getReadingContext: Handler = async (ctx) => {
  requireFeature(ctx, 'readings');
  const p = await ownPoint(ctx);
  const regs = await registersOf(ctx, p.id);
  const cfg = ctx.utility.config.readings;
  return json(200, {
    pointId: p.id,
    window: windowJson(readingWindow(p, warsawDate(ctx.now))),
    registers: regs.map((r) => {
      const range = allowedRange(ctx, r);
      return {
        registerId: r.id,
        meterSerialNumber: r.meter_serial,
        zone: r.zone,
        obisCode: r.obis_code,
        unit: r.unit,
        direction: r.direction,
        digits: r.digits,
        decimals: r.decimals,
        lastReading: r.last_value === null ? null : { value: fmt(Number(r.last_value), r.decimals), readAt: warsawIso(new Date(r.last_read_at!)), kind: r.last_kind },
        allowedRange: range ? { min: fmt(range.min, r.decimals), max: fmt(range.max, r.decimals) } : null,
        maxValue: fmt(maxValueOf(r), r.decimals),
      };
    }),
    photoAllowed: cfg.photoAllowed,
    maxPhotoBytes: cfg.photoAllowed ? cfg.maxPhotoBytes : 0,
  });
};

interface Submission {
  readAt?: string;
  values: { registerId: string; value: string }[];
  confirmImplausible?: boolean;
}

export const submitReading: Handler = async (ctx) => {
  requireFeature(ctx, 'readings');
  const p = await ownPoint(ctx);
  const lang = ctx.lang;
  const en = lang === 'en';
  const m = ctx.multipart!;
  const unknown = [...Object.keys(m.fields), ...Object.keys(m.files)].filter((k) => k !== 'payload' && k !== 'photo');
  if (unknown.length) throw validationError(lang, unknown.map((k) => fieldError(`/${k}`, 'not_allowed', lang)));
  const payloadText = m.fields.payload?.[0] ?? (m.files.payload?.[0] ? await m.files.payload[0].text() : undefined);
  if (payloadText === undefined) throw validationError(lang, [fieldError('/payload', 'required', lang)]);
  let payload: Submission;
  try {
    payload = JSON.parse(payloadText) as Submission;
  } catch {
    throw new ApiError('malformed_request', en ? 'The payload part is not valid JSON.' : 'Część payload nie jest poprawnym dokumentem JSON.');
  }
  const schemaErrors = ctx.app.contract.validateBody(ctx.op, payload, lang, 'ReadingSubmission');
  if (schemaErrors) throw validationError(lang, schemaErrors);
  // --- photo ---
  const photo = m.files.photo?.[0];
  if ((m.files.photo?.length ?? 0) > 1 || m.fields.photo) throw validationError(lang, [fieldError('/photo', 'too_many_items', lang)]);
  let photoBytes: Uint8Array | null = null;
  let photoType: string | null = null;
  if (photo) {
    const cfg = ctx.utility.config.readings;
    if (!cfg.photoAllowed) throw validationError(lang, [fieldError('/photo', 'not_allowed', lang, undefined, en ? 'Photos are not accepted here.' : 'Tu nie można dołączyć zdjęcia.')]);
    if (photo.size > cfg.maxPhotoBytes) {
      throw new ApiError('attachment_too_large', undefined, {
        fields: [fieldError('/photo', 'attachment_too_large', lang, { maxBytes: cfg.maxPhotoBytes }, en ? `The photo may have at most ${Math.round(cfg.maxPhotoBytes / 1048576)} MB.` : `Zdjęcie może mieć najwyżej ${Math.round(cfg.maxPhotoBytes / 1048576)} MB.`)],
      });
    }
    const bytes = new Uint8Array(await photo.arrayBuffer());
    photoType = detectType(bytes);
    if (!photoType || !['image/jpeg', 'image/png', 'image/webp'].includes(photoType)) {
      throw new ApiError('attachment_type_not_allowed', undefined, { fields: [fieldError('/photo', 'attachment_type_not_allowed', lang, undefined, en ? 'Allowed: JPEG, PNG, WebP.' : 'Dozwolone są zdjęcia JPEG, PNG i WebP.')] });
    }
    photoBytes = stripMetadata(bytes, photoType);
  }
  // --- window ---
  const today = warsawDate(ctx.now);
  const w = readingWindow(p, today);
  if (!w.open) {
    throw new ApiError('reading_window_closed', en ? `The next reading window: ${w.nextStart} – ${w.nextEnd}.` : `Najbliższe okno odczytowe potrwa od ${formatDatePl(w.nextStart)} do ${formatDatePl(w.nextEnd)}.`);
  }
  // --- one value per register ---
  const regs = await registersOf(ctx, p.id);
  const byId = new Map(regs.map((r) => [r.id, r]));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  payload.values.forEach((v, i) => {
    const r = byId.get(v.registerId);
    if (!r) errors.push(fieldError(`/values/${i}/registerId`, 'unknown_value', lang));
    else if (seen.has(v.registerId)) errors.push(fieldError(`/values/${i}/registerId`, 'not_allowed', lang));
    else {
      seen.add(v.registerId);
      const [, frac = ''] = v.value.split('.');
      if (v.value.startsWith('-') || frac.length > r.decimals) errors.push({ ...fieldError(`/values/${i}/value`, 'invalid_format', lang, { decimals: r.decimals }), registerId: r.id });
      else if (Number(v.value) > maxValueOf(r)) errors.push({ ...fieldError(`/values/${i}/value`, 'too_large', lang, { max: fmt(maxValueOf(r), r.decimals) }), registerId: r.id });
    }
  });
  for (const r of regs) if (!seen.has(r.id) && !errors.length) errors.push({ ...fieldError('/values', 'required', lang, { zone: r.zone }), registerId: r.id });
  const readAt = payload.readAt ? new Date(payload.readAt) : ctx.now;
  if (readAt.getTime() > ctx.now.getTime() + 5 * 60000) errors.push(fieldError('/readAt', 'in_future', lang));
  else if (regs.some((r) => r.last_read_at && readAt < new Date(r.last_read_at))) errors.push(fieldError('/readAt', 'too_small', lang, undefined, en ? 'Before the last reading.' : 'Data jest wcześniejsza niż ostatni odczyt.'));
  if (errors.length) throw validationError(lang, errors);
  // --- lower than previous (unless roll-over) ---
  const values = payload.values.map((v, i) => ({ i, r: byId.get(v.registerId)!, value: Number(v.value), text: v.value }));
  const lower: FieldError[] = [];
  const consumed = new Map<string, number>();
  for (const v of values) {
    const last = v.r.last_value === null ? null : Number(v.r.last_value);
    if (last === null) continue;
    if (v.value < last) {
      const max = maxValueOf(v.r);
      const rollover = last > max * 0.9 && v.value < max * 0.1;
      if (!rollover) {
        lower.push({
          ...fieldError(`/values/${v.i}/value`, 'reading_lower_than_previous', lang, { previous: fmt(last, v.r.decimals) }, en ? `The last reading of this register is ${fmt(last, v.r.decimals)} ${v.r.unit}.` : `Poprzedni odczyt tej strefy to ${fmt(last, v.r.decimals)} ${v.r.unit}.`),
          registerId: v.r.id,
        });
      } else consumed.set(v.r.id, max + 10 ** -v.r.decimals - last + v.value);
    } else consumed.set(v.r.id, v.value - last);
  }
  if (lower.length) throw new ApiError('reading_lower_than_previous', undefined, { fields: lower });
  // --- duplicate in this window ---
  const windowStart = warsawInstant(w.start);
  const previous = await ctx.db.query<{ id: string; read_at: Date; values: string[] }>(
    `SELECT rd.id, rd.read_at, ARRAY(SELECT v.register_id || '=' || v.value::text FROM reading_values v WHERE v.reading_id = rd.id ORDER BY v.register_id) AS values
     FROM readings rd WHERE rd.point_id = $1 AND rd.by_customer AND rd.status <> 'rejected' AND rd.created_at >= $2`,
    [p.id, windowStart],
  );
  const key = values
    .map((v) => `${v.r.id}=${v.value.toFixed(4)}`)
    .sort()
    .join('|');
  const dup = previous.find((r) => r.values.map((x) => { const [id, val] = x.split('='); return `${id}=${Number(val).toFixed(4)}`; }).sort().join('|') === key);
  if (dup) {
    const at = warsawIso(new Date(dup.read_at));
    throw new ApiError('reading_duplicate', en ? `This reading was already recorded on ${at.slice(0, 10)} at ${at.slice(11, 16)}.` : `Ten odczyt został już przyjęty ${formatDatePl(at.slice(0, 10))} o ${at.slice(11, 16)}.`);
  }
  // --- plausibility ---
  const implausible: FieldError[] = [];
  for (const v of values) {
    const range = allowedRange(ctx, v.r);
    if (range && (v.value < range.min || v.value > range.max) && consumed.get(v.r.id) !== undefined && v.value >= Number(v.r.last_value)) {
      const min = fmt(range.min, v.r.decimals);
      const max = fmt(range.max, v.r.decimals);
      implausible.push({
        ...fieldError(`/values/${v.i}/value`, 'reading_out_of_range', lang, { min, max }, en ? `We expected a value from ${min} to ${max} ${v.r.unit}.` : `Spodziewaliśmy się wartości od ${min} do ${max} ${v.r.unit}.`),
        registerId: v.r.id,
      });
    }
  }
  if (implausible.length && !payload.confirmImplausible) {
    throw new ApiError('reading_out_of_range', en ? 'The reading is much different than usual. Check it; if it is right, confirm and send again.' : 'Odczyt znacznie różni się od zwykłego. Sprawdź go; jeśli jest poprawny, potwierdź i wyślij ponownie.', {
      overridable: true,
      fields: implausible,
    });
  }
  const status = implausible.length || photoBytes ? 'pending_review' : 'accepted';
  const settledInWindow = previous.length > 0;
  const kind = settledInWindow ? 'control' : 'settlement';
  let estimated: number | null = null;
  if (kind === 'settlement') {
    estimated = 0;
    for (const v of values) estimated += Math.round((consumed.get(v.r.id) ?? 0) * Number(v.r.unit_price) * 100);
  }
  const id = randomId('rdg');
  await ctx.db.transaction(async (tx) => {
    await tx.query('INSERT INTO readings (id, point_id, read_at, kind, status, by_customer, photo, photo_type, created_at) VALUES ($1, $2, $3, $4, $5, true, $6, $7, $8)', [
      id,
      p.id,
      readAt,
      kind,
      status,
      photoBytes,
      photoType,
      ctx.now,
    ]);
    for (const v of values) await tx.query('INSERT INTO reading_values (reading_id, register_id, value) VALUES ($1, $2, $3)', [id, v.r.id, v.text]);
  });
  const message =
    kind === 'settlement'
      ? en
        ? `Thank you. The settlement reading was accepted${estimated !== null ? `; the next invoice will be about ${(estimated / 100).toFixed(2)} PLN` : ''}.`
        : `Dziękujemy. Odczyt rozliczeniowy został przyjęty${estimated !== null ? `. Na jego podstawie wystawimy fakturę na około ${formatPln(estimated)}` : ''}.`
      : en
        ? 'Thank you. The control reading was recorded; it does not change the next invoice.'
        : 'Dziękujemy. Odczyt kontrolny został zapisany; nie zmienia on najbliższej faktury.';
  return json(201, {
    id,
    pointId: p.id,
    kind,
    status,
    readAt: warsawIso(readAt),
    values: values.map((v) => ({ registerId: v.r.id, zone: v.r.zone, unit: v.r.unit, value: v.text })),
    estimatedAmount: estimated === null ? null : money(estimated),
    message: status === 'pending_review' ? `${message} ${en ? 'A consultant will check it.' : 'Sprawdzi go jeszcze konsultant.'}` : message,
  });
};

export const listReadings: Handler = async (ctx) => {
  const p = await ownPoint(ctx);
  const q = ctx.query as { from?: string; to?: string };
  if (q.from && q.to && q.to < q.from) throw validationError(ctx.lang, [fieldError('to', 'too_small', ctx.lang)]);
  const params: unknown[] = [p.id];
  let where = 'rd.point_id = $1';
  if (q.from) {
    params.push(warsawInstant(q.from));
    where += ` AND rd.read_at >= $${params.length}`;
  }
  if (q.to) {
    params.push(warsawInstant(addDays(q.to, 1)));
    where += ` AND rd.read_at < $${params.length}`;
  }
  const rows = await ctx.db.query<{ id: string; read_at: Date; kind: string; status: string }>(`SELECT id, read_at, kind, status FROM readings rd WHERE ${where} ORDER BY read_at DESC, id DESC`, params);
  const values = await ctx.db.query<{ reading_id: string; register_id: string; zone: string; unit: string; value: string; decimals: number }>(
    `SELECT v.reading_id, v.register_id, r.zone, r.unit, v.value::text AS value, r.decimals FROM reading_values v JOIN registers r ON r.id = v.register_id
     WHERE r.point_id = $1 ORDER BY r.position`,
    [p.id],
  );
  const byReading = new Map<string, typeof values>();
  for (const v of values) (byReading.get(v.reading_id) ?? byReading.set(v.reading_id, []).get(v.reading_id)!).push(v);
  const items = rows.map((r) => ({
    id: r.id,
    pointId: p.id,
    readAt: warsawIso(new Date(r.read_at)),
    kind: r.kind,
    status: r.status,
    values: (byReading.get(r.id) ?? []).map((v) => ({ registerId: v.register_id, zone: v.zone, unit: v.unit, value: Number(v.value).toFixed(v.decimals) })),
  }));
  return json(200, pageOf(ctx, items));
};

const UNIT: Record<string, string> = { electricity: 'kWh', gas: 'kWh', water: 'm3', heat: 'GJ' };

export const getConsumption: Handler = async (ctx) => {
  requireFeature(ctx, 'consumption');
  const q = ctx.query as { pointId?: string; kind?: string; granularity?: string; year?: number; compare?: boolean };
  const lang = ctx.lang;
  let kind: string;
  let pointIds: string[];
  if (q.pointId) {
    const p = (await ctx.db.query<{ id: string; kind: string }>('SELECT id, kind FROM points WHERE id = $1 AND customer_id = $2', [q.pointId, ctx.user!.customer_id]))[0];
    if (!p) throw new ApiError('not_found');
    kind = p.kind;
    pointIds = [p.id];
  } else {
    const points = await ctx.db.query<{ id: string; kind: string }>('SELECT id, kind FROM points WHERE customer_id = $1 ORDER BY kind, code', [ctx.user!.customer_id]);
    const kinds = [...new Set(points.map((p) => p.kind))];
    if (q.kind) kind = q.kind;
    else if (kinds.length === 1) kind = kinds[0]!;
    else if (kinds.length === 0) kind = ctx.utility.kind;
    else throw validationError(lang, [fieldError('kind', 'required', lang, undefined, lang === 'en' ? 'Choose the kind of supply to sum.' : 'Wybierz rodzaj mediów do zsumowania.')]);
    pointIds = points.filter((p) => p.kind === kind).map((p) => p.id);
  }
  const granularity = q.granularity ?? 'month';
  if (granularity === 'day') {
    const smart = await ctx.db.query<{ smart: boolean }>('SELECT bool_and(m.smart) AS smart FROM meters m WHERE m.point_id = ANY($1::text[])', [pointIds]);
    if (!smart[0]?.smart) {
      throw validationError(lang, [fieldError('granularity', 'not_allowed', lang, undefined, lang === 'en' ? 'Daily data need a smart meter.' : 'Dane dzienne są dostępne tylko dla liczników zdalnego odczytu.')]);
    }
  }
  const year = q.year ?? Number(warsawDate(ctx.now).slice(0, 4));
  const years = q.compare ? [year - 1, year] : [year];
  const rows = await ctx.db.query<{ zone: string; direction: string; period: string; y: number; value: string; estimated: boolean }>(
    `SELECT r.zone, r.direction, to_char(c.month, 'YYYY-MM') AS period, EXTRACT(YEAR FROM c.month)::int AS y,
       SUM(c.value * CASE WHEN r.unit = 'm3' AND $4 = 'gas' THEN COALESCE(r.conversion_factor, 1) ELSE 1 END)::text AS value,
       bool_or(c.estimated) AS estimated
     FROM consumption c JOIN registers r ON r.id = c.register_id
     WHERE c.point_id = ANY($1::text[]) AND c.month >= $2::date AND c.month < $3::date
     GROUP BY r.zone, r.direction, c.month ORDER BY r.direction, r.zone, c.month`,
    [pointIds, `${years[0]}-01-01`, `${year + 1}-01-01`, kind],
  );
  const zoneOrder = ['all', 'day', 'night', 'peak', 'offpeak', 'morning_peak', 'afternoon_peak', 'rest'];
  const series = new Map<string, { year: number; zone: string; direction: string; points: { period: string; value: number; estimated: boolean }[] }>();
  const totals = new Map<string, { year: number; direction: string; value: number; estimated: boolean }>();
  // Smart meters: daily interval data, derived here from the monthly figures (weekends lower), deterministic.
  const entries =
    granularity === 'day'
      ? rows.flatMap((r) => {
          const [y, m] = r.period.split('-').map(Number) as [number, number];
          const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
          const weights = Array.from({ length: days }, (_, i) => {
            const dow = new Date(Date.UTC(y, m - 1, i + 1)).getUTCDay();
            return (dow === 0 || dow === 6 ? 0.6 : 1) * (1 + 0.15 * Math.sin((i + 1) * 1.7 + r.zone.length));
          });
          const sum = weights.reduce((a, b) => a + b, 0);
          return weights.map((w, i) => ({ ...r, period: `${r.period}-${String(i + 1).padStart(2, '0')}`, value: String((Number(r.value) * w) / sum) }));
        })
      : rows;
  for (const r of entries) {
    const value = Math.round(Number(r.value) * 1000) / 1000;
    const k = `${r.y}|${r.direction}|${r.zone}`;
    const s = series.get(k) ?? series.set(k, { year: r.y, zone: r.zone, direction: r.direction, points: [] }).get(k)!;
    s.points.push({ period: r.period, value, estimated: r.estimated });
    const tk = `${r.y}|${r.direction}`;
    const t = totals.get(tk) ?? totals.set(tk, { year: r.y, direction: r.direction, value: 0, estimated: false }).get(tk)!;
    t.value = Math.round((t.value + value) * 1000) / 1000;
    t.estimated ||= r.estimated;
  }
  const sorted = [...series.values()].sort((a, b) => a.year - b.year || a.direction.localeCompare(b.direction) || zoneOrder.indexOf(a.zone) - zoneOrder.indexOf(b.zone));
  return json(200, {
    unit: UNIT[kind] ?? 'kWh',
    granularity,
    year,
    pointIds,
    series: sorted,
    totals: [...totals.values()].sort((a, b) => a.year - b.year || a.direction.localeCompare(b.direction)),
  });
};

export function readingHandlers(): Record<string, Handler> {
  return { getReadingContext, submitReading, listReadings, getConsumption };
}
