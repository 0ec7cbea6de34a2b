import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { useFakeTimers, type SinonFakeTimers } from 'sinon';
import '../../src/widgets/session/ebok-session.js';
import type { EbokSession } from '../../src/widgets/session/session.js';
import type { EbokDialog } from '../../src/kit/dialog.js';
import type { EbokLogoutEvent, EbokNavigateEvent, EbokSessionExpiredEvent } from '../../src/core/events.js';
import { configure, getClient } from '../../src/api/registry.js';
import { IdleTimer, endOf } from '../../src/controllers/idle-timer.js';
import { FakeApi, json, problem, sessionAt } from '../helpers/fake-api.js';
import { shadow, until } from '../helpers/dom.js';
import { resetPage } from '../helpers/page.js';
import { words } from '../helpers/harness.js';

const BASE = 'https://api.utility.test/api/v1';
/** The faked clock of the idle-timeout tests (the other tests run on the real clock). */
const NOW = Date.parse('2026-11-22T09:00:00+01:00');
const at = (ms: number) => new Date(ms).toISOString();
/** The fixture session on the current clock (real or faked): idle deadline 15 minutes ahead unless given. */
const session = (idleAt = Date.now() + 900_000) => ({ ...sessionAt(), idleExpiresAt: at(idleAt) });


