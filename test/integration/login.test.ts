import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/login/ebok-login.js';
import '../../src/widgets/session/ebok-session.js';
import '../../src/widgets/password-reset/ebok-password-reset.js';
import '../../src/widgets/register/ebok-register.js';
import '../../src/widgets/activation/ebok-activation.js';
import type { EbokLogin } from '../../src/widgets/login/login.js';
import { configure, getClient } from '../../src/api/registry.js';
import { referenceApiBase, outbox, DEMO_PASSWORD, cleanups, resetThrottles, restorePassword } from '../helpers/reference-server.js';
import { until } from '../helpers/dom.js';
import { resetPage } from '../helpers/page.js';

/**
 * The login family against the reference server over HTTP: real cookies, real throttling, real e-mails
 * and SMS read from the server's outbox.
 */
describe('logging in, registering and resetting with the reference server', function () {
  this.timeout(30000);

  const words = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const field = (el: Element, selector: string) => {
    const found = el.shadowRoot?.querySelector<HTMLInputElement>(selector);
    if (!found) throw new Error(`<${el.localName}> has no ${selector} now: "${words(el).slice(0, 200)}"`);
    return found;
  };
  async function typeInto(input: HTMLInputElement, text: string) {
    input.focus();
    input.select();
    await sendKeys({ type: text });
  }

  beforeEach(async () => {
    resetPage();
    configure({ apiBase: await referenceApiBase() });
    const client = getClient()!;
    await client.session.ready().catch(() => undefined);
    if (client.session.signedIn) await client.session.logout();
  });
  const undo = cleanups();
  afterEach(async () => {
    history.replaceState(null, '', location.pathname);
    resetPage();
    await undo.run();
  });

  async function logIn(el: EbokLogin, identifier: string, password: string) {
    await until(() => !!el.shadowRoot?.querySelector('input[autocomplete="username"]'), 'login form', 10000);
    await typeInto(field(el, 'input[autocomplete="username"]'), identifier);
    await typeInto(field(el, 'input[autocomplete="current-password"]'), password);
    await sendKeys({ press: 'Enter' });
  }

  for (const email of ['energia@example.com', 'gaz@example.com', 'woda@example.com', 'firma@example.com']) {
    it(`signs in ${email}, and the session bar elsewhere on the page shows the customer`, async () => {
      const page = await fixture(html`<div><ebok-session></ebok-session><ebok-login></ebok-login></div>`);
      const login = page.querySelector<EbokLogin>('ebok-login')!;
      const success = new Promise((resolve) => login.addEventListener('ebok-login-success', resolve, { once: true }));
      await logIn(login, email, DEMO_PASSWORD);
      await success;
      const bar = page.querySelector('ebok-session')!;
      await until(() => !!bar.shadowRoot?.querySelector('[part="name"]'), 'name in the session bar', 10000);
      expect(getClient()!.session.state.user?.email).to.equal(email);
      await expect(login).to.be.accessible();
    });
  }

  it('asks 2fa@example.com for the SMS code from the outbox, then signs in', async () => {
    const login = await fixture<EbokLogin>(html`<ebok-login></ebok-login>`);
    await logIn(login, '2fa@example.com', DEMO_PASSWORD);
    await until(() => !!login.shadowRoot?.querySelector('input[autocomplete="one-time-code"]'), 'code step', 10000);
    await expect(login).to.be.accessible();
    const sms = (await outbox('')).find((m) => m.code);
    expect(sms?.code, 'an SMS with the code in the outbox').to.match(/^\d{6}$/);
    const success = new Promise((resolve) => login.addEventListener('ebok-login-success', resolve, { once: true }));
    await typeInto(field(login, 'input[autocomplete="one-time-code"]'), sms!.code!);
    await sendKeys({ press: 'Enter' });
    await success;
    expect(getClient()!.session.signedIn).to.equal(true);
  });

  it('after repeated wrong passwords says to wait, with the time, and says exactly the same for an unknown login', async () => {
    const login = await fixture<EbokLogin>(html`<ebok-login></ebok-login>`);
    const client = getClient()!;
    const attempt = (identifier: string) =>
      client.post('/auth/login', { body: { identifier, password: 'zle-haslo-123' } }).catch((e: unknown) => e);
    const messages: string[] = [];
    undo.later(resetThrottles);
    for (const identifier of ['2fa@example.com', 'nikogo-takiego@example.com']) {
      for (let i = 0; i < 12; i++) await attempt(identifier); // past the lockout and the throttle
      await logIn(login, identifier, 'zle-haslo-123');
      await until(() => !!login.shadowRoot?.querySelector('[part="countdown"]'), `countdown for ${identifier}`, 10000);
      const notice = login.shadowRoot!.querySelector('#notice-text')!.textContent.trim();
      expect(login.shadowRoot!.querySelector('[part="countdown"]')!.textContent).to.match(/\d/);
      expect(login.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.disabled, 'submit waits').to.equal(true);
      messages.push(notice);
      await expect(login).to.be.accessible();
    }
    expect(messages[1], 'unknown login gets the same message').to.equal(messages[0]);
  });

  it('locks an account after repeated wrong passwords and says so, also for its right password, exactly as for an unknown login', async () => {
    // 2fa@example.com serves only this file, and the lock is lifted afterwards: the account is ours to lock.
    const locked = '2fa@example.com';
    const unknown = `nikogo-${Math.random().toString(36).slice(2, 8)}@example.com`;
    undo.later(resetThrottles);
    const client = getClient()!;
    const wrong = (identifier: string) => client.post('/auth/login', { body: { identifier, password: 'zle-haslo-123' } }).then(
        (answer) => ({ code: answer.status }),
        (e: unknown) => e as { code?: string },
      );
    const lockMails = async () => (await outbox(locked)).filter((mail) => /zablokowane/i.test(mail.subject)).length;
    const mailsBefore = await lockMails();
    for (let i = 1; i < 5; i++) {
      const [k, u] = [await wrong(locked), await wrong(unknown)];
      expect([k.code, u.code], `failure ${i}`).to.deep.equal(['invalid_credentials', 'invalid_credentials']);
    }
    const notices: string[] = [];
    // The fifth wrong password (the one that locks), then the right one, then an unknown login's fifth failure.
    for (const [identifier, password] of [[locked, 'zle-haslo-123'], [locked, DEMO_PASSWORD], [unknown, 'zle-haslo-123']] as const) {
      const login = await fixture<EbokLogin>(html`<ebok-login></ebok-login>`);
      await logIn(login, identifier, password);
      await until(() => !!login.shadowRoot?.querySelector('[part="password-reset"]'), `lock notice for ${identifier}`, 10000);
      notices.push(login.shadowRoot!.querySelector('[part~="notice"]')!.textContent.replace(/\s+/g, ' ').trim());
      expect(field(login, 'input[autocomplete="username"]').value, 'the login is kept').to.equal(identifier);
      expect(field(login, 'input[autocomplete="current-password"]').value, 'the password is kept').to.equal(password);
      expect(login.shadowRoot!.activeElement?.id, 'focus on the notice').to.equal('notice');
      await expect(login).to.be.accessible();
      login.remove();
    }
    expect(notices[0]).to.match(/konto może być zablokowane jeszcze przez 1[45] minut/);
    expect(notices[1], 'the right password of the locked account').to.equal(notices[0]);
    expect(notices[2], 'an unknown login').to.equal(notices[0]);
    expect(await lockMails(), 'the owner got the e-mail on how to unlock').to.equal(mailsBefore + 1);
  });

  it('resets a password through the outbox link once, and says at once that the used link cannot be used again', async () => {
    const request = await fixture(html`<ebok-password-reset></ebok-password-reset>`);
    await until(() => !!request.shadowRoot?.querySelector('input'), 'request form', 10000);
    await typeInto(field(request, 'input'), 'firma@example.com');
    await sendKeys({ press: 'Enter' });
    await until(() => words(request).includes('link'), 'neutral answer', 10000);
    const mail = (await outbox('firma@example.com'))[0]!;
    const token = new URL(mail.links[0]!).searchParams.get('token')!;
    expect(token).to.have.length.greaterThan(20);

    const setNew = async () => {
      const el = await fixture(html`<ebok-password-reset token=${token}></ebok-password-reset>`);
      await until(() => el.shadowRoot?.querySelectorAll('input[type="password"]').length === 2, 'new password form', 10000);
      const [first, second] = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="password"]');
      await typeInto(first!, 'Nowe-Haslo-2027');
      await typeInto(second!, 'Nowe-Haslo-2027');
      await sendKeys({ press: 'Enter' });
      return el;
    };
    const done = await setNew();
    await until(() => /zmienione|ustawione|gotowe/i.test(words(done)), 'password changed', 10000);
    undo.later(() => restorePassword('firma@example.com', 'Nowe-Haslo-2027'));
    const again = await fixture(html`<ebok-password-reset token=${token}></ebok-password-reset>`);
    await until(() => /już użyty/i.test(words(again)), 'used link refused at once', 10000);
    expect(again.shadowRoot!.querySelector('input[type="password"]'), 'no password asked for').to.equal(null);
    await expect(again).to.be.accessible();
    const client = getClient()!;
    const answer = await client.post('/auth/login', { body: { identifier: 'firma@example.com', password: 'Nowe-Haslo-2027' } });
    expect(answer.status).to.equal('signed_in');
  });

  it('registers a new customer with a valid PESEL, who activates through the outbox and logs in', async () => {
    const form = await fixture(html`<ebok-register></ebok-register>`);
    await until(() => !!form.shadowRoot?.querySelector('input[name="idNumber"]'), 'registration form', 10000);
    await typeInto(field(form, 'input[name="idNumber"]'), '44051401359');
    await typeInto(field(form, 'input[name="proof"]'), '1200345678');
    await typeInto(field(form, 'input[name="email"]'), 'stanislaw.zajac@example.com');
    await typeInto(field(form, 'input[name="password"]'), 'Zielona-Herbata-7');
    await typeInto(field(form, 'input[name="passwordRepeat"]'), 'Zielona-Herbata-7');
    field(form, 'input[name="terms"]').click();
    field(form, '[part="submit"]').click();
    await until(() => words(form).includes('72'), 'activation explained with the link lifetime', 10000);
    const mail = (await outbox('stanislaw.zajac@example.com'))[0]!;
    const token = new URL(mail.links[0]!).searchParams.get('token')!;
    const activation = await fixture(html`<ebok-activation token=${token}></ebok-activation>`);
    await until(() => /aktywne/i.test(words(activation)), 'account active', 10000);
    await expect(activation).to.be.accessible();
    const check = await getClient()!.post('/auth/activation/check', { body: { token } }).catch((error: unknown) => error);
    expect((check as { code?: string }).code, 'the used link, checked again').to.equal('token_used');
    const answer = await getClient()!.post('/auth/login', { body: { identifier: 'stanislaw.zajac@example.com', password: 'Zielona-Herbata-7' } });
    expect(answer.status).to.equal('signed_in');
  });

  it('refuses an invalid PESEL in the browser, on its field, without asking the server', async () => {
    const form = await fixture(html`<ebok-register></ebok-register>`);
    await until(() => !!form.shadowRoot?.querySelector('input[name="idNumber"]'), 'registration form', 10000);
    await typeInto(field(form, 'input[name="idNumber"]'), '44051401358');
    field(form, '[part="submit"]').click();
    await until(() => field(form, 'input[name="idNumber"]').getAttribute('aria-invalid') === 'true', 'PESEL marked invalid', 5000);
    const describedBy = field(form, 'input[name="idNumber"]').getAttribute('aria-describedby')!;
    const message = describedBy.split(' ').map((id) => form.shadowRoot!.getElementById(id)?.textContent ?? '').join(' ');
    expect(message).to.contain('PESEL');
  });
});
