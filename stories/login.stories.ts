import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { createHandlers, DEMO, type ScenarioName } from './mocks/handlers.js';
import { portalConfig } from './mocks/data.js';
import { resetClients } from '../src/api/registry.js';
import '../src/widgets/login/ebok-login.js';
import type { EbokLogin } from '../src/widgets/login/login.js';

const BASE = '/api/v1';

interface Args {
  afterLogin: 'message' | 'hidden';
  navigation: 'events' | 'inline';
  headingLevel: number;
}

/**
 * Logging in (seeds 000, 002–004): identifier and password, a two-step code when the account asks for it,
 * and everything that can stand in the way. The mock API knows `energia@example.com` / `Demo-Haslo-2026`
 * (signs in), `2fa@example.com` (asks a code: `123456`), `nieaktywne@example.com` (not activated) and
 * `jednorazowe@example.com` / `Jednorazowe-1234` (one-time password). Stories that show a state after a
 * submission fill the form and submit it for you.
 */
const meta: Meta<Args> = {
  title: 'Widgets/Login',
  component: 'ebok-login',
  args: { afterLogin: 'message', navigation: 'events', headingLevel: 2 },
  argTypes: {
    afterLogin: { control: 'inline-radio', options: ['message', 'hidden'] },
    navigation: { control: 'inline-radio', options: ['events', 'inline'] },
    headingLevel: { control: { type: 'number', min: 2, max: 6 } },
  },
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  render: (args) => html`<ebok-login
    after-login=${args.afterLogin}
    navigation=${args.navigation}
    heading-level=${args.headingLevel}
    forgot-password-href="#nie-pamietam-hasla"
    forgot-login-href="#nie-pamietam-loginu"
    register-href="#rejestracja"
  ></ebok-login>`,
};
export default meta;

type Story = StoryObj<Args>;

const signedOut = (...more: ScenarioName[]): Story['parameters'] => ({
  msw: { handlers: createHandlers({ base: BASE, scenario: ['signed-out', ...more] }) },
});

/** Waits for the form, types the credentials and submits, as a customer would. */
async function submitWith(canvas: HTMLElement, identifier: string, password: string): Promise<EbokLogin> {
  const el = canvas.querySelector('ebok-login')!;
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('#password'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  const set = (selector: string, value: string) => {
    const input = el.shadowRoot!.querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  };
  set('#identifier', identifier);
  set('#password', password);
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
  return el;
}

const after = (identifier: string, password: string): Story['play'] => async ({ canvasElement }) => {
  await submitWith(canvasElement, identifier, password);
};

export const SignIn: Story = { name: 'Log in (empty form)', parameters: signedOut() };
export const EmailOnly: Story = {
  name: 'E-mail as the only login',
  parameters: {
    msw: {
      handlers: [
        http.get(`${BASE}/portal-config`, () => HttpResponse.json({ ...portalConfig, loginIdentifierKinds: ['email'] })),
        ...createHandlers({ base: BASE, scenario: 'signed-out' }),
      ],
    },
  },
};
export const Submitting: Story = { name: 'Submitting (slow server)', parameters: signedOut('slow'), play: after(DEMO.email, DEMO.password) };
export const WrongCredentials: Story = { parameters: signedOut(), play: after(DEMO.email, 'Zle-Haslo-2026') };
export const LockedAccount: Story = {
  name: 'Locked account (same message as a wrong password)',
  parameters: signedOut('locked'),
  play: after(DEMO.lockedEmail, DEMO.password),
};
/**
 * After repeated failed sign-ins for one login (the mock counts them per login, as the reference server does:
 * five wrong passwords for any login give this too), whether or not the account exists: it may be locked.
 */
export const LockNotice: Story = {
  name: 'After repeated failures: the account may be locked (any login)',
  parameters: signedOut('lock-notice'),
  play: after(DEMO.email, DEMO.password),
};
export const Throttled: Story = { name: 'Throttled (countdown)', parameters: signedOut('throttled'), play: after(DEMO.email, DEMO.password) };
export const NotActivated: Story = { name: 'Account not activated', parameters: signedOut(), play: after(DEMO.notActivatedEmail, DEMO.password) };
export const TwoStepCode: Story = { name: 'Two-step code (123456)', parameters: signedOut(), play: after(DEMO.mfaEmail, DEMO.password) };
export const ForcedPasswordChange: Story = {
  name: 'One-time password: set a new one',
  parameters: signedOut(),
  play: after(DEMO.oneTimeEmail, DEMO.oneTimePassword),
};
export const NewTerms: Story = { name: 'New terms to accept (after the password)', parameters: signedOut('terms-changed'), play: after(DEMO.email, DEMO.password) };
export const NewTermsAfterCode: Story = { name: 'New terms to accept (after the two-step code 123456)', parameters: signedOut('terms-changed'), play: after(DEMO.mfaEmail, DEMO.password) };
export const NewTermsEnglish: Story = { name: 'New terms, English', parameters: signedOut('terms-changed'), play: after(DEMO.email, DEMO.password), globals: { locale: 'en' } };
export const ServerError: Story = { name: 'Server error with retry', parameters: signedOut('server-error'), play: after(DEMO.email, DEMO.password) };
export const Offline: Story = { name: 'No connection', parameters: signedOut('offline'), play: after(DEMO.email, DEMO.password) };
export const AlreadySignedIn: Story = { parameters: { msw: { handlers: createHandlers({ base: BASE }) } } };
export const InlineNavigation: Story = { name: 'Forgot password etc. in place', args: { navigation: 'inline' }, parameters: signedOut() };
export const NarrowPhone: Story = {
  name: 'Phone, 320 px',
  parameters: signedOut(),
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};
