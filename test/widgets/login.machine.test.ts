import { expect } from '@open-wc/testing';
import { INITIAL, transition, type LoginEffect, type LoginEvent, type LoginState } from '../../src/widgets/login/login.machine.js';
import { sessionAt } from '../helpers/fake-api.js';
import type { Failure } from '../../src/kit/failure.js';

const FAILURE: Failure = { kind: 'network', code: 'network_error', message: 'm', detail: 'd', retryable: true, tone: 'error' };
const challenge = (resendIn = 60) => ({
  status: 'mfa_required' as const,
  challengeId: 'mfa_1',
  channel: 'sms' as const,
  maskedDestination: '+48 *** *** 567',
  expiresAt: new Date(Date.now() + 300_000).toISOString(),
  resendAvailableAt: new Date(Date.now() + resendIn * 1000).toISOString(),
});
const failed = (action: Extract<LoginEvent, { type: 'failed' }>['action'], kind: Extract<LoginEvent, { type: 'failed' }>['kind'], extra: object = {}): LoginEvent => ({
  type: 'failed',
  action,
  kind,
  failure: FAILURE,
  ...extra,
});
const types = (effects: LoginEffect[]) => effects.map((e) => e.type);
const focusOf = (effects: LoginEffect[]) => effects.find((e): e is Extract<LoginEffect, { type: 'focus' }> => e.type === 'focus')?.target;
const noticeOf = (effects: LoginEffect[]) => effects.find((e): e is Extract<LoginEffect, { type: 'notice' }> => e.type === 'notice');

/** Runs events from the first step and answers the last transition. */
function run(...events: LoginEvent[]): { state: LoginState; effects: LoginEffect[] } {
  let result = { state: INITIAL, effects: [] as LoginEffect[] };
  for (const event of events) result = transition(result.state, event);
  return result;
}

