import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { msg } from '@lit/localize';
import { renderError, renderLoading } from '../../core/status.js';
import type { EbokClient } from '../../api/client.js';
import { EbokWidget } from '../../kit/widget.js';
import { formStyles } from '../../kit/form.styles.js';
import { PortalConfigController } from '../../kit/portal-config.js';
import { loginStyles } from './login.styles.js';
import { LoginController } from './login.controller.js';
import { credentialsView, inlineView, signedInView, type LoginViewContext } from './login.views.js';
import type { LoginTarget } from './login.machine.js';
import type { PasswordPolicy } from './login.logic.js';

export type { LoginTarget } from './login.machine.js';

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

/**
 * Logging in to the eBOK (seeds 000, 002–004): identifier and password, then, when the account asks for it,
 * a one-time code sent by SMS or e-mail, and, when the utility published new terms since the customer's last
 * login, the terms to accept ("Akceptuję regulamin", or "Nie teraz" back to the login: no session exists before). It also handles what can stand in the way: a neutral message for
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
 * `<ebok-login-reminder>` or `<ebok-register>` in its place with a way back.
 *
 * The flow is a pure state machine (login.machine.ts) run by a controller (login.controller.ts) over small
 * views (login.views.ts); this element only wires them to the page.
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
 * @csspart field-error - A field's error text.
 * @csspart reveal - The "Show password" button.
 * @csspart caps-lock - The Caps Lock warning of a password field.
 * @csspart error-summary - The list of errors after sending a step with mistakes.
 * @csspart notice - Any message above the form, with its tone (`notice error`, `notice warning`, `notice success`, `notice info`).
 * @csspart countdown - The time left before the next attempt or the next code.
 * @csspart submit - The main button of the step.
 * @csspart retry - "Try again" after a network or server error.
 * @csspart resend-activation - "Send the activation link again" when the account is not activated.
 * @csspart password-reset - "Set a new password" in the notice when the account may be locked or sign-in is paused.
 * @csspart password-help - The password policy checklist and strength.
 * @csspart links - The list of links under the form.
 * @csspart link - One of those links ("Forgot password"…), and "Send the code again".
 * @csspart back - "Back to login", and "Not now" on new terms.
 * @csspart terms-summary - What changed in new terms (the terms step).
 * @csspart terms-link - The new terms document (the terms step).
 * @csspart message - "Signed in as …".
 * @cssprop --ebok-login-max-width - Widest the card grows (default 30em: 510 px at the base text size, wider with large text).
 */
export class EbokLogin extends EbokWidget {
  static override styles = [EbokWidget.styles, formStyles, loginStyles];

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

  /**
   * With `after-login="hidden"`: where focus goes after the login, as a CSS selector of the page (an ebok widget
   * there gets it on its heading). Default: the next ebok widget after this one on the page, else the first.
   */
  @property({ attribute: 'focus-after-login' }) focusAfterLogin?: string;

  /** The login works without the portal configuration (generic label, the server judges passwords). */
  private readonly config: PortalConfigController = new PortalConfigController(this, { optional: true });
  private readonly flow: LoginController = new LoginController(this);
  private wasSignedIn = false;
  private configSeen: unknown;
  private askedSession: EbokClient | undefined;
  /** The element of the inline flow, kept while it is shown so what the customer typed there stays. */
  private inline: { target: LoginTarget; element: HTMLElement } | undefined;

  /** @internal The password policy of the portal, for the controller. */
  get policy(): PasswordPolicy | undefined {
    return this.config.value?.passwordPolicy;
  }

  /** @internal The identifiers the portal accepts, for the controller. */
  get identifierKinds() {
    return this.config.value?.loginIdentifierKinds;
  }

  /** @internal Focus into the inline flow, on its heading, once its code has loaded and it has rendered. */
  focusInlineFlow(): void {
    type Flow = HTMLElement & { updateComplete?: Promise<unknown>; focusHeading?: () => boolean };
    const element: Flow | undefined = this.inline?.element;
    if (!element) return;
    void customElements
      .whenDefined(element.localName)
      .then(() => element.updateComplete)
      .then(() => {
        if (element.isConnected && !element.focusHeading?.()) element.focus();
      });
  }

