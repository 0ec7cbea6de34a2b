import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createRef } from 'lit/directives/ref.js';
import { msg, str } from '@lit/localize';
import { ApiTask } from '../../controllers/api-task.js';
import { renderEmpty, renderError, renderLoading, renderOffline } from '../../core/status.js';
import { malformedResponse } from '../../api/diagnostics.js';
import { warsawDate } from '../../i18n/calendar.js';
import { EbokWidget } from '../../kit/widget.js';
import { PointInAddress } from '../../kit/url-state.js';
import { submitButton, textField } from '../../kit/fields.js';
import { formFeedback } from '../../kit/form.js';
import { choiceField } from '../../kit/choice-fields.js';
import { formStyles } from '../../kit/form.styles.js';
import { describeFailure, failureText } from '../../kit/failure.js';
import { photoField } from '../../kit/photo.views.js';
import { photoStyles } from '../../kit/photo.styles.js';
import { queuedPanel, queuedStyles } from '../../kit/resend.views.js';
import { EbokReadingSubmittedEvent } from './meter-reading.events.js';
import { meterReadingStyles } from './meter-reading.styles.js';
import * as logic from './meter-reading.logic.js';
import type { Point, Reading, ReadingContext, ReadingResult } from './meter-reading.logic.js';
import * as view from './meter-reading.views.js';
import * as panel from './meter-reading.panels.js';
import { ReadingSender } from './meter-reading.sender.js';

const isReadingContext = (value: unknown): value is ReadingContext =>
  typeof value === 'object' && value !== null && Array.isArray((value as ReadingContext).registers) && typeof (value as ReadingContext).window?.open === 'boolean';

/**
 * Sending a meter reading (seeds 000, 001, 003): the reading window, one field per register as the meter shows
 * it (G11, G12 day/night, G12W, G13, a prosumer's feed-in register, gas and water in m³ with decimals) with the
 * last reading beside it, checks before the server's (lower than the last reading unless the meter rolled over,
 * implausible values confirmed explicitly, a day in the future, all registers or none), a photo of the meter,
 * the answer (settlement with the amount to pay, or control) and the history of readings.
 *
 * From a basement with one bar of signal: a reading that cannot reach the API is kept in memory with its
 * idempotency key and photo and sent by itself once the device is online again (never twice); after a 401 it
 * is sent once the customer logs in again. Nothing typed is lost on a failure, a reload or a language switch.
 *
 * `variant="reminder"` shows only the window as one line with a link (`href`), for a dashboard.
 *
 * @customElement ebok-meter-reading
 * @fires ebok-reading-submitted - The server recorded the reading: `detail` is its answer (kind, status, amount).
 * @fires ebok-navigate - "Pay" (`target: 'pay'`), the reminder's link (`target: 'meter-reading'`) or "Log in"; cancelable.
 * @fires ebok-error - A failure was shown to the customer.
 * @csspart base - The widget.
 * @csspart heading - The heading.
 * @csspart window - The reading window line.
 * @csspart field - A field (a register, the date, the point).
 * @csspart input - An input.
 * @csspart hint - The last reading and how to type it.
 * @csspart field-error - The error under a field.
 * @csspart error-summary - The errors announced after sending.
 * @csspart notice - A failure of sending.
 * @csspart confirm - The question whether an unusual value is right.
 * @csspart queued - The reading waits for a connection.
 * @csspart submit - The send button.
 * @csspart result - The answer.
 * @csspart pay - The link to pay the estimated amount.
 * @csspart history - The table of past readings.
 * @csspart photo - The photo of the meter.
 * @csspart photo-input - "Take a photo" and "Choose a file".
 * @csspart photo-preview - The chosen photo.
 * @csspart photo-remove - "Remove photo".
 * @csspart confirm-send - "Yes, the reading is right – send it".
 * @csspart upload-progress - The photo's upload, while it goes.
 * @csspart reading-link - The reminder's link to the reading page.
 * @csspart choice - The choice of meter.
 * @csspart login - The log-in link.
 * @csspart retry - "Try again" after a failure.
 * @csspart status - Loading, empty, error and offline states.
 * @cssprop --ebok-color-primary - Buttons and links.
 */
export class EbokMeterReading extends EbokWidget {
  static override styles = [EbokWidget.styles, formStyles, photoStyles, queuedStyles, meterReadingStyles];

  /** The point of delivery; with several and none given, the customer chooses (this one is preselected). */
  @property({ attribute: 'point-id' }) pointId?: string;
  /** `reminder`: only the window, as one line with a link to `href` (a dashboard). */
  @property() variant: 'form' | 'reminder' = 'form';
  /** The reading page, for the reminder's link. */
  @property() href?: string;
  /** Where "Pay" leads after a settlement reading with an amount to pay (a page with the balance tile). */
  @property({ attribute: 'pay-href' }) payHref?: string;
  /** Hides the history of readings under the form. */
  @property({ type: Boolean, attribute: 'hide-history' }) hideHistory = false;
  /** Keeps the chosen point in the page's address (`?ebok-point=`), so a link can open the form on a point. */
  @property({ type: Boolean, attribute: 'url-state' }) urlState = false;

