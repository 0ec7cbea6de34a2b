import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { ApiTask } from '../../controllers/api-task.js';
import { renderEmpty, renderError, renderLoading, renderOffline } from '../../core/status.js';
import { EbokApiError } from '../../api/errors.js';
import { EbokWidget } from '../../kit/widget.js';
import { listWidgetStyles } from '../../kit/list.styles.js';
import { FilterState } from '../../kit/url-state.js';
import { describeFailure, failureText } from '../../kit/failure.js';
import { NoticeController } from '../../kit/notice.js';
import { DetailFocus } from '../../kit/detail-focus.js';
import { downloadStyles, LazyDownloads } from '../../kit/lazy-downloads.js';
import { linkFor } from '../../kit/supply.js';
import { supplyStyles } from '../../kit/supply.styles.js';
import { contractCard, contractFacts, countText, documentItem, pointItem } from './contracts.views.js';
import * as logic from './contracts.logic.js';
import type { ContractDetail, ContractDocument, ContractFilters, ContractsData } from './contracts.logic.js';

/**
 * The customer's signed contracts (seed 004 "Umowy"): each with its number, product, medium, tariff, period (from –
 * to, or "na czas nieokreślony"), status in words with an icon, and its points of delivery. Opening one shows its
 * detail: its points (linked with `point-href`, `{pointId}` replaced) and its documents (the contract, annexes,
 * terms, price list), each downloaded as a PDF with its progress; a download that fails says why and offers to try
 * again, and one that meets an ended session goes on after the next login.
 *
 * With `url-state` the opened contract lives in the page's address (`?ebok-contract=ctr_…`): a link opens a contract,
 * and Back returns from it to the list, with focus on the contract left.
 *
 * @customElement ebok-contracts
 * @fires ebok-navigate - "Log in" (`target: 'login'`); cancelable.
 * @fires ebok-error - A document could not be downloaded (the problem shown).
 * @csspart base - The widget.
 * @csspart heading - Its title.
 * @csspart count - How many contracts the customer has.
 * @csspart list - The list of contracts.
 * @csspart contract - One contract in the list, also `contract-active`, `contract-pending`, `contract-terminated`.
 * @csspart contract-open - Its number, a button that opens its detail.
 * @csspart facts - A contract's facts (label and value rows).
 * @csspart medium - The medium: icon and words.
 * @csspart status-badge - The status: icon and words.
 * @csspart back - "All contracts", back from a contract to the list.
 * @csspart detail-title - The opened contract's number.
 * @csspart points - The opened contract's points of delivery.
 * @csspart contract-point - One of them.
 * @csspart point-link - Its name as a link (with `point-href`).
 * @csspart documents - The opened contract's documents.
 * @csspart document - One of them.
 * @csspart document-download - Its download button.
 * @csspart download - A download's progress or problem.
 * @csspart login - The log-in link.
 * @csspart retry - "Try again" after a failure.
 * @csspart status - Loading, empty, error and offline states.
 * @cssprop --ebok-contracts-active-color - Tone of "in force" (default: the success token).
 * @cssprop --ebok-contracts-pending-color - Tone of "signed, not in force yet" (default: the info token).
 * @cssprop --ebok-contracts-ended-color - Tone of "ended" (default: the muted text token).
 */
export class EbokContracts extends EbokWidget {
  static override styles = [EbokWidget.styles, listWidgetStyles, supplyStyles, downloadStyles];

  /** The contract whose detail is open; empty for the list. */
  @property({ attribute: 'contract-id', reflect: true }) contractId = '';
  /** Keep the opened contract in the page's address (`?ebok-contract=…`). */
  @property({ type: Boolean, attribute: 'url-state' }) urlState = false;
  /** Where a point of the contract leads, e.g. `/punkty.html?ebok-point={pointId}`. */
  @property({ attribute: 'point-href' }) pointHref?: string;

  private readonly notices = new NoticeController(this);
  private readonly filterState: FilterState<ContractFilters> = new FilterState<ContractFilters>(this, {
    empty: logic.NO_FILTERS,
    normalize: logic.normalizeFilters,
    names: logic.URL_NAMES,
    urlState: () => this.urlState,
    history: true,
  });
  private readonly data: ApiTask<ContractsData> = new ApiTask<ContractsData>(this, { load: logic.loadContractsData });
  private readonly detail: ApiTask<ContractDetail | undefined, [string]> = new ApiTask<ContractDetail | undefined, [string]>(this, {
    args: () => [this.filters.contractId],
    load: (client, signal, [id]) => logic.loadContract(client, id, signal),
  });
  private readonly downloads = new LazyDownloads(this, { saved: (_request, name) => this.notices.announce(msg(str`Pobrano plik ${name}.`)) });
  private readonly detailFocus = new DetailFocus(this, {
    title: () => this.renderRoot.querySelector<HTMLElement>('.detail__title, .detail [part="status"]'),
    opener: (id) => this.renderRoot.querySelector<HTMLElement>(`[data-contract="${CSS.escape(id)}"]`),
    heading: () => this.renderRoot.querySelector<HTMLElement>('[part="heading"]'),
    settled: () => (this.filters.contractId ? this.detail.status !== 'pending' : this.data.status !== 'pending'),
  });

  get filters(): ContractFilters {
    return this.filterState.value;
  }

