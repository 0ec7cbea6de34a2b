import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { ApiTask } from '../../controllers/api-task.js';
import { malformedResponse } from '../../api/diagnostics.js';
import { renderError, renderLoading, renderOffline } from '../../core/status.js';
import { EbokWidget } from '../../kit/widget.js';
import { FormController } from '../../kit/form.js';
import { submitButton } from '../../kit/fields.js';
import { formFeedback } from '../../kit/form.js';
import { formStyles } from '../../kit/form.styles.js';
import { describeFailure, failureText } from '../../kit/failure.js';
import { PortalConfigController } from '../../kit/portal-config.js';
import { consentsStyles } from './consents.styles.js';
import { EbokConsentsChangedEvent } from './consents.events.js';
import { eInvoiceView, marketingView, savedText, termsView } from './consents.views.js';
import * as logic from './consents.logic.js';
import type { ConsentValues, Consents, ConsentsUpdate } from './consents.logic.js';

/**
 * The customer's consents in "My data" (seeds 000, 002–004): the terms of service accepted (which version, when,
 * and the document), e-invoice on or off, and each marketing consent separately — by e-mail, by phone or SMS,
 * profiling — with the date it was given or withdrawn. Withdrawing is exactly as easy as giving: one checkbox
 * each, in the same place, saved with the same button. Where the utility's eBOK means e-invoices
 * (`PortalConfig.eInvoiceRequired`, seed 003), e-invoice shows as on with the reason it cannot be turned off here.
 *
 * A failed save keeps every choice; a session that ended meanwhile asks to log in again and then saves by itself.
 *
 * @customElement ebok-consents
 * @fires ebok-consents-changed - The consents were saved: `detail.consents` (the stored consents), `detail.changed` (ids of the marketing consents changed), `detail.eInvoice` (when it changed).
 * @fires ebok-error - A failure was shown (`detail.code`).
 * @fires ebok-navigate - The terms link or "Log in" was followed (`target`: `terms`, `login`); cancelable.
 * @csspart base - The widget.
 * @csspart heading - Its title.
 * @csspart terms - The accepted terms: version, date, link.
 * @csspart terms-link - The link to the terms document.
 * @csspart form - The form of e-invoice and the marketing consents.
 * @csspart field - One checkbox with its label and hint.
 * @csspart hint - What a consent is for and when it was given or withdrawn.
 * @csspart field-error - A consent the server refused.
 * @csspart e-invoice - E-invoice when it cannot be turned off (with the reason).
 * @csspart badge - "On" of such an e-invoice.
 * @csspart consents - The list of marketing consents.
 * @csspart consent - One marketing consent.
 * @csspart error-summary - The list of refused consents after a save.
 * @csspart notice - The result of a save, or why it failed (`notice success`, `notice error` …).
 * @csspart submit - "Save consents".
 * @csspart login - "Log in" when signed out.
 * @csspart status - Loading, error and offline states.
 * @csspart retry - "Try again" after a load failure.
 * @cssprop --ebok-consents-fixed-bg - Background of the e-invoice that cannot be turned off.
 */
export class EbokConsents extends EbokWidget {
  static override styles = [EbokWidget.styles, formStyles, consentsStyles];

  /** The terms document; default: the one the portal publishes (`PortalConfig.terms.url`). */
  @property({ attribute: 'terms-href' }) termsHref?: string;

  private readonly config: PortalConfigController = new PortalConfigController(this, { optional: true });
  /** The consents as the server last answered them (loaded, then each save). */
  private stored: Consents | undefined;
  private loaded: Consents | undefined;
  private sent: ConsentsUpdate | undefined;
  private readonly order: string[] = [];

  private readonly data: ApiTask<Consents> = new ApiTask<Consents>(this, {
    load: async (client, signal) => {
      const value: unknown = await client.get('/customer/consents', { signal });
      if (!logic.isConsents(value)) throw malformedResponse(client.apiBase, 'GET /customer/consents answered without the consents');
      return value;
    },
  });

  private readonly form: FormController<ConsentValues, ConsentsUpdate, Consents> = new FormController<ConsentValues, ConsentsUpdate, Consents>(this, {
    initial: {},
    order: this.order,
    check: () => undefined,
    body: (values) => (this.stored ? logic.changesOf(this.stored, values, this.eInvoiceRequired) : undefined),
    send: async (client, body, key) => {
      this.sent = body;
      const value: unknown = await client.put('/customer/consents', { params: { header: { 'Idempotency-Key': key } }, body });
      if (!logic.isConsents(value)) throw malformedResponse(client.apiBase, 'PUT /customer/consents answered without the consents');
      return value;
    },
    done: (after, body) => this.saved(after, body),
    fieldOf: (pointer) => logic.fieldOfPointer(pointer, this.sent),
    serverText: (error) => (error.field === '/eInvoice' ? msg('E-faktury nie można tu wyłączyć: tak stanowi regulamin eBOK.') : undefined),
    resumeAfterLogin: true,
    otherCustomer: () => this.follow(this.stored, true),
    context: { action: 'send', failed: msg('Nie udało się zapisać zgód.') },
  });

