import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built with NODE_ENV=development (package.json) so that React's StrictMode really double-invokes effects.
export default defineConfig({
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
});
