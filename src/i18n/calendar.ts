/**
 * The Polish calendar (Europe/Warsaw), one implementation for the widgets, the mock API and the reference
 * server. Due dates, reading windows and "as of" days are Polish calendar days whatever the zone of the
 * device or the server: at 23:30 UTC on 31 December it is already the new year in Warsaw, and a day has 23
 * or 25 hours when the clocks change (last Sunday of March and of October).
 *
 * Pure functions of their arguments; the only "now" is a parameter. No DOM, no imports, so Node uses it too.
 */

export const TIME_ZONE = 'Europe/Warsaw';

/** A Polish wall-clock reading of an instant. */
export interface WarsawClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** What a clock in Warsaw shows at `instant`. */
export function warsawClock(instant: Date): WarsawClock {
  const p: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of partsFormat.formatToParts(instant)) p[part.type] = part.value;
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
  };
}

/** How far Warsaw time is ahead of UTC at `instant`, in minutes: 60 in winter, 120 in summer. */
export function warsawOffsetMinutes(instant: Date): number {
  const c = warsawClock(instant);
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The Polish calendar date (`YYYY-MM-DD`) of an instant. */
export function warsawDate(instant: Date): string {
  const c = warsawClock(instant);
  return `${c.year}-${pad(c.month)}-${pad(c.day)}`;
}

/** An instant as RFC 3339 in Polish time with its offset, whole seconds: `2026-03-14T09:40:00+01:00`. */
export function warsawIso(instant: Date): string {
  const c = warsawClock(instant);
  const offset = warsawOffsetMinutes(instant);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${c.year}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Year, month and day of a calendar date `YYYY-MM-DD`. */
export function dateParts(date: string): [number, number, number] {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return [y, m, d];
}

/**
 * The instant when Warsaw's clocks show `date` at `wallSeconds` after midnight (wall-clock time, so
 * `86_399` is 23:59:59 also on the days with 23 or 25 hours). A time the spring change skips (02:30 on the
 * last Sunday of March) comes out an hour later (03:30); a time the autumn change repeats is its second,
 * winter-time occurrence.
 */
export function warsawInstant(date: string, wallSeconds = 0): Date {
  const [y, m, d] = dateParts(date);
  const guess = new Date(Date.UTC(y, m - 1, d) + wallSeconds * 1000);
  const offset = warsawOffsetMinutes(guess);
  const first = new Date(guess.getTime() - offset * 60_000);
  const second = warsawOffsetMinutes(first);
  return second === offset ? first : new Date(guess.getTime() - second * 60_000);
}

/** A calendar date moved by whole days (calendar arithmetic: a day is a day across the clock changes). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = dateParts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The due/overdue rule of every portal: a document due on a day may be paid until that day ends in
 * Poland; from the next Polish midnight it is overdue.
 */
export function isOverdue(dueDate: string, now: Date): boolean {
  return dueDate < warsawDate(now);
}
