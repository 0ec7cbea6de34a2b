import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createRef, ref } from 'lit/directives/ref.js';
import { msg, str } from '@lit/localize';
import { ApiTask } from '../../controllers/api-task.js';
import { malformedResponse } from '../../api/diagnostics.js';
import { EbokApiError } from '../../api/errors.js';
import { renderEmpty, renderError, renderLoading, renderOffline } from '../../core/status.js';
import { ActionController } from '../../kit/action.js';
import { describeFailure, failureText } from '../../kit/failure.js';
import { formStyles } from '../../kit/form.styles.js';
import { pointText } from '../../kit/meters.js';
import { NoticeController } from '../../kit/notice.js';
import { EbokWidget } from '../../kit/widget.js';
import { EbokTariffChangeRequestedEvent } from './tariff-change.events.js';
import * as logic from './tariff-change.logic.js';
import type { Point, PointTariffs, TariffOption, TariffRequest } from './tariff-change.logic.js';
import { tariffChangeStyles } from './tariff-change.styles.js';
import { basisText, comparisonTable, estimateText, requestList, tariffTitle, zoneList } from './tariff-change.views.js';

interface Sent {
  pointId: string;
  tariff: string;
}

/**
 * A tariff change request (seed 000: "wniosek o zmianę taryfy – np. z G11 na G12"): the tariffs offered for a point
 * of delivery with their zones and hours, an estimate of a year's cost on each from the customer's last 12 months (in
 * words and as a small table, labelled as an estimate with its basis), a choice, a confirmation ("Wyślij wniosek"),
 * and the request's status afterwards and on later visits (submitted, accepted from a date, rejected, effective). A
 * pending request blocks a second one. With several points and no `point-id`, the customer chooses the point first.
 *
 * @customElement ebok-tariff-change
 * @fires ebok-tariff-change-requested - The utility took the request (`id`, `pointId`, `fromTariff`, `toTariff`, `status`).
 * @fires ebok-navigate - "Log in" was followed (`target: 'login'`).
 * @fires ebok-error - Loading or sending failed (the error shown).
 * @csspart base - The widget.
 * @csspart heading - Its title.
 * @csspart point - The choice of point of delivery (several points, no `point-id`).
 * @csspart current - The point's tariff now, with its zones.
 * @csspart zones - A tariff's zones and their hours.
 * @csspart options - The tariffs to choose from.
 * @csspart option - One of them.
 * @csspart comparison - The table of estimated yearly costs.
 * @csspart basis - What the estimate rests on.
 * @csspart field-error - "Choose a tariff" when none was chosen.
 * @csspart next - "Dalej" to the confirmation.
 * @csspart confirm - The confirmation step.
 * @csspart back - "Wróć do wyboru".
 * @csspart submit - "Wyślij wniosek".
 * @csspart pending - The note that a request is waiting for a decision.
 * @csspart requests - The point's requests.
 * @csspart request - One request, also `request-submitted`, `request-accepted`, `request-rejected`, `request-effective`.
 * @csspart request-status - Its status in words.
 * @csspart notice - The result of sending (also `success`, `error`, `warning`).
 * @csspart login - "Log in" when signed out or after the session ended.
 * @csspart retry - "Try again" after a failed load.
 * @csspart status - Loading, empty, error and offline states.
 */
export class EbokTariffChange extends EbokWidget {
  static override styles = [EbokWidget.styles, formStyles, tariffChangeStyles];

  /** The point of delivery (its `id`); without it, the only point, or a choice of the customer's points. */
  @property({ attribute: 'point-id', reflect: true }) pointId?: string;

  /** The point the customer chose in the widget (several points, no `point-id`). */
  @state() private picked: string | undefined;
  @state() private step: 'choose' | 'confirm' = 'choose';
  @state() private tariff: string | undefined;
  @state() private problem = '';

  private readonly notices = new NoticeController(this);
  private readonly confirmTitle = createRef<HTMLElement>();
  private readonly firstOption = createRef<HTMLInputElement>();

