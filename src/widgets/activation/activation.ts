import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { EbokApiElement } from '../../core/api-element.js';
import { renderError, renderLoading, renderOffline, statusStyles } from '../../core/status.js';
import { EbokAccountActivatedEvent, EbokActivationResentEvent, EbokErrorEvent, EbokNavigateEvent } from '../../core/events.js';
import { EbokApiError } from '../../api/errors.js';
import { validateEmail } from '../../validation/index.js';
import {
  emailError,
  focusFirstInvalid,
  forgetTokenInUrl,
  linkLifetime,
  formStyles,
  IdempotencyKeys,
  renderErrorSummary,
  renderFormError,
  renderHeading,
  renderTextField,
  submitErrorMessage,
  tokenFromPage,
  type SummaryEntry,
} from '../../core/form.js';
import { activateOnce, type ActivationOutcome } from './activation.logic.js';

type Phase = 'no-token' | 'activating' | ActivationOutcome | 'failed' | 'offline' | 'no-api';

/**
 * The page the activation link opens (seeds 000, 002, 004): reads the token (the `token` attribute, else
 * `?token=` in the page's address), activates the account once on load, and says how it went: active (go
 * and log in), already active (the link was used), or the link expired or is wrong, with a form to ask for a
 * new link by e-mail (always the same neutral answer). A failure of the network or the server offers to try
 * again. The token is removed from the address bar once it is spent or refused.
 *
 * @customElement ebok-activation
 * @fires ebok-account-activated - The account is active; the customer can log in.
 * @fires ebok-activation-resent - A new link was asked for (neutral: says nothing about the account).
 * @fires ebok-navigate - "Log in" (`target: 'login'`); cancelable.
 * @fires ebok-error - A failure was shown to the customer.
 * @csspart base - The widget.
 * @csspart title - The heading.
 * @csspart result - The outcome of the activation or of asking for a new link.
 * @csspart field - The e-mail field of the new-link form.
 * @csspart input - The e-mail input.
 * @csspart field-error - The error under the field.
 * @csspart error-summary - The error announced after sending.
 * @csspart submit - The "send a new link" button.
 * @csspart login - The log-in link.
 * @csspart retry - "Try again" after a failure.
 * @csspart status - Progress, error and offline states.
 * @cssprop --ebok-color-primary - Buttons and links.
 * @cssprop --ebok-color-danger - Errors.
 * @cssprop --ebok-color-success - Success.
 */
export class EbokActivation extends EbokApiElement {
  static override styles = [EbokApiElement.styles, statusStyles, formStyles];

  /** The activation token from the e-mailed link; when absent, `?token=` of the page's address is used. */
  @property() token?: string;

  /** Heading level of the title (2–6), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Where "Log in" leads. */
  @property({ attribute: 'login-href' }) loginHref?: string;

  @state() private phase: Phase = 'activating';
  @state() private email = '';
  @state() private error?: string;
  @state() private summary: SummaryEntry[] = [];
  @state() private attempt = 0;
  @state() private formError?: string;
  @state() private submitting = false;
  /** A new link was asked for; the lifetime is said when the portal configuration could be read. */
  @state() private resent?: { lifetime: number | undefined };

