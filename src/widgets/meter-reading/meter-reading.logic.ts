/**
 * The rules of a meter reading, as pure functions (no DOM, no Lit): what the customer typed on a register's
 * dials as an exact decimal, whether it is lower than the last reading or a roll-over past the dials' largest
 * value, whether it is plausible, "all registers or none", the reading window in plain terms, the body sent
 * to `submitReading`, where a server field error belongs, and the consumption between readings of the history.
 *
 * Values are compared as whole numbers of the register's smallest step (BigInt), never as binary floats:
 * a meter at 99999.9 kWh must not become 99999.90000000001.
 */
import type { components } from '../../api/schema.js';
import { warsawDate } from '../../i18n/calendar.js';

type S = components['schemas'];
export type ReadingContext = S['ReadingContext'];
export type ContextRegister = S['ReadingContextRegister'];
export type ReadingWindow = S['ReadingWindow'];
export type ReadingResult = S['ReadingResult'];
export type Reading = S['Reading'];
export type ReadingSubmission = S['ReadingSubmission'];
export type Point = S['PointOfDelivery'];
export type Register = S['Register'];

/** What the dials have: digits before the decimal point and digits after it. */
export interface Dials {
  digits: number;
  decimals: number;
}

export type ParseReason = 'empty' | 'format' | 'decimals' | 'digits';

export type Parsed =
  | { ok: true; /** Exact decimal with `.` and no leading zeros ("00123,5" → "123.5"), as the contract's `Decimal`. */ value: string; /** Steps of 10^-decimals. */ units: bigint }
  | { ok: false; reason: ParseReason };

/** Spaces a customer may type (or paste) between groups of digits: space, no-break and thin spaces. */
const GROUPING = /[\s\u00a0\u202f\u2009]/g;

/**
 * Reads what the customer typed on a register's dials: digits, a decimal comma or dot, at most `digits`
 * before it (leading zeros count, as on the dials: "00123" on a five-digit meter) and at most `decimals`
 * after it. Spaces between digits are ignored. The field keeps the text as typed; this gives the value.
 */
export function parseReading(text: string, dials: Dials): Parsed {
  const compact = text.replace(GROUPING, '');
  if (compact === '') return { ok: false, reason: 'empty' };
  const match = /^(\d*)(?:[.,](\d*))?$/.exec(compact);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) return { ok: false, reason: 'format' };
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (fraction.length > dials.decimals) return { ok: false, reason: 'decimals' };
  // Leading zeros are the dials' own ("00123" on a five-digit meter): they do not count against the digits.
  const integer = whole.replace(/^0+(?=\d)/, '') || '0';
  if (integer !== '0' && integer.length > dials.digits) return { ok: false, reason: 'digits' };
  const value = fraction === '' ? integer : `${integer}.${fraction}`;
  return { ok: true, value, units: toUnits(value, dials.decimals) };
}

/** A contract `Decimal` ("12873.4") in steps of 10^-decimals; extra decimals are cut. */
export function toUnits(decimal: string, decimals: number): bigint {
  const negative = decimal.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? decimal.slice(1) : decimal).split('.');
  const units = BigInt(whole || '0') * 10n ** BigInt(decimals) + BigInt((fraction + '0'.repeat(decimals)).slice(0, decimals) || '0');
  return negative ? -units : units;
}

/** Steps of 10^-decimals as a contract `Decimal` with exactly `decimals` places ("12873.40"). */
export function fromUnits(units: bigint, decimals: number): string {
  const negative = units < 0n;
  const text = (negative ? -units : units).toString().padStart(decimals + 1, '0');
  const whole = decimals ? text.slice(0, -decimals) : text;
  const out = decimals ? `${whole}.${text.slice(-decimals)}` : whole;
  return negative ? `-${out}` : out;
}

export interface RegisterNumbers {
  decimals: number;
  maxValue: string;
  lastReading: { value: string } | null;
}

/**
 * A value lower than the last one is a roll-over when the last reading was near the dials' end (above 90 % of
 * `maxValue`) and the new one near the start (below 10 %): the rule the server applies too.
 */
export function isRollOver(lastUnits: bigint, units: bigint, maxUnits: bigint): boolean {
  return units < lastUnits && lastUnits * 10n > maxUnits * 9n && units * 10n < maxUnits;
}

