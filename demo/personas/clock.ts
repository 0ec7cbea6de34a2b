/**
 * The demo's days and instants around one `now`, on the Polish calendar of src/i18n/calendar.ts: a day offset
 * is a calendar day in Warsaw, an hour is a Warsaw wall-clock hour (so 10:00 stays 10:00 across the clock change).
 */
import { addDays, warsawDate, warsawInstant } from '../../src/i18n/calendar.js';

export interface DayClock {
  readonly now: Date;
  /** The Polish calendar day of `now`. */
  readonly today: string;
  /** The calendar day `offset` days from today (negative: before). */
  readonly day: (offset: number) => string;
  /** The instant at a Warsaw wall-clock time on the day `offset` days from today. */
  readonly at: (offset: number, hour?: number, minute?: number) => Date;
  /**
   * `instant`, or ten minutes before `now` when `instant` is still to come (for "sent" and "read" times). The
   * personas date their messages before today, so this guard never moves one (the worlds would differ by the hour).
   */
  readonly past: (instant: Date) => Date;
}

export function dayClock(now: Date): DayClock {
  const today = warsawDate(now);
  const day = (offset: number): string => addDays(today, offset);
  return {
    now,
    today,
    day,
    at: (offset, hour = 10, minute = 0) => warsawInstant(day(offset), hour * 3600 + minute * 60),
    past: (instant) => (instant > now ? new Date(now.getTime() - 10 * 60_000) : instant),
  };
}

/** The last day of the month `months` after the month of `today`. */
export function endOfMonth(today: string, months: number): string {
  const [year = 1970, month = 1] = today.split('-').map(Number);
  return new Date(Date.UTC(year, month + months, 0)).toISOString().slice(0, 10);
}

/** The first days of the `count` full months before the month of `today`, oldest first. */
export function monthsBefore(today: string, count: number): string[] {
  const [year = 1970, month = 1] = today.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(year, month - 1 - (count - i), 1)).toISOString().slice(0, 10));
}

/** The first day of the month of `today`. */
export function monthOf(today: string): string {
  return `${today.slice(0, 7)}-01`;
}