  readonly points: ApiTask<Point[]> = new ApiTask<Point[]>(this, {
    load: async (client, signal) => {
      const page: unknown = await client.get('/points', { params: { query: { limit: 100 } }, signal });
      const items = (page as { items?: unknown } | null)?.items;
      if (!Array.isArray(items)) throw malformedResponse(client.apiBase, 'GET /points answered without items');
      return items as Point[];
    },
  });

  readonly tariffs: ApiTask<PointTariffs | undefined, [string | undefined]> = new ApiTask<PointTariffs | undefined, [string | undefined]>(this, {
    args: () => [this.point?.id],
    load: async (client, signal, [pointId]) => {
      if (!pointId) return undefined;
      const [options, list] = await Promise.all([
        client.get('/points/{pointId}/tariff-options', { params: { path: { pointId } }, signal }) as Promise<unknown>,
        client.get('/tariff-change-requests', { params: { query: { pointId } }, signal }) as Promise<unknown>,
      ]);
      if (!logic.isTariffOptions(options)) throw malformedResponse(client.apiBase, 'GET tariff-options answered without the current tariff and the options');
      if (!logic.isRequestList(list)) throw malformedResponse(client.apiBase, 'GET /tariff-change-requests answered without items');
      return { options, requests: list.items };
    },
  });

  private readonly sending = new ActionController<Sent, unknown>(this, {
    send: (client, body, key) =>
      client.post('/points/{pointId}/tariff-change-requests', { params: { path: { pointId: body.pointId }, header: { 'Idempotency-Key': key } }, body: { tariff: body.tariff } }),
    done: (created) => this.sent(created),
    failed: (error) => this.refused(error),
    context: { action: 'send', failed: msg('Nie udało się wysłać wniosku.') },
    described: (failure) => this.notices.showFailure(failure),
    resumeAfterLogin: true,
    otherCustomer: () => this.startOver(),
  });

  /** The point the widget is about now. */
  get point(): Point | undefined {
    const points = this.points.value;
    return points ? logic.chosenPoint(points, this.pointId ?? this.picked) : undefined;
  }

  override render() {
    return html`<section class="base" part="base" aria-labelledby="title">
      ${this.heading(msg('Zmiana taryfy'), { id: 'title' })}
      ${this.points.render({
        pending: () => renderLoading(msg('punkty poboru')),
        complete: (points) => (points.length ? html`${this.renderPointChoice(points)} ${this.renderTariffs()}` : renderEmpty(msg('Nie masz jeszcze punktów poboru.'))),
        error: (error, retry) => renderError({ message: this.loadFailure(error), onRetry: retry }),
        offline: (retry) => renderOffline(retry),
        signedOut: () =>
          html`${this.sending.waitingForLogin ? this.notices.render() : html`<p>${msg('Zaloguj się, aby złożyć wniosek o zmianę taryfy.')}</p>`}
            <div class="actions">${this.loginLink(msg('Zaloguj się'))}</div>`,
        noApi: () => renderError({ message: msg('Zmiana taryfy jest chwilowo niedostępna.') }),
      })}
    </section>`;
  }

  private renderPointChoice(points: readonly Point[]): TemplateResult | typeof nothing {
    if (this.pointId || points.length < 2) return nothing;
    return html`<div class="field point" part="point">
      <label class="field__label" for="point">${msg('Punkt poboru')}</label>
      <select id="point" @change=${(e: Event) => this.pick((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!this.picked}>${msg('Wybierz punkt')}</option>
        ${points.map((p) => html`<option value=${p.id} ?selected=${p.id === this.picked}>${pointText(p)}</option>`)}
      </select>
    </div>`;
  }

  private renderTariffs(): unknown {
    if (!this.point) return this.pointId ? renderEmpty(msg('Nie znaleźliśmy tego punktu poboru wśród Twoich.')) : html`<p>${msg('Wybierz punkt, aby zobaczyć taryfy, na które możesz przejść.')}</p>`;
    return this.tariffs.render({
      pending: () => renderLoading(msg('taryfy')),
      complete: (value) => (value ? this.renderPoint(value) : nothing),
      error: (error, retry) => renderError({ message: this.loadFailure(error), onRetry: retry }),
      offline: (retry) => renderOffline(retry),
    });
  }

