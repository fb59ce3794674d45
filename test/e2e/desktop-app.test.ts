// The desktop app as a user gets it: the real main bundle (out/main/index.js) on the Electron stand-in,
// its windows real pages in Chromium, its IPC through the sandboxed preload, the API emulator behind it.
// One Chromium and one emulator serve the file; each test starts its own app process and data folder.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/shared/ipc-contract';
import { desktopSuite, startDesktop } from '../support/desktop-app';
import type { DesktopRun } from '../support/desktop-app';

const suite = desktopSuite();
const { desktop, history } = suite;

describe('starting the app', () => {
  it('shows the main window only once its page is ready, and the drop window without taking focus', async () => {
    const run = await desktop();
    await run.ready();
    const main = await run.window('index');
    const timeline = await run.app.call<string[]>('timeline', { page: 'index' });
    expect(timeline.indexOf('show')).toBeGreaterThan(timeline.indexOf('ready-to-show'));
    expect(timeline.indexOf('ready-to-show')).toBeGreaterThan(0);
    expect(main?.focused).toBe(true);
    const drop = await run.window('drop');
    expect(drop).toMatchObject({ visible: true, focused: false });
    // The tray is there, with its menu.
    expect(await run.trayLabels()).toEqual(expect.arrayContaining(['Open KieDrop', 'Quit KieDrop']));
  });
});

describe('first run', () => {
  it('takes the key in the welcome screen, then uploads three dropped files through real IPC', async () => {
    const run = await desktop({ envKey: false, session: 'private-keyring' });
    await expect
      .poll(() => run.locator('index', 'role', 'heading', 'isVisible', { name: 'Welcome to KieDrop' }), {
        timeout: 30_000,
      })
      .toBe(true);
    await run.locator('index', 'label', 'API key', 'fill', { text: suite.emulator.apiKey });
    await run.locator('index', 'role', 'button', 'click', { name: 'Save key' });
    await expect
      .poll(() => run.locator('index', 'testid', 'drop-zone', 'isVisible'), { timeout: 30_000 })
      .toBe(true);

    const paths = await Promise.all(
      ['one.txt', 'two.txt', 'three.txt'].map((name) => run.writeFile(name, `content of ${name}`)),
    );
    await run.dropFiles('index', paths);
    await expect
      .poll(async () => (await history(run)).map((e) => e.fileName).sort(), { timeout: 30_000 })
      .toEqual(['one.txt', 'three.txt', 'two.txt']);
    for (const entry of await history(run)) {
      const stored = suite.emulator.storedFile(entry.filePath);
      expect(stored && (await readFile(stored, 'utf8'))).toBe(`content of ${entry.fileName}`);
    }
    // The window saw each one finish (its events came through the preload), and History lists them.
    await expect
      .poll(() => run.locator('index', 'css', '[data-testid="job-row"][data-status="done"]', 'count'), {
        timeout: 15_000,
      })
      .toBe(3);
    await run.locator('index', 'css', 'nav[aria-label="Main"] >> role=button[name="History"]', 'click');
    await expect
      .poll(() => run.locator('index', 'testid', 'history-row', 'count'), { timeout: 15_000 })
      .toBe(3);
  });
});

