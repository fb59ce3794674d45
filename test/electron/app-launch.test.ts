// Smoke test of the real desktop app: needs the Electron runtime, so it runs only with
// `npm run test:electron` (which builds first and fails loudly where the runtime is missing).
// The app gets a temp data folder (KIEDROP_DATA_DIR), the emulator as its API hosts, and the emulator's
// key through KIEDROP_API_KEY, so it needs no keychain and never leaves this machine.
// On Windows and Linux the floating drop window (drop.html) is on by default and may open first, so the
// main window is picked by its page (index.html), never as "the first window".
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSettingsStore } from '../../src/main/core/settings';
import type { HistoryEntry } from '../../src/shared/ipc-contract';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { callApi, PROJECT_ROOT } from '../harness';

let app: ElectronApplication;
let page: Page;
let emulator: Emulator;
let root: string;
let dataDir: string;

const isMainPage = (url: string): boolean => /\/index\.html(?:[?#].*)?$/.test(url);

/** Waits until a window showing index.html exists. app.windows() is polled rather than the first 'window'
 * event taken: the drop window may come first, and a new window's URL is blank until its page starts loading. */
async function mainWindow(electronApp: ElectronApplication, timeoutMs: number): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = electronApp.windows().find((w) => isMainPage(w.url()));
    if (found) return found;
    const left = deadline - Date.now();
    if (left <= 0) {
      const seen = electronApp.windows().map((w) => w.url() || '(blank)');
      throw new Error(
        `The main window (index.html) did not open within ${timeoutMs} ms; windows seen: ${seen.join(', ') || 'none'}.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(left, 100)));
  }
}

/** The app's own windows in the main process, each by the page it shows. */
function windowPages(electronApp: ElectronApplication): Promise<string[]> {
  return electronApp.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => w.webContents.getURL()),
  );
}

beforeAll(async () => {
  const executablePath = process.env['KIEDROP_ELECTRON_PATH'];
  if (!executablePath) {
    throw new Error('KIEDROP_ELECTRON_PATH is not set: run these tests with `npm run test:electron`.');
  }
  root = await mkdtemp(join(tmpdir(), 'kiedrop-electron-'));
  dataDir = join(root, 'data');
  emulator = await startEmulator();
  createSettingsStore(dataDir).set({
    uploadBaseUrl: emulator.url,
    creditsBaseUrl: emulator.url,
    notifications: false,
    copyOnUpload: false,
  });
  app = await electron.launch({
    executablePath,
    // Chromium refuses to start as root with its OS sandbox; the page's own sandbox (webPreferences) stays on.
    args: [
      join(PROJECT_ROOT, 'out', 'main', 'index.js'),
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
    env: {
      ...process.env,
      KIEDROP_DATA_DIR: dataDir,
      KIEDROP_API_KEY: emulator.apiKey,
      ELECTRON_RENDERER_URL: '',
    },
    timeout: 60_000,
  });
  page = await mainWindow(app, 60_000);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await emulator?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('the desktop app', () => {
  it('opens one main window showing KieDrop, with the page sandboxed and isolated', async () => {
    await expect.poll(() => page.title(), { timeout: 30_000 }).toBe('KieDrop');
    const globals = await page.evaluate(() => {
      const g = globalThis as { require?: unknown; process?: unknown; module?: unknown };
      return [typeof g.require, typeof g.process, typeof g.module];
    });
    expect(globals).toEqual(['undefined', 'undefined', 'undefined']);

    // The preload's tools stay in its own world: the page sees window.kiedrop and nothing else of Electron.
    const reach = await page.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown> & { kiedrop: Record<string, unknown> };
      return {
        ipcRenderer: typeof g['ipcRenderer'],
        electron: typeof g['electron'],
        upload: typeof g.kiedrop['uploadFiles'],
        rawIpcOnApi: Object.values(g.kiedrop).some((v) => typeof v === 'object' && v !== null),
      };
    });
    expect(reach).toEqual({
      ipcRenderer: 'undefined',
      electron: 'undefined',
      upload: 'function',
      rawIpcOnApi: false,
    });
    // Exactly one main window; the only other one allowed is the drop window.
    const pages = await windowPages(app);
    expect(pages.filter(isMainPage)).toHaveLength(1);
    expect(pages.filter((url) => !isMainPage(url)).every((url) => /\/drop\.html(?:[?#].*)?$/.test(url))).toBe(
      true,
    );
  });

  it('answers window.kiedrop.appInfo() and denies new windows', async () => {
    const before = (await windowPages(app)).length;
    const info = await callApi(page, 'appInfo');
    expect(info).toMatchObject({ ok: true, value: { dataDir, platform: process.platform } });
    const opened = await page.evaluate(
      () =>
        (globalThis as unknown as { open(url: string): unknown }).open('http://127.0.0.1:9/elsewhere') ===
        null,
    );
    expect(opened).toBe(true);
    expect(await windowPages(app)).toHaveLength(before);
  });

  it('uploads a file through window.kiedrop.uploadFiles and records it in the history', async () => {
    const file = join(root, 'smoke-test.txt');
    await writeFile(file, 'uploaded by the Electron smoke test');
    const started = await callApi(page, 'uploadFiles', [file], { uploadPath: 'smoke' });
    expect(started).toMatchObject({ ok: true, value: [{ fileName: 'smoke-test.txt', uploadPath: 'smoke' }] });

    let entry: HistoryEntry | undefined;
    await expect
      .poll(
        async () => {
          const list = await callApi(page, 'historyList', { search: 'smoke-test' });
          entry = list.ok ? list.value.entries[0] : undefined;
          return entry?.fileName;
        },
        { timeout: 30_000 },
      )
      .toBe('smoke-test.txt');
    const stored = emulator.storedFile(entry?.filePath ?? '');
    expect(stored && (await readFile(stored, 'utf8'))).toBe('uploaded by the Electron smoke test');
    expect(entry?.status).toBe('active');
  });
});
