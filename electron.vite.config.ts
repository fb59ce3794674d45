import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { devCsp } from './build/dev-csp';

const shared = { '@shared': resolve('src/shared') };

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      rollupOptions: {
        input: { index: resolve('src/main/index.ts') },
        // Chunks (the desktop app, the bundled command line) sit beside index.js: their paths to the
        // preloads and the renderer are the same as index.js's.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    resolve: { alias: shared },
    build: {
      rollupOptions: {
        // The drop window has its own, smaller preload.
        input: { index: resolve('src/preload/index.ts'), drop: resolve('src/preload/drop.ts') },
        // A sandboxed preload can only be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    resolve: { alias: shared },
    // devCsp only loosens the pages' CSP for the dev server; the build keeps it as written.
    plugins: [react(), devCsp()],
    build: {
      minify: true,
      rollupOptions: {
        input: { index: resolve('src/renderer/index.html'), drop: resolve('src/renderer/drop.html') },
      },
    },
  },
});
