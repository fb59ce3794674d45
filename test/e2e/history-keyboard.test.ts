// History by keyboard and at a glance: the list is one Tab stop (Tab from the search box lands on a row,
// even after a row's buttons were used with the mouse), arrows move, Enter copies, Delete offers Undo; a
// dead link offers Renew instead of Copy and Enter on it explains why nothing was copied; a fresh upload
// counts down from "2 d 23 h"; rows show what kind of file each one is. Also the Settings screen's scroll area reaching
// the window's bottom edge, and the desktop font stack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/shared/ipc-contract';
import { DAY, HOUR, historyEntryNamed, startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { dropFiles, historyNames, historyRow, jobRow, navButton } from './support/page-actions';
import { pdfDocument, picture } from './support/sample-files';

const FILES: Record<string, Buffer> = {
  'harbour-photo.png': picture('ocean'),
  'launch-teaser.mp4': Buffer.alloc(4096, 7),
  'voice-memo.wav': Buffer.alloc(2048, 3),
  'site-backup.zip': Buffer.alloc(1024, 1),
  'meeting-minutes.pdf': pdfDocument('Meeting minutes'),
  'release-notes.md': Buffer.from('# Release notes\n\n- Faster uploads\n'),
};
const LATE = 'late-arrival.txt';

let run: E2eRun;

interface Focus {
  role: string | null;
  label: string;
  tag: string;
  inList: boolean;
}

/** What has keyboard focus: its role, accessible label, and whether it sits inside the history list. */
function focused(): Promise<Focus> {
  return run.page.evaluate(() => {
    type El = {
      tagName: string;
      getAttribute(n: string): string | null;
      closest(s: string): unknown;
    };
    const active = (globalThis as unknown as { document: { activeElement: El | null } }).document
      .activeElement;
    return {
      role: active?.getAttribute('role') ?? null,
      label: active?.getAttribute('aria-label') ?? '',
      tag: active?.tagName ?? 'nothing',
      inList: Boolean(active?.closest('[data-testid="history-list"]')),
    };
  });
}

/** Ctrl+F, then Tab until a row has focus. Fails if Tab wanders through any control inside the list first. */
async function tabFromSearchToList(): Promise<Focus> {
  const { page } = run;
  await page.keyboard.press('Control+f');
  await expect.poll(async () => (await focused()).tag).toBe('INPUT');
  const path: string[] = [];
  for (;;) {
    await page.keyboard.press('Tab');
    const now = await focused();
    path.push(`${now.tag}${now.role ? `[${now.role}]` : ''} ${now.label}`.trim());
    if (now.role === 'listitem') return now;
    if (now.inList) throw new Error(`Tab went into a row's controls instead of a row: ${path.join(' → ')}`);
    if (path.length > 12) throw new Error(`Tab never reached the history list: ${path.join(' → ')}`);
  }
}

const entryNamed = (name: string): HistoryEntry => historyEntryNamed(run, name);

beforeAll(async () => {
  run = await startE2eRun({ saveKey: true });
  const { page, h } = run;
  await navButton(page, 'Upload').waitFor({ timeout: 30_000 });
  for (const [name, content] of Object.entries(FILES)) await h.dropFile(name, content);
  await dropFiles(page, Object.keys(FILES));
  // expect.poll works only inside a test: wait for the six finished rows in the page instead.
  await page.waitForFunction(
    (count) =>
      (
        globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }
      ).document.querySelectorAll('[data-testid="job-row"][data-status="done"]').length === count,
    Object.keys(FILES).length,
    { timeout: 30_000 },
  );
}, 180_000);

afterAll(async () => {
  await run?.dispose();
});

describe('the history list at a glance', () => {
  it('shows what kind of file each row is', async () => {
    const { page } = run;
    await navButton(page, 'History').click();
    await expect.poll(() => historyNames(page), { timeout: 15_000 }).toHaveLength(6);
    const kindOf = (name: string) =>
      historyRow(page, name).locator('.thumb-placeholder').getAttribute('data-kind');
    expect(await kindOf('launch-teaser.mp4')).toBe('video');
    expect(await kindOf('voice-memo.wav')).toBe('audio');
    expect(await kindOf('site-backup.zip')).toBe('archive');
    expect(await kindOf('meeting-minutes.pdf')).toBe('document');
    expect(await kindOf('release-notes.md')).toBe('code');
    // Pictures show their own preview instead.
    await expect
      .poll(() => historyRow(page, 'harbour-photo.png').locator('img.thumb').count(), { timeout: 15_000 })
      .toBe(1);
  });

  it('counts a link that arrives while the screen is open down from "2 d 23 h", not "3 d"', async () => {
    const { page, h } = run;
    // The screen's clock ticks once a minute; give it a moment to be older than the upload below.
    await page.waitForTimeout(1500);
    await h.dropFile(LATE, 'arrived after the history screen opened\n');
    await navButton(page, 'Upload').click();
    await dropFiles(page, [LATE]);
    await expect.poll(() => jobRow(page, LATE).getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    await navButton(page, 'History').click();
    await expect.poll(async () => (await historyNames(page))[0], { timeout: 10_000 }).toBe(LATE);
    expect(await historyRow(page, LATE).getByTestId('expiry').textContent()).toBe('expires in 2 d 23 h');
  });
});

describe('the history list by keyboard', () => {
  it('is one Tab stop: Tab from the search box lands on the first row, then its own buttons', async () => {
    const { page } = run;
    const names = await historyNames(page);
    const row = await tabFromSearchToList();
    expect(row.label).toBe(names[0]);
    // The active row's buttons come next, then Tab leaves the list.
    await page.keyboard.press('Tab');
    expect((await focused()).label).toBe(`Copy link to ${names[0]}`);
  });

  it('moves with the arrows and copies the row’s link on Enter', async () => {
    const { page, h } = run;
    const names = await historyNames(page);
    await tabFromSearchToList();
    await page.keyboard.press('ArrowDown');
    const second = names[1] as string;
    await expect.poll(async () => (await focused()).label).toBe(second);
    const before = h.clipboard.texts.length;
    await page.keyboard.press('Enter');
    await expect.poll(() => h.clipboard.texts.length).toBe(before + 1);
    expect(h.clipboard.last()).toBe(entryNamed(second).downloadUrl);
    await expect
      .poll(() => page.getByTestId('announcer').textContent())
      .toContain(`link to ${second} copied`);
  });

  it('still lands on a row after a row’s copy menu was used with the mouse, and Delete there can be undone', async () => {
    const { page, h } = run;
    const names = await historyNames(page);
    const fourth = names[3] as string;
    await page.getByRole('button', { name: `More copy formats for ${fourth}` }).click();
    await page.getByRole('menuitem', { name: 'Markdown' }).click();
    await expect.poll(() => h.clipboard.last()).toBe(`[${fourth}](${entryNamed(fourth).downloadUrl})`);

    // The row used with the mouse is now the list's Tab stop.
    const row = await tabFromSearchToList();
    expect(row.label).toBe(fourth);
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await focused()).label).toBe(names[2]);

    // Delete takes the row out at once and offers Undo instead of asking first.
    await page.keyboard.press('Delete');
    await expect.poll(() => historyNames(page)).not.toContain(names[2]);
    const undo = page.getByTestId('undo-bar');
    expect(await undo.textContent()).toContain('1 entry deleted from history');
    await undo.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => historyNames(page), { timeout: 10_000 }).toContain(names[2]);
    expect(historyEntryNamed(run, names[2] as string).fileName).toBe(names[2]);
  });
});