  private readonly keys = new IdempotencyKeys();
  /** The token this widget is activating or has activated. */
  private started?: string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const link = tokenFromPage(this.token);
    if (!link) {
      if (this.started === undefined && this.phase === 'activating') this.phase = 'no-token';
      return;
    }
    if (link.token !== this.started) void this.activate(link.token, link.fromUrl);
  }

  /** Activates the token (once per page, whatever re-renders) and shows the outcome. */
  private async activate(token: string, fromUrl: boolean): Promise<void> {
    const client = this.client;
    if (!client) {
      // No API yet (a provider around may still come): try again on the next update.
      this.phase = 'no-api';
      return;
    }
    this.started = token;
    this.phase = 'activating';
    try {
      const outcome = await activateOnce(`${client.apiBase} ${token}`, () =>
        client.post('/auth/activate', { params: { header: { 'Idempotency-Key': this.keys.keyFor({ token }) } }, body: { token } }),
      );
      if (this.started !== token) return;
      this.phase = outcome;
      if (fromUrl) forgetTokenInUrl();
      if (outcome === 'activated') this.emit(new EbokAccountActivatedEvent());
      else this.emit(new EbokErrorEvent({ code: outcome === 'used' ? 'token_used' : 'token_invalid_or_expired', message: this.outcomeText(outcome), status: 422 }));
    } catch (error) {
      if (this.started !== token) return;
      this.phase = error instanceof EbokApiError && error.offline ? 'offline' : 'failed';
      this.emit(
        EbokErrorEvent.from(error, msg('Nie udało się aktywować konta.')),
      );
    }
  }

  private retry = (): void => {
    const link = tokenFromPage(this.token);
    if (link) void this.activate(link.token, link.fromUrl);
  };

  override render() {
    return html`<div class="base" part="base" aria-busy=${this.phase === 'activating' || this.submitting ? 'true' : 'false'}>
      ${this.renderPhase()}
    </div>`;
  }

  private renderPhase() {
    switch (this.phase) {
      case 'activating':
        return html`${renderHeading(msg('Aktywacja konta'), this.headingLevel)} ${renderLoading(msg('aktywujemy konto'))}`;
      case 'activated':
        return html`<div class="result" part="result">
          ${renderHeading(msg('Konto jest aktywne'), this.headingLevel)}
          <div class="status status--success" role="status"><p class="status__text">${this.outcomeText('activated')}</p></div>
          <div class="actions">${this.renderLoginLink()}</div>
        </div>`;
      case 'used':
        return html`<div class="result" part="result">
          ${renderHeading(msg('Konto jest już aktywne'), this.headingLevel)}
          <div class="status status--info" role="status"><p class="status__text">${this.outcomeText('used')}</p></div>
          <div class="actions">${this.renderLoginLink()}</div>
        </div>`;
      case 'invalid':
      case 'no-token':
        return html`${renderHeading(msg('Aktywacja konta'), this.headingLevel)}
          <div class="status status--error" part="result" role="alert">
            <p class="status__text">${this.phase === 'invalid' ? this.outcomeText('invalid') : msg('W adresie strony brakuje kodu aktywacyjnego. Otwórz link z wiadomości e-mail albo poproś o nowy.')}</p>
          </div>
          ${this.renderResend()}`;
      case 'failed':
        return html`${renderHeading(msg('Aktywacja konta'), this.headingLevel)}
          ${renderError({ message: msg('Nie udało się aktywować konta. Spróbuj ponownie za chwilę.'), onRetry: this.retry })}`;
      case 'offline':
        return html`${renderHeading(msg('Aktywacja konta'), this.headingLevel)} ${renderOffline(this.retry)}`;
      case 'no-api':
        return html`${renderHeading(msg('Aktywacja konta'), this.headingLevel)}
          ${renderError({ message: msg('Aktywacja konta jest chwilowo niedostępna.') })}`;
    }
  }

  private outcomeText(outcome: ActivationOutcome): string {
    switch (outcome) {
      case 'activated':
        return msg('Gotowe! Twoje konto w eBOK jest aktywne. Zaloguj się adresem e-mail i hasłem podanymi przy rejestracji.');
      case 'used':
        return msg('Ten link aktywacyjny został już użyty, więc konto jest aktywne. Zaloguj się.');
      case 'invalid':
        return msg('Link aktywacyjny wygasł albo jest nieprawidłowy. Podaj adres e-mail podany przy rejestracji, a wyślemy nowy link.');
    }
  }

  private renderResend() {
    if (this.resent) {
      return html`<div class="status status--success" part="result" role="status" tabindex="-1">
        <p class="status__text">${msg('Jeśli konto czeka na aktywację, wysłaliśmy nowy link aktywacyjny na adres e-mail przypisany do konta.')}</p>
        ${this.resent.lifetime ? html`<p>${linkLifetime(this.resent.lifetime)}</p>` : nothing}
        <p>${msg('Nie widzisz wiadomości? Sprawdź folder ze spamem.')}</p>
      </div>`;
    }
    return html`${renderErrorSummary(this.error ? this.summary : [], this.attempt, () => this.focusInput())} ${renderFormError(this.formError)}
      <form novalidate @submit=${this.onResend}>
        ${renderTextField({
          id: 'email',
          label: msg('Adres e-mail podany przy rejestracji'),
          type: 'email',
          value: this.email,
          inputmode: 'email',
          autocomplete: 'email',
          maxlength: 254,
          error: this.error,
          onInput: (value) => {
            this.email = value;
            this.formError = undefined;
            if (this.error) this.error = this.check();
          },
          onBlur: () => {
            if (this.email !== '' || this.error) this.error = this.check();
          },
        })}
        <div class="actions">
          <button class="button" part="submit" type="submit" aria-disabled=${this.submitting ? 'true' : 'false'}>
            ${this.submitting ? msg('Wysyłanie…') : msg('Wyślij nowy link')}
          </button>
        </div>
      </form>`;
  }

  private check(): string | undefined {
    const result = validateEmail(this.email);
    return result.valid ? undefined : emailError(result.reason);
  }

  private onResend = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const client = this.client;
    if (this.submitting || !client) return;
    this.formError = undefined;
    const result = validateEmail(this.email);
    if (!result.valid) {
      this.error = emailError(result.reason);
      this.summary = [{ id: 'email', message: this.error }];
      this.attempt++;
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot);
      return;
    }
    this.error = undefined;
    const body = { identifier: result.value };
    this.submitting = true;
    try {
      await client.post('/auth/activation/resend', { params: { header: { 'Idempotency-Key': this.keys.keyFor(body) } }, body });
      this.keys.reset();
      const config = await client.get('/portal-config').catch(() => undefined);
      this.submitting = false;
      this.resent = { lifetime: config?.activationLinkLifetimeSeconds };
      this.emit(new EbokActivationResentEvent());
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="result"][tabindex]')?.focus();
    } catch (error) {
      this.submitting = false;
      this.formError = submitErrorMessage(error);
      this.emit(
        EbokErrorEvent.from(error, this.formError),
      );
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="submit"]')?.focus();
    }
  };

  private focusInput(): void {
    this.renderRoot.querySelector<HTMLElement>('#email')?.focus();
  }

  private renderLoginLink() {
    const href = this.loginHref;
    return html`<a
      class="button"
      part="login"
      href=${href ?? '#'}
      @click=${(event: MouseEvent) => {
        const proceed = this.emit(new EbokNavigateEvent({ target: 'login', ...(href ? { href } : {}) }));
        if (!proceed || !href) event.preventDefault();
      }}
      >${msg('Zaloguj się')}</a
    >`;
  }
}