  /** @internal Where the controller sends focus after a login when this element hides. */
  focusAfterSignIn(message: HTMLElement | undefined): HTMLElement | undefined {
    if (this.afterLogin !== 'hidden') return message;
    const chosen = this.focusAfterLogin ? document.querySelector<HTMLElement>(this.focusAfterLogin) : null;
    const widgets = [...document.body.querySelectorAll<HTMLElement>('*')].filter(
      (el) => el.localName.startsWith('ebok-') && el !== this && el.localName !== 'ebok-provider' && !el.hidden && !this.contains(el),
    );
    const next = widgets.find((el) => this.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) ?? widgets[0];
    const target = chosen ?? next;
    if (!target) return undefined;
    const heading = target as HTMLElement & { focusHeading?: () => boolean };
    if (heading.focusHeading?.()) return undefined;
    if (!target.hasAttribute('tabindex') && target.tabIndex < 0) target.tabIndex = -1;
    return target;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const config = this.config.value;
    if (config !== this.configSeen) {
      // Errors shown before the configuration arrived name the field generically ("Login"): name it as the portal does.
      this.configSeen = config;
      this.flow.recheckShown();
    }
    const client = this.client;
    if (client && this.askedSession !== client) {
      this.askedSession = client;
      client.session.ready().catch(() => undefined);
    }
    const signedIn = !!client?.session.signedIn;
    if (!signedIn && this.wasSignedIn) {
      // Ended within a minute of a login here: the session did not hold (the client tells the developer why).
      const since = client?.session.signedInAt;
      const lost = client?.session.endedBy === 'unauthorized' && since !== undefined && Date.now() - since < 60_000 && this.flow.signedInHere;
      this.flow.dispatch({ type: 'session-ended', justSignedIn: lost, loggedOut: client?.session.endedBy === 'logout' });
    }
    this.wasSignedIn = signedIn;
    this.hideSelf(signedIn && this.afterLogin === 'hidden');
  }

  override render() {
    const client = this.client;
    const context = this.viewContext();
    if (!client) {
      const waiting = this.waitingForProvider;
      if (!waiting) this.reportMissingApi();
      const state = waiting ? renderLoading() : renderError({ message: msg('Logowanie jest chwilowo niedostępne.') });
      return html`<div class="base" part="base">${context.heading(msg('Logowanie'))}${state}</div>`;
    }
    const session = client.session.state;
    const flow = this.flow;
    const step = flow.state.step;
    let view: unknown;
    if (session.status === 'signed-in' && session.user) view = signedInView(flow, context, session.user.displayName);
    else if (step === 'code' && flow.state.challenge) view = flow.steps ? flow.steps.codeView(flow, context) : this.loadingStep(msg('Wpisz kod z wiadomości'));
    else if (step === 'change-password') view = flow.steps ? flow.steps.changePasswordView(flow, context) : this.loadingStep(msg('Ustaw nowe hasło'));
    else if (step === 'terms' && flow.state.terms) view = flow.steps ? flow.steps.termsView(flow, context) : this.loadingStep(msg('Zmienił się regulamin eBOK'));
    else if (step === 'inline' && flow.state.inline) view = inlineView(keyed(flow.state.inline, this.inlineElement(flow.state.inline)));
    else view = credentialsView(flow, context);
    return html`<div class="base ${step === 'inline' ? 'base--bare inline-view' : ''}" part="base" @ebok-navigate=${this.onInlineNavigate}>
      ${view}${flow.notice.renderLiveRegion()}
    </div>`;
  }

  /** A step whose code is still on its way: its heading, and a loading state (an error with retry offline). */
  private loadingStep(title: string) {
    const failed = this.flow.stepsFailed;
    return html`${this.heading(title, { focusable: true })}
    ${failed ? renderError({ message: msg('Nie udało się wczytać tego kroku. Sprawdź połączenie z internetem.'), onRetry: () => this.flow.loadSteps() }) : renderLoading()}`;
  }

  private viewContext(): LoginViewContext {
    return {
      heading: (text) => this.heading(text, { focusable: true }),
      kinds: this.identifierKinds,
      configLoading: this.config.status === 'pending',
      policy: this.policy,
      registration: this.config.value?.features.registration !== false,
      inlineLinks: this.navigation === 'inline',
      hrefs: { 'password-reset': this.forgotPasswordHref, 'login-reminder': this.forgotLoginHref, register: this.registerHref },
      onLink: (event, target, href) => this.onLink(event, target, href),
      onBack: () => this.flow.dispatch({ type: 'back' }),
    };
  }

  /** The inline flow's element, created once per flow and given this element's API and heading level. */
  private inlineElement(target: LoginTarget): HTMLElement {
    if (this.inline?.target !== target) {
      this.inline = { target, element: document.createElement(INLINE_TAGS[target]) };
      if (!customElements.get(INLINE_TAGS[target])) INLINE_MODULES[target]().catch(() => undefined);
    }
    const element = this.inline.element;
    if (this.apiBase) element.setAttribute('api-base', this.apiBase);
    else element.removeAttribute('api-base');
    element.setAttribute('heading-level', String(this.headingLevel));
    return element;
  }

  private onLink(event: MouseEvent, target: LoginTarget, href: string | undefined): void {
    if (this.navigation === 'inline') {
      event.preventDefault();
      this.inline = undefined;
      this.flow.dispatch({ type: 'open', target });
      return;
    }
    this.navigate(event, target, href);
  }

  /** An inline flow asks to go to the login: come back here. */
  private onInlineNavigate = (event: Event): void => {
    const navigate = event as Event & { detail?: { target?: string } };
    if (navigate.detail?.target === 'login' && event.target !== this) {
      event.preventDefault();
      event.stopPropagation();
      this.flow.dispatch({ type: 'back' });
    }
  };
}
