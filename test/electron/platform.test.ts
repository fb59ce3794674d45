// The platform rules the stand-in models, checked on the real runtime (`npm run test:electron`, run by the
// release workflow on Linux under Xvfb, macOS and Windows): KieDrop's own menus, and a checkout whose path
// holds `[ ] ~ %` and spaces, whose pages must load and whose IPC must be accepted.
import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createSettingsStore } from '../../src/main/core/settings';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { callApi, PROJECT_ROOT } from '../harness';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function launch(appDir: string): Promise<{ app: ElectronApplication; page: Page; emulator: Emulator }> {
  const executablePath = process.env['KIEDROP_ELECTRON_PATH'];
  if (!executablePath)
    throw new Error('KIEDROP_ELECTRON_PATH is not set: run these tests with `npm run test:electron`.');
  const root = await mkdtemp(join(tmpdir(), 'kiedrop-electron-'));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  const emulator = await startEmulator();
  cleanups.push(() => emulator.close());
  const dataDir = join(root, 'data');
  createSettingsStore(dataDir).set({
    uploadBaseUrl: emulator.url,
    creditsBaseUrl: emulator.url,
    notifications: false,
    dropWindow: { enabled: false, alwaysOnTop: true, x: null, y: null },
  });
  const app = await electron.launch({
    executablePath,
    args: [appDir, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: {
      ...process.env,
      KIEDROP_DATA_DIR: dataDir,
      KIEDROP_API_KEY: emulator.apiKey,
      ELECTRON_RENDERER_URL: '',
    },
    timeout: 60_000,
  });
  cleanups.push(() => app.close());
  const page = await app.firstWindow({ timeout: 60_000 });
  await expect.poll(() => page.title(), { timeout: 30_000 }).toBe('KieDrop');
  return { app, page, emulator };
}

describe('KieDrop on the real runtime', () => {
  it('replaces the default menu: no Reload or developer tools anywhere', async () => {
    const { app } = await launch(PROJECT_ROOT);
    const labels = await app.evaluate(({ Menu }) => {
      const walk = (items: Electron.MenuItem[]): string[] =>
        items.flatMap((i) => [i.label, ...(i.submenu ? walk(i.submenu.items) : [])]);
      const menu = Menu.getApplicationMenu();
      return menu ? walk(menu.items) : [];
    });
    expect(labels).not.toContain('Reload');
    expect(labels).not.toContain('Toggle Developer Tools');
  });

  it('loads and trusts its pages from a folder named with [ ] ~ % and spaces', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'kiedrop-path-'));
    cleanups.push(() => rm(parent, { recursive: true, force: true }));
    const appDir = join(parent, 'code~me', 'kiedrop[2] v1%20final');
    await mkdir(appDir, { recursive: true });
    await cp(join(PROJECT_ROOT, 'out'), join(appDir, 'out'), { recursive: true });
    await cp(join(PROJECT_ROOT, 'package.json'), join(appDir, 'package.json'));
    await symlink(join(PROJECT_ROOT, 'node_modules'), join(appDir, 'node_modules'), 'junction');
    const { page } = await launch(appDir);
    expect(await callApi(page, 'appInfo')).toMatchObject({ ok: true });
  });
});
