import { html, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { msg } from '@lit/localize';
import { renderError, renderLoading } from '../../core/status.js';
import type { EbokClient } from '../../api/client.js';
import { useClients } from '../../core/clients.js';
import { PortalConfigController } from '../../kit/portal-config.js';
import { addLaterStyles } from '../../kit/later-styles.js';
import { loginBehaviourStyles } from './login.behaviour.styles.js';
import { LoginController, type LoginPage } from './login.controller.js';
import type { CredentialsContext, credentialsView, identifierLabelText } from './login.credentials.js';
import { credentialsModel, inlineView, signedInView, type LoginViewContext } from './login.views.js';
import type { EbokLogin } from './login.js';
import type { LoginTarget } from './login.machine.js';

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

/** What the behaviour may do to the login: the element's own protected tools, handed over by the element. */
export interface LoginTools {
  /** The step's title, focusable (a new step's title takes focus). */
  heading(text: string): TemplateResult;
  /** The card around every step (`bare` for an inline flow, which has its own), with the flow's live region. */
  frame(view: unknown, bare?: boolean, after?: unknown, onNavigate?: (event: Event) => void): TemplateResult;
  /** The links under the form, and the identifiers the portal accepts. */
  context(config: Pick<CredentialsContext, 'kinds' | 'configLoading' | 'registration'>): CredentialsContext;
  hideSelf(hide: boolean): void;
  /**
   * The credentials form and the identifier's label, from the element's module: the behaviour imports nothing of
   * it, so the element's chunk is the element alone (no module namespace, no bundler helper on its page).
   */
  credentialsView: typeof credentialsView;
  identifierLabelText: typeof identifierLabelText;
}

/**
 * Everything the login does besides its first frame (login.ts): the portal configuration, the session, and the
 * flow (login.controller.ts over login.machine.ts) with its steps. The element loads this after it has drawn
 * the credentials form; what the customer typed meanwhile is handed over, and a submit made meanwhile is sent
 * once this is here.
 */
export class LoginBehaviour implements LoginPage {
  /** The login works without the portal configuration (generic label, the server judges passwords). */
  readonly config: PortalConfigController;
  readonly flow: LoginController;
  private wasSignedIn = false;
  private configSeen: unknown;
  private askedSession: EbokClient | undefined;
  /** The element of the inline flow, kept while it is shown so what the customer typed there stays. */
  private inline: { target: LoginTarget; element: HTMLElement } | undefined;

  constructor(
    private readonly host: EbokLogin,
    private readonly tools: LoginTools,
    draft: { identifier: string; password: string; revealed: boolean },
  ) {
    // The signed-in message and the terms' summary are drawn only from here on.
    addLaterStyles(host, loginBehaviourStyles);
    useClients();
    this.config = new PortalConfigController(host, { optional: true });
    this.flow = new LoginController(host, this, draft);
  }

  get policy() {
    return this.config.value?.passwordPolicy;
  }

  identifierRequiredText(): string {
    return this.tools.identifierLabelText(this.identifierKinds, true);
  }

  get identifierKinds() {
    return this.config.value?.loginIdentifierKinds;
  }

  /** Focus into the inline flow, on its heading, once its code has loaded and it has rendered. */
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

  /** Where focus goes after a login when the element hides. */
  focusAfterSignIn(message: HTMLElement | undefined): HTMLElement | undefined {
    const host = this.host;
    if (host.afterLogin !== 'hidden') return message;
    const chosen = host.focusAfterLogin ? document.querySelector<HTMLElement>(host.focusAfterLogin) : null;
    const widgets = [...document.body.querySelectorAll<HTMLElement>('*')].filter(
      (el) => el.localName.startsWith('ebok-') && el !== host && el.localName !== 'ebok-provider' && !el.hidden && !host.contains(el),
    );
    const next = widgets.find((el) => host.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) ?? widgets[0];
    const target = chosen ?? next;
    if (!target) return undefined;
    const heading = target as HTMLElement & { focusHeading?: () => boolean };
    if (heading.focusHeading?.()) return undefined;
    if (!target.hasAttribute('tabindex') && target.tabIndex < 0) target.tabIndex = -1;
    return target;
  }

  /** A link under the form opens its flow in place (`navigation="inline"`). */
  open(target: LoginTarget): void {
    this.inline = undefined;
    this.flow.dispatch({ type: 'open', target });
  }

  willUpdate(): void {
    const config = this.config.value;
    if (config !== this.configSeen) {
      // Errors shown before the configuration arrived name the field generically ("Login"): name it as the portal does.
      this.configSeen = config;
      this.flow.recheckShown();
    }
    const client = this.host.client;
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
    this.tools.hideSelf(signedIn && this.host.afterLogin === 'hidden');
  }

  render(): TemplateResult {
    const { host, tools, flow } = this;
    const client = host.client;
    if (!client) {
      const waiting = host.waitingForProvider;
      if (!waiting) host.reportMissingApi();
      return tools.frame(html`${tools.heading(msg('Logowanie'))}${waiting ? renderLoading() : renderError({ message: msg('Logowanie jest chwilowo niedostępne.') })}`);
    }
    const context = this.viewContext();
    const session = client.session.state;
    const step = flow.state.step;
    let view: unknown;
    if (session.status === 'signed-in' && session.user) view = signedInView(flow, context, session.user.displayName);
    else if (step === 'code' && flow.state.challenge) view = flow.steps ? flow.steps.codeView(flow, context) : this.loadingStep(msg('Wpisz kod z wiadomości'));
    else if (step === 'change-password') view = flow.steps ? flow.steps.changePasswordView(flow, context) : this.loadingStep(msg('Ustaw nowe hasło'));
    else if (step === 'terms' && flow.state.terms) view = flow.steps ? flow.steps.termsView(flow, context) : this.loadingStep(msg('Zmienił się regulamin eBOK'));
    else if (step === 'inline' && flow.state.inline) view = inlineView(keyed(flow.state.inline, this.inlineElement(flow.state.inline)));
    else view = tools.credentialsView(credentialsModel(flow), context);
    return tools.frame(view, step === 'inline', flow.notice.renderLiveRegion(), this.onInlineNavigate);
  }

  /** A step whose code is still on its way: its heading, and a loading state (an error with retry offline). */
  private loadingStep(title: string) {
    const failed = this.flow.stepsFailed;
    return html`${this.tools.heading(title)}
    ${failed ? renderError({ message: msg('Nie udało się wczytać tego kroku. Sprawdź połączenie z internetem.'), onRetry: () => this.flow.loadSteps() }) : renderLoading()}`;
  }

  private viewContext(): LoginViewContext {
    const config = this.config;
    return {
      ...this.tools.context({
        kinds: this.identifierKinds,
        configLoading: config.status === 'pending',
        registration: config.value?.features.registration !== false,
      }),
      policy: this.policy,
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
    const host = this.host;
    if (host.apiBase) element.setAttribute('api-base', host.apiBase);
    else element.removeAttribute('api-base');
    element.setAttribute('heading-level', String(host.headingLevel));
    return element;
  }

  /** An inline flow asks to go to the login: come back here. */
  private onInlineNavigate = (event: Event): void => {
    const navigate = event as Event & { detail?: { target?: string } };
    if (navigate.detail?.target === 'login' && event.target !== this.host) {
      event.preventDefault();
      event.stopPropagation();
      this.flow.dispatch({ type: 'back' });
    }
  };
}
