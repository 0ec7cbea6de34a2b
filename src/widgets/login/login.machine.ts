/**
 * The login flow as a pure state machine: an event and the current state in, the next state and the
 * effects to run out. No DOM, no client, no words: the controller (login.controller.ts) runs the effects and
 * the views (login.views.ts) put the notices into words. Everything here is unit-tested without a browser page.
 */
import type { Failure } from '../../kit/failure.js';
import type { LoginResult, MfaChallenge, Session, TermsRequired, VerifyResult } from './login.logic.js';

/** Where the "forgot" and "register" links lead. */
export type LoginTarget = 'password-reset' | 'login-reminder' | 'register';

export type LoginStep = 'credentials' | 'code' | 'change-password' | 'terms' | 'inline';

/** What the customer last asked for: "Try again" repeats it. */
export type LoginAction = 'login' | 'verify' | 'resend-code' | 'change' | 'resend-activation' | 'accept-terms';

export interface LoginState {
  step: LoginStep;
  /** The two-step code's challenge (step `code`). */
  challenge?: MfaChallenge;
  /** New terms to accept before any session exists (step `terms`). */
  terms?: TermsRequired;
  /** The one-time password was accepted and must be replaced (step `change-password`). */
  changeToken?: string;
  /** The flow shown in place with `navigation="inline"` (step `inline`), and the link that opened it. */
  inline?: LoginTarget;
  /** The server refused the identifier and password: both fields are marked, the notice says why. */
  rejected: boolean;
  lastAction: LoginAction;
}

export const INITIAL: LoginState = { step: 'credentials', rejected: false, lastAction: 'login' };

/** What the login says above its form; the views word each one. */
export type LoginNotice =
  | { kind: 'invalid-credentials' }
  /** Repeated failures for this login: the account may be locked (said alike whether it exists or not). */
  | { kind: 'locked'; wait?: number }
  | { kind: 'throttled'; during: 'login' | 'verify'; wait?: number }
  | { kind: 'ready-again' }
  | { kind: 'not-activated' }
  | { kind: 'activation-sent' }
  | { kind: 'activation-failed'; wait?: number }
  | { kind: 'code-sent' }
  | { kind: 'resend-later' }
  | { kind: 'code-expired' }
  | { kind: 'change-expired' }
  | { kind: 'password-changed' }
  /** "Not now" on the new terms: the portal needs them accepted. */
  | { kind: 'terms-declined' }
  /** The time to accept the terms ran out (or the challenge was used): log in again. */
  | { kind: 'terms-expired' }
  /** The terms changed while the customer read them: log in again to see the current ones. */
  | { kind: 'terms-changed' }
  /** Signed in, and the session was gone at once (the browser did not keep it): say so rather than bounce back. */
  | { kind: 'session-lost' }
  | { kind: 'failure'; failure: Failure };

export type FocusTarget = 'identifier' | 'password' | 'code' | 'newPassword' | 'notice' | 'submit' | 'message' | 'back' | 'heading' | { link: LoginTarget };

export type LoginEffect =
  | { type: 'sign-in'; session: Session }
  | { type: 'notice'; notice: LoginNotice; report?: string }
  | { type: 'clear-notice' }
  | { type: 'clear'; fields: readonly ('identifier' | 'password' | 'code' | 'newPassword' | 'passwordRepeat')[] }
  | { type: 'field-error'; field: 'code' | 'newPassword'; error: 'invalid-code' | 'policy'; codes?: readonly string[]; report: string }
  | { type: 'focus'; target: FocusTarget }
  | { type: 'pause'; seconds: number }
  | { type: 'cooldown'; until?: number; seconds?: number }
  | { type: 'login-with-new-password' };

/** How a login-family call failed, as the flow tells failures apart (see `failureOf` in login.logic.ts). */
export type FailureKind =
  | 'invalid_credentials'
  | 'locked'
  | 'throttled'
  | 'not_activated'
  | 'password_change_required'
  | 'invalid_code'
  | 'code_expired'
  | 'token_expired'
  | 'policy'
  | 'conflict'
  | 'other';

