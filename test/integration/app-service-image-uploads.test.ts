// The app's uploads follow Settings' picture processing: a screenshot dropped on the window goes up as
// WebP when "Optimise pictures" is on, and as it is when it is off.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../harness';
import { storedBytes, uploadedEntry } from '../support/finished-upload';
import type { TestApp } from '../harness';
import type { HistoryEntry } from '../../src/shared/ipc-contract';
import { writePhotoWithGps, writeScreenshotPng } from '../support/test-images';
import exifr from 'exifr';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ savedKey: 'kie-test-key-0123456789abcdef', settings: { copyOnUpload: false } });
});
afterAll(async () => {
  await app?.close();
});

describe('uploads from the window with picture settings', () => {
  it('sends a PNG as it is by default, and as WebP once "Optimise pictures" is on', async () => {
    const png = await writeScreenshotPng(app.filesDir, 'Screenshot A.png');
    const h = app.service.handlers;
    const [plain] = await h['upload:files']([png], {});
    const asIs = await uploadedEntry(app, plain);
    expect(asIs.fileName).toBe('Screenshot A.png');
    expect((await storedBytes(app, asIs)).equals(await readFile(png))).toBe(true);

    await h['settings:set']({ imageOptimize: true, imageFormat: 'webp', imageQuality: 70 });
    const [optimised] = await h['upload:files']([png], {});
    const webp = await uploadedEntry(app, optimised);
    expect(webp.fileName).toBe('Screenshot A.webp');
    expect((await sharp(await storedBytes(app, webp)).metadata()).format).toBe('webp');
    await h['settings:set']({ imageOptimize: false });
  });

  it('removes the GPS position of a photo, keeping it a JPEG, when only "Remove metadata" is on', async () => {
    const photo = await writePhotoWithGps(app.filesDir, 'IMG_1.jpg');
    const h = app.service.handlers;
    await h['settings:set']({ stripMetadata: true });
    const [job] = await h['upload:files']([photo], {});
    const entry = await uploadedEntry(app, job);
    const bytes = await storedBytes(app, entry);
    expect(entry.fileName).toBe('IMG_1.jpg');
    expect((await sharp(bytes).metadata()).format).toBe('jpeg');
    expect(await exifr.gps(bytes)).toBeUndefined();
    await h['settings:set']({ stripMetadata: false });
  });

  it('optimises a pasted screenshot too when "Optimise pictures" is on', async () => {
    const h = app.service.handlers;
    await h['settings:set']({ imageOptimize: true, imageFormat: 'webp' });
    app.clipboard.content = {
      imagePng: await readFile(await writeScreenshotPng(app.filesDir, 'pasted.png')),
      filePaths: [],
      text: '',
    };
    const result = await h['clipboard:upload']({});
    expect(result.uploaded).toBe(1);
    const entry = app.service.engine.history.list({ limit: 1 }).entries[0];
    expect(entry?.fileName).toMatch(/\.webp$/u);
    expect((await sharp(await storedBytes(app, entry as HistoryEntry)).metadata()).format).toBe('webp');
    await h['settings:set']({ imageOptimize: false });
  });
});
