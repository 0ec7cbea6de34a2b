import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import { html } from 'lit';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from '../custom-elements.json';
import '../src/all.js';
import { createHandlers } from '../stories/mocks/handlers.js';

/** Stories talk to the mock API (MSW) under this base, the way a utility page talks to its own API. */
export const STORY_API_BASE = '/api/v1';

// Docs tables (attributes, properties, events, slots, CSS parts and custom properties) come from the
// custom elements manifest, generated from the sources by `npm run manifest`.
setCustomElementsManifest(manifest);

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language of the widgets',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'pl', title: 'Polski' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Utility preset',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'energy', title: 'Energy' },
          { value: 'gas', title: 'Gas' },
          { value: 'water', title: 'Water' },
        ],
        dynamicTitle: true,
      },
    },
    textSize: {
      description: 'Text size',
      toolbar: {
        title: 'Text size',
        icon: 'zoom',
        items: [
          { value: 'normal', title: 'Normal text' },
          { value: 'large', title: 'Large text' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'pl', theme: 'energy', textSize: 'normal' },
  // Every story sits in a provider, as it would on a utility's page; the toolbar switches its settings.
  decorators: [
    (story, context) => html`<ebok-provider
      api-base=${STORY_API_BASE}
      lang=${context.globals.locale as string}
      theme=${context.globals.theme as 'energy' | 'gas' | 'water'}
      text-size=${context.globals.textSize as 'normal' | 'large'}
      >${story()}</ebok-provider
    >`,
  ],
  loaders: [mswLoader()],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
    // Every operation answers from the mock API; a story picks a scenario with createHandlers({ scenario }).
    msw: { handlers: createHandlers({ base: STORY_API_BASE }) },
  },
  tags: ['autodocs'],
};

export default preview;
