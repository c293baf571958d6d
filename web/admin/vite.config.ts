/**
 * The staff console: a single-page app served by `aisle serve` at /admin from web/dist/admin.
 * Routing is in the URL hash, so the server needs no fallback route for deep links.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/admin', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: true,
  },
});
