import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { EbokApiElement } from '../../core/api-element.js';
import { ApiTask } from '../../controllers/api-task.js';
import { renderError, renderOffline, statusStyles } from '../../core/status.js';
import { EbokErrorEvent, EbokNavigateEvent, EbokPaymentResultEvent, EbokPaymentStartEvent } from '../../core/events.js';
import { EbokApiError } from '../../api/errors.js';
import { newIdempotencyKey } from '../../api/client.js';
import { formatDate, formatDateTime, formatMoney } from '../../i18n/format.js';
import { currentLocale } from '../../i18n/locale.js';
import { balanceTileStyles } from './balance-tile.styles.js';
import {
  balanceState,
  isUsableBalance,
  payPlan,
  RETURN_PARAM,
  type Balance,
  type BalanceState,
  type PayPlan,
  type PortalConfig,
} from './balance-tile.logic.js';

interface TileData {
  balance: Balance;
  config: PortalConfig | undefined;
}

type PaymentOutcome = 'pending' | 'paid' | 'declined' | 'cancelled' | 'expired';

const icons: Record<BalanceState, ReturnType<typeof svg>> = {
  overdue: svg`<path d="M12 3 2 21h20L12 3Z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><path d="M12 10v5M12 18v.5" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/>`,
  overpaid: svg`<circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2"/><path d="M12 7v10M7 12h10" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/>`,
  ok: svg`<circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2"/><path d="m7 12.5 3.2 3.2L17 9" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/>`,
};

/**
 * The customer's balance at a glance (seeds 002, 004): how much, whether anything is overdue, by when,
 * and a way to pay it now through the utility's payment operator.
 *
 * The state is reflected as `state` (`overdue`, `overpaid`, `ok`) and is also said in words and with an
 * icon, never by colour alone. Back from the payment operator (the page URL carries `paymentId`), the
 * tile asks the API for the payment's outcome, announces it and shows the new balance.
 *
 * @customElement ebok-balance-tile
 * @fires ebok-payment-start - A payment was created; cancelable to open `detail.redirectUrl` yourself.
 * @fires ebok-payment-result - Back from the operator: `detail.status` is the payment's outcome.
 * @fires ebok-navigate - "Details" (`target: 'balance-details'`) or "Log in" (`target: 'login'`); cancelable.
 * @fires ebok-error - An error was shown to the customer.
 * @csspart base - The tile.
 * @csspart header - Title and as-of date.
 * @csspart state - The state in words, with its icon.
 * @csspart amount - The balance.
 * @csspart details - What is overdue or due next.
 * @csspart pay - The pay button.
 * @csspart details-link - The link to the details.
 * @csspart dialog - The payment confirmation.
 * @cssprop --ebok-balance-tile-overdue-color - Tone of an overdue balance (default: the red balance token).
 * @cssprop --ebok-balance-tile-overpaid-color - Tone of an overpayment (default: the blue balance token).
 * @cssprop --ebok-balance-tile-ok-color - Tone of a settled balance (default: the green balance token).
 */
export class EbokBalanceTile extends EbokApiElement {
  static override styles = [EbokApiElement.styles, statusStyles, balanceTileStyles];

  /** The state of the balance, for styling the host: set by the tile, not by you. */
  @property({ reflect: true }) state?: BalanceState;

  /** Where "Details" leads (a page of documents and payments). No link when absent and nobody listens. */
  @property() href?: string;

  /** Where "Log in" leads when signed out. */
  @property({ attribute: 'login-href' }) loginHref?: string;

  /** Signed out: `prompt` (default) asks the customer to log in; `hidden` hides the tile. */
  @property({ attribute: 'signed-out' }) signedOut: 'prompt' | 'hidden' = 'prompt';

  /** A smaller tile for side columns and dashboards. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** Heading level of the tile's title (2–6), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private paying = false;
  @state() private payError?: string;
  /** The payment being confirmed: kept while the session is renewed, whatever the tile shows behind it. */
  @state() private plan?: PayPlan & { currency: string; feeText: string | undefined };
  @state() private outcome?: { status: PaymentOutcome; amount?: string };
  @state() private resumeAfterLogin = false;
  @query('dialog') private dialog?: HTMLDialogElement;

  /** One key per "Pay" action: the confirmation's retries reuse it, a new opening gets a new one. */
  private paymentKey?: string;
  private handledReturn = false;

