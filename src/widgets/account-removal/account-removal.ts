import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { ApiTask } from '../../controllers/api-task.js';
import { renderError, renderLoading, renderOffline } from '../../core/status.js';
import { malformedResponse } from '../../api/diagnostics.js';
import { EbokApiError } from '../../api/errors.js';
import { EbokWidget } from '../../kit/widget.js';
import { FormController } from '../../kit/form.js';
import { passwordField, submitButton } from '../../kit/fields.js';
import { formFeedback } from '../../kit/form.js';
import { formStyles } from '../../kit/form.styles.js';
import { textareaField, textareaStyles } from '../../kit/textarea.js';
import { describeFailure, failureText } from '../../kit/failure.js';
import { formatDateTime } from '../../i18n/format.js';
import { EbokAccountRemovalRequestedEvent } from './account-removal.events.js';
import { accountRemovalStyles } from './account-removal.styles.js';
import { REASON_MAX, isOpen, isRemovalRequest, requestOf, type RemovalRequest, type RemovalStatus } from './account-removal.logic.js';

/**
 * "Usuń konto" (seeds 000, 001: done by asking the utility). First it says what happens: the eBOK account and its
 * login end; invoices and contracts are kept as the law requires (accounting and tax records: 5 years); an open
 * balance and active contracts still bind, and the contract is not terminated by this. Then the customer confirms
 * with the current password (and may say why), and the request is filed with the utility, which e-mails a
 * confirmation. A request being handled is shown instead of the form, with its number, date and status.
 *
 * @customElement ebok-account-removal
 * @fires ebok-account-removal-requested - The request was filed: `detail` has its `id`, `status` and `submittedAt`.
 * @fires ebok-navigate - "Log in" (`target: 'login'`); cancelable.
 * @fires ebok-error - A failure was shown to the customer.
 * @csspart base - The widget.
 * @csspart heading - The heading.
 * @csspart consequences - What removing the account does and does not do.
 * @csspart request - The request being handled: number, date, status.
 * @csspart field - Each field (label, hint, input, error).
 * @csspart input - The password input and the reason's text area.
 * @csspart hint - A field's hint, and the characters left.
 * @csspart field-error - The error under a field.
 * @csspart reveal - The show-password toggle.
 * @csspart caps-lock - The Caps Lock warning.
 * @csspart error-summary - The errors announced after sending.
 * @csspart notice - A failure of sending.
 * @csspart submit - "File the request".
 * @csspart login - The log-in link.
 * @csspart status - Loading, error and offline states (with `retry`).
 * @cssprop --ebok-color-danger - The send button, and errors.
 * @cssprop --ebok-color-primary - Links.
 */
export class EbokAccountRemoval extends EbokWidget {
  static override styles = [EbokWidget.styles, formStyles, textareaStyles, accountRemovalStyles];

  /** The request filed here (shown without waiting for a reload). */
  @state() private filed?: RemovalRequest;

  private readonly data: ApiTask<RemovalRequest | null> = new ApiTask<RemovalRequest | null>(this, {
    load: async (client, signal) => {
      const value: unknown = await client.get('/customer/account-removal-request', { signal });
      const request = requestOf(value);
      if (request === undefined) throw malformedResponse(client.apiBase, 'GET /customer/account-removal-request answered without `request`');
      this.filed = undefined;
      return request;
    },
  });

