import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createRef, ref } from 'lit/directives/ref.js';
import { msg, str } from '@lit/localize';
import { EbokErrorEvent, EbokPasswordResetDoneEvent, EbokPasswordResetRequestedEvent } from '../../core/events.js';
import { EbokApiError } from '../../api/errors.js';
import { renderError, renderLoading, renderOffline } from '../../core/status.js';
import { deepActiveElement } from '../../controllers/focus.js';
import { EbokWidget } from '../../kit/widget.js';
import { FormController } from '../../kit/form.js';
import { submitButton, textField } from '../../kit/fields.js';
import { formFeedback } from '../../kit/form.js';
import { formStyles } from '../../kit/form.styles.js';
import { emailError, linkLifetime } from '../../kit/messages.js';
import { checkNewPassword, checkRepeat, newPasswordFields, serverPasswordError } from '../../kit/password.js';
import { checkLink, forgetTokenInUrl, linkRefusal, tokenFromPage, type LinkCheck, type LinkRefusal } from '../../kit/link-token.js';
import { PortalConfigController } from '../../kit/portal-config.js';
import { icon } from '../../kit/icons.js';
import { checkResetIdentifier, type IdentifierProblem } from './password-reset.logic.js';

/**
 * "Nie pamiętam hasła" (seeds 000, 002, 003, 004), in two modes chosen by the link:
 *
 * - **without a token**: the customer gives an e-mail address or login and gets one neutral answer,
 *   whether or not an account exists ("if the account exists, we sent a link"), with the link's lifetime;
 * - **with a token** (the `token` attribute, else `?token=` in the page's address, as the e-mailed link
 *   opens it): the link is checked first, without spending it, so a used, expired or invalid link says so at
 *   once, with the request form to ask for a new one, before any password is typed; a usable one gets a new
 *   password and its repetition, with the utility's policy as a checklist that updates as the customer types
 *   and the strength said in words. Success leads to logging in.
 *
 * @customElement ebok-password-reset
 * @fires ebok-password-reset-requested - A reset link was asked for (neutral: says nothing about the account).
 * @fires ebok-password-reset-done - The new password was set; the customer can log in.
 * @fires ebok-navigate - "Log in" (`target: 'login'`); cancelable.
 * @fires ebok-error - A failure was shown to the customer (not field errors).
 * @csspart base - The widget.
 * @csspart heading - The heading.
 * @csspart field - Each field (label, hint, input, error).
 * @csspart input - Each text input.
 * @csspart field-error - The error under a field.
 * @csspart password-help - The password checklist and strength meter.
 * @csspart reveal - The show-password toggle.
 * @csspart caps-lock - The Caps Lock warning of a password field.
 * @csspart error-summary - The list of errors shown after sending.
 * @csspart notice - Why a link did not work (expired or used), or a failure of sending.
 * @csspart submit - The send button.
 * @csspart result - The answer after sending.
 * @csspart login - The log-in link.
 * @csspart status - Loading, error and offline states (with `retry`).
 * @cssprop --ebok-color-primary - Buttons and links.
 * @cssprop --ebok-color-danger - Errors.
 * @cssprop --ebok-color-success - The answer and met password rules.
 */
export class EbokPasswordReset extends EbokWidget {
  static override styles = [EbokWidget.styles, formStyles];

  /** The reset token from the e-mailed link; when absent, `?token=` of the page's address is used. */
  @property() token?: string;

  /** The request was answered (neutrally). */
  @state() private requested = false;
  /** The new password was set. */
  @state() private changed = false;
  /** The link's token was refused: the request form is shown with this explanation. */
  @state() private refused?: LinkRefusal;
  /** The token this page was opened with, read once. */
  @state() private linkToken?: { token: string; fromUrl: boolean };

  private readonly config: PortalConfigController = new PortalConfigController(this);
  private readonly result = createRef<HTMLElement>();
  /** The link's token, checked when the page opens, before any password is asked for (nothing is spent). */
  @state() private check?: { token: string; result?: LinkCheck; failure?: 'failed' | 'offline' };

  private readonly request = new FormController(this, {
    initial: { identifier: '' },
    order: ['identifier'],
    check: (_name, values) => {
      const problem = checkResetIdentifier(values.identifier);
      return problem ? identifierText(problem) : undefined;
    },
    body: (values) => (checkResetIdentifier(values.identifier) ? undefined : { identifier: values.identifier.trim() }),
    send: (client, body, key) => client.post('/auth/password-reset', { params: { header: { 'Idempotency-Key': key } }, body }),
    done: (): void => {
      this.requested = true;
      this.emit(new EbokPasswordResetRequestedEvent());
      this.request.focus.next(this.result);
    },
    serverText: () => msg('Sprawdź adres e-mail albo login.'),
    context: { action: 'send' },
  });

