import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { ListController, listStyles } from '../../controllers/list.js';
import { ApiTask } from '../../controllers/api-task.js';
import { renderError, renderLoading, renderOffline } from '../../core/status.js';
import type { components } from '../../api/schema.js';
import { warsawDate } from '../../i18n/calendar.js';
import { EbokWidget } from '../../kit/widget.js';
import { listWidgetStyles } from '../../kit/list.styles.js';
import { VirtualTable, tableStyles, type TableColumn } from '../../kit/table.js';
import { filterStyles } from '../../kit/filters.js';
import { FilterState } from '../../kit/url-state.js';
import { SearchController } from '../../kit/search.js';
import { downloadStyles, LazyDownloads } from '../../kit/lazy-downloads.js';
import { NoticeController } from '../../kit/notice.js';
import { describeFailure } from '../../kit/failure.js';
import { PortalConfigController } from '../../kit/portal-config.js';
import { paymentStyles } from '../../kit/payment.styles.js';
import { DocumentSelection } from './invoice-list.pay.js';
import { invoiceListStyles } from './invoice-list.styles.js';
import { complaintLink, documentColumns, documentCountText, filtersForm, loadFailureText, nothingToShow, numberCell, pdfCell, pdfMissingText } from './invoice-list.views.js';
import {
  complaintHref,
  documentQuery,
  isDefaultParam,
  isFiltered,
  normalizeFilters,
  NO_FILTERS,
  pdfFilename,
  statusLook,
  URL_NAMES,
  type DocumentQuery,
  type DocumentSummary,
  type InvoiceFilters,
  type PeriodChoice,
  type SortOrder,
  type StatusFilter,
  type TypeFilter,
} from './invoice-list.logic.js';

type Point = components['schemas']['PointOfDelivery'];
type Query = Omit<DocumentQuery, 'cursor' | 'limit'>;

/** Items per page: a screenful and more on a desktop, few enough to arrive fast on a phone. */
const PAGE = 50;
/** Load the next page when the rows rendered come this close to the last loaded one. */
const AHEAD = 10;

/**
 * The customer's financial documents of all contracts (seeds 000, 002, 004: "Faktury"): invoices, corrections
 * and interest notes, with number, type, issue date, period, amount, what remains, due date and status (in
 * words, with an icon and a colour), and each one's PDF.
 *
 * Filters (status, type, issue period, point of delivery, number) and the order come from attributes, so a host
 * can link to "to pay" (`status="to-pay"`); with `url-state` they are also kept in the page's address
 * (`?ebok-status=to-pay`, next to the host's own parameters, with `history.replaceState`). Pages come from the API
 * as the list scrolls; only the rows on screen are rendered; under about 600 px the rows are cards.
 *
 * Payable documents (of any contract) can be chosen — their checkbox, or Space on the focused row — and paid in
 * one transaction through the same confirmation and payment operator as the balance tile, within the portal's
 * per-transaction cap; the sum follows the choice live. Back from the operator the list (and a tile on the page)
 * shows the new state.
 *
 * Keyboard: Tab reaches the filters, the list (one stop: the last focused row) and the actions in the rows on
 * screen; in the list ↑/↓, Page Up/Down, Home/End move between rows, Space chooses the row's document to pay.
 *
 * @customElement ebok-invoice-list
 * @fires ebok-navigate - A correction's link to the document it corrects (`target: 'document'`, `params.documentId`),
 *   "Reklamuj" (`target: 'complaint'`, `params.documentId`, with `complaint-href`),
 *   or "Log in" (`target: 'login'`); cancelable: without `document-href`, the list itself shows the corrected document.
 * @fires ebok-payment-start - A payment of the chosen documents was created; cancelable to open `detail.redirectUrl` yourself.
 * @fires ebok-payment-result - Back from the operator after a payment this list started: `detail.status`.
 * @fires ebok-error - An error was shown to the customer (a page that failed, a PDF that could not be downloaded).
 * @csspart base - The whole list.
 * @csspart heading - Its title.
 * @csspart count - How many documents match.
 * @csspart filters - The filters form; each control is `filter` and `filter-<name>` (`q`, `status`, `type`, `period`, `from`, `to`, `point`, `sort`).
 * @csspart filter - Each filter control.
 * @csspart filter-q - The search by number (and likewise `filter-status`, `filter-type`, `filter-period`, `filter-from`, `filter-to`, `filter-point`, `filter-sort`).
 * @csspart search - The search button.
 * @csspart clear - "Clear filters".
 * @csspart table - The table.
 * @csspart caption - The table's caption.
 * @csspart header-row - The row of column headers; each header cell is `header`.
 * @csspart header - A column header.
 * @csspart row - A document's row (a card under about 600 px).
 * @csspart cell - A cell; also `cell-<column>` (`choose`, `number`, `type`, `issued`, `period`, `amount`, `remaining`, `due`, `status`, `pdf`).
 * @csspart corrects-link - A correction's link to the document it corrects.
 * @csspart status-badge - A document's status.
 * @csspart pdf - A document's PDF button.
 * @csspart complaint-link - A document's "Reklamuj" link (with `complaint-href`).
 * @csspart download - A download's progress or problem.
 * @csspart more - The footer that loads further pages.
 * @csspart choose - A document's checkbox to choose it for payment.
 * @csspart selection - The sum of the chosen documents.
 * @csspart pay - "Pay the chosen".
 * @csspart clear-selection - "Clear the choice".
 * @csspart dialog - The payment confirmation (its button: `confirm`).
 * @csspart result - The payment's outcome, back from the operator.
 * @cssprop --ebok-invoice-list-paid-color - Tone of "paid" (default: the success token).
 * @cssprop --ebok-invoice-list-unpaid-color - Tone of "unpaid" (default: the info token).
 * @cssprop --ebok-invoice-list-partial-color - Tone of "partly paid" (default: the warning token).
 * @cssprop --ebok-invoice-list-overdue-color - Tone of "overdue" (default: the danger token).
 * @cssprop --ebok-invoice-list-filters-bg - Background of the filters.
 */
