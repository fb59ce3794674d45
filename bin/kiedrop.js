#!/usr/bin/env node
// `kiedrop`: the command-line tool, built to plain JavaScript by `npm run build` (out/cli/), so it starts
// without compiling TypeScript. Each command loads its own code when it runs. The build is CommonJS (see
// build/cli.vite.config.ts), loaded with require() and a V8 code cache (code-cache.js): the quickest way
// Node 20 has to start it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { requireWithCodeCache } from './code-cache.js';

const entry = new URL('../out/cli/kiedrop.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'kiedrop: it has not been built yet: run `npm run build` in the KieDrop folder first.\n',
  );
  process.exit(1);
}
const { main } = requireWithCodeCache(fileURLToPath(entry));
await main();
