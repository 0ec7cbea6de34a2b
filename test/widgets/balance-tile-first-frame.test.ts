import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/balance-tile/ebok-balance-tile.js';
import type { EbokBalanceTile } from '../../src/widgets/balance-tile/balance-tile.js';
import { configure } from '../../src/api/registry.js';
import { FakeApi, json, balanceAt, portalConfigOf, sessionAt } from '../helpers/fake-api.js';
import { shadow, until } from '../helpers/dom.js';
import { resetPage } from '../helpers/page.js';
import { words } from '../helpers/harness.js';

// The tile draws its first frame from its own module and loads what it does (balance-tile.behaviour.ts)
// right after. This file runs in a page of its own, so the behaviour's code is fetched here for the first time.
const BEHAVIOUR = '*balance-tile.behaviour*';
const BASE = 'https://api.utility.test/api/v1';
const block = (urls: string[]) => executeServerCommand('ebok-block-urls', { urls });

function serve() {
  const api = new FakeApi()
    .on('GET', '/auth/session', json(200, sessionAt()))
    .on('GET', '/balance', json(200, balanceAt()))
    .on('GET', '/portal-config', json(200, portalConfigOf('energia')));
  configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
  return api;
}

describe('<ebok-balance-tile> before its behaviour has arrived', () => {
  beforeEach(() => resetPage());
  afterEach(async () => {
    await block([]);
    resetPage();
  });

  it('says it is offline when its code cannot be fetched, asks the API nothing, tries again, and loads once online', async () => {
    const api = serve();
    await block([BEHAVIOUR]);
    const el = await fixture<EbokBalanceTile>(html`<ebok-balance-tile></ebok-balance-tile>`);
    await until(() => !!el.shadowRoot?.querySelector('.status--offline'), 'the offline state');
    expect(shadow(el, '[part="heading"]').textContent).to.contain('Saldo');
    expect(words(el)).to.contain('Brak połączenia z internetem');
    expect(shadow(el, '[part="base"]').getAttribute('aria-busy'), 'not busy while it waits for the customer').to.equal('false');
    expect(api.calls('GET', '/balance'), 'no request without the code that reads it').to.have.length(0);
    await expect(el).to.be.accessible();

    // "Try again" from the keyboard while still offline: it tries (the placeholder, then the same state anew).
    const first = shadow(el, '.status--offline');
    shadow(el, '[part="retry"]').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!el.shadowRoot?.querySelector('.status--offline') && shadow(el, '.status--offline') !== first, 'offline again after "Try again"');

    // Back online: the tile loads by itself, as its message promised.
    await block([]);
    window.dispatchEvent(new Event('online'));
    await until(() => el.state === 'overdue', 'the balance once online');
    expect(shadow(el, '[part="amount"]').textContent).to.contain('245,67');
    expect(api.calls('GET', '/balance')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('keeps one heading from its first frame to the balance, so focus put there stays', async () => {
    serve();
    const el: EbokBalanceTile = document.createElement('ebok-balance-tile');
    document.body.append(el);
    await until(() => el.hasUpdated, 'the first frame');
    const heading = shadow(el, '[part="heading"]');
    expect(heading.textContent).to.contain('Saldo');
    expect(el.focusHeading()).to.equal(true);
    await until(() => el.state === 'overdue', 'the balance');
    expect(heading.isConnected, 'the same heading element').to.equal(true);
    expect(el.shadowRoot!.activeElement, 'focus on the heading').to.equal(heading);
    el.remove();
  });
});
