import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { createHandlers, type PersonaKey, type ScenarioName } from './mocks/handlers.js';
import { resetClients } from '../src/api/registry.js';
import '../src/widgets/portal/ebok-portal.js';
import { deviceOffline } from './support/offline.js';

const BASE = '/api/v1';

interface Args {
  route: string;
}

/**
 * The whole eBOK in one tag: signed out the login, signed in the dashboard and every section, with a navigation
 * that becomes a menu button under 700 px. The stories use `routing="memory"` (Storybook's address stays); pick a
 * section with the `route` control (`finanse`, `odczyty`, `zuzycie`, `zgloszenia`, `wiadomosci`, `moje-dane`,
 * `umowy`, `awarie`). Switch language, theme and text size in the toolbar.
 */
const meta: Meta<Args> = {
  title: 'Widgets/Portal',
  component: 'ebok-portal',
  args: { route: '' },
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  render: (args) => html`<ebok-portal routing="memory" route=${args.route}></ebok-portal>`,
};
export default meta;

type Story = StoryObj<Args>;

const answers = (options: { scenario?: ScenarioName; persona?: PersonaKey } = {}): Story['parameters'] => ({
  msw: { handlers: createHandlers({ base: BASE, ...(options.scenario ? { scenario: options.scenario } : {}), ...(options.persona ? { persona: options.persona } : {}) }) },
});

export const Dashboard: Story = { name: 'Signed in: the dashboard', parameters: answers() };
export const Finance: Story = { name: 'Finanse', args: { route: 'finanse' }, parameters: answers() };
export const Readings: Story = { name: 'Odczyty', args: { route: 'odczyty' }, parameters: answers() };
export const Consumption: Story = { name: 'Zużycie', args: { route: 'zuzycie' }, parameters: answers() };
export const Tickets: Story = { name: 'Zgłoszenia', args: { route: 'zgloszenia' }, parameters: answers() };
export const NewTicket: Story = { name: 'A new ticket (a sub-page of Zgłoszenia)', args: { route: 'zgloszenia/nowe' }, parameters: answers() };
export const Messages: Story = { name: 'Wiadomości', args: { route: 'wiadomosci' }, parameters: answers() };
export const MyData: Story = { name: 'Moje dane', args: { route: 'moje-dane' }, parameters: answers() };
export const Contracts: Story = { name: 'Umowy i punkty (a firm: twelve points)', args: { route: 'umowy' }, parameters: answers({ persona: 'firma' }) };
export const Outages: Story = { name: 'Wyłączenia i awarie', args: { route: 'awarie' }, parameters: answers() };
export const SignedOut: Story = { name: 'Signed out: the login', parameters: answers({ scenario: 'signed-out' }) };
export const SignedOutDeepLink: Story = { name: 'Signed out, a deep link: the login, then Finanse', args: { route: 'finanse' }, parameters: answers({ scenario: 'signed-out' }) };
export const NotFound: Story = { name: 'An unknown address', args: { route: 'nie-ma-takiej' }, parameters: answers() };
export const NarrowPhone: Story = { name: 'Phone, 320 px: the menu button', parameters: answers(), globals: { viewport: { value: 'mobile1', isRotated: false } } };
export const English: Story = { parameters: answers(), globals: { locale: 'en' } };
export const GasTheme: Story = { name: 'Gas theme, large text', parameters: answers({ persona: 'gaz' }), globals: { theme: 'gas', textSize: 'large' } };
export const Loading: Story = { parameters: answers({ scenario: 'timeout' }) };
export const ServerError: Story = { name: 'Who is signed in cannot be learnt: error with retry', parameters: answers({ scenario: 'server-error' }) };
export const SectionError: Story = {
  name: 'Signed in, one section fails (Wiadomości): the rest works',
  args: { route: 'wiadomosci' },
  parameters: { msw: { handlers: [http.get(`${BASE}/messages`, () => HttpResponse.json({ code: 'internal_error' }, { status: 500 })), ...createHandlers({ base: BASE })] } },
};
export const Offline: Story = { parameters: answers({ scenario: 'offline' }), beforeEach: deviceOffline };