  private readonly data: ApiTask<TileData> = new ApiTask<TileData>(this, {
    load: async (client, signal) => {
      const [balance, config] = await Promise.all([
        client.get('/balance', { signal }),
        client.get('/portal-config', { signal }).catch(() => undefined),
      ]);
      if (!isUsableBalance(balance)) throw new EbokApiError({ status: 200, code: 'malformed_response' });
      return { balance, config };
    },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const status = this.data.status;
    const value = status === 'complete' ? this.data.value : undefined;
    this.state = value ? balanceState(value.balance) : undefined;
    // Hide while signed out when asked to; never undo a `hidden` the host set itself.
    const hide = status === 'signed-out' && this.signedOut === 'hidden';
    this.hideSelf(hide);
    if (this.resumeAfterLogin && this.client?.session.signedIn && this.plan) {
      this.resumeAfterLogin = false;
      void this.confirmPayment();
    }
  }

  protected override updated(): void {
    if (!this.handledReturn && this.client && this.data.status === 'complete') {
      this.handledReturn = true;
      void this.readPaymentReturn();
    }
  }

  override render() {
    return html`<div class="base" part="base" aria-busy=${this.data.status === 'pending' ? 'true' : 'false'}>
      ${this.data.render({
        pending: () => this.renderSkeleton(),
        complete: ({ balance, config }) => this.renderBalance(balance, config),
        error: (error, retry) => renderError({ message: this.errorMessage(error), onRetry: retry }),
        offline: (retry) => renderOffline(retry),
        signedOut: () => this.renderSignedOut(),
        noApi: () => renderError({ message: msg('Saldo jest chwilowo niedostępne.') }),
      })}
      ${this.renderDialog()}
    </div>`;
  }

  private heading(text: string) {
    const level = Math.min(6, Math.max(2, Math.round(this.headingLevel) || 2));
    return html`<div class="title" role="heading" aria-level=${level}>${text}</div>`;
  }

  private renderSkeleton() {
    return html`${this.heading(msg('Saldo'))}
      <div class="skeleton" role="status">
        <span class="visually-hidden">${msg('Wczytywanie salda…')}</span>
        <span aria-hidden="true"></span><span aria-hidden="true"></span><span aria-hidden="true"></span>
      </div>`;
  }

  private renderSignedOut() {
    return html`${this.heading(msg('Saldo'))}
      <p>${msg('Zaloguj się, aby zobaczyć saldo i zapłacić rachunki.')}</p>
      <div class="actions">
        <a class="button" part="login" href=${this.loginHref ?? '#'} @click=${(e: MouseEvent) => this.navigate(e, 'login', this.loginHref)}
          >${msg('Zaloguj się')}</a
        >
      </div>`;
  }

  private renderBalance(balance: Balance, config: PortalConfig | undefined) {
    const state = balanceState(balance);
    const plan = payPlan(balance, config);
    const currency = balance.currency;
    const stateText = {
      overdue: msg('Zaległość po terminie'),
      overpaid: msg('Nadpłata'),
      ok: msg('Brak zaległości'),
    }[state];
    return html`<div class="header" part="header">
        ${this.heading(msg('Saldo'))}
        <p class="as-of">${msg(str`Stan na ${formatDateTime(balance.asOf)}`)}</p>
      </div>
      <p class="state" part="state">
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${icons[state]}</svg>
        <span>${stateText}</span>
      </p>
      <p class="amount" part="amount">
        <span class="visually-hidden">${state === 'overpaid' ? msg('Kwota nadpłaty:') : msg('Do zapłaty:')}</span>
        ${formatMoney(balance.balance.amount, { currency, signDisplay: 'never' })}
      </p>
      <p class="details" part="details">${this.detailsText(balance, state)}</p>
      <div class="actions">
        ${plan
          ? html`<button class="button" part="pay" type="button" ?disabled=${this.paying} @click=${() => this.openPayment(plan, currency, config)}>
              ${msg('Zapłać')}
            </button>`
          : nothing}
        ${this.href
          ? html`<a class="link" part="details-link" href=${this.href} @click=${(e: MouseEvent) => this.navigate(e, 'balance-details', this.href)}
              >${msg('Szczegóły salda')}</a
            >`
          : nothing}
      </div>
      ${this.renderOutcome(currency)}`;
  }

  private detailsText(balance: Balance, state: BalanceState): string {
    const currency = balance.currency;
    if (state === 'overdue') {
      const amount = formatMoney(balance.overdue.amount, { currency });
      return balance.oldestDueDate
        ? msg(str`Po terminie: ${amount}, najstarszy termin płatności minął ${formatDate(balance.oldestDueDate)}.`)
        : msg(str`Po terminie: ${amount}.`);
    }
    if (state === 'overpaid') return msg('Nadpłata zostanie rozliczona z kolejnymi fakturami.');
    if (balance.nextPayment) {
      const amount = formatMoney(balance.nextPayment.amount.amount, { currency });
      return msg(str`Najbliższa płatność: ${amount} do ${formatDate(balance.nextPayment.dueDate)}.`);
    }
    return msg('Nie masz nic do zapłaty.');
  }

  private renderOutcome(currency: string) {
    if (!this.outcome) return nothing;
    const amount = this.outcome.amount ? formatMoney(this.outcome.amount, { currency }) : '';
    const { status } = this.outcome;
    const text = {
      paid: msg(str`Płatność ${amount} przyjęta. Dziękujemy!`),
      pending: msg('Płatność jest przetwarzana. Saldo zmieni się, gdy operator ją potwierdzi.'),
      declined: msg('Płatność została odrzucona. Saldo się nie zmieniło; możesz spróbować ponownie.'),
      cancelled: msg('Płatność została anulowana. Saldo się nie zmieniło.'),
      expired: msg('Płatność wygasła. Saldo się nie zmieniło; możesz spróbować ponownie.'),
    }[status];
    const bad = status === 'declined' || status === 'expired' || status === 'cancelled';
    return html`<div class="result status ${bad ? 'status--error' : ''}" part="result" role=${bad ? 'alert' : 'status'}>
      <p class="status__text">${text}</p>
    </div>`;
  }

  private renderDialog() {
    const plan = this.plan;
    const currency = plan?.currency ?? 'PLN';
    const feeText = plan?.feeText;
    return html`<dialog part="dialog" aria-labelledby="pay-title" @close=${this.onDialogClose}>
      ${plan
        ? html`<h2 id="pay-title">${msg('Potwierdź płatność')}</h2>
            ${plan.capped
              ? html`<p class="cap">
                  ${msg(
                    str`Jedna płatność może wynieść najwyżej ${formatMoney(plan.cap, { currency })}. Zapłać teraz tę kwotę, a resztę (${formatMoney(
                      String((Number(plan.due) - Number(plan.amount)).toFixed(2)),
                      { currency },
                    )}) w kolejnej płatności.`,
                  )}
                </p>`
              : nothing}
            <dl>
              <dt>${msg('Kwota')}</dt>
              <dd>${formatMoney(plan.amount, { currency })}</dd>
              <dt>${msg('Za co')}</dt>
              <dd>${plan.capped ? msg('Część salda') : msg('Całe saldo')}</dd>
            </dl>
            ${feeText ? html`<p class="note">${feeText}</p>` : nothing}
            <p class="note">${msg('Przekierujemy Cię do operatora płatności. Po zapłacie wrócisz na tę stronę.')}</p>
            ${this.payError ? html`<div class="dialog-error status status--error" role="alert"><p class="status__text">${this.payError}</p></div>` : nothing}
            <div class="actions">
              <button class="button" part="confirm" type="button" ?disabled=${this.paying} aria-disabled=${this.paying ? 'true' : 'false'} @click=${this.confirmPayment}>
                ${this.paying ? msg('Przekierowujemy…') : msg(str`Zapłać ${formatMoney(plan.amount, { currency })}`)}
              </button>
              <button class="button button--secondary" type="button" @click=${() => this.dialog?.close()}>${msg('Anuluj')}</button>
            </div>`
        : nothing}
    </dialog>`;
  }

  private openPayment(plan: PayPlan, currency: string, config: PortalConfig | undefined): void {
    const fee = config?.payments.feeNote;
    const feeText = fee ? ((fee as Record<string, string | undefined>)[currentLocale()] ?? fee.pl) : undefined;
    this.plan = { ...plan, currency, feeText };
    this.payError = undefined;
    this.paymentKey = newIdempotencyKey();
    this.dialog?.showModal();
  }

  private onDialogClose = (): void => {
    if (!this.paying) {
      this.plan = undefined;
      this.resumeAfterLogin = false;
    }
    // Give focus back to where the customer was.
    this.renderRoot.querySelector<HTMLButtonElement>('[part="pay"]')?.focus();
  };

  private confirmPayment = async (): Promise<void> => {
    const client = this.client;
    const plan = this.plan;
    if (!client || !plan || this.paying) return;
    this.paying = true;
    this.payError = undefined;
    const returnUrl = new URL(location.href);
    returnUrl.searchParams.delete(RETURN_PARAM);
    try {
      const payment = await client.post('/payments', {
        params: { header: { 'Idempotency-Key': (this.paymentKey ??= newIdempotencyKey()) } },
        body: {
          scope: 'balance',
          ...(plan.capped ? { amount: { amount: plan.amount, currency: 'PLN' } } : {}),
          returnUrl: returnUrl.href,
        },
      });
      const go = this.emit(
        new EbokPaymentStartEvent({
          paymentId: payment.id,
          redirectUrl: payment.redirectUrl,
          amount: payment.amount.amount,
          currency: payment.amount.currency,
        }),
      );
      if (go) window.location.assign(payment.redirectUrl);
      else {
        this.paying = false;
        this.dialog?.close();
      }
    } catch (error) {
      this.paying = false;
      this.handlePayError(error);
    }
  };

  private handlePayError(error: unknown): void {
    if (!(error instanceof EbokApiError)) {
      this.payError = msg('Nie udało się rozpocząć płatności. Spróbuj ponownie.');
      return;
    }
    if (error.code === 'payment_amount_over_cap' && error.problem?.cap && this.plan) {
      this.plan = { ...this.plan, amount: error.problem.cap.amount, capped: true, cap: error.problem.cap.amount };
      this.paymentKey = newIdempotencyKey();
      this.payError = msg('Kwota przekracza limit jednej płatności. Możesz zapłacić kwotę limitu.');
      return;
    }
    if (error.status === 401) {
      // Keep the dialog; once the customer logs in again (in any widget), the payment is sent again.
      this.resumeAfterLogin = true;
      this.payError = msg('Twoja sesja wygasła. Zaloguj się ponownie – płatność wyślemy zaraz potem.');
      return;
    }
    const messages: Partial<Record<string, string>> = {
      payment_nothing_to_pay: msg('Nie ma nic do zapłaty – saldo mogło się właśnie zmienić.'),
      payments_disabled: msg('Płatności online są chwilowo wyłączone.'),
      network_error: msg('Brak połączenia. Sprawdź internet i spróbuj ponownie.'),
      timeout: msg('Operator nie odpowiada. Spróbuj ponownie za chwilę.'),
    };
    this.payError = messages[error.code] ?? msg('Nie udało się rozpocząć płatności. Spróbuj ponownie.');
    this.emit(new EbokErrorEvent({ code: error.code, message: this.payError, status: error.status }));
    if (error.code === 'payment_nothing_to_pay') this.client?.invalidate(['balance']);
  }

  /** Back from the payment operator: the API, not the URL, says how it went. */
  private async readPaymentReturn(): Promise<void> {
    const url = new URL(location.href);
    const id = url.searchParams.get(RETURN_PARAM);
    const client = this.client;
    if (!id || !client) return;
    url.searchParams.delete(RETURN_PARAM);
    url.searchParams.delete('ebok-payment-status');
    url.searchParams.delete('ebok-payment');
    history.replaceState(history.state, '', url.href);
    try {
      const payment = await client.get('/payments/{paymentId}', { params: { path: { paymentId: id } }, cacheTtlMs: 0 });
      this.outcome = { status: payment.status, amount: payment.amount.amount };
      this.emit(new EbokPaymentResultEvent({ paymentId: id, status: payment.status }));
      if (payment.status === 'paid' || payment.status === 'pending') {
        client.invalidate(['balance', 'documents', 'payments']);
        this.data.retry();
      }
    } catch {
      this.outcome = { status: 'pending' };
    }
  }

  private navigate(event: MouseEvent, target: string, href: string | undefined): void {
    const proceed = this.emit(new EbokNavigateEvent({ target, ...(href ? { href } : {}) }));
    if (!proceed || !href) event.preventDefault();
  }

  private errorMessage(error: unknown): string {
    if (error instanceof EbokApiError) {
      if (error.code === 'malformed_response') return msg('Serwer odpowiedział w nieoczekiwany sposób. Spróbuj ponownie za chwilę.');
      if (error.code === 'timeout') return msg('Serwer nie odpowiada. Spróbuj ponownie za chwilę.');
      if (error.code === 'network_error') return msg('Brak połączenia. Sprawdź internet i spróbuj ponownie.');
    }
    return msg('Nie udało się wczytać salda. Spróbuj ponownie za chwilę.');
  }
}
