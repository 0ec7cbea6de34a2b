import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/balance-tile/ebok-balance-tile.js';
import type { EbokBalanceTile } from '../../src/widgets/balance-tile/balance-tile.js';
import { configure } from '../../src/api/registry.js';
import { FakeApi, json, balanceAt, portalConfigOf, sessionAt } from '../helpers/fake-api.js';
import { shadow, until } from '../helpers/dom.js';
import { resetPage } from '../helpers/page.js';
import { words } from '../helpers/harness.js';
import { addDays, warsawDate } from '../../src/i18n/calendar.js';

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

  /**
   * A tile on a signed-in page with a line of text under it: how far that line moves when the balance (due, not
   * overdue, paid in one) replaces the placeholder.
   */
  async function shiftUnderTile(placeholder: 'login' | 'balance', compact = false): Promise<number> {
    const balance = balanceAt();
    const due = {
      ...balance,
      overdue: { ...balance.overdue, amount: '0.00' },
      overdueCount: 0,
      oldestDueDate: null,
      nextPayment: { amount: balance.balance, dueDate: addDays(warsawDate(new Date()), 10) },
    };
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    serve().on('GET', '/balance', () => answered.then(() => json(200, due)));
    const page = await fixture<HTMLElement>(html`<div>
      <ebok-balance-tile placeholder=${placeholder} ?compact=${compact} href="/saldo"></ebok-balance-tile>
      <p id="below">Under the tile</p>
    </div>`);
    page.style.inlineSize = '40em';
    const el = page.querySelector<EbokBalanceTile>('ebok-balance-tile')!;
    await until(() => !!el.shadowRoot?.querySelector('.skeleton'), 'the placeholder');
    const before = page.querySelector('#below')!.getBoundingClientRect().top;
    answer();
    await until(() => el.state === 'due', 'the balance');
    expect(shadow(el, '[part="details"]').textContent).to.contain('Do zapłaty');
    return Math.abs(page.querySelector('#below')!.getBoundingClientRect().top - before);
  }

  it('with placeholder="balance", nothing under the tile moves when the balance arrives (as the dashboard shows it)', async () => {
    expect(await shiftUnderTile('balance'), 'px the line under the tile moved').to.be.at.most(2);
    expect(await shiftUnderTile('balance', true), 'px the line under a compact tile moved').to.be.at.most(2);
  });

  it('with the default placeholder, the shape of the "log in" prompt, a balance arriving does move what is under it', async () => {
    // The contrast that makes the test above mean something: the prompt's shape is not a balance's.
    expect(await shiftUnderTile('login'), 'px the line under the tile moved').to.be.above(20);
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