  private get eInvoiceRequired(): boolean {
    return this.config.value?.eInvoiceRequired === true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const value = this.data.value;
    if (value && value !== this.loaded) {
      this.loaded = value;
      this.follow(value, false);
    }
  }

  /** New consents from the server: the form shows them, unless a save of the customer's choice waits or runs. */
  private follow(consents: Consents | undefined, force: boolean): void {
    if (!consents) return;
    this.stored = consents;
    this.order.splice(0, this.order.length, ...logic.fieldOrder(consents));
    if (force || !(this.form.busy || this.form.action.waitingForLogin)) this.form.assign(logic.valuesOf(consents, this.eInvoiceRequired));
  }

  private saved(after: Consents, body: ConsentsUpdate): void {
    const before = this.stored ?? after;
    this.stored = after;
    this.form.assign(logic.valuesOf(after, this.eInvoiceRequired));
    const changed = logic.changedConsents(before, after);
    const eInvoice = body.eInvoice !== undefined && before.eInvoice !== after.eInvoice ? after.eInvoice : undefined;
    this.form.notice.show({ tone: 'success', ...savedText(changed, eInvoice) });
    this.emit(new EbokConsentsChangedEvent({ consents: after, changed: changed.map((m) => m.id), ...(eInvoice !== undefined ? { eInvoice } : {}) }));
  }

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.form.busy) return;
    if (this.stored && !logic.changesOf(this.stored, this.form.values, this.eInvoiceRequired)) {
      this.form.notice.show({ tone: 'info', text: msg('Nic się nie zmieniło: zgody są zapisane tak, jak je widzisz.') });
      return;
    }
    void this.form.submit();
  };

  override render() {
    return html`<section class="base" part="base" aria-labelledby="title" aria-busy=${this.data.status === 'pending' || this.form.busy ? 'true' : 'false'}>
      ${this.heading(msg('Zgody'), { id: 'title' })}
      ${this.data.render({
        pending: () => (this.stored ? this.renderBody(this.stored) : renderLoading(msg('zgody'))),
        complete: () => (this.stored ? this.renderBody(this.stored) : nothing),
        error: (error, retry) => renderError({ message: failureText(describeFailure(error, { failed: msg('Nie udało się wczytać zgód.') })), onRetry: retry }),
        offline: (retry) => renderOffline(retry),
        signedOut: () => html`<p>${msg('Zaloguj się, aby zobaczyć i zmienić swoje zgody.')}</p>
          <div class="actions">${this.loginLink(msg('Zaloguj się'))}</div>`,
        noApi: () => renderError({ message: msg('Zgody są chwilowo niedostępne.') }),
      })}
    </section>`;
  }

  private renderBody(consents: Consents) {
    const form = this.form;
    const href = this.termsHref ?? this.config.value?.terms?.url;
    const level = Math.min(6, this.level + 1);
    return html`${termsView(consents, href, (event) => this.navigate(event, 'terms', href), level)}
      <form part="form" novalidate @submit=${this.onSubmit}>
        ${formFeedback(form)}
        <fieldset class="choice">
          <legend>${msg('E-faktura')}</legend>
          ${eInvoiceView(form.field<boolean>(logic.E_INVOICE), this.config.value)}
        </fieldset>
        <fieldset class="choice">
          <legend>${msg('Zgody marketingowe')}</legend>
          <p class="field__hint">${msg('Każdą zgodę wyrażasz albo wycofujesz osobno, w dowolnej chwili. Brak zgody nie zmienia warunków Twojej umowy.')}</p>
          ${consents.marketing.length
            ? html`<ul class="consents-list" part="consents">
                ${consents.marketing.map((m) => marketingView(m, form.field<boolean>(logic.marketingField(m.id))))}
              </ul>`
            : html`<p>${msg('Nie prosimy o żadne zgody marketingowe.')}</p>`}
        </fieldset>
        <div class="actions">${submitButton(form, { label: msg('Zapisz zgody'), busyLabel: msg('Zapisujemy…') })}</div>
      </form>
      ${form.notice.renderLiveRegion()}`;
  }
}
