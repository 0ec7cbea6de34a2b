import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { ListController, listStyles, plural } from '../../controllers/list.js';
import { renderEmpty, renderError, renderLoading, renderOffline } from '../../core/status.js';
import { formatDate, formatMoney, formatNumber } from '../../i18n/format.js';
import { warsawDate } from '../../i18n/calendar.js';
import { EbokWidget } from '../../kit/widget.js';
import { listWidgetStyles } from '../../kit/list.styles.js';
import { VirtualTable, tableStyles, type TableColumn } from '../../kit/table.js';
import { describeFailure, failureText } from '../../kit/failure.js';
import { filterStyles, periodFilter } from '../../kit/filters.js';
import type { PeriodChoice } from '../../kit/period.js';
import { FilterState } from '../../kit/url-state.js';
import { icon } from '../../kit/icons.js';
import { paymentHistoryStyles } from './payment-history.styles.js';
import { methodText, statusText } from './payment-history.views.js';
import {
  documentLink,
  isFiltered,
  normalizeFilters,
  NO_FILTERS,
  paymentDocuments,
  paymentLook,
  paymentQuery,
  URL_NAMES,
  type PaymentFilters,
  type PaymentItem,
  type PaymentQuery,
  type PaymentStatus,
} from './payment-history.logic.js';

type Query = Omit<PaymentQuery, 'cursor' | 'limit'>;

/** Items per page: a screenful and more on a desktop, few enough to arrive fast on a phone. */
const PAGE = 50;
/** Load the next page when the rows rendered come this close to the last loaded one. */
const AHEAD = 10;

/**
 * The customer's payment history (seeds 001, 004: "historia wpłat"): online payments made in the portal and
 * payments received by other means (bank transfer, post office), newest first, each with its date (Polish
 * time), amount, method and status (in words, with an icon and a colour) and the documents it was for. A
 * declined, cancelled or expired attempt says that no money came (its amount struck through, in words too).
 *
 * The period (`period`, or `from`/`to`) comes from attributes, so a host can link to "last year"; with `url-state`
 * it is also kept in the page's address (`?ebok-payments-period=last-year`, next to the host's own parameters).
 * Pages come from the API as the list scrolls; only the rows on screen are rendered; under about 600 px the rows
 * are cards.
 *
 * Keyboard: Tab reaches the period filter, the list (one stop: the last focused row) and the document links in
 * the rows on screen; in the list ↑/↓, Page Up/Down, Home/End move between rows.
 *
 * @customElement ebok-payment-history
 * @fires ebok-navigate - A document's number (`target: 'document'`, `params.documentId`), followed to `document-href`
 *   unless cancelled; or "Log in" (`target: 'login'`). Cancelable: a single-page app routes it itself.
 * @fires ebok-error - A page of the history could not be loaded (the error shown to the customer).
 * @csspart base - The whole history.
 * @csspart heading - Its title.
 * @csspart count - How many payments the period has.
 * @csspart filters - The filter form.
 * @csspart filter - Each control of the filters, also `filter-<name>` (`filter-period`, `filter-from`, `filter-to`).
 * @csspart clear - "Clear filters" (in the form, and under "no payments in this period").
 * @csspart table - The table.
 * @csspart caption - The table's caption (for screen readers).
 * @csspart header-row - The row of column headers.
 * @csspart header - A column header, also `header-<column>`.
 * @csspart row - A payment's row (a card under about 600 px).
 * @csspart cell - A cell, also `cell-<column>`: `cell-date`, `cell-amount`, `cell-method`, `cell-status`, `cell-documents`.
 * @csspart status-badge - A payment's status (icon and words).
 * @csspart amount-note - Under an amount that did not reach the utility: why ("not received").
 * @csspart document-link - A document's number, linking to it.
 * @csspart more - The footer that loads further pages.
 * @cssprop --ebok-payment-history-paid-color - Tone of "received" (default: the success token).
 * @cssprop --ebok-payment-history-pending-color - Tone of "awaiting confirmation" (default: the info token).
 * @cssprop --ebok-payment-history-declined-color - Tone of "declined" (default: the danger token).
 * @cssprop --ebok-payment-history-cancelled-color - Tone of "cancelled" (default: the muted text token).
 * @cssprop --ebok-payment-history-expired-color - Tone of "expired" (default: the warning token).
 * @cssprop --ebok-payment-history-filters-bg - Background of the filters.
 */
