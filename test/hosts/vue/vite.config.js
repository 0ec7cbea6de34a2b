import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [
    vue({
      // The ebok-* tags are custom elements, not Vue components (else Vue tries to resolve them).
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('ebok-') } },
    }),
  ],
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
});
