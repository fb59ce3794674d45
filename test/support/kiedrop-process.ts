// The `kiedrop` binary as a user runs it: a real process, its output captured, and an environment that
// points it at the emulator and at throw-away folders and keychain entries, never the developer's own.
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import type { Emulator } from '../emulator/index';

const REPO_ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(REPO_ROOT, 'bin', 'kiedrop.js');

export interface KiedropResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface KiedropOptions {
  /** Piped to stdin, which is then closed (as `echo key | kiedrop key set` does). Default: nothing. */
  input?: string;
  /** Default: the repository root. */
  cwd?: string;
  /** Variables of this process to leave out, besides every KIEDROP_* one. */
  dropEnv?: readonly string[];
}

export interface KiedropProcess {
  child: ChildProcessWithoutNullStreams;
  /** Filled in as the process writes, so a test can wait for a line while it still runs. */
  out: { stdout: string; stderr: string };
  /** Resolves once the process has exited and its output is complete. */
  done: Promise<KiedropResult>;
}

/** Starts `kiedrop …` with `env` on top of this process's environment minus any KIEDROP_* setting. */
export function startKiedrop(
  args: readonly string[],
  env: Record<string, string> = {},
  options: KiedropOptions = {},
): KiedropProcess {
  const drop = options.dropEnv ?? [];
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('KIEDROP_') && !drop.includes(k)),
  );
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...base, ...env },
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out.stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (out.stderr += d));
  child.stdin.end(options.input ?? '');
  const done = new Promise<KiedropResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, ...out }));
  });
  return { child, out, done };
}

/** Runs `kiedrop …` to the end: its exit code and everything it printed. */
export function runKiedrop(
  args: readonly string[],
  env: Record<string, string> = {},
  options: KiedropOptions = {},
): Promise<KiedropResult> {
  return startKiedrop(args, env, options).done;
}

export interface CliEnvOptions {
  /** Holds kiedrop.db: never the user's real history. */
  dataDir: string;
  /** A throw-away keychain entry, so the user's real key is never read or replaced. */
  keychainService: string;
  /** Pass the emulator's key in KIEDROP_API_KEY. Default true; false leaves the key to the keychain. */
  apiKey?: boolean;
  /** Retries within milliseconds (KIEDROP_RETRY_BASE_MS=5), so a test of server errors does not wait. */
  fastRetries?: boolean;
}

/** The KIEDROP_* settings that send the CLI's uploads and credit checks to the emulator. */
export function cliEnv(emulator: Emulator, options: CliEnvOptions): Record<string, string> {
  return {
    ...(options.apiKey === false ? {} : { KIEDROP_API_KEY: emulator.apiKey }),
    KIEDROP_BASE_URL: emulator.url,
    KIEDROP_CREDITS_URL: emulator.url,
    KIEDROP_KEYCHAIN_SERVICE: options.keychainService,
    KIEDROP_DATA_DIR: options.dataDir,
    ...(options.fastRetries ? { KIEDROP_RETRY_BASE_MS: '5' } : {}),
  };
}