export class EbokPaymentHistory extends EbokWidget {
  static override styles = [EbokWidget.styles, tableStyles, listStyles, filterStyles, listWidgetStyles, paymentHistoryStyles];

  /** Period of the payments' date: `this-year`, `last-year`, `last-12-months`, `custom` (with `from`/`to`); empty for any. */
  @property({ reflect: true }) period: PeriodChoice = '';
  /** First day (`YYYY-MM-DD`, Polish calendar); alone it means `period="custom"`. */
  @property({ reflect: true }) from = '';
  /** Last day (`YYYY-MM-DD`). */
  @property({ reflect: true }) to = '';
  /** Keep the period in the page's address too (`?ebok-payments-period=…`), so that a reload or a shared link keeps it. */
  @property({ type: Boolean, attribute: 'url-state' }) urlState = false;
  /** Where a document's number leads; `{id}` is replaced by the document's id. Without it the number fires `ebok-navigate` only. */
  @property({ attribute: 'document-href' }) documentHref?: string;

  private readonly table = new VirtualTable<PaymentItem>(this, { rowHeight: 60, cards: 'wide', rowFocus: true });

  readonly list: ListController<PaymentItem, Query> = new ListController<PaymentItem, Query>(this, {
    load: (client, { cursor, limit, args }, signal) => client.get('/payments', { params: { query: { ...args, ...(cursor ? { cursor } : {}), limit } }, signal }),
    args: () => paymentQuery(this.filters, warsawDate(new Date())),
    limit: PAGE,
    key: (payment) => payment.id,
    countText: (count, atLeast) => this.countText(count, atLeast),
    failure: (error) => this.failureMessage(error),
  });

  /** The period: the attributes, and the address with `url-state`. */
  private readonly filterState: FilterState<PaymentFilters> = new FilterState<PaymentFilters>(this, {
    empty: NO_FILTERS,
    normalize: normalizeFilters,
    names: URL_NAMES,
    urlState: () => this.urlState,
  });

  /** The filters as the attributes say them now, cleaned. */
  get filters(): PaymentFilters {
    return this.filterState.value;
  }

  /** Sets filters as the customer would (the list starts over; the attributes and, with `url-state`, the address follow). */
  setFilters(change: Partial<PaymentFilters>): void {
    this.filterState.set(change);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.list.loadAhead(this.table.range.end, AHEAD);
  }

  override render() {
    const status = this.list.status;
    const signedIn = status !== 'signed-out' && status !== 'no-api';
    return html`<section class="base" part="base" aria-labelledby="title" aria-busy=${this.list.busy ? 'true' : 'false'}>
      <div class="header">
        ${this.heading(msg('Historia wpłat'), { id: 'title' })}
        ${this.list.renderCount()}
      </div>
      ${signedIn ? this.renderFilters() : nothing} ${this.list.renderAnnouncement()}
      ${this.list.render({
        pending: () => renderLoading(msg('historia wpłat')),
        complete: (items) => (items.length ? html`${this.renderTable(items)} ${this.list.renderMore()}` : this.renderNothing()),
        error: (error, retry) => renderError({ message: this.failureMessage(error), onRetry: retry }),
        offline: (retry) => renderOffline(retry),
        signedOut: () => this.renderSignedOut(),
        noApi: () => renderError({ message: msg('Historia wpłat jest chwilowo niedostępna.') }),
      })}
    </section>`;
  }

  private failureMessage(error: unknown): string {
    const failed = msg('Nie udało się wczytać historii wpłat.');
    return failureText(describeFailure(error, { failed, unavailable: failed }));
  }

  private renderSignedOut(): TemplateResult {
    const ended = this.client?.session.endedBy;
    // A session that ended (a 401, the idle timeout, another tab) says so: the customer was here a moment ago.
    const text =
      ended && ended !== 'logout'
        ? msg('Twoja sesja wygasła. Zaloguj się ponownie, aby zobaczyć historię wpłat.')
        : msg('Zaloguj się, aby zobaczyć historię wpłat.');
    return html`<p>${text}</p>
      <div class="actions">${this.loginLink(msg('Zaloguj się'))}</div>`;
  }

