// What a person does in the window, as Playwright steps: drop files on the drop zone, switch screens,
// read the rows. Page-side code is written against globalThis because the Node tsconfig has no DOM types.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Drops files with these names on the drop zone, as a file manager would (dragenter, dragover, drop).
 * The harness resolves dropped names against its drop folder, so write them there first (h.dropFile). */
export async function dropFiles(page: Page, names: readonly string[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    (fileNames) => {
      const g = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: string[], name: string) => unknown;
      };
      const dt = new g.DataTransfer();
      for (const name of fileNames) dt.items.add(new g.File(['placeholder'], name));
      return dt;
    },
    [...names],
  );
  const zone = page.getByTestId('drop-zone');
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
  await dataTransfer.dispose();
}

export function navButton(page: Page, name: 'Upload' | 'History' | 'Settings'): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });
}

export function jobRow(page: Page, fileName: string): Locator {
  return page.getByTestId('job-row').filter({ has: page.locator('.job-name', { hasText: fileName }) });
}

export function historyRow(page: Page, fileName: string): Locator {
  return page
    .getByTestId('history-row')
    .filter({ has: page.locator('.history-name').getByText(fileName, { exact: true }) });
}

/** The names shown in the history list, top to bottom (only the rows the virtual list has drawn). */
export async function historyNames(page: Page): Promise<string[]> {
  return page
    .getByTestId('history-list')
    .locator('[data-testid="history-row"] .history-name')
    .allTextContents();
}

/** Writes a file into the drop folder, drops it on the Upload screen and waits until it is uploaded.
 * Returns the file's path. */
export async function uploadByDrop(
  run: { page: Page; h: { dropFile(name: string, content: string | Uint8Array): Promise<string> } },
  name: string,
  content: string | Uint8Array = `contents of ${name}\n`,
): Promise<string> {
  const { page, h } = run;
  const path = await h.dropFile(name, content);
  await navButton(page, 'Upload').click();
  await dropFiles(page, [name]);
  await expect.poll(() => jobRow(page, name).getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
  return path;
}
