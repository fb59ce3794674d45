// `kiedrop watch` with the image options of `kiedrop upload`: they are saved as the folder's own choices
// and applied to each picture it uploads; without them the folder follows the app's Settings file.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { KiedropProcess } from '../support/kiedrop-process';
import { storedBytes } from '../support/emulator-records';
import { writePhotoWithGps, writeScreenshotPng } from '../support/test-images';
import { until } from '../support/wait-until';
import { useWatchFixture } from '../support/watch-fixture';

const fx = useWatchFixture('kiedrop-watch-cli-images-');

const start = (args: string[]): KiedropProcess => fx.startCli(args, 'KieDropWatchImagesTest');

/** Watches the inbox until `fileName` is uploaded, then stops; returns what the emulator stored. */
async function watchUntilUploaded(
  args: string[],
  drop: () => Promise<void>,
  fileName: string,
): Promise<Buffer> {
  const watcher = start(['watch', fx.watched, '--quiet', '0.3', ...args]);
  await until('watching to begin', () => watcher.out.stderr.includes(`watching ${fx.watched}`));
  await drop();
  await until(`${fileName} to be uploaded`, () => watcher.out.stdout.includes(fileName));
  watcher.child.kill('SIGINT');
  expect((await watcher.done).code).toBe(0);
  const engine = fx.open();
  const entry = engine.history.list({ limit: 10 }).entries.find((e) => e.fileName === fileName);
  if (!entry) throw new Error(`${fileName} is not in the history`);
  return storedBytes(fx.emulator, entry.filePath);
}

describe('kiedrop watch with image options', () => {
  it('--strip-metadata removes the GPS position of each photo, and --list says so', async () => {
    const photo = await writePhotoWithGps(fx.dir, 'IMG_3001.jpg');
    const bytes = await watchUntilUploaded(
      ['--strip-metadata'],
      () => copyFile(photo, join(fx.watched, 'IMG_3001.jpg')),
      'IMG_3001.jpg',
    );
    expect((await sharp(bytes).metadata()).format).toBe('jpeg');
    expect(await exifr.gps(bytes)).toBeUndefined();

    const list = await start(['watch', '--list']).done;
    expect(list.stdout).toContain('location removed');
    const json = JSON.parse((await start(['watch', '--list', '--json']).done).stdout) as {
      imageStrip: string;
      imageMode: string;
    }[];
    expect(json[0]).toMatchObject({ imageStrip: 'always', imageMode: 'settings' });
  });

  it("--image-format avif --max-size saves the folder's own choices; --follow-settings undoes them", async () => {
    const png = await writeScreenshotPng(fx.dir, 'chart.png');
    const bytes = await watchUntilUploaded(
      ['--image-format', 'avif', '--max-size', '720'],
      () => copyFile(png, join(fx.watched, 'chart.png')),
      'chart.avif',
    );
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe('heif');
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(720);
    expect((await start(['watch', '--list']).done).stdout).toContain(
      'pictures avif q80 max 720 px, location removed',
    );

    const back = start(['watch', fx.watched, '--follow-settings']);
    await until('watching to begin', () => back.out.stderr.includes(`watching ${fx.watched}`));
    back.child.kill('SIGINT');
    await back.done;
    const json = JSON.parse((await start(['watch', '--list', '--json']).done).stdout) as object[];
    expect(json[0]).toMatchObject({ imageMode: 'settings', imageStrip: 'settings' });
  });

  it('follows the app\'s Settings file: WebP once "Optimise pictures" is on there', async () => {
    await mkdir(fx.dataDir, { recursive: true });
    await writeFile(
      join(fx.dataDir, 'settings.json'),
      JSON.stringify({ imageOptimize: true, imageFormat: 'webp', imageQuality: 70 }),
    );
    const png = await writeScreenshotPng(fx.dir, 'board.png');
    const bytes = await watchUntilUploaded(
      [],
      () => copyFile(png, join(fx.watched, 'board.png')),
      'board.webp',
    );
    expect((await sharp(bytes).metadata()).format).toBe('webp');
  });

  it('refuses contradicting image options before anything is saved', async () => {
    const { code, stderr } = await start(['watch', fx.watched, '--no-optimize', '--quality', '70']).done;
    expect(code).not.toBe(0);
    expect(stderr).toContain('--no-optimize sends pictures as they are; leave out the other image options');
    expect((await start(['watch', '--list']).done).stdout).toContain('No folders are watched');
  });
});
