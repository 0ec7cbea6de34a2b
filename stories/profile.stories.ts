import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { createHandlers, type PersonaKey, type ScenarioName } from './mocks/handlers.js';
import { CONTACT_DEMO } from './mocks/profile.js';
import { profileOf, persona } from '../demo/personas/index.js';
import { resetClients } from '../src/api/registry.js';
import '../src/widgets/profile/ebok-profile.js';
import { deviceOffline } from './support/offline.js';

const BASE = '/api/v1';

/**
 * "Moje dane" (seeds 000, 002, 004): who the customer is, read-only (PESEL or NIP masked), and the phone, the
 * e-mail, the correspondence address and the password, each saved on its own. A new phone waits for the SMS code
 * (here always `123456`), a new e-mail for its link; the address can be filled from a point of delivery.
 * Switch language, theme and text size in the toolbar.
 */
const meta: Meta = {
  title: 'Widgets/Profile',
  component: 'ebok-profile',
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  render: () => html`<ebok-profile></ebok-profile>`,
};
export default meta;

type Story = StoryObj;

const answers = (options: { scenario?: ScenarioName; persona?: PersonaKey } = {}): Story['parameters'] => ({
  msw: { handlers: createHandlers({ base: BASE, ...(options.scenario ? { scenario: options.scenario } : {}), ...(options.persona ? { persona: options.persona } : {}) }) },
});
const withProfile = (change: Partial<ReturnType<typeof profileOf>>): Story['parameters'] => ({
  msw: { handlers: [http.get(`${BASE}/customer/profile`, () => HttpResponse.json({ ...profileOf(persona('energia')), ...change })), ...createHandlers({ base: BASE })] },
});

export const Person: Story = { name: 'A person (energia): every section', parameters: answers() };
export const Business: Story = { name: 'A business: NIP masked, REGON', parameters: answers({ persona: 'firma' }) };
export const PhonePending: Story = { name: `A new phone waiting for its SMS code (${CONTACT_DEMO.phoneCode})`, parameters: withProfile({ pendingPhone: '+48512345678' }) };
export const EmailPending: Story = { name: 'A new e-mail waiting for its link', parameters: withProfile({ pendingEmail: 'jan.kowalski@poczta.example.com' }) };
export const NoPhone: Story = { name: 'No phone yet', parameters: withProfile({ phone: null }) };
export const NarrowPhone: Story = { name: 'Phone, 320 px', parameters: answers(), globals: { viewport: { value: 'mobile1', isRotated: false } } };
export const English: Story = { parameters: answers(), globals: { locale: 'en' } };
export const WaterTheme: Story = { name: 'Water theme, large text', parameters: answers({ persona: 'woda' }), globals: { theme: 'water', textSize: 'large' } };
export const SignedOut: Story = { name: 'Signed out', parameters: answers({ scenario: 'signed-out' }) };
export const Loading: Story = { parameters: answers({ scenario: 'timeout' }) };
export const ServerError: Story = { name: 'Error with retry', parameters: answers({ scenario: 'server-error' }) };
export const Malformed: Story = { name: 'A malformed answer: an error with retry', parameters: { msw: { handlers: [http.get(`${BASE}/customer/profile`, () => HttpResponse.json({ nothing: true })), ...createHandlers({ base: BASE })] } } };
export const Offline: Story = { parameters: answers({ scenario: 'offline' }), beforeEach: deviceOffline };
