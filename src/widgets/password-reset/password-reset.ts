import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { EbokApiElement } from '../../core/api-element.js';
import { ApiTask } from '../../controllers/api-task.js';
import { statusStyles } from '../../core/status.js';
import { EbokErrorEvent, EbokNavigateEvent, EbokPasswordResetDoneEvent, EbokPasswordResetRequestedEvent } from '../../core/events.js';
import { EbokApiError } from '../../api/errors.js';
import type { components } from '../../api/schema.js';
import { passwordStrength, validatePassword } from '../../validation/index.js';
import {
  emailError,
  focusFirstInvalid,
  forgetTokenInUrl,
  linkLifetime,
  formStyles,
  renderConfigState,
  IdempotencyKeys,
  newPasswordError,
  newPasswordProblem,
  renderErrorSummary,
  renderFormError,
  renderHeading,
  renderPasswordHelp,
  renderRevealButton,
  renderTextField,
  repeatError,
  repeatProblem,
  serverPasswordError,
  submitErrorMessage,
  tokenFromPage,
  type SummaryEntry,
} from '../../core/form.js';
import { checkResetIdentifier, tokenOutcome, type IdentifierProblem, type TokenOutcome } from './password-reset.logic.js';

type PortalConfig = components['schemas']['PortalConfig'];
type Field = 'identifier' | 'password' | 'passwordRepeat';

/**
 * "Nie pamiętam hasła" (seeds 000, 002, 003, 004), in two modes chosen by the link:
 *
 * - **without a token**: the customer gives an e-mail address or login and gets one neutral answer,
 *   whether or not an account exists ("if the account exists, we sent a link"), with the link's lifetime;
 * - **with a token** (the `token` attribute, else `?token=` in the page's address, as the e-mailed link
 *   opens it): a new password and its repetition, with the utility's policy as a checklist that updates as
 *   the customer types and the strength said in words. Success leads to logging in. An expired or used link
 *   says so and offers the request form to ask for a new one.
 *
 * @customElement ebok-password-reset
 * @fires ebok-password-reset-requested - A reset link was asked for (neutral: says nothing about the account).
 * @fires ebok-password-reset-done - The new password was set; the customer can log in.
 * @fires ebok-navigate - "Log in" (`target: 'login'`); cancelable.
 * @fires ebok-error - A failure was shown to the customer (not field errors).
 * @csspart base - The widget.
 * @csspart title - The heading.
 * @csspart field - Each field (label, hint, input, error).
 * @csspart input - Each text input.
 * @csspart field-error - The error under a field.
 * @csspart password-help - The password checklist and strength meter.
 * @csspart reveal - The show-password toggle.
 * @csspart error-summary - The list of errors shown after sending.
 * @csspart notice - Why a link did not work (expired or used).
 * @csspart submit - The send button.
 * @csspart result - The answer after sending.
 * @csspart login - The log-in link.
 * @csspart status - Loading, error and offline states (with `retry`).
 * @cssprop --ebok-color-primary - Buttons and links.
 * @cssprop --ebok-color-danger - Errors.
 * @cssprop --ebok-color-success - The answer and met password rules.
 */
export class EbokPasswordReset extends EbokApiElement {
  static override styles = [EbokApiElement.styles, statusStyles, formStyles];

  /** The reset token from the e-mailed link; when absent, `?token=` of the page's address is used. */
  @property() token?: string;

  /** Heading level of the title (2–6), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Where "Log in" leads. */
  @property({ attribute: 'login-href' }) loginHref?: string;

  @state() private identifier = '';
  @state() private password = '';
  @state() private passwordRepeat = '';
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private summary: SummaryEntry[] = [];
  @state() private attempt = 0;
  @state() private formError?: string;
  @state() private submitting = false;
  @state() private showPassword = false;
  /** The request was answered (neutrally). */
  @state() private requested = false;
  /** The new password was set. */
  @state() private changed = false;
  /** The link's token was refused: the request form is shown with this explanation. */
  @state() private refused?: TokenOutcome;
  /** The token this page was opened with, read once. */
  @state() private linkToken?: { token: string; fromUrl: boolean };

