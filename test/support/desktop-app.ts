// One desktop-app run on the Electron stand-in: the real out/main/index.js in its own process, with a
// temp data folder and HOME, the API emulator as its hosts, and the test file's shared Chromium. The
// helpers read what the user would see (windows, the tray menu, notifications, the clipboard) and act as
// the user would, through the stand-in's control channel.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserServer } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createSettingsStore } from '../../src/main/core/settings';
import type { HistoryEntry, IpcResult, ResultOf } from '../../src/shared/ipc-contract';
import type { Settings } from '../../src/shared/settings';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { launchBrowserServer, launchStandinApp } from '../electron-standin/driver';
import type { StandinApp, StandinLaunchOptions } from '../electron-standin/driver';
import type { MenuItemView } from '../electron-standin/menu';
import { ensureAppBuilt } from './app-build';

export interface DesktopRunOptions {
  browser: BrowserServer;
  emulator: Emulator;
  /** Reuse a data folder (a restart); default a fresh one. */
  root?: string;
  settings?: Partial<Settings>;
  /** Pass the emulator's key through KIEDROP_API_KEY (default); false: first run, the keychain decides. */
  envKey?: boolean;
  args?: string[];
  display?: 'x11' | 'wayland';
  /** The OS the app believes it runs on (the stand-in's platform mode). */
  platform?: 'linux' | 'darwin' | 'win32';
  trayHost?: boolean;
  env?: Record<string, string | undefined>;
  session?: StandinLaunchOptions['session'];
  appDir?: string;
}

export interface WindowInfo {
  id: number;
  url: string;
  title: string;
  visible: boolean;
  focused: boolean;
  alwaysOnTop: boolean;
  position: [number, number];
}

export interface TrayInfo {
  shown: boolean;
  tooltip: string;
  menu: MenuItemView[] | null;
  menuUpdates: number;
}

export interface DesktopRun {
  app: StandinApp;
  root: string;
  dataDir: string;
  home: string;
  filesDir: string;
  options: DesktopRunOptions;
  writeFile(name: string, content: string | Uint8Array): Promise<string>;
  windows(): Promise<WindowInfo[]>;
  /** The window showing `page`.html, once it exists. */
  window(page: 'index' | 'drop'): Promise<WindowInfo | undefined>;
  /** Calls window.kiedrop.<method>(...args) in the main window, as the page would. */
  api<T = unknown>(method: string, ...args: unknown[]): Promise<IpcResult<T>>;
  tray(): Promise<TrayInfo | null>;
  /** The labels of the tray menu (top level), as shown. */
  trayLabels(): Promise<string[]>;
  clickTray(...path: string[]): Promise<void>;
  notifications(): Promise<{ id: number; title: string; body: string; buttons: string[]; closed: boolean }[]>;
  clipboard(): Promise<{ text: string; writes: { text: string; kept: boolean }[] }>;
  locator(
    page: 'index' | 'drop',
    by: string,
    value: string,
    action: string,
    extra?: Record<string, unknown>,
  ): Promise<unknown>;
  dropFiles(page: 'index' | 'drop', paths: string[], selector?: string): Promise<void>;
  /** Waits for the main window's first screen to be drawn. */
  ready(): Promise<void>;
  stop(): Promise<void>;
  dispose(): Promise<void>;
}

