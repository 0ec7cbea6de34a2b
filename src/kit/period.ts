import { addDays, dateParts } from '../i18n/calendar.js';

/**
 * The period filter every dated list offers (invoices by issue date, payments by their date): quick choices on
 * the Polish calendar ("this year", "last year", "last 12 months") or `custom` dates from–to. Pure: the widget
 * passes today's Polish date (`warsawDate(new Date())`), so the same choice gives the same dates in any zone.
 */

/** Quick choices of a period; `custom` takes `from`/`to` as given; `''` any date. */
export type PeriodChoice = '' | 'this-year' | 'last-year' | 'last-12-months' | 'custom';

export const PERIODS: readonly Exclude<PeriodChoice, ''>[] = ['this-year', 'last-year', 'last-12-months', 'custom'];

/** What a period is made of: the choice, and the dates (`YYYY-MM-DD`, Polish calendar) of a `custom` one. */
export interface PeriodFields {
  period: PeriodChoice;
  from: string;
  to: string;
}

export const NO_PERIOD: PeriodFields = { period: '', from: '', to: '' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date that exists (`2026-02-30` does not), else `''`. */
export function validDate(value: string | null | undefined): string {
  if (!value || !DATE.test(value)) return '';
  const [y, m, d] = dateParts(value);
  const check = new Date(Date.UTC(y, m - 1, d));
  return check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d ? value : '';
}

/**
 * Any text from attributes or the address made into a period the widget can use: an unknown choice is none,
 * dates that do not exist are dropped, and dates without a choice are a `custom` period of their own.
 */
export function normalizePeriod(raw: { period?: string | null | undefined; from?: string | null | undefined; to?: string | null | undefined }): PeriodFields {
  const from = validDate(raw.from);
  const to = validDate(raw.to);
  const choice = raw.period?.trim();
  const period: PeriodChoice = PERIODS.includes(choice as Exclude<PeriodChoice, ''>) ? (choice as PeriodChoice) : from || to ? 'custom' : '';
  return { period, from: period === 'custom' ? from : '', to: period === 'custom' ? to : '' };
}

/** The dates a period covers on `today` (Polish calendar): quick choices from today, `custom` as given (swapped dates put right). */
export function periodRange(fields: PeriodFields, today: string): { from?: string; to?: string } {
  const year = today.slice(0, 4);
  switch (fields.period) {
    case 'this-year':
      return { from: `${year}-01-01`, to: today };
    case 'last-year':
      return { from: `${Number(year) - 1}-01-01`, to: `${Number(year) - 1}-12-31` };
    case 'last-12-months':
      return { from: addDays(`${Number(year) - 1}${today.slice(4)}`.replace(/-02-29$/, '-02-28'), 1), to: today };
    case 'custom': {
      let { from, to } = fields;
      // Swapped dates are what the customer meant, the other way round.
      if (from && to && from > to) [from, to] = [to, from];
      return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
    }
    default:
      return {};
  }
}
