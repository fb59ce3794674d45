#!/usr/bin/env node
// `npm start`: build and launch the desktop app, fetching the Electron runtime first if it is missing.
// Where the runtime cannot be fetched, say so in one sentence and exit, instead of a stack trace.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { downloadElectronRuntime, findElectronRuntime } from './electron-runtime.js';

const require = createRequire(import.meta.url);
const dev = process.argv.includes('--dev');

if (!findElectronRuntime()) {
  console.log('KieDrop: fetching the Electron runtime (first start only)…');
  const { ok, reason } = downloadElectronRuntime();
  if (!ok) {
    console.error(
      `KieDrop cannot start: the Electron runtime is not installed and could not be downloaded (${reason}); ` +
        'connect to the internet and run `npm start` again, or point ELECTRON_OVERRIDE_DIST_PATH at an installed Electron.',
    );
    process.exit(1);
  }
}

// electron-vite's package exports hide its bin file, so find it next to the resolved entry point.
const electronVite = join(dirname(require.resolve('electron-vite')), '..', 'bin', 'electron-vite.js');
const child = spawn(process.execPath, [electronVite, dev ? 'dev' : 'preview'], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
