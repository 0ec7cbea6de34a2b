import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/password-reset/ebok-password-reset.js';
import '../../src/widgets/activation/ebok-activation.js';
import { configure, getClient } from '../../src/api/registry.js';
import { localeReady } from '../../src/i18n/locale.js';
import { cleanups, expireLinks, outbox, referenceApiBase, resetThrottles } from '../helpers/reference-server.js';
import { until } from '../helpers/dom.js';
import { resetPage } from '../helpers/page.js';
import { polishIn } from '../helpers/polish.js';

/**
 * Reset and activation links from the reference server's outbox that can no longer be used (used, expired, made
 * up) say so as soon as their page opens, over real HTTP, before any password is asked for.
 */
describe('e-mailed links that cannot be used, with the reference server', function () {
  this.timeout(30000);

  const words = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const undo = cleanups();

  beforeEach(async () => {
    resetPage();
    configure({ apiBase: await referenceApiBase() });
    const client = getClient()!;
    await client.session.ready().catch(() => undefined);
    if (client.session.signedIn) await client.session.logout();
  });
  afterEach(async () => {
    history.replaceState(null, '', location.pathname);
    resetPage();
    document.documentElement.removeAttribute('lang');
    await localeReady();
    await undo.run();
  });

  /** A reset link e-mailed to `email` now. */
  async function resetLink(email: string): Promise<string> {
    const client = getClient()!;
    await client.post('/auth/password-reset', { params: { header: { 'Idempotency-Key': crypto.randomUUID() } }, body: { identifier: email } });
    const mail = (await outbox(email))[0]!;
    return new URL(mail.links[0]!).searchParams.get('token')!;
  }

  for (const lang of ['pl', 'en'] as const) {
    it(`an expired reset link says so when its page opens (${lang}), and a new link can be asked for at once`, async () => {
      undo.later(resetThrottles);
      const token = await resetLink('woda@example.com');
      await expireLinks('woda@example.com');
      history.replaceState(null, '', `${location.pathname}?token=${token}`);
      const el = await fixture(html`<ebok-password-reset lang=${lang}></ebok-password-reset>`);
      await localeReady();
      await until(() => (lang === 'pl' ? /wygasł/ : /expired/).test(words(el)), 'expired link said', 10000);
      expect(el.shadowRoot!.querySelector('input[type="password"]'), 'no password asked for').to.equal(null);
      expect(location.search).to.equal('');
      if (lang === 'en') expect(await polishIn(words(el))).to.deep.equal([]);
      await expect(el).to.be.accessible();
      await until(() => (el.shadowRoot?.activeElement as HTMLElement | null)?.id === 'identifier', 'focus on asking for a new link');
      await sendKeys({ type: 'woda@example.com' });
      await sendKeys({ press: 'Enter' });
      await until(() => !!el.shadowRoot?.querySelector('[part="result"]'), 'new link asked for', 10000);
      const fresh = new URL((await outbox('woda@example.com'))[0]!.links[0]!);
      expect(fresh.pathname, "the water company's own reset page").to.equal('/water-nowe-haslo.html');
      expect(fresh.searchParams.get('token')).to.not.equal(token);
    });

    it(`a made-up reset link says it is not valid (${lang}), without a password field`, async () => {
      const el = await fixture(html`<ebok-password-reset token="rst_0000000000000000000000000" lang=${lang}></ebok-password-reset>`);
      await localeReady();
      await until(() => (lang === 'pl' ? /nieprawidłowy/ : /not valid/).test(words(el)), 'bogus link said', 10000);
      expect(el.shadowRoot!.querySelector('input[type="password"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('a usable reset link opens the form for its account, and checking it spends nothing', async () => {
    undo.later(resetThrottles);
    const token = await resetLink('gaz@example.com');
    const el = await fixture(html`<ebok-password-reset token=${token}></ebok-password-reset>`);
    await until(() => el.shadowRoot?.querySelectorAll('input[type="password"]').length === 2, 'the form', 10000);
    expect(words(el)).to.match(/Konto: g\*+z@e\*+e\.com/);
    const again = await getClient()!.post('/auth/password-reset/check', { body: { token } });
    expect(Date.parse(again.expiresAt)).to.be.greaterThan(Date.now());
  });

  it('an activation link says at once when it expired, when it is made up, and when it was used', async () => {
    const client = getClient()!;
    const bogus = await fixture(html`<ebok-activation token="act_0000000000000000000000000"></ebok-activation>`);
    await until(() => /nieprawidłowy/.test(words(bogus)), 'bogus activation link', 10000);
    await expect(bogus).to.be.accessible();
    // The demo's not-yet-activated account asks for a link, which then runs out.
    undo.later(resetThrottles);
    await client.post('/auth/activation/resend', { params: { header: { 'Idempotency-Key': crypto.randomUUID() } }, body: { identifier: 'nieaktywne@example.com' } });
    const mail = (await outbox('nieaktywne@example.com'))[0];
    if (!mail) return; // not seeded on this server
    const token = new URL(mail.links[0]!).searchParams.get('token')!;
    await expireLinks('nieaktywne@example.com');
    const expired = await fixture(html`<ebok-activation token=${token}></ebok-activation>`);
    await until(() => /wygasł/.test(words(expired)), 'expired activation link', 10000);
    expect(expired.shadowRoot!.querySelector('#email'), 'a new link can be asked for').to.exist;
    await expect(expired).to.be.accessible();
    // A new link, used (here by the API), then opened again: the account is active, go and log in.
    await client.post('/auth/activation/resend', { params: { header: { 'Idempotency-Key': crypto.randomUUID() } }, body: { identifier: 'nieaktywne@example.com' } });
    const used = new URL((await outbox('nieaktywne@example.com'))[0]!.links[0]!).searchParams.get('token')!;
    expect(used).to.not.equal(token);
    await client.post('/auth/activate', { params: { header: { 'Idempotency-Key': crypto.randomUUID() } }, body: { token: used } });
    const reopened = await fixture(html`<ebok-activation token=${used} login-href="/logowanie"></ebok-activation>`);
    await until(() => /już aktywne/.test(words(reopened)), 'a used activation link', 10000);
    expect(reopened.shadowRoot!.querySelector('[part="login"]')).to.exist;
    await expect(reopened).to.be.accessible();
  });
});
