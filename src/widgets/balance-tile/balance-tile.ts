import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { ApiTask } from '../../controllers/api-task.js';
import { renderError, renderOffline } from '../../core/status.js';
import { malformedResponse } from '../../api/diagnostics.js';
import { formatDate, formatDateTime, formatMoney } from '../../i18n/format.js';
import { EbokWidget } from '../../kit/widget.js';
import { describeFailure, failureText } from '../../kit/failure.js';
import { PortalConfigController } from '../../kit/portal-config.js';
import { icon, type IconName } from '../../kit/icons.js';
import { LazyPaymentFlow } from '../../kit/payment-lazy.js';
import { paymentStyles } from '../../kit/payment.styles.js';
import { balanceTileStyles } from './balance-tile.styles.js';
import { balanceState, isUsableBalance, payPlan, type Balance, type BalanceState, type PortalConfig } from './balance-tile.logic.js';

const ICONS: Record<BalanceState, IconName> = { overdue: 'warning', due: 'clock', overpaid: 'plus', settled: 'success' };

/**
 * The customer's balance at a glance (seeds 002, 004): how much, whether anything is overdue, by when,
 * and a way to pay it now through the utility's payment operator.
 *
 * The state is reflected as `state` (`overdue`, `due`, `overpaid`, `settled`) and is also said in words and with an
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
 * @csspart dialog - The payment confirmation (its button: `confirm`).
 * @csspart result - The payment's outcome, back from the operator.
 * @cssprop --ebok-balance-tile-overdue-color - Tone of an overdue balance (default: the red balance token).
 * @cssprop --ebok-balance-tile-overpaid-color - Tone of an overpayment (default: the blue balance token).
 * @cssprop --ebok-balance-tile-due-color - Tone of an amount to pay, not yet overdue (default: the `due` balance token, red).
 * @cssprop --ebok-balance-tile-settled-color - Tone of a settled balance (default: the green balance token; `--ebok-balance-tile-ok-color`, its name before, still works for one release).
 */
export class EbokBalanceTile extends EbokWidget {
  static override styles = [EbokWidget.styles, paymentStyles, balanceTileStyles];

  /** The state of the balance, for styling the host: set by the tile, not by you. */
  @property({ reflect: true }) state?: BalanceState;

  /** Where "Details" leads (a page of documents and payments). No link when absent and nobody listens. */
  @property() href?: string;

  /** Signed out: `prompt` (default) asks the customer to log in; `hidden` hides the tile. */
  @property({ attribute: 'signed-out' }) signedOut: 'prompt' | 'hidden' = 'prompt';

  /** A smaller tile for side columns and dashboards. */
  @property({ type: Boolean, reflect: true }) compact = false;

  private readonly data: ApiTask<Balance> = new ApiTask<Balance>(this, {
    load: async (client, signal) => {
      const balance: unknown = await client.get('/balance', { signal });
      if (!isUsableBalance(balance)) throw malformedResponse(client.apiBase, 'GET /balance answered without the amounts and dates it must have');
      return balance;
    },
  });

  /** Payments (methods, cap, fee note); the tile shows the balance without it. */
  private readonly config: PortalConfigController = new PortalConfigController(this, { optional: true });

  /** Paying the balance: the confirmation, the operator, and the outcome when the page comes back (loaded on first use). */
  private readonly pay = new LazyPaymentFlow(this, {
    whatFor: (plan) => (plan.capped ? msg('Część salda') : msg('Całe saldo')),
    refresh: () => this.data.retry(),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const status = this.data.status;
    // While a refresh runs the last balance (and its colour) stays.
    const value = status === 'complete' || status === 'pending' ? this.data.value : undefined;
    this.state = value ? balanceState(value) : undefined;
    // Hide while signed out when asked to; never undo a `hidden` the host set itself.
    this.hideSelf(status === 'signed-out' && this.signedOut === 'hidden');
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.data.status === 'complete') this.pay.readReturn();
  }

