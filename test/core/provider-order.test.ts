import { expect, fixture, html } from '@open-wc/testing';
// Only the tile: the provider's code arrives later, as on a CDN page or in an app that imports it last.
import '../../src/widgets/balance-tile/ebok-balance-tile.js';
import type { EbokBalanceTile } from '../../src/widgets/balance-tile/balance-tile.js';
import { configure } from '../../src/api/registry.js';
import { FakeApi, balanceAt, json, portalConfigOf, sessionAt } from '../helpers/fake-api.js';
import { until } from '../helpers/dom.js';
import { words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';

/**
 * `<ebok-provider api-base>` wins whatever order the code loads and upgrades in, with or without a page
 * default, and a widget moved elsewhere follows its new place. The first test must run first: it defines
 * the provider, late, in this page.
 */
const PROVIDER_A = 'https://a.utility.test/api/v1';
const PROVIDER_B = 'https://b.utility.test/api/v1';
const PAGE = 'https://page.utility.test/api/v1';

describe('providers reach their widgets in any order', () => {
  let api: FakeApi;
  let meta: HTMLMetaElement | undefined;
  const hosts = () => api.seen.map((seen) => new URL(seen.url).host);

  beforeEach(() => {
    resetPage();
    api = new FakeApi().on('GET', '/auth/session', json(200, sessionAt())).on('GET', '/balance', json(200, balanceAt())).on('GET', '/portal-config', json(200, portalConfigOf()));
    configure({ fetch: api.fetch, retry: { retries: 0 } });
  });
  afterEach(() => {
    resetPage();
    meta?.remove();
    meta = undefined;
  });

  it('a tile upgraded before its provider waits for it, asks nothing of the page default, then uses the provider', async () => {
    expect(customElements.get('ebok-provider'), 'the provider is not defined yet').to.equal(undefined);
    meta = Object.assign(document.createElement('meta'), { name: 'ebok-api-base', content: PAGE });
    document.head.append(meta);
    const page = await fixture(html`<ebok-provider api-base=${PROVIDER_A}><ebok-balance-tile></ebok-balance-tile></ebok-provider>`);
    const tile = page.querySelector<EbokBalanceTile>('ebok-balance-tile')!;
    await tile.updateComplete;
    expect(words(tile), 'loading, not "unavailable"').to.contain('Wczytywanie');
    expect(words(tile)).not.to.contain('niedostępne');
    expect(api.seen, 'nothing asked of the page default meanwhile').to.have.length(0);
    await import('../../src/widgets/provider/ebok-provider.js');
    await until(() => tile.state === 'overdue', 'the balance from the provider');
    expect(new Set(hosts()), 'every request went to the provider').to.deep.equal(new Set(['a.utility.test']));
  });

  it('a provider with no API base and no page default: the widget says the service is unavailable (not loading forever)', async () => {
    const page = await fixture(html`<ebok-provider><ebok-balance-tile></ebok-balance-tile></ebok-provider>`);
    const tile = page.querySelector<EbokBalanceTile>('ebok-balance-tile')!;
    await until(() => words(tile).includes('niedostępne'), 'no API');
    expect(api.seen).to.have.length(0);
  });

  it('a tile moved from one provider to another, then out of both, follows each new place', async () => {
    configure({ apiBase: PAGE });
    const page = await fixture(html`<div>
      <ebok-provider id="a" api-base=${PROVIDER_A}><ebok-balance-tile></ebok-balance-tile></ebok-provider>
      <ebok-provider id="b" api-base=${PROVIDER_B}></ebok-provider>
      <section id="plain"></section>
    </div>`);
    const tile = page.querySelector<EbokBalanceTile>('ebok-balance-tile')!;
    await until(() => tile.state === 'overdue', 'balance from A');
    expect(tile.client?.apiBase).to.equal(PROVIDER_A);

    page.querySelector('#b')!.append(tile);
    await until(() => tile.client?.apiBase === PROVIDER_B && api.seen.some((s) => s.url.startsWith(`${PROVIDER_B}/balance`)), 'balance from B');

    page.querySelector('#plain')!.append(tile);
    await until(() => tile.client?.apiBase === PAGE && api.seen.some((s) => s.url.startsWith(`${PAGE}/balance`)), 'balance from the page default');
    await until(() => tile.state === 'overdue', 'shown');
  });

  it("a provider's api-base set after its widgets rendered moves them to it", async () => {
    configure({ apiBase: PAGE });
    const page = await fixture(html`<ebok-provider><ebok-balance-tile></ebok-balance-tile></ebok-provider>`);
    const tile = page.querySelector<EbokBalanceTile>('ebok-balance-tile')!;
    await until(() => tile.state === 'overdue', 'balance from the page default');
    page.setAttribute('api-base', PROVIDER_B);
    await until(() => tile.client?.apiBase === PROVIDER_B && api.seen.some((s) => s.url.startsWith(`${PROVIDER_B}/balance`)), 'balance from the provider');
  });
});