export async function startDesktop(options: DesktopRunOptions): Promise<DesktopRun> {
  const root = options.root ?? (await mkdtemp(join(tmpdir(), 'kiedrop-desktop-')));
  const dataDir = join(root, 'data');
  const home = join(root, 'home');
  const filesDir = join(root, 'files');
  await Promise.all([dataDir, home, filesDir].map((d) => mkdir(d, { recursive: true })));
  createSettingsStore(dataDir).set({
    uploadBaseUrl: options.emulator.url,
    creditsBaseUrl: options.emulator.url,
    ...options.settings,
  });
  const app = launchStandinApp({
    browser: options.browser,
    args: options.args,
    appDir: options.appDir,
    session: options.session,
    env: {
      KIEDROP_DATA_DIR: dataDir,
      KIEDROP_API_KEY: options.envKey === false ? undefined : options.emulator.apiKey,
      HOME: home,
      XDG_DATA_HOME: join(home, '.local', 'share'),
      XDG_CONFIG_HOME: join(home, '.config'),
      KIEDROP_STANDIN_DISPLAY: options.display ?? 'x11',
      KIEDROP_STANDIN_TRAY_HOST: options.trayHost === false ? 'none' : 'present',
      KIEDROP_STANDIN_PLATFORM: options.platform ?? 'linux',
      ...options.env,
    },
  });
  const windows = () => app.call<WindowInfo[]>('windows');
  const run: DesktopRun = {
    app,
    root,
    dataDir,
    home,
    filesDir,
    options,
    async writeFile(name, content) {
      const path = join(filesDir, name);
      await writeFile(path, content);
      return path;
    },
    windows,
    async window(page) {
      return (await windows()).find((w) => w.url.includes(`/${page}.html`));
    },
    api: (method, ...args) =>
      app.call('evaluate', {
        page: 'index',
        expression: `window.kiedrop[${JSON.stringify(method)}](...${JSON.stringify(args)})`,
      }),
    tray: () => app.call<TrayInfo | null>('tray'),
    async trayLabels() {
      return ((await app.call<TrayInfo | null>('tray'))?.menu ?? []).map((i) => i.label);
    },
    async clickTray(...path) {
      await app.call('clickTrayItem', { path });
    },
    notifications: () => app.call('notifications'),
    clipboard: () => app.call('clipboard'),
    locator: (page, by, value, action, extra = {}) =>
      app.call('locator', { page, by, value, action, ...extra }),
    async dropFiles(page, paths, selector) {
      const files = paths.map((path) => ({ name: path.split('/').at(-1) ?? path, path }));
      await app.call('drop', {
        page,
        files,
        selector: selector ?? (page === 'index' ? '[data-testid="drop-zone"]' : '#tile'),
      });
    },
    async ready() {
      await expect
        .poll(
          async () => {
            const main = await run.window('index');
            if (!main?.visible) return false;
            return app.call<boolean>('evaluate', {
              page: 'index',
              expression: `document.querySelector('#root')?.childElementCount > 0 && !!document.querySelector('h1, h2, nav')`,
            });
          },
          { timeout: 30_000, interval: 100 },
        )
        .toBe(true);
    },
    async stop() {
      await app.kill();
    },
    async dispose() {
      await app.kill();
      if (!options.root) await rm(root, { recursive: true, force: true });
    },
  };
  return run;
}

export interface DesktopSuite {
  /** The file's shared Chromium server and emulator (set once beforeAll has run). */
  readonly browser: BrowserServer;
  readonly emulator: Emulator;
  /** Starts an app (notifications on unless the settings say otherwise); it is disposed after the test. */
  desktop(options?: Partial<DesktopRunOptions>): Promise<DesktopRun>;
  /** The app's history, read through its window as the page reads it. */
  history(run: DesktopRun, search?: string): Promise<HistoryEntry[]>;
}

/** One Chromium server and one emulator for a test file, and each test's apps stopped after it. */
export function desktopSuite(): DesktopSuite {
  let browser: BrowserServer | undefined;
  let emulator: Emulator | undefined;
  const runs: DesktopRun[] = [];
  beforeAll(async () => {
    ensureAppBuilt();
    [browser, emulator] = await Promise.all([launchBrowserServer(), startEmulator()]);
  }, 120_000);
  afterEach(async () => {
    await Promise.all(runs.splice(0).map((run) => run.dispose()));
  });
  afterAll(async () => {
    await emulator?.close();
    await browser?.close();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the desktop suite has not started yet');
    return value;
  };
  return {
    get browser() {
      return ready(browser);
    },
    get emulator() {
      return ready(emulator);
    },
    async desktop(options = {}) {
      const run = await startDesktop({
        browser: ready(browser),
        emulator: ready(emulator),
        ...options,
        settings: { notifications: true, ...options.settings },
      });
      runs.push(run);
      return run;
    },
    async history(run, search = '') {
      const page = await run.api<ResultOf<'history:list'>>('historyList', { search, limit: 100 });
      return page.ok ? page.value.entries : [];
    },
  };
}