export class EbokInvoiceList extends EbokWidget {
  static override styles = [EbokWidget.styles, tableStyles, listStyles, filterStyles, paymentStyles, downloadStyles, listWidgetStyles, invoiceListStyles];

  /** Status: `to-pay` (unpaid, partly paid and overdue), `unpaid`, `partially_paid`, `overdue`, `paid`; empty for all. */
  @property({ reflect: true }) status: StatusFilter = '';
  /** Type: `invoice`, `correction`, `interest_note`; empty for all. */
  @property({ reflect: true }) type: TypeFilter = '';
  /** Issue period: `this-year`, `last-year`, `last-12-months`, `custom` (with `from`/`to`); empty for any. */
  @property({ reflect: true }) period: PeriodChoice = '';
  /** First issue date (`YYYY-MM-DD`, Polish calendar); alone it means `period="custom"`. */
  @property({ reflect: true }) from = '';
  /** Last issue date (`YYYY-MM-DD`). */
  @property({ reflect: true }) to = '';
  /** Only the documents of this point of delivery (its id). */
  @property({ reflect: true, attribute: 'point-id' }) pointId = '';
  /** Part of a document number. */
  @property({ reflect: true }) q = '';
  /** Order: `-issueDate` (default, newest first), `issueDate`, `-dueDate`, `dueDate`. */
  @property({ reflect: true }) sort: SortOrder = '-issueDate';
  /** Keep the filters in the page's address too (`?ebok-status=…`), so that a reload or a shared link keeps them. */
  @property({ type: Boolean, attribute: 'url-state' }) urlState = false;
  /** Where a correction's link to the corrected document leads; `{id}` is replaced by the document's id. */
  @property({ attribute: 'document-href' }) documentHref?: string;
  /**
   * A page with `<ebok-ticket-form url-state>`: each document gets "Reklamuj", which opens it with the complaint and
   * the document chosen (`?ebok-category=complaint&ebok-document=<id>`; or `{id}` in the address is replaced).
   */
  @property({ attribute: 'complaint-href' }) complaintHref?: string;

  /** What is in the search box (applied after a pause): never lost while the list reloads. */
  private readonly search = new SearchController(this, { apply: (q) => this.setFilters({ q }) });
  private readonly table = new VirtualTable<DocumentSummary>(this, { rowHeight: 60, cards: 'wide', rowFocus: true });
  private readonly notices = new NoticeController(this);

