import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { createRef } from 'lit/directives/ref.js';
import { renderOffline } from '../../core/status.js';
import { EbokWidgetBase } from '../../kit/widget-base.js';
import { LazyBehaviour } from '../../kit/lazy-behaviour.js';
import { formStyles } from '../../kit/form.styles.js';
import type { FieldBinding } from '../../kit/form.js';
import { loginStyles } from './login.styles.js';
import { credentialsView, identifierLabelText, onSubmit, type CredentialsContext, type CredentialsForm } from './login.credentials.js';
import type { LoginBehaviour } from './login.behaviour.js';
import type { LoginTarget } from './login.machine.js';

export type { LoginTarget } from './login.machine.js';

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
 * The element draws the credentials form first, from this module alone (Lit, the theme, the widget base and the
 * field kit: login.credentials.ts); what it does is in login.behaviour.ts, loaded right after, which hands what
 * was typed meanwhile to the flow and sends a submit made meanwhile. The flow is a pure state machine
 * (login.machine.ts) run by a controller (login.controller.ts) over small views (login.views.ts).
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
export class EbokLogin extends EbokWidgetBase {
  static override styles = [EbokWidgetBase.styles, formStyles, loginStyles];

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

  /** What the login does (the API, the flow and its steps), loaded after the first frame (offline: "Try again"). */
  private readonly lazy = new LazyBehaviour<LoginBehaviour>(this, () =>
    import('./login.behaviour.js').then(({ LoginBehaviour }) => {
      const behaviour = new LoginBehaviour(
        this,
        {
          heading: (text) => this.heading(text, { focusable: true }),
          frame: (view, bare, after, onNavigate) => this.frame(view, bare, after, onNavigate),
          context: (config) => this.context(config),
          hideSelf: (hide) => this.hideSelf(hide),
          credentialsView,
          identifierLabelText,
        },
        this.draft,
      );
      const queued = this.queued;
      this.queued = undefined;
      queued?.(behaviour);
      return behaviour;
    }),
  );

  /** What the customer typed before the behaviour arrived: the flow starts from it. */
  private readonly draft = { identifier: '', password: '', revealed: false };
  private readonly draftRefs = {
    identifier: createRef<HTMLElement>(),
    password: createRef<HTMLElement>(),
    submit: createRef<HTMLElement>(),
    'password-reset': createRef<HTMLElement>(),
    'login-reminder': createRef<HTMLElement>(),
    register: createRef<HTMLElement>(),
  };
  /** What the customer asked for before the behaviour arrived (the login, or a flow in place): done once it is here. */
  private queued: ((behaviour: LoginBehaviour) => void) | undefined;

  /** Also waits for the behaviour and the update it brings: `await login.updateComplete` sees the working login. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.lazy.settled(() => super.getUpdateComplete());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.lazy.value?.willUpdate();
  }

  override render() {
    return this.lazy.value?.render() ?? this.frame(credentialsView(this.draftModel(), this.context({ kinds: undefined, configLoading: true, registration: true })));
  }

  /** The card around every step; one template in every state, so the form's fields stay the same elements. */
  private frame(view: unknown, bare = false, after: unknown = nothing, onNavigate?: (event: Event) => void): TemplateResult {
    return html`<div class="base ${bare ? 'base--bare inline-view' : ''}" part="base" @ebok-navigate=${onNavigate}>${view}${after}</div>`;
  }

  /**
   * The credentials form before the behaviour: it keeps what is typed, shows and hides the password, and holds a
   * submit (its button says it is sending) until the behaviour sends it. Offline, it says so with a way to retry.
   */
  private draftModel() {
    const draft = this.draft;
    const refs = this.draftRefs;
    const failed = this.lazy.failed;
    const field = (name: 'identifier' | 'password'): FieldBinding<string> => ({
      id: name,
      value: draft[name],
      error: undefined,
      ref: refs[name],
      input: (value) => {
        draft[name] = value;
      },
      blur: () => undefined,
    });
    const form: CredentialsForm = {
      busy: !!this.queued && !failed,
      submitRef: refs.submit,
      revealed: draft.revealed,
      capsLock: undefined,
      onKey: () => undefined,
      toggleReveal: () => {
        draft.revealed = !draft.revealed;
        this.requestUpdate();
      },
      field,
    };
    return {
      form,
      feedback: failed ? renderOffline(() => this.lazy.load()) : nothing,
      rejected: false,
      paused: false,
      linkRef: (target: LoginTarget) => refs[target],
      submit: () => this.whenReady((behaviour) => behaviour.flow.login()),
    };
  }

  /** Runs `action` with the behaviour: now, or once its code has arrived (then it is fetched again if it failed). */
  private whenReady(action: (behaviour: LoginBehaviour) => void): void {
    const behaviour = this.lazy.value;
    if (behaviour) return action(behaviour);
    this.queued = action;
    this.requestUpdate();
    this.lazy.load();
  }

  private context(config: Pick<CredentialsContext, 'kinds' | 'configLoading' | 'registration'>): CredentialsContext {
    return {
      ...config,
      heading: (text) => this.heading(text, { focusable: true }),
      onSubmit,
      inlineLinks: this.navigation === 'inline',
      hrefs: { 'password-reset': this.forgotPasswordHref, 'login-reminder': this.forgotLoginHref, register: this.registerHref },
      onLink: (event, target, href) => {
        if (this.navigation !== 'inline') {
          this.navigate(event, target, href);
          return;
        }
        event.preventDefault();
        this.whenReady((behaviour) => behaviour.open(target));
      },
    };
  }
}