describe('<ebok-session>', () => {
  let api: FakeApi;

  function serve(current: object | Response = session()) {
    api = new FakeApi()
      .on('GET', '/auth/session', current instanceof Response ? current : json(200, current))
      .on('POST', '/auth/logout', new Response(null, { status: 204 }));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
    return api;
  }

  async function bar(template = html`<ebok-session></ebok-session>`) {
    const el = await fixture<EbokSession>(template);
    await until(() => getClient(BASE)!.session.state.status !== 'unknown', 'session known');
    await el.updateComplete;
    return el;
  }

  beforeEach(() => resetPage());
  afterEach(() => resetPage());

  describe('signed in and out', () => {
    it('shows the signed-in customer and a logout button', async () => {
      serve();
      const el = await bar();
      expect(shadow(el, '[part="name"]').textContent).to.equal('Jan Kowalski');
      expect(shadow(el, '[part="logout"]').textContent).to.contain('Wyloguj');
      await expect(el).to.be.accessible();
    });

    it('renders nothing when signed out, or a login link that fires ebok-navigate with signed-out="login"', async () => {
      serve(problem(401, 'unauthenticated'));
      const el = await bar();
      expect(el.shadowRoot!.querySelector('button, a')).to.equal(null);
      expect(el.getBoundingClientRect().height).to.equal(0);
      const withLink = await bar(html`<ebok-session signed-out="login" login-href="/logowanie"></ebok-session>`);
      const link = shadow<HTMLAnchorElement>(withLink, '[part="login"]');
      expect(link.getAttribute('href')).to.equal('/logowanie');
      const navigate: Promise<EbokNavigateEvent> = oneEvent(withLink, 'ebok-navigate');
      link.addEventListener('click', (e) => e.preventDefault(), { once: true });
      link.click();
      expect((await navigate).detail).to.deep.equal({ target: 'login', href: '/logowanie' });
      await expect(withLink).to.be.accessible();
    });

    it('logs out on the server, fires ebok-logout, says so and keeps focus on the message', async () => {
      serve();
      const el = await bar();
      const logout: Promise<EbokLogoutEvent> = oneEvent(el, 'ebok-logout');
      shadow<HTMLButtonElement>(el, '[part="logout"]').focus();
      await sendKeys({ press: 'Enter' });
      expect((await logout).detail.apiBase).to.equal(BASE);
      expect(api.calls('POST', '/auth/logout')).to.have.length(1);
      expect(api.calls('POST', '/auth/logout')[0]!.headers.get('X-CSRF-Token')).to.equal('csrf-123');
      await el.updateComplete;
      expect(getClient(BASE)!.session.signedIn).to.equal(false);
      expect(el.shadowRoot!.querySelector('[part="logout"]')).to.equal(null);
      const message = shadow(el, '[part="message"]');
      expect(message.textContent).to.contain('Wylogowano');
      expect(el.shadowRoot!.activeElement).to.equal(message);
      await expect(el).to.be.accessible();
    });

    it('shows signed out when the customer logs out in another tab', async () => {
      serve();
      const el = await bar();
      const otherTab = new BroadcastChannel(`ebok-session:${BASE}`);
      otherTab.postMessage({ type: 'logout' });
      await until(() => !el.shadowRoot!.querySelector('[part="name"]'), 'signed out');
      otherTab.close();
      expect(getClient(BASE)!.session.signedIn).to.equal(false);
    });
  });

  describe('idle timeout (WCAG 2.2.1)', () => {
    let clock: SinonFakeTimers;

    beforeEach(() => {
      clock = useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
    });
    afterEach(() => clock.restore());

    async function warned(el: EbokSession, seconds: number) {
      clock.tick(seconds * 1000);
      await until(() => !!el.shadowRoot!.querySelector<EbokDialog>('ebok-dialog')?.open, 'warning open');
      await el.updateComplete;
    }

    it('warns warn-before seconds before the end, moves focus into the dialog, and "stay" extends the session and gives focus back', async () => {
      serve();
      api.on('POST', '/auth/session/refresh', json(200, session(NOW + 900_000 + 780_000)));
      const page = await fixture(html`<div><input aria-label="Odczyt licznika" /><ebok-session warn-before="120"></ebok-session></div>`);
      const el = page.querySelector('ebok-session')!;
      await until(() => words(el).includes('Jan Kowalski'), 'signed in');
      const field = page.querySelector('input')!;
      field.focus();
      field.value = '12650';

      clock.tick(779_000);
      await el.updateComplete;
      expect(shadow<EbokDialog>(el, 'ebok-dialog').open, 'not yet').to.equal(false);
      await warned(el, 1);
      const dialog = shadow<EbokDialog>(el, 'ebok-dialog');
      const native = dialog.shadowRoot!.querySelector('dialog')!;
      expect(native.open, 'a modal dialog is open').to.equal(true);
      expect(native.getAttribute('role')).to.equal('alertdialog');
      expect(native.textContent, 'its title').to.contain('Za chwilę wylogujemy Cię z powodu braku aktywności');
      expect(shadow(el, '[part="countdown"]').textContent).to.contain('2 min');
      await until(() => el.shadowRoot!.activeElement === shadow(el, '[part="stay"]'), 'focus in the dialog');
      await expect(el).to.be.accessible();

      clock.tick(5000);
      await el.updateComplete;
      expect(shadow(el, '[part="countdown"]').textContent).to.contain('1 min 55 s');

      shadow<HTMLButtonElement>(el, '[part="stay"]').click();
      await until(() => !dialog.open, 'closed after extending');
      expect(api.calls('POST', '/auth/session/refresh')).to.have.length(1);
      expect(getClient(BASE)!.session.state.idleExpiresAt).to.equal(at(NOW + 1_680_000));
      await until(() => document.activeElement === field, 'focus back where it was');
      expect(field.value, 'nothing typed is lost').to.equal('12650');
      clock.tick(60_000);
      await el.updateComplete;
      expect(dialog.open, 'the new deadline is far').to.equal(false);
    });

    it('Escape means "I am still here": it extends the session too', async () => {
      serve();
      api.on('POST', '/auth/session/refresh', json(200, session(NOW + 1_800_000)));
      const el = await bar();
      await warned(el, 780);
      await until(() => el.shadowRoot!.activeElement === shadow(el, '[part="stay"]'), 'focus in the dialog');
      await sendKeys({ press: 'Escape' });
      await until(() => api.calls('POST', '/auth/session/refresh').length === 1, 'extended');
      await until(() => !shadow<EbokDialog>(el, 'ebok-dialog').open, 'closed');
    });

    it('at zero ends the session, fires ebok-session-expired (idle) and says so', async () => {
      serve();
      const el = await bar();
      await warned(el, 780);
      const expired: Promise<EbokSessionExpiredEvent> = oneEvent(document, 'ebok-session-expired');
      clock.tick(120_000);
      const event = await expired;
      expect(event.detail).to.deep.equal({ apiBase: BASE, reason: 'idle' });
      await el.updateComplete;
      expect(getClient(BASE)!.session.signedIn).to.equal(false);
      const dialog = shadow<EbokDialog>(el, 'ebok-dialog');
      expect(dialog.open).to.equal(true);
      expect(dialog.shadowRoot!.querySelector('dialog')!.textContent).to.contain('Wylogowaliśmy Cię');
      expect(words(el)).to.contain('Wylogowaliśmy Cię z powodu braku aktywności');
      await expect(el).to.be.accessible();
      shadow<HTMLButtonElement>(el, '[part="close"]').click();
      await until(() => !dialog.open, 'closed');
    });

    it('does not warn when the server moved the deadline (activity in other widgets)', async () => {
      api = new FakeApi().on('GET', '/auth/session', json(200, session()), json(200, session(NOW + 1_500_000)));
      configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
      const el = await bar();
      clock.tick(780_000);
      await until(() => getClient(BASE)!.session.state.idleExpiresAt === at(NOW + 1_500_000), 'deadline read again');
      await el.updateComplete;
      expect(shadow<EbokDialog>(el, 'ebok-dialog').open).to.equal(false);
    });

    for (const [change, instant] of [
      ['spring', '2027-03-28T00:50:00Z'],
      ['autumn', '2026-10-25T00:50:00Z'],
      ['new year', '2026-12-31T22:50:00Z'],
    ] as const) {
      it(`warns after 13 minutes of a 15-minute session also when the ${change} clock change falls in between`, async () => {
        clock.setSystemTime(Date.parse(instant));
        serve();
        const el = await bar();
        clock.tick(779_000);
        await el.updateComplete;
        expect(shadow<EbokDialog>(el, 'ebok-dialog').open, 'not before 13 minutes').to.equal(false);
        await warned(el, 1);
        expect(shadow(el, '[part="countdown"]').textContent).to.contain('2 min');
      });
    }

    it('warns at least 60 s before the end whatever warn-before says', async () => {
      serve();
      const el = await bar(html`<ebok-session warn-before="5"></ebok-session>`);
      await warned(el, 840);
    });

    it('shows one warning for two session bars on the page, and the second takes over when the first leaves', async () => {
      serve();
      const page = await fixture(html`<div><ebok-session id="a"></ebok-session><ebok-session id="b"></ebok-session></div>`);
      const [first, second] = [...page.querySelectorAll('ebok-session')] as [EbokSession, EbokSession];
      await until(() => words(second).includes('Jan Kowalski'), 'signed in');
      first.remove();
      await warned(second, 780);
      expect(shadow<EbokDialog>(first, 'ebok-dialog').open).to.equal(false);
      page.prepend(first);
      await first.updateComplete;
      expect(shadow<EbokDialog>(first, 'ebok-dialog').open, 'still one dialog').to.equal(false);
    });

    it('closes the warning when the session ends in another tab', async () => {
      serve();
      const el = await bar();
      await warned(el, 780);
      getClient(BASE)!.session.end('logout-elsewhere', false);
      await until(() => !shadow<EbokDialog>(el, 'ebok-dialog').open, 'closed');
    });
  });
});

