import { msg } from '@lit/localize';
import { malformedResponse } from '../../api/diagnostics.js';
import { ActionController } from '../../kit/action.js';
import { FormController } from '../../kit/form.js';
import { isLoginResult, isValidCode, normalizeCode, type MfaChallenge, type Session } from './login.logic.js';
import type { LoginController, LoginHost } from './login.controller.js';

/**
 * The forms of the steps after a first answer of the server: the one-time code and a new one, new terms to accept,
 * the forced change of a one-time password, and a new activation link. Most logins never use them, so they are
 * made when the steps' views load (login.controller.ts `loadSteps`, from the moment the credentials are sent).
 */
export function createStepForms(c: LoginController, host: LoginHost) {
  const shared = { notice: c.notice, keepNotice: true, context: { action: 'send' as const } };

  const code = new FormController(host, {
    ...shared,
    initial: { code: '' },
    order: ['code'],
    check: (_name, values) => (isValidCode(values.code) ? undefined : msg('Wpisz kod z wiadomości: od 4 do 8 cyfr.')),
    body: (values) => (c.state.challenge ? { challengeId: c.state.challenge.challengeId, code: normalizeCode(values.code) } : undefined),
    send: async (client, body) => {
      const result: unknown = await client.post('/auth/mfa/verify', { body });
      if (!isLoginResult(result) || result.status === 'mfa_required') throw malformedResponse(client.apiBase, 'POST /auth/mfa/verify answered without a session');
      return result;
    },
    done: (result) => c.dispatch({ type: 'answer', action: 'verify', result }),
    failed: (error) => c.failed('verify', error),
  });

  const terms = new FormController<Record<string, never>, { challengeId: string; version: string }, Session>(host, {
    ...shared,
    initial: {},
    order: [],
    check: () => undefined,
    body: () => (c.state.terms ? { challengeId: c.state.terms.challengeId, version: c.state.terms.terms.version } : undefined),
    send: async (client, body, key) => {
      const result: unknown = await client.post('/auth/terms-acceptance', { params: { header: { 'Idempotency-Key': key } }, body });
      if (!isLoginResult(result) || result.status !== 'signed_in') throw malformedResponse(client.apiBase, 'POST /auth/terms-acceptance answered without a session');
      return result.session;
    },
    done: (session) => c.dispatch({ type: 'answer', action: 'accept-terms', session }),
    failed: (error) => c.failed('accept-terms', error),
  });

  const change = new FormController<{ newPassword: string; passwordRepeat: string }, { changeToken: string; newPassword: string }, unknown>(host, {
    ...shared,
    initial: { newPassword: '', passwordRepeat: '' },
    order: ['newPassword', 'passwordRepeat'],
    affects: { newPassword: ['passwordRepeat'] },
    check: (name, values) => {
      const kit = c.passwords;
      if (!kit) return undefined; // the step shows its fields only once the kit is there
      if (name === 'passwordRepeat') return kit.checkRepeat(values.newPassword, values.passwordRepeat);
      const policy = c.page.policy;
      return policy ? kit.checkNewPassword(values.newPassword, policy) : values.newPassword ? undefined : msg('Wpisz nowe hasło.');
    },
    body: (values) => (c.state.changeToken ? { changeToken: c.state.changeToken, newPassword: values.newPassword } : undefined),
    send: (client, body, key) => client.post('/auth/password', { params: { header: { 'Idempotency-Key': key } }, body }),
    done: () => c.dispatch({ type: 'answer', action: 'change' }),
    failed: (error) => c.failed('change', error),
  });

  const resendCode = new ActionController<{ challengeId: string }, MfaChallenge>(host, {
    ...shared,
    send: async (client, body, key) => {
      const result: unknown = await client.post('/auth/mfa/resend', { params: { header: { 'Idempotency-Key': key } }, body });
      if (!isLoginResult(result) || result.status !== 'mfa_required') throw malformedResponse(client.apiBase, 'POST /auth/mfa/resend answered without a challenge');
      return result;
    },
    done: (challenge) => c.dispatch({ type: 'answer', action: 'resend-code', challenge }),
    failed: (error) => c.failed('resend-code', error),
  });

  const resendActivation = new ActionController<{ identifier: string }, unknown>(host, {
    ...shared,
    send: (client, body, key) => client.post('/auth/activation/resend', { params: { header: { 'Idempotency-Key': key } }, body }),
    done: () => c.dispatch({ type: 'answer', action: 'resend-activation' }),
    failed: (error) => c.failed('resend-activation', error),
  });

  return { code, terms, change, resendCode, resendActivation };
}
