// The `kiedrop` command built to plain JavaScript (out/cli/kiedrop.js), so it starts without compiling
// TypeScript. An SSR build for Node: every dependency stays a require() of node_modules, and the commands'
// dynamic imports become their own chunks, loaded only by the command that needs them.
//
// CommonJS, not ES modules: Node 20 loads each ES module through its asynchronous loader (resolve, read,
// link, and a lexer pass over every CommonJS package it imports, such as libsql), which cost a one-file
// `kiedrop upload` about 28 ms of its start-up; require() does the same work synchronously and cheaply.
// out/cli/package.json says so, as the project's own package.json declares ES modules.
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/** Writes out/cli/package.json: the .js files beside it are CommonJS. */
function commonJsFolder(): Plugin {
  return {
    name: 'kiedrop-cli-commonjs-folder',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'package.json', source: '{ "type": "commonjs" }\n' });
    },
  };
}

export default defineConfig({
  plugins: [commonJsFolder()],
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
      // dynamicImportInCjs: false turns import() of packages into require(): code compiled through the
      // code cache (bin/code-cache.js) cannot use import(), which vm.Script supports only behind a flag.
      output: {
        format: 'cjs',
        entryFileNames: 'kiedrop.js',
        chunkFileNames: '[name]-[hash].js',
        dynamicImportInCjs: false,
      },
    },
  },
  ssr: { target: 'node' },
  logLevel: 'warn',
});