  @state() private chosen?: string;
  @state() private result?: ReadingResult;
  private readonly address = new PointInAddress(this, { enabled: () => this.urlState, found: (id) => (this.chosen = id) });
  private historyVersion = 0;
  private readonly resultRef = createRef<HTMLElement>();

  private readonly points: ApiTask<Point[]> = new ApiTask<Point[]>(this, {
    load: async (client, signal) => {
      const list: unknown = await client.get('/points', { params: { query: { limit: 100 } }, signal });
      const items = (list as { items?: unknown }).items;
      if (!Array.isArray(items)) throw malformedResponse(client.apiBase, 'GET /points answered without items');
      return logic.readablePoints(items as Point[]);
    },
  });

  private readonly context: ApiTask<ReadingContext | undefined, [string | undefined]> = new ApiTask<ReadingContext | undefined, [string | undefined]>(this, {
    args: () => [this.point?.id],
    load: async (client, signal, [pointId]) => {
      if (!pointId) return undefined;
      const context: unknown = await client.get('/points/{pointId}/reading-context', { params: { path: { pointId } }, signal });
      if (!isReadingContext(context)) throw malformedResponse(client.apiBase, 'GET reading-context answered without the window and registers');
      return context;
    },
  });

  private readonly history: ApiTask<Reading[], [string | undefined, number, boolean]> = new ApiTask<Reading[], [string | undefined, number, boolean]>(this, {
    args: () => [this.point?.id, this.historyVersion, this.hideHistory || this.variant === 'reminder'],
    load: async (client, signal, [pointId, , hidden]) => {
      if (!pointId || hidden) return [];
      const list: unknown = await client.get('/points/{pointId}/readings', { params: { path: { pointId }, query: { limit: 12 } }, signal });
      const items = (list as { items?: unknown }).items;
      if (!Array.isArray(items)) throw malformedResponse(client.apiBase, 'GET readings answered without items');
      return items as Reading[];
    },
  });

  private readonly sender: ReadingSender = new ReadingSender(this, {
    context: () => this.context.value,
    sent: (result) => void this.sent(result),
    reload: () => this.context.retry(),
  });

  /** The point shown: the chosen one, the host's `point-id`, or the only one. */
  private get point(): Point | undefined {
    return logic.chosenPoint(this.points.value ?? [], this.pointId, this.chosen);
  }

  private get registers() {
    return this.context.value?.registers ?? [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.context.value) this.sender.follow(this.context.value);
  }

