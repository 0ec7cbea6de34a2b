import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/portal/ebok-portal.js';
import type { EbokPortal } from '../../src/widgets/portal/portal.js';
import type { EbokRouteChangeEvent } from '../../src/widgets/portal/portal.events.js';
import type { EbokNavigateEvent } from '../../src/core/events.js';
import { configure } from '../../src/api/registry.js';
import { FakeApi, problem } from '../helpers/fake-api.js';
import { useMockApi } from '../helpers/mock-api.js';
import { shadow, until } from '../helpers/dom.js';
import { active, announcements, fill, words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';

const BASE = 'https://api.utility.test/api/v1';

describe('<ebok-portal>', () => {
  /** The test page's own address, put back after each test (path and hash routing write to it). */
  let address: string;
  let title: string;

  beforeEach(() => {
    resetPage();
    address = location.href;
    title = document.title;
  });
  afterEach(() => {
    resetPage();
    history.replaceState(history.state, '', address);
  });

  /** The section's heading: the portal's own, or that of the one widget that names the section (the dashboard). */
  const heading = (el: EbokPortal): HTMLElement | null => {
    const own = el.shadowRoot!.querySelector<HTMLElement>('[part="section-title"]');
    if (own) return own;
    const widget = [...(el.shadowRoot!.querySelector('[part="content"]')?.children ?? [])].find((child) => child.localName.startsWith('ebok-'));
    return widget?.shadowRoot?.querySelector<HTMLElement>('[part="heading"]') ?? null;
  };
  /** What has focus, followed into shadow roots. */
  const focused = (): Element | null => {
    let at: Element | null = document.activeElement;
    while (at?.shadowRoot?.activeElement) at = at.shadowRoot.activeElement;
    return at;
  };
  const headingText = (el: EbokPortal) => heading(el)?.textContent?.trim() ?? '';
  const link = (el: EbokPortal, text: string) =>
    [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="menu-link"]')].find((a) => a.textContent?.trim() === text)!;
  const current = (el: EbokPortal) => el.shadowRoot!.querySelector('[aria-current="page"]')?.textContent?.trim();

  async function portal(template = html`<ebok-portal routing="hash"></ebok-portal>`, first = 'Pulpit') {
    const el = await fixture<EbokPortal>(template);
    await until(() => headingText(el) === first, `the portal shows ${first}`, 8000);
    return el;
  }

  /** Follows a menu link with a real click; resolves with the section shown. */
  async function open(el: EbokPortal, text: string, expected = text): Promise<EbokRouteChangeEvent> {
    const changed: Promise<EbokRouteChangeEvent> = oneEvent(el, 'ebok-route-change');
    link(el, text).click();
    const event = await changed;
    await until(() => headingText(el) === expected, `${expected} shown`);
    return event;
  }

  describe('signed in', () => {
    beforeEach(() => useMockApi(BASE));

    it('opens on the dashboard with the session bar, a labelled navigation marking the current section, accessibly', async () => {
      const el = await portal();
      const nav = shadow(el, 'nav');
      expect(nav.getAttribute('aria-label')).to.equal('eBOK');
      expect([...el.shadowRoot!.querySelectorAll('[part="menu-link"]')].map((a) => a.textContent?.trim())).to.deep.equal([
        'Pulpit',
        'Finanse',
        'Odczyty',
        'Zużycie',
        'Zgłoszenia',
        'Wiadomości',
        'Moje dane',
        'Umowy i punkty',
        'Wyłączenia i awarie',
      ]);
      expect(current(el)).to.equal('Pulpit');
      expect(el.shadowRoot!.querySelector('ebok-session')).to.not.equal(null);
      expect(el.shadowRoot!.querySelector('ebok-dashboard')).to.not.equal(null);
      expect(el.shadowRoot!.querySelector('[part="section-title"]'), 'the dashboard names the section itself').to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('follows a menu link: address, section, aria-current, focus on the heading, an announcement, and the title offered by event only', async () => {
      const el = await portal();
      const navigate: Promise<EbokNavigateEvent> = oneEvent(el, 'ebok-navigate');
      const changed = open(el, 'Finanse');
      const event = await navigate;
      expect(event.cancelable).to.equal(true);
      expect(event.detail).to.deep.equal({ target: 'portal', href: '#/finanse', params: { route: 'finanse' } });
      expect((await changed).detail).to.deep.equal({ route: 'finanse', title: 'Finanse', found: true });
      expect(location.hash).to.equal('#/finanse');
      expect(current(el)).to.equal('Finanse');
      expect(el.route).to.equal('finanse');
      await until(() => focused() === heading(el), 'focus on the heading');
      expect(announcements(el).join(' ')).to.contain('Otwarto: Finanse');
      expect(document.title).to.equal(title);
      expect(el.shadowRoot!.querySelector('ebok-invoice-list')).to.not.equal(null);
    });

    it('loads a section\'s code only when it is first shown', async () => {
      const el = await portal();
      expect(customElements.get('ebok-consumption-chart')).to.equal(undefined);
      await open(el, 'Zużycie');
      expect(customElements.get('ebok-consumption-chart')).to.not.equal(undefined);
      expect(el.shadowRoot!.querySelector('ebok-consumption-chart')).to.not.equal(null);
    });

    it('lets a host cancel a navigation and route itself with goTo()', async () => {
      const el = await portal();
      el.addEventListener('ebok-navigate', (event) => event.preventDefault(), { once: true });
      link(el, 'Wiadomości').click();
      await el.updateComplete;
      expect(headingText(el)).to.equal('Pulpit');
      expect(location.hash).to.not.equal('#/wiadomosci');
      await el.goTo('wiadomosci');
      expect(headingText(el)).to.equal('Wiadomości');
      expect(location.hash).to.equal('#/wiadomosci');
    });

    it('leaves modified clicks (a new tab) to the browser', async () => {
      const el = await portal();
      const target = link(el, 'Odczyty');
      target.addEventListener('click', (event) => event.preventDefault(), { once: true });
      let navigated = false;
      el.addEventListener('ebok-navigate', () => (navigated = true));
      target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, ctrlKey: true }));
      await el.updateComplete;
      expect(navigated).to.equal(false);
      expect(headingText(el)).to.equal('Pulpit');
    });

    it('opens a deep link in the hash and follows the address on Back and Forward', async () => {
      history.replaceState(null, '', '#/zgloszenia');
      const el = await portal(html`<ebok-portal routing="hash"></ebok-portal>`, 'Zgłoszenia');
      expect(current(el)).to.equal('Zgłoszenia');
      // What the browser does on Back: the address changes, then popstate.
      history.replaceState(null, '', '#/moje-dane');
      window.dispatchEvent(new PopStateEvent('popstate'));
      await until(() => headingText(el) === 'Moje dane', 'the section of the address');
      expect(current(el)).to.equal('Moje dane');
      history.replaceState(null, '', '#/odczyty');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await until(() => headingText(el) === 'Odczyty', 'a typed hash');
    });

    it('leaves the host page\'s own links to the browser: no ebok-navigate, nothing prevented, the portal stays', async () => {
      const el = await portal();
      const link = document.createElement('a');
      link.href = '#/finanse';
      link.textContent = 'the host\'s link';
      document.body.append(link);
      let heard = false;
      el.addEventListener('ebok-navigate', () => (heard = true));
      const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
      // Followed or not, the default is the host's: the test prevents it only after everyone else had the event.
      document.addEventListener('click', (event) => {
        expect(event.defaultPrevented, 'nobody prevented the host\'s link').to.equal(false);
        event.preventDefault();
      }, { once: true });
      link.dispatchEvent(click);
      link.remove();
      await el.updateComplete;
      expect(heard).to.equal(false);
      expect(headingText(el)).to.equal('Pulpit');
    });

    it('leaves a plain anchor of the host page (#top) alone in hash mode', async () => {
      const el = await portal();
      await open(el, 'Finanse');
      history.replaceState(null, '', '#top');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await el.updateComplete;
      expect(headingText(el)).to.equal('Finanse');
    });

    it('routes by path under base-path, with a sub-page marking its parent section and a point opened from the address', async () => {
      const root = new URL('./portal-base/', location.href).pathname;
      history.replaceState(null, '', `${root}umowy?punkt=pt_nope`);
      const el = await portal(html`<ebok-portal base-path=${root}></ebok-portal>`, 'Umowy i punkty');
      expect(el.mode).to.equal('path');
      expect(el.shadowRoot!.querySelector('ebok-points')!.getAttribute('point-id')).to.equal('pt_nope');
      expect(link(el, 'Finanse').getAttribute('href')).to.equal(`${root}finanse`);
      await el.goTo('zgloszenia/nowe?kategoria=complaint');
      expect(location.pathname).to.equal(`${root}zgloszenia/nowe`);
      expect(location.search).to.equal('?kategoria=complaint');
      expect(headingText(el)).to.equal('Nowe zgłoszenie');
      expect(current(el)).to.equal('Zgłoszenia');
      expect(el.shadowRoot!.querySelector('ebok-ticket-form')!.getAttribute('category')).to.equal('complaint');
    });

    it('never touches the address in memory mode; route tells and sets where it is', async () => {
      const before = location.href;
      const el = await portal(html`<ebok-portal routing="memory" route="wiadomosci"></ebok-portal>`, 'Wiadomości');
      await open(el, 'Finanse');
      expect(location.href).to.equal(before);
      expect(el.getAttribute('route')).to.equal('finanse');
      el.route = 'odczyty';
      await until(() => headingText(el) === 'Odczyty', 'the route set by the host');
      expect(location.href).to.equal(before);
    });

    it('shows a friendly not-found for an unknown address, with a way to the dashboard', async () => {
      const el = await portal(html`<ebok-portal routing="memory" route="nie-ma-mnie"></ebok-portal>`, 'Nie ma takiej strony');
      expect(words(el)).to.contain('Pod tym adresem nie ma żadnej części eBOK');
      expect(current(el)).to.equal(undefined);
      await expect(el).to.be.accessible();
      const changed: Promise<EbokRouteChangeEvent> = oneEvent(el, 'ebok-route-change');
      shadow<HTMLAnchorElement>(el, '[part="home-link"]').click();
      expect((await changed).detail.route).to.equal('');
      await until(() => headingText(el) === 'Pulpit', 'the dashboard');
    });

    it('routes a widget\'s own link (a new ticket from the tickets) inside, firing one ebok-navigate of its own', async () => {
      resetPage();
      useMockApi(BASE, { scenario: 'empty' });
      const el = await portal(html`<ebok-portal routing="memory" route="zgloszenia"></ebok-portal>`, 'Zgłoszenia');
      const tickets = el.shadowRoot!.querySelector('ebok-tickets')!;
      await until(() => !!tickets.shadowRoot?.querySelector('[part="new-ticket"]'), 'the tickets list', 5000);
      const seen: EbokNavigateEvent[] = [];
      el.addEventListener('ebok-navigate', (event) => seen.push(event));
      tickets.shadowRoot!.querySelector<HTMLAnchorElement>('[part="new-ticket"]')!.click();
      await until(() => headingText(el) === 'Nowe zgłoszenie', 'the ticket form');
      expect(seen.map((event) => event.detail)).to.deep.equal([{ target: 'portal', href: '#/zgloszenia/nowe', params: { route: 'zgloszenia/nowe' } }]);
    });

    it('under 700 px puts the sections behind a menu button that opens, closes on Escape and after a choice', async () => {
      const el = await portal(html`<ebok-portal routing="memory"></ebok-portal>`);
      el.style.width = '420px';
      await el.updateComplete;
      const button = shadow<HTMLButtonElement>(el, '[part="menu-button"]');
      const menu = shadow(el, '[part="menu"]');
      expect(getComputedStyle(button).display).to.not.equal('none');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.getAttribute('aria-controls')).to.equal('menu');
      expect(getComputedStyle(menu).display).to.equal('none');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(getComputedStyle(menu).display).to.not.equal('none');
      link(el, 'Finanse').focus();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(active(el)).to.equal(button);
      button.click();
      await el.updateComplete;
      await open(el, 'Finanse');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      await expect(el).to.be.accessible();
    });

    it('on a wide block shows the navigation beside the content, without a menu button', async () => {
      const el = await portal(html`<ebok-portal routing="memory"></ebok-portal>`);
      el.style.width = '1000px';
      expect(getComputedStyle(shadow(el, '[part="menu-button"]')).display).to.equal('none');
      expect(getComputedStyle(shadow(el, '[part="menu"]')).display).to.not.equal('none');
    });

    it('offers a skip link as the first stop of the keyboard, which moves focus to the section heading', async () => {
      const before = document.createElement('button');
      before.textContent = 'before';
      document.body.prepend(before);
      try {
        const el = await portal(html`<ebok-portal routing="memory"></ebok-portal>`);
        before.focus();
        await sendKeys({ press: 'Tab' });
        const skip = shadow<HTMLAnchorElement>(el, '[part="skip-link"]');
        expect(active(el)).to.equal(skip);
        expect(skip.textContent?.trim()).to.equal('Przejdź do treści');
        await sendKeys({ press: 'Enter' });
        await until(() => focused() === heading(el), 'focus on the dashboard\'s heading');
        expect(location.hash).to.not.equal('#content');
      } finally {
        before.remove();
      }
    });

    it('speaks English with lang="en"', async () => {
      const el = await portal(html`<ebok-portal routing="memory" lang="en"></ebok-portal>`, 'Dashboard');
      expect(link(el, 'Finances')).to.not.equal(undefined);
      expect(shadow(el, '[part="skip-link"]').textContent?.trim()).to.equal('Skip to content');
    });

    it('asks the API once per resource for the whole dashboard', async () => {
      resetPage();
      const seen = useMockApi(BASE);
      const el = await portal(html`<ebok-portal routing="memory"></ebok-portal>`);
      const dashboard = el.shadowRoot!.querySelector('ebok-dashboard')!;
      await until(() => !dashboard.shadowRoot?.querySelector('.status--loading') && seen.length > 3, 'the dashboard settled', 8000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const gets = seen.filter((request) => request.method === 'GET').map((request) => new URL(request.url).pathname + new URL(request.url).search);
      const twice = gets.filter((path, index) => gets.indexOf(path) !== index);
      expect(twice, `asked twice: ${twice.join(', ')}`).to.deep.equal([]);
    });

    it('offers a new ticket above the list of tickets', async () => {
      const el = await portal(html`<ebok-portal routing="memory" route="zgloszenia"></ebok-portal>`, 'Zgłoszenia');
      shadow<HTMLAnchorElement>(el, '[part="section-link"]').click();
      await until(() => headingText(el) === 'Nowe zgłoszenie', 'the ticket form');
      expect(current(el)).to.equal('Zgłoszenia');
    });
  });

  describe('signed out', () => {
    it('shows the login in place of a deep link, then the section itself with focus on its heading', async () => {
      useMockApi(BASE, { scenario: 'signed-out' });
      const el = await portal(html`<ebok-portal routing="memory" route="finanse"></ebok-portal>`, 'Logowanie');
      expect(words(el)).to.contain('Zaloguj się, aby zobaczyć: Finanse.');
      expect(el.shadowRoot!.querySelector('[part="section-title"]'), 'one heading: the login\'s').to.equal(null);
      expect([...el.shadowRoot!.querySelectorAll('[part="menu-link"]')].map((a) => a.textContent?.trim())).to.deep.equal(['Logowanie', 'Wyłączenia i awarie']);
      await expect(el).to.be.accessible();
      const login = el.shadowRoot!.querySelector('ebok-login')!;
      await until(() => !!login.shadowRoot?.querySelector('#identifier'), 'the login form', 5000);
      await fill(login, 'identifier', 'energia@example.com', false);
      await fill(login, 'password', 'Demo-Haslo-2026', false);
      login.shadowRoot!.querySelector('form')!.requestSubmit();
      await until(() => headingText(el) === 'Finanse', 'the section asked for', 8000);
      await until(() => focused() === heading(el), 'focus on its heading');
      expect(el.route).to.equal('finanse');
    });

    it('shows the public planned works and failures without a login', async () => {
      useMockApi(BASE, { scenario: 'signed-out' });
      const el = await portal(html`<ebok-portal routing="memory" route="awarie"></ebok-portal>`, 'Wyłączenia i awarie');
      expect(el.shadowRoot!.querySelector('ebok-outages')).to.not.equal(null);
      expect(el.shadowRoot!.querySelector('ebok-login')).to.equal(null);
    });
  });

  describe('when the API fails', () => {
    it('says so with a way to try again when who is signed in cannot be learnt, and recovers', async () => {
      const api = new FakeApi().on('GET', '/auth/session', new TypeError('Failed to fetch'));
      configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
      const el = await fixture<EbokPortal>(html`<ebok-portal routing="memory"></ebok-portal>`);
      await until(() => !!el.shadowRoot?.querySelector('[part="retry"]'), 'an error with retry', 5000);
      expect(el.shadowRoot!.querySelector('[part="menu"]')).to.equal(null);
      await expect(el).to.be.accessible();
      resetPage();
      useMockApi(BASE);
      const again = await portal(html`<ebok-portal routing="memory"></ebok-portal>`);
      expect(headingText(again)).to.equal('Pulpit');
    });

    it('keeps the portal usable when a signed-in section answers with a server error', async () => {
      useMockApi(BASE, { answer: (request) => (new URL(request.url).pathname.endsWith('/messages') ? problem(500, 'internal_error') : undefined) });
      const el = await portal(html`<ebok-portal routing="memory" route="wiadomosci"></ebok-portal>`, 'Wiadomości');
      const messages = el.shadowRoot!.querySelector('ebok-messages')!;
      await until(() => !!messages.shadowRoot?.querySelector('[part~="error"]'), 'the section says it failed', 5000);
      await open(el, 'Finanse');
    });
  });
});
