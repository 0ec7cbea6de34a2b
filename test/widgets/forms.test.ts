import { html } from 'lit';
import '../../src/all.js';
import { formWidgetSuite } from '../suites/form-widget.suite.js';
import { json, sessionAt, type FakeApi, portalConfigOf } from '../helpers/fake-api.js';
import { fill } from '../helpers/harness.js';

/** Every form widget runs the shared suite of test/suites/form-widget.suite.ts. */
/** The demo energy portal's configuration (the same world as the reference server and the mocks). */
const CONFIG = portalConfigOf('energia');
const PASSWORD = 'Zielona-Herbata-7';
const NEUTRAL = () => json(202, { status: 'accepted', message: 'Jeśli dane pasują do konta…' });
/** A link that can still be used, as the reset and activation pages check it first. */
const USABLE_LINK = () => json(200, { expiresAt: new Date(Date.now() + 3600_000).toISOString() });
const signedOut = (api: FakeApi) =>
  api
    .on('GET', '/portal-config', json(200, CONFIG))
    .on('GET', '/auth/session', json(401, { code: 'unauthenticated' }, 'application/problem+json'))
    .on('POST', '/auth/password-reset/check', USABLE_LINK())
    .on('POST', '/auth/activation/check', USABLE_LINK());
const has = (selector: string) => (el: HTMLElement) => !!el.shadowRoot?.querySelector(selector);
let tokens = 0;

formWidgetSuite({
  name: '<ebok-register>',
  template: () => html`<ebok-register></ebok-register>`,
  serve: signedOut,
  path: '/auth/register',
  success: () => json(201, { activationLinkExpiresInSeconds: 259200, maskedEmail: 'j***@e***.com' }),
  fill: async (el) => {
    await fill(el, 'idNumber', '44051401359');
    await fill(el, 'proof', '1200345678');
    await fill(el, 'email', 'jan.kowalski@example.com');
    await fill(el, 'password', PASSWORD);
    await fill(el, 'passwordRepeat', PASSWORD);
    el.shadowRoot!.querySelector<HTMLInputElement>('#terms')!.click();
    await el.updateComplete;
  },
  kept: ['idNumber', 'proof', 'email', 'password', 'passwordRepeat'],
  firstField: 'idNumber',
  idempotent: true,
  done: has('[part="result"]'),
});

formWidgetSuite({
  name: '<ebok-password-reset> asking for a link',
  template: () => html`<ebok-password-reset></ebok-password-reset>`,
  serve: signedOut,
  path: '/auth/password-reset',
  success: NEUTRAL,
  fill: (el) => fill(el, 'identifier', 'energia@example.com'),
  kept: ['identifier'],
  firstField: 'identifier',
  idempotent: true,
  done: has('[part="result"]'),
});

formWidgetSuite({
  name: '<ebok-password-reset> setting the new password',
  template: () => html`<ebok-password-reset token="rst_Vq8Jc3mW1xZp6TnB0yKd4sLe"></ebok-password-reset>`,
  serve: signedOut,
  path: '/auth/password-reset/confirm',
  success: () => new Response(null, { status: 204 }),
  fill: async (el) => {
    await fill(el, 'newPassword', PASSWORD);
    await fill(el, 'passwordRepeat', PASSWORD);
  },
  kept: ['newPassword', 'passwordRepeat'],
  firstField: 'newPassword',
  idempotent: true,
  done: has('[part="result"]'),
});

formWidgetSuite({
  name: '<ebok-login-reminder>',
  template: () => html`<ebok-login-reminder></ebok-login-reminder>`,
  serve: signedOut,
  path: '/auth/login-reminder',
  success: NEUTRAL,
  fill: (el) => fill(el, 'identifier', '44051401359'),
  kept: ['identifier'],
  firstField: 'identifier',
  idempotent: true,
  done: has('[part="result"]'),
});

formWidgetSuite({
  name: '<ebok-activation> asking for a new link',
  template: () => html`<ebok-activation token=${`act_expired_${++tokens}_${Date.now()}`}></ebok-activation>`,
  serve: (api) => signedOut(api).on('POST', '/auth/activate', json(422, { code: 'token_invalid_or_expired', status: 422 }, 'application/problem+json')),
  path: '/auth/activation/resend',
  success: NEUTRAL,
  fill: (el) => fill(el, 'email', 'jan.kowalski@example.com'),
  kept: ['email'],
  firstField: 'email',
  idempotent: true,
  done: has('[part="result"][role="status"]'),
});

formWidgetSuite({
  name: '<ebok-login>',
  template: () => html`<ebok-login></ebok-login>`,
  serve: signedOut,
  path: '/auth/login',
  success: () => json(200, { status: 'signed_in', session: sessionAt() }),
  fill: async (el) => {
    await fill(el, 'identifier', 'energia@example.com');
    await fill(el, 'password', 'Demo-Haslo-2026');
  },
  kept: ['identifier', 'password'],
  firstField: 'identifier',
  idempotent: false,
  done: has('[part="message"]'),
  failureFocus: 'notice',
});
