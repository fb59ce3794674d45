// The everyday loop: drop three files and watch them go up to 100 %, find them in History with their
// expiry, search, copy links (mouse and keyboard only), watch them expire as the clock moves, and renew one.
// Uploads pass through a slow local uplink so progress is really seen on the way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry, JobSnapshot } from '../../src/shared/ipc-contract';
import { recordEvents, recordedEvents } from '../harness';
import { DAY, HOUR, MINUTE, historyEntryNamed, startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { dropFiles, historyNames, historyRow, jobRow, navButton } from './support/page-actions';
import { pdfDocument, picture } from './support/sample-files';
import { scanForSecret } from './support/secret-scan';

const SUNSET = 'beach-sunset.png';
const TRAIL = 'mountain-trail.png';
const INVOICE = 'invoice-june.pdf';
const NAMES = [SUNSET, TRAIL, INVOICE];
/** Big enough that a 6 MB/s uplink takes about a second: several progress ticks, then 100 %. */
const BIG_PDF_BYTES = 6 * 1024 * 1024;

let run: E2eRun;

const entryNamed = (name: string): HistoryEntry => historyEntryNamed(run, name);

beforeAll(async () => {
  run = await startE2eRun({ saveKey: true, uploadRate: 6 * 1024 * 1024 });
  await navButton(run.page, 'Upload').waitFor({ timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await run?.dispose();
});

describe('uploading and the history', () => {
  it('uploads three dropped files, showing progress up to 100 %', async () => {
    const { page, h } = run;
    await h.dropFile(SUNSET, picture('sunset'));
    await h.dropFile(TRAIL, picture('mountains'));
    const invoice = pdfDocument('Invoice June');
    await h.dropFile(INVOICE, Buffer.concat([invoice, Buffer.alloc(BIG_PDF_BYTES - invoice.length, 0x20)]));
    await recordEvents(page, ['progress']);

    await dropFiles(page, NAMES);

    for (const name of NAMES) {
      await expect
        .poll(() => jobRow(page, name).getAttribute('data-status'), { timeout: 30_000 })
        .toBe('done');
    }
    const overall = page.getByRole('progressbar', { name: 'Overall progress' });
    expect(await overall.getAttribute('aria-valuenow')).toBe('100');
    expect(await page.locator('.batch-percent').textContent()).toBe('100%');
    expect(await page.locator('.batch-summary').textContent()).toContain('3 of 3 done');
    expect(await jobRow(page, INVOICE).textContent()).toContain('Uploaded');

    // The page saw the large file on its way, not just its end.
    const ticks = (await recordedEvents(page))
      .map((e) => e.payload as JobSnapshot)
      .filter((j) => j.fileName === INVOICE && j.progress !== null);
    const percents = ticks.map((j) => j.progress?.percent ?? 0);
    expect(percents.some((p) => p > 0 && p < 100)).toBe(true);
    expect(Math.max(...percents)).toBe(100);
    expect(run.h.engine.history.list({}).total).toBe(3);
  });

  it('lists the three uploads in History with their expiry and image previews', async () => {
    const { page } = run;
    // A couple of minutes later (the window's countdown ticks once a minute, so times are checked away
    // from a minute's edge).
    run.advanceClock(2 * MINUTE);
    await navButton(page, 'History').click();
    await expect.poll(() => historyNames(page), { timeout: 15_000 }).toHaveLength(3);
    expect([...(await historyNames(page))].sort()).toEqual([...NAMES].sort());
    for (const name of NAMES) {
      const row = historyRow(page, name);
      expect(await row.getAttribute('data-status')).toBe('active');
      expect(await row.getByTestId('expiry').textContent()).toBe('expires in 2 d 23 h');
    }
    expect(await page.locator('.history-count').textContent()).toBe('3 links');
    // Previews come from the local file, and only for images.
    await expect
      .poll(() => historyRow(page, SUNSET).locator('img.thumb').getAttribute('src'), { timeout: 15_000 })
      .toMatch(/^data:image\/png;base64,/);
    expect(await historyRow(page, INVOICE).locator('img').count()).toBe(0);
    await run.snapshot('history-fresh');
  });

  it('narrows the list as a search is typed, and restores it on Escape', async () => {
    const { page } = run;
    const search = page.getByRole('searchbox', { name: 'Search history' });
    await search.fill('invoice');
    await expect.poll(() => historyNames(page), { timeout: 10_000 }).toEqual([INVOICE]);
    expect(await page.locator('.history-count').textContent()).toBe('1 link');
    await search.fill('trail');
    await expect.poll(() => historyNames(page), { timeout: 10_000 }).toEqual([TRAIL]);
    await search.fill('no-such-upload');
    await expect
      .poll(() => page.getByText('Nothing matches “no-such-upload”').isVisible(), { timeout: 10_000 })
      .toBe(true);
    await search.press('Escape');
    await expect.poll(() => historyNames(page), { timeout: 10_000 }).toHaveLength(3);
  });

  // The list is one Tab stop with roving focus (history-keyboard.test.ts covers it after mouse use too).
  it('copies with the keyboard alone: Tab to the list, arrow to a row, Enter', async () => {
    const { page, h } = run;
    await page.keyboard.press('Control+1');
    await expect.poll(() => page.getByTestId('drop-zone').isVisible()).toBe(true);
    await page.keyboard.press('Control+2');
    await expect.poll(() => page.getByTestId('history-list').isVisible()).toBe(true);

    // Ctrl+F puts the cursor in the search box; from there Tab walks the toolbar into the list.
    await page.keyboard.press('Control+f');
    await expect
      .poll(() =>
        page
          .getByRole('searchbox', { name: 'Search history' })
          .evaluate(
            (el) =>
              el ===
              (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
          ),
      )
      .toBe(true);
    const focused = () =>
      page.evaluate(() => {
        const active = (
          globalThis as unknown as {
            document: { activeElement: { getAttribute(n: string): string | null; tagName: string } | null };
          }
        ).document.activeElement;
        return {
          role: active?.getAttribute('role') ?? null,
          what: `${active?.tagName ?? 'nothing'} ${active?.getAttribute('aria-label') ?? ''}`.trim(),
        };
      });
    const path: string[] = [];
    for (let now = await focused(); now.role !== 'listitem'; now = await focused()) {
      path.push(now.what);
      if (path.length > 12)
        throw new Error(`Tab never reached the history list; focus went: ${path.join(' → ')}`);
      await page.keyboard.press('Tab');
    }
    const names = await historyNames(page);
    await page.keyboard.press('ArrowDown');
    const second = names[1] as string;
    await expect.poll(() => page.locator('[role="listitem"]:focus').getAttribute('aria-label')).toBe(second);
    const before = h.clipboard.texts.length;
    await page.keyboard.press('Enter');
    await expect.poll(() => h.clipboard.texts.length).toBe(before + 1);
    expect(h.clipboard.last()).toBe(entryNamed(second).downloadUrl);
  });

  it('copies a link as a URL, and as Markdown from the copy menu', async () => {
    const { page, h } = run;
    const sunset = entryNamed(SUNSET);
    await page.getByRole('button', { name: `Copy link to ${SUNSET}` }).click();
    await expect.poll(() => h.clipboard.last()).toBe(sunset.downloadUrl);
    await expect
      .poll(() => page.getByTestId('announcer').textContent())
      .toContain(`link to ${SUNSET} copied`);

    await page.getByRole('button', { name: `More copy formats for ${INVOICE}` }).click();
    await page.getByRole('menuitem', { name: 'Markdown' }).click();
    await expect.poll(() => h.clipboard.last()).toBe(`[${INVOICE}](${entryNamed(INVOICE).downloadUrl})`);
  });

  it('marks links expiring soon, then expired, as the clock moves', async () => {
    const { page } = run;
    run.advanceClock(2 * DAY + 20 * HOUR + 30 * MINUTE);
    await page.getByRole('radio', { name: 'Expiring soon' }).click();
    await expect.poll(() => historyNames(page), { timeout: 10_000 }).toHaveLength(3);
    for (const name of NAMES) {
      const row = historyRow(page, name);
      expect(await row.getAttribute('data-status')).toBe('expiring');
      expect(await row.getByTestId('expiry').textContent()).toMatch(/^expires in 3 h (2\d|30) min$/);
    }

    run.advanceClock(5 * HOUR);
    await page.getByRole('radio', { name: 'Expired' }).click();
    await expect
      .poll(
        async () =>
          page
            .getByTestId('history-row')
            .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status'))),
        {
          timeout: 10_000,
        },
      )
      .toEqual(['expired', 'expired', 'expired']);
    expect(await historyRow(page, TRAIL).getByTestId('expiry').textContent()).toBe('expired 1 h ago');
    // A dead link cannot be opened.
    expect(await page.getByRole('button', { name: `Open link to ${TRAIL}` }).isDisabled()).toBe(true);

    await page.getByRole('radio', { name: 'Active' }).click();
    await expect
      .poll(() => page.getByText('No links in this view').isVisible(), { timeout: 10_000 })
      .toBe(true);
    await page.getByRole('radio', { name: 'All' }).click();
    await expect.poll(() => page.locator('.vlist-row.row-expired').count(), { timeout: 10_000 }).toBe(3);
    await run.snapshot('history-expired');
  });

  it('renews an expired upload: a new, linked entry with a fresh 3 days', async () => {
    const { page, h } = run;
    const old = entryNamed(SUNSET);
    await page.getByRole('radio', { name: 'Expired' }).click();
    await expect.poll(() => historyNames(page), { timeout: 10_000 }).toHaveLength(3);
    await page.getByRole('button', { name: `Renew ${SUNSET}: upload it again for a new link` }).click();
    await h.waitForEvent('history', (change) => change.added?.renewOf === old.id, 30_000);

    run.advanceClock(2 * MINUTE);
    await page.getByRole('radio', { name: 'All' }).click();
    await expect.poll(async () => (await historyNames(page))[0], { timeout: 10_000 }).toBe(SUNSET);
    const top = page.getByTestId('history-row').first();
    expect(await top.getAttribute('data-status')).toBe('active');
    expect(await top.getByTestId('expiry').textContent()).toBe('expires in 2 d 23 h');
    expect(await top.locator('.pill', { hasText: 'Renewed' }).count()).toBe(1);
    expect(await page.locator('.history-count').textContent()).toBe('4 links');

    const renewed = h.engine.history.list({ search: SUNSET }).entries.filter((e) => e.fileName === SUNSET);
    const fresh = renewed.find((e) => e.id !== old.id);
    expect(fresh?.renewOf).toBe(old.id);
    expect(fresh?.downloadUrl).not.toBe(old.downloadUrl);
    expect(h.emulator.storedFile(fresh?.filePath ?? '')).toBeDefined();
  });

  it('leaves no copy of the key in the data folder, logs or screenshots after the run', async () => {
    await run.close();
    const { files, hits } = await scanForSecret([run.dataDir, run.logsDir, run.artifactsDir], run.apiKey);
    expect(files.length).toBeGreaterThanOrEqual(6);
    expect(hits).toEqual([]);
  });
});
