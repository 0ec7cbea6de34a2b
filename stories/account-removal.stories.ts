import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { createHandlers, type PersonaKey, type ScenarioName } from './mocks/handlers.js';
import { resetClients } from '../src/api/registry.js';
import '../src/widgets/account-removal/ebok-account-removal.js';
import { deviceOffline } from './support/offline.js';

const BASE = '/api/v1';

/**
 * Removing the eBOK account (seeds 000, 001): what happens to the account, the documents and the contract is said
 * first; the request is filed with the current password (here `Demo-Haslo-2026`) and then shown as pending.
 */
const meta: Meta = {
  title: 'Widgets/Account removal',
  component: 'ebok-account-removal',
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  render: () => html`<ebok-account-removal></ebok-account-removal>`,
};
export default meta;

type Story = StoryObj;

const answers = (options: { scenario?: ScenarioName; persona?: PersonaKey } = {}): Story['parameters'] => ({
  msw: { handlers: createHandlers({ base: BASE, ...(options.scenario ? { scenario: options.scenario } : {}), ...(options.persona ? { persona: options.persona } : {}) }) },
});
const withRequest = (status: string): Story['parameters'] => ({
  msw: {
    handlers: [
      http.get(`${BASE}/customer/account-removal-request`, () => HttpResponse.json({ request: { id: 'arr_5Kq2Lm8Tz', status, submittedAt: new Date().toISOString() } })),
      ...createHandlers({ base: BASE }),
    ],
  },
});

export const Explained: Story = { name: 'What happens, then the password', parameters: answers() };
export const Pending: Story = { name: 'A request being handled', parameters: withRequest('submitted') };
export const InProgress: Story = { name: 'In progress', parameters: withRequest('in_progress') };
export const Rejected: Story = { name: 'The last request was not accepted: file again', parameters: withRequest('rejected') };
export const NarrowPhone: Story = { name: 'Phone, 320 px', parameters: answers(), globals: { viewport: { value: 'mobile1', isRotated: false } } };
export const English: Story = { parameters: answers(), globals: { locale: 'en' } };
export const GasTheme: Story = { name: 'Gas theme, large text', parameters: answers({ persona: 'gaz' }), globals: { theme: 'gas', textSize: 'large' } };
export const SignedOut: Story = { name: 'Signed out', parameters: answers({ scenario: 'signed-out' }) };
export const Loading: Story = { parameters: answers({ scenario: 'timeout' }) };
export const ServerError: Story = { name: 'Error with retry', parameters: answers({ scenario: 'server-error' }) };
export const Offline: Story = { parameters: answers({ scenario: 'offline' }), beforeEach: deviceOffline };