  private async sent(result: ReadingResult): Promise<void> {
    this.result = result;
    this.emit(new EbokReadingSubmittedEvent(result));
    this.historyVersion++;
    this.context.retry();
    await this.updateComplete;
    this.resultRef.value?.focus();
  }

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    this.result = undefined;
    void this.sender.submit();
  };

  private readonly choose = (id: string): void => {
    this.chosen = id;
    this.address.chosen(id);
    this.result = undefined;
    this.sender.forget();
  };

  override render() {
    const busy = this.points.status === 'pending' || this.context.status === 'pending' || this.sender.form.busy;
    return html`<div class="base" part="base" aria-busy=${busy ? 'true' : 'false'}>
      ${this.heading(this.variant === 'reminder' ? msg('Odczyt licznika') : msg('Podaj odczyt licznika'))}
      ${this.points.render({
        pending: () => (this.points.value ? this.renderPoints(this.points.value) : renderLoading(msg('liczniki'))),
        complete: (points) => (points.length ? this.renderPoints(points) : renderEmpty(msg('Nie masz licznika, którego odczyt można podać samodzielnie.'))),
        error: (error, retry) => renderError({ message: failureText(describeFailure(error, { failed: msg('Nie udało się wczytać liczników.') })), onRetry: retry }),
        offline: (retry) => renderOffline(retry),
        signedOut: () => html`<p>${msg('Zaloguj się, aby podać odczyt licznika.')}</p>
          <div class="actions">${this.loginLink(msg('Zaloguj się'))}</div>`,
        noApi: () => renderError({ message: msg('Podawanie odczytów jest chwilowo niedostępne.') }),
      })}
    </div>`;
  }

  private renderPoints(points: Point[]) {
    const point = this.point;
    const choice =
      points.length > 1 && this.variant !== 'reminder'
        ? choiceField(
            { id: 'point', value: point?.id ?? '', error: undefined, ref: createRef(), input: (id) => this.choose(id), blur: () => {} },
            { legend: msg('Którego licznika odczyt podajesz?'), options: points.map((p) => ({ value: p.id, label: view.pointText(p) })) },
          )
        : nothing;
    if (!point) return choice;
    return html`${choice}
      ${this.context.render({
        // Loading again (after a reading was sent): the window, the answer and the form stay.
        pending: () => (this.context.value ? this.renderContext(point, this.context.value) : renderLoading(msg('okno odczytów'))),
        complete: (context) => (context ? this.renderContext(point, context) : nothing),
        error: (error, retry) => renderError({ message: failureText(describeFailure(error, { failed: msg('Nie udało się wczytać danych licznika.') })), onRetry: retry }),
        offline: (retry) => renderOffline(retry),
      })}`;
  }

  private renderContext(point: Point, context: ReadingContext) {
    const window = logic.windowView(context.window, new Date());
    const line = html`<div class="window ${window.state === 'open' ? '' : 'window--closed'}" part="window">
      <p>${view.windowText(window)} ${window.state === 'closed' && this.variant !== 'reminder' ? view.closedMeanwhileText() : nothing}</p>
    </div>`;
    if (this.variant === 'reminder') {
      return html`${line}
      ${window.state === 'open' && this.href
        ? html`<a class="button" part="reading-link" href=${this.href} @click=${(e: MouseEvent) => this.navigate(e, 'meter-reading', this.href, { pointId: point.id })}
            >${msg('Podaj odczyt')}</a
          >`
        : nothing}`;
    }
    return html`${line} ${this.renderResult()} ${window.state === 'open' ? this.renderForm(point, context) : nothing} ${this.renderHistory()}`;
  }

  private renderForm(point: Point, context: ReadingContext) {
    const meters = [...new Set(context.registers.map((r) => r.meterSerialNumber))];
    return html`${formFeedback(this.sender.form)}
      <form novalidate @submit=${this.onSubmit}>
        ${meters.map(
          (serial) => html`<fieldset class="meter">
            <legend>${msg(str`Licznik nr ${serial}`)}</legend>
            ${context.registers.filter((r) => r.meterSerialNumber === serial).map((r) => this.renderRegister(point, r))}
          </fieldset>`,
        )}
        ${view.dateField(this.sender.form.field('readDate'), { label: msg('Dzień odczytu'), max: warsawDate(new Date()), hint: msg('Dziś, jeśli odczytujesz licznik teraz.') })}
        ${context.photoAllowed
          ? photoField(this.sender.photo, {
              id: 'photo',
              label: msg('Zdjęcie licznika'),
              hint: msg('Nieobowiązkowe. Pomaga nam sprawdzić odczyt bez wizyty inkasenta.'),
              alt: msg('Twoje zdjęcie licznika'),
              // A server's refusal of the photo; the photo's own problems the field says itself.
              error: this.sender.form.errors.photo,
            })
          : nothing}
        ${this.renderConfirm()} ${this.sender.queue.pending === undefined ? nothing : queuedPanel(msg('Odczyt nie jest jeszcze wysłany: brak połączenia z internetem.'), this.sender.queue.flush)} ${panel.uploadPanel(this.sender.uploaded)}
        <div class="actions">${submitButton(this.sender.form, { label: msg('Wyślij odczyt') })}</div>
      </form>`;
  }

  private renderRegister(point: Point, register: ReadingContext['registers'][number]) {
    const binding = this.sender.form.field(logic.valueField(register.registerId));
    return textField(binding, {
      label: `${view.registerName(register)} (${view.unitOf(register)})`,
      autocomplete: 'off',
      inputmode: 'decimal',
      maxlength: register.digits + register.decimals + 8,
      hint: view.registerHint(register, logic.registerOf(point, register.registerId), binding.value ?? ''),
      invalid: !!this.sender.unusual?.includes(register.registerId),
      after: html`<span class="unit" aria-hidden="true">${view.unitOf(register)}</span>`,
    });
  }

  private renderConfirm() {
    const unusual = this.sender.unusual;
    if (!unusual) return nothing;
    const names = this.registers.filter((r) => unusual.includes(r.registerId)).map((r) => view.registerName(r).toLowerCase());
    return panel.confirmPanel(names, this.sender.confirmRef, this.sender.confirm, this.sender.correct);
  }

  private renderResult() {
    const result = this.result;
    if (!result) return nothing;
    const pay = this.payHref;
    return panel.resultPanel(result, this.resultRef, pay ? { href: pay, onClick: (e) => this.navigate(e, 'pay', pay, { readingId: result.id }) } : undefined);
  }

  private renderHistory() {
    if (this.hideHistory) return nothing;
    const caption = msg('Historia odczytów');
    return html`<div class="history-section">
      <p class="history__title" role="heading" aria-level=${Math.min(6, this.level + 1)}>${caption}</p>
      ${this.history.render({
        pending: () => (this.history.value ? this.historyOf(this.history.value, caption) : renderLoading(msg('historia odczytów'))),
        complete: (readings) => this.historyOf(readings, caption),
        error: (_error, retry) => renderError({ message: msg('Nie udało się wczytać historii odczytów.'), onRetry: retry }),
        offline: (retry) => renderOffline(retry),
      })}
    </div>`;
  }

  private historyOf(readings: Reading[], caption: string) {
    if (!readings.length) return renderEmpty(msg('Nie ma jeszcze odczytów tego licznika.'));
    return view.historyTable(logic.historyRows(readings, this.registers), caption);
  }
}