  private countText(count: number, atLeast: boolean): string {
    const n = formatNumber(count);
    if (atLeast) return msg(str`Płatności: co najmniej ${n}`);
    return plural(count, {
      one: msg(str`${n} płatność`, { id: 'ebok-payment-history-count-one' }),
      few: msg(str`${n} płatności`, { id: 'ebok-payment-history-count-few' }),
      many: msg(str`${n} płatności`, { id: 'ebok-payment-history-count-many' }),
      other: msg(str`${n} płatności`, { id: 'ebok-payment-history-count-other' }),
    });
  }

  private renderFilters(): TemplateResult {
    const filters = this.filters;
    return html`<form class="filters" part="filters" aria-label=${msg('Filtry historii wpłat')} @submit=${(e: Event) => e.preventDefault()}>
      ${periodFilter({ label: msg('Okres wpłat'), value: filters, onChange: (change) => this.setFilters(change) })}
      ${isFiltered(filters)
        ? html`<div class="filters__actions">
            <button class="button button--secondary" part="clear" type="button" @click=${() => this.setFilters(NO_FILTERS)}>${msg('Wyczyść filtry')}</button>
          </div>`
        : nothing}
    </form>`;
  }

  private renderNothing(): TemplateResult {
    if (!isFiltered(this.filters)) return renderEmpty(msg('Nie masz jeszcze żadnych wpłat.'));
    return html`${renderEmpty(msg('Brak wpłat w wybranym okresie.'))}
      <div class="actions">
        <button class="button button--secondary" part="clear" type="button" @click=${() => this.setFilters(NO_FILTERS)}>${msg('Pokaż wpłaty z każdego okresu')}</button>
      </div>`;
  }

  private renderTable(items: readonly PaymentItem[]): TemplateResult {
    return this.table.render({
      label: msg('Historia wpłat'),
      columns: this.columns(),
      items,
      count: this.list.count,
      key: (payment) => payment.id,
    });
  }

  private columns(): readonly TableColumn<PaymentItem>[] {
    return [
      { key: 'date', header: msg('Data'), rowHeader: true, cell: (payment) => formatDate(payment.createdAt) },
      { key: 'amount', header: msg('Kwota'), align: 'end', cell: (payment) => this.renderAmount(payment) },
      { key: 'method', header: msg('Sposób'), cell: (payment) => methodText(payment.method) },
      { key: 'status', header: msg('Status'), cell: (payment) => this.renderStatus(payment.status) },
      { key: 'documents', header: msg('Dokumenty'), cell: (payment) => this.renderDocuments(payment) },
    ];
  }

  private renderAmount(payment: PaymentItem): TemplateResult {
    const look = paymentLook(payment.status);
    const amount = formatMoney(payment.amount.amount, { currency: payment.amount.currency });
    if (look.received) return html`<span class="amount__value">${amount}</span>`;
    // Never read as money received: the words say so, not only the strike-through and the grey.
    const note = look.pending ? msg('jeszcze nie zaksięgowana') : msg('nie wpłynęła');
    return html`<span class="amount amount--${look.pending ? 'pending' : 'not-received'}"
      ><span class="amount__value">${amount}</span> <span class="amount__note" part="amount-note">(${note})</span></span
    >`;
  }

  private renderStatus(status: PaymentStatus): TemplateResult {
    const look = paymentLook(status);
    return html`<span class="pay-status tone-${look.tone}" part="status-badge">${icon(look.icon)}<span>${statusText(status)}</span></span>`;
  }

  private renderDocuments(payment: PaymentItem): TemplateResult {
    const shown = paymentDocuments(payment);
    if (shown.kind === 'none') return html`<span class="muted">${msg('Nie przypisano do dokumentu')}</span>`;
    if (shown.kind === 'count') {
      const n = formatNumber(shown.count);
      return html`${plural(shown.count, {
        one: msg(str`Za ${n} dokument`, { id: 'ebok-payment-history-documents-one' }),
        few: msg(str`Za ${n} dokumenty`, { id: 'ebok-payment-history-documents-few' }),
        many: msg(str`Za ${n} dokumentów`, { id: 'ebok-payment-history-documents-many' }),
        other: msg(str`Za ${n} dokumentu`, { id: 'ebok-payment-history-documents-other' }),
      })}`;
    }
    return html`<ul class="docs">
      ${shown.documents.map((doc) => {
        const href = documentLink(this.documentHref, doc.id);
        return html`<li>
          <a class="link" part="document-link" href=${href ?? '#'} @click=${(event: MouseEvent) => this.navigate(event, 'document', href, { documentId: doc.id })}
            >${doc.number}</a
          >
        </li>`;
      })}
    </ul>`;
  }
}
