import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { getResponse, http, HttpResponse, type HttpHandler } from 'msw';
import { createHandlers, problemResponse, type PersonaKey, type ScenarioName } from './mocks/handlers.js';
import { resetClients } from '../src/api/registry.js';
import '../src/widgets/payment-history/ebok-payment-history.js';
import type { PeriodChoice } from '../src/kit/period.js';
import { addDays, warsawDate } from '../src/i18n/calendar.js';
import '../src/widgets/login/ebok-login.js';
import { deviceOffline } from './support/offline.js';

const BASE = '/api/v1';

interface Args {
  period: PeriodChoice;
  from: string;
  to: string;
  urlState: boolean;
  documentHref: string;
}

/**
 * The customer's payment history (seeds 001, 004: "historia wpłat"): online payments and transfers received,
 * newest first, with the date (Polish time), amount, method, status in words, icon and colour, and the
 * documents each one was for. A declined, cancelled or expired attempt says that no money came. The period
 * is an attribute (`period="last-year"`, or `from`/`to`); narrower than 600 px the rows are cards. Keyboard:
 * Tab to the list, then ↑/↓, Page Up/Down, Home/End; Tab again to a document's number. Switch language,
 * theme and text size in the toolbar.
 */
const meta: Meta<Args> = {
  title: 'Widgets/Payment history',
  component: 'ebok-payment-history',
  args: { period: '', from: '', to: '', urlState: false, documentHref: '/ebok/dokument?id={id}' },
  argTypes: {
    period: { control: 'select', options: ['', 'this-year', 'last-year', 'last-12-months', 'custom'] },
  },
  // Each story starts with a fresh client, so the cache of one story never shows in another.
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  render: (args) => html`<ebok-payment-history
    login-href="/logowanie"
    period=${args.period}
    from=${args.from}
    to=${args.to}
    document-href=${args.documentHref}
    ?url-state=${args.urlState}
  ></ebok-payment-history>`,
};
export default meta;

type Story = StoryObj<Args>;

/**
 * The mock API for a story; `documents: false` answers payments with their document ids only (an API without
 * the optional `documents`), otherwise with the numbers too.
 */
const answers = (options: { scenario?: ScenarioName; persona?: PersonaKey; documents?: boolean; first?: HttpHandler[] } = {}): Story['parameters'] => {
  const handlers = createHandlers({ base: BASE, ...(options.scenario ? { scenario: options.scenario } : {}), ...(options.persona ? { persona: options.persona } : {}) });
  return { msw: { handlers: [...(options.first ?? []), ...(options.documents === false ? withoutDocuments(handlers) : handlers)] } };
};

/** `handlers` with `GET /payments` answering document ids only, as an API without the optional `documents` does. */
function withoutDocuments(handlers: HttpHandler[]): HttpHandler[] {
  const payments = http.get(`${BASE}/payments`, async ({ request }) => {
    const answer = await getResponse(handlers, request);
    if (!answer?.ok) return answer;
    const page = (await answer.clone().json()) as { items: { documents?: unknown }[] };
    for (const payment of page.items) delete payment.documents;
    return HttpResponse.json(page, { status: answer.status });
  });
  return [payments, ...handlers];
}

/** The first page asked for answers 401 (the session ended on the server); every later one is the history. */
function sessionEndsAtFirstPage(): HttpHandler {
  let first = true;
  return http.get(`${BASE}/payments`, () => {
    if (!first) return undefined;
    first = false;
    return problemResponse(401, 'unauthenticated');
  });
}

/** Dates around today (the demo's payments are dated from today, so a story's fixed dates would empty out). */
const today = warsawDate(new Date());

export const Payments: Story = { name: 'Payments (energia: paid, declined, cancelled, expired)', parameters: answers() };
export const CountOnly: Story = { name: 'An API without document numbers ("for N documents")', parameters: answers({ documents: false }) };
export const NoDocumentHref: Story = { name: 'Document numbers without document-href (ebok-navigate only)', args: { documentHref: '' }, parameters: answers() };
export const ManyPayments: Story = { name: 'Many payments (firma: thousands, paged as it scrolls)', parameters: answers({ persona: 'firma' }) };
export const LastTwelveMonths: Story = { name: 'Opened on the last 12 months', args: { period: 'last-12-months' }, parameters: answers() };
export const ChosenDates: Story = { name: 'Chosen dates (from–to)', args: { period: 'custom', from: addDays(today, -90), to: addDays(today, -30) }, parameters: answers() };
export const FilteredToNothing: Story = { name: 'Filtered to nothing (no payments in this period)', args: { period: 'custom', from: '2001-01-01', to: '2001-12-31' }, parameters: answers() };
export const KeptInTheAddress: Story = { name: 'Period kept in the address (url-state)', args: { urlState: true, period: 'this-year' }, parameters: answers() };
export const NarrowPhone: Story = {
  name: 'Phone, 320 px: rows as cards',
  parameters: answers(),
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};
export const English: Story = { parameters: answers(), globals: { locale: 'en' } };
export const GasTheme: Story = { name: 'Gas theme, large text (an unallocated overpayment)', parameters: answers({ persona: 'gaz' }), globals: { theme: 'gas', textSize: 'large' } };
export const WaterTheme: Story = { name: 'Water theme', parameters: answers({ persona: 'woda' }), globals: { theme: 'water' } };
export const Loading: Story = { parameters: answers({ scenario: 'timeout' }) };
export const Empty: Story = { name: 'Empty (no payments yet)', parameters: answers({ scenario: 'empty' }) };
export const ServerError: Story = { name: 'Error with retry', parameters: answers({ scenario: 'server-error' }) };
export const Offline: Story = {
  parameters: answers({ scenario: 'offline' }),
  beforeEach: deviceOffline,
};
export const SignedOut: Story = { parameters: answers({ scenario: 'signed-out' }) };
export const SessionExpired: Story = {
  name: 'Session ended (401: log in again, then it loads)',
  parameters: answers({ first: [sessionEndsAtFirstPage()] }),
  // Log in below (energia@example.com, Demo-Haslo-2026): the history loads by itself.
  render: () => html`<ebok-payment-history login-href="/logowanie"></ebok-payment-history>
    <ebok-login after-login="hidden"></ebok-login>`,
};
