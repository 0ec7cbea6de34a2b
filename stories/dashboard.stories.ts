import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { createHandlers, problemResponse, type PersonaKey, type ScenarioName } from './mocks/handlers.js';
import { resetClients } from '../src/api/registry.js';
import '../src/widgets/dashboard/ebok-dashboard.js';
import { deviceOffline } from './support/offline.js';

const BASE = '/api/v1';

/**
 * The first screen after logging in ("Pulpit", seeds 002 and 004): the balance tile, the next payment ("overdue" in
 * words), the points whose reading window is open now, the unread messages, the open tickets and the outages near
 * the customer's points. Each card is a link into its section (a cancelable `ebok-navigate`, see Actions) and has
 * its own loading, empty, error and offline states: one failing resource never blanks the rest. Switch language,
 * theme and text size in the toolbar.
 */
const meta: Meta = {
  title: 'Widgets/Dashboard',
  component: 'ebok-dashboard',
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  render: () =>
    html`<ebok-dashboard
      login-href="/logowanie"
      finance-href="/faktury"
      readings-href="/odczyty"
      messages-href="/wiadomosci"
      tickets-href="/zgloszenia"
      outages-href="/wylaczenia"
    ></ebok-dashboard>`,
};
export default meta;

type Story = StoryObj;

const answers = (options: { scenario?: ScenarioName | ScenarioName[]; persona?: PersonaKey; first?: HttpHandler[] } = {}): Story['parameters'] => ({
  msw: {
    handlers: [
      ...(options.first ?? []),
      ...createHandlers({ base: BASE, ...(options.scenario ? { scenario: options.scenario } : {}), ...(options.persona ? { persona: options.persona } : {}) }),
    ],
  },
});
const emptyList = (extra: Record<string, unknown> = {}) => () => HttpResponse.json({ items: [], nextCursor: null, total: 0, ...extra });
const failing = () => problemResponse(500, 'internal_error');
/** The path of each card's resource. */
const PATHS = {
  payment: `${BASE}/documents`,
  readings: `${BASE}/points/:pointId/reading-context`,
  messages: `${BASE}/messages`,
  tickets: `${BASE}/tickets`,
  outages: `${BASE}/outages`,
} as const;
const failingCard = (card: keyof typeof PATHS): Story['parameters'] => answers({ first: [http.get(PATHS[card], failing)] });

export const Loaded: Story = { name: 'Signed in (energia): every card', parameters: answers() };
export const Business: Story = { name: 'A business with 12 points (firma)', parameters: answers({ persona: 'firma' }) };
export const English: Story = { parameters: answers(), globals: { locale: 'en' } };
export const NarrowPhone: Story = { name: 'Phone, 320 px', parameters: answers(), globals: { viewport: { value: 'mobile1', isRotated: false } } };
export const GasTheme: Story = { name: 'Gas theme, large text', parameters: answers({ persona: 'gaz' }), globals: { theme: 'gas', textSize: 'large' } };

export const NewCustomer: Story = { name: 'Every card empty (a new customer)', parameters: answers({ scenario: 'empty' }) };
export const NothingToPay: Story = { name: 'Empty: nothing to pay', parameters: answers({ scenario: 'balance-settled', first: [http.get(PATHS.payment, emptyList())] }) };
export const WindowClosed: Story = { name: 'Empty: no reading window open', parameters: answers({ scenario: 'reading-window-closed' }) };
export const NoUnread: Story = { name: 'Empty: no unread messages', parameters: answers({ first: [http.get(PATHS.messages, emptyList({ unreadCount: 0 }))] }) };
export const NoTickets: Story = { name: 'Empty: no open tickets', parameters: answers({ first: [http.get(PATHS.tickets, emptyList())] }) };
export const NoOutages: Story = { name: 'Empty: no outages nearby', parameters: answers({ first: [http.get(PATHS.outages, emptyList())] }) };

export const PaymentError: Story = { name: 'Error: the next payment', parameters: failingCard('payment') };
export const ReadingsError: Story = { name: 'Error: the reading windows', parameters: failingCard('readings') };
export const MessagesError: Story = { name: 'Error: the messages', parameters: failingCard('messages') };
export const TicketsError: Story = { name: 'Error: the tickets', parameters: failingCard('tickets') };
export const OutagesError: Story = { name: 'Error: the outages', parameters: failingCard('outages') };
export const BalanceError: Story = { name: 'Error: the balance (the tile)', parameters: answers({ first: [http.get(`${BASE}/balance`, failing)] }) };
export const EverythingFails: Story = { name: 'Error everywhere, each card with retry', parameters: answers({ scenario: 'server-error' }) };
export const EnglishError: Story = { name: 'English: one card failing', parameters: failingCard('tickets'), globals: { locale: 'en' } };

export const Loading: Story = { parameters: answers({ scenario: 'timeout' }) };
export const Slow: Story = { name: 'Slow: cards arrive one by one', parameters: answers({ scenario: 'slow' }) };
export const Offline: Story = { parameters: answers({ scenario: 'offline' }), beforeEach: deviceOffline };
export const SignedOut: Story = { name: 'Signed out: log in', parameters: answers({ scenario: 'signed-out' }) };
export const SignedOutEnglish: Story = { name: 'English: signed out', parameters: answers({ scenario: 'signed-out' }), globals: { locale: 'en' } };
