import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { createHandlers, problemResponse, type PersonaKey, type ScenarioName } from './mocks/handlers.js';
import { resetClients } from '../src/api/registry.js';
import '../src/widgets/messages/ebok-messages.js';
import '../src/widgets/login/ebok-login.js';
import type { components } from '../src/api/schema.js';
import { deviceOffline } from './support/offline.js';

const BASE = '/api/v1';

interface Args {
  event: string;
  channel: string;
  unread: boolean;
  urlState: boolean;
  linkOrigins: string;
}

/**
 * The history of notifications the utility sent (seed 002: "Wiadomości"): new invoices, due dates, reminders and
 * debt collection, planned works, reading windows, payments received, ticket replies, account security. Each with
 * its kind and channel in words (the channel with an icon), the date in Polish time, the subject or the start of an
 * SMS, and unread in bold with a dot and in words for screen readers. Open one (Tab, then Enter or Space): its
 * whole text shows and it is marked read; the unread count (`unread-count`, `ebok-unread-change`) goes down. Links
 * in a text lead only to the page's own origin and `link-origins`. Switch language, theme and text size in the toolbar.
 */
const meta: Meta<Args> = {
  title: 'Widgets/Messages',
  component: 'ebok-messages',
  args: { event: '', channel: '', unread: false, urlState: false, linkOrigins: 'https://www.energia-przyklad.pl' },
  argTypes: {
    channel: { control: 'select', options: ['', 'email', 'sms', 'portal'] },
  },
  // Each story starts with a fresh client, so the cache of one story never shows in another.
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  render: (args) => html`<ebok-messages
    login-href="/logowanie"
    event=${args.event}
    channel=${args.channel}
    ?unread=${args.unread}
    ?url-state=${args.urlState}
    link-origins=${args.linkOrigins}
  ></ebok-messages>`,
};
export default meta;

type Story = StoryObj<Args>;

const answers = (options: { scenario?: ScenarioName; persona?: PersonaKey; first?: HttpHandler[] } = {}): Story['parameters'] => {
  const handlers = createHandlers({ base: BASE, ...(options.scenario ? { scenario: options.scenario } : {}), ...(options.persona ? { persona: options.persona } : {}) });
  return { msw: { handlers: [...(options.first ?? []), ...handlers] } };
};

type Message = components['schemas']['Message'];

/** Messages whose texts carry addresses: the page's own and `link-origins` become links, a foreign one stays text. */
function withLinks(): HttpHandler {
  const sentAt = new Date(Date.now() - 3600_000).toISOString();
  const items: Message[] = [
    {
      id: 'msg_links_1',
      channel: 'email',
      event: 'new_invoice',
      subject: 'Nowa faktura FV/2026/000412',
      body: `Dzień dobry,\nwystawiliśmy fakturę FV/2026/000412 na kwotę 389,47 zł.\n\nZnajdziesz ją w eBOK: ${location.origin}/ebok/faktury albo na https://www.energia-przyklad.pl/faktury.`,
      sentAt,
      readAt: null,
    },
    {
      id: 'msg_links_2',
      channel: 'sms',
      event: 'debt_collection',
      subject: null,
      body: 'Uwaga: ta wiadomość zawiera obcy adres https://oplata-energia.example/zaplac, który zostaje zwykłym tekstem, nie linkiem.',
      sentAt,
      readAt: null,
    },
  ];
  return http.get(`${BASE}/messages`, () => HttpResponse.json({ items, nextCursor: null, unreadCount: 2 }, { headers: { 'Cache-Control': 'no-store' } }));
}

/** Every mark is refused: the message stays unread, quietly. */
const markRefused = (): HttpHandler => http.post(`${BASE}/messages/:id/read`, () => problemResponse(500, 'internal_error'));

/** The first page asked for answers 401 (the session ended on the server); every later one is the history. */
function sessionEndsAtFirstPage(): HttpHandler {
  let first = true;
  return http.get(`${BASE}/messages`, () => {
    if (!first) return undefined;
    first = false;
    return problemResponse(401, 'unauthenticated');
  });
}

export const Messages: Story = { name: 'Messages (energia: nine, three unread)', parameters: answers() };
export const Links: Story = { name: 'Links: own origins only, a foreign address stays text', parameters: answers({ first: [withLinks()] }) };
export const MarkRefused: Story = { name: 'The server refuses the mark (stays unread, no error)', parameters: answers({ first: [markRefused()] }) };
export const Collection: Story = { name: 'Reminders and collection (several kinds from the attribute)', args: { event: 'overdue_reminder debt_collection' }, parameters: answers() };
export const OnlyUnread: Story = { name: 'Only unread', args: { unread: true }, parameters: answers() };
export const ByChannel: Story = { name: 'Only SMS', args: { channel: 'sms' }, parameters: answers() };
export const FilteredToNothing: Story = { name: 'Filtered to nothing (no message matches)', args: { event: 'debt_collection' }, parameters: answers() };
export const KeptInTheAddress: Story = { name: 'Filters kept in the address (url-state)', args: { urlState: true, channel: 'email' }, parameters: answers() };
export const NarrowPhone: Story = {
  name: 'Phone, 320 px',
  parameters: answers(),
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};
export const English: Story = { parameters: answers(), globals: { locale: 'en' } };
export const EnglishPhone: Story = { name: 'English, 320 px', parameters: answers(), globals: { locale: 'en', viewport: { value: 'mobile1', isRotated: false } } };
export const GasTheme: Story = { name: 'Gas theme, large text', parameters: answers({ persona: 'gaz' }), globals: { theme: 'gas', textSize: 'large' } };
export const WaterTheme: Story = { name: 'Water theme', parameters: answers({ persona: 'woda' }), globals: { theme: 'water' } };
export const Loading: Story = { parameters: answers({ scenario: 'timeout' }) };
export const Empty: Story = { name: 'Empty (no messages yet)', parameters: answers({ scenario: 'empty' }) };
export const ServerError: Story = { name: 'Error with retry', parameters: answers({ scenario: 'server-error' }) };
export const Malformed: Story = { name: 'An answer that breaks the contract', parameters: answers({ scenario: 'malformed-shape' }) };
export const Offline: Story = {
  parameters: answers({ scenario: 'offline' }),
  beforeEach: deviceOffline,
};
export const SignedOut: Story = { parameters: answers({ scenario: 'signed-out' }) };
export const SessionExpired: Story = {
  name: 'Session ended (401: log in again, then it loads)',
  parameters: answers({ first: [sessionEndsAtFirstPage()] }),
  // Log in below (energia@example.com, Demo-Haslo-2026): the messages load by themselves.
  render: () => html`<ebok-messages login-href="/logowanie"></ebok-messages>
    <ebok-login after-login="hidden"></ebok-login>`,
};
