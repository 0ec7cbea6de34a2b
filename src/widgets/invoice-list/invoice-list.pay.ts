import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { EbokApiError } from '../../api/errors.js';
import type { components } from '../../api/schema.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';
import { plural, type ListController } from '../../controllers/list.js';
import { fromMinor, planFor, toMinor } from '../../kit/money.js';
import type { PaymentPlan } from '../../kit/payment.js';
import { LazyPaymentFlow } from '../../kit/payment-lazy.js';
import type { PortalConfigController } from '../../kit/portal-config.js';
import type { ApiHost } from '../../kit/action.js';
import type { DocumentSummary } from './invoice-list.logic.js';

type PortalConfig = components['schemas']['PortalConfig'];

/** The most documents one payment may name (createPayment's `documentIds`, maxItems). */
export const MAX_DOCUMENTS = 50;

/** The sum of what remains to pay on `docs`, in grosze. */
export function remainingMinor(docs: Iterable<DocumentSummary>): number {
  let sum = 0;
  for (const doc of docs) sum += Math.max(0, toMinor(doc.remaining.amount) ?? 0);
  return sum;
}

export interface SelectionHost extends ApiHost {
  readonly config: PortalConfigController;
  /** The documents loaded (a chosen one that changed or stopped being payable follows them). */
  readonly list: Pick<ListController<DocumentSummary>, 'status' | 'items'>;
  /** The list starts over (after a payment or a refusal changed the documents). */
  reloadDocuments(): void;
  /** Says something once to screen readers (the list's live region). */
  announce(text: string): void;
}

/**
 * Paying chosen documents in one transaction (seeds 001, 002): payable documents of any contract are chosen
 * with their checkbox (or Space on the focused row), the sum follows live, and "Pay the chosen" opens the same
 * confirmation and operator flow as the balance tile (kit/payment.ts, loaded on first use), within the cap.
 * The choice survives filtering, paging and a new login; a document that stops being payable leaves it.
 */
export class DocumentSelection implements ReactiveController {
  private readonly chosen = new Map<string, DocumentSummary>();
  private readonly payment: LazyPaymentFlow;
  private seen: readonly DocumentSummary[] | undefined;
  /** Shown next to the sum: why a document could not be chosen, or left the choice. */
  note: string | undefined;

  constructor(private readonly host: SelectionHost) {
    host.addController(this);
    this.payment = new LazyPaymentFlow(host, {
      whatFor: (plan) => this.whatFor(plan),
      failed: (error, plan) => this.refused(error, plan),
      refresh: () => {
        this.clear();
        this.host.reloadDocuments();
      },
    });
  }

  /** Documents chosen, in the order they were chosen. */
  get documents(): readonly DocumentSummary[] {
    return [...this.chosen.values()];
  }

  get size(): number {
    return this.chosen.size;
  }

  has(doc: DocumentSummary): boolean {
    return this.chosen.has(doc.id);
  }

  /** Back from the operator: the outcome is read as soon as the flow is there. */
  hostUpdated(): void {
    this.payment.readReturn();
  }

  /** Each new set of loaded documents updates the chosen ones (before the widget renders them). */
  hostUpdate(): void {
    const list = this.host.list;
    if (list.status === 'complete' && list.items !== this.seen) {
      this.seen = list.items;
      this.update(list.items);
    }
  }

  /** Chooses or un-chooses a payable document. */
  toggle(doc: DocumentSummary): void {
    if (!doc.payable) return;
    this.note = undefined;
    if (this.chosen.delete(doc.id)) {
      this.host.announce(this.summaryText());
    } else if (this.chosen.size >= MAX_DOCUMENTS) {
      this.note = msg(str`Jedna płatność może objąć najwyżej ${MAX_DOCUMENTS} dokumentów. Zapłać wybrane, a potem kolejne.`);
      this.host.announce(this.note);
    } else {
      this.chosen.set(doc.id, doc);
      this.host.announce(this.summaryText());
    }
    this.host.requestUpdate();
  }

  clear(): void {
    this.chosen.clear();
    this.note = undefined;
    this.host.requestUpdate();
  }

  /** New rows arrived: a chosen document keeps its latest figures, and leaves the choice when no longer payable. */
  update(items: readonly DocumentSummary[]): void {
    for (const doc of items) {
      if (!this.chosen.has(doc.id)) continue;
      if (doc.payable) this.chosen.set(doc.id, doc);
      else this.chosen.delete(doc.id);
    }
  }

  /** What the customer would pay now, or undefined when nothing is chosen or payments are off. */
  plan(config: PortalConfig | undefined) {
    return planFor(remainingMinor(this.chosen.values()), config);
  }

