// The desktop app on the Electron stand-in, on the desktops and paths where a first launch used to
// break: Wayland, no tray host, an unusual checkout path; and the platform rules behind the glue
// defects (cancelled navigations, menus, mnemonics, thumbnails, the right-click installer from a dev run).
import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { cp, mkdir, readFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createSettingsStore } from '../../src/main/core/settings';
import type { IntegrationState } from '../../src/shared/desktop';
import { STANDIN_PROJECT_ROOT } from '../electron-standin/driver';
import type { MenuItemView } from '../electron-standin/menu';
import { desktopSuite, startDesktop } from '../support/desktop-app';
import type { DesktopRun } from '../support/desktop-app';
import { encodePng } from '../support/png';

const suite = desktopSuite();
const { desktop, history } = suite;

async function uploadOne(run: DesktopRun, name: string, content: string | Uint8Array = `content of ${name}`) {
  const path = await run.writeFile(name, content);
  expect((await run.api('uploadFiles', [path], {})).ok).toBe(true);
  await expect
    .poll(async () => (await history(run)).some((e) => e.fileName === name), { timeout: 20_000 })
    .toBe(true);
  return path;
}

describe('a Wayland session', () => {
  it('keeps the drop window where the user left it, offers no "keep on top", and never claims a copy that was dropped', async () => {
    const run = await desktop({
      display: 'wayland',
      settings: { copyOnUpload: false, dropWindow: { enabled: true, alwaysOnTop: true, x: 500, y: 400 } },
    });
    await run.ready();
    await expect.poll(async () => (await run.window('drop'))?.visible).toBe(true);
    // Wayland reports the window at 0,0; that must not replace the place saved under X11.
    const menu =
      (await run.app.call<MenuItemView[] | null>('contextMenu', { page: 'drop', selector: '#tile' })) ?? [];
    expect(menu.find((i) => i.label.startsWith('Keep on top'))).toMatchObject({
      label: 'Keep on top (not possible on Wayland)',
      enabled: false,
    });
    const saved = createSettingsStore(run.dataDir).get().dropWindow;
    expect({ x: saved.x, y: saved.y }).toEqual({ x: 500, y: 400 });

    // The user works in another app; a link copied from the tray cannot reach the clipboard.
    await uploadOne(run, 'wayland.txt');
    await run.app.call('blurAll');
    await run.clickTray('Recent uploads', 'wayland.txt');
    await expect
      .poll(async () => (await run.notifications()).map((n) => n.title), { timeout: 10_000 })
      .toContain('The link was not copied');
    expect((await run.clipboard()).text).toBe('');
  });

  it('says the links were not copied when a right-click share cannot write the clipboard', async () => {
    const run = await desktop({ display: 'wayland', settings: { copyOnUpload: false } });
    await run.ready();
    await run.app.call('blurAll');
    const path = await run.writeFile('shared-on-wayland.txt', 'shared while another app has focus');
    const second = await startDesktop({
      browser: suite.browser,
      emulator: suite.emulator,
      root: run.root,
      display: 'wayland',
      args: ['--share', path],
    });
    expect(await second.app.exited).toBe(0);
    await expect
      .poll(async () => (await run.notifications()).map((n) => `${n.title}: ${n.body}`), { timeout: 30_000 })
      .toContainEqual(
        expect.stringMatching(
          /^shared-on-wayland\.txt uploaded: The link could not be copied: the desktop did not take the copy/,
        ),
      );
    expect((await run.notifications()).map((n) => n.title)).not.toContainEqual(
      expect.stringContaining('copied'),
    );
  });
});

