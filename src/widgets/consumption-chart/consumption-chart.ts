import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import { msg, str } from '@lit/localize';
import { ApiTask } from '../../controllers/api-task.js';
import { renderEmpty, renderError, renderLoading, renderOffline } from '../../core/status.js';
import { malformedResponse } from '../../api/diagnostics.js';
import { warsawClock } from '../../i18n/calendar.js';
import { currentLocale } from '../../i18n/locale.js';
import { EbokWidget } from '../../kit/widget.js';
import { PointInAddress } from '../../kit/url-state.js';
import { describeFailure, failureText } from '../../kit/failure.js';
import { fileSaver } from '../../kit/download.js';
import type { Point } from '../meter-reading/meter-reading.logic.js';
import { pointText } from '../../kit/meters.js';
import { csvFileName, csvOf, inCubicMetres, isUsableConsumption, summaryOf, tableOf, type Consumption, type Table } from './consumption-chart.logic.js';
import { choice, dataTable, periodAnnouncement, periodLabel, quantity, summaryText, zoneNames } from './consumption-chart.views.js';
import { consumptionChartStyles } from './consumption-chart.styles.js';
import { LazyChart } from './consumption-chart.lazy.js';

/** "All points" in the choice of point (the sum over the points of one kind). */
const ALL = 'all';

/**
 * "Twoje zużycie" (seeds 002, 004): consumption per month of a year for one point of delivery, or the sum of
 * all the customer's points of one kind, beside the year before; tariff zones stacked; estimated months striped
 * (and said so in the table), never told apart by colour alone.
 *
 * A canvas cannot be read by a screen reader nor reached by a keyboard, so the chart comes with a summary in
 * words before it, arrow keys that move between months and announce each one, the same data as a real table,
 * and a CSV. Chart.js itself (60 KB) is loaded only when the chart comes on screen.
 *
 * @customElement ebok-consumption-chart
 * @fires ebok-navigate - "Log in" (`target: 'login'`); cancelable.
 * @fires ebok-error - A failure was shown to the customer.
 * @csspart base - The widget.
 * @csspart heading - The heading.
 * @csspart controls - The choice of point and year.
 * @csspart summary - The chart in words.
 * @csspart chart - The chart (focusable: arrow keys move between months).
 * @csspart legend - What the colours and stripes mean.
 * @csspart table-toggle - "Show as a table".
 * @csspart table - The data as a table.
 * @csspart csv - "Download CSV".
 * @csspart status - Loading, empty, error and offline states.
 * @csspart retry - "Try again" after a failure.
 * @csspart login - The log-in link.
 * @cssprop --ebok-chart-zone-1 - First zone's bars (default: the primary colour); also `-zone-2` (muted text), `-zone-3` (success).
 * @cssprop --ebok-chart-previous - The previous year's line.
 * @cssprop --ebok-chart-height - The plot's height (default 18em).
 */
export class EbokConsumptionChart extends EbokWidget {
  static override styles = [EbokWidget.styles, consumptionChartStyles];

  /** One point of delivery; `all` (or none, with several points) sums the points of one kind. */
  @property({ attribute: 'point-id' }) pointId?: string;
  /** The calendar year; this year (Polish time) when absent. */
  @property({ type: Number }) year?: number;
  /** `previous-year` (default) compares with the year before; `none` shows the year alone. */
  @property() compare: 'previous-year' | 'none' = 'previous-year';
  /** Keeps the chosen point in the page's address (`?ebok-point=`), so a link can open the chart on a point. */
  @property({ type: Boolean, attribute: 'url-state' }) urlState = false;

  @state() private chosenPoint?: string;
  @state() private chosenYear?: number;
  private readonly address = new PointInAddress(this, { enabled: () => this.urlState, found: (id) => (this.chosenPoint = id) });
  /** Days instead of months, for a point with a smart meter (interval data). */
  @state() private daily = false;
  /** Gas in m³ (as the meter counts) rather than the bill's kWh. */
  @state() private cubic = false;
  @state() private tableShown = false;
  /** The period the keyboard is on. */
  @state() private active?: number;
  @state() private announcement = '';


  private readonly points: ApiTask<Point[]> = new ApiTask<Point[]>(this, {
    load: async (client, signal) => {
      const list: unknown = await client.get('/points', { params: { query: { limit: 100 } }, signal });
      const items = (list as { items?: unknown }).items;
      if (!Array.isArray(items)) throw malformedResponse(client.apiBase, 'GET /points answered without items');
      return items as Point[];
    },
  });

