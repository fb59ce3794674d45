// The Upload screen on the real built renderer, against the real app service and the emulator, at the
// app's default window size: what its toasts, progress line, rows and dialogs tell the person must be
// what really happened, and what they clear away stays cleared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEST_KEY } from '../emulator/index';
import { launchHarness } from '../harness';
import type { Harness } from '../harness';
import { dropFiles, jobRow } from '../e2e/support/page-actions';
import { picture } from '../e2e/support/sample-files';

let h: Harness;

/** The main window's default content size (src/main/main-window.ts). */
const DEFAULT_WINDOW = { width: 960, height: 680 };

beforeAll(async () => {
  h = await launchHarness({
    savedKey: DEFAULT_TEST_KEY,
    viewport: DEFAULT_WINDOW,
    // One upload at a time, so a slowed answer holds the rest of a batch back.
    settings: { concurrency: 1 },
  });
  await h.page.getByTestId('drop-zone').waitFor({ timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await h?.close();
});

const toast = () => h.page.getByTestId('announcer');
const rows = () => h.page.getByTestId('job-row');

async function clearFinished(): Promise<void> {
  const button = h.page.getByRole('button', { name: 'Clear finished' });
  // Every row on screen has finished by now; the button shows once the list has caught up.
  if ((await rows().count()) > 0) await button.click();
  await expect.poll(() => rows().count()).toBe(0);
}

describe('the Upload screen', () => {
  it('keeps "Upload clipboard" at its full height at the default window size', async () => {
    const box = await h.page.getByTestId('upload-clipboard').boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(32);
  });

  it('states the same 10 MB Base64 limit in the hint as the error does', async () => {
    await h.page.getByRole('radio', { name: 'Base64' }).click();
    try {
      const hint = h.page.getByTestId('method-hint');
      await expect.poll(() => hint.textContent(), { timeout: 10_000 }).toBe('For small files (up to 10 MB).');
    } finally {
      await h.page.getByRole('radio', { name: 'Stream' }).click();
    }
  });

  it('says "link copied" only once the links are really on the clipboard', async () => {
    await h.dropFile('first-of-two.txt', 'one');
    await h.dropFile('second-of-two.txt', 'two');
    const before = h.clipboard.texts.length;
    // Both answers slowed: the first file is done well before the batch ends and its links are copied.
    h.emulator.faults.add({ path: '/api/file-stream-upload', latencyMs: 1500, times: 2 });
    await dropFiles(h.page, ['first-of-two.txt', 'second-of-two.txt']);
    await expect.poll(() => toast().textContent(), { timeout: 15_000 }).toContain('first-of-two.txt');
    expect(h.clipboard.texts.length).toBe(before);
    expect(await toast().textContent()).not.toMatch(/copied/i);
    await expect.poll(() => h.clipboard.texts.length, { timeout: 15_000 }).toBe(before + 1);
    await expect.poll(() => toast().textContent(), { timeout: 5_000 }).toBe('2 links copied');
  });

  it('never says "link copied" for a watched-folder upload, which copies nothing', async () => {
    const before = h.clipboard.texts.length;
    const path = await h.dropFile('watched-shot.png', picture('ocean'));
    await h.engine.queue.enqueueFiles([path], { source: 'watch', uploadPath: 'kiedrop' });
    h.engine.queue.start();
    await expect.poll(() => toast().textContent(), { timeout: 15_000 }).toBe('watched-shot.png uploaded');
    expect(h.clipboard.texts.length).toBe(before);
    await expect.poll(() => jobRow(h.page, 'watched-shot.png').getAttribute('data-status')).toBe('done');
  });

  it('shows each finished upload with its preview, its expiry and "Copy all links" for the batch', async () => {
    await clearFinished();
    await h.dropFile('preview-a.png', picture('sunset'));
    await h.dropFile('preview-b.png', picture('blossom'));
    await dropFiles(h.page, ['preview-a.png', 'preview-b.png']);
    for (const name of ['preview-a.png', 'preview-b.png'])
      await expect
        .poll(() => jobRow(h.page, name).getAttribute('data-status'), { timeout: 15_000 })
        .toBe('done');
    const row = jobRow(h.page, 'preview-a.png');
    await expect.poll(() => row.locator('img.thumb').count(), { timeout: 5_000 }).toBe(1);
    expect(await row.getByTestId('expiry').textContent()).toMatch(/^expires in 2 d 23 h|^expires in 3 d/);
    const before = h.clipboard.texts.length;
    await h.page.getByRole('button', { name: 'Copy all links' }).click();
    await expect.poll(() => h.clipboard.texts.length).toBe(before + 1);
    const urls = h.engine.history
      .list({ search: 'preview-' })
      .entries.map((e) => e.downloadUrl)
      .sort();
    expect(h.clipboard.last()?.split('\n').sort()).toEqual(urls);
  });

  it('still shows a finished row with its link, expiry and preview after the window reloads', async () => {
    await h.page.reload();
    await h.page.getByTestId('drop-zone').waitFor();
    const row = jobRow(h.page, 'preview-a.png');
    await expect.poll(() => row.getByTestId('expiry').count(), { timeout: 10_000 }).toBe(1);
    const entry = h.engine.history.list({ search: 'preview-a' }).entries[0];
    expect(await row.locator('.job-link').textContent()).toBe(entry?.downloadUrl);
    await expect.poll(() => row.locator('img.thumb').count(), { timeout: 5_000 }).toBe(1);
  });

  it('keeps cleared rows cleared after the window reloads', async () => {
    expect(await rows().count()).toBeGreaterThan(0);
    await clearFinished();
    await h.page.reload();
    await h.page.getByTestId('drop-zone').waitFor();
    // The list arrives shortly after the page: give it time to (wrongly) bring rows back.
    await h.page.waitForResponse(() => true, { timeout: 1000 }).catch(() => undefined);
    await h.page.waitForTimeout(1000);
    expect(await rows().count()).toBe(0);
  });

  it('offers no Retry for a missing file, and lets the failed row be dismissed', async () => {
    await dropFiles(h.page, ['never-written.txt']);
    const row = jobRow(h.page, 'never-written.txt');
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 10_000 }).toBe('failed');
    expect(await row.getByRole('button', { name: /Retry/ }).count()).toBe(0);
    await row.getByRole('button', { name: 'Dismiss never-written.txt' }).click();
    await expect.poll(() => row.count()).toBe(0);
    await h.page.reload();
    await h.page.getByTestId('drop-zone').waitFor();
    await h.page.waitForTimeout(1000);
    expect(await row.count()).toBe(0);
  });

  it('shows a failed batch as 0 % with its failures in words, and retries every failure at once', async () => {
    await clearFinished();
    await h.dropFile('refused-a.txt', 'a');
    await h.dropFile('refused-b.txt', 'b');
    h.emulator.faults.add({
      path: '/api/file-stream-upload',
      status: 422,
      times: 2,
      msg: 'Refused by the test',
    });
    await dropFiles(h.page, ['refused-a.txt', 'refused-b.txt']);
    for (const name of ['refused-a.txt', 'refused-b.txt'])
      await expect
        .poll(() => jobRow(h.page, name).getAttribute('data-status'), { timeout: 15_000 })
        .toBe('failed');
    const overall = h.page.getByRole('progressbar', { name: 'Overall progress' });
    expect(await overall.getAttribute('aria-valuenow')).toBe('0');
    expect(await h.page.locator('.batch-percent').textContent()).toBe('0%');
    expect(await h.page.locator('.batch-summary').textContent()).toMatch(
      /^0 of 2 done · 2 failed · 0 left · 0 B of 2 B$/,
    );

    await h.page.getByRole('button', { name: 'Retry all' }).click();
    for (const name of ['refused-a.txt', 'refused-b.txt'])
      await expect
        .poll(() => jobRow(h.page, name).getAttribute('data-status'), { timeout: 15_000 })
        .toBe('done');
    expect(await h.page.locator('.batch-summary').textContent()).toContain('2 of 2 done · 0 left');
  });

  it('does not keep a chosen name after an upload, and says so when several files cannot take it', async () => {
    await clearFinished();
    const nameField = h.page.getByLabel('File name');
    await nameField.fill('chosen.txt');
    await h.dropFile('multi-a.txt', 'a');
    await h.dropFile('multi-b.txt', 'b');
    await dropFiles(h.page, ['multi-a.txt', 'multi-b.txt']);
    await expect.poll(() => nameField.inputValue()).toBe('');
    await expect
      .poll(() => h.page.getByTestId('upload-note').textContent())
      .toBe(
        '“chosen.txt” was not used: a name can be given to one file only, so the 2 files keep their own names.',
      );
    for (const name of ['multi-a.txt', 'multi-b.txt'])
      await expect
        .poll(() => jobRow(h.page, name).getAttribute('data-status'), { timeout: 15_000 })
        .toBe('done');
    expect(h.engine.history.list({ search: 'chosen' }).total).toBe(0);
  });

  it('asks once, in plain words, before replacing a live link, and can keep both', async () => {
    await clearFinished();
    const nameField = h.page.getByLabel('File name');
    await h.dropFile('draft-1.txt', 'first draft');
    await nameField.fill('report.txt');
    await dropFiles(h.page, ['draft-1.txt']);
    await expect
      .poll(() => jobRow(h.page, 'report.txt').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('done');

    await h.dropFile('draft-2.txt', 'second draft');
    await nameField.fill('report.txt');
    await dropFiles(h.page, ['draft-2.txt']);
    const dialog = h.page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? '';
    expect(text.match(/serve the new file/g)).toHaveLength(1);
    await dialog.getByRole('button', { name: 'Keep both' }).click();
    await expect
      .poll(() => jobRow(h.page, 'report-2.txt').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('done');
    let names = h.engine.history.list({ search: 'report' }).entries.map((e) => e.fileName);
    expect(names.sort()).toEqual(['report-2.txt', 'report.txt']);
    // The name went with that upload: the next one does not take it (and ask again) unasked.
    expect(await nameField.inputValue()).toBe('');

    await h.dropFile('draft-3.txt', 'third draft');
    await nameField.fill('report.txt');
    await dropFiles(h.page, ['draft-3.txt']);
    await dialog.getByRole('button', { name: 'Replace' }).click();
    await expect.poll(() => nameField.inputValue()).toBe('');
    await h.dropFile('unrelated.txt', 'something else');
    await dropFiles(h.page, ['unrelated.txt']);
    await expect
      .poll(() => jobRow(h.page, 'unrelated.txt').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('done');
    expect(await dialog.count()).toBe(0);
    names = h.engine.history.list({ search: 'report' }).entries.map((e) => e.fileName);
    expect(names.sort()).toEqual(['report-2.txt', 'report.txt', 'report.txt']);
  });
});