  /** Opens a contract's detail (an empty id: back to the list), as the customer would; Back undoes it with `url-state`. */
  open(contractId: string): void {
    const from = this.filters.contractId;
    this.filterState.set({ contractId }, { push: true });
    this.detailFocus.switched(contractId, from);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('contractId')) this.detailFocus.follow(this.contractId, changed.get('contractId') ?? '', this.matches(':focus-within'));
  }

  override render() {
    const status = this.data.status;
    const signedIn = status !== 'signed-out' && status !== 'no-api';
    const open = signedIn && this.filters.contractId;
    const count = !open && status === 'complete' && this.data.value?.contracts.length ? html`<p class="count" part="count">${countText(this.data.value.contracts.length)}</p>` : nothing;
    return html`<section class="base" part="base" aria-labelledby="title" aria-busy=${status === 'pending' || (open && this.detail.status === 'pending') ? 'true' : 'false'}>
      <div class="header">${this.heading(msg('Umowy'), { id: 'title' })} ${count}</div>
      ${this.notices.renderLiveRegion()}
      ${open
        ? this.renderDetail()
        : this.data.render({
            pending: () => renderLoading(msg('umowy')),
            complete: (data) => this.renderList(data),
            error: (error, retry) => renderError({ message: this.failureMessage(error, msg('Nie udało się wczytać umów.')), onRetry: retry }),
            offline: (retry) => renderOffline(retry),
            signedOut: () => html`<p>${msg('Zaloguj się, aby zobaczyć swoje umowy.')}</p>
              <div class="actions">${this.loginLink(msg('Zaloguj się'))}</div>`,
            noApi: () => renderError({ message: msg('Umowy są chwilowo niedostępne.') }),
          })}
    </section>`;
  }

  private renderList(data: ContractsData): TemplateResult {
    if (data.contracts.length === 0) return renderEmpty(msg('Nie masz jeszcze podpisanych umów.'));
    const level = Math.min(6, this.level + 1);
    return html`<ul class="cards" part="list" aria-label=${msg('Umowy')}>
      ${repeat(data.contracts, (c) => c.id, (c) => contractCard(c, logic.pointsOf(c, data.points), level, () => this.open(c.id)))}
    </ul>`;
  }

  private renderDetail(): TemplateResult {
    return html`<div class="detail">
      <button class="button button--secondary back" part="back" type="button" @click=${() => this.open('')}>← ${msg('Wszystkie umowy')}</button>
      ${this.detail.render({
        pending: () => (this.detail.value?.id === this.filters.contractId ? this.renderContract(this.detail.value) : renderLoading(msg('umowę'))),
        complete: (contract) => (contract ? this.renderContract(contract) : nothing),
        error: (error, retry) =>
          error instanceof EbokApiError && error.status === 404
            ? renderError({ message: msg('Nie znaleźliśmy tej umowy. Może należy do innego konta albo link jest niepełny.') })
            : renderError({ message: this.failureMessage(error, msg('Nie udało się wczytać umowy.')), onRetry: retry }),
        offline: (retry) => renderOffline(retry),
      })}
    </div>`;
  }

  private renderContract(contract: ContractDetail): TemplateResult {
    const level = Math.min(6, this.level + 1);
    const points = logic.pointsOf(contract, this.data.value?.points ?? []);
    return html`<div class="detail__title" part="detail-title" role="heading" aria-level=${level} tabindex="-1">${msg(str`Umowa nr ${contract.number}`)}</div>
      ${contractFacts(contract, [])}
      ${points.length
        ? html`<section class="section" aria-labelledby="points-title">
            <div class="section-title" id="points-title" role="heading" aria-level=${Math.min(6, level + 1)}>${msg('Punkty poboru w tej umowie')}</div>
            <ul class="cards" part="points">
              ${points.map((p) => pointItem(p, linkFor(this.pointHref, { pointId: p.id, code: p.code, contractId: contract.id })))}
            </ul>
          </section>`
        : nothing}
      <section class="section" aria-labelledby="documents-title">
        <div class="section-title" id="documents-title" role="heading" aria-level=${Math.min(6, level + 1)}>${msg('Dokumenty umowy')}</div>
        ${this.downloads.renderProblems({ retry: (key) => this.retryOf(contract, key), login: () => this.loginLink(msg('Zaloguj się'), 'link') })} ${this.notices.render()}
        ${contract.documents.length
          ? html`<ul class="cards" part="documents">
              ${repeat(contract.documents, (d) => d.id, (d) => documentItem(d, this.renderDownload(contract, d)))}
            </ul>`
          : html`<p>${msg('Do tej umowy nie ma dokumentów do pobrania.')}</p>`}
      </section>`;
  }

  private renderDownload(contract: ContractDetail, document: ContractDocument): TemplateResult {
    return (
      this.downloads.renderProgress(document.id, msg(str`Pobieranie: ${document.title}`)) ??
      html`<button class="button button--secondary" part="document-download" type="button" @click=${() => this.download(contract, document)}>
        ${msg('Pobierz PDF')}<span class="visually-hidden">: ${document.title}</span>
      </button>`
    );
  }

  private retryOf(contract: ContractDetail, key: string): (() => void) | undefined {
    const document = contract.documents.find((d) => d.id === key);
    return document && (() => this.download(contract, document));
  }

  private download(contract: ContractDetail, document: ContractDocument): void {
    void this.downloads.start({
      key: document.id,
      label: document.title,
      fallbackName: logic.documentFilename(contract, document),
      load: (client, signal, read) =>
        client.download('/contracts/{contractId}/documents/{documentId}', { params: { path: { contractId: contract.id, documentId: document.id } }, signal }, read),
      describe: (error) =>
        error instanceof EbokApiError && error.status === 404
          ? msg(str`Dokument „${document.title}” jest niedostępny. Jeśli go potrzebujesz, skontaktuj się z Biurem Obsługi Klienta.`)
          : undefined,
    });
  }

  private failureMessage(error: unknown, failed: string): string {
    return failureText(describeFailure(error, { failed, unavailable: failed }));
  }
}
