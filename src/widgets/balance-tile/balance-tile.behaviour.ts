import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { ApiTask } from '../../controllers/api-task.js';
import { renderError, renderOffline } from '../../core/status.js';
import { malformedResponse } from '../../api/diagnostics.js';
import { formatDate, formatDateTime, formatMoney } from '../../i18n/format.js';
import { describeFailure, failureText } from '../../kit/failure.js';
import { PortalConfigController } from '../../kit/portal-config.js';
import { icon, type IconName } from '../../kit/icons.js';
import { LazyPaymentFlow } from '../../kit/payment-lazy.js';
import { paymentStyles } from '../../kit/payment.styles.js';
import { addLaterStyles } from '../../kit/later-styles.js';
import type { EbokBalanceTile } from './balance-tile.js';
import { balanceState, isUsableBalance, payPlan, type Balance, type BalanceState, type PortalConfig } from './balance-tile.logic.js';

const ICONS: Record<BalanceState, IconName> = { overdue: 'warning', due: 'clock', overpaid: 'plus', settled: 'success' };

/** What the behaviour may do to the tile: the element's own protected tools, handed over by the element. */
export interface BalanceTileTools {
  loginLink(text: string): TemplateResult;
  navigate(event: Event, target: string, href: string | undefined): boolean;
  hideSelf(hide: boolean): void;
  skeleton(): TemplateResult;
}

/**
 * Everything the balance tile does besides its first frame (balance-tile.ts): the balance and the portal
 * configuration from the API, their states, and paying. The tile loads this after it has drawn its
 * placeholder; the CDN loader fetches it in the same wave as the tile, at low priority, so it never
 * delays that first frame.
 */
export class BalanceTileBehaviour {
  private readonly data: ApiTask<Balance>;
  /** Payments (methods, cap, fee note); the tile shows the balance without it. */
  private readonly config: PortalConfigController;
  /** Paying the balance: the confirmation, the operator, and the outcome when the page comes back (loaded on first use). */
  private readonly pay: LazyPaymentFlow;

  constructor(
    private readonly host: EbokBalanceTile,
    private readonly tools: BalanceTileTools,
  ) {
    // The payment dialog and its outcome are drawn only from here on.
    addLaterStyles(host, paymentStyles);
    this.data = new ApiTask<Balance>(host, {
      load: async (client, signal) => {
        const balance: unknown = await client.get('/balance', { signal });
        if (!isUsableBalance(balance)) throw malformedResponse(client.apiBase, 'GET /balance answered without the amounts and dates it must have');
        return balance;
      },
    });
    this.config = new PortalConfigController(host, { optional: true });
    this.pay = new LazyPaymentFlow(host, {
      whatFor: (plan) => (plan.capped ? msg('Część salda') : msg('Całe saldo')),
      refresh: () => this.data.retry(),
    });
  }

  /** A balance is being loaded (first or again). */
  get busy(): boolean {
    return this.data.status === 'pending';
  }

  willUpdate(): void {
    const status = this.data.status;
    // While a refresh runs the last balance (and its colour) stays.
    const value = status === 'complete' || status === 'pending' ? this.data.value : undefined;
    this.host.state = value ? balanceState(value) : undefined;
    // Hide while signed out when asked to; never undo a `hidden` the host set itself.
    this.tools.hideSelf(status === 'signed-out' && this.host.signedOut === 'hidden');
  }

  updated(): void {
    if (this.data.status === 'complete') this.pay.readReturn();
  }

  /** "As of …" beside the heading, once a balance is shown. */
  asOf() {
    const shown = this.data.status === 'complete' || this.data.status === 'pending' ? this.data.value : undefined;
    return shown ? html`<p class="as-of">${msg(str`Stan na ${formatDateTime(shown.asOf)}`)}</p>` : nothing;
  }

  /** The tile under its header, in every state. */
  body() {
    const failed = msg('Nie udało się wczytać salda. Spróbuj ponownie za chwilę.');
    return html`${this.data.render({
      // Loading again (after a payment): the last balance stays, so the outcome and its focus stay too.
      pending: () => (this.data.value ? this.renderBalance(this.data.value, this.config.value) : this.tools.skeleton()),
      complete: (balance) => this.renderBalance(balance, this.config.value),
      error: (error, retry) => renderError({ message: failureText(describeFailure(error, { failed, unavailable: failed })), onRetry: retry }),
      offline: (retry) => renderOffline(retry),
      signedOut: () => this.renderSignedOut(),
      noApi: () => renderError({ message: msg('Saldo jest chwilowo niedostępne.') }),
    })}
    ${this.pay.renderDialog()}`;
  }

  private renderSignedOut() {
    return html`<p>${msg('Zaloguj się, aby zobaczyć saldo i zapłacić rachunki.')}</p>
      <div class="actions">${this.tools.loginLink(msg('Zaloguj się'))}</div>`;
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
        ${this.host.href
          ? html`<a class="link" part="details-link" href=${this.host.href} @click=${(e: MouseEvent) => this.tools.navigate(e, 'balance-details', this.host.href)}>${msg('Szczegóły salda')}</a>`
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
