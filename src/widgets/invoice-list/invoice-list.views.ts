import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import type { components } from '../../api/schema.js';
import { filterSelect as select, periodFilter } from '../../kit/filters.js';
import { SORTS, STATUSES, TYPES, type DocumentStatus, type DocumentType, type InvoiceFilters, type SortOrder } from './invoice-list.logic.js';

type Point = components['schemas']['PointOfDelivery'];

/** A half-filled circle: partly paid (only this list draws it, so it is not in the kit's icons). */
export const partialIcon = html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2" />
  <path d="M12 2a10 10 0 0 1 0 20Z" fill="currentColor" />
</svg>`;

/** A status in words, as a customer says it. */
export function statusText(status: DocumentStatus | 'to-pay'): string {
  switch (status) {
    case 'to-pay':
      return msg('Do zapłaty (wszystkie)');
    case 'unpaid':
      return msg('Niezapłacona');
    case 'partially_paid':
      return msg('Częściowo zapłacona');
    case 'overdue':
      return msg('Po terminie');
    default:
      return msg('Zapłacona');
  }
}

export function typeText(type: DocumentType): string {
  switch (type) {
    case 'correction':
      return msg('Korekta faktury');
    case 'interest_note':
      return msg('Nota odsetkowa');
    default:
      return msg('Faktura');
  }
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
