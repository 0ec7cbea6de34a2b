import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/login/ebok-login.js';
import type { EbokLogin } from '../../src/widgets/login/login.js';
import { configure } from '../../src/api/registry.js';
import { FakeApi, json, portalConfigOf, problem, sessionAt } from '../helpers/fake-api.js';
import { shadow, until } from '../helpers/dom.js';
import { resetPage } from '../helpers/page.js';
import { active, control, typeKeys, words } from '../helpers/harness.js';

// The login draws its credentials form from its own module and loads what it does (login.behaviour.ts) right
// after. This file runs in a page of its own, so the behaviour's code is fetched here for the first time.
const BEHAVIOUR = '*login.behaviour*';
const BASE = 'https://api.utility.test/api/v1';
const block = (urls: string[]) => executeServerCommand('ebok-block-urls', { urls });

function serve() {
  const api = new FakeApi()
    .on('GET', '/auth/session', problem(401, 'unauthenticated'))
    .on('GET', '/portal-config', json(200, portalConfigOf('energia')))
    .on('POST', '/auth/login', json(200, { status: 'signed_in', session: sessionAt() }));
  configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
  return api;
}

const offline = (el: EbokLogin) => !!el.shadowRoot?.querySelector('.status--offline');
const loginBodies = (api: FakeApi) => api.calls('POST', '/auth/login').map((call) => JSON.parse(call.body) as { identifier: string; password: string });

describe('<ebok-login> before its behaviour has arrived', () => {
  beforeEach(() => resetPage());
  afterEach(async () => {
    await block([]);
    resetPage();
  });

  it('keeps the form offline with what was typed, holds a double submit as one, and sends it once online in the same fields', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const api = serve().on('POST', '/auth/login', async () => (await gate, json(200, { status: 'signed_in', session: sessionAt() })));
    await block([BEHAVIOUR]);
    const el = await fixture<EbokLogin>(html`<ebok-login></ebok-login>`);
    await until(() => offline(el), 'the offline state');
    expect(shadow(el, '[part="heading"]').textContent).to.contain('Logowanie');
    expect(words(el)).to.contain('Brak połączenia z internetem');
    await expect(el).to.be.accessible();

    await typeKeys(el, 'identifier', 'energia@example.com');
    await typeKeys(el, 'password', 'Demo-Haslo-2026');
    shadow<HTMLButtonElement>(el, '[part="reveal"]').click();
    await until(() => control(el, 'password').type === 'text', 'the password shown');
    const identifier = control(el, 'identifier');
    const password = control(el, 'password');
    password.focus();
    // Enter twice in the password field: one login, held until the code is there.
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await until(() => offline(el), 'still offline after the submit');
    expect(identifier.value, 'what was typed stays').to.equal('energia@example.com');
    expect(password.value).to.equal('Demo-Haslo-2026');
    expect(api.calls('POST', '/auth/login'), 'nothing sent without the code that sends it').to.have.length(0);

    await block([]);
    window.dispatchEvent(new Event('online'));
    await until(() => api.calls('POST', '/auth/login').length > 0, 'the held login sent once online');
    await until(() => !offline(el), 'the working login');
    expect(control(el, 'identifier'), 'the same identifier field').to.equal(identifier);
    expect(control(el, 'password'), 'the same password field').to.equal(password);
    expect(active(el), 'focus where it was').to.equal(password);
    expect(password.type, 'the password still shown').to.equal('text');
    expect(shadow(el, '[part="submit"]').getAttribute('aria-disabled'), 'the button says it is sending').to.equal('true');
    release();
    await until(() => words(el).includes('Zalogowano jako'), 'signed in');
    expect(loginBodies(api), 'one login with what was typed').to.deep.equal([{ identifier: 'energia@example.com', password: 'Demo-Haslo-2026' }]);
    await expect(el).to.be.accessible();
  });
});
