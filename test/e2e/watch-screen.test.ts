// The Watch screen as a person uses it: add a folder with the folder picker, save a file into it and find
// it uploaded in History, copy its link from the folder card, change where its files go, pause (a new
// file stays local) and resume (it goes up), pause everything, and remove the folder.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/shared/ipc-contract';
import { startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { historyNames, historyRow, navButton } from './support/page-actions';
import { picture } from './support/sample-files';
import { sleep } from '../support/wait-until';

const FOLDER = 'Camera Uploads';
/** The default quiet period is 2 s; this is comfortably past it (plus an upload) for "nothing happened". */
const SETTLE_MS = 4000;

let run: E2eRun;
let inbox: string;

function watchNav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Watch', exact: true });
}

function card(page: Page): Locator {
  return page.getByTestId('watch-folder').filter({ has: page.getByRole('heading', { name: FOLDER }) });
}

function uploads(): HistoryEntry[] {
  return run.h.engine.history.list({ limit: 100 }).entries;
}

beforeAll(async () => {
  run = await startE2eRun({ saveKey: true });
  inbox = join(run.root, FOLDER);
  await mkdir(inbox);
  await navButton(run.page, 'Upload').waitFor({ timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await run?.dispose();
});

describe('the Watch screen', () => {
  it('opens with Ctrl+3 and explains watching before any folder is added', async () => {
    const { page } = run;
    await page.keyboard.press('Control+3');
    await expect.poll(() => watchNav(page).getAttribute('aria-current')).toBe('page');
    const empty = page.getByText('No watched folders yet');
    await expect.poll(() => empty.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(
      await page
        .getByText(
          'Files you save into these folders upload by themselves — only once they’ve finished writing.',
        )
        .isVisible(),
    ).toBe(true);
  });

  it('adds a folder chosen in the folder picker, leaving the files already in it alone unless asked', async () => {
    const { page, h } = run;
    await writeFile(join(inbox, 'old-shot.png'), picture('blossom'));
    await writeFile(join(inbox, 'notes.txt'), 'already here');
    h.dialogs.nextPickedFolder = inbox;
    await page.getByRole('button', { name: 'Add folder…' }).first().click();

    // Before anything is saved: the folder, its filters, and how many files already there would upload.
    const dialog = page.getByTestId('watch-add-dialog');
    await expect.poll(() => dialog.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await dialog.getByRole('heading').textContent()).toBe(`Watch “${FOLDER}”?`);
    const count = dialog.getByTestId('watch-add-count');
    expect(await count.textContent()).toBe('2 files are already here');
    const include = dialog.getByRole('textbox', { name: 'Only files matching' });
    await include.fill('*.png');
    await include.press('Enter');
    await expect.poll(() => count.textContent()).toBe('1 file is already here');
    await dialog.getByRole('button', { name: 'Remove pattern *.png' }).click();
    await expect.poll(() => count.textContent()).toBe('2 files are already here');
    expect(await dialog.getByRole('radio', { name: /Only new files/ }).isChecked()).toBe(true);
    expect(await dialog.getByRole('radio', { name: /Upload them too/ }).isChecked()).toBe(false);
    expect(h.service.watch.list()).toEqual([]);
    await dialog.getByRole('button', { name: 'Start watching' }).click();
    await expect
      .poll(() => card(page).getByTestId('watch-state').textContent(), { timeout: 15_000 })
      .toBe('Watching');
    expect(h.dialogs.folderRequests).toBe(1);
    expect(await card(page).textContent()).toContain(inbox);
    expect(await card(page).getByTestId('watch-last-upload').textContent()).toBe('Nothing yet');
    expect(await page.getByText('No watched folders yet').count()).toBe(0);
  });

  it('uploads a file saved into the folder: it shows in History, from the watched folder', async () => {
    const { page, h } = run;
    await writeFile(join(inbox, 'beach.png'), picture('sunset'));

    const lastUpload = card(page).getByTestId('watch-last-upload');
    await expect.poll(() => lastUpload.textContent(), { timeout: 30_000 }).toContain('beach.png');
    const entry = uploads().find((e) => e.fileName === 'beach.png');
    expect(entry).toMatchObject({
      source: 'watch',
      uploadPath: 'kiedrop',
      localPath: join(inbox, 'beach.png'),
    });

    // The card's "Copy link" copies that upload's link.
    await card(page).getByRole('button', { name: 'Copy link to beach.png' }).click();
    await expect.poll(() => h.clipboard.last()).toBe(entry?.downloadUrl);

    await navButton(page, 'History').click();
    await expect.poll(() => historyNames(page), { timeout: 15_000 }).toEqual(['beach.png']);
    expect(await historyRow(page, 'beach.png').getAttribute('data-status')).toBe('active');
  });

  it('sends new files to the upload path typed in the folder settings', async () => {
    const { page } = run;
    await watchNav(page).click();
    const settingsButton = card(page).getByRole('button', { name: `Settings for ${FOLDER}` });
    await settingsButton.click();
    expect(await settingsButton.getAttribute('aria-expanded')).toBe('true');
    const path = card(page).getByRole('textbox', { name: 'Upload path', exact: true });
    await path.fill('phone/camera');
    await path.press('Enter');
    await expect.poll(() => card(page).locator('.watch-target').textContent()).toBe('phone/camera/');

    // Patterns are tags: Enter adds one, its own button takes it away; each change is saved at once.
    const saved = () => run.h.service.watch.list()[0]?.exclude;
    const exclude = card(page).getByRole('textbox', { name: 'Never files matching' });
    await exclude.fill('*.psd');
    await exclude.press('Enter');
    await expect.poll(saved).toEqual(['*.psd']);
    expect(await card(page).getByRole('list', { name: 'Never files matching' }).textContent()).toBe('*.psd');
    await card(page).getByRole('button', { name: 'Remove pattern *.psd' }).click();
    await expect.poll(saved).toEqual([]);
    await settingsButton.click();

    await writeFile(join(inbox, 'harbour.png'), picture('ocean'));
    await expect
      .poll(() => uploads().find((e) => e.fileName === 'harbour.png')?.uploadPath, { timeout: 30_000 })
      .toBe('phone/camera');
  });

  it('pauses the folder: a new file stays local; resumed, it uploads', async () => {
    const { page } = run;
    await card(page)
      .getByRole('button', { name: `Pause watching ${FOLDER}` })
      .click();
    await expect.poll(() => card(page).getByTestId('watch-state').textContent()).toBe('Paused');
    expect(await card(page).getByTestId('watch-reason').textContent()).toContain('until you resume it');

    await writeFile(join(inbox, 'trail.png'), picture('mountains'));
    await sleep(SETTLE_MS);
    expect(uploads().map((e) => e.fileName)).not.toContain('trail.png');

    await card(page)
      .getByRole('button', { name: `Resume watching ${FOLDER}` })
      .click();
    await expect
      .poll(() => card(page).getByTestId('watch-last-upload').textContent(), { timeout: 30_000 })
      .toContain('trail.png');
    expect(uploads().find((e) => e.fileName === 'trail.png')?.source).toBe('watch');
    expect(await card(page).getByTestId('watch-state').textContent()).toBe('Watching');
  });

  it('"Pause all" pauses every folder until "Resume all"', async () => {
    const { page } = run;
    await page.getByRole('button', { name: 'Pause all' }).click();
    const banner = page.getByTestId('watch-all-paused');
    await expect.poll(() => banner.isVisible()).toBe(true);
    expect(await card(page).getByTestId('watch-state').textContent()).toBe('Paused');
    expect(run.h.service.watch.allPaused).toBe(true);

    await banner.getByRole('button', { name: 'Resume all' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    await expect.poll(() => card(page).getByTestId('watch-state').textContent()).toBe('Watching');
  });

  it('removes the folder after confirming: it leaves the list and its files stay local', async () => {
    const { page } = run;
    await card(page)
      .getByRole('button', { name: `Stop watching ${FOLDER}` })
      .click();
    const dialog = page.getByTestId('confirm-dialog');
    expect(await dialog.getByRole('heading').textContent()).toBe(`Stop watching “${FOLDER}”?`);
    await dialog.getByRole('button', { name: 'Stop watching' }).click();
    await expect.poll(() => card(page).count()).toBe(0);
    expect(await page.getByText('No watched folders yet').isVisible()).toBe(true);

    const before = uploads().length;
    await writeFile(join(inbox, 'after-removal.png'), picture('blossom'));
    await sleep(SETTLE_MS);
    expect(uploads()).toHaveLength(before);
  });
});
