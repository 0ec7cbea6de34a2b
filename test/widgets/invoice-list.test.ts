import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/widgets/invoice-list/ebok-invoice-list.js';
import type { EbokInvoiceList } from '../../src/widgets/invoice-list/invoice-list.js';
import type { DocumentSummary } from '../../src/widgets/invoice-list/invoice-list.logic.js';
import type { EbokErrorEvent, EbokNavigateEvent } from '../../src/core/events.js';
import { configure, getClient } from '../../src/api/registry.js';
import { fileSaver } from '../../src/kit/download.js';
import { localeReady } from '../../src/i18n/locale.js';
import { FakeApi, json, problem, sessionAt, dateFromToday, portalConfigOf } from '../helpers/fake-api.js';
import type { EbokPaymentStartEvent } from '../../src/core/events.js';
import type { EbokDialog } from '../../src/kit/ebok-dialog.js';
import { shadow, until } from '../helpers/dom.js';
import { active, words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';
import { polishIn } from '../helpers/polish.js';

const BASE = 'https://api.utility.test/api/v1';
const money = (amount: string) => ({ amount, currency: 'PLN' });

/** Document `i`, newest first, dated from today (so the statuses hold on any day). */
function doc(i: number, over: Partial<DocumentSummary> = {}): DocumentSummary {
  const issueDate = dateFromToday(-3 - 30 * i);
  return {
    id: `doc_${i}`,
    number: `FV/2026/${String(i).padStart(6, '0')}`,
    type: 'invoice',
    issueDate,
    dueDate: dateFromToday(11 - 30 * i),
    periodFrom: dateFromToday(-33 - 30 * i),
    periodTo: dateFromToday(-4 - 30 * i),
    gross: money('123.45'),
    remaining: money(i === 0 ? '123.45' : '0.00'),
    status: i === 0 ? 'unpaid' : 'paid',
    pointIds: ['pt_e_0001'],
    correctsDocumentId: null,
    hasPdf: true,
    payable: i === 0,
    ...over,
  };
}

const DOCS: DocumentSummary[] = [
  doc(0),
  doc(1, { status: 'overdue', remaining: money('50.00'), dueDate: dateFromToday(-5) }),
  doc(2, { status: 'partially_paid', remaining: money('20.00') }),
  doc(3, { type: 'correction', number: 'KOR/2026/000003', correctsDocumentId: 'doc_4', gross: money('-10.00') }),
  doc(4),
  doc(5, { type: 'interest_note', periodFrom: null, periodTo: null, hasPdf: false }),
];

const POINTS = {
  items: [
    { id: 'pt_e_0001', kind: 'electricity', code: '590243800000000012', codeType: 'ppe', name: 'Mieszkanie', address: { street: 'Zwycięstwa 12/4', postalCode: '44-100', city: 'Gliwice' }, tariff: 'G12', contractId: 'ct_1', meters: [] },
    { id: 'pt_e_0002', kind: 'electricity', code: '590243800000000029', codeType: 'ppe', name: 'Działka', address: { street: 'Leśna 1', postalCode: '44-100', city: 'Gliwice' }, tariff: 'G11', contractId: 'ct_1', meters: [] },
  ],
  nextCursor: null,
};

describe('<ebok-invoice-list>', () => {
  let api: FakeApi;

  function serve(documents: (url: URL) => Response = () => json(200, { items: DOCS, nextCursor: null, total: DOCS.length })) {
    api = new FakeApi()
      .on('GET', '/auth/session', json(200, sessionAt()))
      .on('GET', '/points', json(200, POINTS))
      .on('GET', '/documents', (request) => documents(new URL(request.url)))
      .on('GET', '/documents/doc_4', json(200, DOCS[4]));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
  }

  const rows = (el: EbokInvoiceList) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr[data-index]')];
  const table = (el: EbokInvoiceList) => shadow<HTMLTableElement>(el, 'table');
  const lastQuery = () => new URL(api.calls('GET', '/documents').at(-1)!.url).searchParams;

  async function list(template = html`<ebok-invoice-list></ebok-invoice-list>`) {
    const el = await fixture<EbokInvoiceList>(template);
    await localeReady();
    await el.list.settled();
    await until(() => rows(el).length > 0 || !!el.shadowRoot!.querySelector('[part~="status"], [part="login"]'), 'the list settled');
    return el;
  }

  let save: sinon.SinonStub;
  beforeEach(() => {
    resetPage();
    save = sinon.stub(fileSaver, 'save');
  });
  afterEach(() => {
    save.restore();
    resetPage();
    history.replaceState(null, '', location.pathname);
  });

  describe('the documents', () => {
    it('shows each document with its number, type, dates, amounts and status in words and icon, accessibly', async () => {
      serve();
      const el = await list();
      expect(rows(el)).to.have.length(DOCS.length);
      expect(table(el).getAttribute('aria-rowcount')).to.equal(String(DOCS.length + 1));
      expect(rows(el)[0]!.getAttribute('aria-rowindex')).to.equal('2');
      const first = rows(el)[0]!.textContent.replace(/\s+/g, ' ');
      expect(first).to.contain('FV/2026/000000').and.contain('Faktura').and.contain('123,45').and.contain('Niezapłacona');
      expect(rows(el)[1]!.textContent).to.contain('Po terminie');
      expect(rows(el)[2]!.textContent).to.contain('Częściowo zapłacona');
      expect(rows(el)[5]!.textContent).to.contain('Nota odsetkowa').and.contain('Brak PDF');
      expect(rows(el)[0]!.querySelector('[part="status-badge"] svg'), 'an icon besides the colour').to.exist;
      expect(shadow(el, '[part="count"]').textContent).to.contain('6 dokumentów');
      await expect(el).to.be.accessible();
    });

    it('links a correction to the invoice it corrects: ebok-navigate, then the row of that invoice takes the focus', async () => {
      serve();
      const el = await list();
      const link = shadow<HTMLAnchorElement>(el, '[part="corrects-link"]');
      expect(link.textContent).to.contain('FV/2026/000004');
      const navigate: Promise<EbokNavigateEvent> = oneEvent(el, 'ebok-navigate');
      link.click();
      const event = await navigate;
      expect(event.detail).to.deep.include({ target: 'document', params: { documentId: 'doc_4' } });
      expect(event.cancelable).to.equal(true);
      await until(() => active(el)?.dataset['index'] === '4', 'the corrected invoice focused');
    });

    it('lets the host route the correction link (cancelled ebok-navigate) and follows document-href otherwise', async () => {
      serve();
      const el = await list(html`<ebok-invoice-list document-href="/ebok/dokument/{id}"></ebok-invoice-list>`);
      const link = shadow<HTMLAnchorElement>(el, '[part="corrects-link"]');
      expect(link.getAttribute('href')).to.equal('/ebok/dokument/doc_4');
      el.addEventListener('ebok-navigate', (e) => e.preventDefault(), { once: true });
      link.click();
      expect(location.pathname).not.to.contain('/ebok/dokument');
    });

    it('with complaint-href offers "Reklamuj" per document, opening the ticket form with the complaint and the document chosen', async () => {
      serve();
      const el = await list(html`<ebok-invoice-list complaint-href="/zgloszenia.html"></ebok-invoice-list>`);
      const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="complaint-link"]')];
      expect(links.length, 'a link in every row shown').to.be.above(0);
      const url = new URL(links[0]!.href);
      expect([url.pathname, url.searchParams.get('ebok-category')]).to.deep.equal(['/zgloszenia.html', 'complaint']);
      const documentId = url.searchParams.get('ebok-document')!;
      expect(links[0]!.textContent, 'the link names its document for a screen reader').to.match(/Reklamuj\s+\S+/);
      const navigate = oneEvent<EbokNavigateEvent>(el, 'ebok-navigate');
      el.addEventListener('ebok-navigate', (e) => e.preventDefault(), { once: true });
      links[0]!.click();
      expect((await navigate).detail).to.deep.include({ target: 'complaint', params: { documentId, category: 'complaint' } });
      await expect(el).to.be.accessible();
    });

    it('without complaint-href has no complaint column', async () => {
      serve();
      const el = await list();
      expect(el.shadowRoot!.querySelector('[part="complaint-link"]')).to.equal(null);
    });

    it('says there are no documents yet, accessibly', async () => {
      serve(() => json(200, { items: [], nextCursor: null, total: 0 }));
      const el = await list();
      expect(words(el)).to.contain('Nie masz jeszcze żadnych dokumentów');
      await expect(el).to.be.accessible();
    });

    it('shows an error with a retry that loads again, reports ebok-error, accessibly', async () => {
      let first = true;
      serve(() => {
        if (!first) return json(200, { items: DOCS, nextCursor: null, total: DOCS.length });
        first = false;
        return problem(500, 'internal_error');
      });
      const el = document.createElement('ebok-invoice-list');
      const error = oneEvent<EbokErrorEvent>(el, 'ebok-error');
      await list(html`${el}`);
      expect((await error).detail).to.include({ code: 'internal_error', status: 500 });
      expect(words(el)).to.contain('Nie udało się wczytać dokumentów');
      await expect(el).to.be.accessible();
      shadow<HTMLButtonElement>(el, '[part~="retry"]').click();
      await until(() => rows(el).length === DOCS.length, 'rows after retry');
    });

    it('asks the customer to log in when signed out, without asking for documents', async () => {
      api = new FakeApi().on('GET', '/auth/session', problem(401, 'unauthenticated'));
      configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
      const el = await list(html`<ebok-invoice-list login-href="/logowanie"></ebok-invoice-list>`);
      expect(shadow(el, '[part="login"]').getAttribute('href')).to.equal('/logowanie');
      expect(el.shadowRoot!.querySelector('[part="filters"]')).to.equal(null);
      expect(api.calls('GET', '/documents')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('speaks English, dates and amounts included', async () => {
      serve();
      const el = await list(html`<ebok-invoice-list lang="en"></ebok-invoice-list>`);
      await until(() => words(el).includes('Invoices and documents'), 'English');
      await until(() => !!el.shadowRoot!.querySelector('#point option[value="pt_e_0002"]'), 'the points in the filter');
      // Document numbers and the names the customer gave the points are data, in no language.
      const data = new RegExp(['FV\\/\\S+', 'KOR\\/\\S+', ...POINTS.items.map((point) => point.name)].join('|'), 'g');
      expect(await polishIn(words(el).replace(data, ''))).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  });

  describe('filters', () => {
    it('opens "to pay" from the attribute: every status with something left to pay', async () => {
      serve();
      await list(html`<ebok-invoice-list status="to-pay"></ebok-invoice-list>`);
      expect(lastQuery().getAll('status')).to.deep.equal(['unpaid', 'partially_paid', 'overdue']);
    });

    it('asks the API again when a filter changes, and reflects it in the attribute', async () => {
      serve();
      const el = await list();
      const select = shadow<HTMLSelectElement>(el, '#status');
      select.value = 'overdue';
      select.dispatchEvent(new Event('change'));
      await el.list.settled();
      expect(lastQuery().getAll('status')).to.deep.equal(['overdue']);
      expect(el.getAttribute('status')).to.equal('overdue');
      const type = shadow<HTMLSelectElement>(el, '#type');
      type.value = 'correction';
      type.dispatchEvent(new Event('change'));
      await el.list.settled();
      expect(lastQuery().getAll('type')).to.deep.equal(['correction']);
      expect(lastQuery().getAll('status')).to.deep.equal(['overdue']);
    });

    it('filters by a point of delivery, a period and the number (after a pause in typing), and sorts', async () => {
      serve();
      const el = await list();
      await until(() => !!el.shadowRoot!.querySelector('#point'), 'points of delivery');
      const point = shadow<HTMLSelectElement>(el, '#point');
      point.value = 'pt_e_0002';
      point.dispatchEvent(new Event('change'));
      await el.list.settled();
      expect(lastQuery().get('pointId')).to.equal('pt_e_0002');
      el.period = 'this-year';
      await el.list.settled();
      const today = dateFromToday(0);
      expect(lastQuery().get('from')).to.equal(`${today.slice(0, 4)}-01-01`);
      expect(lastQuery().get('to')).to.equal(today);
      shadow<HTMLInputElement>(el, '#q').focus();
      await sendKeys({ type: 'KOR' });
      await until(() => lastQuery().get('q') === 'KOR', 'the search sent after a pause', 3000);
      expect(el.q).to.equal('KOR');
      const sort = shadow<HTMLSelectElement>(el, '#sort');
      sort.value = 'dueDate';
      sort.dispatchEvent(new Event('change'));
      await el.list.settled();
      expect(lastQuery().get('sort')).to.equal('dueDate');
    });

    it('sorts by amount: the choice "amount, highest first" asks the API for sort=-amount', async () => {
      serve();
      const el = await list();
      const sort = shadow<HTMLSelectElement>(el, '#sort');
      const options = [...sort.options].map((o) => [o.value, o.textContent?.trim()]);
      expect(options).to.deep.include.members([
        ['-amount', 'Kwota: od najwyższych'],
        ['amount', 'Kwota: od najniższych'],
      ]);
      sort.value = '-amount';
      sort.dispatchEvent(new Event('change'));
      await el.list.settled();
      expect(lastQuery().get('sort')).to.equal('-amount');
      expect(el.sort).to.equal('-amount');
      await expect(el).to.be.accessible();
    });

    it('takes the order from the attribute: sort="-amount" asks the API for it, and a change of the attribute asks again', async () => {
      serve();
      const byAttribute = await list(html`<ebok-invoice-list sort="-amount"></ebok-invoice-list>`);
      expect(lastQuery().get('sort')).to.equal('-amount');
      expect(shadow<HTMLSelectElement>(byAttribute, '#sort').value).to.equal('-amount');
      byAttribute.setAttribute('sort', 'amount');
      await byAttribute.list.settled();
      await until(() => lastQuery().get('sort') === 'amount', 'the ascending order asked for');
    });

    it('says when nothing matches the filters and offers to clear them, accessibly', async () => {
      serve((url) => json(200, url.searchParams.has('q') ? { items: [], nextCursor: null, total: 0 } : { items: DOCS, nextCursor: null, total: DOCS.length }));
      const el = await list(html`<ebok-invoice-list q="XYZ"></ebok-invoice-list>`);
      expect(words(el)).to.contain('Żaden dokument nie spełnia wybranych warunków');
      await expect(el).to.be.accessible();
      shadow<HTMLButtonElement>(el, '[part="clear"]').click();
      await el.list.settled();
      await until(() => rows(el).length === DOCS.length, 'all documents again');
      expect(el.hasAttribute('q') && el.getAttribute('q') !== '').to.equal(false);
    });

    it('with url-state reads and writes its own ebok- parameters of the address, leaving the host\'s alone', async () => {
      history.replaceState(null, '', `${location.pathname}?tab=faktury&ebok-status=paid#dokumenty`);
      serve();
      const el = await list(html`<ebok-invoice-list url-state status="to-pay"></ebok-invoice-list>`);
      expect(lastQuery().getAll('status')).to.deep.equal(['paid']);
      expect(el.status).to.equal('paid');
      const select = shadow<HTMLSelectElement>(el, '#type');
      select.value = 'invoice';
      select.dispatchEvent(new Event('change'));
      const url = new URL(location.href);
      expect(url.searchParams.get('tab')).to.equal('faktury');
      expect(url.searchParams.get('ebok-type')).to.equal('invoice');
      expect(url.searchParams.get('ebok-status')).to.equal('paid');
      expect(url.hash).to.equal('#dokumenty');
    });

    it('never touches the address without url-state', async () => {
      history.replaceState(null, '', `${location.pathname}?ebok-status=paid`);
      serve();
      const el = await list(html`<ebok-invoice-list status="overdue"></ebok-invoice-list>`);
      expect(el.status).to.equal('overdue');
      el.setFilters({ type: 'invoice' });
      expect(location.search).to.equal('?ebok-status=paid');
    });
  });

  describe('the PDF', () => {
    it('downloads under the server\'s name, showing progress while the bytes arrive', async () => {
      serve();
      let push!: (chunk?: Uint8Array) => void;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          push = (chunk) => (chunk ? controller.enqueue(chunk) : controller.close());
        },
      });
      api.on(
        'GET',
        '/documents/doc_0/pdf',
        () =>
          new Response(body, {
            status: 200,
            headers: { 'Content-Type': 'application/pdf', 'Content-Length': '2000', 'Content-Disposition': 'attachment; filename="FV_2026_000000.pdf"' },
          }),
      );
      const el = await list();
      shadow<HTMLButtonElement>(el, '[part="pdf"]').click();
      push(new Uint8Array(1000).fill(37));
      await until(() => el.shadowRoot!.querySelector('[part="download"] progress') !== null, 'progress');
      await until(() => el.shadowRoot!.querySelector<HTMLProgressElement>('[part="download"] progress')!.value === 50, 'half downloaded');
      await expect(el).to.be.accessible();
      push(new Uint8Array(1000).fill(37));
      push();
      await until(() => save.called, 'file saved');
      const [blob, name] = save.firstCall.args as [Blob, string];
      expect(name).to.equal('FV_2026_000000.pdf');
      expect(blob.size).to.equal(2000);
      expect(blob.type).to.equal('application/pdf');
      await until(() => words(el).includes('Pobrano plik FV_2026_000000.pdf'), 'announced');
    });

    it('names the file after the document number when the server gives no name', async () => {
      serve();
      api.on('GET', '/documents/doc_0/pdf', new Response(new Uint8Array([37, 80, 68, 70]), { headers: { 'Content-Type': 'application/pdf' } }));
      const el = await list();
      shadow<HTMLButtonElement>(el, '[part="pdf"]').click();
      await until(() => save.called, 'file saved');
      expect(save.firstCall.args[1]).to.equal('FV_2026_000000.pdf');
    });

    it('says the PDF is missing (404), accessibly, and fires ebok-error', async () => {
      serve();
      api.on('GET', '/documents/doc_0/pdf', problem(404, 'not_found'));
      const el = await list();
      const error: Promise<EbokErrorEvent> = oneEvent(el, 'ebok-error');
      shadow<HTMLButtonElement>(el, '[part="pdf"]').click();
      expect((await error).detail.code).to.equal('not_found');
      await until(() => !!el.shadowRoot!.querySelector('[part~="download"][part~="notice"]'), 'the problem shown');
      expect(words(el)).to.contain('Plik PDF dokumentu FV/2026/000000 jest niedostępny');
      expect(save.called).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('asks to log in again when the session ended (401), and downloads after the new login', async () => {
      serve();
      api.on('GET', '/documents/doc_0/pdf', problem(401, 'unauthenticated'), new Response(new Uint8Array([37, 80, 68, 70]), { headers: { 'Content-Type': 'application/pdf' } }));
      const el = await list();
      const expired = oneEvent(document, 'ebok-session-expired');
      shadow<HTMLButtonElement>(el, '[part="pdf"]').click();
      await expired;
      await until(() => words(el).includes('Twoja sesja wygasła'), 'asked to log in');
      expect(words(el)).to.contain('pobieranie zacznie się samo');
      await expect(el).to.be.accessible();
      getClient(BASE)!.signedIn(sessionAt());
      await until(() => save.called, 'downloaded after the login', 5000);
      expect(save.firstCall.args[1]).to.equal('FV_2026_000000.pdf');
    });
  });

  describe('many documents and the keyboard', () => {
    const ALL = 10_000;
    function tenThousand() {
      serve((url) => {
        const offset = Number(url.searchParams.get('cursor') ?? '0');
        const limit = Number(url.searchParams.get('limit'));
        const items = Array.from({ length: Math.min(limit, ALL - offset) }, (_, i) => doc(offset + i, { status: 'paid', remaining: money('0.00') }));
        return json(200, { items, nextCursor: offset + limit < ALL ? String(offset + limit) : null, ...(offset ? {} : { total: ALL }) });
      });
    }

    it('renders only the rows on screen of 10,000, with the true row count, and pages as it scrolls', async () => {
      tenThousand();
      const el = await list();
      expect(table(el).getAttribute('aria-rowcount')).to.equal(String(ALL + 1));
      expect(shadow(el, '[part="count"]').textContent).to.contain('10');
      await until(() => api.calls('GET', '/documents').length >= 1, 'first page');
      expect(rows(el).length).to.be.below(80);
      // Scrolling down the loaded rows asks for the next page before the customer reaches their end.
      // (The customer keeps scrolling to the end while the rows are measured and the page grows.)
      await until(
        () => {
          el.scrollIntoView({ block: 'end' });
          return el.list.items.length >= 100;
        },
        'the next page while scrolling',
        5000,
      );
      expect(rows(el).length).to.be.below(120);
      expect(new URL(api.calls('GET', '/documents')[1]!.url).searchParams.get('cursor')).to.equal('50');
      window.scrollTo(0, 0);
    });

    it('moves between rows with the arrows, Home and End, each row telling its position', async () => {
      serve();
      const el = await list();
      const first = rows(el)[0]!;
      expect(first.tabIndex).to.equal(0);
      expect(rows(el)[1]!.tabIndex).to.equal(-1);
      // Tab from the last control of the filters lands on the list.
      shadow<HTMLButtonElement>(el, '[part="search"]').focus();
      await sendKeys({ press: 'Tab' });
      expect(active(el)).to.equal(first);
      await sendKeys({ press: 'ArrowDown' });
      await until(() => active(el)?.dataset['index'] === '1', 'second row');
      expect(active(el)!.getAttribute('aria-rowindex')).to.equal('3');
      await sendKeys({ press: 'End' });
      await until(() => active(el)?.dataset['index'] === String(DOCS.length - 1), 'last row');
      await sendKeys({ press: 'Home' });
      await until(() => active(el)?.dataset['index'] === '0', 'first row');
      await sendKeys({ press: 'ArrowUp' });
      expect(active(el)?.dataset['index']).to.equal('0');
      // Tab goes on into the row's own controls: its checkbox to pay it, then its PDF.
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.getAttribute('part')).to.equal('choose');
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.getAttribute('part')).to.equal('pdf');
      await expect(el).to.be.accessible();
    });

    it('downloads a PDF with the keyboard alone', async () => {
      serve();
      api.on('GET', '/documents/doc_0/pdf', new Response(new Uint8Array([37, 80, 68, 70]), { headers: { 'Content-Type': 'application/pdf' } }));
      const el = await list();
      rows(el)[0]!.focus();
      await sendKeys({ press: 'Tab' }); // the checkbox to pay it
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await until(() => save.called, 'file saved');
    });

    it('shows rows as cards on a 320 px phone, still a table to screen readers, accessibly', async () => {
      serve();
      const el = await list(html`<ebok-invoice-list class="narrow"></ebok-invoice-list>`);
      el.style.setProperty('display', 'block');
      el.style.setProperty('inline-size', '320px');
      await until(() => getComputedStyle(rows(el)[0]!).display === 'block', 'cards');
      const label = rows(el)[0]!.querySelector('.table__label')!;
      expect(getComputedStyle(label).display).to.equal('block');
      expect(table(el).getAttribute('role')).to.equal('table');
      expect(el.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
    });
  });

  describe('paying chosen documents', () => {
    const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
    /** Three payable documents of two contracts, one paid and one with a payment under way. */
    const PAYABLE: DocumentSummary[] = [
      doc(0, { remaining: money('123.45'), payable: true }),
      doc(1, { status: 'overdue', remaining: money('50.00'), dueDate: dateFromToday(-5), payable: true, pointIds: ['pt_g_0001'] }),
      doc(2, { status: 'unpaid', remaining: money('300.00'), payable: true }),
      doc(3, { status: 'paid', remaining: money('0.00'), payable: false }),
      doc(4, { status: 'unpaid', remaining: money('80.00'), payable: false }),
    ];
    function servePayable(cap?: string) {
      serve(() => json(200, { items: PAYABLE, nextCursor: null, total: PAYABLE.length }));
      const config = portalConfigOf('energia');
      api.on('GET', '/portal-config', json(200, { ...config, payments: { ...config.payments, perTransactionCap: cap ? money(cap) : null } }));
    }
    const choose = (el: EbokInvoiceList, i: number) => rows(el)[i]!.querySelector<HTMLInputElement>('[part="choose"]');
    const created = (id: string, amount: string) => json(201, { id, status: 'pending', amount: money(amount), redirectUrl: `https://gateway.test/p/${id}`, expiresAt: inMinutes(15) });

    it('chooses documents by checkbox and by Space, sums them live, and pays them in one payment', async () => {
      servePayable();
      api.on('POST', '/payments', created('pay-1', '473.45'));
      const el = await list();
      await until(() => !!choose(el, 0), 'checkboxes shown');
      choose(el, 0)!.click();
      rows(el)[1]!.focus();
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect(shadow(el, '[part="selection"]').textContent).to.contain('Wybrano 2 dokumenty').and.contain('173,45');
      expect(rows(el)[1]!.classList.contains('row--chosen'), 'the chosen row is marked').to.equal(true);
      expect(choose(el, 1)!.checked, 'Space ticks the checkbox too').to.equal(true);
      choose(el, 2)!.click();
      await el.updateComplete;
      expect(shadow(el, '[part="selection"]').textContent).to.contain('Wybrano 3 dokumenty').and.contain('473,45');
      await expect(el).to.be.accessible();
      shadow<HTMLButtonElement>(el, '[part="selection"] [part="pay"]').click();
      await until(() => el.shadowRoot!.querySelector<EbokDialog>('ebok-dialog')?.open === true, 'confirmation open');
      const dialog = shadow<EbokDialog>(el, 'ebok-dialog');
      expect(dialog.textContent).to.contain('473,45').and.contain(PAYABLE[0]!.number).and.contain(PAYABLE[2]!.number);
      await expect(el).to.be.accessible();
      el.addEventListener('ebok-payment-start', (e) => e.preventDefault(), { once: true });
      const started: Promise<EbokPaymentStartEvent> = oneEvent(el, 'ebok-payment-start');
      const confirm = shadow<HTMLButtonElement>(el, '[part="confirm"]');
      confirm.click();
      confirm.click(); // a double click pays once
      expect((await started).detail).to.deep.include({ paymentId: 'pay-1', amount: '473.45' });
      const posts = api.calls('POST', '/payments');
      expect(posts).to.have.length(1);
      const body = JSON.parse(posts[0]!.body) as { scope: string; documentIds: string[]; returnUrl: string; amount?: unknown };
      expect(body.scope).to.equal('documents');
      expect(body.documentIds).to.deep.equal(['doc_0', 'doc_1', 'doc_2']);
      expect(body.amount, 'no amount: everything due on them').to.equal(undefined);
      expect(new URL(body.returnUrl).searchParams.get('ebok-payment')).to.equal('ebok-invoice-list');
    });

    it('offers no checkbox for a paid document or one whose payment is under way, and says why', async () => {
      servePayable();
      const el = await list();
      await until(() => !!choose(el, 0), 'checkboxes shown');
      expect(choose(el, 3)).to.equal(null);
      expect(rows(el)[3]!.textContent).to.contain('nie do zapłaty');
      expect(choose(el, 4)).to.equal(null);
      expect(rows(el)[4]!.textContent).to.contain('płatność w toku');
      rows(el)[3]!.focus();
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="selection"]'), 'Space on a paid document chooses nothing').to.equal(null);
    });

    it('over the per-transaction cap says so before paying, and pays exactly the cap', async () => {
      servePayable('400.00');
      api.on('POST', '/payments', created('pay-2', '400.00'));
      const el = await list();
      await until(() => !!choose(el, 0), 'checkboxes shown');
      await until(() => el.config.status === 'complete', 'portal config read');
      for (const i of [0, 1, 2]) choose(el, i)!.click();
      await el.updateComplete;
      expect(shadow(el, '[part="selection"]').textContent).to.contain('limit').and.contain('400,00');
      shadow<HTMLButtonElement>(el, '[part="selection"] [part="pay"]').click();
      await until(() => !!el.shadowRoot!.querySelector('ebok-dialog .cap'), 'the cap explained in the confirmation');
      expect(shadow(el, 'ebok-dialog .cap').textContent).to.contain('400,00').and.contain('73,45');
      el.addEventListener('ebok-payment-start', (e) => e.preventDefault(), { once: true });
      shadow<HTMLButtonElement>(el, '[part="confirm"]').click();
      await until(() => api.calls('POST', '/payments').length === 1, 'payment created');
      expect((JSON.parse(api.calls('POST', '/payments')[0]!.body) as { amount: unknown }).amount).to.deep.equal(money('400.00'));
    });

    it('a click on Zapłać before the payment settings arrived waits for them, so the cap is explained before paying', async () => {
      servePayable('400.00');
      const config = portalConfigOf('energia');
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      api.on('GET', '/portal-config', async () => {
        await held;
        return json(200, { ...config, payments: { ...config.payments, perTransactionCap: money('400.00') } });
      });
      const el = await list();
      await until(() => !!choose(el, 0), 'checkboxes shown');
      for (const i of [0, 1, 2]) choose(el, i)!.click();
      await el.updateComplete;
      shadow<HTMLButtonElement>(el, '[part="selection"] [part="pay"]').click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('ebok-dialog[open]'), 'no confirmation without the cap').to.equal(null);
      release();
      await until(() => !!el.shadowRoot!.querySelector('ebok-dialog .cap'), 'the cap explained in the confirmation');
      expect(shadow(el, 'ebok-dialog .cap').textContent).to.contain('400,00');
    });

    it('when another tab already pays a chosen document, drops it from the choice, reloads, and offers the rest', async () => {
      servePayable();
      api.on(
        'POST',
        '/payments',
        problem(422, 'validation_failed', { fields: [{ field: '/documentIds/1', code: 'not_payable', message: 'Płatność za ten dokument jest w toku.' }] }),
        created('pay-3', '423.45'),
      );
      const el = await list();
      await until(() => !!choose(el, 0), 'checkboxes shown');
      for (const i of [0, 1, 2]) choose(el, i)!.click();
      await el.updateComplete;
      shadow<HTMLButtonElement>(el, '[part="selection"] [part="pay"]').click();
      await until(() => el.shadowRoot!.querySelector<EbokDialog>('ebok-dialog')?.open === true, 'confirmation open');
      const loads = api.calls('GET', '/documents').length;
      shadow<HTMLButtonElement>(el, '[part="confirm"]').click();
      await until(() => !!el.shadowRoot!.querySelector('ebok-dialog .dialog-error'), 'the refusal explained');
      expect(shadow(el, 'ebok-dialog .dialog-error').textContent).to.contain(PAYABLE[1]!.number).and.contain('Pozostałe możesz zapłacić');
      expect(shadow(el, 'ebok-dialog').textContent, 'the new sum').to.contain('423,45');
      await until(() => api.calls('GET', '/documents').length > loads, 'the list asked the server again');
      el.addEventListener('ebok-payment-start', (e) => e.preventDefault(), { once: true });
      shadow<HTMLButtonElement>(el, '[part="confirm"]').click();
      await until(() => api.calls('POST', '/payments').length === 2, 'paid the rest');
      expect((JSON.parse(api.calls('POST', '/payments')[1]!.body) as { documentIds: string[] }).documentIds).to.deep.equal(['doc_0', 'doc_2']);
    });

    it('clears the choice with one button, keeps it across a filter change', async () => {
      servePayable();
      const el = await list();
      await until(() => !!choose(el, 0), 'checkboxes shown');
      choose(el, 0)!.click();
      await el.updateComplete;
      el.setFilters({ type: 'invoice' });
      await el.list.settled();
      await until(() => !!choose(el, 0), 'rows again');
      expect(shadow(el, '[part="selection"]').textContent, 'the choice survives the filter').to.contain('Wybrano 1 dokument');
      shadow<HTMLButtonElement>(el, '[part="clear-selection"]').click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="selection"]')).to.equal(null);
      expect(choose(el, 0)!.checked).to.equal(false);
    });

    it('back from the operator announces the outcome of its own payment and reloads the documents', async () => {
      servePayable();
      api.on('GET', '/payments/pay-9', json(200, { id: 'pay-9', status: 'paid', amount: money('173.45'), method: 'blik', documentIds: ['doc_0', 'doc_1'], createdAt: inMinutes(-3), completedAt: inMinutes(-1) }));
      history.replaceState(null, '', `${location.pathname}?paymentId=pay-9&ebok-payment=ebok-invoice-list`);
      const el = await list();
      await until(() => !!el.shadowRoot!.querySelector('[part="result"]'), 'outcome shown');
      expect(shadow(el, '[part="result"]').textContent).to.contain('173,45').and.contain('przyjęta');
      await until(() => el.shadowRoot!.activeElement === shadow(el, '[part="result"]'), 'focus on the outcome');
      expect(location.search, 'the return parameters are gone').to.equal('');
      await until(() => api.calls('GET', '/documents').length >= 2, 'documents loaded again');
      await expect(el).to.be.accessible();
    });
  });
});
