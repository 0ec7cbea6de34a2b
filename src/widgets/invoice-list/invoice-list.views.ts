import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { components } from '../../api/schema.js';
import { EbokApiError } from '../../api/errors.js';
import { filterSelect as select, periodFilter } from '../../kit/filters.js';
import { icon } from '../../kit/icons.js';
import { statusText, typeText } from '../../kit/documents.js';
import type { TableColumn } from '../../kit/table.js';
import { formatDate, formatMoney, formatNumber, PLACEHOLDER } from '../../i18n/format.js';
import { plural } from '../../controllers/list.js';
import { renderEmpty } from '../../core/status.js';
import { describeFailure, failureText } from '../../kit/failure.js';
import { SORTS, STATUSES, TYPES, statusLook, type DocumentStatus, type DocumentSummary, type DocumentType, type InvoiceFilters, type SortOrder } from './invoice-list.logic.js';

type Point = components['schemas']['PointOfDelivery'];

/** A half-filled circle: partly paid (only this list draws it, so it is not in the kit's icons). */
export const partialIcon = html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2" />
  <path d="M12 2a10 10 0 0 1 0 20Z" fill="currentColor" />
</svg>`;

/** How many documents match ("134 dokumenty"); `atLeast` while more pages come and the API gave no total. */
export function documentCountText(count: number, atLeast: boolean): string {
  const n = formatNumber(count);
  if (atLeast) return msg(str`Dokumentów: co najmniej ${n}`);
  return plural(count, {
    one: msg(str`${n} dokument`, { id: 'ebok-invoice-list-count-one' }),
    few: msg(str`${n} dokumenty`, { id: 'ebok-invoice-list-count-few' }),
    many: msg(str`${n} dokumentów`, { id: 'ebok-invoice-list-count-many' }),
    other: msg(str`${n} dokumentu`, { id: 'ebok-invoice-list-count-other' }),
  });
}

/** A page of documents that could not be loaded, in words. */
export function loadFailureText(error: unknown): string {
  const failed = msg('Nie udało się wczytać dokumentów.');
  return failureText(describeFailure(error, { failed, unavailable: failed }));
}

/** No documents at all, or none that match the filters (with the way back to all of them). */
export function nothingToShow(filtered: boolean, onShowAll: () => void): TemplateResult {
  if (!filtered) return renderEmpty(msg('Nie masz jeszcze żadnych dokumentów.'));
  return html`${renderEmpty(msg('Żaden dokument nie spełnia wybranych warunków.'))}
    <div class="actions">
      <button class="button button--secondary" type="button" @click=${onShowAll}>${msg('Pokaż wszystkie dokumenty')}</button>
    </div>`;
}

/** A document's status in words, with its icon and tone (never the colour alone). */
export function statusBadge(doc: DocumentSummary): TemplateResult {
  const look = statusLook(doc.status);
  return html`<span class="doc-status tone-${look.tone}" part="status-badge">${look.icon === 'partial' ? partialIcon : icon(look.icon)}<span>${statusText(doc.status)}</span></span>`;
}

/** The cells that need the widget: the choice to pay (none when payments are off), the number with its links, the PDF. */
export interface DocumentCells {
  choose: ((doc: DocumentSummary) => unknown) | undefined;
  number: (doc: DocumentSummary) => unknown;
  pdf: (doc: DocumentSummary) => unknown;
  /** "Reklamuj": a complaint about the document (only with the host's `complaint-href`). */
  complaint?: ((doc: DocumentSummary) => unknown) | undefined;
}

/** The list's columns, in order: what a customer compares on paper invoices, the status and the file last. */
export function documentColumns(cells: DocumentCells): readonly TableColumn<DocumentSummary>[] {
  const money = (m: { amount: string; currency: string }) => formatMoney(m.amount, { currency: m.currency });
  const choose = cells.choose;
  return [
    ...(choose ? [{ key: 'choose', header: msg('Do zapłaty'), cell: choose }] : []),
    { key: 'number', header: msg('Numer'), rowHeader: true, cell: cells.number },
    { key: 'type', header: msg('Rodzaj'), cell: (doc) => typeText(doc.type) },
    { key: 'issued', header: msg('Wystawiona'), cell: (doc) => formatDate(doc.issueDate) },
    {
      key: 'period',
      header: msg('Okres'),
      cell: (doc) => (doc.periodFrom && doc.periodTo ? `${formatDate(doc.periodFrom)} – ${formatDate(doc.periodTo)}` : PLACEHOLDER),
    },
    { key: 'amount', header: msg('Kwota'), align: 'end', cell: (doc) => money(doc.gross) },
    { key: 'remaining', header: msg('Pozostało'), align: 'end', cell: (doc) => money(doc.remaining) },
    { key: 'due', header: msg('Termin płatności'), cell: (doc) => formatDate(doc.dueDate) },
    { key: 'status', header: msg('Status'), cell: statusBadge },
    { key: 'pdf', header: msg('Plik'), cell: cells.pdf },
    ...(cells.complaint ? [{ key: 'complaint', header: msg('Reklamacja'), cell: cells.complaint }] : []),
  ];
}


function sortText(sort: SortOrder): string {
  switch (sort) {
    case 'issueDate':
      return msg('Data wystawienia: od najstarszych');
    case '-dueDate':
      return msg('Termin płatności: od najpóźniejszych');
    case 'dueDate':
      return msg('Termin płatności: od najwcześniejszych');
    case '-amount':
      return msg('Kwota: od najwyższych');
    case 'amount':
      return msg('Kwota: od najniższych');
    default:
      return msg('Data wystawienia: od najnowszych');
  }
}

export interface FiltersView {
  filters: InvoiceFilters;
  /** What is in the search box now (applied after a pause or on Enter). */
  search: string;
  points: readonly Point[] | undefined;
  filtered: boolean;
  onChange: (change: Partial<InvoiceFilters>) => void;
  onSearchInput: (value: string) => void;
  onSearch: () => void;
  onClear: () => void;
}

/** The filters above the list: each applies as soon as it changes (the search after a pause or Enter). */
export function filtersForm(view: FiltersView): TemplateResult {
  const { filters, onChange } = view;
  const all = msg('Wszystkie');
  const submit = (event: Event) => {
    event.preventDefault();
    view.onSearch();
  };
  return html`<form class="filters" part="filters" role="search" aria-label=${msg('Filtry dokumentów')} @submit=${submit}>
    <div class="filter">
      <label for="q">${msg('Numer dokumentu')}</label>
      <input
        id="q"
        part="filter filter-q"
        type="search"
        inputmode="search"
        autocomplete="off"
        maxlength="64"
        .value=${live(view.search)}
        @input=${(e: Event) => view.onSearchInput((e.target as HTMLInputElement).value)}
      />
    </div>
    ${select('status', msg('Status'), filters.status, [['', all], ['to-pay', statusText('to-pay')], ...STATUSES.map((s) => [s, statusText(s)] as [DocumentStatus, string])], (status) =>
      onChange({ status }),
    )}
    ${select('type', msg('Rodzaj'), filters.type, [['', all], ...TYPES.map((type) => [type, typeText(type)] as [DocumentType, string])], (type) => onChange({ type }))}
    ${periodFilter({ label: msg('Okres wystawienia'), value: filters, onChange })}
    ${view.points && view.points.length > 1
      ? select('point', msg('Punkt poboru'), filters.pointId, [['', all], ...view.points.map((p) => [p.id, `${p.name} (${p.code})`] as [string, string])], (pointId) =>
          onChange({ pointId }),
        )
      : nothing}
    ${select('sort', msg('Kolejność'), filters.sort, SORTS.map((s) => [s, sortText(s)] as [SortOrder, string]), (sort) => onChange({ sort }))}
    <div class="filters__actions">
      <button class="button button--secondary" part="search" type="submit">${msg('Szukaj')}</button>
      ${view.filtered ? html`<button class="button button--secondary" part="clear" type="button" @click=${view.onClear}>${msg('Wyczyść filtry')}</button>` : nothing}
    </div>
  </form>`;
}

/** A correction's number, with the link to the document it corrects (its number once that is among the rows). */
export function numberCell(doc: DocumentSummary, corrected: DocumentSummary | undefined, href: string | undefined, open: (event: MouseEvent) => void): unknown {
  if (!doc.correctsDocumentId) return doc.number;
  const text = corrected ? msg(str`Koryguje: ${corrected.number}`) : msg('Pokaż dokument korygowany');
  return html`${doc.number}
    <a class="link corrects" part="corrects-link" href=${href ?? '#'} @click=${open}>${text}</a>`;
}

/** "Reklamuj" for a document (`complaint-href`). */
export function complaintLink(doc: DocumentSummary, href: string, follow: (event: MouseEvent) => void): TemplateResult {
  return html`<a class="link" part="complaint-link" href=${href} @click=${follow}>${msg('Reklamuj')}<span class="visually-hidden"> ${doc.number}</span></a>`;
}

/** A document's PDF: the button, its download's progress, or why there is none. */
export function pdfCell(doc: DocumentSummary, progress: unknown, download: () => void): unknown {
  if (!doc.hasPdf) return html`<span class="muted">${msg('Brak PDF')}</span>`;
  return (
    progress ??
    html`<button class="button button--secondary pdf" part="pdf" type="button" @click=${download}>
      PDF<span class="visually-hidden"> ${doc.number}</span>
    </button>`
  );
}

/** A PDF the API does not have (404): what to do instead; undefined for other failures (the kit words them). */
export function pdfMissingText(error: unknown, doc: DocumentSummary): string | undefined {
  return error instanceof EbokApiError && error.status === 404
    ? msg(str`Plik PDF dokumentu ${doc.number} jest niedostępny. Jeśli go potrzebujesz, skontaktuj się z Biurem Obsługi Klienta.`)
    : undefined;
}
