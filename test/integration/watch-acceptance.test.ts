// Issue 5's acceptance: watched folders on the real filesystem, uploading through the real engine to the
// emulator over HTTP. Every scenario counts the uploads the server received, not just what we think we sent.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/main/core/engine';
import type { HistoryEntry } from '../../src/main/core/history';
import type { NewWatchFolder } from '../../src/main/core/watch';
import { sha256 } from '../emulator/test-client';
import { answeredUploads, storedSha256 } from '../support/emulator-records';
import { sleep, until as pollUntil } from '../support/wait-until';
import { useWatchFixture } from '../support/watch-fixture';

const fx = useWatchFixture('kiedrop-watch-acceptance-', {
  engine: { concurrency: 8, retry: { baseDelayMs: 20, maxDelayMs: 200 } },
  watch: { availabilityPollMs: 200 },
});

/** Whole folders of uploads run long on a busy machine: wait up to 30 s unless told otherwise. */
const until = (what: string, probe: () => boolean, timeoutMs = 30_000) =>
  pollUntil(what, probe, { timeoutMs });

const startWatching = (folder: Omit<NewWatchFolder, 'path'> = {}) => fx.watchInbox(folder);

function uploads(engine: Engine): HistoryEntry[] {
  return engine.history.list({ limit: 100_000 }).entries;
}

/** Upload requests the server answered with success: the ground truth for "uploaded once". */
const serverUploads = (): number => answeredUploads(fx.emulator);

const storedSha = (entry: HistoryEntry): Promise<string> => storedSha256(fx.emulator, entry.filePath);

/** Appends `chunks` random chunks to `path`, one every `gapMs`; resolves with everything written. */
async function slowWrite(path: string, chunks: number, chunkBytes: number, gapMs: number): Promise<Buffer> {
  const out = createWriteStream(path, { flags: 'a' });
  const written: Buffer[] = [];
  for (let i = 0; i < chunks; i++) {
    const chunk = randomBytes(chunkBytes);
    written.push(chunk);
    await new Promise<void>((res, rej) => out.write(chunk, (err) => (err ? rej(err) : res())));
    if (i < chunks - 1) await sleep(gapMs);
  }
  await new Promise<void>((res) => out.end(res));
  return Buffer.concat(written);
}