  private readonly keys = new IdempotencyKeys();

  private readonly config: ApiTask<PortalConfig> = new ApiTask<PortalConfig>(this, {
    personal: false,
    load: (client, signal) => client.get('/portal-config', { signal }),
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
  }

  /** Which form shows: a token that has not been refused sets a new password; otherwise the request. */
  private get mode(): 'request' | 'confirm' {
    return this.linkToken && !this.refused ? 'confirm' : 'request';
  }

  override render() {
    const config = this.config.value;
    return html`<div class="base" part="base" aria-busy=${this.submitting || (!config && this.config.status === 'pending') ? 'true' : 'false'}>
      ${config
        ? this.mode === 'confirm'
          ? this.renderConfirm(config)
          : this.renderRequest(config)
        : html`${renderHeading(this.mode === 'confirm' ? msg('Ustaw nowe hasło') : msg('Nie pamiętam hasła'), this.headingLevel)}
          ${renderConfigState(this.config, { failed: msg('Nie udało się wczytać formularza. Spróbuj ponownie za chwilę.'), unavailable: msg('Zmiana hasła jest chwilowo niedostępna.') })}`}
    </div>`;
  }

  // ------------------------------------------------------------------------------------------ request

  private renderRequest(config: PortalConfig) {
    if (this.requested) {
      return html`<div class="result" part="result" tabindex="-1">
        ${renderHeading(msg('Sprawdź skrzynkę e-mail'), this.headingLevel)}
        <div class="status status--success" role="status">
          <p class="status__text">
            ${msg('Jeśli konto istnieje, wysłaliśmy link do ustawienia nowego hasła na adres e-mail przypisany do konta.')}
          </p>
          <p>${linkLifetime(config.resetLinkLifetimeSeconds)}</p>
          <p>${msg('Nie widzisz wiadomości? Sprawdź folder ze spamem.')}</p>
        </div>
        <div class="actions">${this.renderLoginLink('button')}</div>
      </div>`;
    }
    return html`${renderHeading(msg('Nie pamiętam hasła'), this.headingLevel)} ${this.renderRefused()}
      <p class="intro">${msg('Podaj adres e-mail albo login, którym logujesz się do eBOK. Wyślemy link do ustawienia nowego hasła.')}</p>
      ${renderErrorSummary(this.visibleSummary(), this.attempt, (id) => this.focusField(id))} ${renderFormError(this.formError)}
      <form novalidate @submit=${this.onRequest}>
        ${renderTextField({
          id: 'identifier',
          label: msg('Adres e-mail albo login'),
          value: this.identifier,
          autocomplete: 'username',
          inputmode: 'email',
          maxlength: 254,
          error: this.errors.identifier,
          onInput: (value) => this.change('identifier', value),
          onBlur: () => this.leave('identifier'),
        })}
        <div class="actions">
          ${this.renderSubmit(msg('Wyślij link'))} ${this.renderLoginLink('link')}
        </div>
      </form>`;
  }

  private renderRefused() {
    if (!this.refused) return nothing;
    return html`<div class="status status--error" part="notice" role="alert"><p class="status__text">${this.refusedText(this.refused)}</p></div>`;
  }

  private refusedText(outcome: TokenOutcome): string {
    return outcome === 'used'
      ? msg('Ten link został już użyty. Jeśli nadal nie pamiętasz hasła, poproś poniżej o nowy link.')
      : msg('Link do zmiany hasła wygasł albo jest nieprawidłowy. Poproś poniżej o nowy link.');
  }

  private onRequest = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const client = this.client;
    if (this.submitting || !client) return;
    this.formError = undefined;
    const problem = checkResetIdentifier(this.identifier);
    this.errors = problem ? { identifier: this.identifierText(problem) } : {};
    if (problem) {
      await this.showErrors();
      return;
    }
    const body = { identifier: this.identifier.trim() };
    this.submitting = true;
    this.summary = [];
    try {
      await client.post('/auth/password-reset', { params: { header: { 'Idempotency-Key': this.keys.keyFor(body) } }, body });
      this.keys.reset();
      this.submitting = false;
      this.requested = true;
      this.emit(new EbokPasswordResetRequestedEvent());
      await this.focusResult();
    } catch (error) {
      this.submitting = false;
      if (error instanceof EbokApiError && error.status === 422 && error.fields.some((f) => f.field === '/identifier')) {
        this.errors = { identifier: msg('Sprawdź adres e-mail albo login.') };
        await this.showErrors();
        return;
      }
      await this.failed(error);
    }
  };

