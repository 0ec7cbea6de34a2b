import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createHandlers, DEMO, type ScenarioName } from './mocks/handlers.js';
import { resetClients } from '../src/api/registry.js';
import '../src/widgets/password-reset/ebok-password-reset.js';

const BASE = '/api/v1';

interface Args {
  token: string;
  headingLevel: number;
  loginHref: string;
}

/**
 * "Nie pamiętam hasła": without a token, ask for a link (always the same neutral answer); with a token (the
 * e-mailed link opens the page with `?token=`, or the `token` attribute), set a new password with the
 * policy checklist and strength. The link is checked first: the mock refuses tokens containing `expired`, `used` or `invalid`,
 * and the page says so before any password is asked for.
 */
const meta: Meta<Args> = {
  title: 'Widgets/Password reset',
  component: 'ebok-password-reset',
  args: { token: '', headingLevel: 2, loginHref: '/logowanie' },
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  render: (args) =>
    html`<ebok-password-reset token=${ifDefined(args.token || undefined)} heading-level=${args.headingLevel} login-href=${args.loginHref}></ebok-password-reset>`,
};
export default meta;

type Story = StoryObj<Args>;
const scenario = (name?: ScenarioName): Story['parameters'] => ({
  msw: { handlers: createHandlers(name ? { base: BASE, scenario: name } : { base: BASE }) },
});
const TOKEN = 'rst_Vq8Jc3mW1xZp6TnB0yKd4sLe';
const PASSWORD = 'Jesienne-Liscie-2025';

/** Types into the widget's fields (by id) and, when asked, sends the form. */
async function fill(canvas: HTMLElement, values: Record<string, string>, send = true): Promise<void> {
  const started = Date.now();
  let root: ShadowRoot | null | undefined;
  while (!(root = canvas.querySelector('ebok-password-reset')?.shadowRoot)?.querySelector('form')) {
    if (Date.now() - started > 5000) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  for (const [id, value] of Object.entries(values)) {
    const input = root.querySelector<HTMLInputElement>(`#${id}`);
    if (!input) continue;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  if (send) root.querySelector<HTMLButtonElement>('[part="submit"]')?.click();
}

export const Request: Story = { name: 'Ask for a link', parameters: scenario() };
export const RequestSent: Story = {
  name: 'Link asked for (neutral answer)',
  parameters: scenario(),
  play: ({ canvasElement }) => fill(canvasElement, { identifier: 'energia@example.com' }),
};
export const RequestInvalid: Story = {
  name: 'Ask: refused in the browser',
  parameters: scenario(),
  play: ({ canvasElement }) => fill(canvasElement, { identifier: 'energia@@example' }),
};
export const RequestThrottled: Story = {
  name: 'Ask: too many attempts',
  parameters: scenario('throttled'),
  play: ({ canvasElement }) => fill(canvasElement, { identifier: 'energia@example.com' }),
};
export const NewPassword: Story = { name: 'New password (from the link)', args: { token: TOKEN }, parameters: scenario() };
export const NewPasswordTyping: Story = {
  name: 'New password: checklist while typing',
  args: { token: TOKEN },
  parameters: scenario(),
  play: ({ canvasElement }) => fill(canvasElement, { newPassword: 'jesienne-lis' }, false),
};
export const NewPasswordRefused: Story = {
  name: 'New password: refused in the browser',
  args: { token: TOKEN },
  parameters: scenario(),
  play: ({ canvasElement }) => fill(canvasElement, { newPassword: 'krotkie', passwordRepeat: 'inne' }),
};
export const Changed: Story = {
  name: 'Password changed',
  args: { token: TOKEN },
  parameters: scenario(),
  play: ({ canvasElement }) => fill(canvasElement, { newPassword: PASSWORD, passwordRepeat: PASSWORD }),
};
export const ExpiredLink: Story = { name: 'Expired link: said at once, ask again', args: { token: DEMO.expiredToken }, parameters: scenario() };
export const UsedLink: Story = { name: 'Used link: said at once, ask again', args: { token: DEMO.usedToken }, parameters: scenario() };
export const InvalidLink: Story = { name: 'Made-up link: said at once, ask again', args: { token: DEMO.invalidToken }, parameters: scenario() };
export const Loading: Story = { parameters: scenario('timeout') };
export const ConfigError: Story = { name: 'Error with retry', parameters: scenario('server-error') };
export const Offline: Story = { parameters: scenario('offline') };
export const NarrowPhone: Story = {
  name: 'Phone, 320 px',
  args: { token: TOKEN },
  parameters: scenario(),
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};