  private readonly confirm = new FormController(this, {
    initial: { newPassword: '', passwordRepeat: '' },
    order: ['newPassword', 'passwordRepeat'],
    affects: { newPassword: ['passwordRepeat'] },
    check: (name, values): string | undefined => {
      const policy = this.config.value?.passwordPolicy;
      if (name === 'newPassword') return policy ? checkNewPassword(values.newPassword, policy) : undefined;
      return checkRepeat(values.newPassword, values.passwordRepeat);
    },
    body: (values): { token: string; newPassword: string } | undefined => (this.linkToken ? { token: this.linkToken.token, newPassword: values.newPassword } : undefined),
    send: (client, body, key) => client.post('/auth/password-reset/confirm', { params: { header: { 'Idempotency-Key': key } }, body }),
    done: (): void => {
      this.changed = true;
      this.confirm.reset();
      if (this.linkToken?.fromUrl) forgetTokenInUrl();
      this.emit(new EbokPasswordResetDoneEvent());
      this.confirm.focus.next(this.result);
    },
    failed: (error): boolean => this.tokenRefused(linkRefusal(error, true), error instanceof EbokApiError ? error : undefined),
    serverText: (field): string | undefined => serverPasswordError(field.code, this.config.value?.passwordPolicy),
    context: { action: 'send' },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('token') || this.linkToken === undefined) {
      const found = tokenFromPage(this.token);
      if (found?.token !== this.linkToken?.token) {
        this.linkToken = found;
        this.refused = undefined;
        this.changed = false;
      }
    }
    const token = this.linkToken?.token;
    if (token && this.check?.token !== token && this.client) void this.checkToken(token);
  }