describe('an expired link', () => {
  it('offers Renew where Copy was, and Enter explains instead of copying a dead link', async () => {
    const { page, h } = run;
    run.advanceClock(3 * DAY + HOUR);
    await page.getByRole('radio', { name: 'Expired' }).click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('history-row')
            .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status'))),
        { timeout: 10_000 },
      )
      .toEqual(Array(7).fill('expired'));

    const zip = historyRow(page, 'site-backup.zip');
    expect(await zip.getByRole('button', { name: 'Copy link to site-backup.zip' }).count()).toBe(0);
    expect(await zip.getByRole('button', { name: 'More copy formats for site-backup.zip' }).count()).toBe(0);
    const renew = zip.getByRole('button', { name: 'Renew site-backup.zip: upload it again for a new link' });
    expect(await renew.count()).toBe(1);
    expect(await renew.textContent()).toBe('Renew');
    // It sits first, in Copy's place.
    expect(await zip.locator('.history-actions > *').first().getAttribute('aria-label')).toBe(
      'Renew site-backup.zip: upload it again for a new link',
    );

    const row = await tabFromSearchToList();
    const before = h.clipboard.texts.length;
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('announcer').textContent())
      .toContain('This link has expired — renew it to get a new link');
    expect(h.clipboard.texts.length).toBe(before);

    // Tab from the row reaches Renew first; Enter there renews it.
    await page.keyboard.press('Tab');
    expect((await focused()).label).toBe(`Renew ${row.label}: upload it again for a new link`);
    const old = entryNamed(row.label);
    await page.keyboard.press('Enter');
    await h.waitForEvent('history', (change) => change.added?.renewOf === old.id, 30_000);
  });
});

describe('the settings screen', () => {
  it('scrolls all the way to the window’s bottom edge, so nothing is cut off', async () => {
    const { page } = run;
    await navButton(page, 'Settings').click();
    const screen = page.locator('.settings-screen');
    await expect.poll(() => screen.isVisible()).toBe(true);
    const box = await screen.evaluate((el) => {
      const r = (el as unknown as { getBoundingClientRect(): { bottom: number } }).getBoundingClientRect();
      return {
        bottom: r.bottom,
        windowBottom: (globalThis as unknown as { innerHeight: number }).innerHeight,
      };
    });
    expect(Math.abs(box.bottom - box.windowBottom)).toBeLessThanOrEqual(1);

    // Scrolled to the end, the last line of the screen is inside the window.
    await screen.evaluate((el) => {
      const s = el as unknown as { scrollTop: number; scrollHeight: number };
      s.scrollTop = s.scrollHeight;
    });
    const footer = await page
      .locator('.settings-footer')
      .evaluate(
        (el) =>
          (el as unknown as { getBoundingClientRect(): { bottom: number } }).getBoundingClientRect().bottom,
      );
    expect(footer).toBeLessThanOrEqual(box.windowBottom);
  });

  it('asks for the desktop’s own UI fonts before any generic one', async () => {
    const families = await run.page.evaluate(() => {
      const g = globalThis as unknown as {
        document: { body: unknown };
        getComputedStyle(el: unknown): { fontFamily: string };
      };
      return g.getComputedStyle(g.document.body).fontFamily;
    });
    const stack = families.split(',').map((f) => f.trim().replace(/^["']|["']$/g, ''));
    expect(stack.slice(0, 7)).toEqual([
      'system-ui',
      '-apple-system',
      'Segoe UI',
      'Cantarell',
      'Ubuntu',
      'Noto Sans',
      'Liberation Sans',
    ]);
    expect(stack[stack.length - 1]).toBe('sans-serif');
  });
});