  override render() {
    const failed = msg('Nie udało się wczytać salda. Spróbuj ponownie za chwilę.');
    const shown = this.data.status === 'complete' || this.data.status === 'pending' ? this.data.value : undefined;
    // The heading stays one element whatever the state, so focus on it (after a login) survives loading.
    return html`<div class="base" part="base" aria-busy=${this.data.status === 'pending' ? 'true' : 'false'}>
      <div class="header" part="header">
        ${this.heading(msg('Saldo'))} ${shown ? html`<p class="as-of">${msg(str`Stan na ${formatDateTime(shown.asOf)}`)}</p>` : nothing}
      </div>
      ${this.data.render({
        // Loading again (after a payment): the last balance stays, so the outcome and its focus stay too.
        pending: () => (this.data.value ? this.renderBalance(this.data.value, this.config.value) : this.renderSkeleton()),
        complete: (balance) => this.renderBalance(balance, this.config.value),
        error: (error, retry) => renderError({ message: failureText(describeFailure(error, { failed, unavailable: failed })), onRetry: retry }),
        offline: (retry) => renderOffline(retry),
        signedOut: () => this.renderSignedOut(),
        noApi: () => renderError({ message: msg('Saldo jest chwilowo niedostępne.') }),
      })}
      ${this.pay.renderDialog()}
    </div>`;
  }

  /**
   * While the session and the balance load: the shape of the "log in" prompt that most often replaces it, its
   * words drawn as grey lines (generated content, hidden from screen readers and from the page's text), so the
   * tile keeps its height in every language, width and text size.
   */
  private renderSkeleton() {
    return html`<div class="skeleton" role="status">
      <span class="visually-hidden">${msg('Wczytywanie salda…')}</span>
      <div aria-hidden="true">
        <p data-shape=${msg('Zaloguj się, aby zobaczyć saldo i zapłacić rachunki.')}></p>
        <div class="actions"><span class="button" data-shape=${msg('Zaloguj się')}></span></div>
      </div>
    </div>`;
  }

  private renderSignedOut() {
    return html`<p>${msg('Zaloguj się, aby zobaczyć saldo i zapłacić rachunki.')}</p>
      <div class="actions">${this.loginLink(msg('Zaloguj się'))}</div>`;
  }

  private renderBalance(balance: Balance, config: PortalConfig | undefined) {
    const state = balanceState(balance);
    const plan = payPlan(balance, config);
    const currency = balance.currency;
    const stateText = { overdue: msg('Zaległość po terminie'), due: msg('Do zapłaty'), overpaid: msg('Nadpłata'), settled: msg('Nic do zapłaty') }[state];
    return html`<p class="state" part="state">${icon(ICONS[state])}<span>${stateText}</span></p>
      <p class="amount" part="amount">
        <span class="visually-hidden">${state === 'overpaid' ? msg('Kwota nadpłaty:') : msg('Do zapłaty:')}</span>
        ${formatMoney(balance.balance.amount, { currency, signDisplay: 'never' })}
      </p>
      <p class="details" part="details">${this.detailsText(balance, state)}</p>
      <div class="actions">
        ${plan
          ? html`<button class="button" part="pay" type="button" ?disabled=${this.pay.busy} @click=${() => this.openPayment(balance, currency)}>${msg('Zapłać')}</button>`
          : nothing}
        ${this.href
          ? html`<a class="link" part="details-link" href=${this.href} @click=${(e: MouseEvent) => this.navigate(e, 'balance-details', this.href)}>${msg('Szczegóły salda')}</a>`
          : nothing}
      </div>
      ${this.pay.renderOutcome(currency)}`;
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
    if (state === 'due' && balance.nextPayment) {
      const amount = formatMoney(balance.nextPayment.amount.amount, { currency });
      const date = formatDate(balance.nextPayment.dueDate);
      return balance.nextPayment.amount.amount === balance.balance.amount
        ? msg(str`Do zapłaty ${amount} do ${date}.`)
        : msg(str`Najbliższa płatność: ${amount} do ${date}.`);
    }
    return state === 'due' ? msg('Kwota czeka na zapłatę; termin nie minął.') : msg('Wszystkie rachunki są opłacone.');
  }

  private openPayment(balance: Balance, currency: string): void {
    void this.pay.open((config) => payPlan(balance, config), { scope: 'balance' }, currency, this.config);
  }
}