  readonly list: ListController<DocumentSummary, Query> = new ListController<DocumentSummary, Query>(this, {
    load: (client, { cursor, limit, args }, signal) => client.get('/documents', { params: { query: { ...args, ...(cursor ? { cursor } : {}), limit } }, signal }),
    args: () => documentQuery(this.filters, warsawDate(new Date())),
    limit: PAGE,
    key: (doc) => doc.id,
    countText: documentCountText,
    failure: loadFailureText,
  });

  /** The points of delivery, for the filter; the list works without them. */
  private readonly points: ApiTask<readonly Point[]> = new ApiTask<readonly Point[]>(this, {
    load: async (client, signal) => (await client.get('/points', { params: { query: { limit: 100 } }, signal })).items,
  });

  /** Payments (on or off, the cap, the fee note); the list works without them. */
  readonly config: PortalConfigController = new PortalConfigController(this, { optional: true });

  /** The documents chosen for payment, and paying them. */
  private readonly selection = new DocumentSelection(this);

  /** PDF downloads: the code comes with the first click (most visits download nothing). */
  private readonly downloads = new LazyDownloads(this, { saved: (_request, name) => this.notices.announce(msg(str`Pobrano plik ${name}.`)) });

  /** The filters: the attributes, and the address with `url-state`. */
  private readonly filterState: FilterState<InvoiceFilters> = new FilterState<InvoiceFilters>(this, {
    empty: NO_FILTERS,
    normalize: normalizeFilters,
    names: URL_NAMES,
    isDefault: isDefaultParam,
    urlState: () => this.urlState,
  });

  /** The filters as the attributes say them now, cleaned. */
  get filters(): InvoiceFilters {
    return this.filterState.value;
  }

  /** Sets filters as the customer would (the list starts over; the attributes and, with `url-state`, the address follow). */
  setFilters(change: Partial<InvoiceFilters>): void {
    const next = this.filterState.set(change);
    if ('q' in change) this.search.reset(next.q);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.search.sync(this.q);
  }

  /** The documents changed (a payment, a refusal): the list starts over from the server. */
  reloadDocuments(): void {
    this.client?.invalidate(['documents']);
    this.list.reload();
  }

  /** Says `text` once to screen readers. */
  announce(text: string): void {
    this.notices.announce(text);
  }

  /** Payments are on, or the portal has not said (the server refuses then, in words). */
  private get canPay(): boolean {
    return this.config.value?.features?.payments !== false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Scrolled (or moved by keyboard) near the last loaded row: the next page, before the customer gets there.
    this.list.loadAhead(this.table.range.end, AHEAD);
  }

  override render() {
    const status = this.list.status;
    const signedIn = status !== 'signed-out' && status !== 'no-api';
    return html`<section class="base" part="base" aria-labelledby="title" aria-busy=${this.list.busy ? 'true' : 'false'}>
      <div class="header">
        ${this.heading(msg('Faktury i dokumenty'), { id: 'title' })}
        ${this.list.renderCount()}
      </div>
      ${signedIn ? this.renderFilters() : nothing} ${signedIn && this.canPay ? this.selection.render(this.config.value) : nothing} ${this.list.renderAnnouncement()} ${this.notices.renderLiveRegion()} ${this.renderDownloads()}
      ${this.list.render({
        pending: () => renderLoading(msg('dokumenty')),
        complete: (items) =>
          items.length ? html`${this.renderTable(items)} ${this.list.renderMore()}` : nothingToShow(isFiltered(this.filters), () => this.setFilters({ ...NO_FILTERS, sort: this.filters.sort })),
        error: (error, retry) => renderError({ message: loadFailureText(error), onRetry: retry }),
        offline: (retry) => renderOffline(retry),
        signedOut: () => html`<p>${msg('Zaloguj się, aby zobaczyć faktury i pobrać je w PDF.')}</p>
          <div class="actions">${this.loginLink(msg('Zaloguj się'))}</div>`,
        noApi: () => renderError({ message: msg('Dokumenty są chwilowo niedostępne.') }),
      })}
    </section>`;
  }

