// Issue 5's acceptance: watched folders on the real filesystem, uploading through the real engine to the
// emulator over HTTP. Every scenario counts the uploads the server received, not just what we think we sent.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openEngine } from '../../src/main/core/engine';
import type { Engine } from '../../src/main/core/engine';
import type { HistoryEntry } from '../../src/main/core/history';
import { createWatchService } from '../../src/main/core/watch';
import type { NewWatchFolder, WatchService, WatchServiceOptions } from '../../src/main/core/watch';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';

let emu: Emulator;
let dir: string;
let dataDir: string;
let watched: string;
const open: { engine: Engine; watch: WatchService }[] = [];

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, test: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

async function startWatching(
  folder: Omit<NewWatchFolder, 'path'> = {},
  over: Partial<WatchServiceOptions> = {},
): Promise<{ engine: Engine; watch: WatchService; folderId: number }> {
  const engine = openEngine({
    dataDir,
    endpoints: { uploadBaseUrl: emu.url, creditsBaseUrl: emu.url },
    getApiKey: async () => emu.apiKey,
    concurrency: 8,
    retry: { baseDelayMs: 20, maxDelayMs: 200 },
  });
  engine.queue.start();
  const watch = createWatchService({ engine, availabilityPollMs: 200, ...over });
  open.push({ engine, watch });
  await watch.start();
  const existing = watch.list().find((f) => f.path === watched);
  const status = existing ?? (await watch.addFolder({ path: watched, uploadPath: 'watched', ...folder }));
  // Scenarios below act once the folder is really being watched, as a person would.
  await until('the folder to be watched', () => watch.get(status.id)?.state === 'watching');
  return { engine, watch, folderId: status.id };
}

async function stopAll(): Promise<void> {
  for (const { engine, watch } of open.splice(0)) {
    await watch.close();
    await engine.close();
  }
}

function uploads(engine: Engine): HistoryEntry[] {
  return engine.history.list({ limit: 100_000 }).entries;
}

/** Upload requests the server answered with success: the ground truth for "uploaded once". */
function serverUploads(): number {
  return emu.log.filter((e) => e.path === '/api/file-stream-upload' && e.status === 200).length;
}

async function storedSha(entry: HistoryEntry): Promise<string> {
  const disk = emu.storedFile(entry.filePath);
  if (disk === undefined) throw new Error(`the emulator has no file at ${entry.filePath}`);
  return sha256(await readFile(disk));
}

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

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  emu.faults.clear();
  emu.log.length = 0;
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-watch-acceptance-'));
  dataDir = join(dir, 'data');
  watched = join(dir, 'inbox');
  await mkdir(watched);
});
afterEach(async () => {
  await stopAll();
  await rm(dir, { recursive: true, force: true });
});

describe('watched folder acceptance', () => {
  it('a slow writer (10 MiB in chunks over 6 s) gives exactly one upload, of the complete file', async () => {
    // The default 2 s quiet period; the writer pauses 150 ms between chunks, far less than that.
    const { engine } = await startWatching();
    const target = join(watched, 'recording.bin');
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
    const final = join(watched, 'photo.jpg');
    const part = join(watched, 'photo.jpg.part');
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
    await writeFile(join(watched, 'x.tmp'), 'draft text\n');
    await rename(join(watched, 'x.tmp'), join(watched, 'x.txt'));
    await until('the upload', () => uploads(engine).length >= 1);
    await sleep(1000);
    expect(uploads(engine).map((e) => e.fileName)).toEqual(['x.txt']);
    expect(uploads(engine)[0]?.localPath).toBe(join(watched, 'x.txt'));
    expect(serverUploads()).toBe(1);
  });

  it('1,000 files copied in at once give 1,000 uploads: none lost, none twice', async () => {
    const staging = join(dir, 'staging');
    await mkdir(staging);
    const names = Array.from({ length: 1000 }, (_, i) => `img-${String(i).padStart(4, '0')}.dat`);
    await Promise.all(
      names.map((n, i) => writeFile(join(staging, n), `file ${i} ${randomBytes(64).toString('hex')}`)),
    );
    const { engine } = await startWatching({ quietMs: 500 });
    // Copied in parallel batches, as a file manager does.
    for (let i = 0; i < names.length; i += 100) {
      await Promise.all(names.slice(i, i + 100).map((n) => copyFile(join(staging, n), join(watched, n))));
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
    const target = join(watched, 'export.mov');
    const writing = slowWrite(target, 20, 100 * 1024, 150);
    await sleep(400);
    const { engine } = await startWatching({ quietMs: 1000 });
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
    await Promise.all(old.map((n) => writeFile(join(watched, n), `old ${n}`)));
    const first = await startWatching({ quietMs: 300 });
    await until('the first 50 uploads', () => uploads(first.engine).length >= 50);
    await stopAll();

    const fresh = Array.from({ length: 50 }, (_, i) => `new-${i}.txt`);
    await Promise.all(fresh.map((n) => writeFile(join(watched, n), `new ${n}`)));
    emu.log.length = 0;
    const second = await startWatching();
    await until('the 50 new uploads', () => uploads(second.engine).length >= 100);
    await sleep(1500);
    const afterRestart = uploads(second.engine).filter((e) => e.fileName.startsWith('new-'));
    expect(uploads(second.engine)).toHaveLength(100);
    expect(new Set(afterRestart.map((e) => e.fileName))).toEqual(new Set(fresh));
    expect(serverUploads()).toBe(50);
  });

  it('a watched folder deleted and created again is reported unavailable, then watched again', async () => {
    const { engine, watch, folderId } = await startWatching({ quietMs: 300 });
    const fileErrors: string[] = [];
    watch.on('file-error', (e) => fileErrors.push(e.message));
    await writeFile(join(watched, 'before.txt'), 'before');
    await until('the first upload', () => uploads(engine).length >= 1);

    await rm(watched, { recursive: true });
    await until('the folder to show as unavailable', () => watch.get(folderId)?.state === 'unavailable');
    expect(watch.get(folderId)?.reason).toMatch(/Folder not found: .*inbox.*checks again/);

    await mkdir(watched);
    await writeFile(join(watched, 'after.txt'), 'after');
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
