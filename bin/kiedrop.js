#!/usr/bin/env node
// `kiedrop`: the command-line tool, built to plain JavaScript by `npm run build` (out/cli/), so it starts
// without compiling anything. Each command loads its own code when it runs.
import { existsSync } from 'node:fs';

const entry = new URL('../out/cli/kiedrop.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'kiedrop: it has not been built yet: run `npm run build` in the KieDrop folder first.\n',
  );
  process.exit(1);
}
const { main } = await import(entry.href);
await main();
