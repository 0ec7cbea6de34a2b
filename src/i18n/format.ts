import { TIME_ZONE } from './calendar.js';
import { currentLocale, intlLocale, type Locale } from './locale.js';

/**
 * One place for every number, amount, date and unit a widget shows (Intl, cached formatters).
 * Amounts come from the API as decimal strings ("1234.56"): Intl formats them exactly, without a
 * detour through binary floating point. Dates and times are shown in Polish time (Europe/Warsaw)
 * whatever the customer's device says; calendar dates ("2026-03-15", a due date) are shown as that day.
 * Anything malformed (a broken API answer) formats as an em dash, never as "NaN" and never throws.
 */

export { TIME_ZONE };
export const PLACEHOLDER = '—';

const NARROW_NBSP = '\u202f';
const NBSP = '\u00a0';
const DECIMAL = /^[-+]?\d+(\.\d+)?$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), options);
    cache.set(key, format);
  }
  return format;
}

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), options);
    cache.set(key, format);
  }
  return format;
}

/** A decimal string or a finite number, as Intl wants it; `undefined` when it is neither. */
function toDecimal(value: unknown): string | number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && DECIMAL.test(value.trim())) return value.trim();
  return undefined;
}

export interface MoneyOptions {
  locale?: Locale;
  /** ISO 4217; the API's `currency`, PLN by default. */
  currency?: string;
  /** `always` to show "+" on credits, `never` to show the magnitude only (the state says which way). */
  signDisplay?: 'auto' | 'always' | 'never' | 'exceptZero';
}

/** `formatMoney("1234.5")` → "1234,50 zł" (pl), "PLN 1,234.50" (en). */
export function formatMoney(amount: unknown, options: MoneyOptions = {}): string {
  const value = toDecimal(amount);
  if (value === undefined) return PLACEHOLDER;
  const currency = options.currency && /^[A-Z]{3}$/.test(options.currency) ? options.currency : 'PLN';
  return (numberFormat(options.locale ?? currentLocale(), {
    style: 'currency',
    currency,
    signDisplay: options.signDisplay ?? 'auto',
  }).format as (value: string | number) => string)(value);
}

export interface NumberOptions {
  locale?: Locale;
  minimumFractionDigits?: number;
  maximumFractionDigits?: number;
}

/** A plain number in the customer's locale ("1 234,5" in Polish with a no-break space). */
export function formatNumber(value: unknown, options: NumberOptions = {}): string {
  const decimal = toDecimal(value);
  if (decimal === undefined) return PLACEHOLDER;
  return (numberFormat(options.locale ?? currentLocale(), {
    minimumFractionDigits: options.minimumFractionDigits ?? 0,
    maximumFractionDigits: options.maximumFractionDigits ?? 3,
  }).format as (value: string | number) => string)(decimal);
}

/** Parses an API date or date-time; a calendar date becomes midnight UTC of that day. */
export function parseApiDate(value: unknown): { date: Date; dateOnly: boolean } | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : { date: value, dateOnly: false };
  if (typeof value !== 'string') return undefined;
  const match = DATE_ONLY.exec(value);
  if (match) {
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    // Reject 2026-02-30 and the like instead of rolling over into March.
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
    return { date, dateOnly: true };
  }
  // A date-time must carry its offset, or it would be read in the device's zone.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : { date, dateOnly: false };
}

export interface DateOptions {
  locale?: Locale;
  /** `short` 15.03.2026, `medium` 15 mar 2026, `long` 15 marca 2026 (and English equivalents). */
  style?: 'short' | 'medium' | 'long';
}

const DATE_STYLES: Record<NonNullable<DateOptions['style']>, Intl.DateTimeFormatOptions> = {
  short: { day: '2-digit', month: '2-digit', year: 'numeric' },
  medium: { day: 'numeric', month: 'short', year: 'numeric' },
  long: { day: 'numeric', month: 'long', year: 'numeric' },
};

/** A day: "15.03.2026" (pl), "15/03/2026" (en). Calendar dates keep their day; instants are read in Warsaw. */
export function formatDate(value: unknown, options: DateOptions = {}): string {
  const parsed = parseApiDate(value);
  if (!parsed) return PLACEHOLDER;
  return dateFormat(options.locale ?? currentLocale(), {
    ...DATE_STYLES[options.style ?? 'short'],
    timeZone: parsed.dateOnly ? 'UTC' : TIME_ZONE,
  }).format(parsed.date);
}

/** A day and time in Polish time: "15.03.2026, 14:05". */
export function formatDateTime(value: unknown, options: DateOptions = {}): string {
  const parsed = parseApiDate(value);
  if (!parsed) return PLACEHOLDER;
  if (parsed.dateOnly) return formatDate(value, options);
  return dateFormat(options.locale ?? currentLocale(), {
    ...DATE_STYLES[options.style ?? 'short'],
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: TIME_ZONE,
  }).format(parsed.date);
}

/** A time of day in Polish time: "14:05". */
export function formatTime(value: unknown, options: { locale?: Locale } = {}): string {
  const parsed = parseApiDate(value);
  if (!parsed || parsed.dateOnly) return PLACEHOLDER;
  return dateFormat(options.locale ?? currentLocale(), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: TIME_ZONE,
  }).format(parsed.date);
}

/** A month of a year, for charts and periods: "marzec 2026" / "March 2026"; `short` gives "mar 2026". */
export function formatMonth(value: unknown, options: { locale?: Locale; short?: boolean } = {}): string {
  const text = typeof value === 'string' && /^\d{4}-\d{2}$/.test(value) ? `${value}-01` : value;
  const parsed = parseApiDate(text);
  if (!parsed) return PLACEHOLDER;
  return dateFormat(options.locale ?? currentLocale(), {
    month: options.short ? 'short' : 'long',
    year: 'numeric',
    timeZone: parsed.dateOnly ? 'UTC' : TIME_ZONE,
  }).format(parsed.date);
}

/**
 * A duration for countdowns ("2 min 05 s" style, localized): used for lockouts and session warnings.
 * Seconds below zero count as zero.
 */
export function formatDuration(totalSeconds: number, options: { locale?: Locale } = {}): string {
  const seconds = Math.max(0, Math.ceil(Number.isFinite(totalSeconds) ? totalSeconds : 0));
  const locale = options.locale ?? currentLocale();
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
    numberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  const parts: string[] = [];
  if (hours) parts.push(unit(hours, 'hour'));
  if (minutes || hours) parts.push(unit(minutes, 'minute'));
  if (!hours) parts.push(unit(rest, 'second'));
  return parts.join(' ');
}

/**
 * A lifetime or a wait in words, whole minutes: "72 godziny", "1 godzina 30 minut", "15 minut" (English:
 * "72 hours"). For texts such as how long a link stays valid; countdowns use `formatDuration`.
 */
export function formatLifetime(totalSeconds: number, options: { locale?: Locale } = {}): string {
  const seconds = Math.max(0, Math.ceil(Number.isFinite(totalSeconds) ? totalSeconds : 0));
  const locale = options.locale ?? currentLocale();
  const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
    numberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  if (seconds < 60) return unit(seconds, 'second');
  const minutes = Math.ceil(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [hours ? unit(hours, 'hour') : '', rest ? unit(rest, 'minute') : ''].filter(Boolean).join(' ');
}

export { NARROW_NBSP, NBSP };
