import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatNumber } from '../../i18n/format.js';
import { plural } from '../../controllers/list.js';
import { registerName } from '../../kit/meters.js';
import { addressText, codeLabel, contractStatusText, fact, mediumBadge, mediumText, type Contract, type Medium, type Point } from '../../kit/supply.js';

/** The words and templates of `<ebok-points>`: pure, the element holds the state. */

/** Who reads the meter, as a customer says it. */
export function readingModeText(mode: Point['readingMode']): string {
  switch (mode) {
    case 'remote':
      return msg('Odczyt zdalny (licznik przesyła odczyty sam)');
    case 'collector':
      return msg('Odczyt przez inkasenta');
    default:
      return msg('Samoodczyt: podajesz odczyt w eBOK');
  }
}

/** "co 2 miesiące"; nothing without a cycle. */
export function cycleText(months: number | null | undefined): string {
  if (typeof months !== 'number' || months < 1) return '';
  if (months === 12) return msg('raz w roku');
  if (months === 1) return msg('co miesiąc');
  const n = formatNumber(months);
  return plural(months, {
    one: msg(str`co ${n} miesiąc`, { id: 'ebok-points-cycle-one' }),
    few: msg(str`co ${n} miesiące`, { id: 'ebok-points-cycle-few' }),
    many: msg(str`co ${n} miesięcy`, { id: 'ebok-points-cycle-many' }),
    other: msg(str`co ${n} miesiąca`, { id: 'ebok-points-cycle-other' }),
  });
}

/** The reading mode with its cycle: "Odczyt przez inkasenta, co 6 miesięcy". */
export function readingText(point: Point): string {
  const cycle = cycleText(point.readingCycleMonths);
  return cycle ? `${readingModeText(point.readingMode)}, ${cycle}` : readingModeText(point.readingMode);
}

/** Contracted power in kW, or why there is none (gas and water have no contracted power). */
export function powerText(point: Pick<Point, 'kind' | 'contractedPower'>): string {
  if (point.kind !== 'electricity') return msg('nie dotyczy');
  const kw = point.contractedPower;
  return typeof kw === 'string' && kw ? msg(str`${formatNumber(kw, { minimumFractionDigits: 1 })} kW`) : msg('brak danych');
}

/** The meters' numbers, as written on them. */
export const meterNumbers = (point: Point): string => point.meters.map((m) => m.serialNumber).join(', ') || msg('brak danych');

/** The facts the list shows for each point: medium, address, number, meters, tariff, power and reading. */
export function pointFacts(point: Point): TemplateResult {
  return html`<dl class="facts" part="facts">
    ${fact(msg('Rodzaj'), mediumBadge(point.kind))} ${fact(msg('Adres'), addressText(point.address))} ${fact(codeLabel(point.codeType), point.code)}
    ${fact(point.meters.length > 1 ? msg('Numery liczników') : msg('Numer licznika'), meterNumbers(point))} ${fact(msg('Taryfa'), point.tariff)}
    ${fact(msg('Moc umowna'), powerText(point))} ${fact(msg('Odczyt licznika'), readingText(point))}
  </dl>`;
}

/** A point in the list: its name opens the detail (a button, in a heading), then its facts. */
export function pointCard(point: Point, level: number, open: () => void): TemplateResult {
  return html`<li class="card" part="point point-${point.kind}">
    <div role="heading" aria-level=${level}>
      <button class="card__open" part="point-open" type="button" data-point=${point.id} @click=${open}>
        ${point.name}<span class="visually-hidden">, ${mediumText(point.kind)}: ${msg('szczegóły')}</span>
      </button>
    </div>
    ${pointFacts(point)}
  </li>`;
}

/** A meter and its registers (one per tariff zone), as the detail shows it. */
export function meterBlock(meter: Point['meters'][number], level: number): TemplateResult {
  return html`<section class="meter" part="meter" aria-label=${msg(str`Licznik nr ${meter.serialNumber}`)}>
    <div class="section-title" role="heading" aria-level=${level}>${msg(str`Licznik nr ${meter.serialNumber}`)}</div>
    <p class="meta">${meter.smart ? msg('Licznik zdalnego odczytu (dane dzienne)') : msg('Licznik odczytywany na miejscu')}</p>
    <table class="registers" part="registers">
      <caption class="visually-hidden">${msg(str`Liczydła licznika nr ${meter.serialNumber}`)}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Strefa')}</th>
          <th scope="col">${msg('Kod OBIS')}</th>
          <th scope="col">${msg('Jednostka')}</th>
        </tr>
      </thead>
      <tbody>
        ${meter.registers.map(
          (r) => html`<tr>
            <th scope="row">${registerName(r)}</th>
            <td>${r.obisCode ?? '—'}</td>
            <td>${r.unit === 'm3' ? 'm³' : r.unit}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

/** The contract a point belongs to, in words: "UE/2019/004211, Prąd Stabilny G12 (obowiązuje)". */
export function contractText(point: Point, contracts: readonly Contract[]): string {
  if (!point.contractId) return msg('brak umowy');
  const c = contracts.find((x) => x.id === point.contractId);
  return c ? msg(str`${c.number}, ${c.product} (${contractStatusText(c.status).toLowerCase()})`) : point.contractId;
}

export function kindOptionText(kind: '' | Medium): string {
  return kind ? mediumText(kind) : msg('Wszystkie');
}

/** "12 punktów poboru" or, filtered, "3 z 12 punktów poboru". */
export function countText(shown: number, all: number): string {
  const n = formatNumber(all);
  const total = plural(all, {
    one: msg(str`${n} punkt poboru`, { id: 'ebok-points-count-one' }),
    few: msg(str`${n} punkty poboru`, { id: 'ebok-points-count-few' }),
    many: msg(str`${n} punktów poboru`, { id: 'ebok-points-count-many' }),
    other: msg(str`${n} punktu poboru`, { id: 'ebok-points-count-other' }),
  });
  return shown === all ? total : msg(str`${formatNumber(shown)} z ${total}`);
}
