import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg } from '@lit/localize';
import { ApiTask } from '../../controllers/api-task.js';
import { ListController, listStyles } from '../../controllers/list.js';
import { renderEmpty, renderError, renderLoading, renderOffline } from '../../core/status.js';
import { EbokWidget } from '../../kit/widget.js';
import { listWidgetStyles } from '../../kit/list.styles.js';
import { filterSelect, filterStyles } from '../../kit/filters.js';
import { FilterState } from '../../kit/url-state.js';
import { describeFailure, failureText } from '../../kit/failure.js';
import { outagesStyles } from './outages.styles.js';
import { countText, kindText, outageItem } from './outages.views.js';
import * as logic from './outages.logic.js';
import type { Outage, OutageFilters, UtilityKind } from './outages.logic.js';

/** Interruptions per page. */
const PAGE = 20;

/**
 * Planned works and current failures of supply (seed 000: "wyłączenia i awarie"), public: anyone finds them by
 * postal code or town, soonest first, with what is interrupted, where (the streets, or the whole place), when (or
 * "until further notice" for a failure whose end nobody knows) and why. A signed-in customer sees the areas of its
 * own points of delivery first: the first one is chosen, the others are a click away.
 *
 * With `url-state` the area and the kind live in the page's address (`?ebok-outages-area=44-100`).
 *
 * @customElement ebok-outages
 * @fires ebok-error - A page of interruptions could not be loaded (the error shown).
 * @csspart base - The widget.
 * @csspart heading - Its title.
 * @csspart count - How many interruptions match.
 * @csspart filters - The search form.
 * @csspart filter - Each control, also `filter-area`, `filter-kind`.
 * @csspart search - The search button.
 * @csspart field-error - What to type when the search is too short.
 * @csspart my-areas - The areas of the customer's points (signed in).
 * @csspart my-area - One of them, a button.
 * @csspart list - The list of interruptions.
 * @csspart outage - One interruption, also `outage-planned`, `outage-ongoing`, `outage-ended`.
 * @csspart status-badge - Its status (icon and words).
 * @csspart more - The footer that loads further interruptions.
 * @csspart clear - "Show every area" under an empty search.
 * @csspart retry - "Try again" after a failure.
 * @csspart status - Loading, empty, error and offline states.
 * @cssprop --ebok-outages-ongoing-color - Tone and border of a failure going on now (default: the warning token).
 * @cssprop --ebok-outages-planned-color - Tone of planned works (default: the info token).
 * @cssprop --ebok-outages-filters-bg - Background of the search form.
 */
export class EbokOutages extends EbokWidget {
  static override styles = [EbokWidget.styles, listStyles, filterStyles, listWidgetStyles, outagesStyles];

  /** A postal code (`44-100`) or a municipality or town; empty for every area (or, signed in, the first point's). */
  @property({ reflect: true }) area = '';
  /** Only interruptions of `electricity`, `gas`, `water` or `heat`; empty for all. */
  @property({ reflect: true }) kind: '' | UtilityKind = '';
  /** Keep the area and the kind in the page's address too (`?ebok-outages-area=…`, `?ebok-outages-kind=…`). */
  @property({ type: Boolean, attribute: 'url-state' }) urlState = false;

  /** What is typed in the search box, searched on Enter or "Szukaj" (a postal code typed halfway is no area). */
  @state() private typed: string | undefined;
  @state() private problem = '';
  /** The first point's area was chosen once for this customer: a later "every area" stays. */
  private areaChosenFor: string | undefined;

  private readonly filterState: FilterState<OutageFilters> = new FilterState<OutageFilters>(this, {
    empty: logic.NO_FILTERS,
    normalize: logic.normalizeFilters,
    names: logic.URL_NAMES,
    urlState: () => this.urlState,
  });

  readonly list: ListController<Outage, { area?: string; kind?: UtilityKind }> = new ListController<Outage, { area?: string; kind?: UtilityKind }>(this, {
    load: logic.loadOutages,
    args: () => logic.outageQuery(this.filters),
    limit: PAGE,
    personal: false,
    key: (outage) => outage.id,
    countText,
    failure: (error) => this.failureMessage(error),
  });

  /** The postal codes of a signed-in customer's points (none signed out). */
  private readonly myAreas: ApiTask<string[]> = new ApiTask<string[]>(this, {
    load: async (client, signal) => {
      const page: unknown = await client.get('/points', { params: { query: { limit: 100 } }, signal });
      const items = (page as { items?: unknown } | null)?.items;
      return Array.isArray(items) ? logic.pointAreas(items as Parameters<typeof logic.pointAreas>[0]) : [];
    },
  });

  get filters(): OutageFilters {
    return this.filterState.value;
  }

