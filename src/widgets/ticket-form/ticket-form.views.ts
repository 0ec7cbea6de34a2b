import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { ref, type Ref } from 'lit/directives/ref.js';
import { msg, str } from '@lit/localize';
import { fieldError } from '../../kit/fields.js';
import type { FieldBinding } from '../../kit/form.js';
import { statusText } from '../../kit/documents.js';
import { formatDate, formatMoney } from '../../i18n/format.js';
import { localized } from '../../i18n/locale.js';
import type { DocumentSummary, TicketCategory, TicketDetail, TicketProblem } from './ticket-form.logic.js';

/** The templates of `<ebok-ticket-form>`: pure, the element holds the state. */

export function problemText(problem: TicketProblem): string {
  switch (problem) {
    case 'category':
      return msg('Wybierz, czego dotyczy zgłoszenie.');
    case 'point':
      return msg('Wybierz punkt poboru, którego dotyczy zgłoszenie.');
    case 'document':
      return msg('Wybierz fakturę, której dotyczy reklamacja.');
    case 'subject':
      return msg('Wpisz temat zgłoszenia.');
    case 'subject_long':
      return msg('Temat może mieć najwyżej 200 znaków.');
    case 'message':
      return msg('Opisz sprawę w treści zgłoszenia.');
    case 'message_long':
      return msg('Treść może mieć najwyżej 5000 znaków.');
  }
}

/**
 * The categories as radio buttons, each with its description under it (read with it): an outage's says whom to
 * call when life is in danger, which must not hide behind a choice.
 */
export function categoryField(b: FieldBinding, categories: readonly TicketCategory[]): TemplateResult {
  return html`<fieldset class="choice categories" part="categories" aria-describedby=${ifDefined(b.error ? `${b.id}-error` : undefined)}>
    <legend class="field__label">${msg('Czego dotyczy zgłoszenie?')}</legend>
    <div class="choice__options">
      ${categories.map((category, index) => {
        const id = `${b.id}-${category.id}`;
        const description = localized(category.description);
        return html`<div class="check category ${category.kind === 'outage_report' ? 'category--outage' : ''}">
          <input
            ${index === 0 ? ref(b.ref) : nothing}
            type="radio"
            id=${id}
            name=${b.id}
            .value=${category.id}
            .checked=${live(category.id === b.value)}
            aria-invalid=${b.error ? 'true' : 'false'}
            aria-describedby=${ifDefined(description ? `${id}-about` : undefined)}
            @change=${() => b.input(category.id)}
          />
          <label for=${id}>${localized(category.label)}</label>
          ${description ? html`<p class="field__hint category__about" id="${id}-about">${description}</p>` : nothing}
        </div>`;
      })}
    </div>
    ${fieldError(b)}
  </fieldset>`;
}

/** A document as the customer finds it on paper: number, kind of date, amount and status. */
export function documentText(doc: DocumentSummary): string {
  const number = doc.number;
  const issued = formatDate(doc.issueDate);
  const amount = formatMoney(doc.gross);
  const status = statusText(doc.status);
  return msg(str`${number} z ${issued}, ${amount}, ${status}`);
}

export interface DocumentFieldOptions {
  documents: readonly DocumentSummary[];
  /** The search box's text, and what typing and Enter do. */
  search: string;
  onSearch: (text: string) => void;
  onSearchNow: () => void;
  /** The documents are being looked for. */
  searching: boolean;
  /** The search found nothing (the chosen one, if any, still shows). */
  none: boolean;
}

/** The document a complaint is about: a search by number, and the newest documents (or the ones found) to choose. */
export function documentField(b: FieldBinding, o: DocumentFieldOptions): TemplateResult {
  return html`<fieldset class="choice documents" part="documents">
    <legend class="field__label">${msg('Której faktury dotyczy reklamacja?')}</legend>
    <div class="field">
      <label class="field__hint" for="${b.id}-search">${msg('Szukaj po numerze faktury')}</label>
      <input
        class="input documents__search"
        part="input"
        id="${b.id}-search"
        type="search"
        autocomplete="off"
        enterkeyhint="search"
        .value=${live(o.search)}
        @input=${(e: Event) => o.onSearch((e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key !== 'Enter') return;
          e.preventDefault(); // Enter searches here; it does not send the ticket
          o.onSearchNow();
        }}
      />
    </div>
    <p class="visually-hidden" role="status">${o.searching ? msg('Szukamy faktur…') : o.none ? msg('Nie znaleźliśmy faktury o tym numerze.') : ''}</p>
    ${o.none ? html`<p class="documents__none" aria-hidden="true">${msg('Nie znaleźliśmy faktury o tym numerze.')}</p>` : nothing}
    <div class="choice__options">
      ${o.documents.map(
        (doc, index) => html`<div class="check">
          <input
            ${index === 0 ? ref(b.ref) : nothing}
            type="radio"
            id="${b.id}-${doc.id}"
            name=${b.id}
            .value=${doc.id}
            .checked=${live(doc.id === b.value)}
            aria-invalid=${b.error ? 'true' : 'false'}
            aria-describedby=${ifDefined(b.error ? `${b.id}-error` : undefined)}
            @change=${() => b.input(doc.id)}
          />
          <label for="${b.id}-${doc.id}">${documentText(doc)}</label>
        </div>`,
      )}
    </div>
    ${fieldError(b)}
  </fieldset>`;
}

/** The ticket was taken: its number, what happens next, where to follow it, and a way to write another. */
export function sentPanel(ticket: TicketDetail, focus: Ref<HTMLElement>, ticketsLink: unknown, another: () => void): TemplateResult {
  const number = ticket.number;
  return html`<div class="result" part="result" role="status">
    <p class="result__title" tabindex="-1" ${ref(focus)}>${msg(str`Przyjęliśmy Twoje zgłoszenie nr ${number}.`)}</p>
    <p>${msg('Potwierdzenie wysłaliśmy na Twój adres e-mail. Konsultant odpowie w eBOK, a o odpowiedzi powiadomimy Cię e-mailem.')}</p>
    <p>${msg('Jeśli poprosimy o więcej informacji, zgłoszenie będzie czekać na Twoją odpowiedź w liście zgłoszeń.')}</p>
    <div class="actions">
      ${ticketsLink}
      <button class="button button--secondary" type="button" part="another" @click=${another}>${msg('Napisz kolejne zgłoszenie')}</button>
    </div>
  </div>`;
}
