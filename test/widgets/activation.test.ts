import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/activation/ebok-activation.js';
import type { EbokActivation } from '../../src/widgets/activation/activation.js';
import type { EbokNavigateEvent } from '../../src/core/events.js';
import { configure, getClient } from '../../src/api/registry.js';
import { spy } from 'sinon';
import { FakeApi, json, portalConfigOf, problem } from '../helpers/fake-api.js';
import { shadow, until } from '../helpers/dom.js';
import { useMockApi } from '../helpers/mock-api.js';
import { DEMO } from '../../stories/mocks/handlers.js';
import { resetPage } from '../helpers/page.js';
import { active, words } from '../helpers/harness.js';
import { localeReady } from '../../src/i18n/locale.js';
import { polishIn } from '../helpers/polish.js';

const BASE = 'https://api.utility.test/api/v1';
/** A portal whose activation links last 24 hours. */
const CONFIG = { ...portalConfigOf('energia'), activationLinkLifetimeSeconds: 86400 };
const NEUTRAL = { status: 'accepted', message: 'Jeśli dane pasują do konta…' };
let counter = 0;
/** A token no earlier test used (activation is remembered per token for the whole page). */
const freshToken = () => `act_H7nQ2wLk9ZxR4cVb_${++counter}_${Date.now()}`;

const settled = (el: EbokActivation) => until(() => el.shadowRoot?.querySelector('[aria-busy="false"]') !== null, 'activation settled');