  /** Checks the link (once per token; again on "Try again"); a refusal is said at once, before any password is typed. */
  private async checkToken(token: string): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.check = { token };
    try {
      const result = await checkLink(client, '/auth/password-reset/check', token);
      if (this.linkToken?.token !== token) return;
      this.check = { token, result };
      const active = deepActiveElement();
      if (result.refused) this.tokenRefused(result.refused, undefined, !active || active === document.body || active === this);
    } catch (error) {
      if (this.linkToken?.token !== token) return;
      const offline = error instanceof EbokApiError && error.offline;
      this.check = { token, failure: offline ? 'offline' : 'failed' };
      // As the offline message promises: checked again when the connection is back.
      if (offline) window.addEventListener('online', this.retryCheck, { once: true });
      this.emit(EbokErrorEvent.from(error, msg('Nie udało się sprawdzić linku. Spróbuj ponownie za chwilę.')));
    }
  }

  private retryCheck = (): void => {
    window.removeEventListener('online', this.retryCheck);
    if (this.linkToken && this.isConnected) void this.checkToken(this.linkToken.token);
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.retryCheck);
  }

  /** Which form shows: a token that has not been refused sets a new password; otherwise the request. */
  private get mode(): 'request' | 'confirm' {
    return this.linkToken && !this.refused ? 'confirm' : 'request';
  }

  override render() {
    const config = this.config.value;
    const busy = this.request.busy || this.confirm.busy || (!config && this.config.status === 'pending') || (this.mode === 'confirm' && !this.check?.result && !this.check?.failure);
    return html`<div class="base" part="base" aria-busy=${busy ? 'true' : 'false'}>
      ${config
        ? this.mode === 'confirm'
          ? this.renderConfirm(config.passwordPolicy)
          : this.renderRequest(config.resetLinkLifetimeSeconds)
        : html`${this.heading(this.mode === 'confirm' ? msg('Ustaw nowe hasło') : msg('Nie pamiętam hasła'))}
          ${this.config.renderState({ failed: msg('Nie udało się wczytać formularza. Spróbuj ponownie za chwilę.'), unavailable: msg('Zmiana hasła jest chwilowo niedostępna.') })}`}
    </div>`;
  }

  private renderResult(title: string, lines: readonly string[]) {
    return html`<div class="result" part="result" tabindex="-1" ${ref(this.result)}>
      ${this.heading(title)}
      <div class="status status--success" role="status">
        ${lines.map((line, i) => html`<p class=${i === 0 ? 'status__text' : ''}>${line}</p>`)}
      </div>
      <div class="actions">${this.loginLink(msg('Przejdź do logowania'))}</div>
    </div>`;
  }

  private renderRequest(lifetime: number) {
    if (this.requested) {
      return this.renderResult(msg('Sprawdź skrzynkę e-mail'), [
        msg('Jeśli konto istnieje, wysłaliśmy link do ustawienia nowego hasła na adres e-mail przypisany do konta.'),
        linkLifetime(lifetime),
        msg('Nie widzisz wiadomości? Sprawdź folder ze spamem.'),
      ]);
    }
    return html`${this.heading(msg('Nie pamiętam hasła'))}
      ${this.refused
        ? html`<div class="notice notice--error" part="notice error" role="alert">
            ${icon('error')}
            <div class="notice__body"><p>${refusedText(this.refused)}</p></div>
          </div>`
        : nothing}
      <p class="intro">${msg('Podaj adres e-mail albo login, którym logujesz się do eBOK. Wyślemy link do ustawienia nowego hasła.')}</p>
      ${formFeedback(this.request)}
      <form novalidate @submit=${(event: SubmitEvent) => this.send(event, this.request)}>
        ${textField(this.request.field('identifier'), { label: msg('Adres e-mail albo login'), autocomplete: 'username', inputmode: 'email', maxlength: 254 })}
        <div class="actions">${submitButton(this.request, { label: msg('Wyślij link') })} ${this.loginLink(msg('Wróć do logowania'), 'link')}</div>
      </form>`;
  }

  private renderConfirm(policy: Parameters<typeof newPasswordFields>[3]['policy']) {
    if (this.changed) {
      return this.renderResult(msg('Hasło zostało zmienione'), [
        msg('Możesz się teraz zalogować nowym hasłem.'),
        msg('Dla bezpieczeństwa wylogowaliśmy to konto na wszystkich urządzeniach.'),
      ]);
    }
    const check = this.check?.token === this.linkToken?.token ? this.check : undefined;
    if (!check?.result) {
      return html`${this.heading(msg('Ustaw nowe hasło'))}
      ${check?.failure === 'offline'
        ? renderOffline(this.retryCheck)
        : check?.failure
          ? renderError({ message: msg('Nie udało się sprawdzić linku. Spróbuj ponownie za chwilę.'), onRetry: this.retryCheck })
          : renderLoading(msg('sprawdzamy link'))}`;
    }
    const email = check.result.refused ? undefined : check.result.maskedEmail;
    return html`${this.heading(msg('Ustaw nowe hasło'))}
      <p class="intro">${msg('Wpisz nowe hasło dwa razy. Po zapisaniu zalogujesz się nim do eBOK.')}</p>
      ${email ? html`<p>${msg(str`Konto: ${email}`)}</p>` : nothing}
      ${formFeedback(this.confirm)}
      <form novalidate @submit=${(event: SubmitEvent) => this.send(event, this.confirm)}>
        ${newPasswordFields(this.confirm, this.confirm.field('newPassword'), this.confirm.field('passwordRepeat'), {
          policy,
          label: msg('Nowe hasło'),
          repeatLabel: msg('Powtórz nowe hasło'),
        })}
        <div class="actions">${submitButton(this.confirm, { label: msg('Zapisz nowe hasło') })}</div>
      </form>`;
  }

  private send(event: SubmitEvent, form: { submit(): Promise<void> }): void {
    event.preventDefault();
    void form.submit();
  }

  /**
   * The link cannot be used (its check on load, or saving, said so): ask for a new one, with a fresh, empty
   * request form, and focus on it (on load only when nothing else has focus).
   */
  private tokenRefused(outcome: LinkRefusal | undefined, error?: EbokApiError, focus = true): boolean {
    if (!outcome) return false;
    this.refused = outcome;
    this.confirm.reset();
    this.request.reset();
    if (this.linkToken?.fromUrl) forgetTokenInUrl();
    const code = error?.code ?? { used: 'token_used', expired: 'token_expired', invalid: 'token_invalid_or_expired' }[outcome];
    this.emit(new EbokErrorEvent({ code, message: refusedText(outcome), status: error?.status ?? 422 }));
    // Focus goes to the request as soon as it is there (on load it may wait for the configuration).
    this.focusRequest = focus;
    this.requestUpdate();
    return true;
  }

  /** Focus is to move to the request for a new link once it renders. */
  private focusRequest = false;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const field = this.focusRequest ? this.request.field('identifier').ref.value : undefined;
    if (field) {
      this.focusRequest = false;
      field.focus();
    }
  }
}

function identifierText(problem: IdentifierProblem): string {
  return problem.check === 'empty' ? msg('Podaj adres e-mail albo login.') : emailError(problem.reason);
}

function refusedText(outcome: LinkRefusal): string {
  switch (outcome) {
    case 'used':
      return msg('Ten link został już użyty. Jeśli nadal nie pamiętasz hasła, poproś poniżej o nowy link.');
    case 'expired':
      return msg('Ten link do zmiany hasła wygasł albo zastąpił go nowszy. Poproś poniżej o nowy link.');
    case 'invalid':
      return msg('Ten link do zmiany hasła jest nieprawidłowy albo niepełny. Otwórz cały link z wiadomości e-mail albo poproś poniżej o nowy.');
  }
}
