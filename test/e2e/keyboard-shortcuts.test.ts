// Keyboard shortcuts a person can find: the screen buttons and "Choose files" name theirs in a tooltip,
// "?" opens a sheet listing all of them, and Ctrl+O (⌘O on macOS) opens "Choose files" from any screen.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { jobRow, navButton } from './support/page-actions';

let run: E2eRun;

beforeAll(async () => {
  run = await startE2eRun({ saveKey: true });
  await navButton(run.page, 'Upload').waitFor({ timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await run?.dispose();
});

describe('keyboard shortcuts', () => {
  it('are named in the tooltips of the screen buttons and of "Choose files"', async () => {
    const { page } = run;
    expect(await navButton(page, 'Upload').getAttribute('title')).toBe('Upload (Ctrl+1)');
    expect(await navButton(page, 'History').getAttribute('title')).toBe('History (Ctrl+2)');
    const choose = page.getByRole('button', { name: 'Choose files…' });
    expect(await choose.getAttribute('title')).toBe('Choose files to upload (Ctrl+O)');
  });

  it('"?" opens the list of every shortcut, Escape closes it, and "?" typed in a field stays text', async () => {
    const { page } = run;
    await page.locator('body').press('?');
    const sheet = page.getByTestId('shortcuts-sheet');
    await expect.poll(() => sheet.isVisible()).toBe(true);
    expect(await sheet.getByRole('heading').textContent()).toBe('Keyboard shortcuts');
    const text = (await sheet.textContent()) ?? '';
    for (const part of [
      'Go to History',
      'Ctrl+2',
      'Choose files to upload',
      'Ctrl+O',
      'Upload the clipboard, from any app',
      'Ctrl+Shift+U',
    ]) {
      expect(text).toContain(part);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);

    const path = page.getByLabel('Upload path', { exact: true });
    await path.fill('');
    await path.press('?');
    expect(await path.inputValue()).toBe('?');
    expect(await sheet.count()).toBe(0);
    await path.fill('');
  });

  it('Ctrl+O opens "Choose files" from another screen, and what is picked uploads', async () => {
    const { page, h } = run;
    await navButton(page, 'History').click();
    const file = join(h.dropDir, 'receipt.txt');
    await writeFile(file, 'a receipt');
    h.dialogs.nextPickedFiles = [file];
    const before = h.dialogs.pickRequests;
    await page.locator('body').press('Control+o');
    await expect.poll(() => h.dialogs.pickRequests).toBe(before + 1);
    await expect.poll(() => navButton(page, 'Upload').getAttribute('aria-current')).toBe('page');
    await expect
      .poll(() => jobRow(page, 'receipt.txt').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('done');
  });
});
