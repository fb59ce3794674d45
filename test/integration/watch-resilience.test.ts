// Watched folders when things are not tidy: files that cannot be read, pause and resume, filters,
// changed files, and two processes (app and CLI) watching through one database.
import { execFileSync } from 'node:child_process';
import { mkdir, rename, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/main/core/engine';
import type { HistoryEntry } from '../../src/main/core/history';
import type { NewWatchFolder, WatchFileError } from '../../src/main/core/watch';
import { answeredUploads } from '../support/emulator-records';
import { sleep, until } from '../support/wait-until';
import { useWatchFixture } from '../support/watch-fixture';

const fx = useWatchFixture('kiedrop-watch-resilience-', {
  engine: { retry: { baseDelayMs: 20, maxDelayMs: 200 } },
  watch: { availabilityPollMs: 150 },
});

const watching = (folder: Omit<NewWatchFolder, 'path'> = {}) => fx.watchInbox({ quietMs: 300, ...folder });

const uploads = (engine: Engine): HistoryEntry[] => engine.history.list({ limit: 10_000 }).entries;
const names = (engine: Engine): string[] =>
  uploads(engine)
    .map((e) => e.fileName)
    .sort();
const serverUploads = (): number => answeredUploads(fx.emulator);

describe('files that cannot be uploaded', () => {
  it('reports a named pipe and a symlink loop by name, and still uploads the other files', async () => {
    const { engine, watch } = await watching();
    const errors: WatchFileError[] = [];
    watch.on('file-error', (e) => errors.push(e));
    // Reading a pipe would block an upload forever; a loop cannot be resolved at all.
    execFileSync('mkfifo', [join(fx.watched, 'pipe.bin')]);
    await symlink('loop.png', join(fx.watched, 'loop.png'));
    await Promise.all(['a.txt', 'b.txt', 'c.txt'].map((n) => writeFile(join(fx.watched, n), n)));
    await until('three uploads', () => uploads(engine).length >= 3);
    await until('both problems reported', () =>
      ['pipe.bin', 'loop.png'].every((n) => errors.some((e) => e.path === join(fx.watched, n))),
    );
    await sleep(800);
    expect(names(engine)).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(errors.find((e) => e.path.endsWith('pipe.bin'))?.message).toMatch(/not a regular file/);
    expect(errors.find((e) => e.path.endsWith('loop.png'))?.message).toMatch(/points to itself/);
    expect(watch.list()[0]?.state).toBe('watching');
    expect(watch.list()[0]?.lastError).not.toBeNull();
  });

  it('reports a file whose name the service would refuse, and uploads the rest of the batch', async () => {
    const { engine, watch } = await watching();
    const errors: WatchFileError[] = [];
    watch.on('file-error', (e) => errors.push(e));
    const bad = join(fx.watched, 'line\nbreak.txt');
    await Promise.all([
      writeFile(bad, 'x'),
      writeFile(join(fx.watched, 'fine-1.txt'), '1'),
      writeFile(join(fx.watched, 'fine-2.txt'), '2'),
    ]);
    await until('two uploads', () => uploads(engine).length >= 2);
    await until('the bad name reported', () => errors.some((e) => e.path === bad));
    expect(errors.find((e) => e.path === bad)?.message).toMatch(/cannot be uploaded: .*control character/);
    await sleep(800);
    expect(names(engine)).toEqual(['fine-1.txt', 'fine-2.txt']);
  });

  it('uploads nothing, and reports nothing, for a file renamed away before it settled', async () => {
    const { engine, watch } = await watching({ quietMs: 600 });
    const errors: WatchFileError[] = [];
    watch.on('file-error', (e) => errors.push(e));
    await writeFile(join(fx.watched, 'draft.txt'), 'x');
    await sleep(100);
    await rename(join(fx.watched, 'draft.txt'), join(fx.dir, 'elsewhere.txt'));
    await sleep(1500);
    expect(uploads(engine)).toHaveLength(0);
    expect(errors).toEqual([]);
    expect(watch.list()[0]?.waiting).toBe(0);
  });
});

describe('pause and resume', () => {
  it('a paused folder uploads nothing; on resume, what arrived meanwhile uploads', async () => {
    const { engine, watch, folderId } = await watching();
    await watch.pause(folderId);
    expect(watch.get(folderId)).toMatchObject({ state: 'paused', enabled: false });
    await writeFile(join(fx.watched, 'while-paused.txt'), 'p');
    await sleep(1000);
    expect(uploads(engine)).toHaveLength(0);
    await watch.resume(folderId);
    await until('the upload after resuming', () => uploads(engine).length === 1);
    expect(names(engine)).toEqual(['while-paused.txt']);
    expect(watch.get(folderId)?.enabled).toBe(true);
  });

  it('pausing all watching stops every folder for this session without changing their saved settings', async () => {
    const { engine, watch, folderId } = await watching();
    await watch.pause();
    expect(watch.allPaused).toBe(true);
    expect(watch.get(folderId)).toMatchObject({
      state: 'paused',
      enabled: true,
      reason: 'All watching is paused.',
    });
    await writeFile(join(fx.watched, 'later.txt'), 'l');
    await sleep(1000);
    expect(uploads(engine)).toHaveLength(0);
    await watch.resume();
    await until('the upload after resuming', () => uploads(engine).length === 1);
  });
});

describe('filters', () => {
  it('uploads only included files, skips excluded ones, dotfiles and temporary files, at any depth', async () => {
    await mkdir(join(fx.watched, 'sub', 'deep'), { recursive: true });
    await mkdir(join(fx.watched, '.git'));
    const { engine } = await watching({ include: ['*.png'], exclude: ['*-draft.png'] });
    const files = [
      'a.png',
      'sub/deep/b.PNG',
      'notes.txt',
      'c-draft.png',
      '.hidden.png',
      '.git/d.png',
      'e.png.crdownload',
      'Thumbs.db',
    ];
    await Promise.all(files.map((f) => writeFile(join(fx.watched, ...f.split('/')), f)));
    await until('two uploads', () => uploads(engine).length >= 2);
    await sleep(1000);
    expect(names(engine)).toEqual(['a.png', 'b.PNG']);
  });

  it('without subfolders, leaves files in subfolders alone', async () => {
    await mkdir(join(fx.watched, 'sub'));
    const { engine } = await watching({ recursive: false });
    await writeFile(join(fx.watched, 'top.txt'), 't');
    await writeFile(join(fx.watched, 'sub', 'inner.txt'), 'i');
    await until('one upload', () => uploads(engine).length >= 1);
    await sleep(1000);
    expect(names(engine)).toEqual(['top.txt']);
  });
});

describe('changed files', () => {
  it('with "upload changed files" off, a rewrite of an uploaded file stays local', async () => {
    const { engine } = await watching();
    await writeFile(join(fx.watched, 'report.txt'), 'version 1');
    await until('the first upload', () => uploads(engine).length === 1);
    await writeFile(join(fx.watched, 'report.txt'), 'version 2, longer');
    await sleep(1200);
    expect(uploads(engine)).toHaveLength(1);
    expect(serverUploads()).toBe(1);
  });

  it('with it on, each new version is uploaded once', async () => {
    const { engine } = await watching({ uploadChanged: true });
    await writeFile(join(fx.watched, 'report.txt'), 'version 1');
    await until('the first upload', () => uploads(engine).length === 1);
    await writeFile(join(fx.watched, 'report.txt'), 'version 2, longer');
    await until('the second upload', () => uploads(engine).length === 2);
    await sleep(1200);
    expect(
      uploads(engine)
        .map((e) => e.size)
        .sort((x, y) => x - y),
    ).toEqual([9, 17]);
    expect(serverUploads()).toBe(2);
  });
});

describe('two processes on one database (app and CLI)', () => {
  it('both watching the same folder upload each file once', async () => {
    const a = await watching();
    const b = fx.openPair();
    await b.watch.start();
    await until(
      'the second process to watch the saved folder',
      () => b.watch.list()[0]?.state === 'watching',
    );
    const files = Array.from({ length: 40 }, (_, i) => `shared-${i}.txt`);
    await Promise.all(files.map((n) => writeFile(join(fx.watched, n), n)));
    await until('40 uploads', () => uploads(a.engine).length >= 40);
    await sleep(1200);
    expect(uploads(a.engine)).toHaveLength(40);
    expect(serverUploads()).toBe(40);
  });

  it('a folder added or removed by the other process is picked up without a restart', async () => {
    const app = fx.openPair();
    await app.watch.start();
    expect(app.watch.list()).toEqual([]);
    const cli = fx.openPair();
    await cli.watch.start();
    const added = await cli.watch.addFolder({ path: fx.watched, quietMs: 300 });
    await until('the app to show the folder', () => app.watch.get(added.id)?.state === 'watching');
    await cli.watch.removeFolder(added.id);
    await until('the app to drop the folder', () => app.watch.list().length === 0);
  });
});

describe('adding folders', () => {
  it('refuses a folder that does not exist, or one already watched, with the reason', async () => {
    const { watch } = await watching();
    await expect(watch.addFolder({ path: join(fx.dir, 'missing') })).rejects.toThrow(
      /Folder not found: .*missing/,
    );
    await expect(watch.addFolder({ path: fx.watched })).rejects.toThrow(/already watched/);
    await expect(watch.updateFolder(999, { quietMs: 500 })).rejects.toThrow(/no watched folder #999/);
  });
});
