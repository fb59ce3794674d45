// With "Optimise pictures" on, a screenshot dropped on the Upload screen goes up as WebP, and its History
// row says what that saved: the original's size, an arrow, and the uploaded size.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { historyNames, historyRow, navButton, uploadByDrop } from './support/page-actions';
import { makeTempDir } from '../support/temp-files';
import { writeScreenshotPng } from '../support/test-images';

let run: E2eRun;

beforeAll(async () => {
  run = await startE2eRun({ saveKey: true, settings: { imageOptimize: true, imageFormat: 'webp' } });
  await navButton(run.page, 'Upload').waitFor({ timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await run?.dispose();
});

describe('an optimised picture in History', () => {
  it('is listed under its WebP name with the saving on its row', async () => {
    const scratch = await makeTempDir('kiedrop-e2e-shot-');
    const png = await readFile(await writeScreenshotPng(scratch, 'shot.png'));
    await uploadByDrop(run, 'shot.png', png);
    await navButton(run.page, 'History').click();
    await expect.poll(() => historyNames(run.page), { timeout: 15_000 }).toEqual(['shot.webp']);
    const saving = historyRow(run.page, 'shot.webp').getByTestId('image-saving');
    // e.g. "1.3 MB → 240 KB": the original first, then what was uploaded.
    await expect
      .poll(() => saving.textContent(), { timeout: 15_000 })
      .toMatch(/^[\d.]+ [KM]B → [\d.]+ [KM]?B$/u);
  });
});
