// "Pictures with a location": the first photo with a GPS position that would go up with it raises one
// question in the window; the answer is kept and applied (real photos made by sharp, the emulator, the
// uploaded bytes read back with exifr).
import { readFile } from 'node:fs/promises';
import exifr from 'exifr';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp } from '../harness';
import { storedBytes, uploadedEntry } from '../support/finished-upload';
import type { TestApp } from '../harness';
import type { LocationQuestion } from '../../src/shared/ipc-contract';
import { writePhotoWithGps, writeScreenshotPng } from '../support/test-images';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function startAsking(): Promise<{ app: TestApp; shown: () => number }> {
  let shown = 0;
  app = await startTestApp({
    savedKey: 'kie-test-key-0123456789abcdef',
    settings: { copyOnUpload: false },
    desktop: { askAboutLocation: { showWindow: () => (shown += 1) } },
  });
  return { app, shown: () => shown };
}

const questions = (a: TestApp): LocationQuestion[] =>
  a.events
    .filter((e) => e.event === 'location-question' && e.payload !== null)
    .map((e) => e.payload as LocationQuestion);

describe('a picture with a GPS position, while "Pictures with a location" is "ask"', () => {
  it('asks once for two photos at once; "remove" strips both, is saved, and the next photo is not asked about', async () => {
    const { app: a, shown } = await startAsking();
    const h = a.service.handlers;
    expect((await h['settings:get']()).locationInPictures).toBe('ask');
    const first = await writePhotoWithGps(a.filesDir, 'IMG_1.jpg');
    const second = await writePhotoWithGps(a.filesDir, 'IMG_2.jpg');
    const jobs = await h['upload:files']([first, second], {});

    const question = await a.waitForEvent('location-question', (q) => q !== null, 20_000);
    expect(['IMG_1.jpg', 'IMG_2.jpg']).toContain(question?.fileName);
    expect(await h['location:pending']()).toEqual(question);
    // Nothing went up while the question was open.
    expect(a.emulator.log.filter((e) => e.path.includes('upload'))).toHaveLength(0);
    expect(await h['location:answer'](question?.id ?? 0, 'remove')).toBe(true);

    for (const job of jobs) {
      const entry = await uploadedEntry(a, job);
      expect(entry.fileName).toMatch(/^IMG_[12]\.jpg$/u);
      expect(await exifr.gps(await storedBytes(a, entry))).toBeUndefined();
    }
    expect(questions(a)).toHaveLength(1);
    expect(shown()).toBe(1);
    expect((await h['settings:get']()).locationInPictures).toBe('remove');
    expect(await h['location:pending']()).toBeNull();

    const [third] = await h['upload:files']([await writePhotoWithGps(a.filesDir, 'IMG_3.jpg')], {});
    const entry = await uploadedEntry(a, third);
    expect(await exifr.gps(await storedBytes(a, entry))).toBeUndefined();
    expect(questions(a)).toHaveLength(1);
  }, 90_000);

  it('never asks about a picture without a position; "keep" sends the photo as it is, and is not asked again', async () => {
    const { app: a } = await startAsking();
    const h = a.service.handlers;
    const png = await writeScreenshotPng(a.filesDir, 'Screenshot 1.png');
    const [plain] = await h['upload:files']([png], {});
    const asIs = await uploadedEntry(a, plain);
    expect((await storedBytes(a, asIs)).equals(await readFile(png))).toBe(true);
    expect(questions(a)).toHaveLength(0);

    const photo = await writePhotoWithGps(a.filesDir, 'IMG_9.jpg');
    const [job] = await h['upload:files']([photo], {});
    const question = await a.waitForEvent('location-question', (q) => q !== null, 20_000);
    expect(question?.fileName).toBe('IMG_9.jpg');
    await h['location:answer'](question?.id ?? 0, 'keep');
    const entry = await uploadedEntry(a, job);
    const bytes = await storedBytes(a, entry);
    expect(bytes.equals(await readFile(photo))).toBe(true);
    expect((await exifr.gps(bytes))?.latitude).toBeCloseTo(52.5167, 3);
    expect((await h['settings:get']()).locationInPictures).toBe('keep');

    const [again] = await h['upload:files']([await writePhotoWithGps(a.filesDir, 'IMG_10.jpg')], {});
    expect(await exifr.gps(await storedBytes(a, await uploadedEntry(a, again)))).toBeDefined();
    expect(questions(a)).toHaveLength(1);
  }, 90_000);

  it('without a window to ask (the core on its own), sends the photo as it is and asks nothing', async () => {
    app = await startTestApp({
      savedKey: 'kie-test-key-0123456789abcdef',
      settings: { copyOnUpload: false },
    });
    const h = app.service.handlers;
    const photo = await writePhotoWithGps(app.filesDir, 'IMG_5.jpg');
    const [job] = await h['upload:files']([photo], {});
    const entry = await uploadedEntry(app, job);
    expect((await storedBytes(app, entry)).equals(await readFile(photo))).toBe(true);
    expect(questions(app)).toHaveLength(0);
    expect((await h['settings:get']()).locationInPictures).toBe('ask');
  }, 90_000);
});