describe('living in the tray', () => {
  it('keeps uploading with the window closed, and a reopened window shows the result without replaying old events', async () => {
    const run = await desktop({ settings: { notifications: false } });
    await run.ready();
    const paths = await Promise.all(
      Array.from({ length: 20 }, (_, i) => run.writeFile(`tray-${i}.txt`, `file ${i}`)),
    );
    expect((await run.api('uploadFiles', paths, {})).ok).toBe(true);
    await run.app.call('closeWindow', { page: 'index' });
    expect(await run.window('index')).toBeUndefined();

    // The tray says how the uploads went while no window was open, and the process is alive.
    await expect.poll(async () => (await run.trayLabels())[0], { timeout: 30_000 }).toBe('20 uploaded');
    expect(run.app.child.exitCode).toBeNull();

    await run.clickTray('Open KieDrop');
    await run.ready();
    expect((await history(run)).length).toBe(20);
    // The new window read the current state itself; nothing held from the closed one was replayed.
    const replayed = (await run.app.call<string[]>('sentLog', { page: 'index' })).filter((c) =>
      /^event:(job|progress|history)$/.test(c),
    );
    expect(replayed).toEqual([]);
  });

  it('acts on every tray menu item', async () => {
    const run = await desktop({ settings: { notifications: false, copyOnUpload: false } });
    await run.ready();

    // Upload files…: the file picker, then an upload of what was chosen.
    const picked = await run.writeFile('picked.txt', 'chosen in the file picker');
    await run.app.call('answerDialogs', { openPaths: [picked] });
    await run.clickTray('Upload files…');
    await expect
      .poll(async () => (await history(run)).map((e) => e.fileName), { timeout: 20_000 })
      .toEqual(['picked.txt']);

    // Recent uploads › picked.txt: copies its link, read back from the clipboard.
    const [entry] = await history(run);
    await run.clickTray('Recent uploads', 'picked.txt');
    await expect.poll(async () => (await run.clipboard()).text).toBe(entry?.downloadUrl);

    // Upload clipboard: the copied link is uploaded again by the server.
    await run.clickTray('Upload clipboard');
    await expect.poll(async () => (await history(run)).length, { timeout: 20_000 }).toBe(2);

    // Pause / resume watching folders.
    await run.clickTray('Pause watching folders');
    await expect.poll(() => run.trayLabels()).toContain('Resume watching folders');
    await run.clickTray('Resume watching folders');
    await expect.poll(() => run.trayLabels()).toContain('Pause watching folders');

    // Show drop window: hides it, and shows it again.
    await run.clickTray('Show drop window');
    await expect.poll(async () => (await run.window('drop'))?.visible ?? false).toBe(false);
    await run.clickTray('Show drop window');
    await expect.poll(async () => (await run.window('drop'))?.visible).toBe(true);

    // Open KieDrop after the window was closed.
    await run.app.call('closeWindow', { page: 'index' });
    await run.clickTray('Open KieDrop');
    await run.ready();

    // Quit KieDrop ends the process cleanly.
    await run.clickTray('Quit KieDrop');
    expect(await run.app.exited).toBe(0);
  });

  it('ticks "Show drop window" once the drop window is really on screen, and the window takes drops', async () => {
    const run = await desktop({
      settings: { notifications: false, dropWindow: { enabled: false, alwaysOnTop: true, x: null, y: null } },
    });
    await run.ready();
    const checkbox = async () =>
      (await run.tray())?.menu?.find((i) => i.label === 'Show drop window')?.checked ?? null;
    expect(await checkbox()).toBe(false);
    expect(await run.window('drop')).toBeUndefined();

    // Turned on in Settings: the window is made, loads, and only then shows; the tick must follow it there.
    const settings = await run.api<{ dropWindow: Record<string, unknown> }>('settingsGet');
    const dropWindow = settings.ok ? settings.value.dropWindow : {};
    expect((await run.api('settingsSet', { dropWindow: { ...dropWindow, enabled: true } })).ok).toBe(true);
    await expect
      .poll(async () => (await run.window('drop'))?.visible ?? false, { timeout: 15_000 })
      .toBe(true);
    // At the moment the window appears, not whenever something else next rebuilds the menu.
    expect(await checkbox()).toBe(true);

    const file = await run.writeFile('dropped-on-tile.txt', 'dropped on the drop window');
    await run.dropFiles('drop', [file]);
    await expect
      .poll(async () => (await history(run)).map((e) => e.fileName), { timeout: 20_000 })
      .toEqual(['dropped-on-tile.txt']);

    await run.clickTray('Show drop window');
    await expect.poll(async () => (await run.window('drop'))?.visible ?? false).toBe(false);
    await expect.poll(checkbox).toBe(false);
  });
});

