import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { ApiTask } from '../../controllers/api-task.js';
import { renderEmpty, renderError, renderLoading, renderOffline } from '../../core/status.js';
import { EbokWidget } from '../../kit/widget.js';
import { listWidgetStyles } from '../../kit/list.styles.js';
import { filterSelect, filterStyles } from '../../kit/filters.js';
import { FilterState } from '../../kit/url-state.js';
import { SearchController } from '../../kit/search.js';
import { describeFailure, failureText } from '../../kit/failure.js';
import { NoticeController } from '../../kit/notice.js';
import { DetailFocus } from '../../kit/detail-focus.js';
import { addressText, codeLabel, fact, linkFor, mediumBadge } from '../../kit/supply.js';
import { supplyStyles } from '../../kit/supply.styles.js';
import { pointsStyles } from './points.styles.js';
import { contractText, countText, kindOptionText, meterBlock, meterNumbers, pointCard, powerText, readingText } from './points.views.js';
import * as logic from './points.logic.js';
import type { Medium, Point, PointFilters, PointsData } from './points.logic.js';

/**
 * The customer's points of delivery (seed 004 "Punkty poboru"): each with its medium in words and an icon, its name
 * and address, its PPE / PPG / connection number, its meters' numbers, tariff, contracted power and who reads the
 * meter; a search by address or number and, for a customer of several media, a medium filter; ten at a time, with
 * "show more" for a business's many points. Opening one shows its detail: the meters and their registers by zone,
 * the contract it belongs to, the distributor, and the host's links to its readings, consumption, documents,
 * contract and a tariff change (each only when its `*-href` template is set: `{pointId}`, `{code}`, `{contractId}`).
 *
 * With `url-state` the opened point and the search live in the page's address (`?ebok-point=pt_…`): a link opens a
 * point, and Back returns from it to the list, with focus on the point left.
 *
 * @customElement ebok-points
 * @fires ebok-navigate - "Log in" (`target: 'login'`); cancelable.
 * @csspart base - The widget.
 * @csspart heading - Its title.
 * @csspart count - How many points the list shows.
 * @csspart filters - The search form.
 * @csspart filter - Each control, also `filter-q`, `filter-kind`.
 * @csspart clear - "Show all points" under a search that found none.
 * @csspart list - The list of points.
 * @csspart point - One point in the list, also `point-electricity`, `point-gas`, `point-water`, `point-heat`.
 * @csspart point-open - Its name, a button that opens its detail.
 * @csspart facts - A point's facts (label and value rows).
 * @csspart medium - The medium: icon and words.
 * @csspart more - "Show more points".
 * @csspart back - "All points", back from a point to the list.
 * @csspart detail-title - The opened point's name.
 * @csspart meter - One meter of the opened point.
 * @csspart registers - Its registers (zones) as a table.
 * @csspart links - The host's links of the opened point.
 * @csspart readings-link - Its readings.
 * @csspart consumption-link - Its consumption.
 * @csspart documents-link - Its documents.
 * @csspart contract-link - Its contract.
 * @csspart tariff-change-link - A tariff change request.
 * @csspart login - The log-in link.
 * @csspart retry - "Try again" after a failure.
 * @csspart status - Loading, empty, error and offline states.
 * @cssprop --ebok-points-filters-bg - Background of the search form.
 */
export class EbokPoints extends EbokWidget {
  static override styles = [EbokWidget.styles, filterStyles, listWidgetStyles, supplyStyles, pointsStyles];

  /** The point whose detail is open; empty for the list. */
  @property({ attribute: 'point-id', reflect: true }) pointId = '';
  /** Only points whose name, address, number or meter number contains this. */
  @property({ reflect: true }) q = '';
  /** Only points of `electricity`, `gas`, `water` or `heat`; empty for all. */
  @property({ reflect: true }) kind: '' | Medium = '';
  /** Keep the opened point and the search in the page's address (`?ebok-point=…`, `?ebok-points-q=…`, `?ebok-points-kind=…`). */
  @property({ type: Boolean, attribute: 'url-state' }) urlState = false;
  /** The point's readings, e.g. `/odczyty.html?point={pointId}`. */
  @property({ attribute: 'readings-href' }) readingsHref?: string;
  /** The point's consumption chart. */
  @property({ attribute: 'consumption-href' }) consumptionHref?: string;
  /** The point's invoices, e.g. `/faktury.html?ebok-point={pointId}`. */
  @property({ attribute: 'documents-href' }) documentsHref?: string;
  /** The point's contract, e.g. `/umowy.html?ebok-contract={contractId}`. */
  @property({ attribute: 'contract-href' }) contractHref?: string;
  /** A tariff change request for the point. */
  @property({ attribute: 'tariff-change-href' }) tariffChangeHref?: string;

