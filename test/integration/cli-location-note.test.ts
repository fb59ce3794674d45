// `kiedrop upload` never asks about a photo's GPS position: it follows the app's "Pictures with a
// location", and while that was never answered it says on stderr that the photo went up with it.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import exifr from 'exifr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { storedBytes } from '../support/emulator-records';
import { cliEnv, runKiedrop } from '../support/kiedrop-process';
import { makeTempDir } from '../support/temp-files';
import { writePhotoWithGps, writeScreenshotPng } from '../support/test-images';

let emulator: Emulator;
let dir: string;
let photo: string;

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await makeTempDir('kiedrop-cli-location-');
  photo = await writePhotoWithGps(dir, 'IMG_0412.jpg');
});
afterAll(async () => {
  await emulator?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

/** A fresh data folder per run, with "Pictures with a location" saved as the app would save it. */
async function upload(
  name: string,
  args: string[],
  saved?: 'remove' | 'keep',
): Promise<{ stderr: string; bytes: Buffer; code: number }> {
  const dataDir = join(dir, name);
  await mkdir(dataDir, { recursive: true });
  if (saved) await writeFile(join(dataDir, 'settings.json'), JSON.stringify({ locationInPictures: saved }));
  const env = cliEnv(emulator, { dataDir, keychainService: `KieDropCliLocation-${process.pid}` });
  const run = await runKiedrop(['upload', ...args, '--json'], env);
  if (run.code !== 0) throw new Error(`kiedrop upload failed: ${run.stderr}`);
  const [entry] = JSON.parse(run.stdout) as { filePath: string }[];
  return { stderr: run.stderr, code: run.code, bytes: await storedBytes(emulator, entry?.filePath ?? '') };
}

describe('kiedrop upload and a photo with a GPS position', () => {
  it('sends it as it is while the setting was never answered, and prints a note saying so', async () => {
    const run = await upload('never-answered', [photo]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      'kiedrop: note: IMG_0412.jpg is sent with the GPS position it holds (where it was taken); ' +
        'add --strip-metadata to remove it',
    );
    expect(run.bytes.equals(await readFile(photo))).toBe(true);
    expect((await exifr.gps(run.bytes))?.latitude).toBeCloseTo(52.5167, 3);
  }, 60_000);

  it('removes the position without a note when the app was told "Always remove it"', async () => {
    const run = await upload('remove', [photo], 'remove');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('GPS');
    expect(await exifr.gps(run.bytes)).toBeUndefined();
  }, 60_000);

  it('prints no note with --strip-metadata, --keep-metadata, "Keep it", or a picture without a position', async () => {
    const stripped = await upload('strip', [photo, '--strip-metadata']);
    expect(await exifr.gps(stripped.bytes)).toBeUndefined();
    const kept = await upload('keep-flag', [photo, '--keep-metadata']);
    expect(await exifr.gps(kept.bytes)).toBeDefined();
    const keep = await upload('keep-setting', [photo], 'keep');
    expect(await exifr.gps(keep.bytes)).toBeDefined();
    const png = await upload('no-gps', [await writeScreenshotPng(dir, 'shot.png')]);
    for (const run of [stripped, kept, keep, png]) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toContain('GPS');
    }
  }, 120_000);
});
