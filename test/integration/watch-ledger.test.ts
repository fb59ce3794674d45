// The ledger across crashes and restarts: a crash between "claimed in the ledger" and "job queued", or
// between "job queued" and "job id recorded", never leads to a lost file or a second upload.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openEngine } from '../../src/main/core/engine';
import type { Engine } from '../../src/main/core/engine';
import { createWatchService } from '../../src/main/core/watch';
import type { WatchEnqueued, WatchService } from '../../src/main/core/watch';
import { createLedgerStore } from '../../src/main/core/watch/ledger-store';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';

let emu: Emulator;
let dir: string;
let dataDir: string;
let watched: string;
const open: { engine: Engine; watch: WatchService }[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, test: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

function openPair(runQueue: boolean): { engine: Engine; watch: WatchService } {
  const engine = openEngine({
    dataDir,
    endpoints: { uploadBaseUrl: emu.url, creditsBaseUrl: emu.url },
    getApiKey: async () => emu.apiKey,
    retry: { baseDelayMs: 20, maxDelayMs: 200 },
  });
  if (runQueue) engine.queue.start();
  const watch = createWatchService({ engine, availabilityPollMs: 150 });
  const pair = { engine, watch };
  open.push(pair);
  return pair;
}

async function closePair(pair: { engine: Engine; watch: WatchService }): Promise<void> {
  open.splice(open.indexOf(pair), 1);
  await pair.watch.close();
  await pair.engine.close();
}

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid ?? 999_999;
}

async function signature(path: string): Promise<{ size: number; mtimeMs: number }> {
  const info = await stat(path);
  return { size: info.size, mtimeMs: Math.trunc(info.mtimeMs) };
}

const serverUploads = (): number =>
  emu.log.filter((e) => e.path === '/api/file-stream-upload' && e.status === 200).length;

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  emu.log.length = 0;
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-watch-ledger-'));
  dataDir = join(dir, 'data');
  watched = join(dir, 'inbox');
  await mkdir(watched);
});
afterEach(async () => {
  for (const { engine, watch } of open.splice(0)) {
    await watch.close();
    await engine.close();
  }
  await rm(dir, { recursive: true, force: true });
});

describe('crash recovery', () => {
  it('a claim left by a crashed process before it queued the job is dropped and the file uploads once', async () => {
    const before = openPair(false);
    const folder = await before.watch.addFolder({ path: watched, quietMs: 300 });
    const file = join(watched, 'a.txt');
    await writeFile(file, 'content');
    const ledger = createLedgerStore(before.engine.db);
    ledger.reserve(folder.id, 'a.txt', await signature(file), `${hostname()}:${deadPid()}:gone`, Date.now());
    await closePair(before);

    const after = openPair(true);
    await after.watch.start();
    await until('the upload', () => after.engine.history.count() === 1);
    await sleep(1000);
    expect(after.engine.history.count()).toBe(1);
    expect(serverUploads()).toBe(1);
  });

  it('a claim of a live process is left alone (it may be queuing the file right now)', async () => {
    const before = openPair(false);
    const folder = await before.watch.addFolder({ path: watched, quietMs: 300 });
    const file = join(watched, 'a.txt');
    await writeFile(file, 'content');
    // The parent of this test process is alive for the whole test.
    createLedgerStore(before.engine.db).reserve(
      folder.id,
      'a.txt',
      await signature(file),
      `${hostname()}:${process.ppid}:busy`,
      Date.now(),
    );
    await closePair(before);

    const after = openPair(true);
    await after.watch.start();
    await sleep(1200);
    expect(after.engine.history.count()).toBe(0);
    expect(after.engine.queue.list()).toHaveLength(0);
  });

  it('a job queued by a process that crashed before recording it in the ledger is adopted, not queued again', async () => {
    const before = openPair(false);
    const folder = await before.watch.addFolder({ path: watched, uploadPath: 'watched', quietMs: 300 });
    const file = join(watched, 'a.txt');
    await writeFile(file, 'content');
    createLedgerStore(before.engine.db).reserve(
      folder.id,
      'a.txt',
      await signature(file),
      `${hostname()}:${deadPid()}:gone`,
      Date.now(),
    );
    await before.engine.queue.enqueueFiles([file], { source: 'watch', uploadPath: 'watched' });
    await closePair(before);

    const after = openPair(true);
    await after.watch.start();
    await until('the upload', () => after.engine.history.count() === 1);
    await sleep(1000);
    expect(after.engine.queue.list()).toHaveLength(1);
    expect(serverUploads()).toBe(1);
  });

  it('files queued but not yet uploaded when the app quit upload once after the restart', async () => {
    const before = openPair(false);
    const enqueued: WatchEnqueued[] = [];
    before.watch.on('enqueued', (e) => enqueued.push(e));
    await before.watch.start();
    const folder = await before.watch.addFolder({ path: watched, quietMs: 300 });
    await Promise.all(['a.txt', 'b.txt'].map((n) => writeFile(join(watched, n), n)));
    await until('both files queued', () => enqueued.length === 2);
    await until('the status to count them as waiting', () => before.watch.get(folder.id)?.queued === 2);
    await closePair(before);

    const after = openPair(true);
    await after.watch.start();
    await until('two uploads', () => after.engine.history.count() === 2);
    await sleep(1000);
    expect(serverUploads()).toBe(2);
    expect(after.engine.queue.list()).toHaveLength(2);
    await until('nothing waiting', () => after.watch.get(folder.id)?.waiting === 0);
  });

  it('an upload that finished while the watcher was closed is found in history on start', async () => {
    // The queue is not running yet, so the upload cannot finish while the watcher still listens.
    const before = openPair(false);
    const enqueued: WatchEnqueued[] = [];
    before.watch.on('enqueued', (e) => enqueued.push(e));
    await before.watch.start();
    const folder = await before.watch.addFolder({ path: watched, quietMs: 300 });
    await writeFile(join(watched, 'a.txt'), 'a');
    await until('the file queued', () => enqueued.length === 1);
    // The watcher stops first; then the engine uploads on its own.
    await before.watch.close();
    await before.engine.queue.runUntilIdle();
    expect(before.engine.history.count()).toBe(1);
    expect(createLedgerStore(before.engine.db).lastUploadAt(folder.id)).toBeNull();
    await closePair(before);

    const after = openPair(true);
    await after.watch.start();
    const status = after.watch.get(folder.id);
    expect(status?.lastUploadAt).toEqual(expect.any(Number));
    await sleep(1000);
    expect(after.watch.get(folder.id)?.waiting).toBe(0);
    expect(serverUploads()).toBe(1);
  });
});