export type LoginEvent =
  | { type: 'answer'; action: 'login' | 'relogin'; result: LoginResult }
  | { type: 'answer'; action: 'verify'; result: VerifyResult }
  | { type: 'answer'; action: 'accept-terms'; session: Session }
  | { type: 'answer'; action: 'resend-code'; challenge: MfaChallenge }
  | { type: 'answer'; action: 'change' | 'resend-activation' }
  | {
      type: 'failed';
      action: LoginAction | 'relogin';
      kind: FailureKind;
      /** The words of an `other` failure, from `describeFailure`. */
      failure: Failure;
      /** Seconds to wait (throttled). */
      wait?: number;
      changeToken?: string;
      /** The server's field codes (a refused new password). */
      codes?: readonly string[];
    }
  | { type: 'attempts-allowed' }
  | { type: 'open'; target: LoginTarget }
  | { type: 'back' }
  /** "Not now" on the new terms. */
  | { type: 'decline-terms' }
  | { type: 'session-ended'; justSignedIn?: boolean; loggedOut?: boolean }
  | { type: 'edited-credentials' };

export interface Transition {
  state: LoginState;
  effects: LoginEffect[];
}

const focus = (target: FocusTarget): LoginEffect => ({ type: 'focus', target });
const notice = (n: LoginNotice, report?: string): LoginEffect => ({ type: 'notice', notice: n, ...(report ? { report } : {}) });

/** Back on the first step, the identifier kept; a `reason` says why (a code ran out) and asks for the password again. */
function toCredentials(state: LoginState, reason?: LoginNotice, report?: string): Transition {
  const next: LoginState = { step: 'credentials', rejected: false, lastAction: state.lastAction };
  if (reason) return { state: next, effects: [{ type: 'clear', fields: ['password', 'code', 'newPassword', 'passwordRepeat'] }, notice(reason, report), focus('password')] };
  const link = state.step === 'inline' ? state.inline : undefined;
  return { state: next, effects: [{ type: 'clear', fields: ['code', 'newPassword', 'passwordRepeat'] }, { type: 'clear-notice' }, focus(link ? { link } : 'identifier')] };
}

const signIn = (session: Session): Transition => ({ state: { ...INITIAL }, effects: [{ type: 'clear', fields: ['password', 'code'] }, { type: 'sign-in', session }, focus('message')] });

/** The password (and code) were right, but new terms come first: no session until they are accepted. */
const toTerms = (terms: TermsRequired): Transition => ({
  state: { step: 'terms', terms, rejected: false, lastAction: 'accept-terms' },
  effects: [{ type: 'clear', fields: ['password', 'code'] }, { type: 'clear-notice' }, focus('heading')],
});

function answered(state: LoginState, event: Extract<LoginEvent, { type: 'answer' }>): Transition {
  switch (event.action) {
    case 'login':
    case 'relogin': {
      const result = event.result;
      if (result.status === 'signed_in') return signIn(result.session);
      if (result.status === 'terms_required') return toTerms(result);
      return {
        state: { step: 'code', challenge: result, rejected: false, lastAction: 'login' },
        effects: [{ type: 'clear', fields: ['code'] }, { type: 'clear-notice' }, { type: 'cooldown', until: Date.parse(result.resendAvailableAt) }, focus('code')],
      };
    }
    case 'verify':
      return event.result.status === 'signed_in' ? signIn(event.result.session) : toTerms(event.result);
    case 'accept-terms':
      return signIn(event.session);
    case 'resend-code':
      return {
        state: { ...state, challenge: event.challenge },
        effects: [{ type: 'clear', fields: ['code'] }, { type: 'cooldown', until: Date.parse(event.challenge.resendAvailableAt) }, notice({ kind: 'code-sent' }), focus('code')],
      };
    case 'change':
      return { state: { ...state, changeToken: undefined }, effects: [{ type: 'login-with-new-password' }] };
    case 'resend-activation':
      return { state, effects: [notice({ kind: 'activation-sent' }), focus('notice')] };
  }
}

