import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/password-reset/ebok-password-reset.js';
import type { EbokPasswordReset } from '../../src/widgets/password-reset/password-reset.js';
import type { EbokNavigateEvent } from '../../src/core/events.js';
import { configure } from '../../src/api/registry.js';
import { FakeApi, json, problem, portalConfigOf } from '../helpers/fake-api.js';
import { shadow, until } from '../helpers/dom.js';
import { checkResetIdentifier } from '../../src/widgets/password-reset/password-reset.logic.js';
import { useMockApi } from '../helpers/mock-api.js';
import { DEMO } from '../../stories/mocks/handlers.js';
import { resetPage } from '../helpers/page.js';
import { active, control, fieldError, fill, noticeText, submit, words } from '../helpers/harness.js';
import { localeReady } from '../../src/i18n/locale.js';
import { polishIn } from '../helpers/polish.js';

const BASE = 'https://api.utility.test/api/v1';
/** The demo energy portal's configuration (the same world as the reference server and the mocks). */
const CONFIG = portalConfigOf('energia');
const NEUTRAL = { status: 'accepted', message: 'Jeśli dane pasują do konta…' };
const TOKEN = 'rst_Vq8Jc3mW1xZp6TnB0yKd4sLe';
const PASSWORD = 'Jesienne-Liscie-2025';
/** The check of a usable link. */
const USABLE = { expiresAt: new Date(Date.now() + 3600_000).toISOString(), maskedEmail: 'e*****a@e*****e.com' };

/** Records whether a password field was ever in the widget (from its first render on). */
function watchPasswordFields(el: Element): () => boolean {
  let seen = !!el.shadowRoot?.querySelector('input[type="password"]');
  const observer = new MutationObserver(() => (seen ||= !!el.shadowRoot?.querySelector('input[type="password"]')));
  observer.observe(el.shadowRoot!, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    return seen;
  };
}



