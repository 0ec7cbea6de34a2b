import { msg, str } from '@lit/localize';
import type { components } from '../api/schema.js';
import { warsawDate } from '../i18n/calendar.js';
import { formatDate } from '../i18n/format.js';

/**
 * A point's reading window (seeds 000, 001, 003: readings are accepted only in it) in the terms a customer needs:
 * open until when, or when the next one opens; for the meter-reading form and the dashboard's reminder alike.
 */
type ReadingWindow = components['schemas']['ReadingWindow'];

export type WindowView =
  | { state: 'open'; closesAt: string; lastDay: boolean; daysLeft: number }
  | { state: 'closed'; nextOpensAt: string | null; nextClosesAt: string | null; daysUntil: number | null };

/** The reading window in the terms a customer needs: open until when, or when the next one opens. */
export function windowView(window: ReadingWindow, now: Date): WindowView {
  const today = warsawDate(now);
  const days = (iso: string) => Math.round((Date.parse(`${warsawDate(new Date(iso))}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (window.open && window.closesAt) {
    const daysLeft = Math.max(0, days(window.closesAt));
    return { state: 'open', closesAt: window.closesAt, lastDay: daysLeft === 0, daysLeft };
  }
  return { state: 'closed', nextOpensAt: window.nextOpensAt, nextClosesAt: window.nextClosesAt, daysUntil: window.nextOpensAt ? Math.max(0, days(window.nextOpensAt)) : null };
}

/** The reminder a dashboard shows: `open` (send now, until …), `soon` (opens within `soonDays`), or nothing. */
export function reminderOf(window: ReadingWindow, now: Date, soonDays = 7): 'open' | 'soon' | undefined {
  const view = windowView(window, now);
  if (view.state === 'open') return 'open';
  return view.daysUntil !== null && view.daysUntil <= soonDays ? 'soon' : undefined;
}

/** The reading window in words (the widget's line and the reminder a dashboard shows). */
export function windowText(view: WindowView): string {
  if (view.state === 'open') {
    const until = formatDate(view.closesAt);
    if (view.lastDay) return msg(str`Dziś, ${until}, jest ostatni dzień na podanie odczytu.`);
    return msg(str`Możesz podać odczyt do ${until}.`);
  }
  if (!view.nextOpensAt) return msg('Teraz nie przyjmujemy odczytów. Termin następnego odczytu podamy na fakturze.');
  const from = formatDate(view.nextOpensAt);
  return view.nextClosesAt
    ? msg(str`Teraz nie przyjmujemy odczytów. Następny odczyt podasz od ${from} do ${formatDate(view.nextClosesAt)}.`)
    : msg(str`Teraz nie przyjmujemy odczytów. Następny odczyt podasz od ${from}.`);
}
