import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import { msg, str } from '@lit/localize';
import type { components } from '../api/schema.js';
import { EbokApiError } from '../api/errors.js';
import { EbokErrorEvent, EbokPaymentResultEvent, EbokPaymentStartEvent } from '../core/events.js';
import { formatMoney } from '../i18n/format.js';
import { localized } from '../i18n/locale.js';
import { ActionController, type ApiHost } from './action.js';
import { failureText } from './failure.js';
import { markPaymentLeaving, readPaymentReturn, resetPaymentReturn, returnUrlFor, type PaymentOutcome, type PaymentReturn } from './payment-return.js';
import type { PayPlan } from './money.js';
import './ebok-dialog.js';

type PaymentBody = components['schemas']['CreatePaymentRequest'];
type Payment = components['schemas']['PaymentCreated'];
type PortalConfig = components['schemas']['PortalConfig'];

/** What is being paid: the scope of `createPayment` without the amount and the return address. */
export type PaymentScope = Pick<PaymentBody, 'scope' | 'documentIds'>;

/** The payment being confirmed, with what the dialog says about it. */
export interface PaymentPlan extends PayPlan {
  currency: string;
  feeText: string | undefined;
  scope: PaymentScope;
}

export interface PaymentHost extends ApiHost {
  /** Dispatches one of the library's typed events; false when the page cancelled it. */
  dispatchEvent(event: Event): boolean;
}

/** Where the flow reads the payment settings (the cap, the fee note): the widget's `PortalConfigController`. */
export interface PaymentSettings {
  readonly status: string;
  readonly value: PortalConfig | undefined;
  settled(): Promise<void>;
}

export interface PaymentFlowOptions {
  /** "What for" in the confirmation: the whole balance, part of it, the chosen documents… */
  whatFor: (plan: PaymentPlan) => string;
  /**
   * A failure only the widget can word (e.g. a chosen document that is no longer payable): return the text to
   * show in the dialog, or undefined to let the flow word it.
   */
  failed?: (error: EbokApiError, plan: PaymentPlan) => string | undefined;
  /** Back from the operator with a paid or pending payment (or nothing left to pay): show the new figures. */
  refresh: () => void;
}

/**
 * Paying through the utility's payment operator, the same way in every widget that offers it (the balance tile,
 * the invoice list): a confirmation with the amount, what for, the per-transaction cap and the fee note; one
 * payment per confirmation (one idempotency key, a double click sends once; after a 401 it waits for a new
 * login and sends then); `ebok-payment-start` (cancelable) before the browser leaves; and back from the operator,
 * the outcome read from the API — announced by the widget that started the payment, while every widget on the
 * page shows the new figures. Its look is `paymentStyles` (kit/payment.styles.ts), for the widget's styles.
 */
export class PaymentFlow implements ReactiveController {
  /** The payment being confirmed: kept while the session is renewed, whatever the widget shows behind it. */
  plan: PaymentPlan | undefined;
  /** What went wrong with the last attempt, in words. */
  error: string | undefined;
  /** Back from the operator: how it went (shown by the widget that started it). */
  outcome: { status: PaymentOutcome; amount?: string } | undefined;

  private readonly resultRef = createRef<HTMLElement>();
  private returned = false;

  private readonly pay: ActionController<PaymentBody, Payment>;

  constructor(
    private readonly host: PaymentHost,
    private readonly options: PaymentFlowOptions,
  ) {
    host.addController(this);
    this.pay = new ActionController<PaymentBody, Payment>(host, {
      send: (client, body, key) => client.post('/payments', { params: { header: { 'Idempotency-Key': key } }, body }),
      done: (payment) => this.started(payment),
      failed: (error) => this.failed(error),
      described: (failure) => {
        this.error = failureText(failure);
        host.requestUpdate();
      },
      context: { action: 'send', keepsInput: false, failed: msg('Nie udało się rozpocząć płatności. Spróbuj ponownie.') },
      resumeAfterLogin: true,
    });
  }

  /** A payment is being created (the confirm button says so; a second click sends nothing). */
  get busy(): boolean {
    return this.pay.busy;
  }

  /**
   * Opens the confirmation of `scope` for the plan `planOf` makes from the portal configuration. A click that
   * comes before the configuration arrived waits for it, so the confirmation already knows the per-payment cap
   * and the fee note (rather than the customer learning of the cap from the operator's refusal).
   */
  async open(planOf: (config: PortalConfig | undefined) => PayPlan | undefined, scope: PaymentScope, currency: string, settings: PaymentSettings): Promise<void> {
    if (settings.status === 'pending') await settings.settled();
    const config = settings.value;
    const plan = planOf(config);
    if (!plan) return;
    const fee = config?.payments.feeNote;
    const feeText = fee ? localized(fee) : undefined;
    this.pay.cancel();
    this.plan = { ...plan, currency, feeText, scope };
    this.error = undefined;
    this.host.requestUpdate();
  }

  /** Closes the confirmation (as its close button would). */
  close(): void {
    this.host.shadowRoot?.querySelector('ebok-dialog')?.requestClose('close-button');
  }

  /**
   * Reads the outcome of the payment the page came back from (once the widget has its client); the widget that
   * started it (or any, when the address does not say) announces it, and moves focus to it.
   */
  async readReturn(): Promise<void> {
    const client = this.host.client;
    if (this.returned || !client) return;
    this.returned = true;
    const back = await readPaymentReturn(client);
    if (back) await this.showReturn(back);
  }

  hostConnected(): void {
    window.addEventListener('pageshow', this.onPageShow);
  }

  hostDisconnected(): void {
    window.removeEventListener('pageshow', this.onPageShow);
  }