describe('<ebok-password-reset>', () => {
  let api: FakeApi;

  function serve() {
    api = new FakeApi().on('GET', '/portal-config', json(200, CONFIG)).on('POST', '/auth/password-reset/check', json(200, USABLE));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
    return api;
  }

  async function widget(template = html`<ebok-password-reset login-href="/logowanie"></ebok-password-reset>`) {
    const el = await fixture<EbokPasswordReset>(template);
    await until(() => !!el.shadowRoot?.querySelector('form') || !!el.shadowRoot?.querySelector('.status--error'), 'form ready');
    return el;
  }

  beforeEach(() => resetPage());
  afterEach(() => {
    resetPage();
    history.replaceState(null, '', location.pathname);
  });

  describe('asking for a link', () => {
    it('refuses an empty or malformed identifier on its field and sends nothing', async () => {
      serve();
      const el = await widget();
      await expect(el).to.be.accessible();
      submit(el);
      await until(() => active(el)?.id === 'identifier', 'focus on the field');
      expect(fieldError(el, 'identifier')).to.contain('Podaj adres e-mail albo login');
      expect(shadow(el, '[part="error-summary"]').textContent).to.contain('1 błąd');
      await fill(el, 'identifier', 'jan@@example.com');
      expect(fieldError(el, 'identifier')).to.contain('nazwa@domena.pl');
      expect(api.calls('POST', '/auth/password-reset')).to.have.length(0);
      expect(checkResetIdentifier('jan.kowalski')).to.equal(undefined);
      await expect(el).to.be.accessible();
    });

    it('gives the same neutral answer, with the link lifetime, whatever the identifier', async () => {
      const texts: string[] = [];
      for (const identifier of ['energia@example.com', 'nikt.taki@example.com', 'jkowalski']) {
        resetPage();
        serve().on('POST', '/auth/password-reset', json(202, NEUTRAL));
        const el = await widget();
        const requested = oneEvent(el, 'ebok-password-reset-requested');
        await fill(el, 'identifier', identifier);
        submit(el);
        await requested;
        await el.updateComplete;
        const result = shadow(el, '[part="result"]');
        texts.push(result.textContent.replace(/\s+/g, ' '));
        expect(active(el), 'focus on the answer').to.equal(result);
        expect(result.querySelector('[role="status"]')).to.exist;
        expect(JSON.parse(api.calls('POST', '/auth/password-reset')[0]!.body)).to.deep.equal({ identifier });
        await expect(el).to.be.accessible();
      }
      expect(texts[0]).to.contain('Jeśli konto istnieje').and.contain('1 godzina');
      expect(new Set(texts).size, 'identical answers').to.equal(1);
    });

    it('sends once on a double submit and keeps what was typed on an error', async () => {
      serve().on('POST', '/auth/password-reset', problem(429, 'too_many_attempts', { retryAfter: 900 }, { 'Retry-After': '900' }));
      const el = await widget();
      await fill(el, 'identifier', 'energia@example.com');
      submit(el);
      submit(el);
      await noticeText(el, 'the failure');
      expect(api.calls('POST', '/auth/password-reset')).to.have.length(1);
      expect(words(el)).to.contain('Zbyt wiele prób').and.contain('15 minut');
      expect(control(el, 'identifier').value).to.equal('energia@example.com');
      expect(active(el)?.getAttribute('part')).to.equal('submit');
      await expect(el).to.be.accessible();
    });
  });

  describe('setting a new password', () => {
    it('takes the token from the page address and sets the password', async () => {
      serve().on('POST', '/auth/password-reset/confirm', new Response(null, { status: 204 }));
      history.replaceState(null, '', `${location.pathname}?token=${TOKEN}`);
      const el = await widget();
      expect(shadow(el, '[role="heading"]').textContent).to.contain('Ustaw nowe hasło');
      expect(words(el), 'which account').to.contain('e*****a@e*****e.com');
      expect(JSON.parse(api.calls('POST', '/auth/password-reset/check')[0]!.body), 'the link checked first').to.deep.equal({ token: TOKEN });
      expect(control(el, 'newPassword').autocomplete).to.equal('new-password');
      expect(control(el, 'passwordRepeat').autocomplete).to.equal('new-password');
      await expect(el).to.be.accessible();
      await fill(el, 'newPassword', PASSWORD);
      await fill(el, 'passwordRepeat', PASSWORD);
      const done = oneEvent(el, 'ebok-password-reset-done');
      submit(el);
      submit(el);
      await done;
      const posts = api.calls('POST', '/auth/password-reset/confirm');
      expect(posts).to.have.length(1);
      expect(JSON.parse(posts[0]!.body)).to.deep.equal({ token: TOKEN, newPassword: PASSWORD });
      expect(posts[0]!.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
      await el.updateComplete;
      expect(shadow(el, '[part="result"]').textContent).to.contain('Hasło zostało zmienione');
      expect(location.search, 'the spent token leaves the address bar').to.equal('');
      const link = shadow<HTMLAnchorElement>(el, '[part="login"]');
      expect(link.getAttribute('href')).to.equal('/logowanie');
      link.addEventListener('click', (e) => e.preventDefault(), { once: true });
      const navigate: Promise<EbokNavigateEvent> = oneEvent(el, 'ebok-navigate');
      link.click();
      expect((await navigate).detail.target).to.equal('login');
      await expect(el).to.be.accessible();
    });

    it('the token attribute wins over the address', async () => {
      serve().on('POST', '/auth/password-reset/confirm', new Response(null, { status: 204 }));
      history.replaceState(null, '', `${location.pathname}?token=from-the-address-0000`);
      const el = await widget(html`<ebok-password-reset token=${TOKEN}></ebok-password-reset>`);
      await fill(el, 'newPassword', PASSWORD);
      await fill(el, 'passwordRepeat', PASSWORD);
      submit(el);
      await until(() => api.calls('POST', '/auth/password-reset/confirm').length === 1, 'sent');
      expect((JSON.parse(api.calls('POST', '/auth/password-reset/confirm')[0]!.body) as { token: string }).token).to.equal(TOKEN);
    });

    it('updates the policy checklist as the customer types and says the strength in words', async () => {
      serve();
      const el = await widget(html`<ebok-password-reset token=${TOKEN}></ebok-password-reset>`);
      const rule = (name: string) => shadow(el, `[data-rule="${name}"]`);
      control(el, 'newPassword').focus();
      await sendKeys({ type: 'haslo' });
      await el.updateComplete;
      expect(rule('needs_lower').className).to.equal('met');
      expect(rule('needs_digit').className).to.equal('unmet');
      expect(rule('too_short').textContent).to.contain('Co najmniej 12 znaków').and.contain('jeszcze nie');
      expect(shadow(el, '[part="strength"]').textContent).to.contain('bardzo słabe');
      await sendKeys({ type: '-Jesienne-Liscie-2025' });
      await el.updateComplete;
      expect(rule('needs_digit').className).to.equal('met');
      expect(rule('too_short').textContent).to.contain('spełnione');
      expect(shadow<HTMLMeterElement>(el, 'meter').value).to.be.greaterThan(2);
      expect(shadow(el, '[part="strength"]').textContent).to.match(/Siła hasła: (silne|bardzo silne)/);
      await expect(el).to.be.accessible();
    });

    it('refuses a password against the policy in the browser, with focus on it', async () => {
      serve();
      const el = await widget(html`<ebok-password-reset token=${TOKEN}></ebok-password-reset>`);
      await fill(el, 'newPassword', 'krotkie');
      await fill(el, 'passwordRepeat', 'krotkie');
      submit(el);
      await until(() => active(el)?.id === 'newPassword', 'focus on the password');
      expect(fieldError(el, 'newPassword')).to.contain('co najmniej 12 znaków');
      expect(api.calls('POST', '/auth/password-reset/confirm')).to.have.length(0);
    });

    it('puts the server policy errors on the password field and keeps what was typed', async () => {
      serve().on(
        'POST',
        '/auth/password-reset/confirm',
        problem(422, 'password_policy_violation', { fields: [{ field: '/newPassword', code: 'password_breached', message: 'x' }] }),
      );
      const el = await widget(html`<ebok-password-reset token=${TOKEN}></ebok-password-reset>`);
      await fill(el, 'newPassword', PASSWORD);
      await fill(el, 'passwordRepeat', PASSWORD);
      submit(el);
      await until(() => !!fieldError(el, 'newPassword'), 'server error on the field');
      expect(fieldError(el, 'newPassword')).to.contain('wycieku');
      expect(active(el)?.id).to.equal('newPassword');
      expect(control(el, 'newPassword').value).to.equal(PASSWORD);
      await expect(el).to.be.accessible();
    });

    for (const [code, text] of [
      ['token_invalid_or_expired', 'wygasł'],
      ['token_used', 'już użyty'],
    ] as const) {
      it(`explains a refused link (${code}) and offers an empty request form`, async () => {
        serve().on('POST', '/auth/password-reset/confirm', problem(422, code));
        history.replaceState(null, '', `${location.pathname}?token=${TOKEN}`);
        const el = await widget();
        await fill(el, 'newPassword', PASSWORD);
        await fill(el, 'passwordRepeat', PASSWORD);
        submit(el);
        await until(() => !!el.shadowRoot?.querySelector('[part~="notice"]'), 'notice');
        const notice = shadow(el, '[part~="notice"]');
        expect(notice.textContent).to.contain(text);
        expect(notice.getAttribute('role')).to.equal('alert');
        expect(control(el, 'identifier').value, 'prefilled nothing').to.equal('');
        expect(active(el)?.id).to.equal('identifier');
        expect(location.search).to.equal('');
        await expect(el).to.be.accessible();
        api.on('POST', '/auth/password-reset', json(202, NEUTRAL));
        await fill(el, 'identifier', 'energia@example.com');
        submit(el);
        await until(() => !!el.shadowRoot?.querySelector('[part="result"]'), 'asked again');
      });
    }

    it('is usable with the keyboard: type, tab, show the password, send with Enter', async () => {
      serve().on('POST', '/auth/password-reset/confirm', new Response(null, { status: 204 }));
      const el = await widget(html`<ebok-password-reset token=${TOKEN}></ebok-password-reset>`);
      control(el, 'newPassword').focus();
      await sendKeys({ type: PASSWORD });
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.getAttribute('part')).to.equal('reveal');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(control(el, 'newPassword').type).to.equal('text');
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.id).to.equal('passwordRepeat');
      await sendKeys({ type: PASSWORD });
      await sendKeys({ press: 'Enter' });
      await until(() => api.calls('POST', '/auth/password-reset/confirm').length === 1, 'sent with Enter');
      await until(() => active(el)?.getAttribute('part') === 'result', 'focus on the answer');
    });
  });

  describe('a link that cannot be used says so before any password is asked for', () => {
    // Back to Polish before the next test, so no late change of language re-renders it.
    afterEach(async () => {
      resetPage();
      document.documentElement.removeAttribute('lang');
      await localeReady();
    });
    for (const [code, what, pl, en] of [
      ['token_used', 'used', 'już użyty', 'already been used'],
      ['token_expired', 'expired', 'wygasł', 'expired'],
      ['token_invalid_or_expired', 'bogus', 'nieprawidłowy', 'not valid'],
    ] as const) {
      for (const lang of ['pl', 'en'] as const) {
        it(`a ${what} link says so at once (${lang}), never shows a password field, and asks for a new link from the keyboard`, async () => {
          let release!: () => void;
          const gate = new Promise<void>((resolve) => (release = resolve));
          serve().on('POST', '/auth/password-reset/check', async () => {
            await gate;
            return problem(422, code);
          });
          history.replaceState(null, '', `${location.pathname}?token=${TOKEN}`);
          const el = await fixture<EbokPasswordReset>(html`<ebok-password-reset lang=${lang}></ebok-password-reset>`);
          await localeReady();
          const passwordShown = watchPasswordFields(el);
          await until(() => api.calls('POST', '/auth/password-reset/check').length >= 1, 'link checked');
          await until(() => /link/i.test(el.shadowRoot?.querySelector('[part="status"][role="status"]')?.textContent ?? ''), 'checking the link is announced');
          expect(shadow(el, '[part="base"]').getAttribute('aria-busy')).to.equal('true');
          await expect(el).to.be.accessible();
          release();
          const text = await noticeText(el, 'why the link does not work');
          expect(text).to.contain(lang === 'pl' ? pl : en);
          expect(shadow(el, '[part~="notice"][role="alert"]'), 'announced at once').to.exist;
          expect(passwordShown(), 'no password field was ever shown').to.equal(false);
          expect(api.calls('POST', '/auth/password-reset/confirm')).to.have.length(0);
          await until(() => active(el)?.id === 'identifier', 'focus on the request for a new link');
          expect(location.search, 'the refused token leaves the address bar').to.equal('');
          if (lang === 'en') expect(await polishIn(words(el)), `Polish left in English: "${words(el)}"`).to.deep.equal([]);
          await expect(el).to.be.accessible();
          api.on('POST', '/auth/password-reset', json(202, NEUTRAL));
          await sendKeys({ type: 'energia@example.com' });
          await sendKeys({ press: 'Enter' });
          await until(() => !!el.shadowRoot?.querySelector('[part="result"]'), 'a new link asked for');
          expect(JSON.parse(api.calls('POST', '/auth/password-reset')[0]!.body)).to.deep.equal({ identifier: 'energia@example.com' });
          await until(() => active(el)?.getAttribute('part') === 'result', 'focus on the answer');
        });
      }
    }

    it('a server error while checking the link offers to try again, then shows the form', async () => {
      let down = true;
      serve().on('POST', '/auth/password-reset/check', () => (down ? problem(503, 'service_unavailable') : json(200, USABLE)));
      const el = await widget(html`<ebok-password-reset token=${TOKEN}></ebok-password-reset>`);
      const passwordShown = watchPasswordFields(el);
      expect(words(el)).to.contain('Nie udało się sprawdzić linku');
      expect(shadow(el, '[role="alert"]')).to.exist;
      expect(passwordShown()).to.equal(false);
      await expect(el).to.be.accessible();
      down = false;
      const retry = shadow<HTMLButtonElement>(el, '[part~="retry"]');
      retry.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !!el.shadowRoot?.querySelector('#newPassword'), 'the form after a retry');
      expect(api.calls('POST', '/auth/password-reset/check')).to.have.length(2);
      expect(active(el)?.id, 'focus where it was left, or on the form').to.not.equal('identifier');
      await expect(el).to.be.accessible();
    });

    // (Polish: a test in English last would leave the page's language to switch back during the next test.)
    it('offline while checking the link says so, and "Try again" checks it once the connection is back', async () => {
      const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      try {
        serve().on('POST', '/auth/password-reset/check', new TypeError('Failed to fetch'), json(200, USABLE));
        const el = await fixture<EbokPasswordReset>(html`<ebok-password-reset token=${TOKEN}></ebok-password-reset>`);
        await until(() => /internetem/i.test(words(el)), 'offline');
        expect(el.shadowRoot!.querySelector('input[type="password"]')).to.equal(null);
        await expect(el).to.be.accessible();
        Object.defineProperty(navigator, 'onLine', onLine);
        shadow<HTMLButtonElement>(el, '[part~="retry"]').click();
        await until(() => !!el.shadowRoot?.querySelector('#newPassword'), 'the form once online');
      } finally {
        Object.defineProperty(navigator, 'onLine', onLine);
      }
    });
  });

  describe('other states', () => {
    it('shows loading, then an error with retry when the configuration fails', async () => {
      api = new FakeApi().on('GET', '/portal-config', problem(500, 'internal_error'), json(200, CONFIG));
      configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
      const el = await widget();
      expect(words(el)).to.contain('Nie udało się wczytać formularza');
      await expect(el).to.be.accessible();
      shadow<HTMLButtonElement>(el, '[part~="retry"]').click();
      await until(() => !!el.shadowRoot?.querySelector('form'), 'form after retry');
    });

    it('says when the network is down and keeps the password', async () => {
      serve().on('POST', '/auth/password-reset/confirm', new TypeError('Failed to fetch'));
      const el = await widget(html`<ebok-password-reset token=${TOKEN} heading-level="3"></ebok-password-reset>`);
      expect(shadow(el, '[role="heading"]').getAttribute('aria-level')).to.equal('3');
      await fill(el, 'newPassword', PASSWORD);
      await fill(el, 'passwordRepeat', PASSWORD);
      submit(el);
      await until(() => words(el).includes('Nie udało się połączyć'), 'network error');
      expect(control(el, 'newPassword').value).to.equal(PASSWORD);
      expect(control(el, 'passwordRepeat').value).to.equal(PASSWORD);
    });
  });

  it('against the mock API: asks for a link, sets a password, and says at once that a used, expired or bogus link cannot be used', async () => {
    useMockApi(BASE);
    const request = await widget();
    await fill(request, 'identifier', DEMO.email);
    submit(request);
    await until(() => words(request).includes('Jeśli konto istnieje'), 'neutral answer');
    const confirm = await widget(html`<ebok-password-reset token=${TOKEN}></ebok-password-reset>`);
    await fill(confirm, 'newPassword', PASSWORD);
    await fill(confirm, 'passwordRepeat', PASSWORD);
    submit(confirm);
    await until(() => words(confirm).includes('Hasło zostało zmienione'), 'changed');
    for (const [token, text] of [
      [DEMO.usedToken, 'już użyty'],
      [DEMO.expiredToken, 'wygasł'],
      [DEMO.invalidToken, 'nieprawidłowy'],
    ] as const) {
      const refused = await widget(html`<ebok-password-reset token=${token}></ebok-password-reset>`);
      await until(() => words(refused).includes(text), `${token} refused at once`);
      expect(refused.shadowRoot!.querySelector('input[type="password"]')).to.equal(null);
    }
  });
});
