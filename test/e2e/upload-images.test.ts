// The Upload screen's "Pictures" choice, for what is dropped there: "Optimise" sends a PNG as WebP though
// Settings say not to optimise, and "Send as they are" sends it unchanged though Settings say to. The
// choice fits the smallest window the app allows.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { MAIN_WINDOW_MIN_SIZE } from '../../src/main/main-window-size';
import type { HistoryEntry } from '../../src/shared/ipc-contract';
import { startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { dropFiles, navButton } from './support/page-actions';

const runs: E2eRun[] = [];
afterAll(async () => {
  for (const run of runs) await run.dispose();
});

/** A 480×320 PNG with a gradient and a few stripes, made here so its bytes are known. */
async function testPng(): Promise<Buffer> {
  const width = 480;
  const height = 320;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = (x * 255) / width;
      pixels[i + 1] = (y * 255) / height;
      pixels[i + 2] = y % 40 < 4 ? 30 : 200;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

function pictures(page: Page) {
  return page.getByRole('group', { name: 'Pictures', exact: true });
}

/** Waits for the history entry uploaded under this name. */
async function uploadedAs(run: E2eRun, fileName: string): Promise<HistoryEntry> {
  let found: HistoryEntry | undefined;
  await expect
    .poll(
      async () => {
        const page = await run.h.handlers['history:list']({ search: fileName });
        found = page.entries.find((e) => e.fileName === fileName);
        return found !== undefined;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return found as HistoryEntry;
}

/** The right edges of the choice's controls that lie past the window's right edge. */
async function pastRightEdge(page: Page): Promise<string[]> {
  const width = page.viewportSize()?.width ?? 0;
  const out: string[] = [];
  for (const control of await pictures(page).locator('input, [role="radio"]').all()) {
    const box = await control.boundingBox();
    if (box && box.x + box.width > width + 1) out.push((await control.getAttribute('aria-label')) ?? '');
  }
  return out;
}

describe("the Upload screen's picture choice", () => {
  it('optimises a dropped PNG to WebP while Settings say not to optimise, in the smallest window', async () => {
    const run = await startE2eRun({ saveKey: true, viewport: MAIN_WINDOW_MIN_SIZE });
    runs.push(run);
    const { page, h } = run;
    await navButton(page, 'Upload').click();
    const group = pictures(page);
    await group.waitFor({ timeout: 15_000 });
    // Settings' own choice is said in the option that follows it.
    expect(
      await group.getByRole('radio', { name: 'As in Settings (sent as they are)', exact: true }).isChecked(),
    ).toBe(true);

    await group.getByRole('radio', { name: 'Optimise', exact: true }).check();
    await group.getByRole('radio', { name: 'WebP', exact: true }).click();
    await group.getByRole('radio', { name: '75', exact: true }).click();
    await group.getByRole('radio', { name: '1280 px', exact: true }).click();
    expect(await group.getByRole('radio', { name: '75', exact: true }).getAttribute('aria-checked')).toBe(
      'true',
    );
    expect(await pastRightEdge(page)).toEqual([]);
    await run.snapshot('upload-images-640');

    const png = await testPng();
    await h.dropFile('Chart.png', png);
    await dropFiles(page, ['Chart.png']);
    const entry = await uploadedAs(run, 'Chart.webp');
    const meta = await sharp(run.emulator.storedFile(entry.filePath)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 480, 320]);
    expect((await h.handlers['settings:get']()).imageOptimize).toBe(false);
  }, 180_000);

  it('sends a dropped PNG as it is while Settings say to optimise', async () => {
    const run = await startE2eRun({
      saveKey: true,
      settings: { imageOptimize: true, imageFormat: 'webp', imageQuality: 80, stripMetadata: true },
    });
    runs.push(run);
    const { page, h } = run;
    await navButton(page, 'Upload').click();
    const group = pictures(page);
    await group.waitFor({ timeout: 15_000 });
    const asInSettings = group.getByRole('radio', {
      name: 'As in Settings (WebP 80, metadata removed)',
      exact: true,
    });
    await expect.poll(() => asInSettings.count(), { timeout: 15_000 }).toBe(1);

    await group.getByRole('radio', { name: 'Send as they are', exact: true }).check();
    const png = await testPng();
    await h.dropFile('Diagram.png', png);
    await dropFiles(page, ['Diagram.png']);
    const entry = await uploadedAs(run, 'Diagram.png');
    const stored = run.emulator.storedFile(entry.filePath);
    expect(stored).toBeDefined();
    expect((await readFile(stored as string)).equals(png)).toBe(true);
  }, 180_000);
});
