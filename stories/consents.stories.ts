import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { createHandlers, type PersonaKey, type ScenarioName } from './mocks/handlers.js';
import { resetClients } from '../src/api/registry.js';
import '../src/widgets/consents/ebok-consents.js';
import { deviceOffline } from './support/offline.js';

const BASE = '/api/v1';

interface Args {
  headingLevel: number;
}

/**
 * The customer's consents in "My data": the terms accepted (version, date, document), e-invoice (fixed on where the
 * eBOK means e-invoices, seed 003: the water utility) and each marketing consent with the day it was given or
 * withdrawn. Withdrawing is one checkbox, as giving is. Switch language, theme and text size in the toolbar.
 */
const meta: Meta<Args> = {
  title: 'Widgets/Consents',
  component: 'ebok-consents',
  args: { headingLevel: 2 },
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  render: (args) => html`<ebok-consents heading-level=${args.headingLevel}></ebok-consents>`,
};
export default meta;

type Story = StoryObj<Args>;

const answers = (options: { scenario?: ScenarioName; persona?: PersonaKey } = {}): Story['parameters'] => ({
  msw: { handlers: createHandlers({ base: BASE, ...(options.scenario ? { scenario: options.scenario } : {}), ...(options.persona ? { persona: options.persona } : {}) }) },
});

export const OneGiven: Story = { name: 'Energia: offers by e-mail given, the others never decided', parameters: answers() };
export const SeveralDecided: Story = { name: 'Gaz: two given, profiling withdrawn', parameters: answers({ persona: 'gaz' }), globals: { theme: 'gas' } };
export const EInvoiceRequired: Story = { name: 'Water: e-invoice required by the terms (cannot be turned off)', parameters: answers({ persona: 'woda' }), globals: { theme: 'water' } };
export const NoMarketing: Story = {
  name: 'No marketing consents asked for',
  parameters: {
    msw: {
      handlers: [
        http.get(`${BASE}/customer/consents`, () => {
          // Accepted a month ago, whatever the day the story is opened.
          const accepted = new Date(Date.now() - 30 * 86_400_000).toISOString();
          return HttpResponse.json({ terms: { accepted: true, version: '2025-01', acceptedAt: accepted }, marketing: [], eInvoice: false, updatedAt: accepted });
        }),
        ...createHandlers({ base: BASE }),
      ],
    },
  },
};
export const SaveFails: Story = {
  name: 'A save that fails (the choice stays)',
  parameters: { msw: { handlers: [http.put(`${BASE}/customer/consents`, () => HttpResponse.json({ type: 'urn:ebok-widgets:problem:service_unavailable', title: 'Niedostępne', status: 503, code: 'service_unavailable' }, { status: 503, headers: { 'Content-Type': 'application/problem+json' } })), ...createHandlers({ base: BASE })] } },
};
export const SignedOut: Story = { name: 'Signed out', parameters: answers({ scenario: 'signed-out' }) };
export const SessionExpired: Story = { name: 'Session expired (save resends after a new login)', parameters: answers({ scenario: 'session-expired' }) };
export const NarrowPhone: Story = { name: 'Phone, 320 px', parameters: answers(), globals: { viewport: { value: 'mobile1', isRotated: false } } };
export const English: Story = { parameters: answers(), globals: { locale: 'en' } };
export const LargeText: Story = { name: 'Large text', parameters: answers(), globals: { textSize: 'large' } };
export const Loading: Story = { parameters: answers({ scenario: 'timeout' }) };
export const ServerError: Story = { name: 'Error with retry', parameters: answers({ scenario: 'server-error' }) };
export const Malformed: Story = { name: 'A malformed answer: an error with retry', parameters: { msw: { handlers: [http.get(`${BASE}/customer/consents`, () => HttpResponse.json({ marketing: 'tak' })), ...createHandlers({ base: BASE })] } } };
export const Offline: Story = { parameters: answers({ scenario: 'offline' }), beforeEach: deviceOffline };
