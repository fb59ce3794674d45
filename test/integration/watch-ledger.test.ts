// The ledger across crashes and restarts: a crash between "claimed in the ledger" and "job queued", or
// between "job queued" and "job id recorded", never leads to a lost file or a second upload.
import { spawnSync } from 'node:child_process';
import { stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NewWatchFolder, WatchEnqueued } from '../../src/main/core/watch';
import { createLedgerStore } from '../../src/main/core/watch/ledger-store';
import { answeredUploads } from '../support/emulator-records';
import { sleep, until } from '../support/wait-until';
import { useWatchFixture } from '../support/watch-fixture';
import type { WatchPair } from '../support/watch-fixture';

const fx = useWatchFixture('kiedrop-watch-ledger-', {
  engine: { retry: { baseDelayMs: 20, maxDelayMs: 200 } },
  watch: { availabilityPollMs: 150 },
});

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid ?? 999_999;
}

async function signature(path: string): Promise<{ size: number; mtimeMs: number }> {
  const info = await stat(path);
  return { size: info.size, mtimeMs: Math.trunc(info.mtimeMs) };
}

/** Watches the inbox, writes a.txt into it, and claims it in the ledger for `owner` (pid:token on this host). */
async function claimNewFile(
  pair: WatchPair,
  owner: string,
  folder: Omit<NewWatchFolder, 'path'> = {},
): Promise<{ folderId: number; file: string }> {
  const status = await pair.watch.addFolder({ path: fx.watched, quietMs: 300, ...folder });
  const file = join(fx.watched, 'a.txt');
  await writeFile(file, 'content');
  createLedgerStore(pair.engine.db).reserve(
    status.id,
    'a.txt',
    await signature(file),
    `${hostname()}:${owner}`,
    Date.now(),
  );
  return { folderId: status.id, file };
}

const serverUploads = (): number => answeredUploads(fx.emulator);

describe('crash recovery', () => {
  it('a claim left by a crashed process before it queued the job is dropped and the file uploads once', async () => {
    const before = fx.openPair({ runQueue: false });
    await claimNewFile(before, `${deadPid()}:gone`);
    await fx.closePair(before);

    const after = fx.openPair();
    await after.watch.start();
    await until('the upload', () => after.engine.history.count() === 1);
    await sleep(1000);
    expect(after.engine.history.count()).toBe(1);
    expect(serverUploads()).toBe(1);
  });

  it('a claim of a live process is left alone (it may be queuing the file right now)', async () => {
    const before = fx.openPair({ runQueue: false });
    // The parent of this test process is alive for the whole test.
    await claimNewFile(before, `${process.ppid}:busy`);
    await fx.closePair(before);

    const after = fx.openPair();
    await after.watch.start();
    await sleep(1200);
    expect(after.engine.history.count()).toBe(0);
    expect(after.engine.queue.list()).toHaveLength(0);
  });

  it('a job queued by a process that crashed before recording it in the ledger is adopted, not queued again', async () => {
    const before = fx.openPair({ runQueue: false });
    const { file } = await claimNewFile(before, `${deadPid()}:gone`, { uploadPath: 'watched' });
    await before.engine.queue.enqueueFiles([file], { source: 'watch', uploadPath: 'watched' });
    await fx.closePair(before);

    const after = fx.openPair();
    await after.watch.start();
    await until('the upload', () => after.engine.history.count() === 1);
    await sleep(1000);
    expect(after.engine.queue.list()).toHaveLength(1);
    expect(serverUploads()).toBe(1);
  });

  it('files queued but not yet uploaded when the app quit upload once after the restart', async () => {
    const before = fx.openPair({ runQueue: false });
    const enqueued: WatchEnqueued[] = [];
    before.watch.on('enqueued', (e) => enqueued.push(e));
    await before.watch.start();
    const folder = await before.watch.addFolder({ path: fx.watched, quietMs: 300 });
    await Promise.all(['a.txt', 'b.txt'].map((n) => writeFile(join(fx.watched, n), n)));
    await until('both files queued', () => enqueued.length === 2);
    await until('the status to count them as waiting', () => before.watch.get(folder.id)?.queued === 2);
    await fx.closePair(before);

    const after = fx.openPair();
    await after.watch.start();
    await until('two uploads', () => after.engine.history.count() === 2);
    await sleep(1000);
    expect(serverUploads()).toBe(2);
    expect(after.engine.queue.list()).toHaveLength(2);
    await until('nothing waiting', () => after.watch.get(folder.id)?.waiting === 0);
  });

  it('an upload that finished while the watcher was closed is found in history on start', async () => {
    // The queue is not running yet, so the upload cannot finish while the watcher still listens.
    const before = fx.openPair({ runQueue: false });
    const enqueued: WatchEnqueued[] = [];
    before.watch.on('enqueued', (e) => enqueued.push(e));
    await before.watch.start();
    const folder = await before.watch.addFolder({ path: fx.watched, quietMs: 300 });
    await writeFile(join(fx.watched, 'a.txt'), 'a');
    await until('the file queued', () => enqueued.length === 1);
    // The watcher stops first; then the engine uploads on its own.
    await before.watch.close();
    await before.engine.queue.runUntilIdle();
    expect(before.engine.history.count()).toBe(1);
    expect(createLedgerStore(before.engine.db).lastUploadAt(folder.id)).toBeNull();
    await fx.closePair(before);

    const after = fx.openPair();
    await after.watch.start();
    const status = after.watch.get(folder.id);
    expect(status?.lastUploadAt).toEqual(expect.any(Number));
    await sleep(1000);
    expect(after.watch.get(folder.id)?.waiting).toBe(0);
    expect(serverUploads()).toBe(1);
  });
});