  private readonly data: ApiTask<Consumption | undefined, [string | undefined, Point['kind'] | undefined, number, boolean, boolean]> = new ApiTask(this, {
    args: () => [this.scope?.pointId, this.scope?.kind, this.shownYear, this.compare !== 'none', this.daily && !!this.scope?.smart] as [string | undefined, Point['kind'] | undefined, number, boolean, boolean],
    load: async (client, signal, [pointId, kind, year, compare, daily]) => {
      if (!this.points.value) return undefined;
      const query = { year, compare, ...(daily ? { granularity: 'day' as const } : {}), ...(pointId ? { pointId } : kind ? { kind } : {}) };
      const answer: unknown = await client.get('/consumption', { params: { query }, signal });
      if (!isUsableConsumption(answer)) throw malformedResponse(client.apiBase, 'GET /consumption answered without its series');
      return answer;
    },
  });

  private readonly chart = new LazyChart(this, {
    shown: () => (this.data.status === 'complete' ? this.data.value : undefined),
    spec: (consumption, read) => {
      const table = this.tableFrom(consumption);
      return {
        table,
        labels: table.rows.map((r) => periodLabel(r.period)),
        zoneNames: zoneNames(table),
        previousName: this.compare === 'none' ? undefined : msg(str`Rok ${table.year - 1}`),
        format: (value) => quantity(value, table.unit),
        palette: { zones: [read('--_zone-1'), read('--_zone-2'), read('--_zone-3')], previous: read('--_previous'), grid: read('--_grid'), text: read('--_text') },
        still: matchMedia('(prefers-reduced-motion: reduce)').matches,
      };
    },
  });

  private get shownYear(): number {
    return this.chosenYear ?? (this.year && Number.isInteger(this.year) ? this.year : warsawClock(new Date()).year);
  }

  /** What is shown: one point, or the sum of the points of the first point's kind. */
  private get scope(): { pointId?: string; kind?: Point['kind']; name: string; smart?: boolean } | undefined {
    const points = this.points.value;
    if (!points?.length) return undefined;
    const wanted = this.chosenPoint ?? this.pointId ?? (points.length === 1 ? points[0]!.id : ALL);
    const point = points.find((p) => p.id === wanted);
    if (point) return { pointId: point.id, name: point.name, smart: point.meters.some((m) => m.smart) };
    return { kind: points[0]!.kind, name: msg('wszystkie punkty') };
  }

  /** The data changed (another point, year or language): the chart is drawn again from it. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.data.status !== 'complete' && this.chart.exists) this.chart.forget();
  }

  private readonly onKey = async (event: KeyboardEvent): Promise<void> => {
    const rows = this.shownTable?.rows;
    if (!rows?.length) return;
    const last = rows.length - 1;
    const now = this.active ?? -1;
    const next = { ArrowRight: now + 1, ArrowDown: now + 1, ArrowLeft: now - 1, ArrowUp: now - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.active = Math.max(0, Math.min(last, next));
    const table = this.shownTable!;
    this.announcement = periodAnnouncement(table.rows[this.active]!, table, zoneNames(table));
    await this.chart.pointAt(this.active);
  };

  /** The gas point's conversion factor (kWh per m³), when it has one: m³ can be shown. */
  private get gasFactor(): number | undefined {
    const point = this.points.value?.find((p) => p.id === this.scope?.pointId);
    if (point?.kind !== 'gas') return undefined;
    return point.meters.flatMap((m) => m.registers).find((r) => r.conversionFactor)?.conversionFactor ?? undefined;
  }

  private tableFrom(consumption: Consumption): Table {
    const table = tableOf(consumption);
    const factor = this.gasFactor;
    return this.cubic && factor && table.unit === 'kWh' ? inCubicMetres(table, factor) : table;
  }

  private get shownTable(): Table | undefined {
    const value = this.data.value;
    return value ? this.tableFrom(value) : undefined;
  }

  private readonly downloadCsv = (): void => {
    const table = this.shownTable;
    const scope = this.scope;
    if (!table || !scope) return;
    const csv = csvOf(table, {
      locale: currentLocale() === 'en' ? 'en' : 'pl',
      headers: { period: table.rows.length === 12 ? msg('Miesiąc') : msg('Dzień'), zones: zoneNames(table), total: msg('Razem'), previous: msg(str`Rok wcześniej (${table.year - 1})`), estimated: msg('Szacunek') },
      yes: msg('tak'),
      no: msg('nie'),
    });
    fileSaver.save(new Blob([csv], { type: 'text/csv;charset=utf-8' }), csvFileName(scope.name, table.year));
  };

  override render() {
    return html`<div class="base" part="base" aria-busy=${this.points.status === 'pending' || this.data.status === 'pending' ? 'true' : 'false'}>
      ${this.heading(msg('Twoje zużycie'))}
      ${this.points.render({
        pending: () => renderLoading(msg('zużycie')),
        complete: (points) => (points.length ? this.renderChosen(points) : renderEmpty(msg('Nie masz jeszcze punktu poboru, którego zużycie możemy pokazać.'))),
        error: (error, retry) => renderError({ message: failureText(describeFailure(error, { failed: msg('Nie udało się wczytać zużycia.') })), onRetry: retry }),
        offline: (retry) => renderOffline(retry),
        signedOut: () => html`<p>${msg('Zaloguj się, aby zobaczyć swoje zużycie.')}</p>
          <div class="actions">${this.loginLink(msg('Zaloguj się'))}</div>`,
        noApi: () => renderError({ message: msg('Zużycie jest chwilowo niedostępne.') }),
      })}
    </div>`;
  }

