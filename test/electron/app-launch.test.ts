// Smoke test of the real desktop app: needs the Electron runtime, so it runs only with
// `npm run test:electron` (which builds first and fails loudly where the runtime is missing).
// The app gets a temp data folder (KIEDROP_DATA_DIR), the emulator as its API hosts, and the emulator's
// key through KIEDROP_API_KEY, so it needs no keychain and never leaves this machine.
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
  page = await app.firstWindow();
}, 120_000);

afterAll(async () => {
  await app?.close();
  await emulator?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('the desktop app', () => {
  it('opens one window showing KieDrop, with the page sandboxed and isolated', async () => {
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
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  it('answers window.kiedrop.appInfo() and denies new windows', async () => {
    const info = await callApi(page, 'appInfo');
    expect(info).toMatchObject({ ok: true, value: { dataDir, platform: process.platform } });
    const opened = await page.evaluate(
      () =>
        (globalThis as unknown as { open(url: string): unknown }).open('http://127.0.0.1:9/elsewhere') ===
        null,
    );
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
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
