import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createHandlers, DEMO, type ScenarioName } from './mocks/handlers.js';
import { resetClients } from '../src/api/registry.js';
import '../src/widgets/activation/ebok-activation.js';

const BASE = '/api/v1';

interface Args {
  token: string;
  headingLevel: number;
  loginHref: string;
}

/**
 * The page the activation link opens: activates once on load and says how it went; an expired link offers a
 * form for a new one (neutral answer). The mock refuses tokens containing `expired`, `used` or `invalid`. Each story uses
 * its own token, since a token is activated only once per page (a second visit shows the first outcome).
 */
const meta: Meta<Args> = {
  title: 'Widgets/Activation',
  component: 'ebok-activation',
  args: { token: '', headingLevel: 2, loginHref: '/logowanie' },
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  render: (args) =>
    html`<ebok-activation token=${ifDefined(args.token || undefined)} heading-level=${args.headingLevel} login-href=${args.loginHref}></ebok-activation>`,
};
export default meta;

type Story = StoryObj<Args>;
const scenario = (name?: ScenarioName): Story['parameters'] => ({
  msw: { handlers: createHandlers(name ? { base: BASE, scenario: name } : { base: BASE }) },
});
async function resend(canvas: HTMLElement, email: string): Promise<void> {
  const started = Date.now();
  let root: ShadowRoot | null | undefined;
  while (!(root = canvas.querySelector('ebok-activation')?.shadowRoot)?.querySelector('form')) {
    if (Date.now() - started > 5000) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const input = root.querySelector<HTMLInputElement>('#email');
  if (!input) return;
  input.value = email;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  root.querySelector<HTMLButtonElement>('[part="submit"]')?.click();
}

export const Activated: Story = { args: { token: 'act_H7nQ2wLk9ZxR4cVb8TmY1pDs' }, parameters: scenario() };
export const Activating: Story = { args: { token: 'act_H7nQ2wLk9ZxR4cVb8TmY1pDs_slow' }, parameters: scenario('timeout') };
export const ExpiredLink: Story = { name: 'Expired link: ask for a new one', args: { token: DEMO.expiredToken.replace('rst', 'act') }, parameters: scenario() };
export const NewLinkSent: Story = {
  name: 'New link sent (neutral answer)',
  args: { token: 'act_expired_resend_000000' },
  parameters: scenario(),
  play: ({ canvasElement }) => resend(canvasElement, 'stanislaw.zajac@example.com'),
};
export const InvalidLink: Story = { name: 'Made-up link: ask for a new one', args: { token: DEMO.invalidToken.replace('rst', 'act') }, parameters: scenario() };
export const UsedLink: Story = { name: 'Already active (used link)', args: { token: DEMO.usedToken.replace('rst', 'act') }, parameters: scenario() };
export const NoToken: Story = { name: 'No token in the link', parameters: scenario() };
export const ServerError: Story = { name: 'Error with retry', args: { token: 'act_H7nQ2wLk9ZxR4cVb8TmY1pDs_err' }, parameters: scenario('server-error') };
export const Offline: Story = { args: { token: 'act_H7nQ2wLk9ZxR4cVb8TmY1pDs_off' }, parameters: scenario('offline') };