  private renderPoint({ options, requests }: PointTariffs): TemplateResult {
    const current = logic.currentOf(options);
    const pending = logic.pendingOf(requests);
    const level = Math.min(6, this.level + 1);
    const body = !options.options.length
      ? renderEmpty(msg('Dla tego punktu nie oferujemy w eBOK zmiany taryfy. Aby o nią zapytać, napisz do nas.'))
      : pending
        ? html`<div class="notice notice--info" part="pending">
            <div class="notice__body">
              <p>${msg(str`Twój wniosek o zmianę z ${pending.fromTariff} na ${pending.toTariff} czeka na decyzję.`)}</p>
              <p>${msg('Kolejny wniosek dla tego punktu złożysz, gdy go rozpatrzymy.')}</p>
            </div>
          </div>`
        : this.step === 'confirm'
          ? this.renderConfirm(options, level)
          : this.renderChoose(options);
    return html`<div class="current" part="current">
        <p>${msg('Twoja taryfa teraz:')} <strong>${current ? tariffTitle(current) : options.currentTariff}</strong></p>
        ${current ? zoneList(current) : nothing}
      </div>
      ${this.notices.render(this.sending.failure?.kind === 'session' ? html`<div class="actions">${this.loginLink(msg('Zaloguj się'), 'link')}</div>` : nothing)} ${body}
      ${requestList(requests, level)}`;
  }

  private renderChoose(options: logic.TariffOptions): TemplateResult {
    const basis = basisText(options);
    return html`<form novalidate @submit=${this.onNext}>
      <fieldset class="options" part="options" aria-describedby=${this.problem ? 'tariff-problem' : nothing} aria-invalid=${this.problem ? 'true' : 'false'}>
        <legend>${msg('Na jaką taryfę chcesz przejść?')}</legend>
        ${logic.choices(options).map((o, i) => this.renderOption(o, i === 0))}
        ${this.problem ? html`<p class="field__error" id="tariff-problem" part="field-error" role="alert">${this.problem}</p>` : nothing}
      </fieldset>
      ${comparisonTable(options)} ${basis ? html`<p class="basis" part="basis">${basis}</p>` : nothing}
      <div class="actions"><button class="button" part="next" type="submit">${msg('Dalej')}</button></div>
    </form>`;
  }

  private renderOption(o: TariffOption, first: boolean): TemplateResult {
    const id = `tariff-${o.tariff}`;
    return html`<div class="option" part="option">
      <input
        ${first ? ref(this.firstOption) : nothing}
        type="radio"
        name="tariff"
        id=${id}
        value=${o.tariff}
        aria-describedby=${`${id}-about`}
        .checked=${this.tariff === o.tariff}
        @change=${() => {
          this.tariff = o.tariff;
          this.problem = '';
        }}
      />
      <label for=${id}>${tariffTitle(o)}</label>
      <div class="option__body" id=${`${id}-about`}>
        <p>${o.summary}</p>
        ${zoneList(o)}
        <p class="option__estimate">${estimateText(o)}</p>
      </div>
    </div>`;
  }

  private renderConfirm(options: logic.TariffOptions, level: number): TemplateResult {
    const chosen = options.options.find((o) => o.tariff === this.tariff);
    if (!chosen) return this.renderChoose(options);
    return html`<form class="confirm" part="confirm" novalidate @submit=${this.onSend}>
      <div class="subtitle" role="heading" aria-level=${level} tabindex="-1" ${ref(this.confirmTitle)}>
        ${msg(str`Sprawdź wniosek: zmiana z ${options.currentTariff} na ${chosen.tariff}`)}
      </div>
      <p>${msg('Po zmianie rozliczymy Cię w strefach:')}</p>
      ${zoneList(chosen)}
      <p class="option__estimate">${estimateText(chosen)}</p>
      <p class="basis">${msg('To szacunek, nie oferta: rzeczywisty koszt zależy od tego, kiedy zużywasz prąd. Wniosek rozpatrzymy i powiadomimy Cię o decyzji oraz dacie zmiany.')}</p>
      <div class="actions">
        <button class="button" part="submit" type="submit" aria-disabled=${this.sending.busy ? 'true' : 'false'}>${this.sending.busy ? msg('Wysyłanie…') : msg('Wyślij wniosek')}</button>
        <button class="button button--secondary" part="back" type="button" @click=${this.onBack}>${msg('Wróć do wyboru')}</button>
      </div>
    </form>`;
  }

