import type { ReactiveController } from 'lit';
import { createRef, type Ref } from 'lit/directives/ref.js';
import { msg } from '@lit/localize';
import { EbokApiError } from '../../api/errors.js';
import { malformedResponse } from '../../api/diagnostics.js';
import { EbokErrorEvent, EbokLoginSuccessEvent } from '../../core/events.js';
import { Countdown } from '../../controllers/countdown.js';
import { FocusController } from '../../controllers/focus.js';
import type { ApiHost } from '../../kit/action.js';
import { describeFailure } from '../../kit/failure.js';
import { FormController } from '../../kit/form.js';
import { NoticeController } from '../../kit/notice.js';
import { failureKind, isLoginResult, waitSeconds, type LoginIdentifierKind, type LoginResult, type PasswordPolicy } from './login.logic.js';
import { INITIAL, transition, type FocusTarget, type LoginAction, type LoginEffect, type LoginEvent, type LoginState, type LoginTarget } from './login.machine.js';
import { codeErrorText, noticeWords, policyErrorText } from './login.views.js';
import { focusTarget } from './login.focus.js';

/** The password kit: loaded only when a one-time password must be replaced (most logins never need it). */
export type PasswordKit = typeof import('../../kit/password.js');
export type LoginSteps = typeof import('./login.steps.js');
export type StepForms = ReturnType<LoginSteps['createStepForms']>;

/** What the controller asks of the login besides its element: the portal's rules, and where focus goes. */
export interface LoginPage {
  /** The portal's password policy and identifier kinds, once known. */
  readonly policy: PasswordPolicy | undefined;
  readonly identifierKinds: readonly LoginIdentifierKind[] | undefined;
  /** The identifier field's label as an error ("Fill in …"), for the kinds the portal accepts. */
  identifierRequiredText(): string;
  /** Where focus goes after a login: `message` ("Signed in as …") unless the element hides itself. */
  focusAfterSignIn(message: HTMLElement | undefined): HTMLElement | undefined;
  /** Focus into the inline flow (its heading), once it has rendered. */
  focusInlineFlow(): void;
}

/** The element the controller serves: an API widget that announces its outcomes, with a heading to focus. */
export type LoginHost = ApiHost & { focusHeading(): boolean };

/**
 * Runs the login flow: sends what the forms submit, feeds every answer and failure to the pure machine
 * (login.machine.ts) and carries out the effects it returns — the session, notices, field errors, focus,
 * pauses and cool-downs. The views only read this controller.
 */
export class LoginController implements ReactiveController {
  state: LoginState = { ...INITIAL };
  readonly notice: NoticeController;
  readonly focus: FocusController;
  /** Attempts are paused until this ends (429 on login or code). */
  readonly pause: Countdown;
  /** "Send the code again" waits for this. */
  readonly cooldown: Countdown;
  readonly message: Ref<HTMLElement> = createRef();
  readonly back: Ref<HTMLElement> = createRef();
  readonly links = new Map<LoginTarget, Ref<HTMLElement>>();
  private relogin = false;
  /** This element signed the customer in (not another widget or tab). */
  signedInHere = false;
  /** The password kit, once the change-password step asked for it. */
  passwords: PasswordKit | undefined;
  private loadingPasswords: Promise<void> | undefined;
  /** The views of the code and change-password steps, once loaded (see login.steps.ts). */
  steps: LoginSteps | undefined;
  /** The steps' code could not be loaded (offline): the step shows an error with a retry. */
  stepsFailed = false;
  private loadingSteps: Promise<void> | undefined;

  readonly credentials: FormController<{ identifier: string; password: string }, { identifier: string; password: string }, LoginResult>;
  /** The forms of the later steps (code, terms, new password, new code, activation link), loaded with their views. */
  forms: StepForms | undefined;

