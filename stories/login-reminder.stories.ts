import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http } from 'msw';
import { createHandlers, type ScenarioName } from './mocks/handlers.js';
import { portalConfig } from './mocks/data.js';
import { resetClients } from '../src/api/registry.js';
import '../src/widgets/login-reminder/ebok-login-reminder.js';

const BASE = '/api/v1';

interface Args {
  headingLevel: number;
  loginHref: string;
}

/**
 * "Nie pamiętam loginu": the e-mail address, or a PESEL or NIP when the portal allows logging in with them;
 * always the same neutral answer.
 */
const meta: Meta<Args> = {
  title: 'Widgets/Login reminder',
  component: 'ebok-login-reminder',
  args: { headingLevel: 2, loginHref: '/logowanie' },
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  render: (args) => html`<ebok-login-reminder heading-level=${args.headingLevel} login-href=${args.loginHref}></ebok-login-reminder>`,
};
export default meta;

type Story = StoryObj<Args>;
const scenario = (name?: ScenarioName): Story['parameters'] => ({
  msw: { handlers: createHandlers(name ? { base: BASE, scenario: name } : { base: BASE }) },
});

/** Types the identifier into the widget and sends the form. */
async function send(canvas: HTMLElement, identifier: string): Promise<void> {
  const started = Date.now();
  let root: ShadowRoot | null | undefined;
  while (!(root = canvas.querySelector('ebok-login-reminder')?.shadowRoot)?.querySelector('form')) {
    if (Date.now() - started > 5000) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const input = root.querySelector<HTMLInputElement>('#identifier');
  if (!input) return;
  input.value = identifier;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  root.querySelector<HTMLButtonElement>('[part="submit"]')?.click();
}

export const Form: Story = { name: 'E-mail, PESEL or NIP', parameters: scenario() };
export const EmailOnly: Story = {
  name: 'E-mail only',
  parameters: {
    msw: { handlers: [http.get(`${BASE}/portal-config`, () => Response.json({ ...portalConfig, loginIdentifierKinds: ['email'] })), ...createHandlers({ base: BASE })] },
  },
};
export const Sent: Story = { name: 'Sent (neutral answer)', parameters: scenario(), play: ({ canvasElement }) => send(canvasElement, '8567346215') };
export const InvalidPesel: Story = { name: 'Refused in the browser (PESEL)', parameters: scenario(), play: ({ canvasElement }) => send(canvasElement, '44051401358') };
export const Throttled: Story = { name: 'Too many attempts', parameters: scenario('throttled'), play: ({ canvasElement }) => send(canvasElement, 'energia@example.com') };
export const Loading: Story = { parameters: scenario('timeout') };
export const ConfigError: Story = { name: 'Error with retry', parameters: scenario('server-error') };
export const Offline: Story = { parameters: scenario('offline') };
