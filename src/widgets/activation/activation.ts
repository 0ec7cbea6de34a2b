import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createRef, ref } from 'lit/directives/ref.js';
import { msg } from '@lit/localize';
import { renderError, renderLoading, renderOffline } from '../../core/status.js';
import { EbokAccountActivatedEvent, EbokActivationResentEvent, EbokErrorEvent } from '../../core/events.js';
import { EbokApiError } from '../../api/errors.js';
import { validateEmail } from '../../validation/index.js';
import { EbokWidget } from '../../kit/widget.js';
import { FormController } from '../../kit/form.js';
import { IdempotencyKeys } from '../../kit/action.js';
import { submitButton, textField } from '../../kit/fields.js';
import { formFeedback } from '../../kit/form.js';
import { formStyles } from '../../kit/form.styles.js';
import { emailError, linkLifetime } from '../../kit/messages.js';
import { checkLink, forgetTokenInUrl, tokenFromPage } from '../../kit/link-token.js';
import { PortalConfigController } from '../../kit/portal-config.js';
import { activateOnce, type ActivationOutcome } from './activation.logic.js';

type Phase = 'no-token' | 'activating' | ActivationOutcome | 'failed' | 'offline' | 'no-api';

/**
 * The page the activation link opens (seeds 000, 002, 004): reads the token (the `token` attribute, else
 * `?token=` in the page's address), checks it without spending it, activates the account once on load, and
 * says how it went: active (go and log in), already active (the link was used), or the link expired or is not
 * valid (each said in its own words), with a form to ask for a new link by e-mail (always the same neutral
 * answer). A failure of the network or the server offers to try
 * again. The token is removed from the address bar once it is spent or refused.
 *
 * @customElement ebok-activation
 * @fires ebok-account-activated - The account is active; the customer can log in.
 * @fires ebok-activation-resent - A new link was asked for (neutral: says nothing about the account).
 * @fires ebok-navigate - "Log in" (`target: 'login'`); cancelable.
 * @fires ebok-error - A failure was shown to the customer.
 * @csspart base - The widget.
 * @csspart heading - The heading.
 * @csspart result - The outcome of the activation or of asking for a new link.
 * @csspart field - The e-mail field of the new-link form.
 * @csspart input - The e-mail input.
 * @csspart field-error - The error under the field.
 * @csspart error-summary - The error announced after sending.
 * @csspart notice - A failure of sending the new-link form.
 * @csspart submit - The "send a new link" button.
 * @csspart login - The log-in link.
 * @csspart retry - "Try again" after a failure.
 * @csspart status - Progress, error and offline states.
 * @cssprop --ebok-color-primary - Buttons and links.
 * @cssprop --ebok-color-danger - Errors.
 * @cssprop --ebok-color-success - Success.
 */
export class EbokActivation extends EbokWidget {
  static override styles = [EbokWidget.styles, formStyles];

  /** The activation token from the e-mailed link; when absent, `?token=` of the page's address is used. */
  @property() token?: string;

  @state() private phase: Phase = 'activating';
  /** A new link was asked for. */
  @state() private resent = false;

  private readonly keys = new IdempotencyKeys();
  private readonly config: PortalConfigController = new PortalConfigController(this, { optional: true });
  private readonly resentResult = createRef<HTMLElement>();
  /** The token this widget is activating or has activated. */
  private started?: string;

