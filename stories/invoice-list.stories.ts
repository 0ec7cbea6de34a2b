import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { createHandlers, problemResponse, type PersonaKey, type ScenarioName } from './mocks/handlers.js';
import { resetClients } from '../src/api/registry.js';
import '../src/widgets/invoice-list/ebok-invoice-list.js';
import type { PeriodChoice, SortOrder, StatusFilter, TypeFilter } from '../src/widgets/invoice-list/invoice-list.logic.js';
import '../src/widgets/login/ebok-login.js';
import { deviceOffline } from './support/offline.js';

const BASE = '/api/v1';

interface Args {
  status: StatusFilter;
  type: TypeFilter;
  period: PeriodChoice;
  q: string;
  sort: SortOrder;
  urlState: boolean;
}

/**
 * Every financial document of the customer (seeds 000, 002, 004: "Faktury"): invoices, corrections and
 * interest notes with their status in words, icon and colour, filters that a host can set as attributes
 * (`status="to-pay"`), and each document's PDF with progress. Pages come from the API as the list scrolls;
 * only the rows on screen are in the DOM. Narrower than 600 px the rows are cards. Keyboard: Tab to the list,
 * then ↑/↓, Page Up/Down, Home/End, Space to choose a document to pay (the sum follows, "Pay the chosen" pays them in
 * one payment through the operator). Switch language, theme and text size in the toolbar.
 */
const meta: Meta<Args> = {
  title: 'Widgets/Invoice list',
  component: 'ebok-invoice-list',
  args: { status: '', type: '', period: '', q: '', sort: '-issueDate', urlState: false },
  argTypes: {
    status: { control: 'select', options: ['', 'to-pay', 'unpaid', 'partially_paid', 'overdue', 'paid'] },
    type: { control: 'select', options: ['', 'invoice', 'correction', 'interest_note'] },
    period: { control: 'select', options: ['', 'this-year', 'last-year', 'last-12-months'] },
    sort: { control: 'select', options: ['-issueDate', 'issueDate', '-dueDate', 'dueDate'] },
  },
  // Each story starts with a fresh client, so the cache of one story never shows in another.
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  render: (args) => html`<ebok-invoice-list
    login-href="/logowanie"
    status=${args.status}
    type=${args.type}
    period=${args.period}
    q=${args.q}
    sort=${args.sort}
    ?url-state=${args.urlState}
  ></ebok-invoice-list>`,
};
export default meta;

type Story = StoryObj<Args>;
const answers = (options: { scenario?: ScenarioName; persona?: PersonaKey; first?: HttpHandler[] } = {}): Story['parameters'] => ({
  msw: {
    handlers: [
      ...(options.first ?? []),
      ...createHandlers({ base: BASE, ...(options.scenario ? { scenario: options.scenario } : {}), ...(options.persona ? { persona: options.persona } : {}) }),
    ],
  },
});

/** A PDF that arrives in ten slices over five seconds, with its Content-Length: the progress of a slow line. */
const slowPdf = http.get(`${BASE}/documents/:documentId/pdf`, () => {
  const size = 200_000;
  const slice = new Uint8Array(size / 10).fill(32);
  slice.set([37, 80, 68, 70, 45]); // "%PDF-"
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      for (let i = 0; i < 10; i++) {
        await delay(500);
        controller.enqueue(slice);
      }
      controller.close();
    },
  });
  return new HttpResponse(body, {
    headers: { 'Content-Type': 'application/pdf', 'Content-Length': String(size), 'Content-Disposition': 'attachment; filename="wolne-pobieranie.pdf"' },
  });
});

const missingPdf = http.get(`${BASE}/documents/:documentId/pdf`, () => problemResponse(404, 'not_found'));

/** The first PDF asked for answers 401 (the session ended); every later one is a file. */
function sessionEndsAtPdf(): HttpHandler {
  let first = true;
  return http.get(`${BASE}/documents/:documentId/pdf`, () => {
    if (!first) return undefined;
    first = false;
    return problemResponse(401, 'unauthenticated');
  });
}

export const Documents: Story = { name: 'Documents (energia: 38, one overdue)', parameters: answers() };
export const TenThousand: Story = { name: '10,000 documents (firma, 12 points of delivery)', parameters: answers({ persona: 'firma' }) };
export const ToPay: Story = { name: 'Opened filtered to "to pay"', args: { status: 'to-pay' }, parameters: answers({ persona: 'firma' }) };
export const Corrections: Story = { name: 'Corrections, linked to what they correct', args: { type: 'correction' }, parameters: answers() };
export const FilteredToNothing: Story = { name: 'Filtered to nothing', args: { q: 'BRAK/0000' }, parameters: answers() };
export const KeptInTheAddress: Story = { name: 'Filters kept in the address (url-state)', args: { urlState: true, status: 'paid' }, parameters: answers() };
export const NarrowPhone: Story = {
  name: 'Phone, 320 px: rows as cards',
  parameters: answers({ persona: 'firma' }),
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};
export const English: Story = { parameters: answers(), globals: { locale: 'en' } };
export const GasTheme: Story = { name: 'Gas theme, large text', parameters: answers({ persona: 'gaz' }), globals: { theme: 'gas', textSize: 'large' } };
export const WaterTheme: Story = { name: 'Water theme (everything paid)', parameters: answers({ persona: 'woda' }), globals: { theme: 'water' } };
export const SlowPdf: Story = { name: 'PDF on a slow line (progress)', parameters: answers({ first: [slowPdf] }) };
export const PdfMissing: Story = { name: 'PDF missing (404)', parameters: answers({ first: [missingPdf] }) };
export const SessionEndsAtPdf: Story = {
  name: 'Session ended at the PDF (401: log in, then it downloads)',
  parameters: answers({ first: [sessionEndsAtPdf()] }),
  // Click a PDF: the session ends; log in below (energia@example.com, Demo-Haslo-2026) and the file comes.
  render: () => html`<ebok-invoice-list></ebok-invoice-list>
    <ebok-login after-login="hidden"></ebok-login>`,
};
/** Ticks the first `count` payable documents on screen, as a customer would. */
async function choose(canvas: HTMLElement, count: number): Promise<void> {
  const list = canvas.querySelector('ebok-invoice-list')!;
  for (let i = 0; i < 100; i++) {
    if (list.shadowRoot?.querySelector('[part="choose"]')) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const boxes = [...(list.shadowRoot?.querySelectorAll<HTMLInputElement>('[part="choose"]') ?? [])].slice(0, count);
  for (const box of boxes) box.click();
}
export const Selection: Story = {
  name: 'Three documents chosen to pay (the sum live)',
  args: { status: 'to-pay' },
  parameters: answers({ persona: 'firma' }),
  play: ({ canvasElement }) => choose(canvasElement, 3),
};
export const OverTheCap: Story = {
  name: 'Chosen over the per-payment cap (4 300 zł)',
  args: { status: 'to-pay' },
  parameters: answers({ persona: 'firma' }),
  play: ({ canvasElement }) => choose(canvasElement, 12),
};
export const Loading: Story = { parameters: answers({ scenario: 'timeout' }) };
export const Empty: Story = { name: 'Empty (no documents yet)', parameters: answers({ scenario: 'empty' }) };
export const ServerError: Story = { name: 'Error with retry', parameters: answers({ scenario: 'server-error' }) };
export const Offline: Story = {
  parameters: answers({ scenario: 'offline' }),
  beforeEach: deviceOffline,
};
export const SignedOut: Story = { parameters: answers({ scenario: 'signed-out' }) };
