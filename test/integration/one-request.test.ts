import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../../src/all.js';
import { configure, getClient } from '../../src/api/registry.js';
import { localeReady } from '../../src/i18n/locale.js';
import { DEMO_PASSWORD, referenceApiBase } from '../helpers/reference-server.js';
import { resetPage } from '../helpers/page.js';

/**
 * Many widgets on one page share one request per resource (issue 20): the portal configuration once, the
 * session at most once, and each personal resource once, whatever the number of widgets, the page's language, an
 * `<ebok-provider>` around them, or a login while they are on the page. Counted over real HTTP against the
 * reference server.
 */
describe('one request per API resource, for a page full of widgets, with the reference server', function () {
  this.timeout(60000);

  const TAGS = [
    'ebok-login',
    'ebok-session',
    'ebok-balance-tile',
    'ebok-invoice-list',
    'ebok-payment-history',
    'ebok-meter-reading',
    'ebok-consumption-chart',
    'ebok-tickets',
    'ebok-messages',
    'ebok-profile',
    'ebok-points',
    'ebok-contracts',
    'ebok-dashboard',
    'ebok-notification-settings',
    'ebok-outages',
  ];

  let requests: string[] = [];
  let inFlight = 0;
  let lastActivity = 0;
  const pageFetch = window.fetch;
  const realFetch = window.fetch.bind(window);

  beforeEach(async () => {
    resetPage();
    const apiBase = await referenceApiBase();
    requests = [];
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      // (Read without making a Request of it: that would use up the body the real fetch must send.)
      const address = input instanceof Request ? input.url : String(input);
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      if (!address.startsWith(apiBase)) return realFetch(input, init);
      const url = new URL(address);
      requests.push(`${method} ${url.pathname.slice(new URL(apiBase).pathname.length)}${url.search}`);
      inFlight++;
      lastActivity = performance.now();
      return realFetch(input, init).finally(() => {
        inFlight--;
        lastActivity = performance.now();
      });
    };
  });

  afterEach(async () => {
    window.fetch = pageFetch;
    const client = getClient();
    if (client?.session.signedIn) await client.session.logout();
    resetPage();
    document.documentElement.removeAttribute('lang');
    await localeReady();
  });

  /** Resolves once no request has been under way for a second. */
  async function settled(): Promise<void> {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      if (inFlight === 0 && performance.now() - lastActivity > 1000) return;
    }
  }

  const count = (call: string) => requests.filter((r) => r === call).length;
  const repeated = () => [...new Set(requests.filter((r, i) => r.startsWith('GET ') && requests.indexOf(r) !== i))];

  async function page(apiBase: string, provider: boolean) {
    const root = await fixture<HTMLElement>(html`<div></div>`);
    // The tags as a CMS page has them: side by side, inside a provider or pointed at the API by the page.
    const holder = document.createElement(provider ? 'ebok-provider' : 'div');
    if (provider) holder.setAttribute('api-base', apiBase);
    holder.append(...TAGS.map((tag) => document.createElement(tag)));
    root.append(holder);
    await Promise.all([...holder.children].map((el) => (el as Partial<LitElement>).updateComplete ?? Promise.resolve()));
    return root;
  }

  async function logIn(email: string) {
    const client = getClient()!;
    const answer = await client.post('/auth/login', { body: { identifier: email, password: DEMO_PASSWORD } });
    if (answer.status !== 'signed_in') throw new Error(`${email} did not sign in directly`);
    client.signedIn(answer.session);
  }

  for (const lang of ['pl', 'en'] as const) {
    for (const provider of [false, true]) {
      const where = `${lang === 'en' ? 'an English' : 'a Polish'} page${provider ? ', inside <ebok-provider>' : ''}`;

      it(`signed out, ${where}: the portal configuration once and the session at most once`, async () => {
        document.documentElement.lang = lang;
        const apiBase = await referenceApiBase();
        configure({ apiBase });
        await page(apiBase, provider);
        await settled();
        expect(count('GET /portal-config'), `GET /portal-config requests (all: ${requests.join(', ')})`).to.equal(1);
        expect(count('GET /auth/session'), 'GET /auth/session requests').to.be.at.most(1);
        expect(repeated(), 'resources asked for more than once').to.deep.equal([]);
      });

      it(`a login on ${where}: every resource the widgets then read once, and the configuration not again`, async () => {
        document.documentElement.lang = lang;
        const apiBase = await referenceApiBase();
        configure({ apiBase });
        await page(apiBase, provider);
        await settled();
        await logIn('energia@example.com');
        await settled();
        expect(count('GET /portal-config'), `GET /portal-config requests (all: ${requests.join(', ')})`).to.equal(1);
        expect(count('GET /auth/session'), 'GET /auth/session requests').to.be.at.most(1);
        expect(count('GET /balance'), 'the balance, read by the tile and the dashboard').to.be.at.least(1);
        expect(repeated(), `resources asked for more than once (all: ${requests.join(', ')})`).to.deep.equal([]);
      });
    }
  }
});
