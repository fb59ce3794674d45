// Watched folders through the app's handler table, as the Watch screen and the tray use them: the folder
// picker, live "watch" events, settings, pause and resume, remove, an engine reopened by a settings
// change, and a restart. Real files in a temp folder, real SQLite, the emulator over real HTTP.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { startTestApp } from '../harness';
import type { TestApp } from '../harness';
import type { HistoryEntry, WatchFolderStatus, WatchOverview } from '../../src/shared/ipc-contract';
import { handlerFailure } from '../support/failures';
import { sleep, until } from '../support/wait-until';

const KEY = 'kie-test-key-0123456789abcdef';
/** Short, so a file settles quickly; the service's minimum is 100 ms. */
const QUIET_MS = 300;

let emulator: Emulator;
let scratch: string;
let inbox: string;
let app: TestApp;
const extraApps: TestApp[] = [];

const uploads = (a: TestApp): HistoryEntry[] => a.service.engine.history.list({ limit: 1000 }).entries;
const uploadedNames = (a: TestApp): string[] =>
  uploads(a)
    .map((e) => e.fileName)
    .sort();

async function open(options: { dataDir?: string } = {}): Promise<TestApp> {
  return startTestApp({
    emulator,
    savedKey: KEY,
    dataDir: options.dataDir,
    settings: { copyOnUpload: false },
    watch: { availabilityPollMs: 200 },
  });
}

/** Adds the inbox through the folder picker and waits until it is being watched. */
async function watchInbox(a: TestApp, settings: { uploadPath?: string } = {}): Promise<WatchFolderStatus> {
  a.dialogs.nextPickedFolder = inbox;
  const added = await a.service.handlers['watch:add']({ quietMs: QUIET_MS, ...settings });
  if (!added) throw new Error('the picker was cancelled');
  await until('the folder to be watched', () => a.service.watch.get(added.id)?.state === 'watching');
  return added;
}

