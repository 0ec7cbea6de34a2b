import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { EbokApiElement } from '../../core/api-element.js';
import { ApiTask } from '../../controllers/api-task.js';
import { Countdown } from '../../controllers/idle-timer.js';
import { renderError, statusStyles } from '../../core/status.js';
import { EbokErrorEvent, EbokLoginSuccessEvent, EbokNavigateEvent } from '../../core/events.js';
import { EbokApiError } from '../../api/errors.js';
import { newIdempotencyKey, type EbokClient } from '../../api/client.js';
import type { Session } from '../../api/session.js';
import { formatDuration, formatTime, PLACEHOLDER } from '../../i18n/format.js';
import { loginStyles } from './login.styles.js';
import {
  failureOf,
  identifierField,
  instant,
  isLoginResult,
  isValidCode,
  meetsPolicy,
  normalizeCode,
  policyChecklist,
  waitSeconds,
  type IdentifierLabel,
  type LoginResult,
  type MfaChallenge,
  type PolicyCheck,
  type PortalConfig,
} from './login.logic.js';

/** Where the "forgot" and "register" links lead. */
export type LoginTarget = 'password-reset' | 'login-reminder' | 'register';
type View = 'login' | 'mfa' | 'change-password' | LoginTarget;
type Field = 'identifier' | 'password' | 'code' | 'new-password' | 'repeat-password';
type Action = 'login' | 'verify' | 'resend-code' | 'change' | 'resend-activation';

interface Notice {
  tone: 'error' | 'warning' | 'info' | 'success';
  text: string;
  /** Shown under the text (not announced again on its own). */
  detail?: string;
  /** A button in the message: try the failed action again, or send the activation link again. */
  action?: 'retry' | 'resend-activation';
  /** Announce as an alert (errors) or politely (confirmations). */
  urgent: boolean;
  /** Makes every new message a new node, so the same text said twice is announced twice. */
  id: number;
}

const INLINE_TAGS: Record<LoginTarget, string> = {
  'password-reset': 'ebok-password-reset',
  'login-reminder': 'ebok-login-reminder',
  register: 'ebok-register',
};

/**
 * The inline flows' code, loaded when the customer first opens one (the CDN loader only sees tags in the
 * page itself, not inside this element's shadow root; with npm, `all.js` has defined them already).
 */
const INLINE_MODULES: Record<LoginTarget, () => Promise<unknown>> = {
  'password-reset': () => import('../password-reset/ebok-password-reset.js'),
  'login-reminder': () => import('../login-reminder/ebok-login-reminder.js'),
  register: () => import('../register/ebok-register.js'),
};

const icon = {
  error: svg`<circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2"/><path d="M12 7v6M12 16.5v.5" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/>`,
  warning: svg`<path d="M12 3 2 21h20L12 3Z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><path d="M12 10v5M12 18v.5" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/>`,
  info: svg`<circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2"/><path d="M12 11v6M12 7.5v.5" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/>`,
  success: svg`<circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2"/><path d="m7 12.5 3.2 3.2L17 9" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/>`,
  unmet: svg`<circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2"/>`,
  eye: svg`<path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12Z" fill="none" stroke="currentColor" stroke-width="2"/><circle cx="12" cy="12" r="3" fill="none" stroke="currentColor" stroke-width="2"/>`,
  eyeOff: svg`<path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12Z" fill="none" stroke="currentColor" stroke-width="2"/><path d="M4 4l16 16" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`,
};

