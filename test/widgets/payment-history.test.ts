import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/payment-history/ebok-payment-history.js';
import type { EbokPaymentHistory } from '../../src/widgets/payment-history/payment-history.js';
import { isFiltered, normalizeFilters, paymentDocuments, paymentLook, paymentQuery, type PaymentItem } from '../../src/widgets/payment-history/payment-history.logic.js';
import type { EbokErrorEvent, EbokNavigateEvent } from '../../src/core/events.js';
import { configure, getClient } from '../../src/api/registry.js';
import { formatDate } from '../../src/i18n/format.js';
import { warsawDate, warsawInstant } from '../../src/i18n/calendar.js';
import { localeReady } from '../../src/i18n/locale.js';
import { FakeApi, json, problem, sessionAt, dateFromToday } from '../helpers/fake-api.js';
import { shadow, until } from '../helpers/dom.js';
import { active, words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';
import { polishIn } from '../helpers/polish.js';

const BASE = 'https://api.utility.test/api/v1';
const money = (amount: string) => ({ amount, currency: 'PLN' });

/** An instant `days` before today at `hour`:`minute` Polish time, as the API may send it (UTC, `Z`). */
function instant(days: number, hour = 10, minute = 0): string {
  return warsawInstant(dateFromToday(-days), hour * 3600 + minute * 60).toISOString();
}

/** Payment `i`, newest first, dated from today (so the test holds on any day). */
function payment(i: number, over: Partial<PaymentItem> = {}): PaymentItem {
  const createdAt = instant(2 + 7 * i);
  return {
    id: `pay_${i}`,
    status: 'paid',
    amount: money('123.45'),
    method: 'blik',
    documentIds: [`doc_${i}`],
    documents: [{ id: `doc_${i}`, number: `FV/2026/${String(i).padStart(6, '0')}`, type: 'invoice' }],
    createdAt,
    completedAt: createdAt,
    ...over,
  };
}

const PAYMENTS: PaymentItem[] = [
  // 00:30 in Poland is the evening before in UTC: the date shown must be the Polish one.
  payment(0, { createdAt: instant(1, 0, 30), completedAt: instant(1, 0, 31) }),
  payment(1, { status: 'declined', method: 'card', amount: money('245.67') }),
  payment(2, { status: 'cancelled', method: 'blik' }),
  payment(3, { status: 'expired', method: null }),
  payment(4, { status: 'pending', method: 'transfer', completedAt: null }),
  // A bank transfer that settled two documents, from an API that gives only their ids.
  payment(5, { method: 'other', documentIds: ['doc_a', 'doc_b'], documents: undefined }),
  // An overpayment not allocated to anything yet.
  payment(6, { method: 'other', documentIds: [], documents: [] }),
];

describe('<ebok-payment-history>', () => {
  let api: FakeApi;

  function serve(payments: (url: URL) => Response | Promise<Response> = () => json(200, { items: PAYMENTS, nextCursor: null, total: PAYMENTS.length })) {
    api = new FakeApi().on('GET', '/auth/session', json(200, sessionAt())).on('GET', '/payments', (request) => payments(new URL(request.url)));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
  }

  const rows = (el: EbokPaymentHistory) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr[data-index]')];
  const rowText = (el: EbokPaymentHistory, i: number) => rows(el)[i]!.textContent.replace(/\s+/g, ' ');
  const lastQuery = () => new URL(api.calls('GET', '/payments').at(-1)!.url).searchParams;
  const choose = async (el: EbokPaymentHistory, id: string, value: string) => {
    const control = shadow<HTMLSelectElement | HTMLInputElement>(el, `#${id}`);
    control.value = value;
    control.dispatchEvent(new Event('change'));
    await el.list.settled();
  };

  async function mount(template = html`<ebok-payment-history></ebok-payment-history>`) {
    const el = await fixture<EbokPaymentHistory>(template);
    await localeReady();
    await el.list.settled();
    await until(() => rows(el).length > 0 || !!el.shadowRoot!.querySelector('[part~="status"], [part="login"]'), 'the history settled');
    return el;
  }

  beforeEach(() => resetPage());
  afterEach(() => {
    resetPage();
    history.replaceState(null, '', location.pathname);
  });

  describe('the payments', () => {
    it('shows each payment with its Polish date, amount, method and status in words and icon, accessibly', async () => {
      serve();
      const el = await mount();
      expect(rows(el)).to.have.length(PAYMENTS.length);
      expect(shadow(el, 'table').getAttribute('aria-rowcount')).to.equal(String(PAYMENTS.length + 1));
      const first = rowText(el, 0);
      expect(first, 'the Polish day of 00:30 Warsaw time').to.contain(formatDate(dateFromToday(-1)));
      expect(first).to.contain('123,45').and.contain('BLIK').and.contain('Wpłynęła');
      expect(rows(el)[0]!.querySelector('[part="status-badge"] svg'), 'an icon besides the colour').to.exist;
      expect(rowText(el, 1)).to.contain('Karta płatnicza').and.contain('Odrzucona');
      expect(rowText(el, 2)).to.contain('Anulowana');
      expect(rowText(el, 3)).to.contain('Niedokończona (wygasła)').and.contain('Jeszcze nieznany');
      expect(rowText(el, 4)).to.contain('Szybki przelew').and.contain('Czeka na potwierdzenie');
      expect(rowText(el, 5)).to.contain('Przelew lub wpłata na poczcie');
      expect(shadow(el, '[part="count"]').textContent).to.contain('7 płatności');
      expect(shadow(el, '[part="heading"]').getAttribute('aria-level')).to.equal('2');
      await expect(el).to.be.accessible();
    });

    it('never shows a declined, cancelled or expired payment as money received, nor a pending one as booked', async () => {
      serve();
      const el = await mount();
      for (const i of [1, 2, 3]) {
        expect(rowText(el, i), `row ${i}`).to.contain('nie wpłynęła').and.not.contain('Wpłynęła');
        expect(rows(el)[i]!.querySelector('.amount--not-received'), `row ${i} struck through`).to.exist;
      }
      expect(rowText(el, 4)).to.contain('jeszcze nie zaksięgowana');
      expect(rowText(el, 0)).not.to.contain('nie wpłynęła');
      const colour = (i: number) => getComputedStyle(rows(el)[i]!.querySelector('[part="status-badge"]')!).color;
      expect(colour(0), 'received and declined differ in colour too').not.to.equal(colour(1));
    });

    it('shows the numbers of the documents each payment settled, else how many there were, else that none was allocated', async () => {
      serve();
      const el = await mount();
      expect(rows(el)[0]!.querySelector('[part="document-link"]')!.textContent).to.contain('FV/2026/000000');
      expect(rowText(el, 5)).to.contain('Za 2 dokumenty');
      expect(rowText(el, 6)).to.contain('Nie przypisano do dokumentu');
    });

    it('links a document number to document-href with its id, and lets the host route it (cancelable ebok-navigate)', async () => {
      serve();
      const el = await mount(html`<ebok-payment-history document-href="/ebok/dokument?id={id}"></ebok-payment-history>`);
      const link = shadow<HTMLAnchorElement>(el, '[part="document-link"]');
      expect(link.getAttribute('href')).to.equal('/ebok/dokument?id=doc_0');
      el.addEventListener('ebok-navigate', (e) => e.preventDefault(), { once: true });
      const navigate: Promise<EbokNavigateEvent> = oneEvent(el, 'ebok-navigate');
      link.click();
      const event = await navigate;
      expect(event.detail).to.deep.include({ target: 'document', href: '/ebok/dokument?id=doc_0', params: { documentId: 'doc_0' } });
      expect(event.cancelable).to.equal(true);
      expect(location.search).not.to.contain('id=doc_0');
    });

    it('without document-href a document number only fires ebok-navigate, and the page stays where it is', async () => {
      serve();
      const el = await mount();
      const before = location.href;
      const navigate: Promise<EbokNavigateEvent> = oneEvent(el, 'ebok-navigate');
      shadow<HTMLAnchorElement>(el, '[part="document-link"]').click();
      expect((await navigate).detail).to.deep.include({ target: 'document', params: { documentId: 'doc_0' } });
      expect(location.href).to.equal(before);
    });

    it('speaks English, dates, amounts, methods and statuses included', async () => {
      serve();
      const el = await mount(html`<ebok-payment-history lang="en"></ebok-payment-history>`);
      await until(() => words(el).includes('Payment history'), 'English');
      expect(words(el)).to.contain('Received').and.contain('Declined').and.contain('not received').and.contain('For 2 documents').and.contain('Bank transfer or post office');
      expect(await polishIn(words(el).replace(/FV\/\S+/g, ''))).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('puts its title at the heading level the page asks for', async () => {
      serve();
      const el = await mount(html`<ebok-payment-history heading-level="3"></ebok-payment-history>`);
      expect(shadow(el, '[part="heading"]').getAttribute('aria-level')).to.equal('3');
    });
  });

  describe('states', () => {
    it('says it is loading while the first page is on its way, accessibly', async () => {
      serve(() => new Promise<Response>(() => {}));
      const el = await fixture<EbokPaymentHistory>(html`<ebok-payment-history></ebok-payment-history>`);
      await localeReady();
      await until(() => words(el).includes('Wczytywanie: historia wpłat'), 'the loading state');
      expect(shadow(el, '[part="base"]').getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('says there are no payments yet, accessibly', async () => {
      serve(() => json(200, { items: [], nextCursor: null, total: 0 }));
      const el = await mount();
      expect(words(el)).to.contain('Nie masz jeszcze żadnych wpłat');
      expect(el.shadowRoot!.querySelector('[part="clear"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('says when a period has no payments and clears the filter on request, accessibly', async () => {
      serve((url) => json(200, url.searchParams.has('from') ? { items: [], nextCursor: null, total: 0 } : { items: PAYMENTS, nextCursor: null, total: PAYMENTS.length }));
      const el = await mount(html`<ebok-payment-history period="last-year"></ebok-payment-history>`);
      expect(words(el)).to.contain('Brak wpłat w wybranym okresie');
      await expect(el).to.be.accessible();
      shadow<HTMLButtonElement>(el, '.status ~ .actions [part="clear"]').click();
      await el.list.settled();
      await until(() => rows(el).length === PAYMENTS.length, 'every payment again');
      expect(lastQuery().has('from')).to.equal(false);
      expect(el.getAttribute('period') ?? '').to.equal('');
    });

    it('shows a server error with a retry that loads again, reports ebok-error, accessibly', async () => {
      let first = true;
      serve(() => {
        if (!first) return json(200, { items: PAYMENTS, nextCursor: null, total: PAYMENTS.length });
        first = false;
        return problem(500, 'internal_error');
      });
      const el = await fixture<EbokPaymentHistory>(html`<ebok-payment-history></ebok-payment-history>`);
      const error: EbokErrorEvent = await oneEvent(el, 'ebok-error');
      expect(error.detail.code).to.equal('internal_error');
      await until(() => words(el).includes('Nie udało się wczytać historii wpłat'), 'the error');
      await expect(el).to.be.accessible();
      shadow<HTMLButtonElement>(el, '[part~="retry"]').click();
      await until(() => rows(el).length === PAYMENTS.length, 'rows after retry');
    });

    it('says the device is offline, with a retry, accessibly', async () => {
      const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      try {
        api = new FakeApi().on('GET', '/auth/session', json(200, sessionAt())).on('GET', '/payments', new TypeError('Failed to fetch'));
        configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
        const el = await mount();
        expect(words(el)).to.contain('Brak połączenia z internetem');
        expect(el.shadowRoot!.querySelector('[part~="offline"] [part~="retry"]')).to.exist;
        await expect(el).to.be.accessible();
      } finally {
        Object.defineProperty(navigator, 'onLine', onLine);
        delete (navigator as unknown as { onLine?: boolean }).onLine;
      }
    });

    it('asks to log in when signed out, without asking for payments, accessibly', async () => {
      api = new FakeApi().on('GET', '/auth/session', problem(401, 'unauthenticated'));
      configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
      const el = await mount(html`<ebok-payment-history login-href="/logowanie"></ebok-payment-history>`);
      expect(words(el)).to.contain('Zaloguj się, aby zobaczyć historię wpłat');
      expect(shadow(el, '[part="login"]').getAttribute('href')).to.equal('/logowanie');
      expect(el.shadowRoot!.querySelector('[part="filters"]')).to.equal(null);
      expect(api.calls('GET', '/payments')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('on a 401 says the session expired and asks to log in again, then loads by itself after the new login', async () => {
      serve();
      api.on('GET', '/payments', problem(401, 'unauthenticated'), json(200, { items: PAYMENTS, nextCursor: null, total: PAYMENTS.length }));
      const expired = oneEvent(document, 'ebok-session-expired');
      const el = await fixture<EbokPaymentHistory>(html`<ebok-payment-history login-href="/logowanie"></ebok-payment-history>`);
      await expired;
      await until(() => words(el).includes('Twoja sesja wygasła. Zaloguj się ponownie, aby zobaczyć historię wpłat.'), 'asked to log in again');
      const login = shadow<HTMLAnchorElement>(el, '[part="login"]');
      expect(login.getAttribute('href')).to.equal('/logowanie');
      await expect(el).to.be.accessible();
      el.addEventListener('ebok-navigate', (e) => e.preventDefault(), { once: true });
      const navigate: Promise<EbokNavigateEvent> = oneEvent(el, 'ebok-navigate');
      login.click();
      expect((await navigate).detail.target).to.equal('login');
      getClient(BASE)!.signedIn(sessionAt());
      await until(() => rows(el).length === PAYMENTS.length, 'the payments after the new login', 5000);
    });
  });

  describe('the period filter', () => {
    it('asks for the dates of each quick choice (Polish calendar) and reflects the choice in the attribute', async () => {
      serve();
      const el = await mount();
      expect(lastQuery().has('from'), 'no period: every payment').to.equal(false);
      const today = dateFromToday(0);
      const year = Number(today.slice(0, 4));
      await choose(el, 'period', 'this-year');
      expect([lastQuery().get('from'), lastQuery().get('to')]).to.deep.equal([`${year}-01-01`, today]);
      expect(el.getAttribute('period')).to.equal('this-year');
      await choose(el, 'period', 'last-year');
      expect([lastQuery().get('from'), lastQuery().get('to')]).to.deep.equal([`${year - 1}-01-01`, `${year - 1}-12-31`]);
      await choose(el, 'period', 'last-12-months');
      expect(lastQuery().get('to')).to.equal(today);
      expect(lastQuery().get('from')! > `${year - 1}`).to.equal(true);
      expect(lastQuery().get('from')! <= dateFromToday(-364)).to.equal(true);
    });

    it('takes chosen dates from–to, from the fields or the attributes, and puts swapped dates right', async () => {
      serve();
      const el = await mount();
      await choose(el, 'period', 'custom');
      await choose(el, 'from', dateFromToday(-40));
      await choose(el, 'to', dateFromToday(-10));
      expect([lastQuery().get('from'), lastQuery().get('to')]).to.deep.equal([dateFromToday(-40), dateFromToday(-10)]);
      expect([el.getAttribute('from'), el.getAttribute('to')]).to.deep.equal([dateFromToday(-40), dateFromToday(-10)]);
      el.from = dateFromToday(-5);
      el.to = dateFromToday(-50);
      await el.list.settled();
      expect([lastQuery().get('from'), lastQuery().get('to')]).to.deep.equal([dateFromToday(-50), dateFromToday(-5)]);
    });

    it('reads dates alone as a chosen period, and ignores a period it does not know', async () => {
      serve();
      const el = await mount(html`<ebok-payment-history from="2024-02-01" to="2024-02-29"></ebok-payment-history>`);
      expect(el.filters.period).to.equal('custom');
      expect([lastQuery().get('from'), lastQuery().get('to')]).to.deep.equal(['2024-02-01', '2024-02-29']);
      expect(shadow<HTMLInputElement>(el, '#from').value).to.equal('2024-02-01');
      el.period = 'yesterday' as never;
      el.from = '';
      el.to = '';
      await el.list.settled();
      expect(lastQuery().has('from')).to.equal(false);
    });

    it("with url-state reads and writes its own ebok-payments- parameters, leaving the host's and an invoice list's alone", async () => {
      history.replaceState(null, '', `${location.pathname}?tab=finanse&ebok-period=this-year&ebok-payments-period=last-year#wplaty`);
      serve();
      const el = await mount(html`<ebok-payment-history url-state period="this-year"></ebok-payment-history>`);
      expect(el.period, 'the address wins').to.equal('last-year');
      expect(lastQuery().get('from')).to.equal(`${Number(dateFromToday(0).slice(0, 4)) - 1}-01-01`);
      await choose(el, 'period', 'custom');
      await choose(el, 'from', '2025-01-01');
      const url = new URL(location.href);
      expect(url.searchParams.get('ebok-payments-period')).to.equal('custom');
      expect(url.searchParams.get('ebok-payments-from')).to.equal('2025-01-01');
      expect(url.searchParams.get('tab')).to.equal('finanse');
      expect(url.searchParams.get('ebok-period'), "the invoice list's parameter").to.equal('this-year');
      expect(url.hash).to.equal('#wplaty');
      shadow<HTMLButtonElement>(el, '[part="filters"] [part="clear"]').click();
      expect(new URL(location.href).searchParams.has('ebok-payments-period')).to.equal(false);
    });

    it('never touches the address without url-state', async () => {
      history.replaceState(null, '', `${location.pathname}?ebok-payments-period=last-year`);
      serve();
      const el = await mount(html`<ebok-payment-history period="this-year"></ebok-payment-history>`);
      expect(el.period).to.equal('this-year');
      el.setFilters({ period: 'last-12-months' });
      expect(location.search).to.equal('?ebok-payments-period=last-year');
    });
  });

  describe('many payments and the keyboard', () => {
    const ALL = 120;
    function many() {
      serve((url) => {
        const offset = Number(url.searchParams.get('cursor') ?? '0');
        const limit = Number(url.searchParams.get('limit'));
        const items = Array.from({ length: Math.min(limit, ALL - offset) }, (_, i) => payment(offset + i));
        return json(200, { items, nextCursor: offset + limit < ALL ? String(offset + limit) : null, ...(offset ? {} : { total: ALL }) });
      });
    }

    it('pages with the cursor: the true count for screen readers first, the next page from "load more", each payment once', async () => {
      many();
      const el = await mount();
      expect(el.list.items).to.have.length(50);
      expect(shadow(el, 'table').getAttribute('aria-rowcount')).to.equal(String(ALL + 1));
      expect(shadow(el, '[part="count"]').textContent).to.contain('120 płatności');
      expect(words(el)).to.contain('120 płatności');
      shadow<HTMLButtonElement>(el, '[part="more-button"]').click();
      await until(() => el.list.items.length >= 100, 'the second page');
      expect(new URL(api.calls('GET', '/payments')[1]!.url).searchParams.get('cursor')).to.equal('50');
      while (el.list.hasMore) {
        el.list.loadMore();
        await el.list.settled();
      }
      expect(el.list.items).to.have.length(ALL);
      expect(new Set(el.list.items.map((p) => p.id)).size).to.equal(ALL);
      await expect(el).to.be.accessible();
    });

    it('asks for the next page by itself as the customer scrolls towards the end', async () => {
      many();
      const el = await mount();
      el.scrollIntoView({ block: 'end' });
      await until(() => el.list.items.length >= 100, 'the next page while scrolling', 5000);
      window.scrollTo(0, 0);
    });

    it('moves between rows with the arrows, Home and End, and Tab goes on to the document link', async () => {
      serve();
      const el = await mount();
      shadow<HTMLSelectElement>(el, '#period').focus();
      await sendKeys({ press: 'Tab' });
      expect(active(el), 'Tab from the filter lands on the first row').to.equal(rows(el)[0]);
      await sendKeys({ press: 'ArrowDown' });
      await until(() => active(el)?.dataset['index'] === '1', 'second row');
      expect(active(el)!.getAttribute('aria-rowindex')).to.equal('3');
      await sendKeys({ press: 'End' });
      await until(() => active(el)?.dataset['index'] === String(PAYMENTS.length - 1), 'last row');
      await sendKeys({ press: 'Home' });
      await until(() => active(el)?.dataset['index'] === '0', 'first row');
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.getAttribute('part')).to.equal('document-link');
      const navigate: Promise<EbokNavigateEvent> = oneEvent(el, 'ebok-navigate');
      await sendKeys({ press: 'Enter' });
      expect((await navigate).detail.params).to.deep.equal({ documentId: 'doc_0' });
      await expect(el).to.be.accessible();
    });

    it('shows rows as cards on a 320 px phone, still a table to screen readers, accessibly', async () => {
      serve();
      const el = await mount();
      el.style.setProperty('display', 'block');
      el.style.setProperty('inline-size', '320px');
      await until(() => getComputedStyle(rows(el)[0]!).display === 'block', 'cards');
      expect(shadow(el, 'table').getAttribute('role')).to.equal('table');
      expect(el.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
    });
  });

  describe('the pure rules', () => {
    it('counts only a paid payment as money received', () => {
      expect((['pending', 'paid', 'declined', 'cancelled', 'expired'] as const).filter((s) => paymentLook(s).received)).to.deep.equal(['paid']);
      expect(paymentLook('pending').pending).to.equal(true);
    });

    it('shows document numbers only when the API gave one for every id', () => {
      const base = payment(0, { documentIds: ['a', 'b'] });
      expect(paymentDocuments({ ...base, documents: [{ id: 'a', number: 'FV/1', type: 'invoice' }] })).to.deep.equal({ kind: 'count', count: 2 });
      expect(paymentDocuments({ ...base, documents: [{ id: 'a', number: 'FV/1', type: 'invoice' }, { id: 'b', number: 'KOR/2', type: 'correction' }] }).kind).to.equal('numbers');
      expect(paymentDocuments({ ...base, documents: 'broken' as never })).to.deep.equal({ kind: 'count', count: 2 });
      expect(paymentDocuments({ ...base, documentIds: [], documents: undefined })).to.deep.equal({ kind: 'none' });
    });

    it('turns a period into the query of GET /payments on the Polish today, a leap day included', () => {
      expect(paymentQuery(normalizeFilters({ period: 'last-12-months' }), '2028-02-29')).to.deep.equal({ from: '2027-03-01', to: '2028-02-29' });
      expect(paymentQuery(normalizeFilters({ period: 'this-year' }), '2027-01-01')).to.deep.equal({ from: '2027-01-01', to: '2027-01-01' });
      expect(paymentQuery(normalizeFilters({ from: '2026-02-30', to: '2026-03-05' }), '2026-06-01')).to.deep.equal({ to: '2026-03-05' });
      expect(isFiltered(normalizeFilters({ period: 'custom' }))).to.equal(true);
      expect(isFiltered(normalizeFilters({ period: 'nonsense' }))).to.equal(false);
      expect(warsawDate(new Date('2026-12-31T23:30:00Z')), 'the Polish day, whatever the device').to.equal('2027-01-01');
    });
  });
});
