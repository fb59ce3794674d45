// Image optimisation as part of the durable upload job, against the emulator: what arrives is the
// processed picture under the new format's name, history keeps both sizes, and no temp file stays.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMAGE_OPTIONS, IMAGE_TEMP_FOLDER_NAME } from '../../src/main/core/images';
import { answeredUploads, storedBytes } from '../support/emulator-records';
import { useEngineFixture } from '../support/engine-fixture';
import { writeFileIn } from '../support/temp-files';
import { writePhotoWithGps, writeScreenshotPng } from '../support/test-images';

const fx = useEngineFixture('kiedrop-engine-images-', { retry: { baseDelayMs: 20, maxDelayMs: 200 } });

const sizesOf = (engine: ReturnType<typeof fx.open>, historyId: number): Record<string, unknown> =>
  engine.db.conn
    .prepare('SELECT original_size, uploaded_size, image_note FROM history WHERE id = ?')
    .get(historyId) as Record<string, unknown>;

const tempFiles = async (): Promise<string[]> =>
  readdir(join(fx.dataDir, IMAGE_TEMP_FOLDER_NAME)).catch(() => []);

describe('uploading with image optimisation', () => {
  it('sends a PNG screenshot as WebP named .webp, records both sizes, and leaves no temp file', async () => {
    const png = await writeScreenshotPng(fx.dir, 'Screenshot 1.png');
    const original = await readFile(png);
    const engine = fx.open();
    await engine.queue.enqueueFiles([png], {
      source: 'manual',
      uploadPath: 'shots',
      batchId: 'b',
      image: DEFAULT_IMAGE_OPTIONS,
    });
    const [job] = await engine.queue.runUntilIdle({ batchId: 'b' });
    expect(job?.status).toBe('done');
    const entry = engine.history.getByJobId(job?.id ?? 0);
    expect(entry?.fileName).toBe('Screenshot 1.webp');
    const stored = await storedBytes(fx.emulator, entry?.filePath ?? '');
    expect((await sharp(stored).metadata()).format).toBe('webp');
    const sizes = sizesOf(engine, entry?.id ?? 0);
    expect(sizes.original_size).toBe(original.length);
    expect(sizes.uploaded_size).toBe(stored.length);
    expect(stored.length).toBeLessThan(original.length);
    expect(sizes.image_note).toBeNull();
    // What History lists: the saving, from the entry itself.
    expect(engine.history.list({ limit: 10 }).entries[0]?.image).toEqual({
      originalSize: original.length,
      uploadedSize: stored.length,
      note: null,
      noteCode: null,
    });
    expect(answeredUploads(fx.emulator)).toBe(1);
    expect(await tempFiles()).toEqual([]);
    // The user's file is untouched.
    expect((await readFile(png)).equals(original)).toBe(true);
  });

  it('uploads a phone photo upright and without its GPS position', async () => {
    const photo = await writePhotoWithGps(fx.dir);
    const engine = fx.open();
    await engine.queue.enqueueFiles([photo], {
      source: 'manual',
      uploadPath: 'photos',
      batchId: 'b',
      image: { ...DEFAULT_IMAGE_OPTIONS, format: 'jpeg', quality: 75 },
    });
    const [job] = await engine.queue.runUntilIdle({ batchId: 'b' });
    const entry = engine.history.getByJobId(job?.id ?? 0);
    expect(entry?.fileName).toBe('photo.jpg');
    const stored = await storedBytes(fx.emulator, entry?.filePath ?? '');
    const meta = await sharp(stored).metadata();
    expect([meta.width, meta.height]).toEqual([800, 1200]);
    expect(await exifr.gps(stored)).toBeUndefined();
  });

  it('sends a corrupt picture and a PDF unchanged, with the note in history', async () => {
    const png = await readFile(await writeScreenshotPng(fx.dir));
    const corrupt = await writeFileIn(
      fx.dir,
      'broken.png',
      Buffer.concat([png.subarray(0, 64), Buffer.alloc(3000, 9)]),
    );
    const pdf = await writeFileIn(
      fx.dir,
      'paper.pdf',
      '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n',
    );
    const engine = fx.open();
    await engine.queue.enqueueFiles([corrupt, pdf], {
      source: 'manual',
      uploadPath: 'docs',
      batchId: 'b',
      image: DEFAULT_IMAGE_OPTIONS,
    });
    const jobs = await engine.queue.runUntilIdle({ batchId: 'b' });
    expect(jobs.map((j) => j.status)).toEqual(['done', 'done']);
    for (const [i, path] of [corrupt, pdf].entries()) {
      const entry = engine.history.getByJobId(jobs[i]?.id ?? 0);
      expect(entry?.fileName).toBe(i === 0 ? 'broken.png' : 'paper.pdf');
      const stored = await storedBytes(fx.emulator, entry?.filePath ?? '');
      expect(stored.equals(await readFile(path))).toBe(true);
      // Stored as a code; the entry says it in English too (for the command line).
      const code = i === 0 ? 'unreadable' : 'not-an-image';
      expect(sizesOf(engine, entry?.id ?? 0).image_note).toBe(code);
      expect(entry?.image?.noteCode).toBe(code);
      expect(entry?.image?.note).toMatch(/sent unchanged\.$/);
    }
  });

  it('removes processed files left by a crash when the queue starts', async () => {
    const folder = join(fx.dataDir, IMAGE_TEMP_FOLDER_NAME);
    await writeFileIn(folder, 'job-41.webp', 'left by a crash');
    await writeFileIn(folder, 'job-42.avif.part', 'half written');
    const engine = fx.open();
    await engine.queue.runUntilIdle();
    expect(await tempFiles()).toEqual([]);
  });
});