const iconOf = (shape: ReturnType<typeof svg>) => html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${shape}</svg>`;

/**
 * Logging in to the eBOK (seeds 000, 002–004): identifier and password, then, when the account asks for it,
 * a one-time code sent by SMS or e-mail. It also handles what can stand in the way: a neutral message for
 * wrong credentials (it never says whether an account exists), a lockout countdown, an account not yet
 * activated (with a new activation link), a one-time password that must be replaced (with the portal's
 * password policy as a live checklist), and network failures, where nothing typed is lost.
 *
 * On success every widget with the same API base learns it (also in other CMS blocks and other tabs), and
 * the element shows "Signed in as …" (`after-login="message"`, the default) or hides itself
 * (`after-login="hidden"`; listen to `ebok-login-success` to move on). It shows the same message when the
 * customer is already signed in, and the form again after a logout.
 *
 * The links "Forgot password", "Forgot login" and "Create account" fire a cancelable `ebok-navigate`
 * (`navigation="events"`, the default) and follow `forgot-password-href`, `forgot-login-href` and
 * `register-href` unless cancelled; with `navigation="inline"` the element shows `<ebok-password-reset>`,
 * `<ebok-login-reminder>` or `<ebok-register>` in its place (define them on the page) with a way back.
 *
 * @customElement ebok-login
 * @fires ebok-login-success - Signed in: `detail.user` (the session's user summary) and `detail.apiBase`.
 * @fires ebok-navigate - A link was followed (`target`: `password-reset`, `login-reminder`, `register`); cancelable.
 * @fires ebok-error - An error was shown to the customer (`detail.code`, e.g. `invalid_credentials`).
 * @csspart base - The card around every step.
 * @csspart heading - The heading of the step.
 * @csspart form - The form of the step (login, code, new password).
 * @csspart field - One label with its input, hint and error.
 * @csspart input - A text or password input.
 * @csspart toggle - The "Show password" button.
 * @csspart error - An error message (wrong credentials, lockout, network…); also a field's error text.
 * @csspart notice - Any message above the form (errors, warnings, confirmations).
 * @csspart countdown - The time left before the next attempt or the next code.
 * @csspart submit - The main button of the step.
 * @csspart retry - "Try again" after a network or server error.
 * @csspart resend-activation - "Send the activation link again" when the account is not activated.
 * @csspart policy - The password policy checklist.
 * @csspart links - The list of links under the form.
 * @csspart link - One of those links ("Forgot password"…), and "Send the code again".
 * @csspart back - "Back to login".
 * @csspart message - "Signed in as …".
 * @cssprop --ebok-login-max-width - Widest the card grows (default 32rem).
 */
export class EbokLogin extends EbokApiElement {
  static override styles = [EbokApiElement.styles, statusStyles, loginStyles];

  /** Heading level of each step's title (2–6), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** After a login: `message` (default) shows "Signed in as …"; `hidden` hides the element. */
  @property({ attribute: 'after-login' }) afterLogin: 'message' | 'hidden' = 'message';

  /** `events` (default): the links fire `ebok-navigate` and follow their href; `inline`: the element shows the flow in place. */
  @property() navigation: 'events' | 'inline' = 'events';

  /** Where "Forgot password" leads (with `navigation="events"`). */
  @property({ attribute: 'forgot-password-href' }) forgotPasswordHref?: string;

  /** Where "Forgot login" leads (with `navigation="events"`). */
  @property({ attribute: 'forgot-login-href' }) forgotLoginHref?: string;

  /** Where "Create account" leads (with `navigation="events"`). Hidden when the portal has registration off. */
  @property({ attribute: 'register-href' }) registerHref?: string;

  @state() private view: View = 'login';
  @state() private identifier = '';
  @state() private password = '';
  @state() private code = '';
  @state() private newPassword = '';
  @state() private repeatPassword = '';
  @state() private showPassword = false;
  @state() private capsLockOn: Field | undefined;
  @state() private busy: Action | undefined;
  @state() private notice: Notice | undefined;
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private credentialsRejected = false;
  @state() private challenge: MfaChallenge | undefined;
  @state() private announcement = '';

  private changeToken: string | undefined;
  private changeKey: string | undefined;
  private lastAction: Action = 'login';
  private noticeCount = 0;
  private focusAfterUpdate: string | undefined;
  private wasSignedIn = false;
  private askedSession: EbokClient | undefined;
  private returnFocusTo: LoginTarget | undefined;
  /** The element of the inline flow, kept while it is shown so what the customer typed there stays. */
  private inline: { target: LoginTarget; element: HTMLElement } | undefined;

  /** Attempts are paused until this ends (429 on login or code). */
  private readonly throttle = new Countdown(this);
  /** "Send the code again" waits for this. */
  private readonly resendCooldown = new Countdown(this);

  private readonly config = new ApiTask<PortalConfig | undefined>(this, {
    personal: false,
    load: (client, signal) => client.get('/portal-config', { signal }).catch(() => undefined),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.client;
    if (client && this.askedSession !== client) {
      this.askedSession = client;
      client.session.ready().catch(() => undefined);
    }
    const signedIn = !!client?.session.signedIn;
    if (!signedIn && this.wasSignedIn) this.resetToLogin();
    this.wasSignedIn = signedIn;
    const hide = signedIn && this.afterLogin === 'hidden';
    this.hideSelf(hide);
  }

  protected override updated(): void {
    if (this.focusAfterUpdate) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterUpdate);
      this.focusAfterUpdate = undefined;
      target?.focus();
    }
  }

  override render() {
    const client = this.client;
    if (!client) {
      return html`<div class="base" part="base">
        ${this.heading(msg('Logowanie'))}${renderError({ message: msg('Logowanie jest chwilowo niedostępne.') })}
      </div>`;
    }
    const session = client.session.state;
    if (session.status === 'signed-in' && session.user) return this.renderDone(session.user.displayName);
    switch (this.view) {
      case 'mfa':
        return this.renderMfa();
      case 'change-password':
        return this.renderChangePassword();
      case 'login':
        return this.renderLogin();
      default:
        return this.renderInline(this.view);
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Views
  // ---------------------------------------------------------------------------------------------------------

  private get portalConfig(): PortalConfig | undefined {
    // The last answer stays while a run is pending (a login re-runs the task; the config comes from the cache).
    return this.config.value;
  }

  private heading(text: string) {
    const level = Math.min(6, Math.max(2, Math.round(this.headingLevel) || 2));
    return html`<div class="title" part="heading" role="heading" aria-level=${level} tabindex="-1">${text}</div>`;
  }

  private renderLogin() {
    const config = this.portalConfig;
    const field = identifierField(config?.loginIdentifierKinds);
    const label = identifierLabel(field.label);
    const hint = identifierHint(field.label);
    const throttled = this.throttle.running;
    const busy = this.busy === 'login';
    const rejected = this.credentialsRejected;
    return html`<div class="base" part="base">
      ${this.heading(msg('Logowanie'))} ${this.renderNotice()}
      <form part="form" novalidate @submit=${this.onLogin}>
        <div class="field" part="field">
          <label for="identifier">${label}</label>
          ${hint ? html`<p class="hint" id="identifier-hint">${hint}</p>` : nothing}
          <input
            id="identifier"
            part="input"
            name="username"
            type="text"
            autocomplete="username"
            autocapitalize="none"
            spellcheck="false"
            inputmode=${ifDefined(field.inputmode)}
            .value=${live(this.identifier)}
            aria-invalid=${this.errors.identifier || rejected ? 'true' : 'false'}
            aria-describedby=${ifDefined(this.describedBy(hint ? 'identifier-hint' : undefined, this.errors.identifier ? 'identifier-error' : undefined, rejected ? 'notice-text' : undefined))}
            @input=${(e: InputEvent) => this.onInput('identifier', (e.target as HTMLInputElement).value)}
          />
          ${this.fieldError('identifier')}
        </div>
        ${this.passwordField('password', msg('Hasło'), 'current-password', this.password, rejected ? 'notice-text' : undefined)}
        <div class="actions">
          <button
            class="button"
            part="submit"
            type="submit"
            ?disabled=${busy || throttled}
            aria-describedby=${ifDefined(throttled ? 'countdown' : undefined)}
          >
            ${busy ? msg('Logujemy…') : msg('Zaloguj się')}
          </button>
        </div>
      </form>
      ${this.renderLinks(config)}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }

  private passwordField(id: 'password' | 'new-password' | 'repeat-password', label: string, autocomplete: 'current-password' | 'new-password', value: string, extraDescription?: string, toggle = true, describe?: string) {
    const error = this.errors[id];
    const invalid = !!error || (id === 'password' && this.credentialsRejected);
    return html`<div class="field" part="field">
      <label for=${id}>${label}</label>
      <div class="control">
        <input
          id=${id}
          part="input"
          name=${id}
          type=${this.showPassword ? 'text' : 'password'}
          autocomplete=${autocomplete}
          autocapitalize="none"
          spellcheck="false"
          .value=${live(value)}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${ifDefined(this.describedBy(describe, error ? `${id}-error` : undefined, `${id}-caps`, extraDescription))}
          @input=${(e: InputEvent) => this.onInput(id, (e.target as HTMLInputElement).value)}
          @keydown=${this.onKey}
          @keyup=${this.onKey}
          @blur=${() => (this.capsLockOn = undefined)}
        />
        ${toggle
          ? html`<button
              class="toggle"
              part="toggle"
              type="button"
              aria-pressed=${this.showPassword ? 'true' : 'false'}
              aria-controls=${id === 'password' ? 'password' : 'new-password repeat-password'}
              @click=${() => (this.showPassword = !this.showPassword)}
            >
              <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${this.showPassword ? icon.eyeOff : icon.eye}</svg>
              <span class="toggle__text">${id === 'password' ? msg('Pokaż hasło') : msg('Pokaż hasła')}</span>
            </button>`
          : nothing}
      </div>
      <p class="caps" id=${`${id}-caps`} role="status">${this.capsLockOn === id ? msg('Uwaga: włączony jest Caps Lock.') : ''}</p>
      ${this.fieldError(id)}
    </div>`;
  }

  private renderMfa() {
    const challenge = this.challenge;
    if (!challenge) return this.renderLogin();
    const destination = challenge.maskedDestination;
    const where =
      challenge.channel === 'sms'
        ? msg(str`Wysłaliśmy SMS z kodem na numer ${destination}.`)
        : msg(str`Wysłaliśmy kod e-mailem na adres ${destination}.`);
    const validUntil = formatTime(challenge.expiresAt);
    const busy = this.busy === 'verify';
    const throttled = this.throttle.running;
    const cooling = this.resendCooldown.running;
    return html`<div class="base" part="base">
      ${this.heading(msg('Wpisz kod z wiadomości'))} ${this.renderNotice()}
      <p class="intro" id="mfa-intro">
        ${where} ${validUntil !== PLACEHOLDER ? msg(str`Kod jest ważny do ${validUntil}.`) : nothing}
      </p>
      <form part="form" novalidate @submit=${this.onVerify}>
        <div class="field" part="field">
          <label for="code">${msg('Kod jednorazowy')}</label>
          <input
            id="code"
            class="code"
            part="input"
            name="one-time-code"
            type="text"
            .autocomplete=${'one-time-code'}
            inputmode="numeric"
            pattern="[0-9]*"
            maxlength="12"
            .value=${live(this.code)}
            aria-invalid=${this.errors.code ? 'true' : 'false'}
            aria-describedby=${ifDefined(this.describedBy('mfa-intro', this.errors.code ? 'code-error' : undefined))}
            @input=${(e: InputEvent) => this.onInput('code', (e.target as HTMLInputElement).value)}
          />
          ${this.fieldError('code')}
        </div>
        <div class="actions">
          <button class="button" part="submit" type="submit" ?disabled=${busy || throttled} aria-describedby=${ifDefined(throttled ? 'countdown' : undefined)}>
            ${busy ? msg('Sprawdzamy kod…') : msg('Potwierdź kod')}
          </button>
        </div>
      </form>
      <ul class="links" part="links">
        <li>
          <button
            class="link"
            part="link"
            type="button"
            aria-disabled=${cooling || this.busy === 'resend-code' ? 'true' : 'false'}
            aria-describedby=${ifDefined(cooling ? 'resend-countdown' : undefined)}
            @click=${this.onResendCode}
          >
            ${this.busy === 'resend-code' ? msg('Wysyłamy nowy kod…') : msg('Wyślij kod ponownie')}
          </button>
          ${cooling
            ? html`<p class="hint" id="resend-countdown" part="countdown">
                ${msg(str`Nowy kod możesz zamówić za ${formatDuration(this.resendCooldown.remaining)}`)}
              </p>`
            : nothing}
        </li>
        <li>
          <button class="link" part="back" type="button" @click=${() => this.backToLogin()}>${msg('Wróć do logowania')}</button>
        </li>
      </ul>
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }

  private renderChangePassword() {
    const policy = this.portalConfig?.passwordPolicy;
    const checks = policy ? policyChecklist(this.newPassword, policy) : [];
    const busy = this.busy === 'change';
    return html`<div class="base" part="base">
      ${this.heading(msg('Ustaw nowe hasło'))} ${this.renderNotice()}
      <p class="intro" id="change-intro">${msg('To było hasło jednorazowe. Aby kontynuować, ustaw własne hasło.')}</p>
      <form part="form" novalidate @submit=${this.onChangePassword}>
        ${this.passwordField('new-password', msg('Nowe hasło'), 'new-password', this.newPassword, undefined, true, policy ? 'policy-title' : 'change-intro')}
        ${policy
          ? html`<div class="field">
              <p class="hint" id="policy-title">${msg('Hasło musi mieć:')}</p>
              <ul class="policy" part="policy" aria-labelledby="policy-title">
                ${checks.map((check) => this.renderCheck(check))}
              </ul>
            </div>`
          : nothing}
        ${this.passwordField('repeat-password', msg('Powtórz nowe hasło'), 'new-password', this.repeatPassword, undefined, false)}
        <div class="actions">
          <button class="button" part="submit" type="submit" ?disabled=${busy}>${busy ? msg('Zapisujemy…') : msg('Zapisz hasło i zaloguj się')}</button>
        </div>
      </form>
      <ul class="links" part="links">
        <li><button class="link" part="back" type="button" @click=${() => this.backToLogin()}>${msg('Wróć do logowania')}</button></li>
      </ul>
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }

  private renderCheck(check: PolicyCheck) {
    const text = {
      min_length: msg(str`co najmniej ${check.value ?? 0} znaków`),
      max_length: msg(str`najwyżej ${check.value ?? 0} znaków`),
      upper: msg('wielką literę'),
      lower: msg('małą literę'),
      digit: msg('cyfrę'),
      special: msg('znak specjalny (np. ! ? - #)'),
    }[check.rule];
    return html`<li class=${check.met ? 'met' : 'unmet'}>
      ${iconOf(check.met ? icon.success : icon.unmet)}
      <span>${text}</span>
      <span class="visually-hidden">${check.met ? msg('(spełnione)') : msg('(jeszcze nie)')}</span>
    </li>`;
  }

  private renderDone(name: string) {
    return html`<div class="base" part="base">
      ${this.heading(msg('Zalogowano'))}
      <div class="done" part="message" tabindex="-1" role="status">
        ${iconOf(icon.success)}
        <p>${msg(str`Zalogowano jako ${name}.`)}</p>
      </div>
    </div>`;
  }

  private renderInline(target: LoginTarget) {
    if (this.inline?.target !== target) {
      this.inline = { target, element: document.createElement(INLINE_TAGS[target]) };
      if (!customElements.get(INLINE_TAGS[target])) INLINE_MODULES[target]().catch(() => undefined);
    }
    const element = this.inline.element;
    if (this.apiBase) element.setAttribute('api-base', this.apiBase);
    else element.removeAttribute('api-base');
    element.setAttribute('heading-level', String(this.headingLevel));
    return html`<div class="base base--bare inline-view" part="base" @ebok-navigate=${this.onInlineNavigate}>
      <div>
        <button class="link" part="back" type="button" @click=${() => this.backToLogin()}>
          <span aria-hidden="true">←</span> ${msg('Wróć do logowania')}
        </button>
      </div>
      ${keyed(target, element)}
    </div>`;
  }

  private renderLinks(config: PortalConfig | undefined) {
    const links: { target: LoginTarget; text: string; href: string | undefined }[] = [
      { target: 'password-reset', text: msg('Nie pamiętam hasła'), href: this.forgotPasswordHref },
      { target: 'login-reminder', text: msg('Nie pamiętam loginu'), href: this.forgotLoginHref },
    ];
    if (config?.features.registration !== false) links.push({ target: 'register', text: msg('Załóż konto'), href: this.registerHref });
    const inline = this.navigation === 'inline';
    return html`<ul class="links" part="links">
      ${links.map(
        ({ target, text, href }) =>
          html`<li>
            ${href && !inline
              ? html`<a class="link" part="link" data-target=${target} href=${href} @click=${(e: MouseEvent) => this.onLink(e, target, href)}>${text}</a>`
              : html`<button class="link" part="link" type="button" data-target=${target} @click=${(e: MouseEvent) => this.onLink(e, target, undefined)}>
                  ${text}
                </button>`}
          </li>`,
      )}
    </ul>`;
  }

  private renderNotice(): unknown {
    const notice = this.notice;
    if (!notice) return nothing;
    const throttled = this.throttle.running;
    const parts = notice.tone === 'error' ? 'notice error' : 'notice';
    return keyed(
      notice.id,
      html`<div class="notice notice--${notice.tone}" part=${parts} id="notice" tabindex="-1">
        ${iconOf(icon[notice.tone])}
        <div class="notice__body">
          <p id="notice-text" role=${notice.urgent ? 'alert' : 'status'}>${notice.text}</p>
          ${notice.detail ? html`<p>${notice.detail}</p>` : nothing}
          ${throttled
            ? html`<p class="countdown" id="countdown" part="countdown">
                ${msg(str`Spróbuj ponownie za ${formatDuration(this.throttle.remaining)}`)}
              </p>`
            : nothing}
          ${notice.action === 'retry'
            ? html`<div class="actions">
                <button class="button button--secondary" part="retry" type="button" ?disabled=${!!this.busy} @click=${this.retry}>${msg('Spróbuj ponownie')}</button>
              </div>`
            : nothing}
          ${notice.action === 'resend-activation'
            ? html`<div class="actions">
                <button class="button button--secondary" part="resend-activation" type="button" ?disabled=${this.busy === 'resend-activation'} @click=${this.onResendActivation}>
                  ${this.busy === 'resend-activation' ? msg('Wysyłamy…') : msg('Wyślij link aktywacyjny ponownie')}
                </button>
              </div>`
            : nothing}
        </div>
      </div>`,
    );
  }

  private fieldError(field: Field) {
    const error = this.errors[field];
    return error
      ? html`<p class="field-error" part="error" id=${`${field}-error`}>${iconOf(icon.error)}<span>${error}</span></p>`
      : nothing;
  }

  private describedBy(...ids: (string | undefined)[]): string | undefined {
    const list = ids.filter((id): id is string => !!id);
    return list.length ? list.join(' ') : undefined;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Input
  // ---------------------------------------------------------------------------------------------------------

  private onInput(field: Field, value: string): void {
    switch (field) {
      case 'identifier':
        this.identifier = value;
        break;
      case 'password':
        this.password = value;
        break;
      case 'code':
        this.code = value;
        break;
      case 'new-password':
        this.newPassword = value;
        this.changeKey = undefined;
        break;
      case 'repeat-password':
        this.repeatPassword = value;
        this.changeKey = undefined;
        break;
    }
    if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
    if (field === 'identifier' || field === 'password') this.credentialsRejected = false;
  }

  private onKey = (event: KeyboardEvent): void => {
    if (typeof event.getModifierState !== 'function') return;
    const field = (event.target as HTMLElement).id as Field;
    const on = event.getModifierState('CapsLock');
    this.capsLockOn = on ? field : undefined;
  };

  private onLink(event: MouseEvent, target: LoginTarget, href: string | undefined): void {
    if (this.navigation === 'inline') {
      event.preventDefault();
      this.returnFocusTo = target;
      this.view = target;
      this.notice = undefined;
      this.focusAfterUpdate = '[part="back"]';
      return;
    }
    const proceed = this.emit(new EbokNavigateEvent({ target, ...(href ? { href } : {}) }));
    if (!proceed || !href) event.preventDefault();
  }

  /** An inline flow asks to go to the login: come back here. */
  private onInlineNavigate = (event: Event): void => {
    const navigate = event as EbokNavigateEvent;
    if (navigate.detail?.target === 'login' && event.target !== this) {
      navigate.preventDefault();
      event.stopPropagation();
      this.backToLogin();
    }
  };

  // ---------------------------------------------------------------------------------------------------------
  // Actions
  // ---------------------------------------------------------------------------------------------------------

  private onLogin = (event: Event): void => {
    event.preventDefault();
    void this.login();
  };

  private onVerify = (event: Event): void => {
    event.preventDefault();
    void this.verify();
  };

  private onChangePassword = (event: Event): void => {
    event.preventDefault();
    void this.changePassword();
  };

  private onResendCode = (): void => {
    void this.resendCode();
  };

  private onResendActivation = (): void => {
    void this.resendActivation();
  };

  private retry = (): void => {
    const action = this.lastAction;
    if (action === 'login') void this.login();
    else if (action === 'verify') void this.verify();
    else if (action === 'resend-code') void this.resendCode();
    else if (action === 'change') void this.changePassword();
    else void this.resendActivation();
  };

  private async login(password = this.password, afterChange = false): Promise<void> {
    const client = this.client;
    if (!client || this.busy || this.throttle.running) return;
    if (!afterChange) {
      const errors: Partial<Record<Field, string>> = {};
      if (!this.identifier.trim()) {
        errors.identifier = msg(str`Uzupełnij pole „${identifierLabel(identifierField(this.portalConfig?.loginIdentifierKinds).label)}”.`);
      }
      if (!password) errors.password = msg('Wpisz hasło.');
      if (this.showErrors(errors, ['identifier', 'password'])) return;
    }
    this.begin('login');
    try {
      const result: unknown = await client.post('/auth/login', { body: { identifier: this.identifier.trim(), password } });
      if (!isLoginResult(result)) throw new EbokApiError({ status: 200, code: 'malformed_response' });
      this.onLoginResult(client, result);
    } catch (error) {
      if (afterChange) this.afterChangeFailed(error);
      else this.failed(error, 'login');
    } finally {
      this.busy = undefined;
    }
  }

  private onLoginResult(client: EbokClient, result: LoginResult): void {
    if (result.status === 'signed_in') {
      this.succeed(client, result.session);
      return;
    }
    this.challenge = result;
    this.view = 'mfa';
    this.code = '';
    this.notice = undefined;
    this.startResendCooldown(result);
    this.focusAfterUpdate = '#code';
  }

  private async verify(): Promise<void> {
    const client = this.client;
    const challenge = this.challenge;
    if (!client || !challenge || this.busy || this.throttle.running) return;
    const code = normalizeCode(this.code);
    if (this.showErrors(isValidCode(code) ? {} : { code: msg('Wpisz kod z wiadomości: od 4 do 8 cyfr.') }, ['code'])) return;
    this.begin('verify');
    try {
      const result: unknown = await client.post('/auth/mfa/verify', { body: { challengeId: challenge.challengeId, code } });
      if (!isLoginResult(result) || result.status !== 'signed_in') throw new EbokApiError({ status: 200, code: 'malformed_response' });
      this.succeed(client, result.session);
    } catch (error) {
      const code = error instanceof EbokApiError ? error.code : undefined;
      if (code === 'mfa_invalid_code') {
        this.code = '';
        this.showErrors({ code: msg('Ten kod jest nieprawidłowy. Sprawdź wiadomość i wpisz kod jeszcze raz.') }, ['code']);
        this.report(error, this.errors.code ?? '');
      } else if (code === 'mfa_expired') {
        this.backToLogin(msg('Kod wygasł albo wpisano go zbyt wiele razy. Zaloguj się ponownie – wyślemy nowy kod.'));
        this.report(error, this.notice?.text ?? '');
      } else {
        this.failed(error, 'verify');
      }
    } finally {
      this.busy = undefined;
    }
  }

  private async resendCode(): Promise<void> {
    const client = this.client;
    const challenge = this.challenge;
    if (!client || !challenge || this.busy || this.resendCooldown.running) return;
    this.lastAction = 'resend-code';
    this.busy = 'resend-code';
    try {
      const result = await client.post('/auth/mfa/resend', {
        params: { header: { 'Idempotency-Key': newIdempotencyKey() } },
        body: { challengeId: challenge.challengeId },
      });
      if (!isLoginResult(result) || result.status !== 'mfa_required') throw new EbokApiError({ status: 200, code: 'malformed_response' });
      this.challenge = result;
      this.code = '';
      this.errors = {};
      this.startResendCooldown(result);
      this.setNotice({ tone: 'success', text: msg('Wysłaliśmy nowy kod. Poprzedni kod już nie działa.'), urgent: false });
      this.focusAfterUpdate = '#code';
    } catch (error) {
      const apiError = error instanceof EbokApiError ? error : undefined;
      if (apiError?.code === 'mfa_expired') {
        this.backToLogin(msg('Kod wygasł albo wpisano go zbyt wiele razy. Zaloguj się ponownie – wyślemy nowy kod.'));
      } else if (apiError && failureOf(apiError) === 'throttled') {
        const seconds = waitSeconds(apiError) ?? 60;
        this.resendCooldown.startSeconds(seconds, () => this.announce(msg('Możesz już zamówić nowy kod.')));
        this.setNotice({ tone: 'warning', text: msg('Nowy kod można zamówić dopiero za chwilę.'), urgent: true });
        this.focusAfterUpdate = '#notice';
      } else {
        this.failed(error, 'resend-code');
      }
    } finally {
      this.busy = undefined;
    }
  }

  private async changePassword(): Promise<void> {
    const client = this.client;
    const token = this.changeToken;
    if (!client || !token || this.busy) return;
    const errors: Partial<Record<Field, string>> = {};
    if (!meetsPolicy(this.newPassword, this.portalConfig?.passwordPolicy)) {
      errors['new-password'] = this.newPassword ? msg('Hasło nie spełnia jeszcze wszystkich wymagań z listy.') : msg('Wpisz nowe hasło.');
    }
    if (!this.repeatPassword) errors['repeat-password'] = msg('Powtórz nowe hasło.');
    else if (this.repeatPassword !== this.newPassword) errors['repeat-password'] = msg('Hasła nie są takie same. Wpisz to samo hasło w obu polach.');
    if (this.showErrors(errors, ['new-password', 'repeat-password'])) return;
    this.begin('change');
    const newPassword = this.newPassword;
    try {
      await client.post('/auth/password', {
        params: { header: { 'Idempotency-Key': (this.changeKey ??= newIdempotencyKey()) } },
        body: { changeToken: token, newPassword },
      });
      this.changeKey = undefined;
      this.changeToken = undefined;
      this.password = newPassword;
      this.newPassword = '';
      this.repeatPassword = '';
      this.busy = undefined;
      // Log in again with the new password, as the customer would.
      await this.login(newPassword, true);
    } catch (error) {
      const apiError = error instanceof EbokApiError ? error : undefined;
      if (apiError?.code === 'password_policy_violation' || apiError?.code === 'validation_failed') {
        this.changeKey = undefined;
        this.showErrors({ 'new-password': policyViolationText(apiError) }, ['new-password']);
        this.report(apiError, this.errors['new-password'] ?? '');
      } else if (apiError?.code === 'token_invalid_or_expired' || apiError?.code === 'token_used') {
        this.changeToken = undefined;
        this.backToLogin(msg('Czas na ustawienie hasła minął. Zaloguj się ponownie hasłem jednorazowym albo poproś o nowe („Nie pamiętam hasła”).'));
        this.report(apiError, this.notice?.text ?? '');
      } else {
        this.failed(error, 'change');
      }
    } finally {
      this.busy = undefined;
    }
  }

  /** The password was changed, but logging in with it did not work now: ask the customer to log in. */
  private afterChangeFailed(error: unknown): void {
    const rejected = failureOf(error) === 'invalid_credentials';
    if (rejected) this.password = '';
    this.view = 'login';
    this.setNotice({ tone: 'success', text: msg('Hasło zostało zmienione. Zaloguj się nowym hasłem.'), urgent: false });
    this.focusAfterUpdate = rejected ? '#password' : '[part="submit"]';
  }

  private async resendActivation(): Promise<void> {
    const client = this.client;
    if (!client || this.busy) return;
    this.lastAction = 'resend-activation';
    this.busy = 'resend-activation';
    try {
      await client.post('/auth/activation/resend', {
        params: { header: { 'Idempotency-Key': newIdempotencyKey() } },
        body: { identifier: this.identifier.trim() },
      });
      this.setNotice({
        tone: 'success',
        text: msg('Jeśli konto czeka na aktywację, wysłaliśmy nowy link aktywacyjny na przypisany do niego adres e-mail. Sprawdź też folder ze spamem.'),
        urgent: false,
      });
    } catch (error) {
      const apiError = error instanceof EbokApiError ? error : undefined;
      const seconds = apiError && failureOf(apiError) === 'throttled' ? waitSeconds(apiError) : undefined;
      const text =
        seconds !== undefined
          ? msg(str`Zbyt wiele próśb o link. Spróbuj ponownie za ${formatDuration(seconds)}`)
          : msg('Nie udało się wysłać linku aktywacyjnego. Spróbuj ponownie za chwilę.');
      this.setNotice({ tone: 'error', text, urgent: true, action: 'resend-activation' });
      this.report(error, text);
    } finally {
      this.busy = undefined;
      this.focusAfterUpdate = '#notice';
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Outcomes
  // ---------------------------------------------------------------------------------------------------------

  private begin(action: Action): void {
    this.lastAction = action;
    this.busy = action;
    this.notice = undefined;
    this.errors = {};
    this.credentialsRejected = false;
  }

  private succeed(client: EbokClient, session: Session): void {
    this.password = '';
    this.code = '';
    this.challenge = undefined;
    this.resendCooldown.stop();
    this.view = 'login';
    this.notice = undefined;
    client.signedIn(session);
    this.emit(new EbokLoginSuccessEvent({ user: session.user, apiBase: client.apiBase }));
    if (this.afterLogin === 'message') this.focusAfterUpdate = '[part="message"]';
    this.requestUpdate();
  }

  /** Shows a failure of `action`; the form keeps what was typed (except a rejected password). */
  private failed(error: unknown, action: Action): void {
    const failure = failureOf(error);
    const apiError = error instanceof EbokApiError ? error : undefined;
    switch (failure) {
      case 'invalid_credentials':
        // One neutral answer: never says whether the login exists, is locked or the password is wrong.
        this.password = '';
        this.credentialsRejected = true;
        this.setNotice({ tone: 'error', text: msg('Nieprawidłowy login lub hasło.'), detail: msg('Sprawdź, czy nie jest włączony Caps Lock. Jeśli nie pamiętasz hasła, możesz ustawić nowe.'), urgent: true });
        this.focusAfterUpdate = '#password';
        break;
      case 'throttled': {
        const seconds = apiError ? waitSeconds(apiError) : undefined;
        const text = action === 'verify' ? msg('Zbyt wiele prób wpisania kodu. Sprawdzanie kodów jest na chwilę wstrzymane.') : msg('Zbyt wiele prób logowania. Ze względów bezpieczeństwa logowanie jest na chwilę wstrzymane.');
        this.setNotice({ tone: 'error', text, urgent: true });
        if (seconds !== undefined && seconds > 0) {
          this.throttle.startSeconds(seconds, () => {
            this.setNotice({ tone: 'info', text: msg('Możesz już spróbować ponownie.'), urgent: false });
          });
        }
        this.focusAfterUpdate = '#notice';
        break;
      }
      case 'not_activated':
        this.setNotice({
          tone: 'warning',
          text: msg('To konto nie jest jeszcze aktywne.'),
          detail: msg('Aktywuj je linkiem z wiadomości, którą wysłaliśmy po rejestracji. Nie masz jej albo link wygasł? Wyślemy nowy.'),
          urgent: true,
          action: 'resend-activation',
        });
        this.focusAfterUpdate = '#notice';
        break;
      case 'password_change_required': {
        const token = apiError?.problem?.changeToken;
        if (token) {
          this.changeToken = token;
          this.changeKey = undefined;
          this.view = 'change-password';
          this.newPassword = '';
          this.repeatPassword = '';
          this.focusAfterUpdate = '#new-password';
          return;
        }
        this.setNotice({ tone: 'error', text: msg('Nie udało się zalogować. Spróbuj ponownie za chwilę.'), urgent: true, action: 'retry' });
        this.focusAfterUpdate = '#notice';
        break;
      }
      case 'offline':
        this.setNotice({ tone: 'warning', text: msg('Brak połączenia z internetem.'), detail: msg('Sprawdź połączenie i spróbuj ponownie. Wpisane dane zostały w formularzu.'), urgent: true, action: 'retry' });
        this.focusAfterUpdate = '#notice';
        break;
      case 'network':
        this.setNotice({ tone: 'error', text: msg('Nie udało się połączyć z serwerem.'), detail: msg('Spróbuj ponownie. Wpisane dane zostały w formularzu.'), urgent: true, action: 'retry' });
        this.focusAfterUpdate = '#notice';
        break;
      case 'timeout':
        this.setNotice({ tone: 'error', text: msg('Serwer nie odpowiada.'), detail: msg('Spróbuj ponownie za chwilę. Wpisane dane zostały w formularzu.'), urgent: true, action: 'retry' });
        this.focusAfterUpdate = '#notice';
        break;
      case 'unavailable':
        this.setNotice({ tone: 'error', text: msg('Logowanie jest chwilowo niedostępne.'), detail: msg('Spróbuj ponownie za chwilę. Wpisane dane zostały w formularzu.'), urgent: true, action: 'retry' });
        this.focusAfterUpdate = '#notice';
        break;
      default:
        this.setNotice({ tone: 'error', text: msg('Nie udało się zalogować. Spróbuj ponownie za chwilę.'), urgent: true, action: 'retry' });
        this.focusAfterUpdate = '#notice';
    }
    this.report(error, this.notice?.text ?? '');
  }

  private report(error: unknown, message: string): void {
    const apiError = error instanceof EbokApiError ? error : undefined;
    this.emit(new EbokErrorEvent({ code: apiError?.code ?? 'unexpected', message, ...(apiError?.status ? { status: apiError.status } : {}) }));
  }

  private setNotice(notice: Omit<Notice, 'id'>): void {
    this.notice = { ...notice, id: ++this.noticeCount };
  }

  private announce(text: string): void {
    // Clear first so the same sentence twice is announced twice.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  /** Shows field errors and focuses the first; false when there are none. */
  private showErrors(errors: Partial<Record<Field, string>>, order: Field[]): boolean {
    this.errors = errors;
    const first = order.find((field) => errors[field]);
    if (!first) return false;
    this.focusAfterUpdate = `#${first}`;
    return true;
  }

  private startResendCooldown(challenge: MfaChallenge): void {
    const at = instant(challenge.resendAvailableAt);
    if (at === undefined || at <= Date.now()) this.resendCooldown.stop();
    else this.resendCooldown.startAt(at, () => this.announce(msg('Możesz już zamówić nowy kod.')));
  }

  /** Back to the first step; `message` says why (a code expired, a token ran out). */
  private backToLogin(message?: string): void {
    const from = this.view;
    this.view = 'login';
    this.inline = undefined;
    this.challenge = undefined;
    this.code = '';
    this.newPassword = '';
    this.repeatPassword = '';
    this.changeToken = undefined;
    this.errors = {};
    this.resendCooldown.stop();
    if (message) {
      this.password = '';
      this.setNotice({ tone: 'warning', text: message, urgent: true });
      this.focusAfterUpdate = '#password';
    } else {
      this.notice = undefined;
      const link = from === 'password-reset' || from === 'login-reminder' || from === 'register' ? this.returnFocusTo : undefined;
      this.focusAfterUpdate = link ? `[data-target="${link}"]` : '#identifier';
    }
  }

  /** The session ended (logout here or elsewhere): the form again, the identifier kept. */
  private resetToLogin(): void {
    this.view = 'login';
    this.password = '';
    this.code = '';
    this.challenge = undefined;
    this.notice = undefined;
    this.errors = {};
  }
}

function identifierLabel(label: IdentifierLabel): string {
  switch (label) {
    case 'email':
      return msg('Adres e-mail');
    case 'pesel_nip':
      return msg('PESEL lub NIP');
    case 'email_pesel_nip':
      return msg('E-mail, PESEL lub NIP');
    case 'email_login':
      return msg('E-mail lub login');
    case 'pesel_nip_login':
      return msg('PESEL, NIP lub login');
    case 'all':
      return msg('E-mail, PESEL, NIP lub login');
    default:
      return msg('Login');
  }
}

function identifierHint(label: IdentifierLabel): string | undefined {
  switch (label) {
    case 'pesel_nip':
      return msg('Osoba prywatna: PESEL (11 cyfr). Firma: NIP (10 cyfr).');
    case 'email_pesel_nip':
    case 'pesel_nip_login':
    case 'all':
      return msg('Osoba prywatna może podać PESEL, firma – NIP.');
    default:
      return undefined;
  }
}

function policyViolationText(error: EbokApiError): string {
  const codes = new Set(error.fields.map((field) => field.code));
  if (codes.has('password_breached')) return msg('To hasło pojawiło się w znanych wyciekach danych. Wybierz inne.');
  if (codes.has('password_same_as_current')) return msg('Nowe hasło musi się różnić od hasła jednorazowego.');
  if (codes.has('password_contains_identifier')) return msg('Hasło nie może zawierać Twojego loginu.');
  return msg('Hasło nie spełnia wymagań. Sprawdź listę pod polem.');
}
