import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { plural } from '../../controllers/list.js';
import { formatDate, formatMoney, formatNumber } from '../../i18n/format.js';
import { icon } from '../../kit/icons.js';
import { windowText } from '../../kit/reading-window.js';
import { areaText, kindText } from '../../kit/outages.js';
import type { Count, NextPayment, Outage, OutagesCard, ReadingsCard } from './dashboard.logic.js';

/** Points listed by name on the readings card and interruptions on the outages card; the rest are counted. */
const SHOWN = 3;

export interface CardOptions {
  /** The card's name: its parts are `card card-<name>`, `link link-<name>`. */
  name: string;
  level: number;
  title?: string;
  body: unknown;
  link: { text: string; href: string | undefined; follow: (event: MouseEvent) => void };
}

/** One card: a title, what the card says (or its state), and the link into its section. */
export function card(o: CardOptions): TemplateResult {
  return html`<li class="card" part="card card-${o.name}">
    ${o.title ? html`<div class="card__title" part="card-title" role="heading" aria-level=${o.level}>${o.title}</div>` : nothing}
    <div class="card__body">${o.body}</div>
    ${cardLink(o.name, o.link)}
  </li>`;
}

/** A card's link into its section (`href="#"` without an href: the link still fires `ebok-navigate`). */
export function cardLink(name: string, link: CardOptions['link']): TemplateResult {
  return html`<a class="link card__link" part="link link-${name}" href=${link.href ?? '#'} @click=${link.follow}>${link.text}</a>`;
}

const figure = (text: string, tone = ''): TemplateResult => html`<p class="figure ${tone}" part="figure">${text}</p>`;

export function paymentBody(next: NextPayment): TemplateResult {
  const d = next.document;
  const amount = formatMoney(d.remaining.amount, { currency: d.remaining.currency });
  const due = formatDate(d.dueDate);
  const when = next.overdue
    ? msg(str`Po terminie: termin płatności minął ${due}.`)
    : next.days === 0
      ? msg(str`Termin płatności: dziś, ${due}.`)
      : msg(str`Termin płatności: ${due}.`);
  return html`<p class="amount" part="amount">${amount}</p>
    <p class="state ${next.overdue ? 'tone-danger' : ''}" part="state">${icon(next.overdue ? 'warning' : 'clock')}<span>${when}</span></p>
    <p class="muted">${msg(str`Dokument ${d.number}`)}</p>
    ${next.moreOverdue ? html`<p class="muted">${msg(str`Innych dokumentów po terminie: ${formatNumber(next.moreOverdue)}.`)}</p>` : nothing}`;
}

export function readingsBody(data: ReadingsCard): TemplateResult {
  const [first] = data.open;
  if (!first) return html``;
  const more = data.open.length - SHOWN;
  return html`${figure(
      data.open.length === 1
        ? msg('Możesz teraz podać odczyt licznika.')
        : msg(str`Możesz teraz podać odczyt w punktach poboru: ${formatNumber(data.open.length)}.`),
    )}
    <ul class="items" part="items">
      ${data.open.slice(0, SHOWN).map((o) => html`<li><span class="item__name item__name--line">${o.point.name}</span> ${windowText(o.window)}</li>`)}
    </ul>
    ${more > 0 ? html`<p class="muted">${msg(str`i jeszcze ${formatNumber(more)}`)}</p>` : nothing}`;
}

export function unreadText(count: number): string {
  const n = formatNumber(count);
  return plural(count, {
    one: msg(str`${n} nieprzeczytana wiadomość`),
    few: msg(str`${n} nieprzeczytane wiadomości`),
    many: msg(str`${n} nieprzeczytanych wiadomości`),
    other: msg(str`${n} nieprzeczytanych wiadomości`),
  });
}

export function ticketsText({ count, atLeast }: Count): string {
  const n = formatNumber(count);
  const text = plural(count, {
    one: msg(str`${n} otwarte zgłoszenie`),
    few: msg(str`${n} otwarte zgłoszenia`),
    many: msg(str`${n} otwartych zgłoszeń`),
    other: msg(str`${n} otwartych zgłoszeń`),
  });
  return atLeast ? msg(str`Co najmniej ${text}`) : text;
}

export function outagesText(count: number): string {
  const n = formatNumber(count);
  return plural(count, {
    one: msg(str`${n} wyłączenie w Twojej okolicy`),
    few: msg(str`${n} wyłączenia w Twojej okolicy`),
    many: msg(str`${n} wyłączeń w Twojej okolicy`),
    other: msg(str`${n} wyłączeń w Twojej okolicy`),
  });
}

export const countBody = (text: string): TemplateResult => figure(text, 'figure--count');

function outageLine(o: Outage): TemplateResult {
  const when = o.status === 'ongoing' ? msg('trwa teraz') : msg(str`planowane od ${formatDate(o.startsAt)}`);
  return html`<li class=${o.status === 'ongoing' ? 'tone-warning' : ''}>
    ${icon(o.status === 'ongoing' ? 'warning' : 'clock')}<span><span class="item__name">${kindText(o.kind)}: ${areaText(o.area)}</span> – ${when}</span>
  </li>`;
}

export function outagesBody(data: OutagesCard): TemplateResult {
  const more = data.outages.length - SHOWN;
  return html`${countBody(outagesText(data.outages.length))}
    <ul class="items items--icons" part="items">
      ${data.outages.slice(0, SHOWN).map(outageLine)}
    </ul>
    ${more > 0 ? html`<p class="muted">${msg(str`i jeszcze ${formatNumber(more)}`)}</p>` : nothing}`;
}
