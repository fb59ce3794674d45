// The real app (out/main/index.js on the Electron stand-in): a photo with a GPS position uploaded while the
// main window is closed brings the window back with the question, and the answer given there is applied.
import exifr from 'exifr';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { desktopSuite } from '../support/desktop-app';
import { writePhotoWithGps } from '../support/test-images';

const suite = desktopSuite();
const { desktop, history } = suite;

describe('a photo with a location uploaded while the window is closed', () => {
  it('opens the window with the question; "Remove the location" uploads it without its position', async () => {
    const run = await desktop({ settings: { notifications: false, copyOnUpload: false } });
    await run.ready();
    const photo = await writePhotoWithGps(run.filesDir, 'IMG_3001.jpg');
    await run.app.call('closeWindow', { page: 'index' });
    expect(await run.window('index')).toBeUndefined();

    // Upload files… from the tray, with no window open.
    await run.app.call('answerDialogs', { openPaths: [photo] });
    await run.clickTray('Upload files…');
    await expect
      .poll(async () => (await run.window('index'))?.visible ?? false, { timeout: 30_000 })
      .toBe(true);
    await expect
      .poll(
        () =>
          run.locator('index', 'role', 'dialog', 'isVisible', {
            name: 'This picture shows where it was taken',
          }),
        { timeout: 30_000 },
      )
      .toBe(true);
    expect(await run.locator('index', 'role', 'dialog', 'textContent')).toContain('IMG_3001.jpg');
    await run.locator('index', 'role', 'button', 'click', { name: 'Remove the location' });

    await expect
      .poll(async () => (await history(run)).map((e) => e.fileName), { timeout: 30_000 })
      .toEqual(['IMG_3001.jpg']);
    const [entry] = await history(run);
    const bytes = await readFile(suite.emulator.storedFile(entry?.filePath ?? '') ?? '');
    expect(await exifr.gps(bytes)).toBeUndefined();
    const settings = await run.api<{ locationInPictures: string }>('settingsGet');
    expect(settings.ok && settings.value.locationInPictures).toBe('remove');
  }, 120_000);
});