  /** How many points of the list are shown ("show more" adds a page). */
  @state() private shown = logic.PAGE;

  private readonly notices = new NoticeController(this);
  private readonly search = new SearchController(this, { apply: (q) => this.setFilters({ q }), pause: 300 });
  private readonly filterState: FilterState<PointFilters> = new FilterState<PointFilters>(this, {
    empty: logic.NO_FILTERS,
    normalize: logic.normalizeFilters,
    names: logic.URL_NAMES,
    urlState: () => this.urlState,
    history: true,
  });
  private readonly data: ApiTask<PointsData> = new ApiTask<PointsData>(this, { load: logic.loadPointsData });
  private readonly detailFocus = new DetailFocus(this, {
    title: () => this.renderRoot.querySelector<HTMLElement>('.detail__title, [part="status"]'),
    opener: (id) => this.renderRoot.querySelector<HTMLElement>(`[data-point="${CSS.escape(id)}"]`),
    heading: () => this.renderRoot.querySelector<HTMLElement>('[part="heading"]'),
    settled: () => this.data.status !== 'pending',
  });

  /** The search, the medium and the open point, cleaned. */
  get filters(): PointFilters {
    return this.filterState.value;
  }

  /** Changes the search or the medium as the customer would (the attributes and, with `url-state`, the address follow). */
  setFilters(change: Partial<Omit<PointFilters, 'pointId'>>): void {
    this.filterState.set(change);
    this.shown = logic.PAGE;
    const data = this.data.value;
    if (data) this.notices.announce(countText(logic.filterPoints(data.points, this.filters).length, data.points.length));
  }

