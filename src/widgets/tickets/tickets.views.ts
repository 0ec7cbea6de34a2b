import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatDateTime, formatNumber } from '../../i18n/format.js';
import { plural } from '../../controllers/list.js';
import { icon } from '../../kit/icons.js';
import { statusLook, type Ticket, type TicketAttachment, type TicketMessage, type TicketScope, type TicketStatus } from './tickets.logic.js';

/** The words and templates of `<ebok-tickets>`: pure, the element holds the state. */

/** A status as a customer says it. */
export function statusText(status: TicketStatus): string {
  switch (status) {
    case 'in_progress':
      return msg('W realizacji');
    case 'awaiting_customer':
      return msg('Czeka na Twoją odpowiedź');
    case 'resolved':
      return msg('Rozwiązane');
    case 'closed':
      return msg('Zamknięte');
    default:
      return msg('Nowe');
  }
}

export function scopeText(scope: TicketScope): string {
  switch (scope) {
    case 'open':
      return msg('W toku');
    case 'finished':
      return msg('Zakończone');
    default:
      return msg('Wszystkie');
  }
}

/** What the thread says of a ticket's status, under its title: what happens next. */
export function statusHint(status: TicketStatus): string {
  switch (status) {
    case 'in_progress':
      return msg('Konsultant zajmuje się Twoją sprawą. Odpowiedź zobaczysz tutaj i dostaniesz ją e-mailem.');
    case 'awaiting_customer':
      return msg('Konsultant prosi o odpowiedź. Napisz ją poniżej, a sprawa wróci do realizacji.');
    case 'resolved':
      return msg('Sprawa jest rozwiązana. Jeśli coś jest jeszcze niejasne, odpowiedz, a otworzymy ją ponownie.');
    case 'closed':
      return msg('To zgłoszenie jest zamknięte i nie można już na nie odpowiedzieć. Jeśli sprawa nie jest załatwiona, napisz nowe zgłoszenie.');
    default:
      return msg('Zgłoszenie czeka na konsultanta. Odpowiemy w ciągu 14 dni.');
  }
}

/** A status in words with its icon and tone (never the colour alone). */
export function statusBadge(status: TicketStatus): TemplateResult {
  const look = statusLook(status);
  return html`<span class="ticket-status tone-${look.tone}" part="status-badge">${icon(look.icon)}<span>${statusText(status)}</span></span>`;
}

/** A ticket in the list: its subject opens it (a button), the rest describes it; waiting for the customer, flagged. */
export function ticketItem(ticket: Ticket, category: string, open: () => void): TemplateResult {
  const awaiting = ticket.status === 'awaiting_customer';
  const updated = formatDateTime(ticket.updatedAt);
  return html`<li class="ticket ${awaiting ? 'ticket--awaiting' : ''}" part="ticket${awaiting ? ' ticket-awaiting' : ''}">
    <button class="ticket__open" part="ticket-open" type="button" data-ticket=${ticket.id} aria-describedby="meta-${ticket.id}" @click=${open}>${ticket.subject}</button>
    <p class="meta" id="meta-${ticket.id}">
      ${statusBadge(ticket.status)}
      <span>${msg(str`Nr ${ticket.number}`)}</span>
      ${category ? html`<span>${category}</span>` : nothing}
      <span>${msg(str`Ostatnia zmiana: ${updated}`)}</span>
    </p>
  </li>`;
}

/** The opened ticket's subject (a heading focused on opening), what it is, and what happens next. */
export function threadHead(ticket: Ticket, category: string, level: number): TemplateResult {
  const awaiting = ticket.status === 'awaiting_customer';
  return html`<div class="thread__head">
      <div class="thread__title" part="thread-title" role="heading" aria-level=${level} tabindex="-1">${ticket.subject}</div>
      <p class="meta">
        ${statusBadge(ticket.status)}
        <span>${msg(str`Nr ${ticket.number}`)}</span>
        ${category ? html`<span>${category}</span>` : nothing}
        <span>${msg(str`Wysłane ${formatDateTime(ticket.createdAt)}`)}</span>
      </p>
    </div>
    <p class="hint ${awaiting ? 'hint--awaiting' : ''}" part="status-hint">${awaiting ? icon('warning') : nothing} ${statusHint(ticket.status)}</p>`;
}

/** One message of the thread: who (the customer is "Ty"), when, the plain text, its files (`file` renders one). */
export function postItem(m: TicketMessage, file: (a: TicketAttachment) => unknown): TemplateResult {
  const own = m.author === 'customer';
  const author = own ? msg('Ty') : m.authorName || msg('Konsultant');
  return html`<li class="post post--${m.author}" part="post post-${m.author}" data-post=${m.id} tabindex="-1">
    <p class="post__author">
      ${own ? author : msg(str`${author} (konsultant)`)} <span class="meta">· <time datetime=${m.createdAt}>${formatDateTime(m.createdAt)}</time></span>
    </p>
    <p class="post__body">${m.body}</p>
    ${m.attachments.length
      ? html`<ul class="files" aria-label=${msg('Załączniki')}>
          ${m.attachments.map((a) => html`<li class="file">${file(a)}</li>`)}
        </ul>`
      : nothing}
  </li>`;
}

/** "5 zgłoszeń", or "co najmniej 20" while more pages come without a total. */
export function countText(count: number, atLeast: boolean): string {
  const n = formatNumber(count);
  if (atLeast) return msg(str`Zgłoszenia: co najmniej ${n}`);
  return plural(count, {
    one: msg(str`${n} zgłoszenie`, { id: 'ebok-tickets-count-one' }),
    few: msg(str`${n} zgłoszenia`, { id: 'ebok-tickets-count-few' }),
    many: msg(str`${n} zgłoszeń`, { id: 'ebok-tickets-count-many' }),
    other: msg(str`${n} zgłoszenia`, { id: 'ebok-tickets-count-other' }),
  });
}
