import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/widgets/login/ebok-login.js';
import '../../src/widgets/session/ebok-session.js';
import '../../src/widgets/balance-tile/ebok-balance-tile.js';
import type { EbokLogin } from '../../src/widgets/login/login.js';
import { EbokNavigateEvent, type EbokErrorEvent, type EbokLoginSuccessEvent } from '../../src/core/events.js';
import { configure, getClient } from '../../src/api/registry.js';
import { identifierField, isValidCode, normalizeCode, waitSeconds } from '../../src/widgets/login/login.logic.js';
import { checkNewPassword } from '../../src/kit/password.js';
import { EbokApiError } from '../../src/api/errors.js';
import { FakeApi, balanceAt, json, problem, sessionAt, portalConfigOf } from '../helpers/fake-api.js';
import { shadow, until } from '../helpers/dom.js';
import { resetPage } from '../helpers/page.js';
import { active, control, fill, submit, words } from '../helpers/harness.js';

const BASE = 'https://api.utility.test/api/v1';
const POLICY = { minLength: 12, maxLength: 128, requireUpper: true, requireLower: true, requireDigit: true, requireSpecial: false };
/** The demo energy portal's configuration (the same world as the reference server and the mocks). */
const CONFIG = portalConfigOf('energia');
/** What a login answers: a session whose deadlines are counted from the moment of the answer. */
const signedIn = () => ({ status: 'signed_in', session: sessionAt() });
const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
const challenge = (resendIn = 60) => ({
  status: 'mfa_required',
  challengeId: 'mfa_7Qk2VfXw9LpA3nZr',
  channel: 'sms',
  maskedDestination: '+48 *** *** 567',
  expiresAt: inSeconds(300),
  resendAvailableAt: inSeconds(resendIn),
});



/** Submits once the widget has rendered what was typed. */
async function submitNow(el: EbokLogin) {
  await el.updateComplete;
  submit(el);
}

/** A response held until `release()`: to look at the widget while a request is in flight. */
function held(response: Response) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { answer: async () => (await gate, response), release };
}

