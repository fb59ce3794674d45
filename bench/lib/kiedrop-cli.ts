// How a bench runs `kiedrop`: the built command, with this process's environment less any KIEDROP_*
// setting of the machine, pointed at the bench's emulator with its key and at a data folder of its own.
import { join } from 'node:path';
import type { EmulatorProcess } from './emulator-process';

/** The checkout the benches run in; commands start there. */
export const REPO_ROOT = join(import.meta.dirname, '..', '..');
export const KIEDROP_BIN = join(REPO_ROOT, 'bin', 'kiedrop.js');

export function kiedropEnv(server: EmulatorProcess, dataDir: string): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KIEDROP_')));
  return {
    ...base,
    KIEDROP_API_KEY: server.apiKey,
    KIEDROP_BASE_URL: server.url,
    KIEDROP_CREDITS_URL: server.url,
    KIEDROP_DATA_DIR: dataDir,
  };
}
