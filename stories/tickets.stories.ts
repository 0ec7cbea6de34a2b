import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { delay, getResponse, http, HttpResponse, type HttpHandler } from 'msw';
import { createHandlers, problemResponse, type PersonaKey, type ScenarioName } from './mocks/handlers.js';
import { resetClients } from '../src/api/registry.js';
import '../src/widgets/tickets/ebok-tickets.js';
import { ENERGIA_IDS, type Schemas } from '../demo/personas/index.js';
import { deviceOffline } from './support/offline.js';
import { chooseFiles, press, samplePhoto, typeInto } from './support/forms.js';

const BASE = '/api/v1';

interface Args {
  scope: '' | 'open' | 'finished';
  ticketId: string;
  newTicketHref: string;
}

/**
 * The customer's tickets (seeds 000, 002, 004: "Zgłoszenia"): number, category, subject, status in words (icon and
 * tone too) and last activity, the one waiting for the customer flagged. Opening one shows the thread with the
 * consultant's answers and the files to download; the customer replies there, with attachments, until the ticket is
 * closed. Keyboard: Tab to a ticket, Enter opens it, focus moves to its subject; "Wszystkie zgłoszenia" goes back to
 * the ticket left. Switch language, theme and text size in the toolbar.
 */
const meta: Meta<Args> = {
  title: 'Widgets/Tickets',
  component: 'ebok-tickets',
  args: { scope: '', ticketId: '', newTicketHref: '/ebok/napisz' },
  argTypes: { scope: { control: 'select', options: ['', 'open', 'finished'] } },
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  render: (args) => html`<ebok-tickets login-href="/logowanie" scope=${args.scope} ticket-id=${args.ticketId} new-ticket-href=${args.newTicketHref}></ebok-tickets>`,
};
export default meta;

type Story = StoryObj<Args>;

const answers = (options: { scenario?: ScenarioName; persona?: PersonaKey; first?: HttpHandler[] } = {}): Story['parameters'] => ({
  msw: { handlers: [...(options.first ?? []), ...createHandlers({ base: BASE, ...(options.scenario ? { scenario: options.scenario } : {}), ...(options.persona ? { persona: options.persona } : {}) })] },
});

const IDS = ENERGIA_IDS.tickets;
const widget = (canvas: HTMLElement) => canvas.querySelector('ebok-tickets')!;

/** Writes a reply with a photo and (unless `send` is false) sends it. */
const reply =
  (send = true): Story['play'] =>
  async ({ canvasElement }) => {
    const el = widget(canvasElement);
    await typeInto(el, 'message', 'Dzień dobry, w załączniku zdjęcie licznika z dzisiaj.');
    await chooseFiles(el, 'attachments', [await samplePhoto()]);
    if (!send) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
    await press(el, '[part="submit"]');
  };

const replyAnswers = (handler: HttpHandler) => answers({ first: [handler] });
const replyPath = `${BASE}/tickets/:ticketId/messages`;

/** energia's waiting ticket with a long thread: twelve more messages, back and forth. */
function longThread(): HttpHandler {
  const handlers = createHandlers({ base: BASE });
  return http.get(`${BASE}/tickets/${IDS.awaitingCustomer}`, async ({ request }) => {
    const ticket = (await (await getResponse(handlers, request))!.json()) as Schemas['TicketDetail'];
    const start = Date.parse(ticket.createdAt);
    const more = Array.from({ length: 12 }, (_, i): Schemas['TicketMessage'] => ({
      id: `tmsg_long_${i}`,
      author: i % 2 ? 'consultant' : 'customer',
      authorName: i % 2 ? 'Marek z Biura Obsługi Klienta' : 'Jan Kowalski',
      body: i % 2 ? `Dziękujemy. Sprawdzamy odczyt ${i}. Prosimy jeszcze o potwierdzenie numeru licznika.` : `Numer licznika to 11223344, odczyt z dnia ${i + 1}.`,
      createdAt: new Date(start + (i + 2) * 3_600_000).toISOString(),
      attachments: [],
    }));
    return HttpResponse.json({ ...ticket, messages: [...ticket.messages, ...more] });
  });
}

/** forty-five tickets, paged by twenty. */
function manyTickets(): HttpHandler {
  const handlers = createHandlers({ base: BASE });
  let all: Schemas['Ticket'][] | undefined;
  return http.get(`${BASE}/tickets`, async ({ request }) => {
    const url = new URL(request.url);
    if (!all) {
      const first = (await (await getResponse(handlers, new Request(`${url.origin}${BASE}/tickets?limit=100`)))!.json()) as { items: Schemas['Ticket'][] };
      all = Array.from({ length: 45 }, (_, i) => ({ ...first.items[i % first.items.length]!, id: `tkt_many_${i}`, number: `ZG/2025/${String(100 + i).padStart(6, '0')}`, subject: `Sprawa nr ${i + 1}` }));
    }
    const from = Number(url.searchParams.get('cursor') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 20);
    const next = from + limit < all.length ? String(from + limit) : null;
    return HttpResponse.json({ items: all.slice(from, from + limit), nextCursor: next, total: all.length });
  });
}

