// Needs the Electron runtime: run with `npm run test:electron` (not part of `npm test`).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let app: ElectronApplication;
let userData: string;

beforeAll(async () => {
  userData = await mkdtemp(join(tmpdir(), 'kiedrop-electron-'));
  app = await electron.launch({
    executablePath: process.env['KIEDROP_ELECTRON_PATH'],
    args: ['out/main/index.js', `--user-data-dir=${userData}`, '--no-sandbox'],
  });
});

afterAll(async () => {
  await app?.close();
  await rm(userData, { recursive: true, force: true });
});

describe('the desktop app', () => {
  it('opens a sandboxed window that shows KieDrop', async () => {
    const page = await app.firstWindow();
    await expect.poll(() => page.title()).toBe('KieDrop');
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    const platform = await page.evaluate(
      () => (globalThis as unknown as { kiedrop: { platform: string } }).kiedrop.platform,
    );
    expect(platform).toBe(process.platform);
  });
});
