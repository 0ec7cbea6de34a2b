import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/consents/ebok-consents.js';
import '../../src/widgets/login/ebok-login.js';
import type { EbokConsents } from '../../src/widgets/consents/consents.js';
import type { EbokLogin } from '../../src/widgets/login/login.js';
import { configure, getClient } from '../../src/api/registry.js';
import { DEMO_PASSWORD, cleanups, referenceApiBase, signInAs } from '../helpers/reference-server.js';
import { until } from '../helpers/dom.js';
import { resetPage } from '../helpers/page.js';

/** `<ebok-consents>` and the login's new-terms step against the reference server. */
describe('consents and new terms with the reference server', function () {
  this.timeout(30000);
  const words = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const undo = cleanups();
  const hook = async (method: 'POST' | 'DELETE', body?: unknown) => {
    const origin = new URL(await referenceApiBase()).origin;
    const answer = await fetch(`${origin}/api/test/terms-version?utility=energy`, { method, ...(body ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : {}) });
    if (!answer.ok) throw new Error(`the terms hook answered ${answer.status}`);
  };

  beforeEach(() => resetPage());
  afterEach(async () => {
    resetPage();
    await undo.run();
  });

  it('energia withdraws offers by e-mail: only that consent changes and the day withdrawn shows; giving it back works the same way', async () => {
    const client = await signInAs('energia@example.com');
    undo.later(async () => {
      const c = await signInAs('energia@example.com');
      await c.put('/customer/consents', { params: { header: { 'Idempotency-Key': `undo-${Date.now()}` } }, body: { marketing: [{ id: 'email', given: true }] } });
    });
    expect(client.session.signedIn).to.equal(true);
    const el = await fixture<EbokConsents>(html`<ebok-consents></ebok-consents>`);
    await until(() => !!el.shadowRoot?.querySelector('#marketing-email'), 'the consents', 10000);
    const email = el.shadowRoot!.querySelector<HTMLInputElement>('#marketing-email')!;
    expect(email.checked).to.equal(true);
    email.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    await until(() => words(el).includes('Zapisano zgody.'), 'saved', 10000);
    const today = new Intl.DateTimeFormat('pl-PL', { timeZone: 'Europe/Warsaw', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
    expect(words(el)).to.contain(`Zgoda wycofana ${today}.`);
    const stored = (await getClient()!.get('/customer/consents', {})) as { marketing: { id: string; given: boolean }[] };
    expect(stored.marketing.map((m) => [m.id, m.given])).to.deep.equal([['email', false], ['phone', false], ['profiling', false]]);
  });

  it('after new terms are published, energia’s next login asks to accept them, then signs in; the consents show the new version', async () => {
    const version = `test-${Date.now()}`;
    await hook('POST', { version, summary: 'Nowe zasady testowe.' });
    undo.later(() => hook('DELETE'));
    configure({ apiBase: await referenceApiBase() });
    const client = getClient()!;
    await client.session.ready().catch(() => undefined);
    if (client.session.signedIn) await client.session.logout();
    const login = await fixture<EbokLogin>(html`<ebok-login></ebok-login>`);
    await until(() => !!login.shadowRoot?.querySelector('input[autocomplete="username"]'), 'login form', 10000);
    login.shadowRoot!.querySelector<HTMLInputElement>('input[autocomplete="username"]')!.focus();
    await sendKeys({ type: 'energia@example.com' });
    login.shadowRoot!.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!.focus();
    await sendKeys({ type: DEMO_PASSWORD });
    await sendKeys({ press: 'Enter' });
    await until(() => words(login).includes('Zmienił się regulamin eBOK'), 'the terms step', 10000);
    expect(words(login)).to.contain(version).and.contain('Nowe zasady testowe.');
    expect(client.session.signedIn, 'no session before the acceptance').to.equal(false);
    const success = new Promise((resolve) => login.addEventListener('ebok-login-success', resolve, { once: true }));
    login.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    await success;
    expect(client.session.signedIn).to.equal(true);
    const consents = (await client.get('/customer/consents', {})) as { terms: { version: string } };
    expect(consents.terms.version).to.equal(version);
  });
});
