import { formatNumber, NBSP, type NumberOptions } from './format.js';

/**
 * Quantities with their units (a meter's kWh, m³, GJ). A module of its own, beside format.ts: only the widgets
 * that show consumption load it, not every page with a login form.
 */
export type Unit = 'kWh' | 'MWh' | 'm3' | 'GJ';

/** How each unit is written after a number. */
const UNIT_SYMBOL: Record<Unit, string> = { kWh: 'kWh', MWh: 'MWh', m3: 'm³', GJ: 'GJ' };

/** A quantity with its unit: `formatQuantity("1234.5", "m3")` → "1234,5 m³" (an em dash when malformed). */
export function formatQuantity(value: unknown, unit: Unit, options: NumberOptions = {}): string {
  const number = formatNumber(value, options);
  if (number === '—') return number;
  return `${number}${NBSP}${UNIT_SYMBOL[unit] ?? unit}`;
}

/** The written symbol of a unit ("m³" for `m3`). */
export function unitSymbol(unit: Unit): string {
  return UNIT_SYMBOL[unit] ?? unit;
}
