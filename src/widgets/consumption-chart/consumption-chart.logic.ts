/**
 * The rules of the consumption chart, as pure functions (no DOM, no Lit, no Chart.js): the API's series as
 * rows of a year (one per month or day, with each zone, the total and the same period of the year before),
 * the summary a customer reads before the chart, and the CSV of what is shown.
 */
import type { components } from '../../api/schema.js';

type S = components['schemas'];
export type Consumption = S['Consumption'];
export type ConsumptionSeries = S['ConsumptionSeries'];

/** One period of the chart: the year's values per zone, their total, and the previous year's total. */
export interface Row {
  /** `YYYY-MM` or `YYYY-MM-DD`. */
  period: string;
  /** Per zone, in the order of `zones`; undefined where the API has no value. */
  values: (number | undefined)[];
  /** Sum of the zones; undefined when no zone has a value (a month not read yet). */
  total: number | undefined;
  /** Any part of it is an estimate, not a reading. */
  estimated: boolean;
  /** The same period a year before (with `compare`). */
  previous: number | undefined;
  previousEstimated: boolean;
}

export interface Table {
  unit: Consumption['unit'];
  year: number;
  /** The zones of the year shown, in the API's order (`all`, or `day` / `night` …). */
  zones: string[];
  rows: Row[];
}

/** Plausible consumption answer: the fields the chart reads, of the right types. */
export function isUsableConsumption(value: unknown): value is Consumption {
  const c = value as Consumption | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.year === 'number' &&
    typeof c.unit === 'string' &&
    Array.isArray(c.series) &&
    c.series.every((s) => typeof s?.year === 'number' && typeof s.zone === 'string' && Array.isArray(s.points) && s.points.every((p) => typeof p?.period === 'string' && typeof p.value === 'number'))
  );
}

/** The periods of a year: 12 months, or every day (in the calendar, not the device's zone). */
export function periodsOf(year: number, granularity: Consumption['granularity']): string[] {
  if (granularity === 'month') return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const days: string[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) days.push(d.toISOString().slice(0, 10));
  return days;
}

/** The same period a year before (`2026-03` → `2025-03`; 29 February → 28 February). */
export function yearBefore(period: string): string {
  const [y, m, d] = period.split('-');
  const year = String(Number(y) - 1);
  if (d === undefined) return `${year}-${m}`;
  return d === '29' && m === '02' ? `${year}-02-28` : `${year}-${m}-${d}`;
}

/** The consumption (not the feed-in) of `year` and the year before as rows of every period. */
export function tableOf(consumption: Consumption, direction: ConsumptionSeries['direction'] = 'consumption'): Table {
  const year = consumption.year;
  const own = consumption.series.filter((s) => s.year === year && s.direction === direction);
  const before = consumption.series.filter((s) => s.year === year - 1 && s.direction === direction);
  const zones = own.map((s) => s.zone);
  const lookup = (series: ConsumptionSeries[]) => {
    const map = new Map<string, { value: number; estimated: boolean }[]>();
    for (const s of series) for (const p of s.points) map.set(p.period, [...(map.get(p.period) ?? []), { value: p.value, estimated: p.estimated }]);
    return map;
  };
  const previous = lookup(before);
  const rows = periodsOf(year, consumption.granularity).map((period): Row => {
    const points = own.map((s) => s.points.find((p) => p.period === period));
    const values = points.map((p) => p?.value);
    const known = values.filter((v): v is number => v !== undefined);
    const last = previous.get(yearBefore(period));
    return {
      period,
      values,
      total: known.length ? round(known.reduce((a, b) => a + b, 0)) : undefined,
      estimated: points.some((p) => p?.estimated),
      previous: last ? round(last.reduce((a, b) => a + b.value, 0)) : undefined,
      previousEstimated: !!last?.some((p) => p.estimated),
    };
  });
  return { unit: consumption.unit, year, zones, rows };
}

/**
 * Gas in m³ as the meter counts it, from the kWh the API answers for gas (the bill's unit): each value divided
 * by the point's conversion factor (kWh per m³).
 */
export function inCubicMetres(table: Table, kWhPerCubicMetre: number): Table {
  const m3 = (value: number | undefined) => (value === undefined ? undefined : round(value / kWhPerCubicMetre));
  return { ...table, unit: 'm3', rows: table.rows.map((r) => ({ ...r, values: r.values.map(m3), total: m3(r.total), previous: m3(r.previous) })) };
}

/** Sums without binary noise (0.1 + 0.2): to 3 decimals, as the API's values are. */
const round = (value: number): number => Math.round(value * 1000) / 1000;

export interface Summary {
  total: number;
  /** The previous year's total of the same periods (those this year has), when known. */
  previous: number | undefined;
  /** Change against the previous year in whole percent (negative = less), when both are known and the previous is not 0. */
  changePercent: number | undefined;
  /** The period with the highest total. */
  highest: string | undefined;
  /** Periods with a value, of all in the year (a partial year says so). */
  known: number;
  /** Any value of the year is an estimate. */
  estimated: boolean;
}

/**
 * What the summary says: the year's total, the change against the same periods of the year before (a partial
 * year is compared with the same months, not a whole year), and the highest period.
 */
export function summaryOf(table: Table): Summary {
  const shown = table.rows.filter((r) => r.total !== undefined);
  const total = round(shown.reduce((a, r) => a + r.total!, 0));
  const compared = shown.filter((r) => r.previous !== undefined);
  const previous = compared.length ? round(compared.reduce((a, r) => a + r.previous!, 0)) : undefined;
  const thisCompared = round(compared.reduce((a, r) => a + r.total!, 0));
  const changePercent = previous ? Math.round(((thisCompared - previous) / previous) * 100) : undefined;
  const highest = shown.reduce<Row | undefined>((best, r) => (best === undefined || r.total! > best.total! ? r : best), undefined)?.period;
  return { total, previous, changePercent, highest, known: shown.length, estimated: shown.some((r) => r.estimated) };
}

export interface CsvOptions {
  /** `pl`: semicolon between fields and a decimal comma (what a Polish spreadsheet expects); `en`: comma and dot. */
  locale: 'pl' | 'en';
  /** The header row's words: period, each zone's name (used when there are several), total, the previous year, estimated. */
  headers: { period: string; zones: string[]; total: string; previous: string; estimated: string };
  /** The words for yes/no in the "estimated" column. */
  yes: string;
  no: string;
}

/**
 * The CSV of the table: UTF-8 with a byte order mark (so Excel reads Polish letters), CRLF line ends (RFC 4180),
 * fields quoted when they hold the separator, a quote or a line break.
 */
export function csvOf(table: Table, options: CsvOptions): string {
  const separator = options.locale === 'pl' ? ';' : ',';
  const number = (value: number | undefined) => (value === undefined ? '' : options.locale === 'pl' ? String(value).replace('.', ',') : String(value));
  const field = (text: string) => (text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  // A column per zone only when there are several (one zone is the total).
  const zoned = table.zones.length > 1;
  const header = [options.headers.period, ...(zoned ? options.headers.zones : []), options.headers.total, options.headers.previous, options.headers.estimated];
  const lines = [header.map(field).join(separator)];
  for (const row of table.rows) {
    const zones = zoned ? row.values.map(number) : [];
    lines.push([row.period, ...zones, number(row.total), number(row.previous), row.total === undefined ? '' : row.estimated ? options.yes : options.no].map(field).join(separator));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** A file name from the point's name (or "all points") and the year: letters kept, the rest a dash. */
export function csvFileName(what: string, year: number): string {
  const slug = what
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return `zuzycie-${slug || 'punkt'}-${year}.csv`;
}
