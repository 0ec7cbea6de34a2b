import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { plural } from '../../controllers/list.js';
import { formatDateTime, formatNumber } from '../../i18n/format.js';
import { icon } from '../../kit/icons.js';
import { areaText, kindText, statusText } from '../../kit/outages.js';
import { statusLook, type Outage } from './outages.logic.js';

/** The words and templates of `<ebok-outages>`: pure, the element holds the state. */

export { areaText, kindText, statusText };

/** "3.12.2026, 08:00 – 3.12.2026, 14:00", or "od … do odwołania" for a failure whose end nobody knows yet. */
export function whenText(outage: Pick<Outage, 'startsAt' | 'endsAt'>): string {
  const start = formatDateTime(outage.startsAt);
  if (!outage.endsAt) return msg(str`Od ${start}, do odwołania`);
  const end = formatDateTime(outage.endsAt);
  return msg(str`Od ${start} do ${end}`);
}

export function countText(count: number, atLeast: boolean): string {
  const n = formatNumber(count);
  if (atLeast) return msg(str`Wyłączenia: co najmniej ${n}`);
  return plural(count, {
    one: msg(str`${n} wyłączenie`, { id: 'ebok-outages-count-one' }),
    few: msg(str`${n} wyłączenia`, { id: 'ebok-outages-count-few' }),
    many: msg(str`${n} wyłączeń`, { id: 'ebok-outages-count-many' }),
    other: msg(str`${n} wyłączenia`, { id: 'ebok-outages-count-other' }),
  });
}

/** One interruption: what and where as its heading, then when, the streets and why. */
export function outageItem(outage: Outage, level: number): TemplateResult {
  const look = statusLook(outage.status);
  return html`<li class="outage outage--${outage.status}" part="outage outage-${outage.status}">
    <div class="outage__title" role="heading" aria-level=${level}>${kindText(outage.kind)}: ${areaText(outage.area)}</div>
    <p class="outage__status tone-${look.tone}" part="status-badge">${icon(look.icon)}<span>${statusText(outage.status)}</span></p>
    <dl class="outage__facts">
      <div><dt>${msg('Kiedy')}</dt><dd>${whenText(outage)}</dd></div>
      <div>
        <dt>${msg('Gdzie')}</dt>
        <dd>
          ${outage.streets.length
            ? html`<ul class="outage__streets">
                ${outage.streets.map((street) => html`<li>${street}</li>`)}
              </ul>`
            : msg('Cała miejscowość')}
        </dd>
      </div>
      ${outage.reason ? html`<div><dt>${msg('Powód')}</dt><dd>${outage.reason}</dd></div>` : nothing}
    </dl>
  </li>`;
}
