// One end-to-end run: the emulator (with a fresh, unique key and a clock tests can move), the Chromium
// harness on the built renderer with the engine on that same clock, and an output folder this run owns:
//   data/       the app's data folder (database, settings)
//   logs/       what the page printed, the requests the emulator saw, the events sent to the window
//   artifacts/  screenshots taken along the way
// close() keeps the folder so a test can inspect what the run left behind; dispose() removes it.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { HistoryEntry } from '../../../src/shared/ipc-contract';
import type { Settings } from '../../../src/shared/settings';
import { startEmulator } from '../../emulator/index';
import type { Emulator } from '../../emulator/index';
import { launchHarness } from '../../harness';
import type { Harness, HarnessOptions } from '../../harness';
import { startThrottleProxy } from './throttle-proxy';
import type { ThrottleProxy } from './throttle-proxy';

export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface E2eRunOptions {
  /** Save the key in the keychain before the page opens (skips the welcome screen). Default false. */
  saveKey?: boolean;
  settings?: Partial<Settings>;
  engine?: HarnessOptions['engine'];
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  browser?: Browser;
  /** Send uploads through a proxy that slows them to this many bytes per second (per connection). */
  uploadRate?: number;
  /** Desktop adapters for the app service (e.g. askAboutLocation). Default: none. */
  desktop?: HarnessOptions['desktop'];
}

export interface E2eRun {
  h: Harness;
  page: Page;
  emulator: Emulator;
  /** Set when uploadRate was given: the slow uplink between the app and the emulator. */
  proxy: ThrottleProxy | null;
  /** The key the emulator accepts: unique to this run, so finding it anywhere means this run leaked it. */
  apiKey: string;
  root: string;
  dataDir: string;
  logsDir: string;
  artifactsDir: string;
  /** Moves the emulator's clock and the app's together (the engine reads the same clock). */
  advanceClock(ms: number): void;
  /** Saves a full-page PNG into artifacts/. */
  snapshot(name: string): Promise<void>;
  /** Writes logs/ from what was captured so far. */
  writeLogs(): Promise<void>;
  /** Closes page, app and emulator (once), writes the logs, keeps the folder. */
  close(): Promise<void>;
  /** close(), then removes the folder. */
  dispose(): Promise<void>;
}

export function uniqueApiKey(): string {
  return `kie-e2e-${randomBytes(16).toString('hex')}`;
}

export async function startE2eRun(options: E2eRunOptions = {}): Promise<E2eRun> {
  const root = await mkdtemp(join(tmpdir(), 'kiedrop-e2e-'));
  const dataDir = join(root, 'data');
  const logsDir = join(root, 'logs');
  const artifactsDir = join(root, 'artifacts');
  await Promise.all([dataDir, logsDir, artifactsDir].map((dir) => mkdir(dir, { recursive: true })));
  const apiKey = uniqueApiKey();
  const emulator = await startEmulator({ apiKeys: [apiKey] });
  let h: Harness;
  let proxy: ThrottleProxy | null = null;
  try {
    if (options.uploadRate !== undefined) proxy = await startThrottleProxy(emulator.url, options.uploadRate);
    h = await launchHarness({
      emulator,
      dataDir,
      now: () => emulator.clock.now(),
      savedKey: options.saveKey ? apiKey : undefined,
      settings: proxy ? { uploadBaseUrl: proxy.url, ...options.settings } : options.settings,
      engine: options.engine,
      viewport: options.viewport,
      colorScheme: options.colorScheme,
      browser: options.browser,
      desktop: options.desktop,
    });
  } catch (err) {
    await proxy?.close();
    await emulator.close();
    await rm(root, { recursive: true, force: true });
    throw err;
  }

  const consoleLines: string[] = [];
  h.page.on('console', (msg) => consoleLines.push(`[${msg.type()}] ${msg.text()}`));
  h.page.on('pageerror', (err) => consoleLines.push(`[pageerror] ${err.message}`));

  const writeLogs = async (): Promise<void> => {
    await writeFile(join(logsDir, 'page-console.log'), consoleLines.join('\n'));
    await writeFile(join(logsDir, 'emulator-requests.json'), JSON.stringify(emulator.log, null, 2));
    await writeFile(join(logsDir, 'window-events.json'), JSON.stringify(h.events, null, 2));
    await writeFile(join(logsDir, 'clipboard.txt'), h.clipboard.texts.join('\n'));
  };

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      await h.close();
      await proxy?.close();
      await emulator.close();
      await writeLogs();
    })());

  return {
    h,
    page: h.page,
    emulator,
    proxy,
    apiKey,
    root,
    dataDir,
    logsDir,
    artifactsDir,
    advanceClock: (ms) => emulator.clock.advance(ms),
    async snapshot(name) {
      await h.page.screenshot({ path: join(artifactsDir, `${name}.png`) });
    },
    writeLogs,
    close,
    async dispose() {
      await close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** The history entry the app recorded for `name`, read from its engine (for ids and links to check against). */
export function historyEntryNamed(run: E2eRun, name: string): HistoryEntry {
  const entry = run.h.engine.history
    .list({ search: name, limit: 10 })
    .entries.find((e) => e.fileName === name);
  if (!entry) throw new Error(`no history entry for ${name}`);
  return entry;
}
