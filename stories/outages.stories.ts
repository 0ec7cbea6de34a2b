import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { createHandlers, type PersonaKey, type ScenarioName } from './mocks/handlers.js';
import { resetClients } from '../src/api/registry.js';
import '../src/widgets/outages/ebok-outages.js';
import { deviceOffline } from './support/offline.js';

const BASE = '/api/v1';

interface Args {
  area: string;
  kind: '' | 'electricity' | 'gas' | 'water' | 'heat';
}

/**
 * Planned works and current failures (seed 000), public: search by postal code or town, soonest first, with what,
 * where (the streets or the whole place), when ("until further notice" for a failure going on) and why. Signed in,
 * the area of the customer's first point is chosen, its other points' areas a click away. Switch language, theme
 * and text size in the toolbar.
 */
const meta: Meta<Args> = {
  title: 'Widgets/Outages',
  component: 'ebok-outages',
  args: { area: '', kind: '' },
  argTypes: { kind: { control: 'select', options: ['', 'electricity', 'gas', 'water', 'heat'] } },
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  render: (args) => html`<ebok-outages area=${args.area} kind=${args.kind}></ebok-outages>`,
};
export default meta;

type Story = StoryObj<Args>;

const answers = (options: { scenario?: ScenarioName; persona?: PersonaKey } = {}): Story['parameters'] => ({
  msw: { handlers: createHandlers({ base: BASE, ...(options.scenario ? { scenario: options.scenario } : {}), ...(options.persona ? { persona: options.persona } : {}) }) },
});

export const Everywhere: Story = { name: 'Every area (signed in: the first point\'s area)', parameters: answers() };
export const SignedOut: Story = { name: 'Anyone, signed out: every area, search by postal code or town', parameters: answers({ scenario: 'signed-out' }) };
export const ByPostalCode: Story = { name: 'By postal code (44-100)', args: { area: '44-100' }, parameters: answers({ scenario: 'signed-out' }) };
export const ByTown: Story = { name: 'By town (Zabrze: a gas failure going on)', args: { area: 'Zabrze' }, parameters: answers({ scenario: 'signed-out' }) };
export const OnlyWater: Story = { name: 'Only water', args: { kind: 'water' }, parameters: answers({ scenario: 'signed-out' }), globals: { theme: 'water' } };
export const NothingHere: Story = { name: 'Nothing in this area', args: { area: 'Wrocław' }, parameters: answers({ scenario: 'signed-out' }) };
export const Empty: Story = { name: 'Nothing anywhere', parameters: answers({ scenario: 'empty' }) };
export const NarrowPhone: Story = { name: 'Phone, 320 px', parameters: answers(), globals: { viewport: { value: 'mobile1', isRotated: false } } };
export const English: Story = { parameters: answers(), globals: { locale: 'en' } };
export const GasTheme: Story = { name: 'Gas theme, large text', parameters: answers({ persona: 'gaz' }), globals: { theme: 'gas', textSize: 'large' } };
export const Loading: Story = { parameters: answers({ scenario: 'timeout' }) };
export const ServerError: Story = { name: 'Error with retry', parameters: answers({ scenario: 'server-error' }) };
export const Malformed: Story = { name: 'A malformed answer: an error with retry', parameters: { msw: { handlers: [http.get(`${BASE}/outages`, () => HttpResponse.json({ nothing: true })), ...createHandlers({ base: BASE })] } } };
export const Offline: Story = { parameters: answers({ scenario: 'offline' }), beforeEach: deviceOffline };
