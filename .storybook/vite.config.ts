import { defineConfig } from 'vite';

// Storybook's own Vite settings: the defaults, with no demo root and no library mode.
export default defineConfig({
  build: { chunkSizeWarningLimit: 2000 },
});
