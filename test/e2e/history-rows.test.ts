// History rows stay true to their own entry while the list changes under them (a row the virtual list
// reuses for another entry never keeps the previous entry's preview), copy as BBCode, and act together
// when several are selected: copy all links, delete with Undo. Show file and drag out follow whether the
// local file is still there.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyEntryNamed, startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { historyNames, historyRow, jobRow, navButton, uploadByDrop } from './support/page-actions';
import { pdfDocument, picture } from './support/sample-files';

const PDF = 'press-kit.pdf';
const PHOTO = 'harbour-photo.png';

let run: E2eRun;

/** Uploads one file through the Upload screen; answers where the file lies on disk. */
function upload(name: string, content: Buffer): Promise<string> {
  return uploadByDrop(run, name, content);
}

beforeAll(async () => {
  run = await startE2eRun({ saveKey: true });
  await navButton(run.page, 'Upload').waitFor({ timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await run?.dispose();
});

describe('history row previews', () => {
  it('a PDF renewed to the top never shows the photo that was drawn in that row before', async () => {
    const { page, h } = run;
    // The PDF first, so the photo is the top row and its preview is drawn there.
    await upload(PDF, pdfDocument('Press kit'));
    await upload(PHOTO, picture('ocean'));
    await navButton(page, 'History').click();
    await expect.poll(() => historyNames(page), { timeout: 15_000 }).toEqual([PHOTO, PDF]);
    await expect
      .poll(() => historyRow(page, PHOTO).locator('img.thumb').count(), { timeout: 15_000 })
      .toBe(1);

    await historyRow(page, PDF)
      .getByRole('button', { name: `Renew ${PDF}: upload it again for a new link` })
      .click();
    await h.waitForEvent('history', (change) => change.added?.fileName === PDF, 30_000);
    await expect.poll(() => historyNames(page), { timeout: 15_000 }).toEqual([PDF, PHOTO, PDF]);

    const top = page.getByTestId('history-list').locator('[data-testid="history-row"]').first();
    // Give a late preview every chance to appear where it does not belong.
    await page.waitForTimeout(500);
    expect(await top.locator('img.thumb').count()).toBe(0);
    expect(await top.locator('.thumb-placeholder').getAttribute('data-kind')).toBe('document');
    // The photo, now one row down, still shows its own preview; no PDF row shows a picture.
    await expect
      .poll(() => historyRow(page, PHOTO).locator('img.thumb').count(), { timeout: 15_000 })
      .toBe(1);
    expect(await historyRow(page, PDF).locator('img.thumb').count()).toBe(0);
  });

  it('copies a link as BBCode from the row’s copy menu', async () => {
    const { page, h } = run;
    await page.getByRole('button', { name: `More copy formats for ${PHOTO}` }).click();
    await page.getByRole('menuitem', { name: 'BBCode' }).click();
    await expect
      .poll(() => h.clipboard.last())
      .toBe(`[img]${historyEntryNamed(run, PHOTO).downloadUrl}[/img]`);
  });
});

describe('selecting several entries', () => {
  const rows = () => run.page.getByTestId('history-list').locator('[data-testid="history-row"]');
  const bulkBar = () => run.page.getByTestId('bulk-bar');
  const engineNames = () =>
    run.h.engine.history
      .list({ limit: 50 })
      .entries.map((e) => e.fileName)
      .sort();

  it('click, Shift+click and Ctrl+click choose rows; Copy links copies each selected link', async () => {
    const { page, h } = run;
    await rows().nth(0).locator('.history-name').click();
    await expect.poll(() => bulkBar().locator('.bulk-count').textContent()).toBe('1 selected');
    await rows()
      .nth(2)
      .locator('.history-name')
      .click({ modifiers: ['Shift'] });
    await expect.poll(() => bulkBar().locator('.bulk-count').textContent()).toBe('3 selected');
    await rows()
      .nth(1)
      .locator('.history-name')
      .click({ modifiers: ['Control'] });
    await expect.poll(() => bulkBar().locator('.bulk-count').textContent()).toBe('2 selected');
    expect(await rows().nth(1).getAttribute('data-selected')).toBeNull();
    // Screen readers hear which rows are selected.
    const labels = await run.page
      .getByTestId('history-list')
      .locator('[role="listitem"]')
      .evaluateAll((items) => items.map((el) => el.getAttribute('aria-label')));
    expect(labels).toEqual([`${PDF}, selected`, PHOTO, `${PDF}, selected`]);

    const pdfs = run.h.engine.history
      .list({ limit: 50 })
      .entries.filter((e) => e.fileName === PDF)
      .map((e) => e.downloadUrl)
      .sort();
    await bulkBar().getByRole('button', { name: 'Copy links (URL)' }).click();
    await expect.poll(() => h.clipboard.last()?.split('\n').sort()).toEqual(pdfs);
    await expect.poll(() => page.getByTestId('announcer').textContent()).toContain('2 links copied as URL');
  });

  it('Ctrl+A selects every row; Delete takes them out at once and Undo brings them back', async () => {
    const { page } = run;
    await rows().nth(0).locator('.history-name').click();
    await page.keyboard.press('Control+a');
    await expect.poll(() => bulkBar().locator('.bulk-count').textContent()).toBe('3 selected');
    await bulkBar().getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => rows().count()).toBe(0);
    const undo = page.getByTestId('undo-bar');
    expect(await undo.textContent()).toContain('3 entries deleted from history');
    await undo.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => historyNames(page), { timeout: 10_000 }).toEqual([PDF, PHOTO, PDF]);
    expect(engineNames()).toEqual([PHOTO, PDF, PDF].sort());
  });

  it('a delete that is not undone removes the entries from history', async () => {
    const { page } = run;
    await rows().nth(1).locator('.history-name').click();
    await bulkBar().getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => historyNames(page)).toEqual([PDF, PDF]);
    await expect.poll(() => page.getByTestId('undo-bar').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => engineNames()).toEqual([PDF, PDF]);
    expect(await historyNames(page)).toEqual([PDF, PDF]);
  });
});

