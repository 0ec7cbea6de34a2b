import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createHandlers, type ScenarioName } from './mocks/handlers.js';
import { PAYMENT_IDS } from './mocks/data.js';
import { resetClients } from '../src/api/registry.js';
import '../src/widgets/balance-tile/ebok-balance-tile.js';

const BASE = '/api/v1';

interface Args {
  href: string;
  compact: boolean;
  signedOut: 'prompt' | 'hidden';
  placeholder: 'login' | 'balance';
}

/**
 * The balance at a glance (seeds 002, 004): the amount, its state in words, colour and icon, what is
 * overdue or due next, and "Pay" through the payment operator. Switch language, theme and text size in
 * the toolbar; each story below is one state, answered by the mock API.
 */
const meta: Meta<Args> = {
  title: 'Widgets/Balance tile',
  component: 'ebok-balance-tile',
  args: { href: '/ebok/saldo', compact: false, signedOut: 'prompt', placeholder: 'login' },
  argTypes: {
    signedOut: { control: 'inline-radio', options: ['prompt', 'hidden'] },
    placeholder: { control: 'inline-radio', options: ['login', 'balance'] },
  },
  // Each story starts with a fresh client, so the cache of one story never shows in another.
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  render: (args) => html`<ebok-balance-tile
    href=${args.href}
    login-href="/logowanie"
    signed-out=${args.signedOut}
    placeholder=${args.placeholder}
    ?compact=${args.compact}
  ></ebok-balance-tile>`,
};
export default meta;

type Story = StoryObj<Args>;
const scenario = (name?: ScenarioName): Story['parameters'] => ({
  msw: { handlers: createHandlers(name ? { base: BASE, scenario: name } : { base: BASE }) },
});

export const Overdue: Story = { parameters: scenario('balance-overdue') };
export const Due: Story = { name: 'Due, not yet overdue', parameters: scenario('balance-due') };
export const Overpaid: Story = { parameters: scenario('balance-overpaid') };
export const Settled: Story = { parameters: scenario('balance-settled') };
export const OverTheCap: Story = { name: 'Over the per-payment cap', parameters: scenario('balance-over-cap') };
export const PaymentsDisabled: Story = { parameters: scenario('payments-disabled') };
export const Compact: Story = { args: { compact: true }, parameters: scenario('balance-overdue') };
export const NarrowPhone: Story = {
  name: 'Phone, 320 px',
  parameters: scenario('balance-overdue'),
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};
export const Loading: Story = { parameters: scenario('timeout') };
/** On a page only signed-in customers see (the dashboard): the placeholder has the shape of a balance. */
export const LoadingAsBalance: Story = { name: 'Loading, shaped as a balance', args: { placeholder: 'balance' }, parameters: scenario('timeout') };
export const Empty: Story = { name: 'Empty (nothing to pay)', parameters: scenario('empty') };
export const ServerError: Story = { name: 'Error with retry', parameters: scenario('server-error') };
export const Offline: Story = { parameters: scenario('offline') };
export const MalformedAnswer: Story = { parameters: scenario('malformed-shape') };
export const SignedOut: Story = { parameters: scenario('signed-out') };
export const SignedOutHidden: Story = { args: { signedOut: 'hidden' }, parameters: scenario('signed-out') };

const returning = (status: keyof typeof PAYMENT_IDS): Story => ({
  name: `Back from payment: ${status}`,
  parameters: scenario(),
  loaders: [
    () => {
      resetClients();
      const url = new URL(location.href);
      url.searchParams.set('paymentId', PAYMENT_IDS[status]);
      history.replaceState(history.state, '', url.href);
      return {};
    },
  ],
});
export const ReturnPaid = returning('paid');
export const ReturnDeclined = returning('declined');
export const ReturnCancelled = returning('cancelled');
