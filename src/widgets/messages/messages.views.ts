import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { icon } from '../../kit/icons.js';
import { bodyPieces, paragraphs, type MessageChannel, type MessageEvent } from './messages.logic.js';
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