  renderDialog(): TemplateResult {
    const plan = this.plan;
    const currency = plan?.currency ?? 'PLN';
    const busy = this.pay.busy;
    return html`<ebok-dialog label=${msg('Potwierdź płatność')} ?open=${!!plan} exportparts="dialog" @ebok-dialog-close=${this.onClosed}>
      ${plan
        ? html`${plan.capped
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
              <dd>${this.options.whatFor(plan)}</dd>
            </dl>
            ${plan.feeText ? html`<p class="note">${plan.feeText}</p>` : nothing}
            <p class="note">${msg('Przekierujemy Cię do operatora płatności. Po zapłacie wrócisz na tę stronę.')}</p>
            ${this.error ? html`<div class="dialog-error status status--error" role="alert"><p class="status__text">${this.error}</p></div>` : nothing}
            <div class="actions">
              <button class="button" part="confirm" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${this.confirm}>
                ${busy ? msg('Przekierowujemy…') : msg(str`Zapłać ${formatMoney(plan.amount, { currency })}`)}
              </button>
              <button class="button button--secondary" type="button" @click=${() => this.close()}>${msg('Anuluj')}</button>
            </div>`
        : nothing}
    </ebok-dialog>`;
  }

  renderOutcome(currency: string): TemplateResult | typeof nothing {
    if (!this.outcome) return nothing;
    const amount = this.outcome.amount ? formatMoney(this.outcome.amount, { currency }) : '';
    const { status } = this.outcome;
    const text = {
      'not-completed': msg('Płatność nie została dokończona. Saldo się nie zmieniło; możesz zapłacić ponownie.'),
      paid: msg(str`Płatność ${amount} przyjęta. Dziękujemy!`),
      pending: msg('Płatność jest przetwarzana. Saldo zmieni się, gdy operator ją potwierdzi.'),
      declined: msg('Płatność została odrzucona. Saldo się nie zmieniło; możesz spróbować ponownie.'),
      cancelled: msg('Płatność została anulowana. Saldo się nie zmieniło.'),
      expired: msg('Płatność wygasła. Saldo się nie zmieniło; możesz spróbować ponownie.'),
    }[status];
    const bad = status === 'declined' || status === 'expired' || status === 'cancelled' || status === 'not-completed';
    return html`<div ${ref(this.resultRef)} class="result status ${bad ? 'status--error' : ''}" part="result" role=${bad ? 'alert' : 'status'} tabindex="-1">
      <p class="status__text">${text}</p>
    </div>`;
  }

  private onClosed = (): void => {
    if (this.pay.busy) return;
    this.plan = undefined;
    this.pay.cancel();
    this.host.requestUpdate();
  };

  private confirm = (): void => {
    const plan = this.plan;
    if (!plan) return;
    this.error = undefined;
    void this.pay.run({
      ...plan.scope,
      ...(plan.capped ? { amount: { amount: plan.amount, currency: plan.currency } } : {}),
      returnUrl: returnUrlFor(this.host.localName),
    });
  };

  /** The payment exists: the host page may take over (cancel the event), else the browser goes to the operator. */
  private started(payment: Payment): void {
    const go = this.host.dispatchEvent(
      new EbokPaymentStartEvent({ paymentId: payment.id, redirectUrl: payment.redirectUrl, amount: payment.amount.amount, currency: payment.amount.currency }),
    );
    if (!go) {
      this.close();
      return;
    }
    markPaymentLeaving(payment.id, this.host.localName);
    window.location.assign(payment.redirectUrl);
  }

  /** Failures with the flow's own words (over the cap, nothing to pay) or the widget's; the rest by the kit. */
  private failed(error: unknown): boolean {
    const plan = this.plan;
    if (!(error instanceof EbokApiError) || !plan) return false;
    const own = this.options.failed?.(error, plan);
    if (own) {
      this.error = own;
    } else if (error.code === 'payment_amount_over_cap' && error.problem?.cap) {
      this.plan = { ...plan, amount: error.problem.cap.amount, capped: true, cap: error.problem.cap.amount };
      this.error = msg('Kwota przekracza limit jednej płatności. Możesz zapłacić kwotę limitu.');
    } else if (error.code === 'payment_nothing_to_pay') {
      this.error = msg('Nie ma nic do zapłaty – saldo mogło się właśnie zmienić.');
      this.host.dispatchEvent(new EbokErrorEvent({ code: error.code, message: this.error, status: error.status }));
      this.host.client?.invalidate(['balance', 'documents']);
      this.options.refresh();
    } else {
      return false;
    }
    this.host.requestUpdate();
    return true;
  }

  private async showReturn(back: PaymentReturn): Promise<void> {
    const mine = !back.source || back.source === this.host.localName;
    if (back.outcome === 'paid' || back.outcome === 'pending') this.options.refresh();
    if (!mine) return;
    this.outcome = { status: back.outcome, amount: back.amount };
    if (back.status) this.host.dispatchEvent(new EbokPaymentResultEvent({ paymentId: back.id, status: back.status }));
    this.host.requestUpdate();
    // The result may be below the fold on a phone: bring it into view, and focus reads it out.
    await this.host.updateComplete;
    const result = this.resultRef.value;
    result?.scrollIntoView({ block: 'center' });
    result?.focus({ preventScroll: true });
  }

  /** Back from the operator with the browser's cache (bfcache): the widget is as it was when it left. */
  private onPageShow = (event: PageTransitionEvent): void => {
    if (!event.persisted) return;
    this.pay.cancel();
    this.plan = undefined;
    this.returned = false;
    resetPaymentReturn();
    void this.readReturn();
  };
}
