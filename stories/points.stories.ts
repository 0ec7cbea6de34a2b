import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createHandlers, type PersonaKey, type ScenarioName } from './mocks/handlers.js';
import { resetClients } from '../src/api/registry.js';
import { persona, pointsOf } from '../demo/personas/index.js';
import '../src/widgets/points/ebok-points.js';
import { deviceOffline } from './support/offline.js';

const BASE = '/api/v1';

interface Args {
  pointId: string;
  q: string;
  kind: '' | 'electricity' | 'gas' | 'water' | 'heat';
}

/**
 * The customer's points of delivery (seed 004 "Punkty poboru"): medium in words and an icon, address, PPE / PPG
 * number, meter, tariff, contracted power and reading mode; a search and a medium filter for many points; a point's
 * detail with its meters and the host's links (`readings-href` …, `{pointId}` filled in). Switch language, theme and
 * text size in the toolbar.
 */
const meta: Meta<Args> = {
  title: 'Widgets/Points',
  component: 'ebok-points',
  args: { pointId: '', q: '', kind: '' },
  argTypes: { kind: { control: 'select', options: ['', 'electricity', 'gas', 'water', 'heat'] } },
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  render: (args) =>
    html`<ebok-points
      login-href="/logowanie"
      point-id=${args.pointId}
      q=${args.q}
      kind=${args.kind}
      readings-href="/odczyty?point={pointId}"
      consumption-href="/zuzycie?point={pointId}"
      documents-href="/faktury?ebok-point={pointId}"
      contract-href="/umowy?ebok-contract={contractId}"
      tariff-change-href="/taryfa?point={pointId}"
    ></ebok-points>`,
};
export default meta;

type Story = StoryObj<Args>;

const answers = (options: { scenario?: ScenarioName; persona?: PersonaKey } = {}): Story['parameters'] => ({
  msw: { handlers: createHandlers({ base: BASE, ...(options.scenario ? { scenario: options.scenario } : {}), ...(options.persona ? { persona: options.persona } : {}) }) },
});

const FIRMA_POINT = pointsOf(persona('firma'))[0]!.id;
const ENERGIA_POINT = pointsOf(persona('energia'))[0]!.id;

export const Points: Story = { name: 'A household\'s points (energia)', parameters: answers() };
export const Business: Story = { name: 'A business\'s 12 points (firma): search, ten at a time', parameters: answers({ persona: 'firma' }) };
export const Searched: Story = { name: 'Searched by town', args: { q: 'Gliwice' }, parameters: answers({ persona: 'firma' }) };
export const NothingFound: Story = { name: 'A search that finds nothing', args: { q: 'Wrocław' }, parameters: answers({ persona: 'firma' }) };
export const Detail: Story = { name: 'A point\'s detail: meters, registers and links', args: { pointId: ENERGIA_POINT }, parameters: answers() };
export const BusinessDetail: Story = { name: 'A business point\'s detail', args: { pointId: FIRMA_POINT }, parameters: answers({ persona: 'firma' }) };
export const NotFound: Story = { name: 'A link to a point that is not yours', args: { pointId: 'pt_someone_else' }, parameters: answers() };
export const NarrowPhone: Story = { name: 'Phone, 320 px', parameters: answers({ persona: 'firma' }), globals: { viewport: { value: 'mobile1', isRotated: false } } };
export const English: Story = { parameters: answers({ persona: 'firma' }), globals: { locale: 'en' } };
export const EnglishDetail: Story = { name: 'English: a point\'s detail', args: { pointId: ENERGIA_POINT }, parameters: answers(), globals: { locale: 'en' } };
export const GasTheme: Story = { name: 'Gas theme, large text', parameters: answers({ persona: 'gaz' }), globals: { theme: 'gas', textSize: 'large' } };
export const WaterTheme: Story = { name: 'Water theme', parameters: answers({ persona: 'woda' }), globals: { theme: 'water' } };
export const SignedOut: Story = { name: 'Signed out', parameters: answers({ scenario: 'signed-out' }) };
export const Loading: Story = { parameters: answers({ scenario: 'timeout' }) };
export const Empty: Story = { name: 'Empty (no points yet)', parameters: answers({ scenario: 'empty' }) };
export const ServerError: Story = { name: 'Error with retry', parameters: answers({ scenario: 'server-error' }) };
export const EnglishError: Story = { name: 'English: error with retry', parameters: answers({ scenario: 'server-error' }), globals: { locale: 'en' } };
export const Offline: Story = { parameters: answers({ scenario: 'offline' }), beforeEach: deviceOffline };
