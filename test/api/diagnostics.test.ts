import { expect, fixture, html } from '@open-wc/testing';
import { spy, useFakeTimers, type SinonSpy } from 'sinon';
// No provider here: one test needs <ebok-provider> undefined.
import '../../src/widgets/balance-tile/ebok-balance-tile.js';
import '../../src/widgets/login/ebok-login.js';
import type { EbokBalanceTile } from '../../src/widgets/balance-tile/balance-tile.js';
import type { EbokErrorEvent } from '../../src/core/events.js';
import { configure } from '../../src/api/registry.js';
import { resetDiagnostics, siteOf } from '../../src/api/diagnostics.js';
import { FakeApi, json, portalConfigOf, problem, sessionAt } from '../helpers/fake-api.js';
import { until } from '../helpers/dom.js';
import { fill, submit, words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';

/** What the page's developer is told when the widgets are set up wrong: one warning per cause, an ebok-error with its code. */
describe('diagnostics for the integrator', () => {
  let warn: SinonSpy;
  let codes: string[];
  const record = (event: Event) => codes.push((event as EbokErrorEvent).detail.code);
  const warnings = (code: string) => warn.getCalls().filter((call) => String(call.args[0]).includes(`(${code})`));

  beforeEach(() => {
    resetPage();
    resetDiagnostics();
    codes = [];
    document.addEventListener('ebok-error', record);
    warn = spy(console, 'warn');
  });
  afterEach(() => {
    warn.restore();
    document.removeEventListener('ebok-error', record);
    resetPage();
  });

  it('no API base anywhere: the customer reads "unavailable", the developer how to give one, once for the page', async () => {
    const page = await fixture(html`<div><ebok-balance-tile></ebok-balance-tile><ebok-balance-tile></ebok-balance-tile></div>`);
    const tile = page.querySelector<EbokBalanceTile>('ebok-balance-tile')!;
    await until(() => words(tile).includes('niedostępne'), 'the calm message');
    expect(warnings('no_api_base')).to.have.length(1);
    expect(String(warnings('no_api_base')[0]!.args[0])).to.contain('api-base').and.contain('ebok-provider').and.contain('configure').and.contain('meta');
    expect(codes).to.include('no_api_base');
  });

  it('a widget inside an <ebok-provider> that never loads says which import is missing', async () => {
    configure({ apiBase: 'https://api.utility.test/api/v1', fetch: new FakeApi().fetch });
    const clock = useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const page = await fixture(html`<ebok-provider api-base="https://a.utility.test/api/v1"><ebok-balance-tile></ebok-balance-tile></ebok-provider>`);
      await page.querySelector<EbokBalanceTile>('ebok-balance-tile')!.updateComplete;
      clock.tick(5000);
    } finally {
      clock.restore();
    }
    expect(warnings('provider_not_defined')).to.have.length(1);
    expect(String(warnings('provider_not_defined')[0]!.args[0])).to.contain("import 'ebok-widgets/ebok-provider.js'");
  });

  it('an API that cannot be reached while online names the origin CORS must allow', async () => {
    configure({ apiBase: 'https://ebok-api.utility.test/api/v1', fetch: () => Promise.reject(new TypeError('Failed to fetch')), retry: { retries: 0 } });
    const tile = await fixture<EbokBalanceTile>(html`<ebok-balance-tile></ebok-balance-tile>`);
    await until(() => warnings('api_unreachable').length === 1, 'the diagnosis');
    expect(String(warnings('api_unreachable')[0]!.args[0])).to.contain(location.origin).and.contain('Access-Control-Allow-Credentials');
    expect(codes).to.include('api_unreachable');
    await until(() => !!tile.shadowRoot?.querySelector('[role="alert"]'), 'the customer sees an error with a retry');
  });

  it('an answer that is not the contract is an error state for the customer and a diagnosis for the developer', async () => {
    const api = new FakeApi().on('GET', '/auth/session', json(200, sessionAt())).on('GET', '/balance', new Response('<html>Maintenance</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    configure({ apiBase: 'https://api.utility.test/api/v1', fetch: api.fetch, retry: { retries: 0 } });
    const tile = await fixture<EbokBalanceTile>(html`<ebok-balance-tile></ebok-balance-tile>`);
    await until(() => words(tile).includes('nieoczekiwany'), 'the error state');
    expect(warnings('malformed_response')).to.have.length(1);
    expect(String(warnings('malformed_response')[0]!.args[0])).to.contain('GET /balance');
  });

  it('a login whose session cookie the browser does not keep (an API on another site) is explained to both', async () => {
    const base = 'https://ebok-api.another-site.test/api/v1';
    const api = new FakeApi()
      .on('GET', '/auth/session', problem(401, 'unauthenticated'))
      .on('GET', '/portal-config', json(200, portalConfigOf()))
      .on('POST', '/auth/login', json(200, { status: 'signed_in', session: sessionAt() }))
      .on('GET', '/balance', problem(401, 'session_expired'));
    configure({ apiBase: base, fetch: api.fetch, retry: { retries: 0 } });
    const page = await fixture(html`<div><ebok-login></ebok-login><ebok-balance-tile></ebok-balance-tile></div>`);
    const login = page.querySelector('ebok-login')!;
    await until(() => !!login.shadowRoot?.querySelector('#identifier'), 'the form');
    await fill(login, 'identifier', 'energia@example.com');
    await fill(login, 'password', 'Demo-Haslo-2026');
    submit(login);
    await until(() => warnings('session_cookie_blocked').length === 1, 'the diagnosis');
    const message = String(warnings('session_cookie_blocked')[0]!.args[0]);
    expect(message).to.contain('another site').and.contain('getToken');
    await until(() => words(login).includes('Logowanie się nie utrzymało'), 'the customer is told, not bounced back in silence');
    expect(siteOf('ebok.example-utility.pl')).to.equal(siteOf('www.example-utility.pl'));
    expect(siteOf('ebok.utility.com.pl')).to.equal('utility.com.pl');
  });
});