describe('right-click share from a second launch', () => {
  it('merges three launches into one batch, with one clipboard write of all three links', async () => {
    const run = await desktop({ settings: { notifications: true, copyOnUpload: false } });
    await run.ready();
    const paths = await Promise.all(['a.txt', 'b.txt', 'c.txt'].map((n) => run.writeFile(n, `shared ${n}`)));
    // The file manager starts KieDrop once per selected file; each hands its file to the running app and ends.
    const launches = paths.map((path) =>
      startDesktop({
        browser: suite.browser,
        emulator: suite.emulator,
        root: run.root,
        args: ['--share', path],
      }),
    );
    const seconds = await Promise.all(launches);
    expect(await Promise.all(seconds.map((s) => s.app.exited))).toEqual([0, 0, 0]);

    await expect.poll(async () => (await history(run)).length, { timeout: 30_000 }).toBe(3);
    await expect.poll(async () => (await run.clipboard()).writes.length, { timeout: 10_000 }).toBe(1);
    const { text, writes } = await run.clipboard();
    const links = (await history(run)).map((e) => e.downloadUrl);
    expect(text.split('\n').sort()).toEqual(links.sort());
    expect(writes[0]?.kept).toBe(true);
    await expect
      .poll(async () => (await run.notifications()).map((n) => n.title), { timeout: 10_000 })
      .toContain('3 files uploaded — links copied');
  });
});

describe('notifications', () => {
  it('opens the history entry when its notification is clicked, even after garbage collection', async () => {
    const run = await desktop({ settings: { notifications: true, copyOnUpload: false } });
    await run.ready();
    const path = await run.writeFile('notify-me.txt', 'a finished upload is announced');
    expect((await run.api('uploadFiles', [path], {})).ok).toBe(true);
    await expect
      .poll(async () => (await run.notifications()).find((n) => n.title === 'Upload finished'), {
        timeout: 20_000,
      })
      .toBeDefined();
    const [entry] = await history(run);
    const notice = (await run.notifications()).find((n) => n.title === 'Upload finished');
    // The user is elsewhere for a while: the window is closed and the garbage collector runs.
    await run.app.call('closeWindow', { page: 'index' });
    expect(await run.app.call('gc')).toBe(true);

    expect(await run.app.call('clickNotification', { id: notice?.id })).toBe(true);
    await run.ready();
    await expect
      .poll(() => run.app.call<string[]>('sentLog', { page: 'index' }), { timeout: 10_000 })
      .toContain('event:show-entry');
    await expect
      .poll(() => run.locator('index', 'css', `[data-testid="history-row"]`, 'textContent'), {
        timeout: 10_000,
      })
      .toContain(entry?.fileName);
  });
});

describe('quitting', () => {
  it('puts uploads in flight back in the queue, and the next start finishes each exactly once', async () => {
    const first = await desktop({ settings: { notifications: false } });
    await first.ready();
    const names = ['slow-1.bin', 'slow-2.bin', 'slow-3.bin'];
    const paths = await Promise.all(names.map((n) => first.writeFile(n, Buffer.alloc(64 * 1024, n))));
    suite.emulator.faults.add({ path: '/api/file-stream-upload', latencyMs: 4000 });
    try {
      expect((await first.api('uploadFiles', paths, {})).ok).toBe(true);
      await expect
        .poll(
          () => first.locator('index', 'css', '[data-testid="job-row"][data-status="uploading"]', 'count'),
          {
            timeout: 15_000,
          },
        )
        .toBeGreaterThan(0);
      await first.clickTray('Quit KieDrop');
      expect(await first.app.exited).toBe(0);
    } finally {
      suite.emulator.faults.clear();
    }
    expect((await startDesktopAgain(first)).length).toBe(3);
  });
});

/** Starts the app again on the same data folder and returns its history once the queue has drained. */
async function startDesktopAgain(previous: DesktopRun): Promise<HistoryEntry[]> {
  const run = await desktop({ root: previous.root, settings: { notifications: false } });
  await run.ready();
  await expect.poll(async () => (await history(run)).length, { timeout: 30_000 }).toBe(3);
  // Nothing more arrives later: each file is in the history once.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const entries = await history(run);
  expect(new Set(entries.map((e) => e.fileName)).size).toBe(entries.length);
  return entries;
}
