/** Money in integer grosze (1/100 PLN), as the demo world counts it, and as the contract writes it. */
import type { Schemas } from './types.js';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `-1234` → `'-12.34'`. */
export function amountOf(grosze: number): string {
  const abs = Math.abs(Math.round(grosze));
  return `${grosze < 0 && abs > 0 ? '-' : ''}${Math.floor(abs / 100)}.${pad2(abs % 100)}`;
}

/** Money of the contract from grosze: `money(24567)` → `{ amount: '245.67', currency: 'PLN' }`. */
export function money(grosze: number, currency = 'PLN'): Schemas['Money'] {
  return { amount: amountOf(grosze), currency };
}

/** Integer grosze of an amount (`'-120.00'` → -12000). */
export function grosze(value: Schemas['Money'] | string): number {
  const amount = typeof value === 'string' ? value : value.amount;
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = '0'] = amount.replace('-', '').split('.');
  const result = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
  return negative ? -result : result;
}

/** An amount as a Polish text writes it: `24567` → `245,67 zł`. */
export function pln(grosze: number): string {
  return `${amountOf(grosze).replace('.', ',')} zł`;
}

/** Rounds half away from zero, as PostgreSQL's `round(numeric)` does. */
export function roundHalfAway(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}
