// The desktop channels of the app service over the real engine and emulator: "Upload clipboard" for an
// image, links and text it cannot use; one notification per clipboard batch; the clipboard shortcut
// taken from (a stand-in for) the OS before it is saved; the upload summary the tray and drop window
// draw; and the right-click channels where the app has no place to install.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEST_KEY } from '../emulator/index';
import { startTestApp } from '../harness';
import type { TestApp, TestAppOptions } from '../harness';
import type { ShortcutRegistry } from '../../src/main/core/clipboard';
import type { Notice } from '../../src/main/core/share';
import { encodePng } from '../../src/main/png-encode';
import type { UploadActivity } from '../../src/shared/ipc-contract';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The OS's global shortcuts: keys in `taken` belong to another app. */
function osShortcuts(taken: readonly string[] = []): ShortcutRegistry & { held: Set<string> } {
  const held = new Set<string>();
  return {
    held,
    register: (accelerator) => !taken.includes(accelerator) && (held.add(accelerator), true),
    unregister: (accelerator) => void held.delete(accelerator),
    isRegistered: (accelerator) => held.has(accelerator),
  };
}

async function start(options: TestAppOptions = {}): Promise<{ app: TestApp; notices: Notice[] }> {
  const notices: Notice[] = [];
  app = await startTestApp({
    savedKey: DEFAULT_TEST_KEY,
    ...options,
    desktop: { notifier: { notify: (n) => void notices.push(n) }, ...options.desktop },
  });
  return { app, notices };
}

describe('Upload clipboard', () => {
  it('sends a copied image as a PNG through the Base64 upload, keeps the file, and copies its link', async () => {
    const { app, notices } = await start();
    const png = encodePng(2, 2, new Uint8Array(16).fill(200));
    app.clipboard.content = { imagePng: png, filePaths: [], text: '' };
    const summary = await app.service.handlers['clipboard:upload']({});
    expect(summary).toMatchObject({ kind: 'image', uploaded: 1, failed: 0, copied: true });
    expect(
      app.emulator.log.filter((e) => e.path === '/api/file-base64-upload' && e.status === 200),
    ).toHaveLength(1);
    const kept = await readdir(join(app.dataDir, 'clipboard'));
    expect(kept).toEqual([expect.stringMatching(/^clipboard-\d{8}-\d{6}\.png$/)]);
    expect(app.clipboard.last()).toBe(summary.links[0]);
    expect(summary.links[0]).toMatch(/\/clipboard-\d{8}-\d{6}\.png$/);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.title).toMatch(/^clipboard-\d{8}-\d{6}\.png uploaded — link copied$/);
  });

  it('uploads copied links through the URL upload, all links copied at once', async () => {
    const { app } = await start();
    const first = await app.writeFile('one.txt', 'one');
    const second = await app.writeFile('two.txt', 'two');
    await app.service.handlers['upload:files']([first, second], {});
    await app.service.engine.queue.runUntilIdle();
    const sources = app.service.engine.history.list({}).entries.map((e) => e.downloadUrl);
    app.clipboard.content = { imagePng: null, filePaths: [], text: `${sources[0]}\n${sources[1]}\n` };
    const summary = await app.service.handlers['clipboard:upload']({});
    expect(summary).toMatchObject({ kind: 'urls', uploaded: 2 });
    expect(app.clipboard.last()?.split('\n')).toEqual(summary.links);
    expect(app.emulator.log.filter((e) => e.path === '/api/file-url-upload')).toHaveLength(2);
  });

  it('tells the user what to copy when the clipboard holds plain text or nothing', async () => {
    const { app, notices } = await start();
    app.clipboard.content = { imagePng: null, filePaths: [], text: 'meeting at 3pm' };
    await expect(app.service.handlers['clipboard:upload']({})).rejects.toMatchObject({
      kind: 'clipboard-unsupported',
      message: expect.stringContaining('holds text that is not a link'),
    });
    app.clipboard.content = { imagePng: null, filePaths: [], text: '' };
    await expect(app.service.handlers['clipboard:upload']({})).rejects.toMatchObject({
      kind: 'clipboard-empty',
      message: expect.stringContaining('The clipboard is empty'),
    });
    expect(notices).toEqual([]);
  });

  it('ends a batch of copied files with one notification, and marks it so the per-upload ones skip it', async () => {
    const { app, notices } = await start();
    const paths = await Promise.all(['x.txt', 'y.txt'].map((n) => app.writeFile(n, n)));
    app.clipboard.content = { imagePng: null, filePaths: paths, text: '' };
    await app.service.handlers['clipboard:upload']({});
    expect(notices).toEqual([
      {
        title: '2 files uploaded — links copied',
        body: 'Paste them anywhere, one per line; they work for 3 days.',
      },
    ]);
    const jobs = app.service.engine.queue.list({});
    expect(jobs.map((j) => j.source)).toEqual(['clipboard', 'clipboard']);
    expect(jobs.every((j) => app.service.batches.has(j.batchId))).toBe(true);
  });
});

