import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/dashboard/ebok-dashboard.js';
import type { EbokDashboard } from '../../src/widgets/dashboard/dashboard.js';
import type { EbokNavigateEvent } from '../../src/core/events.js';
import { configure } from '../../src/api/registry.js';
import { addDays, warsawDate, warsawInstant, warsawIso } from '../../src/i18n/calendar.js';
import { balanceAt, dateFromToday, FakeApi, json, portalConfigOf, problem, sessionAt } from '../helpers/fake-api.js';
import { persona, pointsOf, readingContext, type Schemas } from '../../demo/personas/index.js';
import { shadow, until } from '../helpers/dom.js';
import { words } from '../helpers/harness.js';
import { deviceOffline, resetPage } from '../helpers/page.js';
import { polishIn } from '../helpers/polish.js';
import { nextPayment, mergeOutages, countOf, selfReadPoints } from '../../src/widgets/dashboard/dashboard.logic.js';

const BASE = 'https://api.utility.test/api/v1';
const energia = persona('energia');
const POINTS = pointsOf(energia);
/** energia's flat, read by the customer (its other point is read remotely). */
const SELF = 'pt_e_0001';
const today = () => warsawDate(new Date());
const openWindow = (days = 5): Schemas['ReadingWindow'] => ({
  open: true,
  opensAt: warsawIso(warsawInstant(addDays(today(), -1))),
  closesAt: warsawIso(warsawInstant(addDays(today(), days), 86_399)),
  nextOpensAt: warsawIso(warsawInstant(addDays(today(), 60))),
  nextClosesAt: warsawIso(warsawInstant(addDays(today(), 66), 86_399)),
});
const closedWindow = (): Schemas['ReadingWindow'] => ({ open: false, opensAt: null, closesAt: null, nextOpensAt: warsawIso(warsawInstant(addDays(today(), 30))), nextClosesAt: null });
const context = (window = openWindow()) => json(200, { ...readingContext(energia, SELF, new Date())!, window });
const doc = (over: Partial<Schemas['DocumentSummary']> = {}): Schemas['DocumentSummary'] => ({
  id: 'doc_1',
  number: 'FV/2026/11/000412',
  type: 'invoice',
  issueDate: dateFromToday(-20),
  dueDate: dateFromToday(-10),
  periodFrom: null,
  periodTo: null,
  gross: { amount: '245.67', currency: 'PLN' },
  remaining: { amount: '245.67', currency: 'PLN' },
  status: 'overdue',
  pointIds: [SELF],
  correctsDocumentId: null,
  hasPdf: true,
  payable: true,
  ...over,
});
const outage = (over: Partial<Schemas['Outage']> = {}): Schemas['Outage'] => ({
  id: 'out_1',
  kind: 'electricity',
  area: { municipality: 'Gliwice', locality: 'Gliwice', postalCodes: ['44-100'] },
  streets: [],
  startsAt: new Date(Date.now() + 86_400_000).toISOString(),
  endsAt: null,
  reason: 'Prace na sieci.',
  status: 'planned',
  ...over,
});
const list = (items: unknown[], extra: Record<string, unknown> = {}) => json(200, { items, nextCursor: null, ...extra });
const LINKS = html`<ebok-dashboard
  finance-href="/faktury"
  readings-href="/odczyty"
  messages-href="/wiadomosci"
  tickets-href="/zgloszenia"
  outages-href="/wylaczenia"
></ebok-dashboard>`;
const CARDS = ['payment', 'readings', 'messages', 'tickets', 'outages'] as const;

