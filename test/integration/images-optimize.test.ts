// Image optimisation on real pictures made by sharp: orientation applied before metadata is stripped,
// screenshots converted to WebP, and anything that is not a readable picture passed through untouched.
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_IMAGE_OPTIONS, nameWithExtension, optimizeImage } from '../../src/main/core/images';
import { makeTempDir, writeFileIn } from '../support/temp-files';
import { writePhotoWithGps, writeScreenshotPng } from '../support/test-images';

let dir = '';
let tempDir = '';
beforeEach(async () => {
  dir = await makeTempDir('kiedrop-images-');
  tempDir = join(dir, 'data', 'tmp');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('optimizeImage', () => {
  it('turns a sideways phone photo upright, removes its GPS position, and makes it smaller', async () => {
    const photo = await writePhotoWithGps(dir);
    const before = await readFile(photo);
    expect((await exifr.gps(before))?.latitude).toBeCloseTo(52.5167, 3);

    const out = await optimizeImage(
      photo,
      { ...DEFAULT_IMAGE_OPTIONS, format: 'jpeg', quality: 75 },
      tempDir,
    );

    expect(out.processed).toBe(true);
    expect(out.note).toBeNull();
    expect(out.extension).toBe('jpg');
    expect(out.size).toBeLessThan(out.originalSize);
    const after = await readFile(out.path);
    const meta = await sharp(after).metadata();
    // Stored 1200×800 with orientation 6: upright it is 800 wide and 1200 high.
    expect([meta.width, meta.height]).toEqual([800, 1200]);
    expect(meta.orientation ?? 1).toBe(1);
    expect(await exifr.gps(after)).toBeUndefined();
    expect(meta.exif).toBeUndefined();
    // The user's original is untouched.
    expect((await readFile(photo)).equals(before)).toBe(true);
  });

  it('keeps the GPS position when stripping is off, still upright', async () => {
    const photo = await writePhotoWithGps(dir);
    const out = await optimizeImage(
      photo,
      { format: 'jpeg', quality: 70, maxSide: null, stripMetadata: false },
      tempDir,
    );
    const after = await readFile(out.path);
    const meta = await sharp(after).metadata();
    expect([meta.width, meta.height]).toEqual([800, 1200]);
    expect((await exifr.gps(after))?.latitude).toBeCloseTo(52.5167, 3);
  });

  it('makes a PNG screenshot a WebP whose upload name ends in .webp', async () => {
    const png = await writeScreenshotPng(dir);
    const out = await optimizeImage(png, DEFAULT_IMAGE_OPTIONS, tempDir);
    expect(out.processed).toBe(true);
    expect(out.size).toBeLessThan(out.originalSize);
    expect((await sharp(out.path).metadata()).format).toBe('webp');
    expect(nameWithExtension('Screenshot 2026-12-07.png', out.extension)).toBe('Screenshot 2026-12-07.webp');
  });

  it('shrinks the longest side to the limit', async () => {
    const png = await writeScreenshotPng(dir);
    const out = await optimizeImage(png, { ...DEFAULT_IMAGE_OPTIONS, maxSide: 720 }, tempDir);
    const meta = await sharp(out.path).metadata();
    expect([meta.width, meta.height]).toEqual([720, 450]);
  });

  it('passes a corrupt picture and a PDF through unchanged, with a note', async () => {
    const png = await readFile(await writeScreenshotPng(dir));
    // A real PNG signature and header, then garbage where the pixels should be.
    const corrupt = await writeFileIn(
      dir,
      'broken.png',
      Buffer.concat([png.subarray(0, 64), Buffer.alloc(4000, 7)]),
    );
    const pdf = await writeFileIn(dir, 'paper.pdf', '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

    for (const path of [corrupt, pdf]) {
      const out = await optimizeImage(path, DEFAULT_IMAGE_OPTIONS, tempDir);
      expect(out.processed).toBe(false);
      expect(out.path).toBe(path);
      expect(out.extension).toBeNull();
      expect(out.size).toBe((await stat(path)).size);
      expect(out.note).toBe(path === pdf ? 'not-an-image' : 'unreadable');
    }
    // Nothing half-written is left behind.
    expect(await readdir(tempDir).catch(() => [])).toEqual([]);
  });

  it('sends the original when the result would not be smaller', async () => {
    // A tiny already-optimal WebP without metadata: re-encoding at top quality only grows it.
    const tiny = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
      .webp({ quality: 10 })
      .toBuffer();
    const path = await writeFileIn(dir, 'tiny.webp', tiny);
    const out = await optimizeImage(
      path,
      { format: 'webp', quality: 100, maxSide: null, stripMetadata: true },
      tempDir,
    );
    expect(out.processed).toBe(false);
    expect(out.path).toBe(path);
    expect(out.note).toBe('not-smaller');
    expect(await readdir(tempDir)).toEqual([]);
  });
});