function failed(state: LoginState, event: Extract<LoginEvent, { type: 'failed' }>): Transition {
  const other = (): Transition => ({ state, effects: [notice({ kind: 'failure', failure: event.failure }, event.failure.code), focus('notice')] });
  switch (event.action) {
    case 'relogin':
      // The password was changed, but logging in with it did not work now: ask the customer to log in.
      return {
        state: { step: 'credentials', rejected: false, lastAction: 'login' },
        effects: [
          ...(event.kind === 'invalid_credentials' ? [{ type: 'clear', fields: ['password'] } as const] : []),
          notice({ kind: 'password-changed' }),
          focus(event.kind === 'invalid_credentials' ? 'password' : 'submit'),
        ],
      };
    case 'login':
      switch (event.kind) {
        case 'invalid_credentials':
          // One neutral answer: never says whether the login exists, is locked or the password is wrong.
          return { state: { ...state, rejected: true }, effects: [{ type: 'clear', fields: ['password'] }, notice({ kind: 'invalid-credentials' }, event.failure.code), focus('password')] };
        case 'locked':
          // Not "wrong password" (it may be the right one): the form keeps what was typed, the notice says why.
          return { state, effects: [notice({ kind: 'locked', ...(event.wait ? { wait: event.wait } : {}) }, event.failure.code), focus('notice')] };
        case 'throttled':
          return { state, effects: [notice({ kind: 'throttled', during: 'login', ...(event.wait ? { wait: event.wait } : {}) }, event.failure.code), ...(event.wait ? [{ type: 'pause', seconds: event.wait } as const] : []), focus('notice')] };
        case 'not_activated':
          return { state, effects: [notice({ kind: 'not-activated' }, event.failure.code), focus('notice')] };
        case 'password_change_required':
          if (!event.changeToken) return other();
          return { state: { step: 'change-password', changeToken: event.changeToken, rejected: false, lastAction: 'login' }, effects: [{ type: 'clear', fields: ['newPassword', 'passwordRepeat'] }, { type: 'clear-notice' }, focus('newPassword')] };
        default:
          return other();
      }
    case 'verify':
      if (event.kind === 'invalid_code') return { state, effects: [{ type: 'clear', fields: ['code'] }, { type: 'field-error', field: 'code', error: 'invalid-code', report: event.failure.code }] };
      if (event.kind === 'code_expired') return toCredentials(state, { kind: 'code-expired' }, event.failure.code);
      if (event.kind === 'throttled') return { state, effects: [notice({ kind: 'throttled', during: 'verify', ...(event.wait ? { wait: event.wait } : {}) }, event.failure.code), ...(event.wait ? [{ type: 'pause', seconds: event.wait } as const] : []), focus('notice')] };
      return other();
    case 'resend-code':
      if (event.kind === 'code_expired') return toCredentials(state, { kind: 'code-expired' }, event.failure.code);
      if (event.kind === 'throttled') return { state, effects: [{ type: 'cooldown', seconds: event.wait ?? 60 }, notice({ kind: 'resend-later' }), focus('notice')] };
      return other();
    case 'change':
      if (event.kind === 'policy') return { state, effects: [{ type: 'field-error', field: 'newPassword', error: 'policy', codes: event.codes ?? [], report: event.failure.code }] };
      if (event.kind === 'token_expired') return toCredentials({ ...state, changeToken: undefined }, { kind: 'change-expired' }, event.failure.code);
      return other();
    case 'accept-terms':
      if (event.kind === 'token_expired') return toCredentials({ ...state, terms: undefined }, { kind: 'terms-expired' }, event.failure.code);
      if (event.kind === 'conflict') return toCredentials({ ...state, terms: undefined }, { kind: 'terms-changed' }, event.failure.code);
      return other();
    case 'resend-activation':
      return { state, effects: [notice({ kind: 'activation-failed', ...(event.kind === 'throttled' && event.wait !== undefined ? { wait: event.wait } : {}) }, event.failure.code), focus('notice')] };
  }
}

/** The next state and what to do, for one event. */
export function transition(state: LoginState, event: LoginEvent): Transition {
  switch (event.type) {
    case 'answer':
      return answered({ ...state, lastAction: event.action === 'relogin' ? 'login' : event.action }, event);
    case 'failed':
      return failed(event.action === 'relogin' ? state : { ...state, lastAction: event.action }, event);
    case 'attempts-allowed':
      return { state, effects: [notice({ kind: 'ready-again' })] };
    case 'open':
      return { state: { ...state, step: 'inline', inline: event.target }, effects: [{ type: 'clear-notice' }, focus('back')] };
    case 'back':
      return toCredentials(state);
    case 'decline-terms':
      return toCredentials({ ...state, terms: undefined, lastAction: 'login' }, { kind: 'terms-declined' });
    case 'session-ended':
      return {
        state: { ...INITIAL },
        // An explicit logout (a shared computer) forgets the login too; an idle one keeps it, as it keeps drafts.
        effects: [
          { type: 'clear', fields: event.loggedOut ? ['identifier', 'password', 'code'] : ['password', 'code'] },
          event.justSignedIn ? notice({ kind: 'session-lost' }) : { type: 'clear-notice' },
        ],
      };
    case 'edited-credentials':
      return state.rejected ? { state: { ...state, rejected: false }, effects: [] } : { state, effects: [] };
  }
}
