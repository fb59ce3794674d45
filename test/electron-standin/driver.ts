// Test side: starts the real app (out/main/index.js) on the stand-in as a child process, talks to its
// control channel, and shares one Chromium server between the apps of a test file.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserServer } from 'playwright-core';
import { CHROMIUM_PATH } from '../harness/served-page';
import { STANDIN_CHROMIUM_ARGS } from './browser';

const HERE = import.meta.dirname;
export const STANDIN_PROJECT_ROOT = resolve(HERE, '../..');

export interface StandinLaunchOptions {
  /** The app folder given to `electron <folder>`; default the project root. */
  appDir?: string;
  args?: string[];
  env?: Record<string, string | undefined>;
  browser?: BrowserServer;
  /**
   * The D-Bus session the app runs in. shared (default): the test run's own, with its keychain.
   * private-keyring: a new session with a fresh, unlocked keychain of its own (first-run key entry).
   * private: a new, empty session (no keychain).
   */
  session?: 'shared' | 'private-keyring' | 'private';
}

export interface StandinApp {
  readonly child: ChildProcess;
  /** stdout and stderr together, in order. */
  readonly output: () => string;
  /** stdout alone. */
  readonly stdout: () => string;
  call<T = unknown>(cmd: string, args?: Record<string, unknown>): Promise<T>;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
  kill(): Promise<void>;
}

export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: CHROMIUM_PATH, args: STANDIN_CHROMIUM_ARGS });
}

export function launchStandinApp(options: StandinLaunchOptions = {}): StandinApp {
  const appDir = options.appDir ?? STANDIN_PROJECT_ROOT;
  const nodeArgs = [
    '--expose-gc',
    '--import',
    'tsx',
    '--import',
    join(HERE, 'register.ts'),
    join(HERE, 'launch.ts'),
    appDir,
    ...(options.args ?? []),
  ];
  const env: Record<string, string | undefined> = {
    ...process.env,
    ELECTRON_RENDERER_URL: '',
    KIEDROP_STANDIN_BROWSER: options.browser?.wsEndpoint() ?? '',
    ...options.env,
  };
  const session = options.session ?? 'shared';
  if (session !== 'shared') delete env['KIEDROP_KEYRING_READY'];
  const [command, args]: [string, string[]] =
    session === 'private-keyring'
      ? ['sh', [join(STANDIN_PROJECT_ROOT, 'scripts', 'with-keyring.sh'), process.execPath, ...nodeArgs]]
      : session === 'private'
        ? ['dbus-run-session', ['--', process.execPath, ...nodeArgs]]
        : [process.execPath, nodeArgs];
  // A variable set to undefined is one the app must not see at all.
  const cleanEnv = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined),
  ) as NodeJS.ProcessEnv;
  const child = spawn(command, args, {
    cwd: STANDIN_PROJECT_ROOT,
    env: cleanEnv,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((done) =>
    child.on('exit', (code, signal) => done(code ?? signal ?? 'unknown')),
  );
  let nextId = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  child.on('message', (message: { id: number; ok: boolean; value?: unknown; error?: string }) => {
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.ok) waiter?.resolve(message.value);
    else waiter?.reject(new Error(message.error));
  });
  void exited.then((code) => {
    for (const waiter of pending.values())
      waiter.reject(new Error(`the app exited (${code}):\n${output.slice(-3000)}`));
    pending.clear();
  });
  return {
    child,
    output: () => output,
    stdout: () => stdout,
    exited,
    call<T>(cmd: string, args: Record<string, unknown> = {}) {
      return new Promise<T>((resolvePromise, reject) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          reject(new Error(`the app has exited:\n${output.slice(-3000)}`));
          return;
        }
        const id = nextId++;
        pending.set(id, { resolve: resolvePromise as (v: unknown) => void, reject });
        child.send({ id, cmd, args });
      });
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
