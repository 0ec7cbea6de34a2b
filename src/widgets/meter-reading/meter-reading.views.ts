import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatDate, formatMoney } from '../../i18n/format.js';
import { formatQuantity, unitSymbol, type Unit } from '../../i18n/units.js';
import { describedBy, fieldError, hint, label } from '../../kit/fields.js';
import type { FieldBinding } from '../../kit/form.js';
import { ref } from 'lit/directives/ref.js';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { pointText, registerName, zoneOf } from '../../kit/meters.js';
import {
  consumptionUnits,
  fromUnits,
  parseReading,
  sourceOf,
  type ContextRegister,
  type DateProblem,
  type HistoryRow,
  type ReadingResult,
  type Register,
  type ValueProblem,
} from './meter-reading.logic.js';

/**
 * The words and templates of `<ebok-meter-reading>`: the window, the registers as the meter shows them, the
 * problems of a value, the answer and the history. Pure templates; the element holds the state.
 */

export { pointText, registerName };

const quantity = (value: string, unit: Unit) => formatQuantity(value, unit);

/** How to type it, from the dials: the digits before the comma and, for water and gas, the red ones after it. */
function dialsHint(register: ContextRegister): string {
  if (register.decimals === 0) return msg(str`Wpisz cyfry z licznika (do ${register.digits}), bez części po przecinku.`);
  return msg(str`Wpisz cyfry przed przecinkiem (zwykle czarne) i do ${register.decimals} po przecinku (zwykle czerwone). Przecinek albo kropka.`);
}

/** The hint under a register's field: the last reading and its date, how to type, the gas conversion, the OBIS code. */
export function registerHint(register: ContextRegister, meterRegister: Register | undefined, text: string): TemplateResult {
  const last = register.lastReading;
  const parsed = parseReading(text, register);
  const used = parsed.ok ? consumptionUnits(register, parsed.units) : undefined;
  const factor = meterRegister?.conversionFactor;
  return html`${last
      ? html`<span class="reading__last">${msg(str`Ostatni odczyt: ${quantity(last.value, register.unit)} z ${formatDate(last.readAt)}.`)}</span>`
      : html`<span class="reading__last">${msg('To pierwszy odczyt tego licznika.')}</span>`}
    <span>${dialsHint(register)}</span>
    ${register.obisCode ? html`<span>${msg(str`Na wyświetlaczu licznika: kod ${register.obisCode}.`)}</span>` : nothing}
    ${factor && register.unit === 'm3'
      ? html`<span>${msg(str`Gazomierz pokazuje m³; na fakturze przeliczamy je na kWh: 1 m³ to ${formatQuantity(factor, 'kWh')}.`)}</span>`
      : nothing}
    ${used !== undefined && used !== null
      ? html`<span class="reading__used">${msg(str`Zużycie od ostatniego odczytu: ${quantity(fromUnits(used, register.decimals), register.unit)}.`)}</span>`
      : nothing}`;
}

/** A value's problem in words, on its field. */
export function valueProblemText(problem: ValueProblem, register: ContextRegister): string {
  switch (problem.kind) {
    case 'empty':
    case 'missing':
      return msg(str`Wpisz odczyt: ${registerName(register).toLowerCase()}. Podaj wskazania wszystkich stref naraz.`);
    case 'format':
      return msg('Wpisz same cyfry, a część po przecinku oddziel przecinkiem.');
    case 'decimals':
      return problem.dials.decimals === 0
        ? msg('Ten licznik nie ma cyfr po przecinku. Wpisz liczbę bez przecinka.')
        : msg(str`Po przecinku wpisz tyle cyfr, ile pokazuje licznik (najwyżej: ${problem.dials.decimals}).`);
    case 'digits':
    case 'too_large':
      return msg(str`To więcej cyfr, niż licznik ma przed przecinkiem (${register.digits}). Sprawdź, czy nie ma o jedną cyfrę za dużo.`);
    case 'lower':
      return msg(str`Odczyt jest niższy niż poprzedni (${quantity(problem.last, register.unit)}). Sprawdź cyfry; licznik nie cofa się.`);
  }
}

/** The reading date's problem in words. */
export function dateProblemText(problem: DateProblem): string {
  return {
    empty: msg('Podaj dzień odczytu.'),
    format: msg('Podaj dzień odczytu jako dzień, miesiąc i rok.'),
    future: msg('Dzień odczytu nie może być w przyszłości.'),
    before_last: msg('Dzień odczytu nie może być wcześniejszy niż ostatni odczyt.'),
  }[problem];
}