describe('login.machine', () => {
  it('a signed-in answer signs in, forgets the password and moves focus to the message', () => {
    const { state, effects } = run({ type: 'answer', action: 'login', result: { status: 'signed_in', session: sessionAt() } });
    expect(state.step).to.equal('credentials');
    expect(types(effects)).to.include('sign-in');
    expect(effects).to.deep.include({ type: 'clear', fields: ['password', 'code'] });
    expect(focusOf(effects)).to.equal('message');
  });

  it('a two-step answer goes to the code with the resend cool-down from the challenge', () => {
    const answer = challenge(45);
    const { state, effects } = run({ type: 'answer', action: 'login', result: answer });
    expect(state.step).to.equal('code');
    expect(state.challenge?.challengeId).to.equal('mfa_1');
    expect(effects).to.deep.include({ type: 'cooldown', until: Date.parse(answer.resendAvailableAt) });
    expect(focusOf(effects)).to.equal('code');
  });

  it('wrong credentials mark both fields, clear the password, say one neutral thing and report it', () => {
    const { state, effects } = run(failed('login', 'invalid_credentials'));
    expect(state.rejected).to.equal(true);
    expect(effects).to.deep.include({ type: 'clear', fields: ['password'] });
    expect(noticeOf(effects)).to.deep.equal({ type: 'notice', notice: { kind: 'invalid-credentials' }, report: 'network_error' });
    expect(focusOf(effects)).to.equal('password');
    expect(transition(state, { type: 'edited-credentials' }).state.rejected, 'typing takes the mark away').to.equal(false);
  });

  it('a lock notice keeps everything typed (the password may be right), marks nothing, pauses nothing and focuses the notice', () => {
    const { state, effects } = run(failed('login', 'locked', { wait: 870 }));
    expect(state.rejected).to.equal(false);
    expect(types(effects)).to.not.include('clear');
    expect(types(effects)).to.not.include('pause');
    expect(noticeOf(effects)).to.deep.equal({ type: 'notice', notice: { kind: 'locked', wait: 870 }, report: 'network_error' });
    expect(focusOf(effects)).to.equal('notice');
    expect(noticeOf(run(failed('login', 'locked')).effects)?.notice, 'without a deadline').to.deep.equal({ kind: 'locked' });
  });

  it('a throttled login pauses attempts for the time the server asked, keeping what was typed', () => {
    const { effects } = run(failed('login', 'throttled', { wait: 30 }));
    expect(effects).to.deep.include({ type: 'pause', seconds: 30 });
    expect(types(effects)).not.to.include('clear');
    expect(run(failed('login', 'throttled')).effects.some((e) => e.type === 'pause'), 'no wait given: no countdown').to.equal(false);
  });

  it('a one-time password goes to the change step with its token; without a token it is a failure', () => {
    const { state } = run(failed('login', 'password_change_required', { changeToken: 'chg_1' }));
    expect(state).to.include({ step: 'change-password', changeToken: 'chg_1' });
    const without = run(failed('login', 'password_change_required'));
    expect(without.state.step).to.equal('credentials');
    expect(noticeOf(without.effects)?.notice).to.deep.equal({ kind: 'failure', failure: FAILURE });
  });

  it('a changed password logs in with it; if that fails the customer is asked to log in, the password kept unless refused', () => {
    const changing = run(failed('login', 'password_change_required', { changeToken: 'chg_1' }), { type: 'answer', action: 'change' });
    expect(types(changing.effects)).to.deep.equal(['login-with-new-password']);
    expect(changing.state.changeToken).to.equal(undefined);
    const refused = transition(changing.state, failed('relogin', 'invalid_credentials'));
    expect(refused.state.step).to.equal('credentials');
    expect(noticeOf(refused.effects)?.notice).to.deep.equal({ kind: 'password-changed' });
    expect(focusOf(refused.effects)).to.equal('password');
    const offline = transition(changing.state, failed('relogin', 'other'));
    expect(types(offline.effects)).not.to.include('clear');
    expect(focusOf(offline.effects)).to.equal('submit');
  });

  it('a wrong code stays on the code with a field error; an expired code goes back with a reason', () => {
    const onCode = run({ type: 'answer', action: 'login', result: challenge() });
    const wrong = transition(onCode.state, failed('verify', 'invalid_code'));
    expect(wrong.state.step).to.equal('code');
    expect(wrong.effects).to.deep.include({ type: 'field-error', field: 'code', error: 'invalid-code', report: 'network_error' });
    const expired = transition(onCode.state, failed('verify', 'code_expired'));
    expect(expired.state.step).to.equal('credentials');
    expect(noticeOf(expired.effects)?.notice).to.deep.equal({ kind: 'code-expired' });
    expect(focusOf(expired.effects)).to.equal('password');
  });

  it('a refused resend waits (default 60 s) and says so; a resent code starts a new cool-down', () => {
    const onCode = run({ type: 'answer', action: 'login', result: challenge() });
    const later = transition(onCode.state, failed('resend-code', 'throttled'));
    expect(later.effects).to.deep.include({ type: 'cooldown', seconds: 60 });
    const fresh = challenge(90);
    const resent = transition(onCode.state, { type: 'answer', action: 'resend-code', challenge: fresh });
    expect(resent.effects).to.deep.include({ type: 'cooldown', until: Date.parse(fresh.resendAvailableAt) });
    expect(noticeOf(resent.effects)?.notice).to.deep.equal({ kind: 'code-sent' });
  });

  it('"Try again" knows the last action, and back from an inline flow returns focus to its link', () => {
    expect(run(failed('resend-activation', 'other')).state.lastAction).to.equal('resend-activation');
    const inline = run({ type: 'open', target: 'register' });
    expect(inline.state).to.include({ step: 'inline', inline: 'register' });
    expect(focusOf(inline.effects)).to.equal('back');
    expect(focusOf(transition(inline.state, { type: 'back' }).effects)).to.deep.equal({ link: 'register' });
  });

  it('an ended session returns to the first step and forgets the password and code', () => {
    const onCode = run({ type: 'answer', action: 'login', result: challenge() });
    const ended = transition(onCode.state, { type: 'session-ended' });
    expect(ended.state).to.deep.equal(INITIAL);
    expect(ended.effects).to.deep.include({ type: 'clear', fields: ['password', 'code'] });
    expect(noticeOf(ended.effects), 'an ordinary ending says nothing').to.equal(undefined);
  });

  it('a session lost right after signing in here says so, instead of showing the empty form in silence', () => {
    const lost = transition(INITIAL, { type: 'session-ended', justSignedIn: true });
    expect(lost.state.step).to.equal('credentials');
    expect(noticeOf(lost.effects)?.notice).to.deep.equal({ kind: 'session-lost' });
  });

  describe('new terms at login', () => {
    const terms = {
      status: 'terms_required' as const,
      challengeId: 'trm_1234567890abcdef',
      terms: { version: '2099-01', url: '/regulamin.html', publishedAt: new Date().toISOString(), summary: null },
      expiresAt: new Date(Date.now() + 900_000).toISOString(),
    };

    it('terms_required after the password opens the terms step without a session and focuses its heading', () => {
      const { state, effects } = run({ type: 'answer', action: 'login', result: terms });
      expect(state.step).to.equal('terms');
      expect(state.terms?.challengeId).to.equal('trm_1234567890abcdef');
      expect(types(effects)).not.to.include('sign-in');
      expect(effects).to.deep.include({ type: 'clear', fields: ['password', 'code'] });
      expect(focusOf(effects)).to.equal('heading');
      expect(state.lastAction, '"Try again" accepts again').to.equal('accept-terms');
    });

    it('terms_required after the code opens the same step', () => {
      const onCode = run({ type: 'answer', action: 'login', result: challenge() });
      expect(transition(onCode.state, { type: 'answer', action: 'verify', result: terms }).state.step).to.equal('terms');
    });

    it('accepting signs in and moves focus to the message', () => {
      const onTerms = run({ type: 'answer', action: 'login', result: terms });
      const { state, effects } = transition(onTerms.state, { type: 'answer', action: 'accept-terms', session: sessionAt() });
      expect(state.step).to.equal('credentials');
      expect(state.terms).to.equal(undefined);
      expect(types(effects)).to.include('sign-in');
      expect(focusOf(effects)).to.equal('message');
    });

    it('"Not now" goes back to the login with a note that the portal needs the acceptance', () => {
      const onTerms = run({ type: 'answer', action: 'login', result: terms });
      const { state, effects } = transition(onTerms.state, { type: 'decline-terms' });
      expect(state).to.include({ step: 'credentials', lastAction: 'login' });
      expect(state.terms).to.equal(undefined);
      expect(noticeOf(effects)?.notice).to.deep.equal({ kind: 'terms-declined' });
      expect(focusOf(effects)).to.equal('password');
    });

    it('an expired or used challenge, and terms changed meanwhile, ask to log in again', () => {
      const onTerms = run({ type: 'answer', action: 'login', result: terms });
      const expired = transition(onTerms.state, failed('accept-terms', 'token_expired'));
      expect(expired.state.step).to.equal('credentials');
      expect(noticeOf(expired.effects)?.notice).to.deep.equal({ kind: 'terms-expired' });
      const changed = transition(onTerms.state, failed('accept-terms', 'conflict'));
      expect(noticeOf(changed.effects)?.notice).to.deep.equal({ kind: 'terms-changed' });
      const offline = transition(onTerms.state, failed('accept-terms', 'other'));
      expect(offline.state.step, 'a network failure keeps the step, with "Try again"').to.equal('terms');
      expect(noticeOf(offline.effects)?.notice.kind).to.equal('failure');
    });
  });
});
