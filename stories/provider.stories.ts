import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createHandlers } from './mocks/handlers.js';
import { resetClients } from '../src/api/registry.js';
import '../src/widgets/provider/ebok-provider.js';
import '../src/widgets/balance-tile/ebok-balance-tile.js';
import '../src/widgets/session/ebok-session.js';

interface Args {
  lang: 'pl' | 'en';
  theme: 'energy' | 'gas' | 'water';
  textSize: 'normal' | 'large';
}

/**
 * `<ebok-provider>` gives the widgets inside it one API, language, theme and text size, and shares the
 * session and the portal config with them. It draws nothing itself. Here it wraps a session bar and a
 * balance tile; change its attributes in the controls (the toolbar's provider sits outside this one).
 */
const meta: Meta<Args> = {
  title: 'Widgets/Provider',
  component: 'ebok-provider',
  args: { lang: 'en', theme: 'gas', textSize: 'normal' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['pl', 'en'] },
    theme: { control: 'inline-radio', options: ['energy', 'gas', 'water'] },
    textSize: { control: 'inline-radio', options: ['normal', 'large'] },
  },
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  parameters: { msw: { handlers: createHandlers({ base: '/api/v1', scenario: 'balance-overdue' }) } },
  render: (args) => html`<ebok-provider api-base="/api/v1" lang=${args.lang} theme=${args.theme} text-size=${args.textSize}>
    <ebok-session></ebok-session>
    <ebok-balance-tile href="#"></ebok-balance-tile>
  </ebok-provider>`,
};
export default meta;

export const GasInEnglish: StoryObj<Args> = {};
export const WaterLargeText: StoryObj<Args> = { args: { lang: 'pl', theme: 'water', textSize: 'large' } };