export { windowText } from '../../kit/reading-window.js';

/** What happens while the window is closed. */
export function closedMeanwhileText(): string {
  return msg('Do tego czasu rozliczymy Cię według prognozy zużycia (faktura szacunkowa), a różnicę wyrównamy po odczycie.');
}

/** The day the meter was read: a date input, not after today. */
export function dateField(b: FieldBinding<string>, o: { label: string; max: string; hint?: string }): TemplateResult {
  return html`<div class="field" part="field">
    ${label(b.id, o.label, true)} ${hint(b.id, o.hint)}
    <input
      ${ref(b.ref)}
      class="input input--date"
      part="input"
      id=${b.id}
      name=${b.id}
      type="date"
      max=${o.max}
      .value=${live(b.value)}
      required
      aria-invalid=${b.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(b, !!o.hint))}
      @input=${(e: Event) => b.input((e.target as HTMLInputElement).value)}
      @blur=${() => b.blur()}
    />
    ${fieldError(b)}
  </div>`;
}

/** The answer in words: settlement (with the amount) or control, and whether it waits for a check. */
export function resultText(result: ReadingResult): { title: string; lines: string[] } {
  const lines: string[] = [];
  lines.push(
    result.kind === 'settlement'
      ? msg('To odczyt rozliczeniowy: na jego podstawie wystawimy fakturę.')
      : msg('To odczyt kontrolny: zapisaliśmy go, ale nie zmienia najbliższej faktury.'),
  );
  if (result.status === 'pending_review') lines.push(msg('Odczyt czeka na sprawdzenie przez pracownika, bo różni się od zwykłego zużycia.'));
  const amount = result.estimatedAmount;
  if (amount) {
    const negative = amount.amount.startsWith('-');
    const text = formatMoney(amount.amount, { currency: amount.currency, signDisplay: 'never' });
    lines.push(negative ? msg(str`Szacujemy nadpłatę ${text}; zaliczymy ją na poczet kolejnych faktur.`) : msg(str`Szacowana kwota do zapłaty: ${text}.`));
  }
  return { title: result.status === 'pending_review' ? msg('Odczyt przyjęty, czeka na sprawdzenie') : msg('Odczyt przyjęty'), lines };
}

/** Who read the meter, in a history row. */
export function sourceText(row: HistoryRow): string {
  const source = sourceOf(row.reading.kind);
  if (source === 'operator') return msg('Inkasent lub licznik zdalny');
  if (source === 'estimate') return msg('Prognoza');
  return row.reading.kind === 'settlement' ? msg('Ty (rozliczeniowy)') : msg('Ty (kontrolny)');
}

/** A history row's status. */
export function historyStatusText(status: HistoryRow['reading']['status']): string {
  return { accepted: msg('Przyjęty'), pending_review: msg('Czeka na sprawdzenie'), rejected: msg('Odrzucony') }[status];
}

/** The readings of the point, newest first, with the use between them. */
export function historyTable(rows: readonly HistoryRow[], caption: string): TemplateResult {
  return html`<div class="history__scroll" part="history" tabindex="0" role="region" aria-label=${caption}>
    <table class="history">
      <caption class="visually-hidden">${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Data')}</th>
          <th scope="col">${msg('Wskazania')}</th>
          <th scope="col">${msg('Zużycie od poprzedniego')}</th>
          <th scope="col">${msg('Kto odczytał')}</th>
          <th scope="col">${msg('Stan')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) => html`<tr class=${row.reading.status === 'rejected' ? 'history__rejected' : ''}>
            <th scope="row">${formatDate(row.reading.readAt)}</th>
            <td>${row.values.map((v) => html`<span class="history__value">${valueLabel(v)}</span>`)}</td>
            <td>${row.values.map((v) => html`<span class="history__value">${v.used === undefined ? '—' : quantity(v.used, v.unit as Unit)}</span>`)}</td>
            <td>${sourceText(row)}</td>
            <td>${historyStatusText(row.reading.status)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function valueLabel(v: HistoryRow['values'][number]): string {
  const value = quantity(v.value, v.unit as Unit);
  return zoneOf(v.zone) === 'all' ? value : `${registerName({ zone: v.zone, direction: 'consumption' })}: ${value}`;
}

/** The unit beside a field, as the dials print it. */
export const unitOf = (register: ContextRegister): string => unitSymbol(register.unit);
