import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createHandlers, type PersonaKey, type ScenarioName } from './mocks/handlers.js';
import { resetClients } from '../src/api/registry.js';
import { contractsOf, persona } from '../demo/personas/index.js';
import '../src/widgets/contracts/ebok-contracts.js';
import { deviceOffline } from './support/offline.js';

const BASE = '/api/v1';

interface Args {
  contractId: string;
}

/**
 * The customer's contracts (seed 004 "Umowy"): number, product, medium, tariff, period in Polish dates, status in
 * words with an icon, and its points; a contract's detail with its points (linked with `point-href`) and its documents,
 * each downloaded as a real PDF. Switch language, theme and text size in the toolbar.
 */
const meta: Meta<Args> = {
  title: 'Widgets/Contracts',
  component: 'ebok-contracts',
  args: { contractId: '' },
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  render: (args) => html`<ebok-contracts login-href="/logowanie" contract-id=${args.contractId} point-href="/punkty?ebok-point={pointId}"></ebok-contracts>`,
};
export default meta;

type Story = StoryObj<Args>;

const answers = (options: { scenario?: ScenarioName; persona?: PersonaKey } = {}): Story['parameters'] => ({
  msw: { handlers: createHandlers({ base: BASE, ...(options.scenario ? { scenario: options.scenario } : {}), ...(options.persona ? { persona: options.persona } : {}) }) },
});

const ENERGIA_CONTRACT = contractsOf(persona('energia'))[0]!.id;
const FIRMA_CONTRACTS = contractsOf(persona('firma'));
const FIRMA_ENDED = FIRMA_CONTRACTS.find((c) => c.status === 'terminated')?.id ?? FIRMA_CONTRACTS[0]!.id;

export const Contracts: Story = { name: 'A household\'s contracts (energia)', parameters: answers() };
export const Business: Story = { name: 'A business\'s contracts (firma: 12 points, one contract ended)', parameters: answers({ persona: 'firma' }) };
export const Detail: Story = { name: 'A contract\'s detail: its points and documents to download', args: { contractId: ENERGIA_CONTRACT }, parameters: answers() };
export const BusinessDetail: Story = { name: 'A business contract with many points', args: { contractId: FIRMA_CONTRACTS[0]!.id }, parameters: answers({ persona: 'firma' }) };
export const Ended: Story = { name: 'An ended contract', args: { contractId: FIRMA_ENDED }, parameters: answers({ persona: 'firma' }) };
export const NotFound: Story = { name: 'A link to a contract that is not yours', args: { contractId: 'ctr_someone_else' }, parameters: answers() };
export const NarrowPhone: Story = { name: 'Phone, 320 px', args: { contractId: ENERGIA_CONTRACT }, parameters: answers(), globals: { viewport: { value: 'mobile1', isRotated: false } } };
export const English: Story = { parameters: answers({ persona: 'firma' }), globals: { locale: 'en' } };
export const EnglishDetail: Story = { name: 'English: a contract\'s detail', args: { contractId: ENERGIA_CONTRACT }, parameters: answers(), globals: { locale: 'en' } };
export const GasTheme: Story = { name: 'Gas theme, large text', parameters: answers({ persona: 'gaz' }), globals: { theme: 'gas', textSize: 'large' } };
export const SignedOut: Story = { name: 'Signed out', parameters: answers({ scenario: 'signed-out' }) };
export const Loading: Story = { parameters: answers({ scenario: 'timeout' }) };
export const Empty: Story = { name: 'Empty (no contracts yet)', parameters: answers({ scenario: 'empty' }) };
export const ServerError: Story = { name: 'Error with retry', parameters: answers({ scenario: 'server-error' }) };
export const EnglishError: Story = { name: 'English: error with retry', parameters: answers({ scenario: 'server-error' }), globals: { locale: 'en' } };
export const Offline: Story = { parameters: answers({ scenario: 'offline' }), beforeEach: deviceOffline };
