// The "Pictures" group of a watched folder on the Watch screen: a camera folder is offered with location
// removal on in the add dialog, and the folder's own choices, set in its settings, shape its next upload.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { writeScreenshotPng } from '../support/test-images';
import { startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';

const FOLDER = 'DCIM';
let run: E2eRun | undefined;
afterAll(async () => {
  await run?.dispose();
});

describe('pictures of a watched folder', () => {
  it('adds a camera folder with location removal on, and uploads by the choices made in its settings', async () => {
    run = await startE2eRun({ saveKey: true });
    const { page, h } = run;
    const inbox = join(run.root, FOLDER);
    await mkdir(inbox);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Watch', exact: true })
      .click({ timeout: 30_000 });

    h.dialogs.nextPickedFolder = inbox;
    await page.getByRole('button', { name: 'Add folder…', exact: true }).first().click();
    const dialog = page.getByTestId('watch-add-dialog');
    await expect.poll(() => dialog.isVisible(), { timeout: 15_000 }).toBe(true);
    const dialogStrip = dialog.getByRole('radiogroup', {
      name: 'Remove location and camera data',
      exact: true,
    });
    expect(await dialogStrip.getByRole('radio', { name: 'Always', exact: true }).isChecked()).toBe(true);
    const dialogMode = dialog.getByRole('radiogroup', { name: 'Pictures from this folder', exact: true });
    expect(await dialogMode.getByRole('radio', { name: 'Follow Settings', exact: true }).isChecked()).toBe(
      true,
    );
    await dialog.getByRole('button', { name: 'Start watching', exact: true }).click();
    await expect.poll(() => h.service.watch.list()[0]?.imageStrip, { timeout: 15_000 }).toBe('always');

    const card = page
      .getByTestId('watch-folder')
      .filter({ has: page.getByRole('heading', { name: FOLDER }) });
    await card
      .getByRole('button', { name: `Settings for ${FOLDER}`, exact: true })
      .click({ timeout: 30_000 });
    const group = card.getByTestId('watch-images');
    const mode = group.getByRole('radiogroup', { name: 'Pictures from this folder', exact: true });
    await mode.getByRole('radio', { name: 'Optimise', exact: true }).click();
    await expect.poll(() => h.service.watch.list()[0]?.imageMode, { timeout: 10_000 }).toBe('optimize');
    const format = group.getByRole('radiogroup', { name: 'Format', exact: true });
    await format.getByRole('radio', { name: 'JPEG', exact: true }).click();
    await expect.poll(() => h.service.watch.list()[0]?.imageFormat, { timeout: 10_000 }).toBe('jpeg');
    const strip = group.getByRole('radiogroup', { name: 'Remove location and camera data', exact: true });
    await strip.getByRole('radio', { name: 'Never', exact: true }).click();
    await expect.poll(() => h.service.watch.list()[0]?.imageStrip, { timeout: 10_000 }).toBe('never');
    await expect
      .poll(() => strip.getByRole('radio', { name: 'Never', exact: true }).isChecked(), { timeout: 10_000 })
      .toBe(true);

    await writeScreenshotPng(inbox, 'IMG_0001.png');
    await expect
      .poll(() => h.engine.history.list({ limit: 10 }).entries.map((e) => e.fileName), { timeout: 30_000 })
      .toEqual(['IMG_0001.jpg']);
    const entry = h.engine.history.list({ limit: 1 }).entries[0];
    const stored = run.emulator.storedFile(entry?.filePath ?? '');
    expect((await sharp(stored ?? '').metadata()).format).toBe('jpeg');
  }, 180_000);
});