  /** Opens a point's detail (an empty id: back to the list), as the customer would; Back undoes it with `url-state`. */
  open(pointId: string): void {
    const from = this.filters.pointId;
    this.filterState.set({ pointId }, { push: true });
    this.detailFocus.switched(pointId, from);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('pointId')) this.detailFocus.follow(this.pointId, changed.get('pointId') ?? '', this.matches(':focus-within'));
    this.search.sync(this.filters.q);
  }

  override render() {
    const status = this.data.status;
    const signedIn = status !== 'signed-out' && status !== 'no-api';
    const open = signedIn && this.filters.pointId;
    return html`<section class="base" part="base" aria-labelledby="title" aria-busy=${status === 'pending' ? 'true' : 'false'}>
      <div class="header">${this.heading(msg('Punkty poboru'), { id: 'title' })} ${open ? nothing : this.renderCount()}</div>
      ${this.notices.renderLiveRegion()}
      ${this.data.render({
        pending: () => renderLoading(msg('punkty poboru')),
        complete: (data) => (open ? this.renderDetail(data) : this.renderList(data)),
        error: (error, retry) => renderError({ message: this.failureMessage(error), onRetry: retry }),
        offline: (retry) => renderOffline(retry),
        signedOut: () => html`<p>${msg('Zaloguj się, aby zobaczyć swoje punkty poboru.')}</p>
          <div class="actions">${this.loginLink(msg('Zaloguj się'))}</div>`,
        noApi: () => renderError({ message: msg('Punkty poboru są chwilowo niedostępne.') }),
      })}
    </section>`;
  }

  private renderCount(): TemplateResult | typeof nothing {
    const data = this.data.value;
    if (this.data.status !== 'complete' || !data?.points.length) return nothing;
    return html`<p class="count" part="count">${countText(logic.filterPoints(data.points, this.filters).length, data.points.length)}</p>`;
  }

  private renderList(data: PointsData): TemplateResult {
    if (data.points.length === 0) return renderEmpty(msg('Nie masz jeszcze punktów poboru.'));
    const matching = logic.filterPoints(data.points, this.filters);
    const visible = matching.slice(0, this.shown);
    const level = Math.min(6, this.level + 1);
    return html`${this.renderFilters(data.points)}
    ${matching.length
      ? html`<ul class="cards" part="list" aria-label=${msg('Punkty poboru')}>
          ${repeat(visible, (p) => p.id, (p) => pointCard(p, level, () => this.open(p.id)))}
        </ul>`
      : html`${renderEmpty(msg('Żaden punkt poboru nie pasuje do wyszukiwania.'))}
          <div class="actions">
            <button class="button button--secondary" part="clear" type="button" @click=${this.clear}>${msg('Pokaż wszystkie punkty poboru')}</button>
          </div>`}
    ${matching.length > visible.length
      ? html`<div class="actions" part="more">
          <button class="button button--secondary" type="button" @click=${() => this.showMore(visible.length)}>
            ${msg(str`Pokaż kolejne punkty poboru (${matching.length - visible.length})`)}
          </button>
        </div>`
      : nothing}`;
  }

  private readonly clear = (): void => {
    this.search.reset('');
    this.setFilters({ q: '', kind: '' });
  };

  /** Shows the next page of points; focus goes to the first one that came. */
  private showMore(from: number): void {
    this.shown = from + logic.PAGE;
    void this.updateComplete.then(() => this.renderRoot.querySelectorAll<HTMLElement>('[part~="point-open"]')[from]?.focus());
  }

  private renderFilters(points: readonly Point[]): TemplateResult | typeof nothing {
    if (points.length < 2) return nothing;
    const media = logic.mediaOf(points);
    const kinds: ('' | Medium)[] = ['', ...media];
    return html`<form class="filters" part="filters" role="search" aria-label=${msg('Szukaj punktu poboru')} @submit=${(e: Event) => (e.preventDefault(), this.search.flush())}>
      <div class="filter">
        <label for="q">${msg('Adres, nazwa lub numer')}</label>
        <input
          id="q"
          part="filter filter-q"
          type="search"
          inputmode="search"
          autocomplete="off"
          maxlength="64"
          .value=${live(this.search.text)}
          @input=${(e: Event) => this.search.input((e.target as HTMLInputElement).value)}
        />
      </div>
      ${media.length > 1 ? filterSelect('kind', msg('Rodzaj'), this.filters.kind, kinds.map((k) => [k, kindOptionText(k)] as const), (kind) => this.setFilters({ kind })) : nothing}
    </form>`;
  }

  private renderDetail(data: PointsData): TemplateResult {
    const point = data.points.find((p) => p.id === this.filters.pointId);
    const back = html`<button class="button button--secondary back" part="back" type="button" @click=${() => this.open('')}>← ${msg('Wszystkie punkty poboru')}</button>`;
    if (!point) {
      return html`<div class="detail">
        ${back} ${renderError({ message: msg('Nie znaleźliśmy tego punktu poboru. Może należy do innego konta albo link jest niepełny.') })}
      </div>`;
    }
    const level = Math.min(6, this.level + 1);
    const values = logic.pointLinkValues(point);
    const contractHref = point.contractId ? linkFor(this.contractHref, values) : undefined;
    const contract = contractText(point, data.contracts);
    return html`<div class="detail">
      ${back}
      <div class="detail__title" part="detail-title" role="heading" aria-level=${level} tabindex="-1">${point.name}</div>
      <dl class="facts" part="facts">
        ${fact(msg('Rodzaj'), mediumBadge(point.kind))} ${fact(msg('Adres'), addressText(point.address))} ${fact(codeLabel(point.codeType), point.code)}
        ${fact(point.meters.length > 1 ? msg('Numery liczników') : msg('Numer licznika'), meterNumbers(point))} ${fact(msg('Taryfa'), point.tariff)}
        ${fact(msg('Moc umowna'), powerText(point))} ${fact(msg('Odczyt licznika'), readingText(point))}
        ${fact(msg('Umowa'), contractHref ? html`<a class="link" part="contract-link" href=${contractHref}>${contract}</a>` : contract)}
        ${point.distributor ? fact(msg('Operator sieci (OSD)'), point.distributor) : nothing}
      </dl>
      ${this.renderLinks(values)} ${point.meters.map((m) => meterBlock(m, Math.min(6, level + 1)))}
    </div>`;
  }

  private renderLinks(values: Record<string, string>): TemplateResult | typeof nothing {
    const links = (
      [
        ['readings-link', this.readingsHref, msg('Odczyty licznika')],
        ['consumption-link', this.consumptionHref, msg('Zużycie')],
        ['documents-link', this.documentsHref, msg('Faktury tego punktu')],
        ['tariff-change-link', this.tariffChangeHref, msg('Zmień taryfę')],
      ] as const
    )
      .map(([part, template, text]) => [part, linkFor(template, values), text] as const)
      .filter((l): l is readonly [typeof l[0], string, string] => Boolean(l[1]));
    if (!links.length) return nothing;
    return html`<ul class="links" part="links" aria-label=${msg('Sprawy tego punktu')}>
      ${links.map(([part, href, text]) => html`<li><a class="link" part=${part} href=${href}>${text}</a></li>`)}
    </ul>`;
  }

  private failureMessage(error: unknown): string {
    const failed = msg('Nie udało się wczytać punktów poboru.');
    return failureText(describeFailure(error, { failed, unavailable: failed }));
  }
}