  summaryText(): string {
    const n = this.chosen.size;
    if (!n) return msg('Nie wybrano dokumentów do zapłaty.');
    const count = formatNumber(n);
    const what = plural(n, {
      one: msg(str`Wybrano ${count} dokument`, { id: 'ebok-invoice-list-chosen-one' }),
      few: msg(str`Wybrano ${count} dokumenty`, { id: 'ebok-invoice-list-chosen-few' }),
      many: msg(str`Wybrano ${count} dokumentów`, { id: 'ebok-invoice-list-chosen-many' }),
      other: msg(str`Wybrano ${count} dokumentu`, { id: 'ebok-invoice-list-chosen-other' }),
    });
    const sum = formatMoney(fromMinor(remainingMinor(this.chosen.values())), { currency: this.currency() });
    return msg(str`${what}, razem ${sum}.`);
  }

  /** The row's checkbox: only payable documents have one; the others say why not. */
  renderCheckbox(doc: DocumentSummary): TemplateResult {
    if (!doc.payable) {
      const why = Number(doc.remaining.amount) > 0 ? msg('płatność w toku') : msg('nie do zapłaty');
      return html`<span class="muted choose-none"><span class="visually-hidden">${doc.number}: </span>${why}</span>`;
    }
    return html`<input
      class="choose"
      part="choose"
      type="checkbox"
      .checked=${this.has(doc)}
      aria-label=${msg(str`Wybierz do zapłaty: ${doc.number}`)}
      @change=${() => this.toggle(doc)}
    />`;
  }

  /** The sum of the choice and "Pay the chosen", above the rows; the dialog; the outcome after a return. */
  render(config: PortalConfig | undefined): TemplateResult {
    const payment = this.payment;
    const plan = this.plan(config);
    const busy = payment.busy || payment.loadingFlow;
    return html`${payment.renderOutcome(this.currency())}
      ${this.size || this.note
        ? html`<div class="selection" part="selection">
            <p class="selection__sum">${this.summaryText()}</p>
            ${plan?.capped
              ? html`<p class="selection__cap">
                  ${msg(str`To więcej niż limit jednej płatności (${formatMoney(plan.cap, { currency: this.currency() })}): zapłacisz teraz kwotę limitu, resztę w kolejnej płatności.`)}
                </p>`
              : nothing}
            ${this.note ? html`<p class="selection__note" role="alert">${this.note}</p>` : nothing}
            <div class="actions">
              ${plan
                ? html`<button class="button" part="pay" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => void this.pay()}>
                    ${msg(str`Zapłać wybrane (${formatMoney(plan.amount, { currency: this.currency() })})`)}
                  </button>`
                : nothing}
              ${this.size ? html`<button class="button button--secondary" part="clear-selection" type="button" @click=${() => this.clear()}>${msg('Wyczyść wybór')}</button>` : nothing}
            </div>
          </div>`
        : nothing}
      ${payment.renderDialog()}`;
  }

  private currency(): string {
    return this.documents[0]?.remaining.currency ?? 'PLN';
  }

  private async pay(): Promise<void> {
    if (this.payment.busy || this.payment.loadingFlow) return;
    await this.payment.open((config) => this.plan(config), { scope: 'documents', documentIds: this.documents.map((doc) => doc.id) }, this.currency(), this.host.config);
  }

  private whatFor(plan: PaymentPlan): string {
    const numbers = this.documents
      .filter((doc) => plan.scope.documentIds?.includes(doc.id))
      .map((doc) => doc.number)
      .join(', ');
    return plan.capped ? msg(str`Część kwoty dokumentów: ${numbers}`) : numbers;
  }

  /**
   * Some chosen documents cannot be paid any more (paid meanwhile, or a payment for them started in another tab):
   * they leave the choice, the list shows their new state, and the dialog offers the rest.
   */
  private refused(error: EbokApiError, plan: PaymentPlan): string | undefined {
    if (error.code !== 'validation_failed') return undefined;
    const ids = plan.scope.documentIds ?? [];
    const refused = error.fields
      .map((field) => /^\/documentIds\/(\d+)$/.exec(field.field)?.[1])
      .flatMap((index) => (index !== undefined && ids[Number(index)] ? [ids[Number(index)]!] : []));
    if (!refused.length) return undefined;
    const numbers = refused.map((id) => this.chosen.get(id)?.number ?? id).join(', ');
    for (const id of refused) this.chosen.delete(id);
    this.host.client?.invalidate(['documents', 'balance']);
    this.host.reloadDocuments();
    const text = msg(str`Tych dokumentów nie można już zapłacić (są opłacone albo ich płatność trwa, np. w innym oknie): ${numbers}.`);
    const rest = this.plan(this.host.config.value);
    if (rest && this.payment.flow) {
      void this.payment.open(() => rest, { scope: 'documents', documentIds: this.documents.map((doc) => doc.id) }, this.currency(), this.host.config);
      return msg(str`${text} Pozostałe możesz zapłacić teraz.`);
    }
    this.payment.close();
    this.note = text;
    this.host.requestUpdate();
    return text;
  }
}