describe('Show file', () => {
  it('is disabled, saying why, once the local file is gone; enabled while it is there', async () => {
    const { page } = run;
    const kept = await upload('kept-notes.txt', Buffer.from('still here\n'));
    const gone = await upload('moved-away.txt', Buffer.from('about to move\n'));
    // The finished row on the Upload screen has looked at the file by now; History must look again.
    await page.waitForTimeout(500);
    await rm(gone);
    await navButton(page, 'History').click();
    const goneButton = historyRow(page, 'moved-away.txt').getByTestId('reveal-file');
    await expect.poll(() => goneButton.isDisabled(), { timeout: 10_000 }).toBe(true);
    expect(await goneButton.getAttribute('title')).toBe(
      'The local file is no longer there (moved or deleted)',
    );
    expect(await goneButton.getAttribute('aria-label')).toBe(
      'Show file: moved-away.txt is no longer where it was uploaded from',
    );
    const keptButton = historyRow(page, 'kept-notes.txt').getByTestId('reveal-file');
    expect(await keptButton.isDisabled()).toBe(false);
    expect(await keptButton.getAttribute('aria-label')).toBe('Show kept-notes.txt in its folder');
    expect(kept).toContain('kept-notes.txt');
  });
});

describe('dragging a row out of the window', () => {
  /** Starts a drag on the row as the browser would, and answers what the page put in the drag data. */
  async function dragRow(
    name: string,
    screen: 'history' | 'upload' = 'history',
  ): Promise<{ uriList: string; text: string; prevented: boolean }> {
    const dataTransfer = await run.page.evaluateHandle(
      () => new (globalThis as unknown as { DataTransfer: new () => unknown }).DataTransfer(),
    );
    const row =
      screen === 'history'
        ? historyRow(run.page, name).locator('.history-main')
        : jobRow(run.page, name).locator('.job-name');
    const prevented = await row.evaluate((el, dt) => {
      const g = globalThis as unknown as {
        DragEvent: new (type: string, init: unknown) => { defaultPrevented: boolean };
      };
      const event = new g.DragEvent('dragstart', { bubbles: true, cancelable: true, dataTransfer: dt });
      (el as unknown as { dispatchEvent(e: unknown): boolean }).dispatchEvent(event);
      return event.defaultPrevented;
    }, dataTransfer);
    const data = await dataTransfer.evaluate((dt) => {
      const d = dt as { getData(type: string): string };
      return { uriList: d.getData('text/uri-list'), text: d.getData('text/plain') };
    });
    await dataTransfer.dispose();
    return { ...data, prevented };
  }

  it('drags the local file where it still exists', async () => {
    const { h } = run;
    const before = h.shell.dragged.length;
    const drag = await dragRow('kept-notes.txt');
    expect(drag.prevented).toBe(true);
    await expect.poll(() => h.shell.dragged.length).toBe(before + 1);
    expect(h.shell.dragged.at(-1)).toBe(historyEntryNamed(run, 'kept-notes.txt').localPath);
    // The row says what it hands over while the drag lasts; the OS drag ends with the next click.
    const cue = historyRow(run.page, 'kept-notes.txt').getByRole('status');
    await expect.poll(() => cue.textContent()).toBe('Dragging the file: drop it into another app');
    await run.page.mouse.click(5, 5);
    await expect.poll(() => cue.count()).toBe(0);
  });

  it('drags the link, as a URL and as text, when the file is gone', async () => {
    const { h, page } = run;
    const before = h.shell.dragged.length;
    const drag = await dragRow('moved-away.txt');
    const url = historyEntryNamed(run, 'moved-away.txt').downloadUrl;
    expect(drag).toEqual({ uriList: url, text: url, prevented: false });
    expect(h.shell.dragged.length).toBe(before);
    const row = historyRow(page, 'moved-away.txt');
    await expect
      .poll(() => row.getByRole('status').textContent())
      .toBe('Dragging the link: drop it into another app');
    await row.locator('.history-main').dispatchEvent('dragend');
    await expect.poll(() => row.getByRole('status').count()).toBe(0);
  });

  it('drags a finished upload row the same way: its file while there, else its link', async () => {
    const { h, page } = run;
    await navButton(page, 'Upload').click();
    const before = h.shell.dragged.length;
    await expect
      .poll(async () => (await dragRow('kept-notes.txt', 'upload')).prevented, { timeout: 10_000 })
      .toBe(true);
    await expect.poll(() => h.shell.dragged.length).toBe(before + 1);
    expect(h.shell.dragged.at(-1)).toBe(historyEntryNamed(run, 'kept-notes.txt').localPath);
    const fileCue = jobRow(page, 'kept-notes.txt').getByRole('status');
    await expect.poll(() => fileCue.textContent()).toBe('Dragging the file: drop it into another app');
    await page.mouse.click(5, 5);
    await expect.poll(() => fileCue.count()).toBe(0);
    const url = historyEntryNamed(run, 'moved-away.txt').downloadUrl;
    await expect
      .poll(() => dragRow('moved-away.txt', 'upload'), { timeout: 10_000 })
      .toEqual({ uriList: url, text: url, prevented: false });
    await expect
      .poll(() => jobRow(page, 'moved-away.txt').getByRole('status').textContent())
      .toBe('Dragging the link: drop it into another app');
  });
});

