import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { ListController, listStyles, plural } from '../../controllers/list.js';
import { ApiTask } from '../../controllers/api-task.js';
import { renderEmpty, renderError, renderLoading, renderOffline } from '../../core/status.js';
import { EbokApiError } from '../../api/errors.js';
import type { components } from '../../api/schema.js';
import { formatDate, formatMoney, formatNumber, PLACEHOLDER } from '../../i18n/format.js';
import { warsawDate } from '../../i18n/calendar.js';
import { EbokWidget } from '../../kit/widget.js';
import { listWidgetStyles } from '../../kit/list.styles.js';
import { VirtualTable, tableStyles, type TableColumn } from '../../kit/table.js';
import { filterStyles } from '../../kit/filters.js';
import { replaceUrl } from '../../kit/url-state.js';
import type { DownloadController, DownloadState } from '../../kit/download.js';
import { NoticeController } from '../../kit/notice.js';
import { describeFailure, failureText } from '../../kit/failure.js';
import { icon } from '../../kit/icons.js';
import { PortalConfigController } from '../../kit/portal-config.js';
import { paymentStyles } from '../../kit/payment.styles.js';
import { DocumentSelection } from './invoice-list.pay.js';
import { invoiceListStyles } from './invoice-list.styles.js';
import { filtersForm, partialIcon, statusText, typeText } from './invoice-list.views.js';
import {
  documentQuery,
  filtersFromUrl,
  isFiltered,
  normalizeFilters,
  NO_FILTERS,
  pdfFilename,
  percent,
  statusLook,
  urlWithFilters,
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
/** The pause after typing in the search box before the list asks again. */
const SEARCH_PAUSE_MS = 500;

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
  static override styles = [EbokWidget.styles, tableStyles, listStyles, filterStyles, paymentStyles, listWidgetStyles, invoiceListStyles];

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

  /** What is in the search box (applied after a pause): never lost while the list reloads. */
  @state() private search = '';

  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly table = new VirtualTable<DocumentSummary>(this, { rowHeight: 60, cards: 'wide', rowFocus: true });
  private readonly notices = new NoticeController(this);

  readonly list: ListController<DocumentSummary, Query> = new ListController<DocumentSummary, Query>(this, {
    load: (client, { cursor, limit, args }, signal) => client.get('/documents', { params: { query: { ...args, ...(cursor ? { cursor } : {}), limit } }, signal }),
    args: () => documentQuery(this.filters, warsawDate(new Date())),
    limit: PAGE,
    key: (doc) => doc.id,
    announce: ({ loaded, total, pages }) => (pages === 1 ? this.countText(total ?? loaded, total === undefined && loaded > 0) : undefined),
    failure: (error) => this.failureMessage(error),
  });

  /** The points of delivery, for the filter; the list works without them. */
  private readonly points: ApiTask<readonly Point[]> = new ApiTask<readonly Point[]>(this, {
    load: async (client, signal) => (await client.get('/points', { params: { query: { limit: 100 } }, signal })).items,
  });

  /** Payments (on or off, the cap, the fee note); the list works without them. */
  readonly config: PortalConfigController = new PortalConfigController(this, { optional: true });

  /** The documents chosen for payment, and paying them. */
  private readonly selection = new DocumentSelection(this);
  private selectionSeen: readonly DocumentSummary[] | undefined;

  /** PDF downloads: the code comes with the first click (most visits download nothing). */
  private downloads: DownloadController | undefined;

  /** The filters as the attributes say them now, cleaned. */
  get filters(): InvoiceFilters {
    return normalizeFilters({
      status: this.status,
      type: this.type,
      period: this.period,
      from: this.from,
      to: this.to,
      pointId: this.pointId,
      q: this.q,
      sort: this.sort,
    });
  }

  /** Sets filters as the customer would (the list starts over; the attributes and, with `url-state`, the address follow). */
  setFilters(change: Partial<InvoiceFilters>): void {
    const next = normalizeFilters({ ...this.filters, ...change });
    this.status = next.status;
    this.type = next.type;
    this.period = next.period;
    this.from = next.from;
    this.to = next.to;
    this.pointId = next.pointId;
    this.q = next.q;
    this.sort = next.sort;
    if ('q' in change) this.search = next.q;
    this.writeUrl(next);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.urlState) {
      // The address wins over the attributes: it is where the customer was (a reload, Back, a shared link).
      const fromUrl = filtersFromUrl(location.search);
      if (fromUrl) Object.assign(this, normalizeFilters({ ...NO_FILTERS, ...fromUrl }));
    }
    this.search = this.q;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('q') && this.q !== this.search && !this.searchTimer) this.search = this.q;
    const items = this.list.status === 'complete' ? this.list.items : undefined;
    if (items && items !== this.selectionSeen) {
      this.selectionSeen = items;
      this.selection.update(items);
    }
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
    const list = this.list;
    // (After this update, not inside it: a request changes the state the update just rendered.)
    if (list.status === 'complete' && list.hasMore && list.more === 'idle' && this.table.range.end >= list.items.length - AHEAD) queueMicrotask(list.loadMore);
  }

  override render() {
    const status = this.list.status;
    const signedIn = status !== 'signed-out' && status !== 'no-api';
    return html`<section class="base" part="base" aria-labelledby="title" aria-busy=${status === 'pending' || this.list.more === 'loading' ? 'true' : 'false'}>
      <div class="header">
        ${this.heading(msg('Faktury i dokumenty'), { id: 'title' })}
        ${status === 'complete' && this.list.items.length ? html`<p class="count" part="count">${this.countText(this.list.count ?? this.list.items.length, this.list.count === undefined)}</p>` : nothing}
      </div>
      ${signedIn ? this.renderFilters() : nothing} ${signedIn && this.canPay ? this.selection.render(this.config.value) : nothing} ${this.list.renderAnnouncement()} ${this.notices.renderLiveRegion()} ${this.renderDownloads()}
      ${this.list.render({
        pending: () => renderLoading(msg('dokumenty')),
        complete: (items) => (items.length ? html`${this.renderTable(items)} ${this.list.renderMore()}` : this.renderNothing()),
        error: (error, retry) => renderError({ message: this.failureMessage(error), onRetry: retry }),
        offline: (retry) => renderOffline(retry),
        signedOut: () => html`<p>${msg('Zaloguj się, aby zobaczyć faktury i pobrać je w PDF.')}</p>
          <div class="actions">${this.loginLink(msg('Zaloguj się'))}</div>`,
        noApi: () => renderError({ message: msg('Dokumenty są chwilowo niedostępne.') }),
      })}
    </section>`;
  }

  private failureMessage(error: unknown): string {
    const failed = msg('Nie udało się wczytać dokumentów.');
    return failureText(describeFailure(error, { failed, unavailable: failed }));
  }

  private countText(count: number, atLeast: boolean): string {
    const n = formatNumber(count);
    if (atLeast) return msg(str`Dokumentów: co najmniej ${n}`);
    return plural(count, {
      one: msg(str`${n} dokument`, { id: 'ebok-invoice-list-count-one' }),
      few: msg(str`${n} dokumenty`, { id: 'ebok-invoice-list-count-few' }),
      many: msg(str`${n} dokumentów`, { id: 'ebok-invoice-list-count-many' }),
      other: msg(str`${n} dokumentu`, { id: 'ebok-invoice-list-count-other' }),
    });
  }

  private renderFilters(): TemplateResult {
    const filters = this.filters;
    return filtersForm({
      filters,
      search: this.search,
      points: this.points.status === 'complete' ? this.points.value : undefined,
      filtered: isFiltered(filters),
      onChange: (change) => this.setFilters(change),
      onSearchInput: (value) => {
        this.search = value;
        clearTimeout(this.searchTimer);
        this.searchTimer = setTimeout(() => {
          this.searchTimer = undefined;
          this.applySearch();
        }, SEARCH_PAUSE_MS);
      },
      onSearch: () => this.applySearch(),
      onClear: () => this.setFilters({ ...NO_FILTERS, sort: filters.sort }),
    });
  }

  private applySearch(): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
    if (this.search.trim() !== this.q) this.setFilters({ q: this.search });
  }

  private renderNothing(): TemplateResult {
    if (!isFiltered(this.filters)) return renderEmpty(msg('Nie masz jeszcze żadnych dokumentów.'));
    return html`${renderEmpty(msg('Żaden dokument nie spełnia wybranych warunków.'))}
      <div class="actions">
        <button class="button button--secondary" type="button" @click=${() => this.setFilters({ ...NO_FILTERS, sort: this.filters.sort })}>${msg('Pokaż wszystkie dokumenty')}</button>
      </div>`;
  }

  private renderTable(items: readonly DocumentSummary[]): TemplateResult {
    return this.table.render({
      label: msg('Faktury i dokumenty'),
      columns: this.columns(items),
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

  private columns(items: readonly DocumentSummary[]): readonly TableColumn<DocumentSummary>[] {
    const money = (m: { amount: string; currency: string }) => formatMoney(m.amount, { currency: m.currency });
    const byId = this.documentsById(items);
    return [
      ...(this.canPay ? [{ key: 'choose', header: msg('Do zapłaty'), cell: (doc: DocumentSummary) => this.selection.renderCheckbox(doc) }] : []),
      { key: 'number', header: msg('Numer'), rowHeader: true, cell: (doc) => this.renderNumber(doc, byId) },
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
      { key: 'status', header: msg('Status'), cell: (doc) => this.renderStatus(doc) },
      { key: 'pdf', header: msg('Plik'), cell: (doc) => this.renderPdf(doc) },
    ];
  }

  private byId: { items: readonly DocumentSummary[]; map: Map<string, DocumentSummary> } | undefined;

  /** The loaded documents by id (for a correction's link), built once per page of items, not once per frame. */
  private documentsById(items: readonly DocumentSummary[]): ReadonlyMap<string, DocumentSummary> {
    if (this.byId?.items !== items) {
      const map = new Map<string, DocumentSummary>();
      for (const doc of items) map.set(doc.id, doc);
      this.byId = { items, map };
    }
    return this.byId.map;
  }

  private renderNumber(doc: DocumentSummary, byId: ReadonlyMap<string, DocumentSummary>): unknown {
    const corrected = doc.correctsDocumentId;
    if (!corrected) return doc.number;
    const target = byId.get(corrected);
    const href = this.documentHref?.replaceAll('{id}', encodeURIComponent(corrected));
    const text = target ? msg(str`Koryguje: ${target.number}`) : msg('Pokaż dokument korygowany');
    return html`${doc.number}
      <a class="link corrects" part="corrects-link" href=${href ?? '#'} @click=${(event: MouseEvent) => this.openCorrected(event, corrected, href)}>${text}</a>`;
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

  private renderStatus(doc: DocumentSummary): TemplateResult {
    const look = statusLook(doc.status);
    return html`<span class="doc-status tone-${look.tone}" part="status-badge">${look.icon === 'partial' ? partialIcon : icon(look.icon)}<span>${statusText(doc.status)}</span></span>`;
  }

  private renderPdf(doc: DocumentSummary): unknown {
    if (!doc.hasPdf) return html`<span class="muted">${msg('Brak PDF')}</span>`;
    const download = this.downloads?.state(doc.id);
    if (download?.phase === 'running') {
      const done = percent(download.loaded, download.total);
      const label = msg(str`Pobieranie PDF ${doc.number}`);
      return html`<span class="pdf-progress" part="download">
        <span aria-hidden="true">${done === undefined ? msg('Pobieranie…') : `${done}%`}</span>
        ${done === undefined ? html`<progress aria-label=${label}></progress>` : html`<progress aria-label=${label} max="100" .value=${done}></progress>`}
      </span>`;
    }
    return html`<button class="button button--secondary pdf" part="pdf" type="button" @click=${() => void this.download(doc)}>
      PDF<span class="visually-hidden"> ${doc.number}</span>
    </button>`;
  }

  private async download(doc: DocumentSummary): Promise<void> {
    if (!this.downloads) {
      const { DownloadController } = await import('../../kit/download.js');
      this.downloads ??= new DownloadController(this, { saved: (_request, name) => this.notices.announce(msg(str`Pobrano plik ${name}.`)) });
    }
    this.downloads.start({
      key: doc.id,
      label: doc.number,
      fallbackName: pdfFilename(doc.number),
      load: (client, signal, read) => client.download('/documents/{documentId}/pdf', { params: { path: { documentId: doc.id } }, signal }, read),
      describe: (error) =>
        error instanceof EbokApiError && error.status === 404
          ? msg(str`Plik PDF dokumentu ${doc.number} jest niedostępny. Jeśli go potrzebujesz, skontaktuj się z Biurem Obsługi Klienta.`)
          : undefined,
    });
  }

  /** Downloads that failed or wait for a new login, each with what to do. */
  private renderDownloads(): unknown {
    const shown = this.downloads?.all.filter((d) => d.phase !== 'running') ?? [];
    const general = this.notices.render();
    if (!shown.length) return general;
    return html`${general}
      <div class="downloads">${shown.map((d) => this.renderDownloadProblem(d))}</div>`;
  }

  private renderDownloadProblem(download: Readonly<DownloadState>): TemplateResult {
    const waiting = download.phase === 'waiting-login';
    const doc = this.list.items.find((d) => d.id === download.key);
    return html`<div class="notice notice--${waiting ? 'warning' : 'error'}" part="download notice">
      ${icon(waiting ? 'clock' : 'error')}
      <div class="notice__body">
        <p role="alert">${download.message}</p>
        <div class="notice__actions">
          ${!waiting && doc
            ? html`<button class="button button--secondary" type="button" @click=${() => void this.download(doc)}>
                ${msg('Spróbuj ponownie')}<span class="visually-hidden"> ${download.label}</span>
              </button>`
            : nothing}
          ${waiting ? this.loginLink(msg('Zaloguj się'), 'link') : nothing}
          <button class="button button--secondary" type="button" @click=${() => this.downloads?.dismiss(download.key)}>
            ${waiting ? msg('Nie pobieraj') : msg('Zamknij')}<span class="visually-hidden"> ${download.label}</span>
          </button>
        </div>
      </div>
    </div>`;
  }

  /** Keeps the widget's parameters in the page's address (`url-state`), leaving the host's own as they are. */
  private writeUrl(filters: InvoiceFilters): void {
    if (!this.urlState) return;
    replaceUrl(urlWithFilters(location.href, filters));
  }
}
