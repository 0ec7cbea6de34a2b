import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { createHandlers, type ScenarioName } from './mocks/handlers.js';
import { resetClients } from '../src/api/registry.js';
import type { components } from '../src/api/schema.js';
import { EbokApiElement } from '../src/core/api-element.js';
import { EbokElement } from '../src/core/ebok-element.js';
import { safeDefine } from '../src/core/define.js';
import { renderEmpty, renderError, renderLoading, renderOffline, statusStyles } from '../src/core/status.js';
import { ListController, listStyles, plural } from '../src/controllers/list.js';
import { VirtualTable, tableStyles, type TableColumn } from '../src/kit/table.js';
import { currentLocale } from '../src/i18n/locale.js';
import { formatDate, formatMoney } from '../src/i18n/format.js';
import { addDays, warsawDate } from '../src/i18n/calendar.js';
import { deviceOffline } from './support/offline.js';

type Doc = components['schemas']['DocumentSummary'];

const BASE = '/api/v1';
const ALL = 10_000;

/** Story texts in both languages (the kit's own texts come from the XLIFF; these are the demo widget's). */
const say = (pl: string, en: string) => (currentLocale() === 'en' ? en : pl);

const STATUS: Record<Doc['status'], [string, string]> = {
  unpaid: ['Do zapłaty', 'To pay'],
  partially_paid: ['Częściowo zapłacona', 'Partly paid'],
  overdue: ['Po terminie', 'Overdue'],
  paid: ['Zapłacona', 'Paid'],
};

/** Document `i` of a customer with ten thousand of them, newest first: deterministic, dated from today. */
function makeDocument(i: number, today: string): Doc {
  const issueDate = addDays(today, -3 - 7 * i);
  const gross = 4_000 + ((i * 7_919) % 40_000);
  const status: Doc['status'] = i === 0 ? 'unpaid' : i === 1 ? 'overdue' : 'paid';
  const amount = (grosze: number) => ({ amount: (grosze / 100).toFixed(2), currency: 'PLN' });
  return {
    id: `doc_${i}`,
    number: `FV/${issueDate.slice(0, 4)}/${issueDate.slice(5, 7)}/${String(ALL - i).padStart(6, '0')}`,
    type: 'invoice',
    issueDate,
    dueDate: addDays(issueDate, 14),
    periodFrom: addDays(issueDate, -30),
    periodTo: addDays(issueDate, -1),
    gross: amount(gross),
    remaining: amount(status === 'paid' ? 0 : gross),
    status,
    pointIds: ['pt_e_0001'],
    correctsDocumentId: null,
    hasPdf: true,
    payable: status !== 'paid',
  };
}

let documents: Doc[] | undefined;
const allDocuments = () => (documents ??= Array.from({ length: ALL }, (_, i) => makeDocument(i, warsawDate(new Date()))));

/** GET /documents over ten thousand documents, paged as the contract says (offset cursors, total on the first page). */
function tenThousand(options: { failLaterPages?: boolean } = {}): HttpHandler {
  return http.get(`${BASE}/documents`, ({ request }) => {
    const url = new URL(request.url);
    const offset = Number(url.searchParams.get('cursor') ?? '0');
    const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? '20')));
    if (options.failLaterPages && offset > 0) {
      return HttpResponse.json(
        { type: 'urn:ebok-widgets:problem:service_unavailable', title: 'Service unavailable', status: 503, code: 'service_unavailable' },
        { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
      );
    }
    const items = allDocuments().slice(offset, offset + limit);
    const nextCursor = offset + limit < ALL ? String(offset + limit) : null;
    return HttpResponse.json({ items, nextCursor, ...(offset === 0 ? { total: ALL } : {}) });
  });
}

const columns = (): readonly TableColumn<Doc>[] => [
  { key: 'number', header: say('Numer', 'Number'), rowHeader: true, cell: (d) => d.number },
  { key: 'issued', header: say('Wystawiona', 'Issued'), cell: (d) => formatDate(d.issueDate) },
  { key: 'due', header: say('Termin płatności', 'Due date'), cell: (d) => formatDate(d.dueDate) },
  { key: 'amount', header: say('Kwota', 'Amount'), align: 'end', cell: (d) => formatMoney(d.gross.amount, { currency: d.gross.currency }) },
  { key: 'status', header: say('Status', 'Status'), cell: (d) => say(...STATUS[d.status]) },
  {
    key: 'pdf',
    header: say('Dokument', 'Document'),
    cell: (d) => html`<button class="button button--secondary pdf" type="button">
      PDF<span class="visually-hidden"> ${d.number}</span>
    </button>`,
  },
];

/**
 * A documents list the way the coming invoice widget builds it from the kit: `ListController` pages the
 * API, `VirtualTable` renders the rows on screen. `source="local"` shows the table alone over 10,000 rows.
 */
