// The renderer's build: a static folder (dist/renderer) served by the app:// protocol and by `valija serve`.
// Relative asset paths (base './') so the same files work under both; nothing inlined as data: and no
// module-preload polyfill, so the strict CSP (script-src 'self') holds.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // One bundle read from disk (app:// or the local bridge), never over a network: its size is not a
    // download cost.
    chunkSizeWarningLimit: 1500,
  },
  server: { host: '127.0.0.1', strictPort: true },
});