function lastWatchEvent(a: TestApp): WatchOverview | undefined {
  return a.events.filter((e) => e.event === 'watch').at(-1)?.payload as WatchOverview | undefined;
}

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.close();
});
beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'kiedrop-app-watch-'));
  inbox = join(scratch, 'inbox');
  await mkdir(inbox);
  app = await open();
});
afterEach(async () => {
  for (const a of extraApps.splice(0)) await a.close();
  await app?.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('adding a folder', () => {
  it('opens the folder picker, watches the chosen folder, and uploads a file saved into it', async () => {
    const h = app.service.handlers;
    const added = await watchInbox(app);
    expect(app.dialogs.folderRequests).toBe(1);
    expect(added).toMatchObject({ path: inbox, uploadPath: 'kiedrop', quietMs: QUIET_MS, lastUpload: null });

    await writeFile(join(inbox, 'report.pdf'), 'quarterly numbers');
    const entry = await until('the upload', () => uploads(app).find((e) => e.fileName === 'report.pdf'));
    expect(entry).toMatchObject({
      source: 'watch',
      uploadPath: 'kiedrop',
      localPath: join(inbox, 'report.pdf'),
    });

    // The window hears about it without asking, and the list names the newest upload.
    await app.waitForEvent('watch', (o) => o.folders[0]?.lastUpload?.fileName === 'report.pdf');
    const listed = await h['watch:list']();
    expect(listed.allPaused).toBe(false);
    expect(listed.folders).toHaveLength(1);
    expect(listed.folders[0]).toMatchObject({
      state: 'watching',
      waiting: 0,
      lastUpload: { historyId: entry.id, fileName: 'report.pdf', uploadedAt: entry.uploadedAt },
    });
    // The "Copy link" next to it copies that upload's link.
    const copied = await h['history:copy-link']([listed.folders[0]?.lastUpload?.historyId ?? 0], 'url');
    expect(copied).toBe(entry.downloadUrl);
  });

  it('adds nothing when the picker is cancelled', async () => {
    const result = await app.service.handlers['watch:add']({});
    expect(result).toBeNull();
    expect(app.dialogs.folderRequests).toBe(1);
    expect((await app.service.handlers['watch:list']()).folders).toEqual([]);
  });

  it('refuses a file, a missing folder, and a folder watched already, saying why', async () => {
    const h = app.service.handlers;
    const file = join(scratch, 'not-a-folder.txt');
    await writeFile(file, 'x');
    expect(await handlerFailure(h['watch:add']({ path: file }))).toEqual({
      kind: 'invalid-argument',
      message: expect.stringMatching(/is a file, not a folder/),
    });
    expect(await handlerFailure(h['watch:add']({ path: join(scratch, 'missing') }))).toEqual({
      kind: 'invalid-argument',
      message: expect.stringMatching(/^Folder not found: .*create the folder first/),
    });
    await watchInbox(app);
    app.dialogs.nextPickedFolder = inbox;
    expect(await handlerFailure(h['watch:add']({}))).toEqual({
      kind: 'invalid-argument',
      message: expect.stringMatching(/is already watched \(folder #\d+\); edit that one instead/),
    });
    expect((await h['watch:list']()).folders).toHaveLength(1);
  });
});

describe("a folder's settings", () => {
  it('uploads only matching files, to the new upload path, once changed', async () => {
    const h = app.service.handlers;
    const folder = await watchInbox(app);
    const updated = await h['watch:update'](folder.id, { uploadPath: 'screens', include: ['*.png'] });
    expect(updated).toMatchObject({ uploadPath: 'screens', include: ['*.png'], id: folder.id });

    await writeFile(join(inbox, 'shot.png'), 'png bytes');
    await writeFile(join(inbox, 'notes.txt'), 'not a picture');
    await until('the picture upload', () => uploads(app).find((e) => e.fileName === 'shot.png'));
    await sleep(QUIET_MS * 3);
    expect(uploadedNames(app)).toEqual(['shot.png']);
    expect(uploads(app)[0]?.uploadPath).toBe('screens');
  });

  it('refuses a bad pattern or an unknown folder with a message, and keeps the old settings', async () => {
    const h = app.service.handlers;
    const folder = await watchInbox(app);
    expect(await handlerFailure(h['watch:update'](folder.id, { include: ['*.png', '   '] }))).toEqual({
      kind: 'invalid-argument',
      message: expect.stringMatching(/^An empty include pattern was given; remove it or enter a pattern/),
    });
    const badPath = await handlerFailure(h['watch:update'](folder.id, { uploadPath: '../outside' }));
    expect(badPath.kind).toBe('invalid-input');
    expect(badPath.message).not.toMatch(/unexpected/);
    expect(app.service.watch.get(folder.id)).toMatchObject({ uploadPath: 'kiedrop', include: [] });
    expect(await handlerFailure(h['watch:update'](folder.id + 100, { polling: true }))).toEqual({
      kind: 'not-found',
      message: expect.stringMatching(/^There is no watched folder #\d+; it may have been removed/),
    });
  });
});

describe('pause, resume and remove', () => {
  it('a paused folder uploads nothing; resumed, it uploads what arrived meanwhile', async () => {
    const h = app.service.handlers;
    const folder = await watchInbox(app);
    const paused = await h['watch:pause'](folder.id);
    expect(paused.folders[0]).toMatchObject({ state: 'paused', enabled: false, reason: expect.any(String) });

    await writeFile(join(inbox, 'while-paused.txt'), 'wait for me');
    await sleep(QUIET_MS * 4);
    expect(uploads(app)).toHaveLength(0);

    const resumed = await h['watch:resume'](folder.id);
    expect(resumed.folders[0]?.enabled).toBe(true);
    await until('the upload after resuming', () => uploads(app).length === 1);
    expect(uploadedNames(app)).toEqual(['while-paused.txt']);
  });

  it('"pause all" (the tray item) stops every folder until resumed, and tells the window', async () => {
    const h = app.service.handlers;
    await watchInbox(app);
    const paused = await h['watch:pause'](null);
    expect(paused.allPaused).toBe(true);
    expect(app.service.watch.allPaused).toBe(true);
    expect(paused.folders[0]).toMatchObject({ state: 'paused', enabled: true });
    await app.waitForEvent('watch', (o) => o.allPaused);

    await writeFile(join(inbox, 'later.txt'), 'l');
    await sleep(QUIET_MS * 4);
    expect(uploads(app)).toHaveLength(0);

    expect((await h['watch:resume'](null)).allPaused).toBe(false);
    await until('the upload after resuming all', () => uploads(app).length === 1);
  });

  it('removes a folder: it leaves the list and its new files stay local', async () => {
    const h = app.service.handlers;
    const folder = await watchInbox(app);
    expect(await h['watch:remove'](folder.id)).toBe(true);
    expect((await h['watch:list']()).folders).toEqual([]);
    await until('the window to hear of it', () => lastWatchEvent(app)?.folders.length === 0);
    await writeFile(join(inbox, 'after-removal.txt'), 'r');
    await sleep(QUIET_MS * 4);
    expect(uploads(app)).toHaveLength(0);
    expect(await h['watch:remove'](folder.id)).toBe(false);
    expect(await handlerFailure(h['watch:pause'](folder.id))).toMatchObject({ kind: 'not-found' });
  });
});

describe('following the engine and the app', () => {
  it('keeps watching after a settings change reopens the engine', async () => {
    const h = app.service.handlers;
    const folder = await watchInbox(app);
    await writeFile(join(inbox, 'before.txt'), 'b');
    await until('the first upload', () => uploads(app).length === 1);
    const engineDb = app.service.engine.db;

    // Concurrency is an engine setting: changing it reopens the engine on a new database handle.
    await h['settings:set']({ concurrency: 2 });
    await until('the engine to reopen', () => app.service.engine.db !== engineDb);
    await until(
      'the folder to be watched again',
      () => app.service.watch.get(folder.id)?.state === 'watching',
    );

    await writeFile(join(inbox, 'after.txt'), 'a');
    await until('the upload after the reopen', () => uploads(app).length === 2);
    expect(uploadedNames(app)).toEqual(['after.txt', 'before.txt']);
    const listed = await h['watch:list']();
    expect(listed.folders[0]?.lastUpload?.fileName).toBe('after.txt');
    expect(app.events.some((e) => e.event === 'notice' && /could not/.test(JSON.stringify(e.payload)))).toBe(
      false,
    );
  });

  it('a "pause all" survives an engine reopen', async () => {
    const h = app.service.handlers;
    const folder = await watchInbox(app);
    await h['watch:pause'](null);
    await h['settings:set']({ concurrency: 4 });
    await sleep(300);
    expect((await h['watch:list']()).allPaused).toBe(true);
    expect(app.service.watch.get(folder.id)?.state).toBe('paused');
  });

  it('after a restart, uploads what arrived while closed and nothing it sent before', async () => {
    const dataDir = join(scratch, 'data');
    const first = await open({ dataDir });
    extraApps.push(first);
    await watchInbox(first);
    await writeFile(join(inbox, 'old.txt'), 'sent before');
    await until('the first upload', () => uploads(first).length === 1);
    await first.close();

    await writeFile(join(inbox, 'new-while-closed.txt'), 'arrived while closed');
    const second = await open({ dataDir });
    extraApps.push(second);
    await until('the upload of the new file', () =>
      uploads(second).some((e) => e.fileName === 'new-while-closed.txt'),
    );
    await sleep(QUIET_MS * 4);
    expect(uploadedNames(second)).toEqual(['new-while-closed.txt', 'old.txt']);
    expect(uploads(second).filter((e) => e.fileName === 'old.txt')).toHaveLength(1);
    expect((await second.service.handlers['watch:list']()).folders[0]?.state).toBe('watching');
  });
});
