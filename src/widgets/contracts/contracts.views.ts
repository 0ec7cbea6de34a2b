import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { plural } from '../../controllers/list.js';
import { icon } from '../../kit/icons.js';
import { addressText, codeLabel, contractStatusText, fact, mediumBadge } from '../../kit/supply.js';
import { statusLook, type Contract, type ContractDocument, type Point } from './contracts.logic.js';

/** The words and templates of `<ebok-contracts>`: pure, the element holds the state. */

/** "od 01.04.2019 na czas nieokreślony" or "od 01.01.2021 do 31.12.2027". */
export function periodText(contract: Pick<Contract, 'startDate' | 'endDate'>): string {
  const from = formatDate(contract.startDate);
  return contract.endDate ? msg(str`od ${from} do ${formatDate(contract.endDate)}`) : msg(str`od ${from} na czas nieokreślony`);
}

export function statusBadge(status: Contract['status']): TemplateResult {
  const look = statusLook(status);
  return html`<span class="badge tone-${look.tone}" part="status-badge">${icon(look.icon)}<span>${contractStatusText(status)}</span></span>`;
}

export function documentKindText(kind: ContractDocument['kind']): string {
  switch (kind) {
    case 'contract':
      return msg('Umowa');
    case 'annex':
      return msg('Aneks');
    case 'price_list':
      return msg('Cennik');
    case 'terms':
      return msg('Warunki umowy');
    default:
      return msg('Inny dokument');
  }
}

/** "2 punkty poboru". */
export function pointCountText(count: number): string {
  const n = formatNumber(count);
  return plural(count, {
    one: msg(str`${n} punkt poboru`, { id: 'ebok-contracts-points-one' }),
    few: msg(str`${n} punkty poboru`, { id: 'ebok-contracts-points-few' }),
    many: msg(str`${n} punktów poboru`, { id: 'ebok-contracts-points-many' }),
    other: msg(str`${n} punktu poboru`, { id: 'ebok-contracts-points-other' }),
  });
}

/** "3 umowy". */
export function countText(count: number): string {
  const n = formatNumber(count);
  return plural(count, {
    one: msg(str`${n} umowa`, { id: 'ebok-contracts-count-one' }),
    few: msg(str`${n} umowy`, { id: 'ebok-contracts-count-few' }),
    many: msg(str`${n} umów`, { id: 'ebok-contracts-count-many' }),
    other: msg(str`${n} umowy`, { id: 'ebok-contracts-count-other' }),
  });
}

/** What the list and the detail say of a contract: product, medium, tariff, period, status, its points. */
export function contractFacts(contract: Contract, points: readonly Point[]): TemplateResult {
  const names = points.map((p) => p.name).join('; ');
  return html`<dl class="facts" part="facts">
    ${fact(msg('Produkt'), contract.product)} ${fact(msg('Rodzaj'), mediumBadge(contract.kind))} ${fact(msg('Taryfa'), contract.tariff)}
    ${fact(msg('Okres'), periodText(contract))} ${fact(msg('Status'), statusBadge(contract.status))}
    ${fact(msg('Punkty poboru'), contract.pointIds.length ? (names ? `${pointCountText(contract.pointIds.length)}: ${names}` : pointCountText(contract.pointIds.length)) : msg('brak'))}
  </dl>`;
}

/** A contract in the list: its number opens the detail (a button, in a heading), then its facts. */
export function contractCard(contract: Contract, points: readonly Point[], level: number, open: () => void): TemplateResult {
  return html`<li class="card" part="contract contract-${contract.status}">
    <div role="heading" aria-level=${level}>
      <button class="card__open" part="contract-open" type="button" data-contract=${contract.id} @click=${open}>
        ${msg(str`Umowa nr ${contract.number}`)}<span class="visually-hidden">: ${msg('szczegóły')}</span>
      </button>
    </div>
    ${contractFacts(contract, points)}
  </li>`;
}

/** One point of the opened contract: its name (a link with `point-href`), address and number. */
export function pointItem(point: Point, href: string | undefined): TemplateResult {
  return html`<li class="card" part="contract-point">
    ${href ? html`<a class="link" part="point-link" href=${href}>${point.name}</a>` : html`<span class="section-title">${point.name}</span>`}
    <p class="meta">${addressText(point.address)} · ${codeLabel(point.codeType)}: ${point.code}</p>
  </li>`;
}

/** One document of the opened contract: title, kind, when signed, and its download (`download` renders it). */
export function documentItem(document: ContractDocument, download: TemplateResult): TemplateResult {
  return html`<li class="card document" part="document">
    <span class="section-title">${document.title}</span>
    <p class="meta">${documentKindText(document.kind)}${document.signedDate ? html` · ${msg(str`podpisany ${formatDate(document.signedDate)}`)}` : nothing}</p>
    <div class="actions">${download}</div>
  </li>`;
}