/**
 * Consumption since the last reading, in steps: the difference, across the roll-over when the meter passed
 * `maxValue` (…, 99999, 0, 1 …), or `undefined` when the value is lower and not a roll-over; `null` when
 * there is no last reading (a new meter).
 */
export function consumptionUnits(register: RegisterNumbers, units: bigint): bigint | null | undefined {
  if (!register.lastReading) return null;
  const last = toUnits(register.lastReading.value, register.decimals);
  if (units >= last) return units - last;
  const max = toUnits(register.maxValue, register.decimals);
  return isRollOver(last, units, max) ? max + 1n - last + units : undefined;
}

export type ValueProblem =
  | { kind: ParseReason; dials: Dials }
  | { kind: 'too_large'; max: string }
  | { kind: 'lower'; last: string }
  | { kind: 'missing' };

/** A value's problem before sending, or undefined: format, dials, lower than the last reading. */
export function checkValue(text: string, register: ContextRegister): ValueProblem | undefined {
  const parsed = parseReading(text, register);
  if (!parsed.ok) return { kind: parsed.reason, dials: { digits: register.digits, decimals: register.decimals } };
  if (parsed.units > toUnits(register.maxValue, register.decimals)) return { kind: 'too_large', max: register.maxValue };
  if (consumptionUnits(register, parsed.units) === undefined) return { kind: 'lower', last: register.lastReading!.value };
  return undefined;
}

/**
 * "All registers or none" (SAP's rule): with one register typed, every other one is needed too; with none
 * typed, the first is. Gives the registers that are missing.
 */
export function missingRegisters(registers: readonly ContextRegister[], texts: Readonly<Record<string, string>>): string[] {
  const blank = registers.filter((r) => (texts[r.registerId] ?? '').replace(GROUPING, '') === '');
  if (blank.length === registers.length) return registers.slice(0, 1).map((r) => r.registerId);
  return blank.map((r) => r.registerId);
}

/** Outside the plausible range of a reading made now (a roll-over counts from 0 again): a warning, not an error. */
export function isImplausible(register: ContextRegister, text: string): boolean {
  const parsed = parseReading(text, register);
  if (!parsed.ok || !register.allowedRange) return false;
  const used = consumptionUnits(register, parsed.units);
  // A roll-over is judged by the server's own rule alone (as the server does): never a plausibility warning.
  if (used === undefined || used === null || parsed.units < toUnits(register.lastReading!.value, register.decimals)) return false;
  return parsed.units < toUnits(register.allowedRange.min, register.decimals) || parsed.units > toUnits(register.allowedRange.max, register.decimals);
}

export type DateProblem = 'empty' | 'format' | 'future' | 'before_last';

/**
 * The day the meter was read (a Polish calendar date, `YYYY-MM-DD`): not after today in Poland, not before
 * the last reading of any register.
 */