class EbokKitTableDemo extends EbokApiElement {
  static override styles = [
    EbokElement.styles,
    statusStyles,
    tableStyles,
    listStyles,
    css`
      /* Fixed layout: the header cells set the widths; the number takes what is left. */
      .col-issued,
      .col-due {
        inline-size: 7.5em;
      }
      .col-amount {
        inline-size: 8em;
      }
      .col-status {
        inline-size: 9em;
      }
      .col-pdf {
        inline-size: 6em;
      }
      .pdf {
        min-block-size: 36px;
        padding-block: 0;
      }
    `,
  ];

  /** `api`: pages from the mock API; `local`: 10,000 documents already in memory. */
  @property() source: 'api' | 'local' = 'api';
  /** `window`: scrolls with the page; `box`: in its own box. Read when the element connects. */
  @property() scroller: 'window' | 'box' = 'window';

  private table: VirtualTable<Doc> | undefined;

  readonly list: ListController<Doc> = new ListController<Doc>(this, {
    load: (client, { cursor, limit }, signal) => client.get('/documents', { params: { query: { cursor, limit } }, signal }),
    key: (d) => d.id,
    announce: ({ loaded, total }) =>
      total === undefined
        ? undefined
        : say(
            plural(total, { one: `Wczytano ${loaded} z ${total} dokumentu.`, other: `Wczytano ${loaded} z ${total} dokumentów.` }),
            plural(total, { one: `Loaded ${loaded} of ${total} document.`, other: `Loaded ${loaded} of ${total} documents.` }),
          ),
  });

  override connectedCallback(): void {
    this.table ??= new VirtualTable<Doc>(this, { rowHeight: 56, scroller: this.scroller });
    super.connectedCallback();
  }

  override render() {
    const label = say('Faktury i dokumenty', 'Invoices and documents');
    const table = (items: readonly Doc[], count: number | undefined) =>
      this.table?.render({ label, showCaption: true, columns: columns(), items, count, key: (d) => d.id });
    if (this.source === 'local') return html`<div class="base" part="base">${table(allDocuments(), ALL)}</div>`;
    return html`<div class="base" part="base">
      ${this.list.renderAnnouncement()}
      ${this.list.render({
        pending: () => renderLoading(say('dokumenty', 'documents')),
        complete: (items) =>
          items.length
            ? html`${table(items, this.list.count)} ${this.list.renderMore()}`
            : renderEmpty(say('Nie masz jeszcze żadnych dokumentów.', 'You have no documents yet.')),
        error: (_error, retry) => renderError({ onRetry: retry }),
        offline: (retry) => renderOffline(retry),
        signedOut: () => renderEmpty(say('Zaloguj się, aby zobaczyć dokumenty.', 'Log in to see your documents.')),
      })}
    </div>`;
  }
}
safeDefine('ebok-kit-table-demo', EbokKitTableDemo);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-kit-table-demo': EbokKitTableDemo;
  }
}

interface Args {
  source: 'api' | 'local';
  scroller: 'window' | 'box';
}

/**
 * The shared list kit: `VirtualTable` (src/kit/table.ts) renders only the rows on screen, with `aria-rowcount`
 * of the whole list and each row's real `aria-rowindex`; `ListController` (src/controllers/list.ts) pages the
 * API with "Load more". Scroll the page: the DOM keeps a few dozen rows. Narrower than 480 px, rows become cards.
 * Switch language, theme and text size in the toolbar.
 */
const meta: Meta<Args> = {
  title: 'Kit/Table',
  component: 'ebok-kit-table-demo',
  args: { source: 'api', scroller: 'window' },
  argTypes: {
    source: { control: 'inline-radio', options: ['api', 'local'] },
    scroller: { control: 'inline-radio', options: ['window', 'box'] },
  },
  // Each story starts with a fresh client, so the cache of one story never shows in another.
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  render: (args) => html`<ebok-kit-table-demo source=${args.source} scroller=${args.scroller}></ebok-kit-table-demo>`,
};
export default meta;

type Story = StoryObj<Args>;
const answers = (first: HttpHandler[], name?: ScenarioName): Story['parameters'] => ({
  msw: { handlers: [...first, ...createHandlers(name ? { base: BASE, scenario: name } : { base: BASE })] },
});

export const TenThousandRows: Story = {
  name: '10,000 rows in memory',
  args: { source: 'local' },
};
export const PagedFromTheApi: Story = {
  name: 'Paged from the API (10,000 in all)',
  parameters: answers([tenThousand()]),
};
export const OwnScrollBox: Story = {
  name: 'In its own scroll box',
  args: { source: 'local', scroller: 'box' },
};
export const NarrowPhone: Story = {
  name: 'Phone, 320 px: rows as cards',
  parameters: answers([tenThousand()]),
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};
export const Loading: Story = { parameters: answers([], 'timeout') };
export const Empty: Story = { parameters: answers([], 'empty') };
export const ServerError: Story = { name: 'Error with retry', parameters: answers([], 'server-error') };
export const LaterPageFails: Story = {
  name: 'A later page fails (rows kept)',
  parameters: answers([tenThousand({ failLaterPages: true })]),
};
export const Offline: Story = {
  parameters: answers([], 'offline'),
  beforeEach: deviceOffline,
};