  /** Searches as the customer would (the list starts over; the attributes and, with `url-state`, the address follow). */
  setFilters(change: Partial<OutageFilters>): void {
    this.filterState.set(change);
    if ('area' in change) this.typed = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Signed in with no area asked for: the area of the customer's first point, once per customer.
    const user = this.client?.session.state.user?.id;
    const areas = this.myAreas.value;
    if (user && areas?.length && this.areaChosenFor !== user) {
      this.areaChosenFor = user;
      if (!this.filters.area) this.setFilters({ area: areas[0]! });
    }
  }

  override render() {
    return html`<section class="base" part="base" aria-labelledby="title" aria-busy=${this.list.busy ? 'true' : 'false'}>
      <div class="header">${this.heading(msg('Wyłączenia i awarie'), { id: 'title' })} ${this.list.renderCount()}</div>
      ${this.renderFilters()} ${this.renderMyAreas()} ${this.list.renderAnnouncement()}
      ${this.list.render({
        pending: () => renderLoading(msg('wyłączenia')),
        complete: (items) =>
          items.length
            ? html`<ul class="outages" part="list" aria-label=${msg('Wyłączenia i awarie')}>
                  ${repeat(items, (o) => o.id, (o) => outageItem(o, Math.min(6, this.level + 1)))}
                </ul>
                ${this.list.renderMore()}`
            : this.renderNothing(),
        error: (error, retry) => renderError({ message: this.failureMessage(error), onRetry: retry }),
        offline: (retry) => renderOffline(retry),
        noApi: () => renderError({ message: msg('Informacje o wyłączeniach są chwilowo niedostępne.') }),
      })}
    </section>`;
  }

  private readonly onSearch = (event: Event): void => {
    event.preventDefault();
    const typed = this.typed ?? this.filters.area;
    if (logic.tooShort(typed)) {
      this.problem = msg('Wpisz co najmniej 2 znaki: kod pocztowy albo nazwę miejscowości.');
      return;
    }
    this.problem = '';
    this.setFilters({ area: typed });
  };

  private renderFilters(): TemplateResult {
    const filters = this.filters;
    const kinds: ('' | UtilityKind)[] = ['', ...logic.KINDS];
    return html`<form class="filters" part="filters" role="search" aria-label=${msg('Szukaj wyłączeń')} @submit=${this.onSearch}>
      <div class="filter">
        <label for="area">${msg('Kod pocztowy lub miejscowość')}</label>
        <p class="filter__hint" id="area-hint">${msg('Na przykład 44-100 albo Gliwice.')}</p>
        <input
          id="area"
          part="filter filter-area"
          type="search"
          autocomplete="postal-code"
          maxlength="100"
          aria-describedby=${this.problem ? 'area-hint area-problem' : 'area-hint'}
          aria-invalid=${this.problem ? 'true' : 'false'}
          .value=${live(this.typed ?? filters.area)}
          @input=${(e: Event) => (this.typed = (e.target as HTMLInputElement).value)}
        />
        ${this.problem ? html`<p class="field__error" id="area-problem" part="field-error" role="alert">${this.problem}</p>` : nothing}
      </div>
      ${filterSelect('kind', msg('Rodzaj'), filters.kind, kinds.map((k) => [k, k ? kindText(k) : msg('Wszystkie')] as const), (kind) => this.setFilters({ kind }))}
      <div class="filters__actions">
        <button class="button" part="search" type="submit">${msg('Szukaj')}</button>
      </div>
    </form>`;
  }

  private renderMyAreas(): TemplateResult | typeof nothing {
    const areas = this.myAreas.value;
    if (!areas || areas.length < 2) return nothing;
    return html`<div class="my-areas" part="my-areas">
      <p>${msg('Przy Twoich punktach poboru:')}</p>
      <ul>
        ${areas.map(
          (area) =>
            html`<li>
              <button class="button button--secondary" part="my-area" type="button" aria-pressed=${area === this.filters.area ? 'true' : 'false'} @click=${() => this.setFilters({ area })}>
                ${area}
              </button>
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private renderNothing(): TemplateResult {
    if (!this.filters.area && !this.filters.kind) return renderEmpty(msg('Nie planujemy prac i nie ma awarii w najbliższych 30 dniach.'));
    return html`${renderEmpty(msg('W tym rejonie nie planujemy prac i nie ma awarii w najbliższych 30 dniach.'))}
      <div class="actions">
        <button class="button button--secondary" part="clear" type="button" @click=${() => this.setFilters(logic.NO_FILTERS)}>${msg('Pokaż wszystkie rejony')}</button>
      </div>`;
  }

  private failureMessage(error: unknown): string {
    const failed = msg('Nie udało się wczytać informacji o wyłączeniach.');
    return failureText(describeFailure(error, { failed, unavailable: failed }));
  }
}