  private identifierText(problem: IdentifierProblem): string {
    return problem.check === 'empty' ? msg('Podaj adres e-mail albo login.') : emailError(problem.reason);
  }

  // ------------------------------------------------------------------------------------------ confirm

  private renderConfirm(config: PortalConfig) {
    if (this.changed) {
      return html`<div class="result" part="result" tabindex="-1">
        ${renderHeading(msg('Hasło zostało zmienione'), this.headingLevel)}
        <div class="status status--success" role="status">
          <p class="status__text">${msg('Możesz się teraz zalogować nowym hasłem.')}</p>
          <p>${msg('Dla bezpieczeństwa wylogowaliśmy to konto na wszystkich urządzeniach.')}</p>
        </div>
        <div class="actions">${this.renderLoginLink('button')}</div>
      </div>`;
    }
    const policy = config.passwordPolicy;
    const type = this.showPassword ? 'text' : 'password';
    return html`${renderHeading(msg('Ustaw nowe hasło'), this.headingLevel)}
      <p class="intro">${msg('Wpisz nowe hasło dwa razy. Po zapisaniu zalogujesz się nim do eBOK.')}</p>
      ${renderErrorSummary(this.visibleSummary(), this.attempt, (id) => this.focusField(id))} ${renderFormError(this.formError)}
      <form novalidate @submit=${this.onConfirm}>
        ${renderTextField({
          id: 'password',
          label: msg('Nowe hasło'),
          type,
          value: this.password,
          autocomplete: 'new-password',
          error: this.errors.password,
          describedBy: ['password-rules'],
          onInput: (value) => this.change('password', value),
          onBlur: () => this.leave('password'),
          after: renderRevealButton(this.showPassword, 'password passwordRepeat', () => (this.showPassword = !this.showPassword)),
        })}
        ${renderPasswordHelp({
          id: 'password-rules',
          policy,
          value: this.password,
          unmet: validatePassword(this.password, policy),
          strength: passwordStrength(this.password),
        })}
        ${renderTextField({
          id: 'passwordRepeat',
          label: msg('Powtórz nowe hasło'),
          type,
          value: this.passwordRepeat,
          autocomplete: 'new-password',
          error: this.errors.passwordRepeat,
          onInput: (value) => this.change('passwordRepeat', value),
          onBlur: () => this.leave('passwordRepeat'),
        })}
        <div class="actions">${this.renderSubmit(msg('Zapisz nowe hasło'))}</div>
      </form>`;
  }