describe('<ebok-activation>', () => {
  let api: FakeApi;

  function serve(...answers: (Response | Error)[]) {
    api = new FakeApi()
      .on('GET', '/portal-config', json(200, CONFIG))
      .on('POST', '/auth/activation/resend', json(202, NEUTRAL))
      .on('POST', '/auth/activation/check', json(200, { expiresAt: new Date(Date.now() + 86400_000).toISOString(), maskedEmail: 'j*****i@e*****e.com' }));
    if (answers.length) api.on('POST', '/auth/activate', ...answers);
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
  }

  beforeEach(() => resetPage());
  afterEach(() => {
    resetPage();
    history.replaceState(null, '', location.pathname);
  });

  it('activates with the token from the page address, once, and leads to log in', async () => {
    serve(new Response(null, { status: 204 }));
    const token = freshToken();
    history.replaceState(null, '', `${location.pathname}?token=${token}`);
    const el = await fixture<EbokActivation>(html`<ebok-activation login-href="/logowanie"></ebok-activation>`);
    await oneEvent(el, 'ebok-account-activated');
    await el.updateComplete;
    expect(words(el)).to.contain('Konto jest aktywne');
    expect(shadow(el, '[role="status"]').textContent).to.contain('Gotowe');
    const calls = api.calls('POST', '/auth/activate');
    expect(calls).to.have.length(1);
    expect(JSON.parse(calls[0]!.body)).to.deep.equal({ token });
    expect(location.search, 'the spent token leaves the address bar').to.equal('');
    await expect(el).to.be.accessible();
    const link = shadow<HTMLAnchorElement>(el, '[part="login"]');
    link.addEventListener('click', (e) => e.preventDefault(), { once: true });
    const navigate: Promise<EbokNavigateEvent> = oneEvent(el, 'ebok-navigate');
    link.focus();
    await sendKeys({ press: 'Enter' });
    expect((await navigate).detail).to.deep.equal({ target: 'login', href: '/logowanie' });
  });

  it('never sends the same token twice: re-renders, a move in the page and a second widget share one request', async () => {
    serve(new Response(null, { status: 204 }));
    const token = freshToken();
    const box = await fixture<HTMLDivElement>(html`<div>
      <ebok-activation token=${token}></ebok-activation><ebok-activation token=${token}></ebok-activation>
    </div>`);
    const [first, second] = [...box.querySelectorAll('ebok-activation')];
    await settled(first!);
    await settled(second!);
    // A second activation would start in the update itself (the request is sent from willUpdate): spy there.
    const client = getClient(BASE)!;
    const posts = spy(client, 'post');
    first!.requestUpdate();
    box.append(first!); // moved in the DOM
    await first!.updateComplete;
    await second!.updateComplete;
    posts.restore();
    expect(posts.callCount, 'no second activation on a re-render or a move').to.equal(0);
    expect(api.calls('POST', '/auth/activate')).to.have.length(1);
    expect(words(first!)).to.contain('Konto jest aktywne');
    expect(words(second!)).to.contain('Konto jest aktywne');
  });

  it('explains an expired link and sends a new one with a neutral answer', async () => {
    serve(problem(422, 'token_invalid_or_expired'));
    const el = await fixture<EbokActivation>(html`<ebok-activation token=${freshToken()}></ebok-activation>`);
    await settled(el);
    const alert = shadow(el, '[role="alert"]');
    expect(alert.textContent).to.contain('wygasł');
    await expect(el).to.be.accessible();
    const email = shadow<HTMLInputElement>(el, '#email');
    expect(email.autocomplete).to.equal('email');
    shadow<HTMLButtonElement>(el, '[part="submit"]').click();
    await until(() => active(el)?.id === 'email', 'focus on the empty e-mail');
    expect(shadow(el, '#email-error').textContent).to.contain('Podaj adres e-mail');
    expect(api.calls('POST', '/auth/activation/resend')).to.have.length(0);
    email.focus();
    await sendKeys({ type: 'jan.kowalski@example.com' });
    const resent = oneEvent(el, 'ebok-activation-resent');
    await sendKeys({ press: 'Enter' });
    await resent;
    await el.updateComplete;
    expect(JSON.parse(api.calls('POST', '/auth/activation/resend')[0]!.body)).to.deep.equal({ identifier: 'jan.kowalski@example.com' });
    const result = shadow(el, '[part="result"][role="status"]');
    expect(result.textContent).to.contain('Jeśli konto czeka na aktywację').and.contain('24 godziny');
    expect(active(el)).to.equal(result);
    await expect(el).to.be.accessible();
  });

  describe('a link that cannot be used says so at once, without activating', () => {
    // Back to Polish before the next test, so no late change of language re-renders it.
    afterEach(async () => {
      resetPage();
      document.documentElement.removeAttribute('lang');
      await localeReady();
    });
    for (const [code, what, pl, en, offers] of [
      ['token_used', 'used', 'już użyty', 'already been used', 'login'],
      ['token_expired', 'expired', 'wygasł', 'expired', 'new link'],
      ['token_invalid_or_expired', 'bogus', 'nieprawidłowy', 'not valid', 'new link'],
    ] as const) {
      for (const lang of ['pl', 'en'] as const) {
        it(`a ${what} activation link says so (${lang}) and offers ${offers === 'login' ? 'to log in' : 'a new link'}`, async () => {
          serve(new Response(null, { status: 204 }));
          api.on('POST', '/auth/activation/check', problem(422, code));
          const token = freshToken();
          history.replaceState(null, '', `${location.pathname}?token=${token}`);
          const reported: string[] = [];
          const report = (event: Event) => reported.push((event as CustomEvent<{ code: string }>).detail.code);
          document.addEventListener('ebok-error', report);
          const el = await fixture<EbokActivation>(html`<ebok-activation lang=${lang} login-href="/logowanie"></ebok-activation>`);
          await localeReady();
          await settled(el);
          document.removeEventListener('ebok-error', report);
          expect(words(el)).to.contain(lang === 'pl' ? pl : en);
          expect(shadow(el, code === 'token_used' ? '[part="result"] [role="status"]' : '[part="result"][role="alert"]'), 'announced').to.exist;
          expect(api.calls('POST', '/auth/activate'), 'nothing spent').to.have.length(0);
          expect(JSON.parse(api.calls('POST', '/auth/activation/check')[0]!.body)).to.deep.equal({ token });
          expect(reported, 'reported to the page').to.deep.equal([code]);
          expect(location.search).to.equal('');
          if (lang === 'en') expect(await polishIn(words(el)), `Polish left in English: "${words(el)}"`).to.deep.equal([]);
          await expect(el).to.be.accessible();
          if (offers === 'login') {
            expect(shadow<HTMLAnchorElement>(el, '[part="login"]').getAttribute('href')).to.equal('/logowanie');
            return;
          }
          shadow<HTMLInputElement>(el, '#email').focus();
          await sendKeys({ type: 'jan.kowalski@example.com' });
          await sendKeys({ press: 'Enter' });
          await until(() => !!el.shadowRoot?.querySelector('[part="result"][role="status"]'), 'a new link asked for');
          expect(active(el)).to.equal(shadow(el, '[part="result"][role="status"]'));
        });
      }
    }

    it('a server error while checking the link offers to try again, then activates', async () => {
      serve(new Response(null, { status: 204 }));
      api.on('POST', '/auth/activation/check', problem(500, 'internal_error'), json(200, { expiresAt: new Date(Date.now() + 3600_000).toISOString() }));
      const el = await fixture<EbokActivation>(html`<ebok-activation token=${freshToken()}></ebok-activation>`);
      await settled(el);
      expect(words(el)).to.contain('Nie udało się aktywować konta');
      expect(api.calls('POST', '/auth/activate')).to.have.length(0);
      await expect(el).to.be.accessible();
      shadow<HTMLButtonElement>(el, '[part~="retry"]').focus();
      await sendKeys({ press: 'Enter' });
      await until(() => words(el).includes('Konto jest aktywne'), 'activated after retry');
      expect(api.calls('POST', '/auth/activate')).to.have.length(1);
    });

    it('offline while checking the link says so (en), with a way to try again', async () => {
      const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      try {
        serve(new Response(null, { status: 204 }));
        api.on('POST', '/auth/activation/check', new TypeError('Failed to fetch'));
        const el = await fixture<EbokActivation>(html`<ebok-activation token=${freshToken()} lang="en"></ebok-activation>`);
        await localeReady();
        await until(() => /internet|connection/i.test(words(el)), 'offline');
        expect(el.shadowRoot!.querySelector('[part~="retry"]')).to.exist;
        expect(api.calls('POST', '/auth/activate')).to.have.length(0);
        await expect(el).to.be.accessible();
      } finally {
        Object.defineProperty(navigator, 'onLine', onLine);
      }
    });
  });

  it('the new-link answer is the same for any e-mail', async () => {
    const texts: string[] = [];
    for (const address of ['jan.kowalski@example.com', 'nikt@example.com']) {
      resetPage();
      serve(problem(422, 'token_invalid_or_expired'));
      const el = await fixture<EbokActivation>(html`<ebok-activation token=${freshToken()}></ebok-activation>`);
      await settled(el);
      shadow<HTMLInputElement>(el, '#email').focus();
      await sendKeys({ type: address });
      await sendKeys({ press: 'Enter' });
      await until(() => !!el.shadowRoot?.querySelector('[part="result"][role="status"]'), 'answer');
      texts.push(shadow(el, '[part="result"][role="status"]').textContent.replace(/\s+/g, ' '));
    }
    expect(texts[0]).to.equal(texts[1]);
  });

  it('says the account is already active when the link was used', async () => {
    serve(problem(422, 'token_used'));
    const el = await fixture<EbokActivation>(html`<ebok-activation token=${freshToken()}></ebok-activation>`);
    await settled(el);
    expect(words(el)).to.contain('Konto jest już aktywne').and.contain('już użyty');
    expect(shadow(el, '[part="login"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('offers to try again after a server error, and then activates', async () => {
    serve(problem(500, 'internal_error'), new Response(null, { status: 204 }));
    const el = await fixture<EbokActivation>(html`<ebok-activation token=${freshToken()} heading-level="3"></ebok-activation>`);
    await settled(el);
    expect(words(el)).to.contain('Nie udało się aktywować konta');
    expect(shadow(el, '[role="heading"]').getAttribute('aria-level')).to.equal('3');
    await expect(el).to.be.accessible();
    const retry = shadow<HTMLButtonElement>(el, '[part~="retry"]');
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => words(el).includes('Konto jest aktywne'), 'activated after retry');
    expect(api.calls('POST', '/auth/activate')).to.have.length(2);
  });

  it('shows progress while activating', async () => {
    serve();
    api.on('POST', '/auth/activate', 'hang');
    const el = await fixture<EbokActivation>(html`<ebok-activation token=${freshToken()}></ebok-activation>`);
    await until(() => api.calls('POST', '/auth/activate').length === 1, 'requested');
    expect(shadow(el, '[role="status"]').textContent).to.contain('aktywujemy konto');
    expect(shadow(el, '[part="base"]').getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('without a token, explains it and offers a new link', async () => {
    serve();
    const el = await fixture<EbokActivation>(html`<ebok-activation></ebok-activation>`);
    await settled(el);
    expect(words(el)).to.contain('brakuje kodu aktywacyjnego');
    expect(shadow(el, '#email')).to.exist;
    expect(api.calls('POST', '/auth/activate')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('with no API configured says so, and activates once one is there', async () => {
    const el = await fixture<EbokActivation>(html`<ebok-activation token=${freshToken()}></ebok-activation>`);
    await el.updateComplete;
    expect(words(el)).to.contain('chwilowo niedostępna');
    serve(new Response(null, { status: 204 }));
    el.requestUpdate();
    await until(() => words(el).includes('Konto jest aktywne'), 'activated');
    expect(api.calls('POST', '/auth/activate')).to.have.length(1);
  });

  it('against the mock API: a good token activates, an expired one offers a new link', async () => {
    useMockApi(BASE);
    const good = await fixture<EbokActivation>(html`<ebok-activation token=${freshToken()}></ebok-activation>`);
    await until(() => words(good).includes('Konto jest aktywne'), 'activated');
    const bogus = await fixture<EbokActivation>(html`<ebok-activation token=${DEMO.invalidToken}></ebok-activation>`);
    await until(() => words(bogus).includes('nieprawidłowy'), 'bogus');
    const expired = await fixture<EbokActivation>(html`<ebok-activation token=${DEMO.expiredToken}></ebok-activation>`);
    await until(() => words(expired).includes('wygasł'), 'expired');
    shadow<HTMLInputElement>(expired, '#email').focus();
    await sendKeys({ type: DEMO.email });
    await sendKeys({ press: 'Enter' });
    await until(() => words(expired).includes('Jeśli konto czeka na aktywację') && words(expired).includes('72 godziny'), 'neutral answer');
  });
});