describe('<ebok-dashboard>', () => {
  let api: FakeApi;
  let restoreOnline: (() => void) | undefined;

  function serve() {
    api = new FakeApi()
      .on('GET', '/auth/session', json(200, sessionAt()))
      .on('GET', '/portal-config', json(200, portalConfigOf()))
      .on('GET', '/balance', json(200, balanceAt()))
      .on('GET', '/documents', list([doc()]))
      .on('GET', '/points', list(POINTS))
      .on('GET', `/points/${SELF}/reading-context`, context())
      .on('GET', '/messages', list([], { unreadCount: 3 }))
      .on('GET', '/tickets', list([{}, {}], { total: 2 }))
      .on('GET', '/outages', list([outage(), outage({ id: 'out_2', status: 'ongoing', kind: 'water', area: { municipality: 'Gliwice', locality: 'Sośnica', postalCodes: ['44-171'] } })]));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
  }
  const body = (el: EbokDashboard, name: string) => shadow(el, `[part~="card-${name}"]`);
  const cardWords = (el: EbokDashboard, name: string) => body(el, name).textContent.replace(/\s+/g, ' ').trim();
  const tile = (el: EbokDashboard) => shadow(el, 'ebok-balance-tile');
  async function widget(template = LINKS) {
    const el = await fixture<EbokDashboard>(template);
    await until(() => !!el.shadowRoot?.querySelector('[part~="cards"], [part="login"]'), 'the dashboard rendered', 5000);
    await until(() => !el.shadowRoot!.querySelector('.status--loading'), 'every card settled', 5000);
    if (el.shadowRoot!.querySelector('ebok-balance-tile')) await until(() => !!tile(el).shadowRoot?.querySelector('[part="amount"], [part~="status"], [part="login"]'), 'the tile settled', 5000);
    return el;
  }

  beforeEach(() => {
    resetPage();
    serve();
  });
  afterEach(() => {
    restoreOnline?.();
    restoreOnline = undefined;
    resetPage();
  });

  it('shows every card of a signed-in customer, each resource asked for once, accessibly', async () => {
    const el = await widget();
    expect(tile(el).shadowRoot!.querySelector('[part="amount"]')!.textContent).to.contain('245,67');
    expect(cardWords(el, 'payment')).to.contain('245,67').and.contain('Po terminie').and.contain(dateFromToday(-10).split('-').reverse().join('.'));
    expect(cardWords(el, 'readings')).to.contain('Możesz teraz podać odczyt').and.contain(POINTS.find((p) => p.id === SELF)!.name);
    expect(cardWords(el, 'messages')).to.contain('3 nieprzeczytane wiadomości');
    expect(cardWords(el, 'tickets')).to.contain('2 otwarte zgłoszenia');
    expect(cardWords(el, 'outages')).to.contain('2 wyłączenia w Twojej okolicy').and.contain('trwa teraz');
    const perPath = new Map<string, number>();
    for (const s of api.seen) perPath.set(`${s.method} ${new URL(s.url).pathname}${new URL(s.url).search}`, (perPath.get(`${s.method} ${new URL(s.url).pathname}${new URL(s.url).search}`) ?? 0) + 1);
    for (const [path, count] of perPath) expect(count, path).to.equal(1);
    for (const path of ['/auth/session', '/balance', '/documents', '/points', '/messages', '/tickets']) expect(api.calls('GET', path), path).to.have.length(1);
    expect(api.calls('GET', `/points/${SELF}/reading-context`), 'the point read remotely is not asked').to.have.length(1);
    expect(new Set(api.calls('GET', '/outages').map((s) => new URL(s.url).searchParams.get('area')))).to.deep.equal(new Set(['44-100', '44-171']));
    const tickets = new URL(api.calls('GET', '/tickets')[0]!.url).searchParams;
    expect(tickets.getAll('status')).to.deep.equal(['open', 'in_progress', 'awaiting_customer']);
    await expect(el).to.be.accessible();
  });

  it('says a next payment not yet due with its date, and a due date today in words', async () => {
    api.on('GET', '/documents', list([doc({ status: 'unpaid', dueDate: dateFromToday(7) })]));
    let el = await widget();
    expect(cardWords(el, 'payment')).to.contain('Termin płatności:').and.not.contain('Po terminie');
    expect(shadow(el, '[part="state"]').classList.contains('tone-danger')).to.equal(false);
    resetPage();
    serve();
    api.on('GET', '/documents', list([doc({ status: 'unpaid', dueDate: today() })]));
    el = await widget();
    expect(cardWords(el, 'payment')).to.contain('Termin płatności: dziś');
  });

  it('shows each card empty in words of its own', async () => {
    api
      .on('GET', '/documents', list([]))
      .on('GET', `/points/${SELF}/reading-context`, context(closedWindow()))
      .on('GET', '/messages', list([], { unreadCount: 0 }))
      .on('GET', '/tickets', list([], { total: 0 }))
      .on('GET', '/outages', list([]));
    const el = await widget();
    expect(cardWords(el, 'payment')).to.contain('Nie masz nic do zapłaty');
    expect(cardWords(el, 'readings')).to.contain('Teraz nie przyjmujemy odczytów');
    expect(cardWords(el, 'messages')).to.contain('Nie masz nieprzeczytanych wiadomości');
    expect(cardWords(el, 'tickets')).to.contain('Nie masz otwartych zgłoszeń');
    expect(cardWords(el, 'outages')).to.contain('Nie ma wyłączeń w okolicy');
    await expect(el).to.be.accessible();
  });

  for (const name of CARDS) {
    it(`a failing ${name} card shows its error with "Try again", the others stay, and the retry loads it`, async () => {
      const path = { payment: '/documents', readings: `/points/${SELF}/reading-context`, messages: '/messages', tickets: '/tickets', outages: '/outages' }[name];
      const good = { payment: list([doc()]), readings: context(), messages: list([], { unreadCount: 3 }), tickets: list([{}, {}], { total: 2 }), outages: list([outage()]) }[name];
      api.on('GET', path, problem(500, 'internal_error'), good);
      const el = await widget();
      expect(body(el, name).querySelector('[role="alert"]'), `${name} error`).to.exist;
      for (const other of CARDS.filter((c) => c !== name)) expect(body(el, other).querySelector('.status--error'), `${other} fine`).to.equal(null);
      expect(tile(el).shadowRoot!.querySelector('[part="amount"]')).to.exist;
      await expect(el).to.be.accessible();
      body(el, name).querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await until(() => !body(el, name).querySelector('.status--error, .status--loading'), `${name} loaded again`);
      expect(body(el, name).querySelector('[part="figure"], [part="amount"]'), `${name} loaded`).to.exist;
    });
  }

  it('shows every card offline, with a way to try again, accessibly', async () => {
    restoreOnline = deviceOffline();
    const offline = new FakeApi().on('GET', '/auth/session', json(200, sessionAt()));
    configure({ apiBase: BASE, fetch: (input, init) => (String(input instanceof Request ? input.url : input).endsWith('/auth/session') ? offline.fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'))), retry: { retries: 0 } });
    const el = await widget();
    for (const name of CARDS) expect(body(el, name).querySelector('.status--offline'), `${name} offline`).to.exist;
    expect(tile(el).shadowRoot!.querySelector('.status--offline')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('follows a card\'s link with a cancelable ebok-navigate for its section; a host cancels it to route itself', async () => {
    const el = await widget();
    const seen: string[] = [];
    for (const [part, target, href] of [
      ['link-finance', 'finance', '/faktury'],
      ['link-payment', 'finance', '/faktury'],
      ['link-readings', 'readings', '/odczyty'],
      ['link-messages', 'messages', '/wiadomosci'],
      ['link-tickets', 'tickets', '/zgloszenia'],
      ['link-outages', 'outages', '/wylaczenia'],
    ] as const) {
      const link = shadow<HTMLAnchorElement>(el, `[part~="${part}"]`);
      expect(link.getAttribute('href')).to.equal(href);
      const heard = oneEvent<EbokNavigateEvent>(el, 'ebok-navigate');
      const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
      el.addEventListener('ebok-navigate', (e) => e.preventDefault(), { once: true });
      link.dispatchEvent(click);
      const event = await heard;
      expect(event.detail).to.deep.equal({ target, href });
      expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
      expect(click.defaultPrevented, 'the host routes itself').to.equal(true);
      seen.push(event.detail.target);
    }
    expect(seen).to.deep.equal(['finance', 'finance', 'readings', 'messages', 'tickets', 'outages']);
  });

  it('fires ebok-navigate from a link without an href, and goes nowhere itself', async () => {
    const el = await widget(html`<ebok-dashboard></ebok-dashboard>`);
    const link = shadow<HTMLAnchorElement>(el, '[part~="link-tickets"]');
    const heard = oneEvent<EbokNavigateEvent>(el, 'ebok-navigate');
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    link.dispatchEvent(click);
    expect((await heard).detail).to.deep.equal({ target: 'tickets' });
    expect(click.defaultPrevented).to.equal(true);
  });

  it('lets the keyboard walk the cards in reading order: the tile, then each card\'s link', async () => {
    api.on('GET', '/portal-config', json(200, { ...portalConfigOf(), payments: { ...portalConfigOf().payments, enabled: false } }));
    const el = await widget();
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    // A stop after the dashboard too: Tab past a page's last stop leaves the page for the browser's own UI, and
    // the test files after this one would then run in a page without focus (no focus or blur events).
    const after = document.createElement('button');
    after.textContent = 'after';
    el.after(after);
    before.focus();
    const order: string[] = [];
    for (let i = 0; i < 8; i++) {
      await sendKeys({ press: 'Tab' });
      const inTile = tile(el).shadowRoot!.activeElement as HTMLElement | null;
      const here = el.shadowRoot!.activeElement as HTMLElement | null;
      order.push(inTile ? `tile:${inTile.getAttribute('part')}` : (here?.getAttribute('part') ?? 'outside'));
    }
    const links = order.filter((p) => p.startsWith('link'));
    expect(links).to.deep.equal(['link link-finance', 'link link-payment', 'link link-readings', 'link link-messages', 'link link-tickets', 'link link-outages']);
    before.remove();
    after.remove();
  });

  it('asks a signed-out visitor to log in, and loads nothing personal, accessibly', async () => {
    api.on('GET', '/auth/session', problem(401, 'unauthenticated'));
    const el = await widget(html`<ebok-dashboard login-href="/logowanie"></ebok-dashboard>`);
    expect(words(el)).to.contain('Zaloguj się, aby zobaczyć');
    const login = shadow<HTMLAnchorElement>(el, '[part="login"]');
    expect(login.getAttribute('href')).to.equal('/logowanie');
    expect(el.shadowRoot!.querySelector('ebok-balance-tile')).to.equal(null);
    for (const path of ['/balance', '/documents', '/points', '/messages', '/tickets']) expect(api.calls('GET', path), path).to.have.length(0);
    await expect(el).to.be.accessible();
    const heard = oneEvent<EbokNavigateEvent>(el, 'ebok-navigate');
    el.addEventListener('ebok-navigate', (e) => e.preventDefault(), { once: true });
    login.click();
    expect((await heard).detail.target).to.equal('login');
  });

  it('speaks English with no Polish left, counts in English forms, accessibly', async () => {
    api.on('GET', '/messages', list([], { unreadCount: 1 }));
    const el = await widget(html`<ebok-dashboard lang="en"></ebok-dashboard>`);
    await until(() => /Dashboard/.test(words(el)), `English: ${words(el)}`);
    await until(() => !!body(el, 'messages').querySelector('[part="figure"]'), 'messages in English');
    expect(cardWords(el, 'messages')).to.contain('1 unread message');
    expect(cardWords(el, 'tickets')).to.contain('2 open tickets');
    expect(cardWords(el, 'payment')).to.contain('Overdue');
    // The API's names (the point's, a town's) are data, not the widget's words.
    const ui = [...el.shadowRoot!.querySelectorAll('.item__name')].reduce((text, name) => text.replace(name.textContent.replace(/\s+/g, ' ').trim(), ''), words(el));
    expect(await polishIn(ui), ui).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});

describe('dashboard logic', () => {
  const now = new Date();
  it('picks the nearest document left to pay, the oldest due first, a credit left out, and says it is overdue', () => {
    const next = nextPayment(
      [
        doc({ id: 'later', status: 'unpaid', dueDate: dateFromToday(10) }),
        doc({ id: 'credit', status: 'unpaid', dueDate: dateFromToday(-30), remaining: { amount: '-20.00', currency: 'PLN' } }),
        doc({ id: 'paid', status: 'paid', dueDate: dateFromToday(-40) }),
        doc({ id: 'old', status: 'overdue', dueDate: dateFromToday(-5) }),
        doc({ id: 'older', status: 'partially_paid', dueDate: dateFromToday(-8) }),
      ],
      now,
    )!;
    expect(next.document.id).to.equal('older');
    expect(next.overdue, 'a due date before today is overdue even if the status lags').to.equal(true);
    expect(next.days).to.equal(-8);
    expect(next.moreOverdue).to.equal(1);
    expect(nextPayment([], now)).to.equal(undefined);
  });

  it('counts a list by its total, or at least its items when more pages remain', () => {
    expect(countOf({ items: [1], total: 7, nextCursor: 'x' })).to.deep.equal({ count: 7, atLeast: false });
    expect(countOf({ items: [1, 2], nextCursor: 'x' })).to.deep.equal({ count: 2, atLeast: true });
    expect(countOf({ nothing: true })).to.equal(undefined);
  });

  it('merges the outages of several areas once each, ongoing first, ended left out; remote meters need no reminder', () => {
    const merged = mergeOutages([[outage({ id: 'a' }), outage({ id: 'b', status: 'ongoing' })], [outage({ id: 'a' }), outage({ id: 'c', status: 'ended' })]]);
    expect(merged.map((o) => o.id)).to.deep.equal(['b', 'a']);
    expect(selfReadPoints(POINTS).map((p) => p.id)).to.deep.equal([SELF]);
  });
});