describe('a desktop without a tray host', () => {
  it('quits when its last window closes instead of living on where nothing leads back to it', async () => {
    const run = await desktop({
      trayHost: false,
      session: 'private',
      settings: { dropWindow: { enabled: false, alwaysOnTop: true, x: null, y: null } },
    });
    await run.ready();
    expect((await run.tray())?.shown).toBe(false);
    await run.app.call('closeWindow', { page: 'index' });
    expect(await run.app.exited).toBe(0);
  });

  it('lives on in the tray when a tray host shows its icon', async () => {
    const run = await desktop({
      settings: { dropWindow: { enabled: false, alwaysOnTop: true, x: null, y: null } },
    });
    await run.ready();
    expect((await run.tray())?.shown).toBe(true);
    await run.app.call('closeWindow', { page: 'index' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(run.app.child.exitCode).toBeNull();
    expect((await run.windows()).length).toBe(0);
  });
});

describe('a checkout path with [ ] ~ % and spaces', () => {
  it('loads its pages and accepts their IPC calls', async () => {
    const root = await fs.mkdtemp(join(STANDIN_PROJECT_ROOT, 'out', 'path-'));
    const appDir = join(root, 'code~me', 'kiedrop[2] v1%20final');
    await mkdir(appDir, { recursive: true });
    await cp(join(STANDIN_PROJECT_ROOT, 'out', 'main'), join(appDir, 'out', 'main'), { recursive: true });
    await cp(join(STANDIN_PROJECT_ROOT, 'out', 'preload'), join(appDir, 'out', 'preload'), {
      recursive: true,
    });
    await cp(join(STANDIN_PROJECT_ROOT, 'out', 'renderer'), join(appDir, 'out', 'renderer'), {
      recursive: true,
    });
    await cp(join(STANDIN_PROJECT_ROOT, 'package.json'), join(appDir, 'package.json'));
    await symlink(join(STANDIN_PROJECT_ROOT, 'node_modules'), join(appDir, 'node_modules'));
    try {
      const run = await desktop({ appDir });
      await run.ready();
      const url = (await run.window('index'))?.url ?? '';
      expect(decodeURIComponent(new URL(url).pathname)).toBe(join(appDir, 'out', 'renderer', 'index.html'));
      const info = await run.api<{ version: string }>('appInfo');
      expect(info.ok).toBe(true);
      await uploadOne(run, 'from-odd-path.txt');
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});

describe('the window', () => {
  it('still receives events after the page tried to navigate away and was stopped', async () => {
    const run = await desktop({ settings: { notifications: false } });
    await run.ready();
    await run.app.call('evaluate', {
      page: 'index',
      expression: `location.href = 'https://example.invalid/elsewhere'`,
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await run.window('index'))?.url).toMatch(/\/index\.html$/);
    const path = await run.writeFile('after-navigation.txt', 'events must still arrive');
    await run.dropFiles('index', [path]);
    await expect
      .poll(() => run.locator('index', 'css', '[data-testid="job-row"][data-status="done"]', 'count'), {
        timeout: 20_000,
      })
      .toBe(1);
  });

  it('has KieDrop’s menus: no Reload or developer tools, and an edit menu on text fields', async () => {
    const run = await desktop();
    await run.ready();
    const appMenu = await run.app.call<MenuItemView[] | null>('applicationMenu');
    const labels = JSON.stringify(appMenu ?? []);
    expect(labels).not.toContain('Reload');
    expect(labels).not.toContain('Toggle Developer Tools');
    // Ctrl+R in the frameless drop window does nothing.
    expect(await run.app.call('accelerator', { page: 'drop', accelerator: 'CmdOrCtrl+R' })).toBeNull();
    // A right-click in a text field offers Paste (the API key can be pasted with the mouse).
    const menu = await run.app.call<MenuItemView[] | null>('contextMenu', {
      page: 'index',
      selector: 'input',
    });
    expect(menu?.map((i) => i.label)).toEqual(expect.arrayContaining(['Cut', 'Copy', 'Paste', 'Select All']));
  });

  it('shows file names with "&" as they are in the tray menu', async () => {
    const run = await desktop({ settings: { notifications: false } });
    await run.ready();
    await uploadOne(run, 'Q&A notes.txt');
    const recent = (await run.tray())?.menu?.find((i) => i.label === 'Recent uploads')?.submenu ?? [];
    expect(recent.map((i) => i.label)).toContain('Q&A notes.txt');
  });

  it('makes previews without decoding images on the main thread', async () => {
    const run = await desktop({ settings: { notifications: false } });
    await run.ready();
    await uploadOne(
      run,
      'photo.png',
      encodePng(1200, 800, (x, y) => [x % 256, y % 256, 128]),
    );
    const [entry] = await history(run);
    const preview = await run.api<string | null>('historyThumbnail', entry?.id);
    expect(preview).toMatchObject({ ok: true, value: expect.stringMatching(/^data:image\/png;base64,/) });
    const recorded = await run.app.call<{ syncDecodes: string[] }>('recorded');
    expect(recorded.syncDecodes).toEqual([]);
  });
});

describe('right-click share from a dev run', () => {
  it('installs the file manager entries, which start this checkout with Electron', async () => {
    const run = await desktop();
    await run.ready();
    const state = await run.api<IntegrationState>('integrationInstall');
    expect(state).toMatchObject({ ok: true, value: { supported: true, installed: true } });
    const entry = join(run.home, '.local', 'share', 'applications');
    const desktopFiles = await fs.readdir(entry);
    const file = desktopFiles.find((f) => f.endsWith('.desktop'));
    expect(file).toBeDefined();
    const text = await readFile(join(entry, file ?? ''), 'utf8');
    // `electron <app folder>`: the runtime running this app, then this checkout.
    expect(text).toMatch(new RegExp(`^Exec=.*${STANDIN_PROJECT_ROOT.replaceAll('/', '\\/')}`, 'm'));
  });
});

describe('starting at login', () => {
  it('writes a valid autostart entry when turned on in Settings, and removes it when turned off', async () => {
    const run = await desktop();
    await run.ready();
    const entry = join(run.home, '.config', 'autostart', 'kiedrop.desktop');
    await run.locator('index', 'css', 'nav[aria-label="Main"] >> role=button[name="Settings"]', 'click');
    await run.locator('index', 'role', 'switch', 'click', { name: 'Start KieDrop at login' });
    await expect
      .poll(() => fs.readFile(entry, 'utf8').catch(() => ''), { timeout: 10_000 })
      .toContain('--hidden');
    const text = await fs.readFile(entry, 'utf8');
    expect(text).toMatch(
      new RegExp(`^Exec=.*${STANDIN_PROJECT_ROOT.replaceAll('/', '\\/')}.* --hidden$`, 'm'),
    );
    await promisify(execFile)('desktop-file-validate', [entry]);
    await run.locator('index', 'role', 'switch', 'click', { name: 'Start KieDrop at login' });
    await expect
      .poll(
        () =>
          fs.access(entry).then(
            () => true,
            () => false,
          ),
        { timeout: 10_000 },
      )
      .toBe(false);
  });
});

describe('starting at login on Windows and macOS (Electron login items)', () => {
  const toggle = (run: DesktopRun) =>
    run.locator('index', 'role', 'switch', 'click', { name: 'Start KieDrop at login' });
  const loginItem = (run: DesktopRun) =>
    run.app.call<{ openAtLogin: boolean; path?: string; args?: string[] }>('loginItem');

  it('Windows: starts this dev run in the tray at login, and stops when turned off', async () => {
    const run = await desktop({ platform: 'win32' });
    await run.ready();
    await run.locator('index', 'css', 'nav[aria-label="Main"] >> role=button[name="Settings"]', 'click');
    await toggle(run);
    await expect.poll(() => loginItem(run), { timeout: 10_000 }).toMatchObject({ openAtLogin: true });
    const item = await loginItem(run);
    // The runtime, then the app folder (a dev run), then --hidden: the tray, no window.
    expect(item.args).toEqual([STANDIN_PROJECT_ROOT, '--hidden']);
    expect(item.path).toBe(process.execPath);
    await toggle(run);
    await expect.poll(async () => (await loginItem(run)).openAtLogin, { timeout: 10_000 }).toBe(false);
  });

  it('macOS: turns the login item on and off, and a start made by it opens no window', async () => {
    const run = await desktop({ platform: 'darwin' });
    await run.ready();
    await run.locator('index', 'css', 'nav[aria-label="Main"] >> role=button[name="Settings"]', 'click');
    await toggle(run);
    await expect.poll(() => loginItem(run), { timeout: 10_000 }).toEqual({ openAtLogin: true });
    await toggle(run);
    await expect.poll(async () => (await loginItem(run)).openAtLogin, { timeout: 10_000 }).toBe(false);

    const atLogin = await desktop({ platform: 'darwin', env: { KIEDROP_STANDIN_OPENED_AT_LOGIN: '1' } });
    // The tray icon is up: the app has started, and it kept its window closed.
    await expect.poll(async () => (await atLogin.tray())?.shown ?? false, { timeout: 20_000 }).toBe(true);
    expect((await atLogin.window('index'))?.visible ?? false).toBe(false);
  });
});

describe('right-click entries left by another copy of KieDrop', () => {
  it('are pointed at this copy when it starts, and the user is told', async () => {
    const root = await fs.mkdtemp(join(tmpdir(), 'kiedrop-desktop-stale-'));
    const home = join(root, 'home');
    await mkdir(home, { recursive: true });
    // An older install, since moved away: its program is gone now.
    const oldApp = join(root, 'old', 'KieDrop');
    await mkdir(join(root, 'old'), { recursive: true });
    await fs.writeFile(oldApp, '#!/bin/sh\n');
    await fs.chmod(oldApp, 0o755);
    const env = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, '.local', 'share') };
    await promisify(execFile)(
      process.execPath,
      [join(STANDIN_PROJECT_ROOT, 'bin', 'kiedrop.js'), 'integration', 'install', '--app', oldApp],
      { env },
    );
    await fs.rm(join(root, 'old'), { recursive: true });
    const entry = join(home, '.local', 'share', 'applications', 'kiedrop.desktop');
    expect(await fs.readFile(entry, 'utf8')).toContain(oldApp);

    const run = await desktop({ root });
    try {
      await run.ready();
      await expect
        .poll(() => fs.readFile(entry, 'utf8'), { timeout: 15_000 })
        .toContain(STANDIN_PROJECT_ROOT);
      expect(await fs.readFile(entry, 'utf8')).not.toContain(oldApp);
      await expect
        .poll(() => run.app.call<string[]>('sentLog', { page: 'index' }), { timeout: 10_000 })
        .toContain('event:notice');
    } finally {
      await run.dispose();
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});

describe('the bundled kiedrop command (`KieDrop --cli -- …`)', () => {
  it('runs the command line in the app and exits, without a window, the tray or the running instance', async () => {
    const run = await desktop({ settings: { notifications: true, copyOnUpload: false } });
    await run.ready();
    const cli = (args: string[]) =>
      startDesktop({
        browser: suite.browser,
        emulator: suite.emulator,
        root: run.root,
        args: ['--cli', '--', ...args],
        env: { KIEDROP_BASE_URL: suite.emulator.url, KIEDROP_CREDITS_URL: suite.emulator.url },
      });

    const windowsBefore = await run.windows();
    const version = await cli(['--version']);
    expect(await version.app.exited).toBe(0);
    expect(version.app.stdout()).toBe('kiedrop 0.1.0\n');

    const path = await run.writeFile('from-the-terminal.txt', 'uploaded by the bundled command');
    const upload = await cli(['upload', path]);
    expect(await upload.app.exited, upload.app.output()).toBe(0);
    expect(upload.app.stdout()).toMatch(/^from-the-terminal\.txt\s+http:\/\/127\.0\.0\.1:\d+\/\S+/);
    // Same history as the app: the running window lists it, and it was not handed over as a share.
    await expect
      .poll(async () => (await history(run)).map((e) => e.fileName), { timeout: 20_000 })
      .toContain('from-the-terminal.txt');
    expect(await run.notifications()).toEqual([]);
    expect((await run.windows()).map((w) => [w.url, w.visible])).toEqual(
      windowsBefore.map((w) => [w.url, w.visible]),
    );
  });
});