describe('<ebok-login>', () => {
  let api: FakeApi;

  function serve(config: object = CONFIG) {
    api = new FakeApi().on('GET', '/auth/session', problem(401, 'unauthenticated')).on('GET', '/portal-config', json(200, config));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
    return api;
  }

  async function login(template = html`<ebok-login></ebok-login>`) {
    const el = await fixture<EbokLogin>(template);
    await until(() => !!el.shadowRoot?.querySelector('label[for="identifier"]') && words(el).includes('E-mail, PESEL lub NIP'), 'login form with the configured label');
    return el;
  }

  async function signIn(el: EbokLogin, identifier = 'energia@example.com', password = 'Demo-Haslo-2026') {
    void fill(el, 'identifier', identifier, false);
    void fill(el, 'password', password, false);
    await submitNow(el);
  }

  beforeEach(() => resetPage());
  afterEach(() => resetPage());

  describe('the form', () => {
    it('is a real form: labelled fields with autocomplete tokens, a hint from the portal config, a heading at the asked level', async () => {
      serve();
      const el = await login(html`<ebok-login heading-level="3"></ebok-login>`);
      const identifier = control(el, 'identifier');
      const password = control(el, 'password');
      expect(shadow(el, 'form')).to.exist;
      expect(shadow(el, 'label[for="identifier"]').textContent).to.contain('E-mail, PESEL lub NIP');
      expect(shadow(el, 'label[for="password"]').textContent).to.contain('Hasło');
      expect(identifier.autocomplete).to.equal('username');
      expect(identifier.hasAttribute('inputmode'), 'two kinds: no keyboard is certain').to.equal(false);
      expect(identifier.getAttribute('aria-describedby')).to.equal('identifier-hint');
      expect(password.type).to.equal('password');
      expect(password.autocomplete).to.equal('current-password');
      expect(shadow(el, '[role="heading"]').getAttribute('aria-level')).to.equal('3');
      expect(shadow<HTMLButtonElement>(el, '[part="submit"]').type).to.equal('submit');
      await expect(el).to.be.accessible();
    });

    it('asks for an e-mail with the e-mail keyboard when that is the only kind', async () => {
      serve({ ...CONFIG, loginIdentifierKinds: ['email'] });
      const el = await fixture<EbokLogin>(html`<ebok-login></ebok-login>`);
      await until(() => words(el).includes('Adres e-mail'), 'e-mail label');
      expect(control(el, 'identifier').getAttribute('inputmode')).to.equal('email');
    });

    it('names the field as the portal does in an error shown before its configuration arrived', async () => {
      serve();
      const late = held(json(200, CONFIG));
      api.on('GET', '/portal-config', late.answer);
      const el = await fixture<EbokLogin>(html`<ebok-login></ebok-login>`);
      await until(() => !!el.shadowRoot?.querySelector('form'), 'the form, with the generic label');
      await submitNow(el);
      await until(() => words(el).includes('Uzupełnij pole „Login”'), 'the generic error');
      late.release();
      await until(() => words(el).includes('Uzupełnij pole „E-mail, PESEL lub NIP”'), 'the error with the portal’s name of the field');
      expect(words(el)).not.to.include('„Login”');
      await expect(el).to.be.accessible();
    });

    it('says the errors shown again in the new language when the page switches it', async () => {
      serve();
      const lang = document.documentElement.getAttribute('lang');
      try {
        const el = await login();
        await submitNow(el);
        await until(() => words(el).includes('Uzupełnij pole „E-mail, PESEL lub NIP”'), 'the error in Polish');
        document.documentElement.lang = 'en';
        await until(() => words(el).includes('Fill in “E-mail, PESEL or NIP”'), 'the error in English');
        expect(words(el)).not.to.include('Uzupełnij');
      } finally {
        if (lang === null) document.documentElement.removeAttribute('lang');
        else document.documentElement.lang = lang;
      }
    });

    it('says what is missing next to each empty field and focuses the first, without calling the API', async () => {
      serve();
      const el = await login();
      await submitNow(el);
      await until(() => !!el.shadowRoot?.querySelector('#identifier-error'), 'field errors');
      const identifier = control(el, 'identifier');
      expect(identifier.getAttribute('aria-invalid')).to.equal('true');
      expect(identifier.getAttribute('aria-describedby')).to.contain('identifier-error');
      expect(control(el, 'password').getAttribute('aria-describedby')).to.contain('password-error');
      expect(shadow(el, '#password-error').textContent).to.contain('Wpisz hasło');
      expect(active(el)).to.equal(identifier);
      expect(api.calls('POST', '/auth/login')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('shows and hides the password with a toggle that says its state', async () => {
      serve();
      const el = await login();
      const toggle = shadow<HTMLButtonElement>(el, '[part="reveal"]');
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      expect(toggle.textContent).to.contain('Pokaż hasło');
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect(control(el, 'password').type).to.equal('text');
      toggle.click();
      await el.updateComplete;
      expect(control(el, 'password').type).to.equal('password');
    });

    it('warns politely about Caps Lock while typing the password', async () => {
      serve();
      const el = await login();
      const password = control(el, 'password');
      password.dispatchEvent(new KeyboardEvent('keyup', { key: 'A', modifierCapsLock: true, bubbles: true }));
      await el.updateComplete;
      const caps = shadow(el, '#password-caps');
      expect(caps.getAttribute('role')).to.equal('status');
      expect(caps.textContent).to.contain('Caps Lock');
      expect(password.getAttribute('aria-describedby')).to.contain('password-caps');
      await expect(el).to.be.accessible();
      password.dispatchEvent(new KeyboardEvent('keyup', { key: 'a', modifierCapsLock: false, bubbles: true }));
      await el.updateComplete;
      expect(caps.textContent?.trim()).to.equal('');
    });
  });

  describe('submitting', () => {
    it('sends one request for a double click, with the button busy meanwhile, and signs in', async () => {
      serve();
      const answer = held(json(200, signedIn()));
      api.on('POST', '/auth/login', answer.answer);
      const el = await login();
      void fill(el, 'identifier', ' energia@example.com ', false);
      void fill(el, 'password', 'Demo-Haslo-2026', false);
      await el.updateComplete;
      const button = shadow<HTMLButtonElement>(el, '[part="submit"]');
      button.click();
      button.click();
      control(el, 'password').form!.requestSubmit();
      await el.updateComplete;
      expect(button.getAttribute('aria-disabled'), 'busy, and still where focus is').to.equal('true');
      expect(button.textContent).to.contain('Logujemy');
      const success: Promise<EbokLoginSuccessEvent> = oneEvent(el, 'ebok-login-success');
      answer.release();
      const event = await success;
      expect(api.calls('POST', '/auth/login')).to.have.length(1);
      expect(JSON.parse(api.calls('POST', '/auth/login')[0]!.body)).to.deep.equal({ identifier: 'energia@example.com', password: 'Demo-Haslo-2026' });
      expect(event.detail.user.displayName).to.equal('Jan Kowalski');
      expect(event.bubbles && event.composed).to.equal(true);
      await until(() => words(el).includes('Zalogowano jako Jan Kowalski'), 'signed-in message');
      expect(getClient(BASE)!.session.signedIn).to.equal(true);
      expect(active(el)).to.equal(shadow(el, '[part="message"]'));
      await expect(el).to.be.accessible();
    });

    it('gives one neutral message for an unknown login, a wrong password and a locked account, keeps the login and clears the password', async () => {
      serve();
      api.on(
        'POST',
        '/auth/login',
        problem(401, 'invalid_credentials', { detail: 'unknown' }),
        problem(401, 'invalid_credentials', { detail: 'wrong password' }),
        problem(401, 'invalid_credentials', { detail: 'locked' }),
      );
      const el = await login();
      const messages: string[] = [];
      const errors: string[] = [];
      el.addEventListener('ebok-error', (e: EbokErrorEvent) => errors.push(e.detail.code));
      for (const who of ['nikt@example.com', 'energia@example.com', 'zablokowane@example.com']) {
        await signIn(el, who, 'Zle-Haslo-1');
        await until(() => api.calls('POST', '/auth/login').length === messages.length + 1 && !!el.shadowRoot?.querySelector('[part~="error"] [role="alert"]'), 'error shown');
        await el.updateComplete;
        messages.push(shadow(el, '[part~="notice"]').textContent.replace(/\s+/g, ' ').trim());
        expect(control(el, 'identifier').value).to.equal(who);
        expect(control(el, 'password').value).to.equal('');
        expect(active(el)).to.equal(control(el, 'password'));
        expect(control(el, 'password').getAttribute('aria-invalid')).to.equal('true');
        expect(control(el, 'password').getAttribute('aria-describedby')).to.contain('notice-text');
      }
      expect(messages[0]).to.contain('Nieprawidłowy login lub hasło.');
      expect(new Set(messages).size, 'the same words every time').to.equal(1);
      expect(errors).to.deep.equal(['invalid_credentials', 'invalid_credentials', 'invalid_credentials']);
      await expect(el).to.be.accessible();
    });

    it('when throttled counts down from Retry-After with the button disabled, then enables it and says so', async () => {
      serve();
      api.on('POST', '/auth/login', problem(429, 'too_many_attempts', { retryAfter: 1 }, { 'Retry-After': '1' }));
      const el = await login();
      await signIn(el, 'energia@example.com', 'Zle-Haslo-1');
      await until(() => !!el.shadowRoot?.querySelector('[part="countdown"]'), 'countdown');
      const button = shadow<HTMLButtonElement>(el, '[part="submit"]');
      expect(button.disabled).to.equal(true);
      expect(button.getAttribute('aria-describedby')).to.equal('countdown');
      expect(shadow(el, '[part="countdown"]').textContent).to.contain('1 s');
      expect(words(el)).to.contain('Zbyt wiele prób logowania');
      expect(control(el, 'password').value, 'nothing typed is lost').to.equal('Zle-Haslo-1');
      expect(active(el)).to.equal(shadow(el, '#notice'));
      await expect(el).to.be.accessible();
      await submitNow(el);
      expect(api.calls('POST', '/auth/login')).to.have.length(1);
      await until(() => !button.disabled, 'enabled at zero', 3000);
      expect(shadow(el, '[part~="notice"] [role="status"]').textContent).to.contain('Możesz już spróbować ponownie');
      expect(el.shadowRoot!.querySelector('[part="countdown"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('after repeated failures says the same for any login: the account may be locked, an e-mail says how to unlock it, a new password is one button away', async () => {
      serve();
      const locked = (detail: string) => problem(401, 'login_locked', { detail, lockedUntil: inSeconds(14 * 60 + 30) });
      api.on('POST', '/auth/login', locked('unknown'), locked('right password'), locked('wrong password'));
      const el = await login(html`<ebok-login forgot-password-href="/reset"></ebok-login>`);
      const errors: string[] = [];
      el.addEventListener('ebok-error', (e: EbokErrorEvent) => errors.push(e.detail.code));
      const messages: string[] = [];
      for (const [who, password] of [['nikt@example.com', 'Zle-Haslo-1'], ['energia@example.com', 'Demo-Haslo-2026'], ['energia@example.com', 'Zle-Haslo-1']] as const) {
        await signIn(el, who, password);
        await until(() => api.calls('POST', '/auth/login').length === messages.length + 1 && !!el.shadowRoot?.querySelector('[part~="notice"] [role="alert"]'), 'lock notice shown');
        await el.updateComplete;
        const notice = shadow(el, '[part~="notice"]');
        messages.push(notice.textContent.replace(/\s+/g, ' ').trim());
        // Not "wrong password": the fields are neither cleared nor marked, since the password may be the right one.
        expect(control(el, 'identifier').value, 'the login is kept').to.equal(who);
        expect(control(el, 'password').value, 'the password is kept').to.equal(password);
        expect(control(el, 'password').getAttribute('aria-invalid')).to.not.equal('true');
        expect(active(el), 'focus on the notice').to.equal(shadow(el, '#notice'));
        expect(notice.getAttribute('part')).to.contain('warning');
      }
      expect(new Set(messages).size, 'the same words for every login and password').to.equal(1);
      expect(messages[0]).to.contain('konto może być zablokowane jeszcze przez 15 minut');
      expect(messages[0]).to.contain('Jeśli takie konto istnieje, wysłaliśmy na jego adres e-mail wiadomość, jak je odblokować');
      expect(messages[0]).to.not.contain('Nieprawidłowy login lub hasło');
      expect(errors).to.deep.equal(['login_locked', 'login_locked', 'login_locked']);
      expect(el.shadowRoot!.querySelector('[part="countdown"]'), 'no pause: the right password works once the account is unlocked').to.equal(null);
      await expect(el).to.be.accessible();
      // The way out by keyboard: Tab from the notice reaches "Set a new password", Enter goes where "Forgot password" goes.
      el.addEventListener('ebok-navigate', (e) => e.preventDefault(), { once: true });
      const navigate: Promise<EbokNavigateEvent> = oneEvent(el, 'ebok-navigate');
      await sendKeys({ press: 'Tab' });
      expect(active(el)).to.equal(shadow(el, '[part="password-reset"]'));
      expect(active(el)!.textContent).to.contain('Ustaw nowe hasło');
      await sendKeys({ press: 'Enter' });
      expect((await navigate).detail).to.deep.equal({ target: 'password-reset', href: '/reset' });
    });

    it('without lockedUntil still says the lock is for a while, and in place opens the reset flow', async () => {
      serve();
      api.on('POST', '/auth/login', problem(401, 'login_locked'));
      const el = await login(html`<ebok-login navigation="inline"></ebok-login>`);
      await signIn(el, 'nikt@example.com', 'Zle-Haslo-1');
      await until(() => !!el.shadowRoot?.querySelector('[part="password-reset"]'), 'reset offered');
      expect(words(el)).to.contain('konto może być zablokowane jeszcze przez kilkanaście minut');
      await expect(el).to.be.accessible();
      shadow<HTMLButtonElement>(el, '[part="password-reset"]').click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('ebok-password-reset')).to.exist;
    });

    it('when throttled offers the same way out as the lock notice: a new password', async () => {
      serve();
      api.on('POST', '/auth/login', problem(429, 'too_many_attempts', { retryAfter: 900 }, { 'Retry-After': '900' }));
      const el = await login(html`<ebok-login forgot-password-href="/reset"></ebok-login>`);
      await signIn(el, 'energia@example.com', 'Zle-Haslo-1');
      await until(() => !!el.shadowRoot?.querySelector('[part="password-reset"]'), 'reset offered');
      expect(words(el)).to.contain('logowanie jest wstrzymane na 15 minut');
      expect(control(el, 'identifier').value).to.equal('energia@example.com');
      expect(active(el)).to.equal(shadow(el, '#notice'));
      await expect(el).to.be.accessible();
    });

    it('keeps everything typed after a network error and sends it again with "Try again"', async () => {
      serve();
      api.on('POST', '/auth/login', new TypeError('Failed to fetch'), json(200, signedIn()));
      const el = await login();
      await signIn(el);
      await until(() => !!el.shadowRoot?.querySelector('[part="retry"]'), 'retry offered');
      expect(words(el)).to.contain('Nie udało się połączyć z serwerem');
      expect(control(el, 'identifier').value).to.equal('energia@example.com');
      expect(control(el, 'password').value).to.equal('Demo-Haslo-2026');
      await expect(el).to.be.accessible();
      shadow<HTMLButtonElement>(el, '[part="retry"]').click();
      await until(() => words(el).includes('Zalogowano jako'), 'signed in after retry');
      expect(api.calls('POST', '/auth/login')).to.have.length(2);
    });

    it('says the device is offline when it is, keeping what was typed', async () => {
      serve();
      api.on('POST', '/auth/login', new TypeError('Failed to fetch'));
      const el = await login();
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      try {
        await signIn(el);
        await until(() => words(el).includes('Brak połączenia z internetem'), 'offline message');
      } finally {
        delete (navigator as unknown as { onLine?: boolean }).onLine;
      }
      expect(control(el, 'password').value).to.equal('Demo-Haslo-2026');
      expect(shadow(el, '[part="retry"]')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('says the service is unavailable on a 5xx', async () => {
      serve();
      api.on('POST', '/auth/login', problem(503, 'service_unavailable'));
      const el = await login();
      await signIn(el);
      await until(() => words(el).includes('Logowanie jest chwilowo niedostępne'), 'unavailable');
      expect(control(el, 'password').value).to.equal('Demo-Haslo-2026');
      expect(shadow(el, '[part="retry"]')).to.exist;
    });
  });

  describe('account not activated', () => {
    it('explains, and sends a new activation link with an idempotency key, answering neutrally', async () => {
      serve();
      api
        .on('POST', '/auth/login', problem(403, 'account_not_activated'))
        .on('POST', '/auth/activation/resend', json(202, { status: 'accepted', message: 'server text' }));
      const el = await login();
      await signIn(el, 'nieaktywne@example.com');
      await until(() => !!el.shadowRoot?.querySelector('[part="resend-activation"]'), 'resend offered');
      expect(words(el)).to.contain('nie jest jeszcze aktywne');
      await expect(el).to.be.accessible();
      shadow<HTMLButtonElement>(el, '[part="resend-activation"]').click();
      await until(() => words(el).includes('wysłaliśmy nowy link aktywacyjny'), 'neutral confirmation');
      const [sent] = api.calls('POST', '/auth/activation/resend');
      expect(JSON.parse(sent!.body)).to.deep.equal({ identifier: 'nieaktywne@example.com' });
      expect(sent!.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
      expect(words(el)).to.contain('Jeśli konto czeka na aktywację');
      expect(active(el)).to.equal(shadow(el, '#notice'));
      await expect(el).to.be.accessible();
    });
  });

  describe('two-step code', () => {
    it('says where the code went, rejects a wrong code in place, then signs in with the right one', async () => {
      serve();
      api
        .on('POST', '/auth/login', json(200, challenge()))
        .on('POST', '/auth/mfa/verify', problem(422, 'mfa_invalid_code'), json(200, signedIn()));
      const el = await login();
      await signIn(el, '2fa@example.com');
      await until(() => !!el.shadowRoot?.querySelector('#code'), 'code step');
      const code = control(el, 'code');
      expect(words(el)).to.contain('Wysłaliśmy SMS z kodem na numer +48 *** *** 567');
      expect(code.autocomplete).to.equal('one-time-code');
      expect(code.getAttribute('inputmode')).to.equal('numeric');
      expect(code.getAttribute('pattern')).to.equal('[0-9]*');
      expect(code.getAttribute('aria-describedby')).to.contain('mfa-intro');
      expect(active(el)).to.equal(code);
      expect(shadow(el, '[role="heading"]').textContent).to.contain('Wpisz kod');
      await expect(el).to.be.accessible();

      void fill(el, 'code', '12', false);
      await submitNow(el);
      await until(() => !!el.shadowRoot?.querySelector('#code-error'), 'format error');
      expect(api.calls('POST', '/auth/mfa/verify')).to.have.length(0);

      void fill(el, 'code', '000 000', false);
      await submitNow(el);
      await until(() => words(el).includes('Ten kod jest nieprawidłowy'), 'wrong code');
      expect(JSON.parse(api.calls('POST', '/auth/mfa/verify')[0]!.body)).to.deep.equal({ challengeId: 'mfa_7Qk2VfXw9LpA3nZr', code: '000000' });
      expect(control(el, 'code').getAttribute('aria-invalid')).to.equal('true');
      expect(control(el, 'code').getAttribute('aria-describedby')).to.contain('code-error');
      expect(active(el)).to.equal(control(el, 'code'));
      await expect(el).to.be.accessible();

      void fill(el, 'code', '123456', false);
      const success = oneEvent(el, 'ebok-login-success');
      await submitNow(el);
      await success;
      await until(() => words(el).includes('Zalogowano jako Jan Kowalski'), 'signed in');
    });

    it('counts down before the code can be sent again, then sends a new one', async () => {
      serve();
      api
        .on('POST', '/auth/login', json(200, challenge(1)))
        .on('POST', '/auth/mfa/resend', () => json(200, challenge(60)));
      const el = await login();
      await signIn(el, '2fa@example.com');
      await until(() => !!el.shadowRoot?.querySelector('#resend-countdown'), 'cooldown shown');
      const resend = shadow<HTMLButtonElement>(el, '[part="link"]');
      expect(resend.getAttribute('aria-disabled')).to.equal('true');
      expect(resend.getAttribute('aria-describedby')).to.equal('resend-countdown');
      resend.click();
      expect(api.calls('POST', '/auth/mfa/resend')).to.have.length(0);
      await expect(el).to.be.accessible();
      await until(() => resend.getAttribute('aria-disabled') === 'false', 'resend available', 3000);
      resend.click();
      await until(() => words(el).includes('Wysłaliśmy nowy kod'), 'resent');
      const [sent] = api.calls('POST', '/auth/mfa/resend');
      expect(JSON.parse(sent!.body)).to.deep.equal({ challengeId: 'mfa_7Qk2VfXw9LpA3nZr' });
      expect(sent!.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
      expect(resend.getAttribute('aria-disabled'), 'a new cooldown').to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('goes back to the login with a message when the code expired', async () => {
      serve();
      api.on('POST', '/auth/login', json(200, challenge())).on('POST', '/auth/mfa/verify', problem(422, 'mfa_expired'));
      const el = await login();
      await signIn(el, '2fa@example.com');
      await until(() => !!el.shadowRoot?.querySelector('#code'), 'code step');
      void fill(el, 'code', '123456', false);
      await submitNow(el);
      await until(() => !!el.shadowRoot?.querySelector('#password') && words(el).includes('Kod wygasł'), 'back to login');
      expect(control(el, 'identifier').value).to.equal('2fa@example.com');
      expect(control(el, 'password').value).to.equal('');
      expect(active(el)).to.equal(control(el, 'password'));
      await expect(el).to.be.accessible();
    });
  });

  describe('one-time password', () => {
    async function toChange(el: EbokLogin) {
      await signIn(el, 'jednorazowe@example.com', 'Jednorazowe-1234');
      await until(() => !!el.shadowRoot?.querySelector('#newPassword'), 'new password step');
    }

    it('asks for a new password with the policy as a live checklist, changes it with the token and logs in with it', async () => {
      serve();
      api
        .on('POST', '/auth/login', problem(403, 'password_change_required', { changeToken: 'chg_4PzLr8QwX2mKd7VtYc1N' }), json(200, signedIn()))
        .on('POST', '/auth/password', new Response(null, { status: 204 }));
      const el = await login();
      await toChange(el);
      expect(active(el)).to.equal(control(el, 'newPassword'));
      expect(control(el, 'newPassword').autocomplete).to.equal('new-password');
      const items = () => [...el.shadowRoot!.querySelectorAll('[part="checklist"] li')];
      expect(items().map((li) => li.className)).to.deep.equal(['unmet', 'unmet', 'unmet', 'unmet']);
      expect(items()[0]!.textContent).to.contain('Co najmniej 12 znaków').and.contain('jeszcze nie');
      await expect(el).to.be.accessible();

      void fill(el, 'newPassword', 'Jesienne', false);
      await el.updateComplete;
      expect(items().map((li) => li.className)).to.deep.equal(['unmet', 'met', 'met', 'unmet']);
      void fill(el, 'passwordRepeat', 'Jesienne', false);
      await submitNow(el);
      await until(() => !!el.shadowRoot?.querySelector('#newPassword-error'), 'policy error');
      expect(active(el)).to.equal(control(el, 'newPassword'));
      expect(api.calls('POST', '/auth/password')).to.have.length(0);

      void fill(el, 'newPassword', 'Jesienne-Liscie-2025', false);
      void fill(el, 'passwordRepeat', 'Jesienne-Liscie-2024', false);
      await submitNow(el);
      await until(() => !!el.shadowRoot?.querySelector('#passwordRepeat-error'), 'mismatch');
      expect(shadow(el, '#passwordRepeat-error').textContent).to.contain('się różnią');
      expect(control(el, 'passwordRepeat').getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();

      void fill(el, 'passwordRepeat', 'Jesienne-Liscie-2025', false);
      await el.updateComplete;
      expect(items().every((li) => li.className === 'met')).to.equal(true);
      await submitNow(el);
      await until(() => words(el).includes('Zalogowano jako'), 'signed in with the new password');
      const [change] = api.calls('POST', '/auth/password');
      expect(JSON.parse(change!.body)).to.deep.equal({ changeToken: 'chg_4PzLr8QwX2mKd7VtYc1N', newPassword: 'Jesienne-Liscie-2025' });
      expect(change!.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
      expect(JSON.parse(api.calls('POST', '/auth/login')[1]!.body)).to.deep.equal({ identifier: 'jednorazowe@example.com', password: 'Jesienne-Liscie-2025' });
    });

    it('asks to log in when the automatic login with the new password does not work', async () => {
      serve();
      api
        .on('POST', '/auth/login', problem(403, 'password_change_required', { changeToken: 'chg_4PzLr8QwX2mKd7VtYc1N' }), problem(401, 'invalid_credentials'))
        .on('POST', '/auth/password', new Response(null, { status: 204 }));
      const el = await login();
      await toChange(el);
      void fill(el, 'newPassword', 'Jesienne-Liscie-2025', false);
      void fill(el, 'passwordRepeat', 'Jesienne-Liscie-2025', false);
      await submitNow(el);
      await until(() => words(el).includes('Hasło zostało zmienione'), 'asked to log in');
      expect(words(el)).not.to.contain('Nieprawidłowy login');
      expect(active(el)).to.equal(control(el, 'password'));
      await expect(el).to.be.accessible();
    });

    it('shows the server policy refusal on the field', async () => {
      serve();
      api
        .on('POST', '/auth/login', problem(403, 'password_change_required', { changeToken: 'chg_4PzLr8QwX2mKd7VtYc1N' }))
        .on('POST', '/auth/password', problem(422, 'password_policy_violation', { fields: [{ field: '/newPassword', code: 'password_breached', message: 'x' }] }));
      const el = await login();
      await toChange(el);
      void fill(el, 'newPassword', 'Jesienne-Liscie-2025', false);
      void fill(el, 'passwordRepeat', 'Jesienne-Liscie-2025', false);
      await submitNow(el);
      await until(() => words(el).includes('wycieku'), 'breached');
      expect(control(el, 'newPassword').getAttribute('aria-invalid')).to.equal('true');
      expect(control(el, 'newPassword').value, 'kept to edit').to.equal('Jesienne-Liscie-2025');
    });
  });

  describe('after login', () => {
    it('updates every widget of the same API: a <ebok-session> elsewhere on the page shows the name', async () => {
      serve();
      api.on('POST', '/auth/login', json(200, signedIn()));
      const page = await fixture(html`<div>
        <header><ebok-session></ebok-session></header>
        <main><ebok-login></ebok-login></main>
      </div>`);
      const el = page.querySelector('ebok-login')!;
      const bar = page.querySelector('ebok-session')!;
      await until(() => words(el).includes('E-mail, PESEL lub NIP'), 'form');
      expect(words(bar)).not.to.contain('Jan Kowalski');
      await signIn(el);
      await until(() => words(bar).includes('Jan Kowalski'), 'the other widget shows the name');
    });

    it('with after-login="hidden" hands focus to the next widget\'s heading, not to <body>', async () => {
      serve();
      api.on('POST', '/auth/login', json(200, signedIn())).on('GET', '/balance', json(200, balanceAt()));
      const page = await fixture(html`<div><ebok-login after-login="hidden"></ebok-login><ebok-balance-tile></ebok-balance-tile></div>`);
      const el = page.querySelector<EbokLogin>('ebok-login')!;
      await until(() => words(el).includes('E-mail, PESEL lub NIP'), 'form');
      await signIn(el);
      const tile = page.querySelector('ebok-balance-tile')!;
      await until(() => el.hidden === true, 'the login steps aside');
      await until(() => tile.shadowRoot?.activeElement?.getAttribute('part') === 'heading', "focus on the tile's heading");
    });

    it('after an explicit logout forgets the login (a shared computer), after an idle one keeps it', async () => {
      serve();
      api.on('POST', '/auth/login', json(200, signedIn()), json(200, signedIn())).on('POST', '/auth/logout', new Response(null, { status: 204 }));
      const el = await login();
      await signIn(el);
      await until(() => words(el).includes('Zalogowano jako'), 'signed in');
      await getClient(BASE)!.session.logout();
      await until(() => !!el.shadowRoot?.querySelector('#identifier'), 'the form again');
      expect(control(el, 'identifier').value, 'explicit logout').to.equal('');
      await signIn(el);
      await until(() => words(el).includes('Zalogowano jako'), 'signed in again');
      getClient(BASE)!.session.end('idle');
      await until(() => !!el.shadowRoot?.querySelector('#identifier'), 'the form again');
      expect(control(el, 'identifier').value, 'idle logout keeps it').to.equal('energia@example.com');
    });

    it('says how long a long lockout lasts instead of "a moment"', async () => {
      serve();
      api.on('POST', '/auth/login', problem(429, 'too_many_attempts', { retryAfter: 900 }, { 'Retry-After': '900' }));
      const el = await login();
      await signIn(el, 'energia@example.com', 'x');
      await until(() => !!el.shadowRoot?.querySelector('[part="countdown"]'), 'countdown');
      expect(words(el)).to.contain('wstrzymane na 15 minut').and.not.contain('na chwilę');
    });

    it('shows who is signed in when already signed in, hides itself with after-login="hidden", and comes back after a logout', async () => {
      api = new FakeApi()
        .on('GET', '/auth/session', json(200, sessionAt()))
        .on('GET', '/portal-config', json(200, CONFIG))
        .on('POST', '/auth/logout', new Response(null, { status: 204 }));
      configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
      const el = await fixture<EbokLogin>(html`<ebok-login></ebok-login>`);
      await until(() => words(el).includes('Zalogowano jako Jan Kowalski'), 'already signed in');
      await expect(el).to.be.accessible();
      const hidden = await fixture<EbokLogin>(html`<ebok-login after-login="hidden"></ebok-login>`);
      await until(() => hidden.hidden === true, 'hidden while signed in');
      await getClient(BASE)!.session.logout();
      await until(() => !hidden.hidden && !!el.shadowRoot?.querySelector('#identifier'), 'forms again');
    });
  });

  describe('links', () => {
    it('fires ebok-navigate for "forgot password" and follows its href unless cancelled', async () => {
      serve();
      const el = await login(html`<ebok-login forgot-password-href="/reset"></ebok-login>`);
      const link = shadow<HTMLAnchorElement>(el, '[data-target="password-reset"]');
      expect(link.getAttribute('href')).to.equal('/reset');
      el.addEventListener('ebok-navigate', (e) => e.preventDefault(), { once: true });
      const navigate: Promise<EbokNavigateEvent> = oneEvent(el, 'ebok-navigate');
      link.click();
      const event = await navigate;
      expect(event.detail).to.deep.equal({ target: 'password-reset', href: '/reset' });
      expect(event.defaultPrevented).to.equal(true);
      const reminder: Promise<EbokNavigateEvent> = oneEvent(el, 'ebok-navigate');
      shadow<HTMLButtonElement>(el, '[data-target="login-reminder"]').click();
      expect((await reminder).detail.target).to.equal('login-reminder');
      expect(shadow(el, '[data-target="register"]').textContent).to.contain('Załóż konto');
    });

    it('hides "Create account" when the portal has registration off', async () => {
      serve({ ...CONFIG, features: { registration: false, mfa: true } });
      const el = await login();
      expect(el.shadowRoot!.querySelector('[data-target="register"]')).to.equal(null);
    });

    it('with navigation="inline" shows the flow in place and comes back to the link', async () => {
      serve();
      const el = await login(html`<ebok-login navigation="inline"></ebok-login>`);
      shadow<HTMLButtonElement>(el, '[data-target="password-reset"]').click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('ebok-password-reset')).to.exist;
      expect(el.shadowRoot!.querySelector('form')).to.equal(null);
      const reset = el.shadowRoot!.querySelector('ebok-password-reset')!;
      await until(() => reset.shadowRoot?.activeElement?.getAttribute('part') === 'heading', "focus on the flow's heading");
      expect(el.shadowRoot!.querySelector('[part="back"]'), 'one way back: the flow\'s own link').to.equal(null);
      await until(() => !!reset.shadowRoot?.querySelector('[part="login"]'), "the flow's way back");
      reset.shadowRoot!.querySelector<HTMLAnchorElement>('[part="login"]')!.click();
      await el.updateComplete;
      expect(active(el)).to.equal(shadow(el, '[data-target="password-reset"]'));
      shadow<HTMLButtonElement>(el, '[data-target="register"]').click();
      await el.updateComplete;
      const register = el.shadowRoot!.querySelector('ebok-register')!;
      expect(register.getAttribute('heading-level')).to.equal('2');
      // The inline flow's own "Log in" link brings the form back, instead of leaving the page.
      const back = new EbokNavigateEvent({ target: 'login' });
      register.dispatchEvent(back);
      await el.updateComplete;
      expect(back.defaultPrevented).to.equal(true);
      expect(el.shadowRoot!.querySelector('ebok-register')).to.equal(null);
      expect(active(el)).to.equal(shadow(el, '[data-target="register"]'));
      await expect(el).to.be.accessible();
    });
  });

  describe('on a small phone with large text', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    /** Elements of the inline flow wider than the room they have (the visually hidden texts clip on purpose). */
    function overflowing(flow: Element): string[] {
      const form = flow.shadowRoot!.querySelector('form')!;
      const right = form.getBoundingClientRect().right;
      return [...flow.shadowRoot!.querySelectorAll<HTMLElement>('form, .field, .field__control, input, button')]
        .filter((node) => node.scrollWidth > node.clientWidth + 1 || node.getBoundingClientRect().right > right + 0.5)
        .map((node) => `${node.localName}.${node.className} ${node.scrollWidth}/${node.clientWidth}`);
    }

    it('keeps the password field and the button in place when the portal configuration arrives', async () => {
      await setViewport({ width: 360, height: 900 });
      const config = held(json(200, CONFIG));
      api = new FakeApi().on('GET', '/auth/session', problem(401, 'unauthenticated')).on('GET', '/portal-config', () => config.answer());
      configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
      const el = await fixture<EbokLogin>(html`<ebok-login text-size="large"></ebok-login>`);
      await until(() => !!el.shadowRoot?.querySelector('#password'), 'the form before the configuration');
      const before = { password: control(el, 'password').getBoundingClientRect().top, height: el.getBoundingClientRect().height };
      config.release();
      await until(() => words(el).includes('E-mail, PESEL lub NIP'), 'the configured label and hint');
      expect(control(el, 'password').getBoundingClientRect().top).to.be.closeTo(before.password, 1);
      expect(el.getBoundingClientRect().height).to.be.closeTo(before.height, 1);
      await expect(el).to.be.accessible();
    });

    for (const [target, tag, title] of [
      ['password-reset', 'ebok-password-reset', 'forgot password'],
      ['login-reminder', 'ebok-login-reminder', 'forgot login'],
    ] as const) {
      it(`shows the "${title}" form inside the login with every field within the form at 320 and 360 px, in Polish and English`, async () => {
        serve();
        for (const width of [320, 360]) {
          await setViewport({ width, height: 900 });
          for (const lang of ['pl', 'en']) {
            // As on a utility's page: the login in a padded content block of the page's column.
            const page = await fixture<HTMLElement>(html`<div class="column"><ebok-login navigation="inline" text-size="large" lang=${lang}></ebok-login></div>`);
            page.style.padding = '0 16px';
            const el = page.querySelector('ebok-login')!;
            await until(() => !!el.shadowRoot?.querySelector(`[data-target="${target}"]`), 'the login form');
            shadow<HTMLButtonElement>(el, `[data-target="${target}"]`).click();
            await until(() => !!el.shadowRoot?.querySelector(tag)?.shadowRoot?.querySelector('form input'), `the "${title}" form`);
            const flow = el.shadowRoot!.querySelector(tag)!;
            expect(overflowing(flow), `${width} px, ${lang}`).to.deep.equal([]);
            expect(shadow(el, '[part="base"]').scrollWidth, `${width} px, ${lang}: the login does not scroll sideways`).to.be.at.most(shadow(el, '[part="base"]').clientWidth + 1);
            await expect(el).to.be.accessible();
            el.removeAttribute('lang');
            resetPage();
            serve();
          }
        }
      });
    }
  });

  describe('keyboard only', () => {
    it('logs in with Tab, typing and Enter through the password and the code', async () => {
      serve();
      api.on('POST', '/auth/login', json(200, challenge())).on('POST', '/auth/mfa/verify', json(200, signedIn()));
      const page = await fixture(html`<div><button type="button">przed</button><ebok-login></ebok-login></div>`);
      const el = page.querySelector('ebok-login')!;
      await until(() => words(el).includes('E-mail, PESEL lub NIP'), 'form');
      page.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(active(el)).to.equal(control(el, 'identifier'));
      await sendKeys({ type: '2fa@example.com' });
      await sendKeys({ press: 'Tab' });
      expect(active(el)).to.equal(control(el, 'password'));
      await sendKeys({ type: 'Demo-Haslo-2026' });
      await sendKeys({ press: 'Enter' });
      await until(() => active(el) === el.shadowRoot?.querySelector('#code'), 'focus on the code');
      await sendKeys({ type: '123456' });
      await sendKeys({ press: 'Enter' });
      await until(() => words(el).includes('Zalogowano jako'), 'signed in');
      expect(active(el)).to.equal(shadow(el, '[part="message"]'));
      expect(JSON.parse(api.calls('POST', '/auth/login')[0]!.body)).to.deep.equal({ identifier: '2fa@example.com', password: 'Demo-Haslo-2026' });
    });
  });

  describe('language', () => {
    it('formats the countdown in English when the page speaks English', async () => {
      serve();
      api.on('POST', '/auth/login', problem(429, 'too_many_attempts', { retryAfter: 900 }, { 'Retry-After': '900' }));
      const el = await fixture<EbokLogin>(html`<ebok-login lang="en"></ebok-login>`);
      await until(() => !!el.shadowRoot?.querySelector('#identifier'), 'form');
      await signIn(el, 'energia@example.com', 'x');
      await until(() => !!el.shadowRoot?.querySelector('[part="countdown"]'), 'countdown');
      await until(() => /15 min/.test(shadow(el, '[part="countdown"]').textContent ?? '') && /sec/.test(shadow(el, '[part="countdown"]').textContent ?? ''), 'English units');
      el.removeAttribute('lang');
    });
  });
});

describe('login.logic', () => {
  it('chooses the identifier label and keyboard from the portal kinds', () => {
    expect(identifierField(['email'])).to.deep.equal({ label: 'email', inputmode: 'email' });
    expect(identifierField(['pesel_nip'])).to.deep.equal({ label: 'pesel_nip', inputmode: 'numeric' });
    expect(identifierField(['login'])).to.deep.equal({ label: 'login', inputmode: undefined });
    expect(identifierField(['email', 'pesel_nip'])).to.deep.equal({ label: 'email_pesel_nip', inputmode: undefined });
    expect(identifierField(['email', 'pesel_nip', 'login']).label).to.equal('all');
    expect(identifierField(undefined).label).to.equal('unknown');
  });

  it('judges the new password with the shared policy check, counting characters, not bytes', () => {
    expect(checkNewPassword('ab', POLICY)).to.contain('co najmniej 12 znaków').and.contain('wielka litera').and.contain('cyfra').and.not.contain('mała litera');
    expect(checkNewPassword('Jesienne-Liscie-2025', POLICY)).to.equal(undefined);
    expect(checkNewPassword('Żółćżółćżół1', POLICY), '12 Polish letters with a digit').to.equal(undefined);
    expect(checkNewPassword('Aa1Aa1Aa1Aa1', { ...POLICY, requireSpecial: true })).to.contain('znak specjalny');
    expect(checkNewPassword('Aa1'.repeat(44), POLICY)).to.contain('za długie');
    expect(checkNewPassword('', POLICY)).to.equal('Wpisz hasło.');
  });

  it('reads codes and waits', () => {
    expect(normalizeCode('123 456')).to.equal('123456');
    expect(isValidCode('12-34-56')).to.equal(true);
    expect(isValidCode('12a456')).to.equal(false);
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(waitSeconds(new EbokApiError({ status: 429, code: 'too_many_attempts', retryAfter: 30 }), now)).to.equal(30);
    expect(waitSeconds(new EbokApiError({ status: 429, code: 'too_many_attempts', problem: { lockedUntil: '2026-11-22T10:01:00Z' } }), now)).to.equal(60);
    expect(waitSeconds(new EbokApiError({ status: 429, code: 'too_many_attempts' }), now)).to.equal(undefined);
  });
});