  private pick(pointId: string): void {
    this.picked = pointId || undefined;
    this.startOver();
  }

  private startOver(): void {
    this.step = 'choose';
    this.tariff = undefined;
    this.problem = '';
    this.notices.clear();
  }

  private readonly onNext = (event: Event): void => {
    event.preventDefault();
    if (!this.tariff) {
      this.problem = msg('Wybierz taryfę, na którą chcesz przejść.');
      void this.updateComplete.then(() => this.firstOption.value?.focus());
      return;
    }
    this.notices.clear();
    this.step = 'confirm';
    void this.updateComplete.then(() => this.confirmTitle.value?.focus());
  };

  private readonly onBack = (): void => {
    this.step = 'choose';
    this.sending.cancel();
    this.notices.clear();
  };

  private readonly onSend = (event: Event): void => {
    event.preventDefault();
    const point = this.point;
    if (!point || !this.tariff || this.sending.busy) return;
    void this.sending.run({ pointId: point.id, tariff: this.tariff });
  };

  private sent(created: unknown): void {
    this.startOver();
    if (!logic.isRequest(created)) {
      this.notices.show({ tone: 'warning', text: msg('Wniosek wysłaliśmy, ale serwer odpowiedział w nieoczekiwany sposób.'), detail: msg('Odśwież stronę, aby zobaczyć jego stan.') });
      return;
    }
    this.notices.show({ tone: 'success', text: msg(str`Wysłaliśmy wniosek o zmianę taryfy z ${created.fromTariff} na ${created.toTariff}.`), detail: msg('Gdy go rozpatrzymy, powiadomimy Cię w eBOK i e-mailem.'), urgent: false });
    this.emit(new EbokTariffChangeRequestedEvent({ id: created.id, pointId: created.pointId, fromTariff: created.fromTariff, toTariff: created.toTariff, status: created.status }));
    this.showRequest(created);
    void this.updateComplete.then(() => this.notices.ref.value?.focus());
  }

  /** The new request joins the list at once (the next load brings the server's list). */
  private showRequest(created: TariffRequest): void {
    const value = this.tariffs.value;
    if (value && !value.requests.some((r) => r.id === created.id)) value.requests.unshift(created);
    this.requestUpdate();
  }

  /** 409: a request is already pending (another tab, another device); 422: the tariff cannot be chosen now. */
  private refused(error: unknown): boolean {
    if (!(error instanceof EbokApiError)) return false;
    if (error.code === 'conflict') {
      this.startOver();
      this.notices.show({ tone: 'warning', text: msg('Wniosek o zmianę taryfy dla tego punktu już czeka na decyzję.'), detail: msg('Kolejny złożysz, gdy go rozpatrzymy.') });
      this.reloadTariffs();
      return true;
    }
    if (error.code === 'validation_failed') {
      this.step = 'choose';
      this.notices.show({ tone: 'error', text: msg('Tej taryfy nie możemy teraz wybrać dla tego punktu.'), detail: msg('Wybierz inną albo napisz do nas.') });
      this.reloadTariffs();
      return true;
    }
    return false;
  }

  /** The server's list now, not the cached one: after a refusal the point's requests or options have changed. */
  private reloadTariffs(): void {
    this.client?.invalidate(['points', 'tariff-change-requests']);
    this.tariffs.retry();
  }

  private loadFailure(error: unknown): string {
    return failureText(describeFailure(error, { failed: msg('Nie udało się wczytać taryf.') }));
  }
}
