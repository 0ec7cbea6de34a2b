import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', 'msw-storybook-addon'],
  framework: {
    name: '@storybook/web-components-vite',
    // The project's vite.config.ts serves the demo site; Storybook gets a config of its own.
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  // The MSW worker script (npx msw init stories/public --save) is served from here.
  staticDirs: ['../stories/public'],
  core: { disableTelemetry: true },
  docs: { defaultName: 'Docs' },
};

export default config;