describe('the clipboard shortcut', () => {
  it('is taken from the OS at start', async () => {
    const os = osShortcuts();
    const { app } = await start({ desktop: { shortcuts: os } });
    expect(os.held).toEqual(new Set(['CommandOrControl+Shift+U']));
    expect(await app.service.handlers['shortcut:state']()).toEqual({
      accelerator: 'CommandOrControl+Shift+U',
      active: true,
      message: null,
    });
  });

  it('says at start when another app holds it', async () => {
    const { app } = await start({ desktop: { shortcuts: osShortcuts(['CommandOrControl+Shift+U']) } });
    const state = await app.service.handlers['shortcut:state']();
    expect(state).toMatchObject({
      active: false,
      message: expect.stringContaining('is taken by another app'),
    });
    const notice = await app.waitForEvent('notice', (n) => n.message.includes('Upload clipboard shortcut'));
    expect(notice.level).toBe('warning');
  });

  it('keeps the old shortcut when the new one is taken, through settings:set as well', async () => {
    const os = osShortcuts(['Alt+F9']);
    const { app } = await start({ desktop: { shortcuts: os } });
    await expect(app.service.handlers['settings:set']({ clipboardShortcut: 'Alt+F9' })).rejects.toMatchObject(
      {
        kind: 'shortcut-taken',
        message:
          'Alt+F9 is already used by another app (or by the system), so it could not be set. CommandOrControl+Shift+U still works.',
      },
    );
    expect(os.held).toEqual(new Set(['CommandOrControl+Shift+U']));
    expect(app.service.settings.get().clipboardShortcut).toBe('CommandOrControl+Shift+U');
  });

  it('applies a free shortcut and the other changes together, or neither when one is bad', async () => {
    const os = osShortcuts();
    const { app } = await start({ desktop: { shortcuts: os } });
    await expect(
      app.service.handlers['settings:set']({ clipboardShortcut: 'Alt+F10', concurrency: 0 }),
    ).rejects.toMatchObject({ kind: 'invalid-argument' });
    expect(os.held).toEqual(new Set(['CommandOrControl+Shift+U']));

    const saved = await app.service.handlers['settings:set']({ clipboardShortcut: 'alt+f10', theme: 'dark' });
    expect(saved).toMatchObject({ clipboardShortcut: 'Alt+F10', theme: 'dark' });
    expect(os.held).toEqual(new Set(['Alt+F10']));
  });

  it('turns off with an empty shortcut, and refuses a malformed one with the reason', async () => {
    const os = osShortcuts();
    const { app } = await start({ desktop: { shortcuts: os } });
    await expect(app.service.handlers['shortcut:set']('Ctrl+Shift')).rejects.toMatchObject({
      kind: 'invalid-argument',
      message: expect.stringContaining('has only modifiers'),
    });
    expect(await app.service.handlers['shortcut:set']('')).toEqual({
      accelerator: '',
      active: false,
      message: null,
    });
    expect(os.held.size).toBe(0);
  });
});

describe('the upload summary', () => {
  it('goes from uploading to done with the burst counted, ending at 100 %', async () => {
    const { app } = await start();
    const seen: UploadActivity[] = [];
    app.service.activity.on((a) => void seen.push(a));
    const paths = await Promise.all(['p.txt', 'q.txt'].map((n) => app.writeFile(n, n.repeat(1000))));
    await app.service.handlers['upload:files'](paths, {});
    await app.service.engine.queue.runUntilIdle();
    expect(seen.some((a) => a.phase === 'uploading' && a.active === 2)).toBe(true);
    expect(seen.at(-1)).toEqual({
      phase: 'done',
      active: 0,
      done: 2,
      failed: 0,
      fraction: 1,
      pausedMessage: null,
      pausedReason: null,
    });
    expect(await app.service.handlers['activity:get']()).toEqual(seen.at(-1));
    const fractions = seen.map((a) => a.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it('starts counting again with the next burst', async () => {
    const { app } = await start();
    await app.service.handlers['upload:files']([await app.writeFile('1.txt', '1')], {});
    await app.service.engine.queue.runUntilIdle();
    await app.service.handlers['upload:files']([await app.writeFile('2.txt', '2')], {});
    await app.service.engine.queue.runUntilIdle();
    expect(app.service.activity.get()).toMatchObject({ phase: 'done', done: 1 });
  });
});

describe('settings changed elsewhere and the right-click channels', () => {
  it('tells the window about a settings change made outside it (the tray, the drop window)', async () => {
    const { app } = await start();
    app.service.settings.set({ dropWindow: { enabled: false, alwaysOnTop: true, x: 10, y: 20 } });
    const event = await app.waitForEvent('settings');
    expect(event.dropWindow).toEqual({ enabled: false, alwaysOnTop: true, x: 10, y: 20 });
  });

  it('says the right-click menu is not available where the app has no place to install it', async () => {
    const { app } = await start();
    expect(await app.service.handlers['integration:status']()).toEqual({
      supported: false,
      platform: process.platform,
      installed: false,
      items: [],
    });
    await expect(app.service.handlers['integration:install']()).rejects.toMatchObject({
      kind: 'unsupported',
    });
  });
});
