import { html } from 'lit';
import { state } from 'lit/decorators.js';
import { createRef, ref } from 'lit/directives/ref.js';
import { msg } from '@lit/localize';
import { EbokLoginReminderRequestedEvent } from '../../core/events.js';
import { EbokWidget } from '../../kit/widget.js';
import { FormController } from '../../kit/form.js';
import { submitButton, textField } from '../../kit/fields.js';
import { formFeedback } from '../../kit/form.js';
import { formStyles } from '../../kit/form.styles.js';
import { PortalConfigController } from '../../kit/portal-config.js';
import { emailError, nipError, peselError } from '../../kit/messages.js';
import { allowsPeselNip, checkReminderIdentifier, type ReminderProblem } from './login-reminder.logic.js';

/**
 * "Nie pamiętam loginu" (seeds 000, 002, 003): the customer gives the e-mail address, or a PESEL or NIP when
 * the portal lets customers log in with them (`loginIdentifierKinds` has `pesel_nip`), and the login is
 * e-mailed to the account's address. The answer is always the same neutral one, whatever was typed, so it
 * reveals nothing about accounts.
 *
 * @customElement ebok-login-reminder
 * @fires ebok-login-reminder-requested - A reminder was asked for (neutral: says nothing about the account).
 * @fires ebok-navigate - "Log in" (`target: 'login'`); cancelable.
 * @fires ebok-error - A failure was shown to the customer (not field errors).
 * @csspart base - The widget.
 * @csspart heading - The heading.
 * @csspart field - The field (label, hint, input, error).
 * @csspart input - The text input.
 * @csspart field-error - The error under the field.
 * @csspart error-summary - The error announced after sending.
 * @csspart notice - A failure of sending (network, server), with everything typed kept.
 * @csspart submit - The send button.
 * @csspart result - The answer after sending.
 * @csspart login - The log-in link.
 * @csspart status - Loading, error and offline states (with `retry`).
 * @cssprop --ebok-color-primary - Buttons and links.
 * @cssprop --ebok-color-danger - Errors.
 * @cssprop --ebok-color-success - The answer.
 */
export class EbokLoginReminder extends EbokWidget {
  static override styles = [EbokWidget.styles, formStyles];

  @state() private sent = false;

  private readonly config: PortalConfigController = new PortalConfigController(this);
  private readonly result = createRef<HTMLElement>();

  private get peselNip(): boolean {
    return allowsPeselNip(this.config.value?.loginIdentifierKinds ?? ['email']);
  }

  private readonly form = new FormController(this, {
    initial: { identifier: '' },
    order: ['identifier'],
    check: (_name, values) => {
      const result = checkReminderIdentifier(values.identifier, this.peselNip);
      return result.ok ? undefined : this.problemText(result.problem);
    },
    body: (values) => {
      const result = checkReminderIdentifier(values.identifier, this.peselNip);
      return result.ok ? { identifier: result.identifier } : undefined;
    },
    send: (client, body, key) => client.post('/auth/login-reminder', { params: { header: { 'Idempotency-Key': key } }, body }),
    done: () => {
      this.sent = true;
      this.emit(new EbokLoginReminderRequestedEvent());
      this.form.focus.next(this.result);
    },
    // The server refused the identifier's form: say what it may be, as the browser would have.
    fieldOf: () => 'identifier',
    serverText: () => this.problemText({ check: 'unknown' }),
    context: { action: 'send' },
  });

  override render() {
    const config = this.config.value;
    return html`<div class="base" part="base" aria-busy=${this.form.busy || (!config && this.config.status === 'pending') ? 'true' : 'false'}>
      ${config
        ? this.sent
          ? this.renderSent()
          : this.renderForm()
        : html`${this.heading(msg('Nie pamiętam loginu'))}
          ${this.config.renderState({ failed: msg('Nie udało się wczytać formularza. Spróbuj ponownie za chwilę.'), unavailable: msg('Przypomnienie loginu jest chwilowo niedostępne.') })}`}
    </div>`;
  }

  private renderForm() {
    const peselNip = this.peselNip;
    return html`${this.heading(msg('Nie pamiętam loginu'))}
      <p class="intro">
        ${peselNip
          ? msg('Podaj adres e-mail, PESEL albo NIP. Jeśli pasują do konta, wyślemy login na adres e-mail przypisany do konta.')
          : msg('Podaj adres e-mail. Jeśli pasuje do konta, wyślemy na niego login.')}
      </p>
      ${formFeedback(this.form)}
      <form novalidate @submit=${this.onSubmit}>
        ${textField(this.form.field('identifier'), {
          label: peselNip ? msg('Adres e-mail, PESEL albo NIP') : msg('Adres e-mail'),
          type: peselNip ? 'text' : 'email',
          inputmode: peselNip ? 'text' : 'email',
          autocomplete: peselNip ? 'username' : 'email',
          maxlength: 254,
        })}
        <div class="actions">${submitButton(this.form, { label: msg('Przypomnij login') })} ${this.loginLink(msg('Wróć do logowania'), 'link')}</div>
      </form>`;
  }

  private renderSent() {
    return html`<div class="result" part="result" tabindex="-1" ${ref(this.result)}>
      ${this.heading(msg('Sprawdź skrzynkę e-mail'))}
      <div class="status status--success" role="status">
        <p class="status__text">${msg('Jeśli dane pasują do konta w eBOK, wysłaliśmy login na adres e-mail przypisany do konta.')}</p>
        <p>${msg('Nie widzisz wiadomości? Sprawdź folder ze spamem.')}</p>
      </div>
      <div class="actions">${this.loginLink(msg('Przejdź do logowania'))}</div>
    </div>`;
  }

  private problemText(problem: ReminderProblem): string {
    switch (problem.check) {
      case 'empty':
        return this.peselNip ? msg('Podaj adres e-mail, PESEL albo NIP.') : emailError('empty');
      case 'email':
        return emailError(problem.reason);
      case 'pesel':
        return peselError(problem.reason);
      case 'nip':
        return nipError(problem.reason);
      case 'unknown':
        return msg('Podaj adres e-mail (nazwa@domena.pl), PESEL (11 cyfr) albo NIP (10 cyfr).');
    }
  }

  private onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.form.submit();
  };
}