export function checkReadDate(date: string, registers: readonly ContextRegister[], now: Date): DateProblem | undefined {
  if (date === '') return 'empty';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T12:00:00Z`))) return 'format';
  if (date > warsawDate(now)) return 'future';
  const last = registers.map((r) => (r.lastReading ? warsawDate(new Date(r.lastReading.readAt)) : '')).reduce((a, b) => (a > b ? a : b), '');
  if (last && date < last) return 'before_last';
  return undefined;
}

/**
 * When the reading was made, for the payload: now when it is today in Poland (the server takes its own clock),
 * else noon of that day, so the Polish date stays the one the customer chose whatever the offset.
 */
export function readAtOf(date: string, now: Date): string | undefined {
  if (date === warsawDate(now)) return undefined;
  return `${date}T12:00:00+00:00`;
}

/** The JSON `payload` part of `submitReading`: one value per register, in the order of the context. */
export function readingPayload(context: ReadingContext, texts: Readonly<Record<string, string>>, options: { readAt?: string | undefined; confirmImplausible: boolean }): ReadingSubmission | undefined {
  const values: ReadingSubmission['values'] = [];
  for (const register of context.registers) {
    const parsed = parseReading(texts[register.registerId] ?? '', register);
    if (!parsed.ok) return undefined;
    values.push({ registerId: register.registerId, value: parsed.value });
  }
  return { ...(options.readAt ? { readAt: options.readAt } : {}), values, confirmImplausible: options.confirmImplausible };
}

/**
 * The field a server field error belongs to: a value by its `registerId` (or `/values/<i>/…` in the order sent),
 * `/readAt`, `/photo`; undefined for the rest (shown as a notice).
 */
export function fieldOfServerError(error: { field: string; registerId?: string }, sent: ReadingSubmission | undefined): string | undefined {
  if (error.registerId) return valueField(error.registerId);
  const at = /^\/values\/(\d+)(?:\/|$)/.exec(error.field);
  if (at) {
    const id = sent?.values[Number(at[1])]?.registerId;
    return id ? valueField(id) : undefined;
  }
  if (error.field === '/readAt') return 'readAt';
  if (error.field === '/photo') return 'photo';
  return undefined;
}

/** The form's name of a register's value. */
export const valueField = (registerId: string): string => `value-${registerId}`;

// ------------------------------------------------------------------------------------------------ window

/** The window in plain terms lives in the kit: the dashboard's reminder says it the same way. */
export { windowView, reminderOf, type WindowView } from '../../kit/reading-window.js';

// ------------------------------------------------------------------------------------------------ labels

export { zoneOf, type ZoneLabel } from '../../kit/meters.js';

/** The register of the point's meters with this id (for the gas conversion factor and OBIS code). */
export function registerOf(point: Point | undefined, registerId: string): Register | undefined {
  for (const meter of point?.meters ?? []) for (const r of meter.registers) if (r.id === registerId) return r;
  return undefined;
}

/** Points where a reading can be typed (meters that are not read remotely come first), in the API's order. */
export function readablePoints(points: readonly Point[]): Point[] {
  return points.filter((p) => p.meters.length > 0);
}

/** The point to show: the host's `point-id` when the customer has it, else the only one; undefined to choose. */
export function chosenPoint(points: readonly Point[], preset: string | undefined, chosen: string | undefined): Point | undefined {
  const wanted = chosen ?? preset;
  const found = wanted ? points.find((p) => p.id === wanted) : undefined;
  if (found) return found;
  return points.length === 1 ? points[0] : undefined;
}

// ----------------------------------------------------------------------------------------------- history

export type HistorySource = 'customer' | 'operator' | 'estimate';

/** Who read the meter: the customer (settlement or control), the operator or a remote meter, or an estimate. */
export function sourceOf(kind: Reading['kind']): HistorySource {
  if (kind === 'operator') return 'operator';
  if (kind === 'estimated') return 'estimate';
  return 'customer';
}

export interface HistoryRow {
  reading: Reading;
  /** Per register (in the reading's order): the value, and what was used since the previous reading of it. */
  values: { registerId: string; zone: string; unit: string; value: string; used: string | undefined }[];
}

/**
 * The readings newest first, each with the consumption since the next older reading of the same register
 * (across a roll-over when the register's dials are known); rejected readings count for nothing.
 */
export function historyRows(readings: readonly Reading[], registers: readonly ContextRegister[] = []): HistoryRow[] {
  const byId = new Map(registers.map((r) => [r.registerId, r]));
  return readings.map((reading, index) => ({
    reading,
    values: reading.values.map((v) => {
      const older = readings.slice(index + 1).find((r) => r.status !== 'rejected' && r.values.some((o) => o.registerId === v.registerId));
      const before = older?.values.find((o) => o.registerId === v.registerId);
      let used: string | undefined;
      if (before && reading.status !== 'rejected') {
        const decimals = Math.max(decimalsOf(v.value), decimalsOf(before.value));
        const register = byId.get(v.registerId);
        const units = consumptionUnits(
          { decimals, maxValue: register?.maxValue ?? '0', lastReading: { value: before.value } },
          toUnits(v.value, decimals),
        );
        used = units === undefined || units === null ? undefined : fromUnits(units, decimals);
      }
      return { registerId: v.registerId, zone: v.zone, unit: v.unit, value: v.value, used };
    }),
  }));
}

const decimalsOf = (decimal: string): number => decimal.split('.')[1]?.length ?? 0;
