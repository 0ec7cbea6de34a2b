import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/login/ebok-login.js';
import type { EbokLogin } from '../../src/widgets/login/login.js';
import type { EbokLoginSuccessEvent } from '../../src/core/events.js';
import { configure, getClient } from '../../src/api/registry.js';
import { FakeApi, json, portalConfigOf, problem, sessionAt } from '../helpers/fake-api.js';
import { shadow, until } from '../helpers/dom.js';
import { resetPage } from '../helpers/page.js';
import { active, fill, submit, words } from '../helpers/harness.js';

/** The login's step for new terms (seeds 002, 004): no session exists until the customer accepts them. */
const BASE = 'https://api.utility.test/api/v1';
const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
const termsRequired = () => ({
  status: 'terms_required',
  challengeId: 'trm_Vd3kQ8zLm2Xp7RtN4wYb',
  terms: { version: '2099-01', url: '/regulamin.html', publishedAt: new Date().toISOString(), summary: { pl: 'Nowe zasady e-faktur.', en: 'New e-invoice rules.' } },
  expiresAt: inSeconds(900),
});

describe('<ebok-login> new terms', () => {
  let api: FakeApi;

  beforeEach(() => {
    resetPage();
    api = new FakeApi()
      .on('GET', '/auth/session', problem(401, 'unauthenticated'))
      .on('GET', '/portal-config', json(200, portalConfigOf('energia')))
      .on('POST', '/auth/login', json(200, termsRequired()));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
  });
  afterEach(() => resetPage());

  async function toTerms(): Promise<EbokLogin> {
    const el = await fixture<EbokLogin>(html`<ebok-login></ebok-login>`);
    await until(() => !!el.shadowRoot?.querySelector('label[for="identifier"]'), 'the login form');
    void fill(el, 'identifier', 'energia@example.com', false);
    void fill(el, 'password', 'Demo-Haslo-2026', false);
    await el.updateComplete;
    submit(el);
    await until(() => !!el.shadowRoot?.querySelector('[part="terms-summary"]'), 'the terms step');
    await el.updateComplete;
    return el;
  }

  it('shows what changed, the document and "Akceptuję regulamin", focuses its heading, and is not signed in yet', async () => {
    const el = await toTerms();
    expect(words(el)).to.contain('Zmienił się regulamin eBOK').and.contain('(2099-01)').and.contain('Nowe zasady e-faktur.').and.contain('Nie teraz');
    expect(shadow<HTMLAnchorElement>(el, '[part="terms-link"]').href).to.match(/\/regulamin\.html$/);
    expect(shadow(el, '[part="submit"]').textContent).to.contain('Akceptuję regulamin');
    await until(() => active(el)?.getAttribute('part') === 'heading', 'focus on the heading');
    expect(getClient(BASE)!.session.signedIn).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('"Akceptuję regulamin" sends the challenge and the version shown, then signs in', async () => {
    const el = await toTerms();
    api.on('POST', '/auth/terms-acceptance', json(200, { status: 'signed_in', session: sessionAt() }));
    const success = oneEvent<EbokLoginSuccessEvent>(el, 'ebok-login-success');
    shadow<HTMLButtonElement>(el, '[part="submit"]').focus();
    await sendKeys({ press: 'Enter' });
    await success;
    const sent = api.calls('POST', '/auth/terms-acceptance');
    expect(sent).to.have.length(1);
    expect(JSON.parse(sent[0]!.body)).to.deep.equal({ challengeId: 'trm_Vd3kQ8zLm2Xp7RtN4wYb', version: '2099-01' });
    await until(() => words(el).includes('Zalogowano jako'), 'signed in');
  });

  it('"Nie teraz" goes back to the login with a note that the portal needs the acceptance', async () => {
    const el = await toTerms();
    shadow<HTMLButtonElement>(el, '[part="back"]').click();
    await until(() => !!el.shadowRoot?.querySelector('label[for="identifier"]'), 'the login form again');
    await el.updateComplete;
    expect(words(el)).to.contain('Aby korzystać z eBOK, trzeba zaakceptować nowy regulamin.');
    expect(api.calls('POST', '/auth/terms-acceptance')).to.have.length(0);
    await until(() => active(el)?.id === 'password', 'focus on the password');
    await expect(el).to.be.accessible();
  });

  it('an expired challenge, or terms changed meanwhile, ask to log in again; a network failure keeps the step with a retry', async () => {
    let el = await toTerms();
    api.on('POST', '/auth/terms-acceptance', problem(422, 'token_invalid_or_expired'));
    shadow<HTMLButtonElement>(el, '[part="submit"]').click();
    await until(() => words(el).includes('Czas na akceptację regulaminu minął'), 'expired');
    resetPage();
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
    el = await toTerms();
    api.on('POST', '/auth/terms-acceptance', problem(409, 'conflict'));
    shadow<HTMLButtonElement>(el, '[part="submit"]').click();
    await until(() => words(el).includes('Regulamin zmienił się w międzyczasie'), 'changed');
    resetPage();
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
    el = await toTerms();
    api.on('POST', '/auth/terms-acceptance', new TypeError('Failed to fetch'), json(200, { status: 'signed_in', session: sessionAt() }));
    shadow<HTMLButtonElement>(el, '[part="submit"]').click();
    await until(() => !!el.shadowRoot?.querySelector('[part="retry"]'), 'the retry');
    expect(words(el)).to.contain('Zmienił się regulamin eBOK');
    shadow<HTMLButtonElement>(el, '[part="retry"]').click();
    await until(() => words(el).includes('Zalogowano jako'), 'signed in after the retry');
  });

  it('after the two-step code the same step follows', async () => {
    api.on('POST', '/auth/login', json(200, { status: 'mfa_required', challengeId: 'mfa_7Qk2VfXw9LpA3nZr', channel: 'sms', maskedDestination: '+48 *** *** 567', expiresAt: inSeconds(300), resendAvailableAt: inSeconds(60) }));
    api.on('POST', '/auth/mfa/verify', json(200, termsRequired()));
    const el = await fixture<EbokLogin>(html`<ebok-login></ebok-login>`);
    await until(() => !!el.shadowRoot?.querySelector('label[for="identifier"]'), 'the login form');
    void fill(el, 'identifier', '2fa@example.com', false);
    void fill(el, 'password', 'Demo-Haslo-2026', false);
    await el.updateComplete;
    submit(el);
    await until(() => !!el.shadowRoot?.querySelector('#code'), 'the code step');
    void fill(el, 'code', '123456', false);
    await el.updateComplete;
    submit(el);
    await until(() => words(el).includes('Zmienił się regulamin eBOK'), 'the terms step after the code');
  });
});