describe('IdleTimer', () => {
  it('knows which deadline ends a session first', () => {
    const inMinutes = (minutes: number): string => new Date(Date.now() + minutes * 60_000).toISOString();
    const idle = inMinutes(15);
    expect(endOf({ idleExpiresAt: idle, absoluteExpiresAt: inMinutes(420) })).to.deep.equal({ at: Date.parse(idle), absolute: false });
    expect(endOf({ idleExpiresAt: idle, absoluteExpiresAt: inMinutes(10) })?.absolute).to.equal(true);
    expect(endOf({})).to.equal(undefined);
  });

  it('runs on an injected clock', () => {
    let now = 0;
    const callbacks: (() => void)[] = [];
    const events: string[] = [];
    const host = { addController: () => undefined, removeController: () => undefined, requestUpdate: () => undefined, updateComplete: Promise.resolve(true) };
    const timer = new IdleTimer(host, {
      warnBefore: () => 60,
      onWarn: (remaining) => events.push(`warn ${remaining}`),
      onExtended: () => events.push('extended'),
      onExpire: () => events.push('expire'),
      clock: { now: () => now, setInterval: (fn) => callbacks.push(fn), clearInterval: () => undefined },
    });
    const tick = (ms: number) => {
      now += ms;
      callbacks.at(-1)?.();
    };
    timer.follow({ status: 'signed-in', idleExpiresAt: new Date(100_000).toISOString() });
    expect(timer.phase).to.equal('active');
    tick(40_000);
    expect(events).to.deep.equal(['warn 60']);
    timer.follow({ status: 'signed-in', idleExpiresAt: new Date(400_000).toISOString() });
    expect(events).to.deep.equal(['warn 60', 'extended']);
    tick(300_000);
    expect(events).to.deep.equal(['warn 60', 'extended', 'warn 60']);
    tick(60_000);
    expect(events).to.deep.equal(['warn 60', 'extended', 'warn 60', 'expire']);
    expect(timer.phase).to.equal('expired');
  });
});
