import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatDate, formatMoney, formatNumber } from '../../i18n/format.js';
import { registerName } from '../../kit/meters.js';
import { comparisonOf, differenceAmount, type TariffOption, type TariffOptions, type TariffRequest } from './tariff-change.logic.js';

/** A tariff with its name: "G12W – Dwustrefowa z tańszym weekendem". */
export function tariffTitle(option: Pick<TariffOption, 'tariff' | 'name'>): string {
  return `${option.tariff} – ${option.name}`;
}

/** The zones and their hours: "Strefa nocna: 22:00–6:00 i 13:00–15:00 (0,62 zł za kWh)". */
export function zoneList(option: TariffOption): TemplateResult {
  return html`<ul class="zones" part="zones">
    ${option.zones.map(
      (z) => html`<li>
        <span class="zones__name">${registerName({ zone: z.zone, direction: 'consumption' })}:</span> ${z.hours}
        <span class="zones__price">(${msg(str`${formatMoney(z.price.amount, { currency: z.price.currency })} za kWh`)})</span>
      </li>`,
    )}
  </ul>`;
}

/** The estimate in words: "Szacunkowo 3195,11 zł rocznie – o 159,13 zł mniej niż teraz." */
export function estimateText(option: TariffOption): string {
  const cost = option.estimatedYearlyCost;
  if (!cost) return msg('Nie mamy danych o Twoim zużyciu, aby oszacować koszt.');
  const yearly = formatMoney(cost.amount, { currency: cost.currency });
  const diff = formatMoney(differenceAmount(option), { currency: cost.currency });
  switch (comparisonOf(option)) {
    case 'cheaper':
      return msg(str`Szacunkowo ${yearly} rocznie – o ${diff} mniej niż teraz.`);
    case 'dearer':
      return msg(str`Szacunkowo ${yearly} rocznie – o ${diff} więcej niż teraz.`);
    default:
      return msg(str`Szacunkowo ${yearly} rocznie – tyle samo co teraz.`);
  }
}

/** What the estimate rests on, for the table's caption and the confirm step. */
export function basisText(options: TariffOptions): string | undefined {
  const b = options.estimateBasis;
  if (!b) return undefined;
  const used = `${formatNumber(b.consumption)} ${b.unit}`;
  const period = msg(str`Twoje zużycie ${used} od ${formatDate(b.periodFrom)} do ${formatDate(b.periodTo)}.`);
  return `${period} ${b.includesEstimates ? msg('Część miesięcy to prognozy, nie odczyty.') : ''} ${b.note}`.replace(/\s+/g, ' ').trim();
}

/** The comparison as a small table: each tariff's estimated yearly cost and its difference from the current one. */
export function comparisonTable(options: TariffOptions): TemplateResult | typeof nothing {
  if (!options.estimateBasis || !options.options.some((o) => o.estimatedYearlyCost)) return nothing;
  return html`<table class="compare" part="comparison">
    <caption>
      ${msg('Porównanie kosztów energii w roku (szacunek)')}
    </caption>
    <thead>
      <tr>
        <th scope="col">${msg('Taryfa')}</th>
        <th scope="col">${msg('Koszt w roku')}</th>
        <th scope="col">${msg('Różnica')}</th>
      </tr>
    </thead>
    <tbody>
      ${options.options.map(
        (o) => html`<tr class=${o.current ? 'compare__current' : ''}>
          <th scope="row">${o.tariff}${o.current ? html` <span class="compare__badge">${msg('(obecna)')}</span>` : nothing}</th>
          <td>${o.estimatedYearlyCost ? formatMoney(o.estimatedYearlyCost.amount, { currency: o.estimatedYearlyCost.currency }) : '—'}</td>
          <td>${o.current ? '—' : differenceText(o)}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

function differenceText(option: TariffOption): string {
  const currency = option.differenceFromCurrent?.currency;
  const amount = formatMoney(differenceAmount(option), currency ? { currency } : {});
  switch (comparisonOf(option)) {
    case 'cheaper':
      return msg(str`${amount} mniej`);
    case 'dearer':
      return msg(str`${amount} więcej`);
    case 'same':
      return msg('tyle samo');
    default:
      return '—';
  }
}

/** A request's status in words, with its dates. */
export function requestStatusText(r: TariffRequest): string {
  const submitted = formatDate(r.submittedAt);
  switch (r.status) {
    case 'submitted':
      return msg(str`Złożony ${submitted}. Czekamy na decyzję – powiadomimy Cię w eBOK i e-mailem.`);
    case 'accepted':
      return msg(str`Przyjęty. Nowa taryfa obowiązuje od ${formatDate(r.effectiveFrom)}.`);
    case 'effective':
      return msg(str`Zrealizowany. Taryfa obowiązuje od ${formatDate(r.effectiveFrom)}.`);
    case 'rejected':
      return msg('Odrzucony.');
  }
}

export function requestStatusName(r: TariffRequest): string {
  switch (r.status) {
    case 'submitted':
      return msg('Czeka na decyzję');
    case 'accepted':
      return msg('Przyjęty');
    case 'effective':
      return msg('Zrealizowany');
    case 'rejected':
      return msg('Odrzucony');
  }
}

/** The point's requests, newest first: from → to, the status in words, the dates and the utility's reason. */
export function requestList(requests: readonly TariffRequest[], level: number): TemplateResult | typeof nothing {
  if (requests.length === 0) return nothing;
  return html`<div class="requests" part="requests">
    <div class="subtitle" role="heading" aria-level=${level}>${msg('Twoje wnioski o zmianę taryfy')}</div>
    <ul>
      ${requests.map(
        (r) => html`<li class="request request--${r.status}" part="request request-${r.status}">
          <p class="request__title">
            ${msg(str`Z ${r.fromTariff} na ${r.toTariff}`)} · <span class="request__status" part="request-status">${requestStatusName(r)}</span>
          </p>
          <p>${requestStatusText(r)}</p>
          ${r.decisionReason ? html`<p>${msg(str`Uzasadnienie: ${r.decisionReason}`)}</p>` : nothing}
        </li>`,
      )}
    </ul>
  </div>`;
}