  private renderFilters(): TemplateResult {
    const filters = this.filters;
    return filtersForm({
      filters,
      search: this.search.text,
      points: this.points.status === 'complete' ? this.points.value : undefined,
      filtered: isFiltered(filters),
      onChange: (change) => this.setFilters(change),
      onSearchInput: (value) => this.search.input(value),
      onSearch: () => this.search.flush(),
      onClear: () => this.setFilters({ ...NO_FILTERS, sort: filters.sort }),
    });
  }

  private renderTable(items: readonly DocumentSummary[]): TemplateResult {
    return this.table.render({
      label: msg('Faktury i dokumenty'),
      columns: this.columns(),
      items,
      count: this.list.count,
      key: (doc) => doc.id,
      rowClass: (doc) => `row--${statusLook(doc.status).tone}${this.selection.has(doc) ? ' row--chosen' : ''}`,
      onRowKey: (event, doc) => {
        // Space on the row itself (not on its PDF button or link) chooses the document.
        if (event.key !== ' ' || !this.canPay || (event.target as Element).closest('button, a, input')) return;
        event.preventDefault();
        this.selection.toggle(doc);
      },
    });
  }

  private columns(): readonly TableColumn<DocumentSummary>[] {
    return documentColumns({
      choose: this.canPay ? (doc) => this.selection.renderCheckbox(doc) : undefined,
      number: (doc) => this.renderNumber(doc),
      pdf: (doc) => this.renderPdf(doc),
      complaint: this.complaintHref ? (doc) => this.renderComplaint(doc, this.complaintHref!) : undefined,
    });
  }

  private renderNumber(doc: DocumentSummary): unknown {
    const corrected = doc.correctsDocumentId;
    const href = corrected ? this.documentHref?.replaceAll('{id}', encodeURIComponent(corrected)) : undefined;
    return numberCell(doc, corrected ? this.list.item(corrected) : undefined, href, (event) => void this.openCorrected(event, corrected!, href));
  }

  /** The link to the corrected document: the host routes it, or the browser follows `document-href`, or the list shows it. */
  private async openCorrected(event: MouseEvent, documentId: string, href: string | undefined): Promise<void> {
    if (!this.navigate(event, 'document', href, { documentId })) return;
    if (href) return;
    event.preventDefault();
    const index = this.list.items.findIndex((doc) => doc.id === documentId);
    if (index >= 0) {
      await this.table.focusRow(index);
      return;
    }
    const client = this.client;
    if (!client) return;
    try {
      const doc = await client.get('/documents/{documentId}', { params: { path: { documentId } } });
      this.setFilters({ ...NO_FILTERS, q: doc.number, sort: this.filters.sort });
    } catch (error) {
      this.notices.showFailure(describeFailure(error, { failed: msg('Nie udało się otworzyć dokumentu korygowanego.') }));
    }
  }

  private renderComplaint(doc: DocumentSummary, template: string): unknown {
    const href = complaintHref(template, doc.id, location.href);
    return complaintLink(doc, href, (event) => this.navigate(event, 'complaint', href, { documentId: doc.id, category: 'complaint' }));
  }

  private renderPdf(doc: DocumentSummary): unknown {
    return pdfCell(doc, doc.hasPdf ? this.downloads.renderProgress(doc.id, msg(str`Pobieranie PDF ${doc.number}`)) : undefined, () => this.download(doc));
  }

  private download(doc: DocumentSummary): void {
    void this.downloads.start({
      key: doc.id,
      label: doc.number,
      fallbackName: pdfFilename(doc.number),
      load: (client, signal, read) => client.download('/documents/{documentId}/pdf', { params: { path: { documentId: doc.id } }, signal }, read),
      describe: (error) => pdfMissingText(error, doc),
    });
  }

  /** The list's notices, and downloads that failed or wait for a new login, each with what to do. */
  private renderDownloads(): unknown {
    const retry = (key: string) => {
      const doc = this.list.item(key);
      return doc && (() => this.download(doc));
    };
    return html`${this.notices.render()}
    ${this.downloads.renderProblems({ retry, login: () => this.loginLink(msg('Zaloguj się'), 'link') })}`;
  }
}
