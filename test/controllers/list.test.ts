import { expect, fixture, html } from '@open-wc/testing';
import { property } from 'lit/decorators.js';
import { EbokApiElement } from '../../src/core/api-element.js';
import { EbokElement } from '../../src/core/ebok-element.js';
import { safeDefine } from '../../src/core/define.js';
import { renderEmpty, renderError, renderLoading, renderOffline, statusStyles } from '../../src/core/status.js';
import { ListController, defaultListAnnouncement, listStyles, plural, type ListProgress } from '../../src/controllers/list.js';
import { VirtualTable, tableStyles, type TableColumn } from '../../src/kit/table.js';
import { EbokApiError } from '../../src/api/errors.js';
import type { EbokErrorEvent } from '../../src/core/events.js';
import type { components } from '../../src/api/schema.js';
import { configure, getClient } from '../../src/api/registry.js';
import { FakeApi, json, problem, sessionAt } from '../helpers/fake-api.js';
import { until } from '../helpers/dom.js';
import { resetPage } from '../helpers/page.js';
import { localeReady } from '../../src/i18n/locale.js';

type Doc = components['schemas']['DocumentSummary'];
type Status = components['schemas']['DocumentStatus'];

const BASE = 'https://api.utility.test/api/v1';

/** Document `i` of the fake customer, with only what the test widget shows. */
const doc = (i: number) => ({ id: `doc_${i}`, number: `FV/2026/${String(i).padStart(5, '0')}`, gross: { amount: `${10 + i}.00`, currency: 'PLN' } }) as unknown as Doc;
const docs = (count: number, from = 0) => Array.from({ length: count }, (_, i) => doc(from + i));

/**
 * Answers GET /documents as the contract does: `cursor` is an offset, `limit` the page size, `total` on the first
 * page only (as the reference server does).
 */
function pagesOf(all: readonly Doc[], options: { total?: boolean } = {}) {
  return (request: Request) => {
    const url = new URL(request.url);
    const offset = Number(url.searchParams.get('cursor') ?? '0');
    const limit = Number(url.searchParams.get('limit') ?? '20');
    const items = all.slice(offset, offset + limit);
    const nextCursor = offset + limit < all.length ? String(offset + limit) : null;
    return json(200, { items, nextCursor, ...(options.total !== false && offset === 0 ? { total: all.length } : {}) });
  };
}

/** An answer held back until `open()`; it fails as an abort when the request is aborted first. */
function held(answer: (request: Request) => Response) {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  const respond = (request: Request) =>
    new Promise<Response>((resolve, reject) => {
      request.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
      void opened.then(() => resolve(answer(request)));
    });
  return { open, respond };
}

const COLUMNS: readonly TableColumn<Doc>[] = [
  { key: 'number', header: 'Numer', rowHeader: true, cell: (d) => d.number },
  { key: 'amount', header: 'Kwota', align: 'end', cell: (d) => d.gross.amount },
  { key: 'actions', header: 'Akcje', cell: (d) => html`<button type="button" class="pdf">PDF ${d.number}</button>` },
];

interface ListArgs {
  status: Status[];
  sort: '-issueDate' | 'issueDate';
}

/** A documents list as the coming invoice widget will build it: the list controller and the virtual table. */
class TestDocumentList extends EbokApiElement {
  static override styles = [EbokElement.styles, statusStyles, tableStyles, listStyles];

  @property({ attribute: false }) status: Status[] = [];
  @property() sort: '-issueDate' | 'issueDate' = '-issueDate';
  announce: ((progress: ListProgress) => string | undefined) | undefined;
  /** The cursor of every page the controller asked its `load` for (the client may still merge identical GETs). */
  readonly asked: (string | undefined)[] = [];

  readonly list: ListController<Doc, ListArgs> = new ListController<Doc, ListArgs>(this, {
    load: (client, { cursor, limit, args }, signal) => {
      this.asked.push(cursor);
      return client.get('/documents', { params: { query: { cursor, limit, sort: args.sort, ...(args.status.length ? { status: args.status } : {}) } }, signal });
    },
    args: () => ({ status: [...this.status], sort: this.sort }),
    key: (d) => d.id,
    limit: 20,
    announce: (progress) => (this.announce ?? defaultListAnnouncement)(progress),
    failure: () => 'Nie udało się wczytać dokumentów.',
  });
  readonly table: VirtualTable<Doc> = new VirtualTable<Doc>(this, { rowHeight: 48 });