  private renderChosen(points: Point[]) {
    const year = this.shownYear;
    const thisYear = warsawClock(new Date()).year;
    const years = [...new Set([thisYear, thisYear - 1, year])].sort((a, b) => b - a);
    const scope = this.scope;
    const pick = (change: (value: string) => Parameters<typeof this.choose>[0]) => (value: string) => this.choose(change(value));
    const kinds = [
      points.length > 1 && choice(msg('Punkt poboru'), scope?.pointId ?? ALL, [{ value: ALL, label: msg('Wszystkie punkty (suma)') }, ...points.map((p) => ({ value: p.id, label: pointText(p) }))], pick((point) => ({ point }))),
      choice(msg('Rok'), String(year), years.map((y) => ({ value: String(y), label: String(y) })), pick((y) => ({ year: Number(y) }))),
      !!this.gasFactor && choice(msg('Jednostka'), this.cubic ? 'm3' : 'kWh', [{ value: 'kWh', label: msg('kWh (jak na fakturze)') }, { value: 'm3', label: msg('m³ (jak na gazomierzu)') }], pick((unit) => ({ cubic: unit === 'm3' }))),
      !!scope?.smart && choice(msg('Okresy'), this.daily ? 'day' : 'month', [{ value: 'month', label: msg('Miesiące') }, { value: 'day', label: msg('Dni (licznik zdalny)') }], pick((period) => ({ daily: period === 'day' }))),
    ];
    return html`<div class="controls" part="controls">${kinds.map((control) => control || nothing)}</div>
      ${this.data.render({
        pending: () => (this.data.value ? this.renderData(this.data.value) : renderLoading(msg('zużycie'))),
        complete: (consumption) => (consumption ? this.renderData(consumption) : nothing),
        error: (error, retry) => renderError({ message: failureText(describeFailure(error, { failed: msg('Nie udało się wczytać zużycia.') })), onRetry: retry }),
        offline: (retry) => renderOffline(retry),
      })}`;
  }

  private choose(change: { point?: string; year?: number; daily?: boolean; cubic?: boolean }): void {
    if (change.cubic !== undefined) {
      this.cubic = change.cubic;
      this.chart.forget();
    }
    if (change.point !== undefined) {
      this.chosenPoint = change.point;
      this.address.chosen(change.point === ALL ? '' : change.point);
    }
    if (change.daily !== undefined) this.daily = change.daily;
    if (change.year !== undefined) this.chosenYear = change.year;
    this.active = undefined;
    this.announcement = '';
  }

  private renderData(consumption: Consumption) {
    const table = this.tableFrom(consumption);
    const summary = summaryOf(table);
    if (summary.known === 0) return renderEmpty(msg(str`Nie mamy jeszcze danych o zużyciu za ${table.year}.`));
    const names = zoneNames(table);
    const text = summaryText(summary, table);
    const compare = this.compare !== 'none';
    return html`<p class="summary" part="summary" id="summary">${text}</p>
      <div
        class="chart"
        part="chart"
        tabindex="0"
        role="group"
        aria-roledescription=${msg('wykres')}
        aria-label=${msg('Wykres zużycia. Strzałki w lewo i w prawo przechodzą między okresami.')}
        aria-describedby="summary"
        ${ref(this.chart.box)}
        @keydown=${this.onKey}
      >
        ${this.chart.drawn ? nothing : html`<div class="chart__placeholder" aria-hidden="true"></div>`}
        <canvas ${ref(this.chart.canvas)} aria-hidden="true"></canvas>
      </div>
      <p class="visually-hidden" aria-live="polite">${this.announcement}</p>
      <ul class="legend" part="legend">
        ${names.map((name) => html`<li>${name}</li>`)} ${compare ? html`<li>${msg(str`Linia przerywana: ${table.year - 1}`)}</li>` : nothing}
        ${summary.estimated ? html`<li>${msg('Słupki kreskowane: szacunek')}</li>` : nothing}
      </ul>
      <div class="actions">
        <button class="button button--secondary" type="button" part="table-toggle" aria-expanded=${this.tableShown ? 'true' : 'false'} aria-controls="data" @click=${() => (this.tableShown = !this.tableShown)}>
          ${this.tableShown ? msg('Ukryj tabelę') : msg('Pokaż tabelę')}
        </button>
        <button class="button button--secondary" type="button" part="csv" @click=${this.downloadCsv}>${msg('Pobierz CSV')}</button>
      </div>
      ${this.tableShown ? dataTable(table, names, 'data', compare) : nothing}`;
  }
}
