import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { createHandlers, problemResponse, type PersonaKey, type ScenarioName } from './mocks/handlers.js';
import { resetClients } from '../src/api/registry.js';
import '../src/widgets/ticket-form/ebok-ticket-form.js';
import '../src/widgets/login/ebok-login.js';
import { ENERGIA_IDS } from '../demo/personas/index.js';
import { deviceOffline } from './support/offline.js';
import { chooseFiles, press, samplePdf, samplePhoto, typeInto } from './support/forms.js';

const BASE = '/api/v1';

interface Args {
  category: string;
  pointId: string;
  documentId: string;
  ticketsHref: string;
}

/**
 * Writing to the utility instead of calling (seeds 000, 002, 004): a question, an invoice complaint, an outage
 * report, a request. Each category says what it needs (a point of delivery, the invoice, attachments within its
 * limits). Files are chosen, dropped or pasted (a screenshot), or taken with the phone's camera; each shows its
 * size, a thumbnail for images, and its upload's progress. A failed send, a 401, no connection or the idle logout
 * keep everything typed; a double click sends one ticket. Switch language, theme and text size in the toolbar.
 */
const meta: Meta<Args> = {
  title: 'Widgets/Ticket form',
  component: 'ebok-ticket-form',
  args: { category: '', pointId: '', documentId: '', ticketsHref: '/ebok/zgloszenia' },
  argTypes: { category: { control: 'select', options: ['', 'cat_invoice', 'cat_reading', 'cat_outage', 'cat_data', 'cat_tariff', 'cat_question', 'complaint', 'outage_report'] } },
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  render: (args) => html`<ebok-ticket-form
    login-href="/logowanie"
    category=${args.category}
    point-id=${args.pointId}
    document-id=${args.documentId}
    tickets-href=${args.ticketsHref}
  ></ebok-ticket-form>`,
};
export default meta;

type Story = StoryObj<Args>;

const answers = (options: { scenario?: ScenarioName; persona?: PersonaKey; first?: HttpHandler[] } = {}): Story['parameters'] => ({
  msw: { handlers: [...(options.first ?? []), ...createHandlers({ base: BASE, ...(options.scenario ? { scenario: options.scenario } : {}), ...(options.persona ? { persona: options.persona } : {}) })] },
});

const form = (canvas: HTMLElement) => canvas.querySelector('ebok-ticket-form')!;

/** Writes a question with a PDF and a photo attached, and (unless `send` is false) sends it. */
const writeAndSend =
  (send = true): Story['play'] =>
  async ({ canvasElement }) => {
    const el = form(canvasElement);
    await typeInto(el, 'subject', 'Zawyżona faktura za luty');
    await typeInto(el, 'message', 'Dzień dobry,\nfaktura uwzględnia zużycie z prognozy, choć podałem odczyt. Proszę o korektę.');
    await chooseFiles(el, 'attachments', [samplePdf(), await samplePhoto()]);
    if (send) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await press(el, '[part="submit"]');
    }
  };

/** `POST /tickets` answers after `ms`, so the uploads' progress can be watched. */
const slowCreate = (ms: number): HttpHandler => http.post(`${BASE}/tickets`, async () => void (await delay(ms)));
const refuse = (status: number, code: Parameters<typeof problemResponse>[1], extra: Record<string, unknown> = {}): HttpHandler => http.post(`${BASE}/tickets`, () => problemResponse(status, code, extra));