  override render() {
    return html`<div class="base" part="base">
      ${this.list.renderAnnouncement()}
      ${this.list.render({
        pending: () => renderLoading('dokumenty'),
        complete: (items) =>
          items.length
            ? html`${this.table.render({ label: 'Dokumenty', columns: COLUMNS, items, count: this.list.count, key: (d) => d.id })}
              ${this.list.renderMore()}`
            : renderEmpty('Brak dokumentów.'),
        error: (_error, retry) => renderError({ onRetry: retry }),
        offline: (retry) => renderOffline(retry),
        signedOut: () => html`<p class="signed-out">Zaloguj się, aby zobaczyć dokumenty.</p>`,
        noApi: () => html`<p class="no-api">Brak adresu API.</p>`,
      })}
    </div>`;
  }
}
safeDefine('test-document-list', TestDocumentList);

declare global {
  interface HTMLElementTagNameMap {
    'test-document-list': TestDocumentList;
  }
}

const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr[data-index]')];
const moreButton = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="more-button"]');
const words = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const cursors = (api: FakeApi) => api.calls('GET', '/documents').map((seen) => new URL(seen.url).searchParams.get('cursor'));

describe('ListController (cursor pages of a list)', () => {
  let api: FakeApi;
  let onLine: PropertyDescriptor | undefined;

  function serve(...answers: Parameters<FakeApi['on']>[2][]) {
    api = new FakeApi().on('GET', '/auth/session', json(200, sessionAt())).on('GET', '/documents', ...answers);
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
  }

  async function mount() {
    const el = await fixture<TestDocumentList>(html`<test-document-list></test-document-list>`);
    await el.list.settled();
    return el;
  }

  beforeEach(() => resetPage());
  afterEach(() => {
    resetPage();
    document.documentElement.removeAttribute('lang');
    if (onLine) Object.defineProperty(navigator, 'onLine', onLine);
    onLine = undefined;
  });

  it('loads the first page, then appends the next pages in order, each item once', async () => {
    const all = docs(45);
    serve(pagesOf(all));
    const el = await mount();
    expect(el.list.status).to.equal('complete');
    expect(el.list.items.map((d) => d.id)).to.deep.equal(all.slice(0, 20).map((d) => d.id));
    expect(el.list.total, 'the total of the first page').to.equal(45);
    expect(el.list.hasMore).to.equal(true);

    moreButton(el)!.click();
    await el.list.settled();
    moreButton(el)!.click();
    await el.list.settled();

    expect(cursors(api), 'the cursors asked for').to.deep.equal([null, '20', '40']);
    expect(api.calls('GET', '/documents').map((s) => new URL(s.url).searchParams.get('limit'))).to.deep.equal(['20', '20', '20']);
    expect(el.list.items.map((d) => d.id)).to.deep.equal(all.map((d) => d.id));
    expect(el.list.hasMore, 'no more after the last page').to.equal(false);
    expect(el.list.count).to.equal(45);
    expect(moreButton(el), 'no "load more" after the last page').to.equal(null);
    expect(el.shadowRoot!.querySelector('table')!.getAttribute('aria-rowcount')).to.equal('46');
  });

  it('shows an item that a later page repeats only once (the list moved underneath)', async () => {
    serve(json(200, { items: docs(20), nextCursor: 'p2', total: 30 }), json(200, { items: docs(10, 18), nextCursor: null }));
    const el = await mount();
    expect(el.list.items).to.have.length(20);
    el.list.loadMore();
    await el.list.settled();
    const ids = el.list.items.map((d) => d.id);
    expect(ids).to.deep.equal(docs(28).map((d) => d.id));
    expect(new Set(ids).size, 'no duplicates').to.equal(ids.length);
  });

  it('starts over from the first page when the filters change, aborting the request that ran', async () => {
    const slow = held(pagesOf(docs(45)));
    const overdue = docs(3, 100);
    serve((request) => (new URL(request.url).searchParams.get('status') === 'overdue' ? pagesOf(overdue)(request) : slow.respond(request)));
    const el = await fixture<TestDocumentList>(html`<test-document-list></test-document-list>`);
    await until(() => api.calls('GET', '/documents').length === 1, 'the first request');
    expect(el.list.status).to.equal('pending');

    el.status = ['overdue'];
    await el.list.settled();
    slow.open();

    const [first, second] = api.calls('GET', '/documents');
    expect(first!.signal.aborted, 'the request for the old filter was aborted').to.equal(true);
    expect(new URL(second!.url).searchParams.getAll('status')).to.deep.equal(['overdue']);
    expect(new URL(second!.url).searchParams.get('cursor'), 'from the first page').to.equal(null);
    expect(el.list.items.map((d) => d.id)).to.deep.equal(overdue.map((d) => d.id));
    expect(rows(el).map((row) => row.getAttribute('aria-rowindex'))).to.deep.equal(['2', '3', '4']);
  });

  it('drops the loaded pages and a running "load more" when the sort order changes', async () => {
    const all = docs(45);
    const slowSecond = held(pagesOf(all));
    serve((request) => (new URL(request.url).searchParams.get('cursor') === '20' ? slowSecond.respond(request) : pagesOf(all)(request)));
    const el = await mount();
    el.list.loadMore();
    await until(() => api.calls('GET', '/documents').length === 2, 'the second page asked for');
    expect(el.list.more).to.equal('loading');

    el.sort = 'issueDate';
    await el.list.settled();
    slowSecond.open();
    await el.list.settled();

    const calls = api.calls('GET', '/documents');
    expect(calls[1]!.signal.aborted, 'the page of the old order was aborted').to.equal(true);
    expect(new URL(calls[2]!.url).searchParams.get('sort')).to.equal('issueDate');
    expect(new URL(calls[2]!.url).searchParams.get('cursor')).to.equal(null);
    expect(el.list.items.map((d) => d.id), 'only the first page of the new order').to.deep.equal(all.slice(0, 20).map((d) => d.id));
    expect(el.list.more).to.equal('idle');
  });

  it('does not start over when the args are equal but new arrays', async () => {
    serve(pagesOf(docs(45)));
    const el = await mount();
    el.status = [];
    el.requestUpdate();
    await el.list.settled();
    expect(api.calls('GET', '/documents')).to.have.length(1);
  });

  it('sends one request for a double click on "load more"', async () => {
    const all = docs(45);
    const slowSecond = held(pagesOf(all));
    serve((request) => (new URL(request.url).searchParams.get('cursor') === '20' ? slowSecond.respond(request) : pagesOf(all)(request)));
    const el = await mount();
    const button = moreButton(el)!;
    button.click();
    button.click();
    await el.updateComplete;
    moreButton(el)!.click();
    expect(moreButton(el)!.getAttribute('aria-disabled'), 'the button says it is busy').to.equal('true');
    slowSecond.open();
    await el.list.settled();
    expect(el.asked, 'pages asked of load').to.deep.equal([undefined, '20']);
    expect(cursors(api)).to.deep.equal([null, '20']);
    expect(el.list.items).to.have.length(40);
  });

  it('keeps the loaded rows when a later page fails, and retries with the same cursor', async () => {
    const all = docs(45);
    let failNext = true;
    serve((request) => {
      if (new URL(request.url).searchParams.get('cursor') === '20' && failNext) {
        failNext = false;
        return problem(503, 'service_unavailable');
      }
      return pagesOf(all)(request);
    });
    const el = await mount();
    moreButton(el)!.click();
    await el.list.settled();

    expect(el.list.status, 'the list itself stays complete').to.equal('complete');
    expect(el.list.more).to.equal('error');
    expect(el.list.items, 'the loaded rows are kept').to.have.length(20);
    expect(rows(el).length).to.be.greaterThan(0);
    expect(words(el.shadowRoot!.querySelector('[part="more"] [role="alert"]'))).to.contain('Nie udało się wczytać kolejnych');
    expect(words(moreButton(el))).to.equal('Spróbuj ponownie');
    await expect(el).to.be.accessible();

    moreButton(el)!.click();
    await el.list.settled();
    expect(cursors(api), 'the retry asks for the same cursor').to.deep.equal([null, '20', '20']);
    expect(el.list.more).to.equal('idle');
    expect(el.list.items.map((d) => d.id)).to.deep.equal(all.slice(0, 40).map((d) => d.id));
    expect(el.shadowRoot!.querySelector('[part="more"] [role="alert"]'), 'the problem is gone').to.equal(null);
  });

  it('reports each failed page once as ebok-error, with the API\'s code and the message shown, and not when offline', async () => {
    const all = docs(45);
    let failLater = true;
    let offline = false;
    serve(problem(500, 'internal_error'), (request) => {
      if (offline) throw new TypeError('Failed to fetch');
      if (new URL(request.url).searchParams.get('cursor') === '20' && failLater) {
        failLater = false;
        return problem(503, 'service_unavailable');
      }
      return pagesOf(all)(request);
    });
    const reported: EbokErrorEvent[] = [];
    const el = document.createElement('test-document-list');
    el.addEventListener('ebok-error', (event) => reported.push(event));
    await fixture(html`<div></div>`).then((div) => div.append(el));
    await el.list.settled();
    // Renders that follow (a language, a resize) do not report the same failure again.
    el.requestUpdate();
    await el.updateComplete;
    expect(reported.map((e) => [e.detail.code, e.detail.status, e.detail.message])).to.deep.equal([['internal_error', 500, 'Nie udało się wczytać dokumentów.']]);

    el.list.retry();
    await el.list.settled();
    moreButton(el)!.click();
    await el.list.settled();
    expect(reported.map((e) => e.detail.code), 'the later page too').to.deep.equal(['internal_error', 'service_unavailable']);
    expect(reported[1]!.composed && reported[1]!.bubbles, 'it reaches the host page').to.equal(true);

    offline = true;
    onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine');
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    el.client!.invalidate(['documents']);
    el.list.reload();
    await el.list.settled();
    expect(el.list.status).to.equal('offline');
    expect(reported, 'offline is no error of the API').to.have.length(2);
  });

  it('shows a failed first page as an error with "Try again", which loads it', async () => {
    serve(problem(500, 'internal_error'), pagesOf(docs(5)));
    const el = await mount();
    expect(el.list.status).to.equal('error');
    expect(el.list.error).to.be.instanceOf(EbokApiError);
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!;
    await expect(el).to.be.accessible();
    retry.click();
    await el.list.settled();
    expect(el.list.status).to.equal('complete');
    expect(el.list.items).to.have.length(5);
    expect(cursors(api)).to.deep.equal([null, null]);
  });

  for (const [name, body] of [
    ['items that are not an array', { items: { a: 1 }, nextCursor: null }],
    ['no nextCursor', { items: [doc(1)] }],
    ['a nextCursor that is a number', { items: [doc(1)], nextCursor: 20 }],
    ['a page that is an array', [doc(1)]],
  ] as const) {
    it(`treats a first page with ${name} as a malformed answer, not a crash`, async () => {
      serve(json(200, body));
      const el = await mount();
      expect(el.list.status).to.equal('error');
      expect((el.list.error as EbokApiError).code).to.equal('malformed_response');
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.exist;
    });
  }

  it('treats a malformed later page as a failed page and keeps the rows', async () => {
    serve(json(200, { items: docs(20), nextCursor: 'p2' }), json(200, { items: null, nextCursor: null }));
    const el = await mount();
    el.list.loadMore();
    await el.list.settled();
    expect(el.list.more).to.equal('error');
    expect((el.list.error as EbokApiError).code).to.equal('malformed_response');
    expect(el.list.items).to.have.length(20);
  });

  it('refuses a page whose nextCursor repeats the cursor asked for, which would load it for ever', async () => {
    serve(json(200, { items: docs(20), nextCursor: 'same' }), json(200, { items: docs(20, 20), nextCursor: 'same' }));
    const el = await mount();
    el.list.loadMore();
    await el.list.settled();
    expect(el.list.more).to.equal('error');
    expect(el.list.items).to.have.length(20);
  });

  it('says it is offline on the first page and loads it when the connection is back', async () => {
    let online = false;
    serve((request) => {
      if (!online) throw new TypeError('Failed to fetch');
      return pagesOf(docs(5))(request);
    });
    onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine');
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
    const el = await mount();
    expect(el.list.status).to.equal('offline');
    expect(words(el.shadowRoot!.querySelector('.status--offline'))).to.contain('Brak połączenia');
    await expect(el).to.be.accessible();

    online = true;
    window.dispatchEvent(new Event('online'));
    await el.list.settled();
    expect(el.list.status).to.equal('complete');
    expect(el.list.items).to.have.length(5);
  });

  it('says a later page waits for the connection, keeps the rows, and loads it when back online', async () => {
    let online = true;
    const all = docs(45);
    serve((request) => {
      if (!online) throw new TypeError('Failed to fetch');
      return pagesOf(all)(request);
    });
    const el = await mount();
    onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine');
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
    online = false;
    el.list.loadMore();
    await el.list.settled();
    expect(el.list.more).to.equal('offline');
    expect(el.list.items).to.have.length(20);
    expect(words(el.shadowRoot!.querySelector('[part="more"] [role="alert"]'))).to.contain('Brak połączenia');

    online = true;
    window.dispatchEvent(new Event('online'));
    await el.list.settled();
    expect(el.list.more).to.equal('idle');
    expect(el.list.items.map((d) => d.id)).to.deep.equal(all.slice(0, 40).map((d) => d.id));
    expect(cursors(api), 'the same cursor asked for again').to.deep.equal([null, '20', '20']);
  });

  it('does not ask for personal data while signed out', async () => {
    api = new FakeApi().on('GET', '/auth/session', problem(401, 'unauthenticated')).on('GET', '/documents', pagesOf(docs(5)));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
    const el = await mount();
    expect(el.list.status).to.equal('signed-out');
    expect(el.shadowRoot!.querySelector('.signed-out')).to.exist;
    expect(api.calls('GET', '/documents')).to.have.length(0);
  });

  it('starts over for the customer who signs in, and forgets the rows at logout', async () => {
    serve(pagesOf(docs(45)));
    const el = await mount();
    el.list.loadMore();
    await el.list.settled();
    expect(el.list.items).to.have.length(40);

    getClient(BASE)!.session.end('expired');
    await el.list.settled();
    expect(el.list.status).to.equal('signed-out');
    expect(rows(el), 'no rows of the customer who left').to.have.length(0);

    getClient(BASE)!.signedIn({ ...sessionAt(), user: { ...sessionAt().user, id: 'u2' } });
    await el.list.settled();
    expect(el.list.status).to.equal('complete');
    expect(el.list.items, 'the first page only, loaded afresh').to.have.length(20);
  });

  it('starts over when another customer signs in on top of the first one (no logout seen in between)', async () => {
    serve(pagesOf(docs(45)));
    const el = await mount();
    el.list.loadMore();
    await el.list.settled();
    getClient(BASE)!.signedIn({ ...sessionAt(), user: { ...sessionAt().user, id: 'u2' } });
    await el.list.settled();
    expect(el.list.items, 'the other customer sees their own first page').to.have.length(20);
    expect(cursors(api)).to.deep.equal([null, '20', null]);
  });

  it('has no API to ask without an API base', async () => {
    const el = await fixture<TestDocumentList>(html`<test-document-list></test-document-list>`);
    await el.updateComplete;
    expect(el.list.status).to.equal('no-api');
    expect(el.shadowRoot!.querySelector('.no-api')).to.exist;
  });

  it('aborts the request when the widget leaves the page, and finishes it when it comes back', async () => {
    const slow = held(pagesOf(docs(5)));
    serve(slow.respond, pagesOf(docs(5)));
    const el = await fixture<TestDocumentList>(html`<test-document-list></test-document-list>`);
    await until(() => api.calls('GET', '/documents').length === 1, 'the first request');
    const parent = el.parentElement!;
    el.remove();
    await until(() => api.calls('GET', '/documents')[0]!.signal.aborted, 'aborted on disconnect (once nobody asked for it again)');

    api.on('GET', '/documents', pagesOf(docs(5)));
    parent.append(el);
    await el.list.settled();
    expect(el.list.status).to.equal('complete');
    expect(el.list.items).to.have.length(5);
  });

  it('gives an empty list as the empty state', async () => {
    serve(json(200, { items: [], nextCursor: null, total: 0 }));
    const el = await mount();
    expect(el.list.status).to.equal('complete');
    expect(el.list.count).to.equal(0);
    expect(words(el.shadowRoot!.querySelector('.status--empty'))).to.equal('Brak dokumentów.');
    expect(el.list.announcement, 'the empty state speaks for itself').to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('leaves aria-rowcount unknown (-1) while more pages exist and the API gives no total', async () => {
    serve(pagesOf(docs(45), { total: false }));
    const el = await mount();
    expect(el.list.count).to.equal(undefined);
    expect(el.shadowRoot!.querySelector('table')!.getAttribute('aria-rowcount')).to.equal('-1');
    el.list.loadMore();
    await el.list.settled();
    el.list.loadMore();
    await el.list.settled();
    expect(el.list.count, 'known once the last page is in').to.equal(45);
    expect(el.shadowRoot!.querySelector('table')!.getAttribute('aria-rowcount')).to.equal('46');
  });

  describe('announcements', () => {
    const region = (el: Element) => el.shadowRoot!.querySelector('[part="announcement"]')!;

    it('tells screen readers how many of how many arrived, after each page', async () => {
      serve(pagesOf(docs(134)));
      const el = await mount();
      expect(region(el).getAttribute('role')).to.equal('status');
      expect(words(region(el))).to.equal('Wczytano 20 z 134 pozycji.');
      el.list.loadMore();
      await el.list.settled();
      expect(words(region(el))).to.equal('Wczytano 40 z 134 pozycji.');
    });

    it('says the count in the right Polish form when the API gives no total', async () => {
      serve(pagesOf(docs(22), { total: false }));
      const el = await mount();
      expect(words(region(el))).to.equal('Wczytano 20 pozycji. Można wczytać kolejne.');
      el.list.loadMore();
      await el.list.settled();
      expect(words(region(el))).to.equal('Wczytano 22 pozycje.');
    });

    it('speaks English on an English page: the announcement and the footer', async () => {
      serve((request) => (new URL(request.url).searchParams.get('cursor') === '20' ? problem(500, 'internal_error') : pagesOf(docs(21))(request)));
      const el = await fixture<TestDocumentList>(html`<test-document-list lang="en"></test-document-list>`);
      await localeReady();
      await el.list.settled();
      expect(words(region(el))).to.equal('Loaded 20 of 21 items.');
      expect(words(moreButton(el))).to.equal('Load more');
      el.list.loadMore();
      await el.list.settled();
      expect(words(el.shadowRoot!.querySelector('[part="more"]'))).to.equal('We could not load more items. Try again');
      await expect(el).to.be.accessible();
    });

    it('uses the words of the widget when it has its own', async () => {
      serve(pagesOf(docs(134)));
      const el = document.createElement('test-document-list');
      el.announce = ({ loaded, total = loaded }) =>
        plural(total, { one: `Wczytano ${loaded} z ${total} dokumentu`, other: `Wczytano ${loaded} z ${total} dokumentów` });
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      host.append(el);
      await el.list.settled();
      expect(words(region(el))).to.equal('Wczytano 20 z 134 dokumentów');
    });

    it('picks the Polish and English plural forms by the count', () => {
      const forms = { one: '1 pozycja', few: 'pozycje', many: 'pozycji', other: 'inne' };
      expect([1, 2, 4, 5, 12, 22, 25, 1.5].map((n) => plural(n, forms, 'pl'))).to.deep.equal(['1 pozycja', 'pozycje', 'pozycje', 'pozycji', 'pozycji', 'pozycje', 'pozycji', 'inne']);
      expect([1, 2, 5].map((n) => plural(n, { one: 'item', other: 'items' }, 'en'))).to.deep.equal(['item', 'items', 'items']);
      expect(plural(3, { other: 'tylko inne' }, 'pl'), 'a missing form falls back to other').to.equal('tylko inne');
    });
  });

  it('moves focus to the end line when the last page takes the focused "load more" button away', async () => {
    serve(pagesOf(docs(30)));
    const el = await mount();
    moreButton(el)!.focus();
    moreButton(el)!.click();
    await el.list.settled();
    await el.updateComplete;
    const end = el.shadowRoot!.querySelector('.more__end')!;
    expect(words(end)).to.equal('To już wszystkie pozycje.');
    expect(el.shadowRoot!.activeElement?.className, 'focus is not dropped to the page').to.equal(end.className);
  });
});
