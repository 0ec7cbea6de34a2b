import { expect, fixture, html } from '@open-wc/testing';
import '../helpers/balance-probe.js';
import '../../src/widgets/provider/ebok-provider.js';
import type { BalanceProbe } from '../helpers/balance-probe.js';
import { configure, getClient } from '../../src/api/registry.js';
import { FakeApi, json, problem, balanceAt, sessionAt } from '../helpers/fake-api.js';
import { shadow, until } from '../helpers/dom.js';
import { resetPage } from '../helpers/page.js';

const PAGE_BASE = 'https://page.utility.test/api/v1';
const PROVIDER_BASE = 'https://provider.utility.test/api/v1';
const OWN_BASE = 'https://own.utility.test/api/v1';

const text = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('widgets and the API (EbokApiElement, ApiTask, provider, registry)', () => {
  let api: FakeApi;
  let meta: HTMLMetaElement | undefined;

  beforeEach(() => {
    resetPage();
    api = new FakeApi()
      .on('GET', '/auth/session', json(200, sessionAt()))
      .on('GET', '/balance', json(200, balanceAt()))
      .on('GET', '/portal-config', problem(404, 'not_found'));
    configure({ fetch: api.fetch, retry: { retries: 0 } });
  });
  afterEach(() => {
    meta?.remove();
    meta = undefined;
    resetPage();
  });

  function pageMeta(content: string) {
    meta = document.createElement('meta');
    meta.name = 'ebok-api-base';
    meta.content = content;
    document.head.append(meta);
  }

  it('two widgets in separate blocks make one request per resource, and both show it', async () => {
    pageMeta(PAGE_BASE);
    const page = await fixture(html`<main>
      <section><ebok-balance-probe id="a"></ebok-balance-probe></section>
      <aside><ebok-balance-probe id="b"></ebok-balance-probe></aside>
    </main>`);
    const [a, b] = [page.querySelector<BalanceProbe>('#a')!, page.querySelector<BalanceProbe>('#b')!];
    await until(() => !!a.shadowRoot?.querySelector('.amount') && !!b.shadowRoot?.querySelector('.amount'), 'both show the balance');
    expect(api.calls('GET', '/balance')).to.have.length(1);
    expect(api.calls('GET', '/auth/session')).to.have.length(1);
    expect(shadow(a, '.amount').textContent).to.equal(shadow(b, '.amount').textContent);
    await expect(a).to.be.accessible();
  });

  it("takes the widget's own api-base over the provider's, and the provider's over the page's", async () => {
    pageMeta(PAGE_BASE);
    const page = await fixture(html`<div>
      <ebok-balance-probe id="page"></ebok-balance-probe>
      <ebok-provider api-base=${PROVIDER_BASE}>
        <ebok-balance-probe id="provided"></ebok-balance-probe>
        <ebok-balance-probe id="own" api-base=${OWN_BASE}></ebok-balance-probe>
      </ebok-provider>
    </div>`);
    const base = (id: string) => page.querySelector<BalanceProbe>(`#${id}`)!.client?.apiBase;
    expect(base('page')).to.equal(PAGE_BASE);
    expect(base('provided')).to.equal(PROVIDER_BASE);
    expect(base('own')).to.equal(OWN_BASE);
    await until(() => api.calls('GET', '/balance').length === 3, 'each base asked once');
    expect(new Set(api.calls('GET', '/balance').map((s) => new URL(s.url).host))).to.deep.equal(
      new Set(['page.utility.test', 'provider.utility.test', 'own.utility.test']),
    );
  });

  it('uses configure({ apiBase }) when the page sets no meta tag', async () => {
    configure({ apiBase: PAGE_BASE });
    const el = await fixture<BalanceProbe>(html`<ebok-balance-probe></ebok-balance-probe>`);
    expect(el.client?.apiBase).to.equal(PAGE_BASE);
  });

  it('says so, instead of failing, when no API base is configured anywhere', async () => {
    const el = await fixture<BalanceProbe>(html`<ebok-balance-probe></ebok-balance-probe>`);
    await until(() => !!el.shadowRoot?.querySelector('.no-api'), 'no-api state');
    expect(api.seen).to.have.length(0);
  });

  it('aborts its request when the widget leaves the page', async () => {
    pageMeta(PAGE_BASE);
    resetPage();
    const hanging = new FakeApi().on('GET', '/auth/session', json(200, sessionAt())).on('GET', '/balance', 'hang');
    configure({ fetch: hanging.fetch, retry: { retries: 0 } });
    const el = await fixture<BalanceProbe>(html`<ebok-balance-probe></ebok-balance-probe>`);
    await until(() => hanging.calls("GET", "/balance").length === 1, `balance requested (${text(el)}; ${hanging.seen.map((x) => x.path).join()}; ${el.data.status} ${String(el.data.error)} ${el.client?.session.state.status} ${hanging.seen.map((x) => x.url).join()})`);
    el.remove();
    await until(() => hanging.calls('GET', '/balance')[0]!.signal.aborted, 'request aborted');
  });

  it('does not ask for personal data while signed out, and loads it when the customer signs in', async () => {
    pageMeta(PAGE_BASE);
    resetPage();
    const signedOut = new FakeApi().on('GET', '/auth/session', problem(401, 'unauthenticated')).on('GET', '/balance', json(200, balanceAt()));
    configure({ fetch: signedOut.fetch, retry: { retries: 0 } });
    const el = await fixture<BalanceProbe>(html`<ebok-balance-probe></ebok-balance-probe>`);
    await until(() => !!el.shadowRoot?.querySelector('.signed-out'), 'signed-out state');
    expect(signedOut.calls('GET', '/balance')).to.have.length(0);
    getClient()!.signedIn(sessionAt());
    await until(() => !!el.shadowRoot?.querySelector('.amount'), 'balance after login');
    expect(signedOut.calls('GET', '/balance')).to.have.length(1);
  });

  it("loads again when another customer signs in without a logout seen here, never showing the first one's data", async () => {
    pageMeta(PAGE_BASE);
    resetPage();
    const other = { ...balanceAt(), balance: { amount: '12.00', currency: 'PLN' } };
    const api = new FakeApi().on('GET', '/auth/session', json(200, sessionAt())).on('GET', '/balance', json(200, balanceAt()), json(200, other));
    configure({ fetch: api.fetch, retry: { retries: 0 } });
    const el = await fixture<BalanceProbe>(html`<ebok-balance-probe></ebok-balance-probe>`);
    await until(() => text(el).includes('245,67'), "the first customer's balance");
    const second = sessionAt();
    getClient()!.signedIn({ ...second, user: { ...second.user, id: 'u2', displayName: 'Anna Nowak' } });
    await until(() => text(el).includes('12,00'), "the second customer's balance");
    expect(api.calls('GET', '/balance')).to.have.length(2);
  });

  it('shows an error with a retry button that loads again', async () => {
    pageMeta(PAGE_BASE);
    resetPage();
    const flaky = new FakeApi().on('GET', '/auth/session', json(200, sessionAt())).on('GET', '/balance', problem(500, 'internal_error'), json(200, balanceAt()));
    configure({ fetch: flaky.fetch, retry: { retries: 0 } });
    const el = await fixture<BalanceProbe>(html`<ebok-balance-probe></ebok-balance-probe>`);
    await until(() => !!el.shadowRoot?.querySelector('[part~="retry"]'), 'error state');
    await expect(el).to.be.accessible();
    shadow<HTMLButtonElement>(el, '[part~="retry"]').click();
    await until(() => !!el.shadowRoot?.querySelector('.amount'), 'balance after retry');
  });

  it('turns every widget of the API base to signed out when one request meets a 401', async () => {
    pageMeta(PAGE_BASE);
    resetPage();
    const expiring = new FakeApi().on('GET', '/auth/session', json(200, sessionAt())).on('GET', '/balance', json(200, balanceAt()), problem(401, 'session_expired'));
    configure({ fetch: expiring.fetch, retry: { retries: 0 } });
    const page = await fixture(html`<div><ebok-balance-probe id="a"></ebok-balance-probe><ebok-balance-probe id="b"></ebok-balance-probe></div>`);
    const [a, b] = [page.querySelector<BalanceProbe>('#a')!, page.querySelector<BalanceProbe>('#b')!];
    await until(() => !!a.shadowRoot?.querySelector('.amount'), 'balance');
    getClient()!.invalidate(['balance']);
    a.data.retry();
    await until(() => text(a).includes('signed out') && text(b).includes('signed out'), 'both signed out');
  });
});
