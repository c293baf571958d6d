/**
 * The shopper's chat widget builds to one classic script, `aisle.js`, that a merchant embeds with a
 * single tag. Styles are imported as strings and placed inside the widget's shadow root, so the
 * build emits no stylesheet for the host page.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  // Library builds leave process.env alone; React reads NODE_ENV to drop its development checks.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: fileURLToPath(new URL('../dist/widget', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: true,
    lib: {
      entry: fileURLToPath(new URL('src/main.tsx', import.meta.url)),
      formats: ['iife'],
      name: 'AisleWidget',
      fileName: () => 'aisle.js',
    },
  },
});
