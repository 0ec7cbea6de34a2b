import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatMoney } from '../../i18n/format.js';
import '../../kit/ebok-dialog.js';
import type { PayPlan } from './balance-tile.logic.js';

/** The payment being confirmed, with what the dialog says about it. */
export type PaymentPlan = PayPlan & { currency: string; feeText: string | undefined };

export interface PaymentDialogOptions {
  plan: PaymentPlan | undefined;
  busy: boolean;
  error: string | undefined;
  onConfirm: () => void;
  onCancel: () => void;
  onClosed: () => void;
}

/** The confirmation before the browser goes to the payment operator: amount, what for, the cap, the fee. */
export function paymentDialog(o: PaymentDialogOptions): TemplateResult {
  const plan = o.plan;
  const currency = plan?.currency ?? 'PLN';
  return html`<ebok-dialog label=${msg('Potwierdź płatność')} ?open=${!!plan} exportparts="dialog" @ebok-dialog-close=${o.onClosed}>
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
            <dd>${plan.capped ? msg('Część salda') : msg('Całe saldo')}</dd>
          </dl>
          ${plan.feeText ? html`<p class="note">${plan.feeText}</p>` : nothing}
          <p class="note">${msg('Przekierujemy Cię do operatora płatności. Po zapłacie wrócisz na tę stronę.')}</p>
          ${o.error ? html`<div class="dialog-error status status--error" role="alert"><p class="status__text">${o.error}</p></div>` : nothing}
          <div class="actions">
            <button class="button" part="confirm" type="button" aria-disabled=${o.busy ? 'true' : 'false'} @click=${o.onConfirm}>
              ${o.busy ? msg('Przekierowujemy…') : msg(str`Zapłać ${formatMoney(plan.amount, { currency })}`)}
            </button>
            <button class="button button--secondary" type="button" @click=${o.onCancel}>${msg('Anuluj')}</button>
          </div>`
      : nothing}
  </ebok-dialog>`;
}