  constructor(
    private readonly host: LoginHost,
    readonly page: LoginPage,
    /** What the customer typed before the flow took over (the element's first frame), kept. */
    draft?: { identifier: string; password: string; revealed: boolean },
  ) {
    host.addController(this);
    this.notice = new NoticeController(host);
    this.focus = new FocusController(host);
    this.pause = new Countdown(host);
    this.cooldown = new Countdown(host);
    // One notice for every step; it stays while the customer types (a pause's countdown must not vanish).
    const shared = { notice: this.notice, keepNotice: true, context: { action: 'send' as const } };

    this.credentials = new FormController(host, {
      ...shared,
      initial: { identifier: draft?.identifier ?? '', password: draft?.password ?? '' },
      order: ['identifier', 'password'],
      check: (name, values) => {
        // The contract's limits: a longer value gets a field error here, not a failure from the server.
        if (name === 'identifier') {
          if (!values.identifier.trim()) return this.page.identifierRequiredText();
          return values.identifier.trim().length > 254 ? msg('Login może mieć najwyżej 254 znaki.') : undefined;
        }
        if (!values.password) return msg('Wpisz hasło.');
        return values.password.length > 1024 ? msg('Hasło może mieć najwyżej 1024 znaki.') : undefined;
      },
      body: (values) => ({ identifier: values.identifier.trim(), password: values.password }),
      send: async (client, body) => {
        const result: unknown = await client.post('/auth/login', { body });
        if (!isLoginResult(result)) throw malformedResponse(client.apiBase, 'POST /auth/login answered with neither a session nor a two-step challenge');
        return result;
      },
      done: (result) => this.dispatch({ type: 'answer', action: this.takeRelogin(), result }),
      onInput: () => this.dispatch({ type: 'edited-credentials' }),
      failed: (error) => this.failed(this.takeRelogin(), error),
    });
    this.credentials.revealed = draft?.revealed ?? false;
  }

  hostConnected(): void {}

  /** A request of the flow is under way. */
  get busy(): LoginAction | undefined {
    if (this.credentials.busy) return 'login';
    const forms = this.forms;
    if (forms?.code.busy) return 'verify';
    if (forms?.terms.busy) return 'accept-terms';
    if (forms?.change.busy) return 'change';
    if (forms?.resendCode.busy) return 'resend-code';
    if (forms?.resendActivation.busy) return 'resend-activation';
    return undefined;
  }

  linkRef(target: LoginTarget): Ref<HTMLElement> {
    let ref = this.links.get(target);
    if (!ref) this.links.set(target, (ref = createRef()));
    return ref;
  }

  dispatch(event: LoginEvent): void {
    const { state, effects } = transition(this.state, event);
    this.state = state;
    if (state.step === 'change-password') this.loadPasswords();
    if (state.step === 'code' || state.step === 'change-password' || state.step === 'terms') this.loadSteps();
    for (const effect of effects) this.run(effect);
    this.host.requestUpdate();
  }

  /** Fetches the password kit for the change-password step, then focuses its first field. */
  private loadPasswords(): void {
    this.loadingPasswords ??= import('../../kit/password.js').then(
      (kit) => {
        this.passwords = kit;
        if (this.state.step === 'change-password' && this.forms) this.focus.next(this.forms.change.field('newPassword').ref);
        this.host.requestUpdate();
      },
      () => {
        // Offline when the step opened: the next visit to the step tries again.
        this.loadingPasswords = undefined;
      },
    );
  }

  /**
   * Fetches the views of the code and change-password steps (once), then focuses the step's first field.
   * Started when the credentials are sent, so the views usually arrive with the server's answer.
   */
  loadSteps(): void {
    this.stepsFailed = false;
    this.loadingSteps ??= import('./login.steps.js').then(
      (steps) => {
        const forms = (this.forms = steps.createStepForms(this, this.host));
        this.steps = steps;
        if (this.state.step === 'code') this.focus.next(forms.code.field('code').ref);
        else if (this.state.step === 'terms') this.focus.next(this.target('heading'));
        else if (this.state.step === 'change-password' && this.passwords) this.focus.next(forms.change.field('newPassword').ref);
        this.host.requestUpdate();
      },
      () => {
        this.loadingSteps = undefined;
        this.stepsFailed = this.state.step === 'code' || this.state.step === 'change-password' || this.state.step === 'terms';
        this.host.requestUpdate();
      },
    );
  }

  /** Words the field errors shown anew (the portal configuration arrived: the identifier's own name). */
  recheckShown(): void {
    this.credentials.recheckShown();
  }

  /** Sends the credentials (from the form, or again with "Try again"). */
  login(): void {
    if (this.pause.running) return;
    this.loadSteps();
    void this.credentials.submit();
  }

  verify(): void {
    if (!this.pause.running) void this.forms?.code.submit();
  }

  requestCode(): void {
    const challenge = this.state.challenge;
    if (challenge && !this.cooldown.running) void this.forms?.resendCode.run({ challengeId: challenge.challengeId });
  }