describe('watched folder acceptance', () => {
  it('a slow writer (10 MiB in chunks over 6 s) gives exactly one upload, of the complete file', async () => {
    // The default 2 s quiet period; the writer pauses 150 ms between chunks, far less than that.
    const { engine } = await startWatching();
    const target = join(fx.watched, 'recording.bin');
    const content = await slowWrite(target, 40, (10 * 1024 * 1024) / 40, 150);
    await until('the upload', () => uploads(engine).length >= 1);
    // Long enough for a second (duplicate) upload to show up if there were one.
    await sleep(2500);
    const all = uploads(engine);
    expect(all).toHaveLength(1);
    expect(serverUploads()).toBe(1);
    expect(all[0]?.fileName).toBe('recording.bin');
    expect(all[0]?.size).toBe(10 * 1024 * 1024);
    expect(await storedSha(all[0] as HistoryEntry)).toBe(sha256(content));
  }, 40_000);

  it('a browser-style download (empty placeholder + growing .part renamed over it) uploads photo.jpg once, complete', async () => {
    const { engine } = await startWatching({ quietMs: 500 });
    const final = join(fx.watched, 'photo.jpg');
    const part = join(fx.watched, 'photo.jpg.part');
    await writeFile(final, '');
    // The placeholder sits there for longer than the quiet period: it must not upload.
    const content = await slowWrite(part, 15, 64 * 1024, 100);
    await sleep(800);
    expect(uploads(engine)).toHaveLength(0);
    await rename(part, final);
    await until('the upload', () => uploads(engine).length >= 1);
    await sleep(1500);
    const all = uploads(engine);
    expect(all.map((e) => e.fileName)).toEqual(['photo.jpg']);
    expect(serverUploads()).toBe(1);
    expect(await storedSha(all[0] as HistoryEntry)).toBe(sha256(content));
  });

  it('an editor-style save (write x.tmp, rename to x.txt) uploads x.txt once', async () => {
    const { engine } = await startWatching({ quietMs: 300 });
    await writeFile(join(fx.watched, 'x.tmp'), 'draft text\n');
    await rename(join(fx.watched, 'x.tmp'), join(fx.watched, 'x.txt'));
    await until('the upload', () => uploads(engine).length >= 1);
    await sleep(1000);
    expect(uploads(engine).map((e) => e.fileName)).toEqual(['x.txt']);
    expect(uploads(engine)[0]?.localPath).toBe(join(fx.watched, 'x.txt'));
    expect(serverUploads()).toBe(1);
  });

  it('1,000 files copied in at once give 1,000 uploads: none lost, none twice', async () => {
    const staging = join(fx.dir, 'staging');
    await mkdir(staging);
    const names = Array.from({ length: 1000 }, (_, i) => `img-${String(i).padStart(4, '0')}.dat`);
    await Promise.all(
      names.map((n, i) => writeFile(join(staging, n), `file ${i} ${randomBytes(64).toString('hex')}`)),
    );
    const { engine } = await startWatching({ quietMs: 500 });
    // Copied in parallel batches, as a file manager does.
    for (let i = 0; i < names.length; i += 100) {
      await Promise.all(names.slice(i, i + 100).map((n) => copyFile(join(staging, n), join(fx.watched, n))));
    }
    await until('1,000 uploads', () => uploads(engine).length >= 1000, 90_000);
    await sleep(1500);
    const all = uploads(engine);
    expect(all).toHaveLength(1000);
    expect(new Set(all.map((e) => e.localPath)).size).toBe(1000);
    expect(new Set(all.map((e) => e.fileName))).toEqual(new Set(names));
    expect(serverUploads()).toBe(1000);
  }, 120_000);

  it('a file already being written when watching starts is not uploaded before it is complete', async () => {
    const target = join(fx.watched, 'export.mov');
    const writing = slowWrite(target, 20, 100 * 1024, 150);
    await sleep(400);
    // Added asking for the files already there: this one is waited for like any other.
    const { engine } = await startWatching({ quietMs: 1000, existingFiles: 'upload' });
    const content = await writing;
    expect(uploads(engine)).toHaveLength(0);
    await until('the upload', () => uploads(engine).length >= 1);
    await sleep(1500);
    const all = uploads(engine);
    expect(all).toHaveLength(1);
    expect(serverUploads()).toBe(1);
    expect(all[0]?.size).toBe(20 * 100 * 1024);
    expect(await storedSha(all[0] as HistoryEntry)).toBe(sha256(content));
  }, 30_000);

  it('after a restart with 50 old unchanged files and 50 new ones, exactly the 50 new ones upload', async () => {
    const old = Array.from({ length: 50 }, (_, i) => `old-${i}.txt`);
    await Promise.all(old.map((n) => writeFile(join(fx.watched, n), `old ${n}`)));
    const first = await startWatching({ quietMs: 300, existingFiles: 'upload' });
    await until('the first 50 uploads', () => uploads(first.engine).length >= 50);
    await fx.closeAll();

    const fresh = Array.from({ length: 50 }, (_, i) => `new-${i}.txt`);
    await Promise.all(fresh.map((n) => writeFile(join(fx.watched, n), `new ${n}`)));
    fx.emulator.log.length = 0;
    const second = await startWatching();
    await until('the 50 new uploads', () => uploads(second.engine).length >= 100);
    await sleep(1500);
    const afterRestart = uploads(second.engine).filter((e) => e.fileName.startsWith('new-'));
    expect(uploads(second.engine)).toHaveLength(100);
    expect(new Set(afterRestart.map((e) => e.fileName))).toEqual(new Set(fresh));
    expect(serverUploads()).toBe(50);
  });

  it('a fx.watched folder deleted and created again is reported unavailable, then fx.watched again', async () => {
    const { engine, watch, folderId } = await startWatching({ quietMs: 300 });
    const fileErrors: string[] = [];
    watch.on('file-error', (e) => fileErrors.push(e.message));
    await writeFile(join(fx.watched, 'before.txt'), 'before');
    await until('the first upload', () => uploads(engine).length >= 1);

    await rm(fx.watched, { recursive: true });
    await until('the folder to show as unavailable', () => watch.get(folderId)?.state === 'unavailable');
    expect(watch.get(folderId)?.reason).toMatch(/Folder not found: .*inbox.*checks again/);

    await mkdir(fx.watched);
    await writeFile(join(fx.watched, 'after.txt'), 'after');
    await until('the upload after it came back', () =>
      uploads(engine).some((e) => e.fileName === 'after.txt'),
    );
    expect(watch.get(folderId)?.state).toBe('watching');
    expect(
      uploads(engine)
        .map((e) => e.fileName)
        .sort(),
    ).toEqual(['after.txt', 'before.txt']);
    expect(serverUploads()).toBe(2);
    // The folder going away is one status, not a shower of errors about the files that were in it.
    expect(fileErrors).toEqual([]);
  });
});
