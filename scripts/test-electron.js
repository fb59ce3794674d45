#!/usr/bin/env node
// `npm run test:electron`: smoke tests that drive the real app through Playwright's Electron support.
// They need the Electron runtime, which `npm test` machines may lack; without it this fails loudly rather than
// counting as a pass.
import { spawnSync } from 'node:child_process';
import { findElectronRuntime } from './electron-runtime.js';

const runtime = findElectronRuntime();
if (!runtime) {
  console.error(
    'The Electron smoke tests did not run: the Electron runtime is not installed (run `npm start` once online to fetch it).',
  );
  process.exit(1);
}
for (const [command, args] of [
  ['npx', ['electron-vite', 'build']],
  ['npx', ['vitest', 'run', '--config', 'vitest.electron.config.ts']],
]) {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, KIEDROP_ELECTRON_PATH: runtime },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
