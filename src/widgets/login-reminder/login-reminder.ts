import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { EbokApiElement } from '../../core/api-element.js';
import { ApiTask } from '../../controllers/api-task.js';
import { statusStyles } from '../../core/status.js';
import { EbokErrorEvent, EbokLoginReminderRequestedEvent, EbokNavigateEvent } from '../../core/events.js';
import { EbokApiError } from '../../api/errors.js';
import type { components } from '../../api/schema.js';
import {
  emailError,
  focusFirstInvalid,
  formStyles,
  renderConfigState,
  IdempotencyKeys,
  nipError,
  peselError,
  renderErrorSummary,
  renderFormError,
  renderHeading,
  renderTextField,
  submitErrorMessage,
  type SummaryEntry,
} from '../../core/form.js';
import { allowsPeselNip, checkReminderIdentifier, type ReminderProblem } from './login-reminder.logic.js';

type PortalConfig = components['schemas']['PortalConfig'];

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
 * @csspart title - The heading.
 * @csspart field - The field (label, hint, input, error).
 * @csspart input - The text input.
 * @csspart field-error - The error under the field.
 * @csspart error-summary - The error announced after sending.
 * @csspart submit - The send button.
 * @csspart result - The answer after sending.
 * @csspart login - The log-in link.
 * @csspart status - Loading, error and offline states (with `retry`).
 * @cssprop --ebok-color-primary - Buttons and links.
 * @cssprop --ebok-color-danger - Errors.
 * @cssprop --ebok-color-success - The answer.
 */
export class EbokLoginReminder extends EbokApiElement {
  static override styles = [EbokApiElement.styles, statusStyles, formStyles];

  /** Heading level of the title (2–6), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Where "Log in" leads. */
  @property({ attribute: 'login-href' }) loginHref?: string;

  @state() private identifier = '';
  @state() private error?: string;
  @state() private summary: SummaryEntry[] = [];
  @state() private attempt = 0;
  @state() private formError?: string;
  @state() private submitting = false;
  @state() private sent = false;

  private readonly keys = new IdempotencyKeys();

  private readonly config: ApiTask<PortalConfig> = new ApiTask<PortalConfig>(this, {
    personal: false,
    load: (client, signal) => client.get('/portal-config', { signal }),
  });

  override render() {
    const config = this.config.value;
    return html`<div class="base" part="base" aria-busy=${this.submitting || (!config && this.config.status === 'pending') ? 'true' : 'false'}>
      ${config
        ? this.sent
          ? this.renderSent()
          : this.renderForm(allowsPeselNip(config.loginIdentifierKinds))
        : html`${renderHeading(msg('Nie pamiętam loginu'), this.headingLevel)}
          ${renderConfigState(this.config, { failed: msg('Nie udało się wczytać formularza. Spróbuj ponownie za chwilę.'), unavailable: msg('Przypomnienie loginu jest chwilowo niedostępne.') })}`}
    </div>`;
  }

  private renderForm(peselNip: boolean) {
    const summary = this.error ? this.summary : [];
    return html`${renderHeading(msg('Nie pamiętam loginu'), this.headingLevel)}
      <p class="intro">
        ${peselNip
          ? msg('Podaj adres e-mail, PESEL albo NIP. Jeśli pasują do konta, wyślemy login na adres e-mail przypisany do konta.')
          : msg('Podaj adres e-mail. Jeśli pasuje do konta, wyślemy na niego login.')}
      </p>
      ${renderErrorSummary(summary, this.attempt, () => this.focusInput())} ${renderFormError(this.formError)}
      <form novalidate @submit=${this.onSubmit}>
        ${renderTextField({
          id: 'identifier',
          label: peselNip ? msg('Adres e-mail, PESEL albo NIP') : msg('Adres e-mail'),
          value: this.identifier,
          type: peselNip ? 'text' : 'email',
          inputmode: peselNip ? 'text' : 'email',
          autocomplete: peselNip ? 'username' : 'email',
          maxlength: 254,
          error: this.error,
          onInput: (value) => {
            this.identifier = value;
            this.formError = undefined;
            if (this.error) this.error = this.check(peselNip);
          },
          onBlur: () => {
            if (this.identifier !== '' || this.error) this.error = this.check(peselNip);
          },
        })}
        <div class="actions">
          <button class="button" part="submit" type="submit" aria-disabled=${this.submitting ? 'true' : 'false'}>
            ${this.submitting ? msg('Wysyłanie…') : msg('Przypomnij login')}
          </button>
          ${this.renderLoginLink('link')}
        </div>
      </form>`;
  }

  private renderSent() {
    return html`<div class="result" part="result" tabindex="-1">
      ${renderHeading(msg('Sprawdź skrzynkę e-mail'), this.headingLevel)}
      <div class="status status--success" role="status">
        <p class="status__text">${msg('Jeśli dane pasują do konta w eBOK, wysłaliśmy login na adres e-mail przypisany do konta.')}</p>
        <p>${msg('Nie widzisz wiadomości? Sprawdź folder ze spamem.')}</p>
      </div>
      <div class="actions">${this.renderLoginLink('button')}</div>
    </div>`;
  }

  private check(peselNip: boolean): string | undefined {
    const result = checkReminderIdentifier(this.identifier, peselNip);
    return result.ok ? undefined : this.problemText(result.problem, peselNip);
  }

  private problemText(problem: ReminderProblem, peselNip: boolean): string {
    switch (problem.check) {
      case 'empty':
        return peselNip ? msg('Podaj adres e-mail, PESEL albo NIP.') : emailError('empty');
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

  private onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const client = this.client;
    const config = this.config.value;
    if (this.submitting || !client || !config) return;
    this.formError = undefined;
    const peselNip = allowsPeselNip(config.loginIdentifierKinds);
    const result = checkReminderIdentifier(this.identifier, peselNip);
    if (!result.ok) {
      this.error = this.problemText(result.problem, peselNip);
      await this.showError();
      return;
    }
    this.error = undefined;
    const body = { identifier: result.identifier };
    this.submitting = true;
    try {
      await client.post('/auth/login-reminder', { params: { header: { 'Idempotency-Key': this.keys.keyFor(body) } }, body });
      this.keys.reset();
      this.submitting = false;
      this.sent = true;
      this.emit(new EbokLoginReminderRequestedEvent());
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="result"]')?.focus();
    } catch (error) {
      this.submitting = false;
      if (error instanceof EbokApiError && error.status === 422 && error.fields.length) {
        this.error = this.problemText({ check: 'unknown' }, peselNip);
        await this.showError();
        return;
      }
      this.formError = submitErrorMessage(error);
      this.emit(
        EbokErrorEvent.from(error, this.formError),
      );
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="submit"]')?.focus();
    }
  };

  private async showError(): Promise<void> {
    this.summary = this.error ? [{ id: 'identifier', message: this.error }] : [];
    this.attempt++;
    await this.updateComplete;
    focusFirstInvalid(this.renderRoot);
  }

  private focusInput(): void {
    this.renderRoot.querySelector<HTMLElement>('#identifier')?.focus();
  }

  private renderLoginLink(look: 'button' | 'link') {
    return html`<a class=${look} part="login" href=${this.loginHref ?? '#'} @click=${this.navigateToLogin}
      >${look === 'button' ? msg('Przejdź do logowania') : msg('Wróć do logowania')}</a
    >`;
  }

  private navigateToLogin = (event: MouseEvent): void => {
    const href = this.loginHref;
    const proceed = this.emit(new EbokNavigateEvent({ target: 'login', ...(href ? { href } : {}) }));
    if (!proceed || !href) event.preventDefault();
  };
}