  private readonly form = new FormController<{ removalPassword: string; reason: string }, { currentPassword: string; reason?: string }, RemovalRequest>(this, {
    initial: { removalPassword: '', reason: '' },
    order: ['removalPassword', 'reason'],
    fieldOf: (pointer) => (pointer === '/currentPassword' ? 'removalPassword' : pointer === '/reason' ? 'reason' : undefined),
    serverText: (field) => (field.field === '/currentPassword' && field.code === 'incorrect' ? msg('Obecne hasło jest nieprawidłowe.') : undefined),
    check: (name, values) => {
      if (name === 'removalPassword') return values.removalPassword === '' ? msg('Wpisz obecne hasło, aby potwierdzić.') : undefined;
      return values.reason.length > REASON_MAX ? msg('Ten tekst jest za długi.') : undefined;
    },
    body: (values) => ({ currentPassword: values.removalPassword, ...(values.reason.trim() ? { reason: values.reason.trim() } : {}) }),
    send: async (client, body, key) => {
      const answer: unknown = await client.post('/customer/account-removal-request', { params: { header: { 'Idempotency-Key': key } }, body });
      if (!isRemovalRequest(answer)) throw malformedResponse(client.apiBase, 'POST /customer/account-removal-request answered without the request', 201);
      return answer;
    },
    done: async (request) => {
      this.form.reset();
      this.filed = request;
      this.emit(new EbokAccountRemovalRequestedEvent({ id: request.id, status: request.status, submittedAt: request.submittedAt }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="request"]')?.focus();
    },
    failed: (error) => {
      // Someone filed one meanwhile (another tab): show it instead of the form.
      if (!(error instanceof EbokApiError) || error.code !== 'conflict') return false;
      this.form.reset();
      this.client?.invalidate(['customer']);
      this.data.retry();
      return true;
    },
    resumeAfterLogin: true,
    context: { action: 'send', failed: msg('Nie udało się złożyć wniosku.') },
  });

  override render() {
    return html`<div class="base" part="base" aria-busy=${this.data.status === 'pending' ? 'true' : 'false'}>
      ${this.heading(msg('Usunięcie konta w eBOK'))}
      ${this.data.render({
        pending: () => renderLoading(msg('stan wniosku')),
        complete: (request) => this.renderBody(this.filed ?? request),
        error: (error, retry) => renderError({ message: failureText(describeFailure(error, { failed: msg('Nie udało się sprawdzić, czy złożono już wniosek.') })), onRetry: retry }),
        offline: (retry) => renderOffline(retry),
        signedOut: () => html`<p>${msg('Zaloguj się, aby złożyć wniosek o usunięcie konta.')}</p>
          <div class="actions">${this.loginLink(msg('Zaloguj się'))}</div>`,
        noApi: () => renderError({ message: msg('Wnioski o usunięcie konta są chwilowo niedostępne.') }),
      })}
    </div>`;
  }

  private renderBody(request: RemovalRequest | null) {
    if (request && isOpen(request)) return this.renderRequest(request);
    return html`${request?.status === 'rejected'
        ? html`<div class="notice notice--warning" part="notice warning"><p>${msg('Poprzedni wniosek nie został przyjęty. Powód podaliśmy w wiadomości e-mail. Możesz złożyć nowy.')}</p></div>`
        : nothing}
      ${this.renderConsequences()}
      ${formFeedback(this.form)}
      <form novalidate @submit=${this.onSubmit}>
        ${passwordField(this.form, this.form.field('removalPassword'), {
          label: msg('Obecne hasło'),
          autocomplete: 'current-password',
          hint: msg('Potwierdzasz nim, że to Ty składasz wniosek.'),
          reveal: { controls: 'removalPassword', label: msg('Pokaż hasło') },
        })}
        ${textareaField(this.form.field('reason'), { label: msg('Powód (jeśli chcesz go podać)'), maxlength: REASON_MAX, required: false, rows: 3 })}
        <div class="actions">${submitButton(this.form, { label: msg('Złóż wniosek o usunięcie konta') })}</div>
      </form>`;
  }

  private renderConsequences() {
    return html`<p class="intro">${msg('Zanim złożysz wniosek, sprawdź, co się stanie:')}</p>
      <ul class="consequences" part="consequences">
        <li>${msg('Po rozpatrzeniu wniosku konto w eBOK zostanie usunięte i nie zalogujesz się już do niego.')}</li>
        <li><strong>${msg('Umowa nie zostanie rozwiązana.')}</strong> ${msg('Prąd, gaz lub woda są dostarczane dalej, a faktury przyjdą pocztą albo e-mailem.')}</li>
        <li>${msg('Nieopłacone faktury i zawarte umowy nadal obowiązują. Umowę wypowiesz osobnym wnioskiem albo w Biurze Obsługi Klienta.')}</li>
        <li>${msg('Faktury i umowy przechowujemy tak długo, jak wymaga prawo (dokumenty księgowe i podatkowe: 5 lat). Pozostałe dane konta usuniemy.')}</li>
        <li>${msg('Potwierdzenie wniosku wyślemy na adres e-mail konta.')}</li>
      </ul>`;
  }

  private renderRequest(request: RemovalRequest) {
    return html`<div class="status status--info" role="status">
        <p class="status__text">${msg('Twój wniosek o usunięcie konta jest rozpatrywany. Napiszemy do Ciebie, gdy go rozpatrzymy.')}</p>
      </div>
      <dl class="request" part="request" tabindex="-1">
        <div><dt>${msg('Numer wniosku')}</dt><dd>${request.id}</dd></div>
        <div><dt>${msg('Złożony')}</dt><dd>${formatDateTime(request.submittedAt)}</dd></div>
        <div><dt>${msg('Stan')}</dt><dd>${statusText(request.status)}</dd></div>
      </dl>
      <p>${msg("Do tego czasu możesz korzystać z eBOK. Umowy i płatności obowiązują bez zmian.")}</p>`;
  }

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.form.submit();
  };
}

function statusText(status: RemovalStatus): string {
  switch (status) {
    case 'submitted':
      return msg('złożony, czeka na rozpatrzenie');
    case 'in_progress':
      return msg('w trakcie rozpatrywania');
    case 'completed':
      return msg('konto usunięte');
    case 'rejected':
      return msg('nieprzyjęty');
  }
}