describe('large preview', () => {
  it('Space on a picture’s row shows it large; Space again closes it', async () => {
    const { page } = run;
    await upload('wide-harbour.png', picture('ocean'));
    await navButton(page, 'History').click();
    const row = page.getByRole('listitem', { name: 'wide-harbour.png' });
    await row.locator('.history-meta').click();
    await expect
      .poll(() => row.evaluate((el) => el === (el.ownerDocument as { activeElement: unknown }).activeElement))
      .toBe(true);
    await page.keyboard.press(' ');
    const dialog = page.getByTestId('preview-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const image = dialog.locator('img.preview-image');
    await expect.poll(() => image.count(), { timeout: 15_000 }).toBe(1);
    // Larger than the list's 96 px thumbnail: the picture itself, at up to the window's size.
    const width = await image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth);
    expect(width).toBeGreaterThan(96);
    expect(await image.getAttribute('alt')).toBe('Preview of wide-harbour.png');
    await page.keyboard.press(' ');
    await expect.poll(() => dialog.count()).toBe(0);
  });
});

describe('renewing several entries', () => {
  it('Renew in the selection bar uploads each selected file again', async () => {
    const { page, h } = run;
    const names = ['kept-notes.txt', 'wide-harbour.png'];
    const old = names.map((name) => historyEntryNamed(run, name).id);
    await historyRow(page, names[0] as string)
      .locator('.history-meta')
      .click();
    await historyRow(page, names[1] as string)
      .locator('.history-meta')
      .click({ modifiers: ['Control'] });
    // Polls wait up to 10 s: on a loaded machine the selection bar can take longer than the default second.
    await expect
      .poll(() => page.getByTestId('bulk-bar').locator('.bulk-count').textContent(), { timeout: 10_000 })
      .toBe('2 selected');
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Renew' }).click();
    await h.waitForEvent('history', (change) => change.added?.renewOf === old[0], 30_000);
    await h.waitForEvent('history', (change) => change.added?.renewOf === old[1], 30_000);
    await expect
      .poll(() => page.getByTestId('announcer').textContent(), { timeout: 10_000 })
      .toContain('Renewing 2');
  });
});