  /** "I accept the terms". */
  acceptTerms(): void {
    void this.forms?.terms.submit();
  }

  /** "Send the activation link again" (the answer that asked for it also started loading the forms). */
  requestActivation(): void {
    const identifier = this.credentials.values.identifier.trim();
    if (!this.forms) this.loadSteps();
    void (this.loadingSteps ?? Promise.resolve()).then(() => this.forms?.resendActivation.run({ identifier }));
  }

  /** "Try again": what the customer last asked for. */
  retry(): void {
    const retries: Record<LoginAction, () => void> = {
      login: () => this.login(),
      verify: () => this.verify(),
      'resend-code': () => this.requestCode(),
      change: () => void this.forms?.change.submit(),
      'resend-activation': () => this.requestActivation(),
      'accept-terms': () => this.acceptTerms(),
    };
    retries[this.state.lastAction]();
  }

  private takeRelogin(): 'login' | 'relogin' {
    const relogin = this.relogin;
    this.relogin = false;
    return relogin ? 'relogin' : 'login';
  }

  /** A request of the flow failed: the machine decides what the customer sees (also for login.forms.ts). */
  failed(action: LoginAction | 'relogin', error: unknown): true {
    const api = error instanceof EbokApiError ? error : undefined;
    const failure = describeFailure(error, { action: 'send', failed: msg('Nie udało się zalogować.'), unavailable: msg('Logowanie jest chwilowo niedostępne.') });
    const wait = api ? waitSeconds(api) : undefined;
    this.dispatch({
      type: 'failed',
      action,
      kind: failureKind(error),
      failure,
      ...(wait !== undefined ? { wait } : {}),
      ...(api?.problem?.changeToken ? { changeToken: api.problem.changeToken } : {}),
      ...(api ? { codes: api.fields.map((field) => field.code) } : {}),
    });
    return true;
  }

  private run(effect: LoginEffect): void {
    switch (effect.type) {
      case 'sign-in': {
        const client = this.host.client;
        if (!client) return;
        this.cooldown.stop();
        this.signedInHere = true;
        client.signedIn(effect.session);
        this.host.dispatchEvent(new EbokLoginSuccessEvent({ user: effect.session.user, apiBase: client.apiBase }));
        return;
      }
      case 'notice': {
        const words = noticeWords(effect.notice);
        this.notice.show(words);
        if (effect.report) this.host.dispatchEvent(new EbokErrorEvent({ code: effect.report, message: words.text }));
        return;
      }
      case 'clear-notice':
        return this.notice.clear();
      case 'clear':
        for (const field of effect.fields) {
          if (field === 'password' || field === 'identifier') this.credentials.assign({ [field]: '' });
          else if (field === 'code') this.forms?.code.assign({ code: '' });
          else this.forms?.change.assign({ [field]: '' });
        }
        return;
      case 'field-error': {
        const text = effect.field === 'code' ? codeErrorText() : policyErrorText(effect.codes ?? [], this.page.policy, this.passwords);
        if (effect.field === 'code') this.forms?.code.setErrors({ code: text });
        else this.forms?.change.setErrors({ newPassword: text });
        this.host.dispatchEvent(new EbokErrorEvent({ code: effect.report, message: text }));
        return;
      }
      case 'focus':
        return this.focus.next(this.target(effect.target));
      case 'pause':
        return this.pause.startSeconds(effect.seconds, () => this.dispatch({ type: 'attempts-allowed' }));
      case 'cooldown': {
        const ready = () => this.notice.announce(msg('Możesz już zamówić nowy kod.'));
        if (effect.seconds !== undefined) this.cooldown.startSeconds(effect.seconds, ready);
        else if (effect.until !== undefined && effect.until > Date.now()) this.cooldown.startAt(effect.until, ready);
        else this.cooldown.stop();
        return;
      }
      case 'login-with-new-password':
        this.credentials.assign({ password: this.forms?.change.values.newPassword ?? '' });
        this.forms?.change.reset();
        this.relogin = true;
        void this.credentials.submit();
        return;
    }
  }

  /** Where a `focus` effect puts focus (login.focus.ts). */
  private target(target: FocusTarget): ReturnType<typeof focusTarget> {
    return focusTarget(this, target, () => this.host.focusHeading());
  }
}
