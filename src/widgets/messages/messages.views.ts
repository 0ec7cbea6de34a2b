import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { plural } from '../../controllers/list.js';
import { formatDateTime, formatNumber } from '../../i18n/format.js';
import { icon } from '../../kit/icons.js';
import { bodyPieces, messageTitle, paragraphs, type Message, type MessageChannel, type MessageEvent } from './messages.logic.js';
import { messageIcons } from './messages.icons.js';

/** The templates and words of `<ebok-messages>`: pure, the element holds the state. */

/** What a message is about, in words as a customer says it; an event the widget does not know yet is "Other". */
export function eventText(event: MessageEvent): string {
  switch (event) {
    case 'new_invoice':
      return msg('Nowa faktura');
    case 'due_date':
      return msg('Termin płatności');
    case 'overdue_reminder':
      return msg('Wezwanie do zapłaty');
    case 'debt_collection':
      return msg('Windykacja');
    case 'planned_works':
      return msg('Prace planowane');
    case 'reading_window':
      return msg('Okno odczytu');
    case 'payment_received':
      return msg('Wpłata zaksięgowana');
    case 'ticket_reply':
      return msg('Odpowiedź na zgłoszenie');
    case 'account_security':
      return msg('Bezpieczeństwo konta');
    default:
      return msg('Inne');
  }
}

/** How it was sent, in words. */
export function channelText(channel: MessageChannel): string {
  switch (channel) {
    case 'email':
      return msg('E-mail');
    case 'sms':
      return 'SMS';
    default:
      return msg('W eBOK');
  }
}

/** The channel: its icon (hidden from screen readers) and its words. */
export function channelBadge(channel: MessageChannel): TemplateResult {
  return html`<span class="channel channel--${channel}" part="channel">${icon(messageIcons[channel] ?? messageIcons.portal)}<span>${channelText(channel)}</span></span>`;
}

/**
 * A body as paragraphs of text, with links only to the utility's own origins (`origins`); never HTML. The
 * paragraphs keep their line breaks (`white-space: pre-line`), so the template adds no whitespace inside them.
 */
export function messageBody(body: string, origins: ReadonlySet<string>, onLink: (event: MouseEvent, href: string) => void): TemplateResult {
  const parts = paragraphs(body);
  if (!parts.length) return html`<p class="message__empty">${msg('Ta wiadomość nie ma treści.')}</p>`;
  return html`${parts.map((paragraph) => html`<p>${bodyPieces(paragraph, origins).map((piece) => (piece.kind === 'link' ? bodyLink(piece.text, piece.href, onLink) : piece.text))}</p>`)}`;
}

function bodyLink(text: string, href: string, onLink: (event: MouseEvent, href: string) => void): TemplateResult {
  return html`<a class="link" part="body-link" href=${href} @click=${(event: MouseEvent) => onLink(event, href)}>${text}</a>`;
}

/** "Unread" said to screen readers and shown as a dot beside the bold title; nothing for a read message. */
export function unreadMark(unread: boolean): TemplateResult | typeof nothing {
  if (!unread) return nothing;
  return html`<span class="message__dot" part="unread" aria-hidden="true"></span><span class="visually-hidden">${msg('nieprzeczytana')}, </span>`;
}

/** "12 wiadomości", or "co najmniej 20" while more pages come without a total. */
export function countText(count: number, atLeast: boolean): string {
  const n = formatNumber(count);
  if (atLeast) return msg(str`Wiadomości: co najmniej ${n}`);
  return plural(count, {
    one: msg(str`${n} wiadomość`, { id: 'ebok-messages-count-one' }),
    few: msg(str`${n} wiadomości`, { id: 'ebok-messages-count-few' }),
    many: msg(str`${n} wiadomości`, { id: 'ebok-messages-count-many' }),
    other: msg(str`${n} wiadomości`, { id: 'ebok-messages-count-other' }),
  });
}

/** "3 nieprzeczytane" beside the count (nothing until the count is known). */
export function unreadSummary(count: number | undefined): TemplateResult | typeof nothing {
  if (count === undefined) return nothing;
  const n = formatNumber(count);
  const text =
    count === 0
      ? msg('Wszystkie przeczytane')
      : plural(count, {
          one: msg(str`${n} nieprzeczytana`, { id: 'ebok-messages-unread-one' }),
          few: msg(str`${n} nieprzeczytane`, { id: 'ebok-messages-unread-few' }),
          many: msg(str`${n} nieprzeczytanych`, { id: 'ebok-messages-unread-many' }),
          other: msg(str`${n} nieprzeczytanej`, { id: 'ebok-messages-unread-other' }),
        });
  return html`<p class="count" part="unread-summary">${text}</p>`;
}

export interface MessageItemView {
  /** The ids of its button and body (`${id}-toggle`, `${id}-body`). */
  id: string;
  /** The heading level of its button. */
  level: number;
  unread: boolean;
  open: boolean;
  toggle: () => void;
  /** Its text, rendered only while open. */
  body: () => unknown;
}

/** One message: a heading whose button (kind, channel, date, title) opens and closes its text. */
export function messageItem(message: Message, v: MessageItemView): TemplateResult {
  return html`<li class="message ${v.unread ? 'message--unread' : ''}" part=${v.unread ? 'message message-unread' : 'message'}>
    <div class="message__heading" role="heading" aria-level=${v.level}>
      <button class="message__toggle" part="toggle" type="button" id="${v.id}-toggle" aria-expanded=${v.open ? 'true' : 'false'} aria-controls="${v.id}-body" @click=${v.toggle}>
        <span class="message__meta"
          >${unreadMark(v.unread)}<span class="message__kind" part="kind">${eventText(message.event)}</span>${channelBadge(message.channel)}<time
            part="date"
            datetime=${message.sentAt}
            >${formatDateTime(message.sentAt)}</time
          ></span
        >
        <span class="message__title" part="title">${messageTitle(message)}</span>
        ${icon(messageIcons.chevron, 'icon message__chevron')}
      </button>
    </div>
    <div class="message__body" part="body" id="${v.id}-body" ?hidden=${!v.open}>${v.open ? v.body() : nothing}</div>
  </li>`;
}
