// Pictures dropped in a watched folder go through the same processing as those from the Upload screen:
// the folder's own choices over Settings', read back from what the emulator stored. Also: "Upload my
// screenshots" adds its folder with location removal on, and a version-13 database keeps its folders.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exifr from 'exifr';
import Database from 'libsql';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openDatabase, runMigrations } from '../../src/main/core/db/index';
import { createFolderStore } from '../../src/main/core/watch/folder-store';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { startTestApp } from '../harness';
import type { TestApp } from '../harness';
import type { HistoryEntry, WatchFolderAdd, WatchFolderStatus } from '../../src/shared/ipc-contract';
import { writePhotoWithGps, writeScreenshotPng } from '../support/test-images';
import { until } from '../support/wait-until';

const KEY = 'kie-test-key-0123456789abcdef';

let emulator: Emulator;
let scratch: string;
let app: TestApp | null = null;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.close();
});
beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'kiedrop-watch-images-'));
});
afterEach(async () => {
  await app?.close();
  app = null;
  await rm(scratch, { recursive: true, force: true });
});

async function openApp(): Promise<TestApp> {
  app = await startTestApp({
    emulator,
    savedKey: KEY,
    dataDir: join(scratch, 'data'),
    env: { HOME: scratch },
    settings: { copyOnUpload: false },
  });
  return app;
}

async function watchFolder(a: TestApp, name: string, settings: WatchFolderAdd): Promise<WatchFolderStatus> {
  const dir = join(scratch, name);
  await mkdir(dir, { recursive: true });
  a.dialogs.nextPickedFolder = dir;
  const added = await a.service.handlers['watch:add']({ quietMs: 300, ...settings });
  if (!added) throw new Error('the picker was cancelled');
  await until('the folder to be watched', () => a.service.watch.get(added.id)?.state === 'watching');
  return added;
}

/** The upload of `fileName`'s picture, once it is in the history. */
async function uploadedAs(a: TestApp, fileName: string): Promise<{ entry: HistoryEntry; bytes: Buffer }> {
  let entry: HistoryEntry | undefined;
  await until(`${fileName} to be uploaded`, () => {
    entry = a.service.engine.history.list({ limit: 100 }).entries.find((e) => e.fileName === fileName);
    return entry !== undefined;
  });
  const found = entry as HistoryEntry;
  return { entry: found, bytes: await readFile(emulator.storedFile(found.filePath) ?? '') };
}

describe('pictures in watched folders', () => {
  it('removes the GPS position of a photo when the folder says "always", keeping it a JPEG', async () => {
    const a = await openApp();
    const folder = await watchFolder(a, 'phone', { imageStrip: 'always' });
    expect(folder.imageStrip).toBe('always');
    const original = await readFile(await writePhotoWithGps(scratch, 'IMG_2001.jpg'));
    expect(await exifr.gps(original)).toMatchObject({ latitude: expect.any(Number) });

    await writeFile(join(folder.path, 'IMG_2001.jpg'), original);
    const { entry, bytes } = await uploadedAs(a, 'IMG_2001.jpg');
    expect(entry.source).toBe('watch');
    expect((await sharp(bytes).metadata()).format).toBe('jpeg');
    expect(await exifr.gps(bytes)).toBeUndefined();
  });

  it('sends WebP from a folder that follows Settings once they optimise, and as is from one that says so', async () => {
    const a = await openApp();
    await a.service.handlers['settings:set']({ imageOptimize: true, imageFormat: 'webp' });
    const following = await watchFolder(a, 'inbox', {});
    const untouched = await watchFolder(a, 'masters', { imageMode: 'original' });
    expect(following.imageMode).toBe('settings');

    const png = await readFile(await writeScreenshotPng(scratch, 'chart.png'));
    await writeFile(join(following.path, 'chart.png'), png);
    await writeFile(join(untouched.path, 'master.png'), png);

    const webp = await uploadedAs(a, 'chart.webp');
    expect((await sharp(webp.bytes).metadata()).format).toBe('webp');
    const master = await uploadedAs(a, 'master.png');
    expect(master.bytes.equals(png)).toBe(true);
  });

  it('adds the screenshot folder with location removal on, visible in its settings, and it can be turned off', async () => {
    await mkdir(join(scratch, '.config'), { recursive: true });
    await writeFile(join(scratch, '.config', 'user-dirs.dirs'), 'XDG_PICTURES_DIR="$HOME/Pictures"\n');
    const a = await openApp();
    const folder = await a.service.handlers['watch:screenshots']();
    expect(folder.imageStrip).toBe('always');
    await until('the folder to be watched', () => a.service.watch.get(folder.id)?.state === 'watching');

    const shot = await readFile(await writePhotoWithGps(scratch, 'shot.jpg'));
    await writeFile(join(folder.path, 'Screenshot from 2026-12-08 09-00-00.jpg'), shot);
    const { bytes } = await uploadedAs(a, 'Screenshot from 2026-12-08 09-00-00.jpg');
    expect(await exifr.gps(bytes)).toBeUndefined();

    const off = await a.service.handlers['watch:update'](folder.id, { imageStrip: 'never' });
    expect(off.imageStrip).toBe('never');
    expect(a.service.watch.get(folder.id)?.imageStrip).toBe('never');
  });
});

describe('a database from before picture choices', () => {
  it('migrates a real version-13 file and keeps its folders, which follow Settings', async () => {
    const file = join(scratch, 'v13.db');
    const conn = new Database(file);
    runMigrations(
      conn,
      MIGRATIONS.filter((m) => m.version <= 13),
    );
    conn
      .prepare(
        `INSERT INTO watch_folders (path, upload_path, include, exclude, recursive, enabled, upload_changed,
           polling, quiet_ms, ignore_dotfiles, name_template, path_template, created_at, updated_at)
         VALUES (?, 'shots', '["*.png"]', '[]', 1, 1, 0, 0, 2000, 1, '{folder}-{counter}.{ext}', '', 1, 1)`,
      )
      .run(join(scratch, 'Screenshots'));
    conn.close();

    const db = openDatabase(file);
    try {
      const [folder] = createFolderStore(db).list();
      expect(folder).toMatchObject({
        path: join(scratch, 'Screenshots'),
        uploadPath: 'shots',
        include: ['*.png'],
        nameTemplate: '{folder}-{counter}.{ext}',
        imageMode: 'settings',
        imageStrip: 'settings',
      });
    } finally {
      db.close();
    }
  });
});
