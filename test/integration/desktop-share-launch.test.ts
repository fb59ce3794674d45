// "Share with KieDrop" as launches reach the running app: each launch's arguments (with the second
// instance's own working directory), merged when they arrive within the batching window, uploaded to the
// emulator as one batch with one notification and every link on the clipboard at once.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEST_KEY } from '../emulator/index';
import { startTestApp } from '../harness';
import type { TestApp } from '../harness';
import { createShareLauncher, launchShares, readForwardedLaunch } from '../../src/main/share-launcher';
import type { ShareLauncher } from '../../src/main/share-launcher';
import type { BatchTimers, Notice } from '../../src/main/core/share';

const EXE = '/opt/KieDrop/kiedrop';

/** Timers the test fires by hand: "the batching window has passed". */
function manualTimers(): BatchTimers & { fire(): void; pending(): number } {
  const waiting = new Set<{ fn: () => void }>();
  return {
    setTimeout(fn) {
      const handle = { fn };
      waiting.add(handle);
      return handle;
    },
    clearTimeout: (handle) => void waiting.delete(handle as { fn: () => void }),
    fire() {
      for (const handle of [...waiting]) {
        waiting.delete(handle);
        handle.fn();
      }
    },
    pending: () => waiting.size,
  };
}

let app: TestApp;
let timers: ReturnType<typeof manualTimers>;
let notices: Notice[];
let confirms: string[];
let confirmAnswer: boolean;
let shown: number;
let launcher: ShareLauncher;

beforeEach(async () => {
  app = await startTestApp({ savedKey: DEFAULT_TEST_KEY });
  timers = manualTimers();
  notices = [];
  confirms = [];
  confirmAnswer = true;
  shown = 0;
  launcher = createShareLauncher({
    engine: app.service.engine,
    settings: () => app.service.settings.get(),
    clipboard: app.clipboard,
    notify: (notice) => void notices.push(notice),
    confirm: async (message) => {
      confirms.push(message);
      return confirmAnswer;
    },
    claimBatchId: () => app.service.batches.claim(),
    showWindow: () => void (shown += 1),
    platform: 'linux',
    timers,
  });
}, 60_000);

afterEach(async () => {
  launcher.dispose();
  await app?.close();
});

describe('launches within the batching window', () => {
  it('become one batch: three uploads, three links on the clipboard in one write, one notification', async () => {
    const a = await app.writeFile('a.txt', 'first');
    const b = await app.writeFile('b.txt', 'second');
    const c = await app.writeFile('c.txt', 'third');
    // Three processes, as Explorer starts one per selected file, each in its own way.
    expect(launcher.launch([EXE, '--share', a], '/')).toBe(true);
    expect(launcher.launch([EXE, b], '/')).toBe(true);
    expect(launcher.launch([EXE, '--no-sandbox', pathToFileURL(c).href], '/')).toBe(true);
    expect(app.service.engine.queue.list({}).length).toBe(0);

    timers.fire();
    await launcher.idle();

    const entries = app.service.engine.history.list({}).entries;
    expect(entries.map((e) => e.fileName).sort()).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(entries.every((e) => e.source === 'share')).toBe(true);
    expect(app.clipboard.texts).toHaveLength(1);
    const links = app.clipboard.last()?.split('\n') ?? [];
    expect(links.map((l) => l.split('/').at(-1))).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(notices).toEqual([
      {
        title: '3 files uploaded — links copied',
        body: 'Paste them anywhere, one per line; they work for 3 days.',
      },
    ]);
    expect(shown).toBe(0);
  });

  it("marks the batch's jobs, so the per-upload notifications leave them to the batch's own", async () => {
    const a = await app.writeFile('marked.txt', 'x');
    launcher.launch([EXE, '--share', a], '/');
    timers.fire();
    await launcher.idle();
    const [job] = app.service.engine.queue.list({});
    expect(job?.batchId).not.toBeNull();
    expect(app.service.batches.has(job?.batchId ?? null)).toBe(true);
  });

  it("resolves a second instance's relative paths against its own working directory", async () => {
    await app.writeFile('relative.txt', 'from a terminal');
    const forwarded = readForwardedLaunch(
      { argv: [EXE, '--share', 'relative.txt'], cwd: app.filesDir },
      [EXE],
      '/',
    );
    launcher.launch(forwarded.argv, forwarded.cwd);
    timers.fire();
    await launcher.idle();
    expect(app.service.engine.history.list({}).entries.map((e) => e.localPath)).toEqual([
      join(app.filesDir, 'relative.txt'),
    ]);
  });
});

describe('launches that share nothing, and shares that ask first', () => {
  it('brings the window forward for a plain second start, and starts no batch', () => {
    expect(launcher.launch([EXE, '--enable-logging'], '/')).toBe(false);
    expect(shown).toBe(1);
    expect(timers.pending()).toBe(0);
    expect(launchShares([EXE], '/')).toBe(false);
    expect(launchShares([EXE, '--share', '/tmp/x'], '/')).toBe(true);
  });

  it('asks above the threshold from Settings, and uploads nothing when declined', async () => {
    app.service.settings.set({ shareConfirmAbove: 2 });
    confirmAnswer = false;
    const paths = await Promise.all(['1.txt', '2.txt', '3.txt'].map((n) => app.writeFile(n, n)));
    launcher.launch([EXE, '--share', ...paths], '/');
    timers.fire();
    await launcher.idle();
    expect(confirms).toEqual(['Upload 3 files and copy all their links? That is more than 2 at once.']);
    expect(app.service.engine.queue.list({})).toEqual([]);
    expect(app.clipboard.texts).toEqual([]);
  });

  it('shares the files in sub-folders only when that setting is on', async () => {
    const folder = join(app.filesDir, 'album');
    await mkdir(join(folder, 'raw'), { recursive: true });
    await app.writeFile('album/cover.jpg', 'jpg');
    await app.writeFile('album/raw/take1.dng', 'dng');
    launcher.launch([EXE, '--share', folder], '/');
    timers.fire();
    await launcher.idle();
    expect(app.service.engine.history.list({}).entries.map((e) => e.fileName)).toEqual(['cover.jpg']);

    app.service.settings.set({ shareRecurseFolders: true });
    launcher.launch([EXE, '--share', folder], '/');
    timers.fire();
    await launcher.idle();
    expect(
      app.service.engine.history
        .list({})
        .entries.map((e) => e.fileName)
        .sort(),
    ).toEqual(['cover.jpg', 'cover.jpg', 'take1.dng']);
  });

  it('tells a share of a missing file in its notification', async () => {
    launcher.launch([EXE, '--share', join(app.filesDir, 'gone.txt')], '/');
    timers.fire();
    await launcher.idle();
    expect(notices).toEqual([
      { title: 'Nothing to share', body: `Not found: ${join(app.filesDir, 'gone.txt')}` },
    ]);
  });
});

describe('what a second instance forwards', () => {
  it('is taken from additionalData, and from what Electron reported when that is malformed', () => {
    expect(readForwardedLaunch({ argv: [EXE, 'a'], cwd: '/home/ana' }, [EXE, '--x', 'a'], '/')).toEqual({
      argv: [EXE, 'a'],
      cwd: '/home/ana',
    });
    expect(readForwardedLaunch({ argv: 'nope', cwd: 3 }, [EXE, 'b'], '/work')).toEqual({
      argv: [EXE, 'b'],
      cwd: '/work',
    });
    expect(readForwardedLaunch(null, [EXE], '/')).toEqual({ argv: [EXE], cwd: '/' });
  });
});
