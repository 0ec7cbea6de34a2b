import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, delay } from 'msw';
import { createHandlers, problemResponse, type ScenarioName } from './mocks/handlers.js';
import { portalConfig } from './mocks/data.js';
import { resetClients } from '../src/api/registry.js';
import '../src/widgets/register/ebok-register.js';

const BASE = '/api/v1';

interface Args {
  headingLevel: number;
  loginHref: string;
  termsHref: string;
}

/**
 * Registration (seeds 000, 002, 003, 004): PESEL or NIP, customer number or PPE from an invoice, the e-mail
 * that becomes the login, an optional phone, a password with the utility's policy, and the consents.
 * Checksums and the policy are checked in the browser; the mock API checks again. Stories with a play
 * function fill the form in to show a state after sending.
 */
const meta: Meta<Args> = {
  title: 'Widgets/Register',
  component: 'ebok-register',
  args: { headingLevel: 2, loginHref: '/logowanie', termsHref: '/regulamin' },
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  render: (args) => html`<ebok-register heading-level=${args.headingLevel} login-href=${args.loginHref} terms-href=${args.termsHref}></ebok-register>`,
};
export default meta;

type Story = StoryObj<Args>;
const scenario = (name?: ScenarioName): Story['parameters'] => ({
  msw: { handlers: createHandlers(name ? { base: BASE, scenario: name } : { base: BASE }) },
});
const withRegister = (answer: () => Response | Promise<Response>): Story['parameters'] => ({
  msw: { handlers: [http.post(`${BASE}/auth/register`, answer), ...createHandlers({ base: BASE })] },
});

const VALID = {
  idNumber: '44051401359',
  proof: '1200345678',
  email: 'stanislaw.zajac@example.com',
  phone: '601 234 567',
  password: 'Zielona-Herbata-7',
  passwordRepeat: 'Zielona-Herbata-7',
};

/** Fills the form in inside the widget's shadow root, ticks the terms and sends it. */
async function fill(canvas: HTMLElement, values: Record<string, string>, send = true): Promise<void> {
  const started = Date.now();
  let root: ShadowRoot | null | undefined;
  while (!(root = canvas.querySelector('ebok-register')?.shadowRoot)?.querySelector('form')) {
    if (Date.now() - started > 5000) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  for (const [id, value] of Object.entries(values)) {
    const input = root.querySelector<HTMLInputElement>(`#${id}`);
    if (!input) continue;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('blur'));
  }
  root.querySelector<HTMLInputElement>('#terms')?.click();
  if (send) root.querySelector<HTMLButtonElement>('[part="submit"]')?.click();
}

export const Form: Story = { parameters: scenario() };
export const EmailMustMatchContract: Story = {
  name: 'E-mail must match the contract, legacy point codes allowed',
  parameters: {
    msw: {
      handlers: [
        http.get(`${BASE}/portal-config`, () => Response.json({ ...portalConfig, registrationEmailMustMatchContract: true, allowLegacyPointCodes: true })),
        ...createHandlers({ base: BASE }),
      ],
    },
  },
};
export const Typing: Story = {
  name: 'Filled in (password checklist met)',
  parameters: scenario(),
  play: ({ canvasElement }) => fill(canvasElement, VALID, false),
};
export const BrowserErrors: Story = {
  name: 'Refused in the browser (wrong PESEL, e-mail, repeat)',
  parameters: scenario(),
  play: ({ canvasElement }) => fill(canvasElement, { ...VALID, idNumber: '44051401358', email: 'jan@', passwordRepeat: 'Zielona-Herbata-8' }),
};
export const ServerFieldErrors: Story = {
  name: 'Refused by the server (fields)',
  parameters: withRegister(() =>
    problemResponse(422, 'validation_failed', {
      extra: {
        fields: [
          { field: '/email', code: 'invalid_format', message: 'Adres e-mail jest niepoprawny.' },
          { field: '/password', code: 'password_breached', message: 'To hasło wyciekło.' },
        ],
      },
    }),
  ),
  play: ({ canvasElement }) => fill(canvasElement, VALID),
};
export const Sending: Story = {
  parameters: withRegister(async () => {
    await delay('infinite');
    return new Response(null, { status: 500 });
  }),
  play: ({ canvasElement }) => fill(canvasElement, VALID),
};
export const Sent: Story = { name: 'Sent (activation link)', parameters: scenario(), play: ({ canvasElement }) => fill(canvasElement, VALID) };
export const SendFailed: Story = {
  name: 'Sending failed (503), data kept',
  parameters: withRegister(() => problemResponse(503, 'service_unavailable', { headers: { 'Retry-After': '120' } })),
  play: ({ canvasElement }) => fill(canvasElement, VALID),
};
export const Throttled: Story = {
  parameters: withRegister(() => problemResponse(429, 'too_many_attempts', { headers: { 'Retry-After': '900' }, extra: { retryAfter: 900 } })),
  play: ({ canvasElement }) => fill(canvasElement, VALID),
};
export const LoadingConfig: Story = { name: 'Loading', parameters: scenario('timeout') };
export const ConfigError: Story = { name: 'Error with retry', parameters: scenario('server-error') };
export const Offline: Story = { parameters: scenario('offline') };
export const NarrowPhone: Story = {
  name: 'Phone, 320 px',
  parameters: scenario(),
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};
