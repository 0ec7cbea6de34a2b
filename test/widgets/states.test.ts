import { expect, fixture } from '@open-wc/testing';
import { html, unsafeStatic } from 'lit/static-html.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/all.js';
import { configure } from '../../src/api/registry.js';
import { FakeApi, json, problem, sessionAt } from '../helpers/fake-api.js';
import { until } from '../helpers/dom.js';
import { localeReady } from '../../src/i18n/locale.js';
import { resetPage } from '../helpers/page.js';
import { polishIn } from '../helpers/polish.js';

/**
 * The states every widget must have, checked the same way for each: offline (the device has no
 * connection), a server error, and both in English, where no Polish text may be left.
 */
const BASE = 'https://api.utility.test/api/v1';
/** What the customer does before the state can show (the login form works without the portal config). */
async function logIn(el: Element) {
  await until(() => !!el.shadowRoot?.querySelector('input[autocomplete="username"]'), 'login form');
  el.shadowRoot!.querySelector<HTMLInputElement>('input[autocomplete="username"]')!.focus();
  await sendKeys({ type: 'energia@example.com' });
  el.shadowRoot!.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!.focus();
  await sendKeys({ type: 'Demo-Haslo-2026' });
  await sendKeys({ press: 'Enter' });
}

const WIDGETS: {
  tag: string;
  attrs: string;
  act?: (el: Element) => Promise<void>;
  /** Its own error state is about the session check itself (the portal: the sections wait for it). */
  sessionFails?: boolean;
}[] = [
  { tag: 'ebok-balance-tile', attrs: '' },
  { tag: 'ebok-invoice-list', attrs: '' },
  { tag: 'ebok-payment-history', attrs: '' },
  { tag: 'ebok-meter-reading', attrs: '' },
  { tag: 'ebok-consumption-chart', attrs: '' },
  { tag: 'ebok-ticket-form', attrs: '' },
  { tag: 'ebok-tickets', attrs: '' },
  { tag: 'ebok-messages', attrs: '' },
  { tag: 'ebok-outages', attrs: '' },
  { tag: 'ebok-notification-settings', attrs: '' },
  { tag: 'ebok-tariff-change', attrs: 'point-id="pt_e_0001"' },
  { tag: 'ebok-profile', attrs: '' },
  { tag: 'ebok-account-removal', attrs: '' },
  { tag: 'ebok-consents', attrs: '' },
  { tag: 'ebok-points', attrs: '' },
  { tag: 'ebok-contracts', attrs: '' },
  { tag: 'ebok-dashboard', attrs: '' },
  { tag: 'ebok-portal', attrs: 'routing="memory"', sessionFails: true },
  { tag: 'ebok-login', attrs: '', act: logIn },
  { tag: 'ebok-register', attrs: '' },
  { tag: 'ebok-password-reset', attrs: '' },
  { tag: 'ebok-login-reminder', attrs: '' },
  { tag: 'ebok-activation', attrs: 'token="t0k3n-from-the-link-0123456789"' },
];
const words = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Where the widget finds its API: the page's default, or an `<ebok-provider api-base>` around it. */
type Where = 'page' | 'provider';

async function render(tag: string, attrs: string, lang: string, where: Where, act?: (el: Element) => Promise<void>) {
  const widget = `<${tag} ${attrs} lang="${lang}"></${tag}>`;
  const markup = where === 'provider' ? `<ebok-provider api-base="${BASE}">${widget}</ebok-provider>` : widget;
  const outer = await fixture(html`${unsafeStatic(markup)}`);
  const el = where === 'provider' ? outer.querySelector(tag)! : outer;
  await localeReady();
  await act?.(el);
  return el;
}

describe('every widget offline and on a server error, in Polish and English', () => {
  let onLine: PropertyDescriptor | undefined;
  beforeEach(() => resetPage());
  afterEach(() => {
    resetPage();
    if (onLine) Object.defineProperty(navigator, 'onLine', onLine);
    onLine = undefined;
    document.documentElement.removeAttribute('lang');
  });

  /** The page default names the API only where the widget is not inside a provider that does. */
  const apiOf = (where: Where) => (where === 'page' ? { apiBase: BASE } : {});

  function goOffline(where: Where) {
    onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine');
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    configure({ ...apiOf(where), fetch: () => Promise.reject(new TypeError('Failed to fetch')), retry: { retries: 0 } });
  }

  /** Every call fails with a 500, but the session (unless `sessionToo`): signed in, or (for the login) signed out. */
  function serverError(signedIn: boolean, where: Where, sessionToo = false) {
    const api = new FakeApi().on('GET', '/auth/session', signedIn ? json(200, sessionAt()) : problem(401, 'unauthenticated'));
    configure({
      ...apiOf(where),
      fetch: (input, init) => {
        const request = input instanceof Request ? input : new Request(input, init);
        if (request.url.endsWith('/auth/session') && !sessionToo) return api.fetch(request);
        return Promise.resolve(problem(500, 'internal_error'));
      },
      retry: { retries: 0 },
    });
  }

  for (const { tag, attrs, act, sessionFails } of WIDGETS) {
    for (const [lang, where] of [['pl', 'page'], ['en', 'page'], ['pl', 'provider'], ['en', 'provider']] as const) {
      const inProvider = where === 'provider' ? ' inside <ebok-provider>' : '';
      it(`<${tag}>${inProvider} says it is offline (${lang}), accessibly`, async () => {
        goOffline(where);
        const el = await render(tag, attrs, lang, where, act);
        await until(() => /internet|połączenia|connection/i.test(words(el)), `${tag} offline message`, 5000);
        if (lang === 'en') expect(await polishIn(words(el)), `Polish left in English: "${words(el)}"`).to.deep.equal([]);
        await expect(el).to.be.accessible();
      });

      it(`<${tag}>${inProvider} shows a server error with a way to try again (${lang}), accessibly`, async () => {
        serverError(tag !== 'ebok-login', where, sessionFails);
        const el = await render(tag, attrs, lang, where, act);
        // An alert that says something: an empty live region waiting for later messages is not the error state.
        const alerts = () => [...(el.shadowRoot?.querySelectorAll('[role="alert"]') ?? [])].filter((a) => a.textContent?.trim());
        await until(() => alerts().length > 0, `${tag} error`, 5000);
        expect(el.shadowRoot!.querySelector('[part~="retry"], button'), 'something to act on').to.exist;
        if (lang === 'en') expect(await polishIn(words(el)), `Polish left in English: "${words(el)}"`).to.deep.equal([]);
        await expect(el).to.be.accessible();
      });
    }
  }

  for (const lang of ['pl', 'en'] as const) {
    it(`<ebok-session> logs out on this page even offline, and says so (${lang}), accessibly`, async () => {
      const api = new FakeApi().on('GET', '/auth/session', json(200, sessionAt()));
      configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
      const el = await render('ebok-session', '', lang, 'page');
      await until(() => !!el.shadowRoot?.querySelector('[part="logout"]'), 'signed in');
      goOffline('page');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="logout"]')!.click();
      await until(() => !!el.shadowRoot?.querySelector('[part="message"]'), 'logged out');
      expect(words(el)).to.match(lang === 'pl' ? /Wylogowano/ : /Logged out/);
      if (lang === 'en') expect(await polishIn(words(el))).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }
});
