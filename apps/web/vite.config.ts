import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Built to apps/web/dist and served by the api at / (same origin as /api/v1). In `vite dev`,
// /api is proxied to a running api (npm start) so the session cookie stays same-origin.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The page's CSP forbids inline script: never inline the module preload polyfill or assets as scripts.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: { proxy: { '/api': process.env.CASEWORK_API ?? 'http://127.0.0.1:3000' } },
});