  private onConfirm = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const client = this.client;
    const config = this.config.value;
    const link = this.linkToken;
    if (this.submitting || !client || !config || !link) return;
    this.formError = undefined;
    const errors: Partial<Record<Field, string>> = {};
    for (const field of ['password', 'passwordRepeat'] as const) {
      const text = this.check(field, config);
      if (text) errors[field] = text;
    }
    this.errors = errors;
    if (Object.keys(errors).length) {
      await this.showErrors();
      return;
    }
    const body = { token: link.token, newPassword: this.password };
    this.submitting = true;
    this.summary = [];
    try {
      await client.post('/auth/password-reset/confirm', { params: { header: { 'Idempotency-Key': this.keys.keyFor(body) } }, body });
      this.keys.reset();
      this.submitting = false;
      this.changed = true;
      this.password = '';
      this.passwordRepeat = '';
      if (link.fromUrl) forgetTokenInUrl();
      this.emit(new EbokPasswordResetDoneEvent());
      await this.focusResult();
    } catch (error) {
      this.submitting = false;
      await this.confirmFailed(error, config, link.fromUrl);
    }
  };

  private async confirmFailed(error: unknown, config: PortalConfig, fromUrl: boolean): Promise<void> {
    if (error instanceof EbokApiError) {
      const outcome = tokenOutcome(error);
      if (outcome) {
        // The link cannot be used: ask for a new one, with a fresh, empty request form.
        this.refused = outcome;
        this.password = '';
        this.passwordRepeat = '';
        this.identifier = '';
        this.errors = {};
        this.summary = [];
        this.keys.reset();
        if (fromUrl) forgetTokenInUrl();
        this.emit(new EbokErrorEvent({ code: error.code, message: this.refusedText(outcome), status: error.status }));
        await this.updateComplete;
        this.focusField('identifier');
        return;
      }
      const passwordErrors = error.fields.filter((f) => f.field === '/newPassword');
      if (error.status === 422 && passwordErrors.length) {
        const texts = passwordErrors.map((f) => serverPasswordError(f.code, config.passwordPolicy) ?? f.message);
        this.errors = { password: texts.join(' ') };
        await this.showErrors();
        return;
      }
    }
    await this.failed(error);
  }

  // ------------------------------------------------------------------------------------------ shared

  private check(field: Field, config: PortalConfig | undefined): string | undefined {
    if (field === 'identifier') {
      const problem = checkResetIdentifier(this.identifier);
      return problem ? this.identifierText(problem) : undefined;
    }
    if (!config) return undefined;
    if (field === 'password') {
      const problem = newPasswordProblem(this.password, validatePassword(this.password, config.passwordPolicy));
      return problem ? newPasswordError(problem, config.passwordPolicy) : undefined;
    }
    const problem = repeatProblem(this.password, this.passwordRepeat);
    return problem ? repeatError(problem) : undefined;
  }

  private change(field: Field, value: string): void {
    this[field] = value;
    this.formError = undefined;
    const recheck: Field[] = this.errors[field] ? [field] : [];
    if (field === 'password' && this.passwordRepeat) recheck.push('passwordRepeat');
    for (const f of recheck) this.setError(f, this.check(f, this.config.value));
  }

  private leave(field: Field): void {
    if (this[field] === '' && !this.errors[field]) return;
    this.setError(field, this.check(field, this.config.value));
  }

  private setError(field: Field, text: string | undefined): void {
    const errors = { ...this.errors };
    if (text) errors[field] = text;
    else delete errors[field];
    this.errors = errors;
  }

  private visibleSummary(): SummaryEntry[] {
    return this.summary.filter((entry) => this.errors[entry.id as Field]);
  }

  private async showErrors(): Promise<void> {
    this.summary = (['identifier', 'password', 'passwordRepeat'] as const)
      .filter((f) => this.errors[f])
      .map((f) => ({ id: f, message: this.errors[f]! }));
    this.attempt++;
    await this.updateComplete;
    focusFirstInvalid(this.renderRoot);
  }

  private async failed(error: unknown): Promise<void> {
    this.formError = submitErrorMessage(error);
    this.emit(
      EbokErrorEvent.from(error, this.formError),
    );
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="submit"]')?.focus();
  }

  private async focusResult(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="result"]')?.focus();
  }

  private renderSubmit(label: string) {
    return html`<button class="button" part="submit" type="submit" aria-disabled=${this.submitting ? 'true' : 'false'}>
      ${this.submitting ? msg('Wysyłanie…') : label}
    </button>`;
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

  private focusField(id: string): void {
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }
}