  private readonly form = new FormController(this, {
    initial: { email: '' },
    order: ['email'],
    check: (_name, values) => {
      const result = validateEmail(values.email);
      return result.valid ? undefined : emailError(result.reason);
    },
    body: (values) => {
      const result = validateEmail(values.email);
      return result.valid ? { identifier: result.value } : undefined;
    },
    send: (client, body, key) => client.post('/auth/activation/resend', { params: { header: { 'Idempotency-Key': key } }, body }),
    done: () => {
      this.resent = true;
      this.emit(new EbokActivationResentEvent());
      this.form.focus.next(this.resentResult);
    },
    fieldOf: () => 'email',
    context: { action: 'send' },
  });

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
      // No API yet: a provider around whose code is still loading (try again on the next update), or none.
      this.phase = this.waitingForProvider ? 'activating' : 'no-api';
      if (this.phase === 'no-api') this.reportMissingApi();
      return;
    }
    this.started = token;
    this.phase = 'activating';
    try {
      const outcome = await activateOnce(
        `${client.apiBase} ${token}`,
        () => checkLink(client, '/auth/activation/check', token),
        () => client.post('/auth/activate', { params: { header: { 'Idempotency-Key': this.keys.keyFor({ token }) } }, body: { token } }),
      );
      if (this.started !== token) return;
      this.phase = outcome;
      if (fromUrl) forgetTokenInUrl();
      if (outcome === 'activated') this.emit(new EbokAccountActivatedEvent());
      else this.emit(new EbokErrorEvent({ code: { used: 'token_used', expired: 'token_expired', invalid: 'token_invalid_or_expired' }[outcome], message: this.outcomeText(outcome), status: 422 }));
    } catch (error) {
      if (this.started !== token) return;
      this.phase = error instanceof EbokApiError && error.offline ? 'offline' : 'failed';
      this.emit(EbokErrorEvent.from(error, msg('Nie udało się aktywować konta.')));
    }
  }

  private retry = (): void => {
    const link = tokenFromPage(this.token);
    if (link) void this.activate(link.token, link.fromUrl);
  };

  override render() {
    return html`<div class="base" part="base" aria-busy=${this.phase === 'activating' || this.form.busy ? 'true' : 'false'}>${this.renderPhase()}</div>`;
  }

  private renderPhase() {
    const title = msg('Aktywacja konta');
    switch (this.phase) {
      case 'activating':
        return html`${this.heading(title)} ${renderLoading(msg('aktywujemy konto'))}`;
      case 'activated':
      case 'used':
        return html`<div class="result" part="result">
          ${this.heading(this.phase === 'activated' ? msg('Konto jest aktywne') : msg('Konto jest już aktywne'))}
          <div class="status ${this.phase === 'activated' ? 'status--success' : 'status--info'}" role="status">
            <p class="status__text">${this.outcomeText(this.phase)}</p>
          </div>
          <div class="actions">${this.loginLink(msg('Zaloguj się'))}</div>
        </div>`;
      case 'invalid':
      case 'expired':
      case 'no-token':
        return html`${this.heading(title)}
          <div class="status status--error" part="result" role="alert">
            <p class="status__text">
              ${this.phase === 'no-token' ? msg('W adresie strony brakuje kodu aktywacyjnego. Otwórz link z wiadomości e-mail albo poproś o nowy.') : this.outcomeText(this.phase)}
            </p>
          </div>
          ${this.renderResend()}`;
      case 'failed':
        return html`${this.heading(title)} ${renderError({ message: msg('Nie udało się aktywować konta. Spróbuj ponownie za chwilę.'), onRetry: this.retry })}`;
      case 'offline':
        return html`${this.heading(title)} ${renderOffline(this.retry)}`;
      case 'no-api':
        return html`${this.heading(title)} ${renderError({ message: msg('Aktywacja konta jest chwilowo niedostępna.') })}`;
    }
  }

  private outcomeText(outcome: ActivationOutcome): string {
    switch (outcome) {
      case 'activated':
        return msg('Gotowe! Twoje konto w eBOK jest aktywne. Zaloguj się adresem e-mail i hasłem podanymi przy rejestracji.');
      case 'used':
        return msg('Ten link aktywacyjny został już użyty, więc konto jest aktywne. Zaloguj się.');
      case 'expired':
        return msg('Link aktywacyjny wygasł albo zastąpił go nowszy. Podaj adres e-mail podany przy rejestracji, a wyślemy nowy link.');
      case 'invalid':
        return msg('Link aktywacyjny jest nieprawidłowy albo niepełny. Otwórz cały link z wiadomości e-mail albo podaj adres e-mail podany przy rejestracji, a wyślemy nowy link.');
    }
  }

  private renderResend() {
    if (this.resent) {
      const lifetime = this.config.value?.activationLinkLifetimeSeconds;
      return html`<div class="status status--success" part="result" role="status" tabindex="-1" ${ref(this.resentResult)}>
        <p class="status__text">${msg('Jeśli konto czeka na aktywację, wysłaliśmy nowy link aktywacyjny na adres e-mail przypisany do konta.')}</p>
        ${lifetime ? html`<p>${linkLifetime(lifetime)}</p>` : nothing}
        <p>${msg('Nie widzisz wiadomości? Sprawdź folder ze spamem.')}</p>
      </div>`;
    }
    return html`${formFeedback(this.form)}
      <form novalidate @submit=${this.onResend}>
        ${textField(this.form.field('email'), {
          label: msg('Adres e-mail podany przy rejestracji'),
          type: 'email',
          inputmode: 'email',
          autocomplete: 'email',
          maxlength: 254,
        })}
        <div class="actions">${submitButton(this.form, { label: msg('Wyślij nowy link') })}</div>
      </form>`;
  }

  private onResend = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.form.submit();
  };
}
