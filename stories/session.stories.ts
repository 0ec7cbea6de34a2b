import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { createHandlers } from './mocks/handlers.js';
import { makeSession } from './mocks/data.js';
import { resetClients } from '../src/api/registry.js';
import '../src/widgets/session/ebok-session.js';

const BASE = '/api/v1';

interface Args {
  warnBefore: number;
  signedOut: 'hidden' | 'login';
}

/**
 * Who is signed in, "Log out", and the warning before the session ends for inactivity (WCAG 2.2.1):
 * a dialog with a countdown and "Stay signed in", then a clear message when the session has ended.
 */
const meta: Meta<Args> = {
  title: 'Widgets/Session',
  component: 'ebok-session',
  args: { warnBefore: 120, signedOut: 'login' },
  argTypes: { signedOut: { control: 'inline-radio', options: ['hidden', 'login'] } },
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  render: (args) => html`<ebok-session warn-before=${args.warnBefore} signed-out=${args.signedOut} login-href="#logowanie"></ebok-session>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The session as the server reports it, `secondsLeft` before the idle timeout (at every read). */
const idleIn = (secondsLeft: number) =>
  http.get(`${BASE}/auth/session`, () => {
    const now = new Date();
    return HttpResponse.json(makeSession(now, { lastActivityAt: new Date(now.getTime() - (900 - secondsLeft) * 1000) }));
  });

export const SignedIn: Story = { parameters: { msw: { handlers: createHandlers({ base: BASE }) } } };
export const SignedOutWithLink: Story = {
  name: 'Signed out, with a login link',
  parameters: { msw: { handlers: createHandlers({ base: BASE, scenario: 'signed-out' }) } },
};
export const SignedOutHidden: Story = {
  name: 'Signed out, renders nothing',
  args: { signedOut: 'hidden' },
  parameters: { msw: { handlers: createHandlers({ base: BASE, scenario: 'signed-out' }) } },
};
export const IdleWarning: Story = {
  name: 'Idle warning (100 s left)',
  parameters: { msw: { handlers: [idleIn(100), ...createHandlers({ base: BASE })] } },
};
export const IdleExpired: Story = {
  name: 'Logged out for inactivity',
  parameters: { msw: { handlers: [idleIn(3), ...createHandlers({ base: BASE })] } },
};
export const NarrowPhone: Story = {
  name: 'Phone, 320 px',
  parameters: { msw: { handlers: createHandlers({ base: BASE }) } },
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};
