// The `kiedrop` command built to plain JavaScript (out/cli/kiedrop.js), so it starts without compiling
// TypeScript. An SSR build for Node: every dependency stays an import of node_modules, and the commands'
// dynamic imports become their own chunks, loaded only by the command that needs them.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: resolve(import.meta.dirname, '../src/cli/main.ts'),
    outDir: resolve(import.meta.dirname, '../out/cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      // Chunks sit beside the entry: out/cli/ is as deep as src/cli/, so paths the code finds from its own
      // location (package.json and the project folder, two levels up) are the same built or not.
      output: { format: 'es', entryFileNames: 'kiedrop.js', chunkFileNames: '[name]-[hash].js' },
    },
  },
  ssr: { target: 'node' },
  logLevel: 'warn',
});