export const Tickets: Story = { name: 'Tickets (energia: new, in progress, waiting for you, resolved, closed)', parameters: answers() };
export const Running: Story = { name: 'Only the running ones', args: { scope: 'open' }, parameters: answers() };
export const Finished: Story = { name: 'Only the finished ones', args: { scope: 'finished' }, parameters: answers() };
export const WaitingForYou: Story = { name: 'Thread: the consultant waits for your reply', args: { ticketId: IDS.awaitingCustomer }, parameters: answers() };
export const Answered: Story = { name: 'Thread: resolved, with the consultant\'s PDF to download', args: { ticketId: IDS.answered }, parameters: answers() };
export const InProgress: Story = { name: 'Thread: in progress', args: { ticketId: IDS.inProgress }, parameters: answers() };
export const New: Story = { name: 'Thread: new, waiting for a consultant', args: { ticketId: IDS.open }, parameters: answers() };
export const Closed: Story = { name: 'Thread: closed (no reply; write a new ticket)', args: { ticketId: IDS.closed }, parameters: answers() };
export const LongThread: Story = { name: 'A long thread', args: { ticketId: IDS.awaitingCustomer }, parameters: answers({ first: [longThread()] }) };
export const ManyTickets: Story = { name: 'A long history (45 tickets, "show older")', parameters: { msw: { handlers: [manyTickets(), ...createHandlers({ base: BASE })] } } };
export const ReplyWithPhoto: Story = { name: 'Reply with a photo chosen', args: { ticketId: IDS.awaitingCustomer }, parameters: answers(), play: reply(false) };
export const ReplyUploading: Story = {
  name: 'Reply sending: the photo\'s upload progress',
  args: { ticketId: IDS.awaitingCustomer },
  parameters: replyAnswers(http.post(replyPath, async () => void (await delay(8000)))),
  play: reply(),
};
export const ReplyFailed: Story = {
  name: 'Reply failed: try again, text and photo kept',
  args: { ticketId: IDS.awaitingCustomer },
  parameters: replyAnswers(http.post(replyPath, () => problemResponse(503, 'service_unavailable'))),
  play: reply(),
};
export const ReplyOffline: Story = {
  name: 'Reply with no connection: kept, sent when back online',
  args: { ticketId: IDS.awaitingCustomer },
  parameters: replyAnswers(http.post(replyPath, () => HttpResponse.error())),
  play: reply(),
};
export const ReplySent: Story = { name: 'Reply sent: in the thread, the ticket open again', args: { ticketId: IDS.awaitingCustomer }, parameters: answers(), play: reply() };
export const NotFound: Story = { name: 'A link to a ticket that is not yours', args: { ticketId: 'tkt_someone_else' }, parameters: answers() };
export const NarrowPhone: Story = { name: 'Phone, 320 px', args: { ticketId: IDS.answered }, parameters: answers(), globals: { viewport: { value: 'mobile1', isRotated: false } } };
export const NarrowPhoneList: Story = { name: 'Phone, 320 px: the list', parameters: answers(), globals: { viewport: { value: 'mobile1', isRotated: false } } };
export const English: Story = { parameters: answers(), globals: { locale: 'en' } };
export const EnglishThread: Story = { name: 'English: a thread', args: { ticketId: IDS.awaitingCustomer }, parameters: answers(), globals: { locale: 'en' } };
export const GasTheme: Story = { name: 'Gas theme, large text', parameters: answers({ persona: 'gaz' }), globals: { theme: 'gas', textSize: 'large' } };
export const WaterTheme: Story = { name: 'Water theme', parameters: answers({ persona: 'woda' }), globals: { theme: 'water' } };
export const Loading: Story = { parameters: answers({ scenario: 'timeout' }) };
export const Empty: Story = { name: 'Empty (no tickets yet: write one)', parameters: answers({ scenario: 'empty' }) };
export const ServerError: Story = { name: 'Error with retry', parameters: answers({ scenario: 'server-error' }) };
export const Offline: Story = { parameters: answers({ scenario: 'offline' }), beforeEach: deviceOffline };
export const SignedOut: Story = { parameters: answers({ scenario: 'signed-out' }) };