export const ChooseCategory: Story = { name: 'Choose what it is about (every category with its description)', parameters: answers() };
export const InvoiceComplaint: Story = { name: 'Invoice complaint: choose the invoice (searchable)', args: { category: 'cat_invoice' }, parameters: answers() };
export const FromTheInvoiceList: Story = {
  name: 'Invoice complaint opened from the list ("Reklamuj"), the invoice chosen',
  args: { category: 'complaint', documentId: ENERGIA_IDS.overdueInvoice },
  parameters: answers(),
};
export const MeterQuestion: Story = { name: 'Meter reading question: choose the point, photos only', args: { category: 'cat_reading' }, parameters: answers() };
export const OutageReport: Story = { name: 'Outage report: the emergency numbers first, no attachments', args: { category: 'cat_outage' }, parameters: answers() };
export const DataChange: Story = { name: 'Change of data (PDF or photos)', args: { category: 'cat_data' }, parameters: answers() };
export const TariffChange: Story = { name: 'Tariff change (PDF only)', args: { category: 'cat_tariff' }, parameters: answers() };
export const WithAttachments: Story = { name: 'Attachments chosen: thumbnail, type and size, remove', args: { category: 'cat_question' }, parameters: answers(), play: writeAndSend(false) };
export const Uploading: Story = { name: 'Sending: each file\'s upload progress', args: { category: 'cat_question' }, parameters: answers({ first: [slowCreate(8000)] }), play: writeAndSend() };
export const FileRefusedByServer: Story = {
  name: 'A file refused by the server: named on its field, nothing else lost',
  args: { category: 'cat_question' },
  parameters: answers({ first: [refuse(422, 'attachment_type_not_allowed', { fields: [{ field: '/attachments/1', code: 'attachment_type_not_allowed', message: 'Niedozwolony typ pliku.' }] })] }),
  play: writeAndSend(),
};
export const SendFailed: Story = { name: 'Send failed: try again, everything kept', args: { category: 'cat_question' }, parameters: answers({ first: [refuse(503, 'service_unavailable')] }), play: writeAndSend() };
export const OfflineQueued: Story = {
  name: 'No connection while sending: kept, sent when back online',
  args: { category: 'cat_question' },
  parameters: answers({ first: [http.post(`${BASE}/tickets`, () => HttpResponse.error())] }),
  play: writeAndSend(),
};
export const Sent: Story = { name: 'Sent: the ticket number and what happens next', args: { category: 'cat_question' }, parameters: answers(), play: writeAndSend() };
export const NarrowPhone: Story = { name: 'Phone, 320 px (a photo from the camera)', args: { category: 'cat_reading' }, parameters: answers(), globals: { viewport: { value: 'mobile1', isRotated: false } } };
export const English: Story = { args: { category: 'cat_invoice' }, parameters: answers(), globals: { locale: 'en' } };
export const GasTheme: Story = { name: 'Gas theme, large text (gas emergency 992)', args: { category: 'cat_outage' }, parameters: answers({ persona: 'gaz' }), globals: { theme: 'gas', textSize: 'large' } };
export const WaterTheme: Story = { name: 'Water theme', parameters: answers({ persona: 'woda' }), globals: { theme: 'water' } };
export const Loading: Story = { parameters: answers({ scenario: 'timeout' }) };
export const Empty: Story = { name: 'No categories (tickets not offered online)', parameters: { msw: { handlers: [http.get(`${BASE}/tickets/categories`, () => HttpResponse.json({ items: [] })), ...createHandlers({ base: BASE })] } } };
export const ServerError: Story = { name: 'Error with retry', parameters: answers({ scenario: 'server-error' }) };
export const Offline: Story = { parameters: answers({ scenario: 'offline' }), beforeEach: deviceOffline };
export const SignedOut: Story = { parameters: answers({ scenario: 'signed-out' }) };
export const SessionEnded: Story = {
  name: 'Session ended while writing: log in, and it sends by itself',
  args: { category: 'cat_question' },
  parameters: answers({ first: [(() => { let first = true; return http.post(`${BASE}/tickets`, () => { if (!first) return undefined; first = false; return problemResponse(401, 'session_expired'); }); })()] }),
  // Log in below (energia@example.com, Demo-Haslo-2026) after the send: the ticket goes by itself.
  render: (args) => html`<ebok-ticket-form login-href="/logowanie" category=${args.category}></ebok-ticket-form>
    <ebok-login after-login="hidden"></ebok-login>`,
  play: writeAndSend(),
};
