import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatDate, formatMonth, formatNumber } from '../../i18n/format.js';
import { formatQuantity, unitSymbol, type Unit } from '../../i18n/units.js';
import { registerName } from '../../kit/meters.js';
import type { Row, Summary, Table } from './consumption-chart.logic.js';

/**
 * The words and the table of `<ebok-consumption-chart>`: the summary before the chart, what the keyboard
 * announces for a period, the zones' names, and the same data as a real table. Pure templates.
 */

/** A labelled choice (a native select: what phones and screen readers know best). */
export function choice(label: string, value: string, options: readonly { value: string; label: string }[], change: (value: string) => void): TemplateResult {
  return html`<label
    >${label}
    <select @change=${(e: Event) => change((e.target as HTMLSelectElement).value)}>
      ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
    </select></label
  >`;
}

/** A period as a heading of its row: "marzec 2026", or a day. */
export const periodText = (period: string): string => (period.length === 7 ? formatMonth(period) : formatDate(period));

/** A period under its bar: "mar", or the day of the month. */
export const periodLabel = (period: string): string => (period.length === 7 ? formatMonth(period, { short: true }).replace(/\s*\d{4}.*$/, '') : String(Number(period.slice(8))));

/** The zones' names as the bill writes them (the meter reading's words): "Strefa dzienna", or "Zużycie" for one zone. */
export function zoneNames(table: Table): string[] {
  return table.zones.map((zone) => (zone === 'all' ? msg('Zużycie') : registerName({ zone, direction: 'consumption' })));
}

export const quantity = (value: number | undefined, unit: Unit): string => (value === undefined ? '—' : formatQuantity(value, unit));

/** "Zużycie w 2026: 2 130 kWh, o 8% mniej niż w tych samych miesiącach 2025. Najwięcej: styczeń (310 kWh)." */
export function summaryText(summary: Summary, table: Table): string {
  const total = quantity(summary.total, table.unit);
  const parts = [summary.known < table.rows.length && table.rows.length === 12 ? msg(str`Zużycie w ${table.year} (${summary.known} z 12 miesięcy): ${total}.`) : msg(str`Zużycie w ${table.year}: ${total}.`)];
  const change = summary.changePercent;
  if (change !== undefined) {
    const percent = `${formatNumber(Math.abs(change))}%`;
    const before = table.year - 1;
    parts.push(
      change === 0
        ? msg(str`Tyle samo co w tym samym okresie ${before}.`)
        : change < 0
          ? msg(str`To o ${percent} mniej niż w tym samym okresie ${before}.`)
          : msg(str`To o ${percent} więcej niż w tym samym okresie ${before}.`),
    );
  }
  const highest = table.rows.find((r) => r.period === summary.highest);
  if (highest) parts.push(msg(str`Najwięcej: ${periodText(highest.period)} (${quantity(highest.total, table.unit)}).`));
  if (summary.estimated) parts.push(msg('Część wartości to szacunek (słupki kreskowane).'));
  return parts.join(' ');
}

/** What the keyboard announces for a period: its total, each zone, the year before, and whether it is estimated. */
export function periodAnnouncement(row: Row, table: Table, names: readonly string[]): string {
  if (row.total === undefined) return msg(str`${periodText(row.period)}: brak danych.`);
  const zones = table.zones.length > 1 ? ` (${row.values.map((v, z) => `${names[z] ?? ''} ${quantity(v, table.unit)}`).join(', ')})` : '';
  const previous = row.previous === undefined ? '' : ` ${msg(str`Rok wcześniej: ${quantity(row.previous, table.unit)}.`)}`;
  const estimated = row.estimated ? ` ${msg('Szacunek.')}` : '';
  return `${periodText(row.period)}: ${quantity(row.total, table.unit)}${zones}.${previous}${estimated}`;
}

/** The chart's data as a table: a row per period, a column per zone, the total and the year before. */
export function dataTable(table: Table, names: readonly string[], id: string, compare: boolean): TemplateResult {
  return html`<div class="table-scroll" part="table" tabindex="0" role="region" aria-labelledby="${id}-caption">
    <table id=${id} class="data">
      <caption id="${id}-caption">${msg(str`Zużycie w ${table.year} (${unitSymbol(table.unit)})`)}</caption>
      <thead>
        <tr>
          <th scope="col">${table.rows.length === 12 ? msg('Miesiąc') : msg('Dzień')}</th>
          ${table.zones.length > 1 ? names.map((name) => html`<th scope="col">${name}</th>`) : ''}
          <th scope="col">${msg('Razem')}</th>
          ${compare ? html`<th scope="col">${msg(str`Rok wcześniej (${table.year - 1})`)}</th>` : ''}
        </tr>
      </thead>
      <tbody>
        ${table.rows
          .filter((r) => r.total !== undefined || r.previous !== undefined)
          .map(
            (r) => html`<tr>
              <th scope="row">${periodText(r.period)}${r.estimated ? html` <span class="estimated">${msg('(szacunek)')}</span>` : ''}</th>
              ${table.zones.length > 1 ? r.values.map((v) => html`<td>${quantity(v, table.unit)}</td>`) : ''}
              <td>${quantity(r.total, table.unit)}</td>
              ${compare ? html`<td>${quantity(r.previous, table.unit)}${r.previousEstimated ? html` <span class="estimated">${msg('(szacunek)')}</span>` : ''}</td>` : ''}
            </tr>`,
          )}
      </tbody>
    </table>
  </div>`;
}
