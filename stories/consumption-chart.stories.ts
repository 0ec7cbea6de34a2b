import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createHandlers, type PersonaKey, type ScenarioName } from './mocks/handlers.js';
import { resetClients } from '../src/api/registry.js';
import '../src/widgets/consumption-chart/ebok-consumption-chart.js';
import { deviceOffline } from './support/offline.js';

const BASE = '/api/v1';

interface Args {
  pointId: string;
  year: number | undefined;
  compare: 'previous-year' | 'none';
}

/**
 * "Twoje zużycie" (seeds 002, 004): consumption per month for one point or the sum of all, beside the year
 * before; tariff zones stacked, estimated months striped. Before the chart, its summary in words; Tab to the
 * chart and ←/→, Home, End move between months, each one announced; "Show as a table" gives the same data as a
 * table, "Download CSV" as a file a spreadsheet opens. Chart.js loads only when the chart comes on screen.
 * Switch language, theme and text size in the toolbar.
 */
const meta: Meta<Args> = {
  title: 'Widgets/Consumption chart',
  component: 'ebok-consumption-chart',
  args: { pointId: 'pt_e_0001', year: undefined, compare: 'previous-year' },
  argTypes: { compare: { control: 'select', options: ['previous-year', 'none'] } },
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  render: (args) => html`<ebok-consumption-chart login-href="/logowanie" point-id=${args.pointId} year=${ifDefined(args.year)} compare=${args.compare}></ebok-consumption-chart>`,
};
export default meta;

type Story = StoryObj<Args>;

const answers = (options: { scenario?: ScenarioName; persona?: PersonaKey } = {}): Story['parameters'] => ({
  msw: { handlers: createHandlers({ base: BASE, ...(options.scenario ? { scenario: options.scenario } : {}), ...(options.persona ? { persona: options.persona } : {}) }) },
});
const lastYear = new Date().getFullYear() - 1;

export const DayAndNight: Story = { name: 'G12: day and night against last year', parameters: answers() };
export const AllPoints: Story = { name: 'Sum of all points (energia: flat and cottage)', args: { pointId: '' }, parameters: answers() };
export const SmartMeterDays: Story = { name: 'Smart meter: months or days (the cottage)', args: { pointId: 'pt_e_0002' }, parameters: answers() };
export const LastYear: Story = { name: 'A whole past year', args: { year: lastYear }, parameters: answers() };
export const WithoutComparison: Story = { name: 'Without the year before', args: { compare: 'none' }, parameters: answers() };
export const Gas: Story = { name: 'Gas in m³', args: { pointId: 'pt_g_0001' }, parameters: answers({ persona: 'gaz' }), globals: { theme: 'gas' } };
export const Water: Story = { name: 'Water in m³', args: { pointId: 'pt_w_0001' }, parameters: answers({ persona: 'woda' }), globals: { theme: 'water' } };
export const ManyPoints: Story = { name: 'A business with 12 points and their sum', args: { pointId: '' }, parameters: answers({ persona: 'firma' }) };
export const NarrowPhone: Story = { name: 'Phone, 320 px', parameters: answers(), globals: { viewport: { value: 'mobile1', isRotated: false } } };
export const English: Story = { parameters: answers(), globals: { locale: 'en' } };
export const LargeText: Story = { name: 'Large text', parameters: answers(), globals: { textSize: 'large' } };
export const Loading: Story = { parameters: answers({ scenario: 'timeout' }) };
export const NoDataYet: Story = { name: 'A new customer: no data yet', parameters: answers({ scenario: 'empty' }) };
export const ServerError: Story = { name: 'Error with retry', parameters: answers({ scenario: 'server-error' }) };
export const Offline: Story = {
  parameters: answers({ scenario: 'offline' }),
  beforeEach: deviceOffline,
};
export const SignedOut: Story = { parameters: answers({ scenario: 'signed-out' }) };
