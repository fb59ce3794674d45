// The window at its smallest sizes: at 800×600 and at the minimum the main window allows, every screen
// fits: nothing is cut off at the right, the header's key chip and the upload list's controls stay
// reachable, and the list scrolls inside the window instead of running off it; a finished upload's name
// stays readable beside its expiry pill. Screenshots of each screen at both sizes are kept in
// test-results/e2e/.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN_WINDOW_MIN_SIZE } from '../../src/main/main-window-size';
import { startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { dropFiles } from './support/page-actions';
import { picture } from './support/sample-files';

const SHOTS = join(process.cwd(), 'test-results', 'e2e');
const SIZES = [
  { width: 800, height: 600 },
  { width: MAIN_WINDOW_MIN_SIZE.width, height: MAIN_WINDOW_MIN_SIZE.height },
] as const;
const SCREENS = ['Upload', 'History', 'Watch', 'Settings'] as const;

let run: E2eRun;

function navButton(page: Page, name: (typeof SCREENS)[number]) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });
}

beforeAll(async () => {
  run = await startE2eRun({ saveKey: true, uploadRate: 64 * 1024 });
  await navButton(run.page, 'Upload').waitFor({ timeout: 30_000 });
  await mkdir(SHOTS, { recursive: true });
  // A list with rows in every state worth seeing: some done, some still going (the rate keeps them slow).
  const names: string[] = [];
  for (let i = 1; i <= 8; i++) {
    const name = `holiday-photo-with-a-long-name-${i}.png`;
    await run.h.dropFile(name, picture(i % 2 === 0 ? 'sunset' : 'ocean'));
    names.push(name);
  }
  await dropFiles(run.page, names);
}, 180_000);

afterAll(async () => {
  await run?.dispose();
});

/** Controls a person must reach, whose box lies partly or wholly outside the window. */
async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const g = globalThis as unknown as {
      innerWidth: number;
      innerHeight: number;
      document: { querySelectorAll(s: string): ArrayLike<unknown> };
    };
    type Box = { left: number; right: number; top: number; bottom: number; width: number; height: number };
    type El = {
      getBoundingClientRect(): Box;
      closest(s: string): unknown;
      getAttribute(n: string): string | null;
      textContent: string | null;
      tagName: string;
    };
    const out: string[] = [];
    const all = Array.from(
      g.document.querySelectorAll('button, a[href], input, select, [role="radio"], h1, h2'),
    ) as El[];
    for (const el of all) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue; // hidden
      // Inside a scrolling area, what is below the fold is reachable by scrolling.
      const scrolls = el.closest(
        '.content, .settings-screen, .history-list, .job-list, .watch-list, [data-scroll]',
      );
      const outside =
        r.left < -1 ||
        r.right > g.innerWidth + 1 ||
        (!scrolls && (r.top < -1 || r.bottom > g.innerHeight + 1));
      if (outside)
        out.push(
          `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`,
        );
    }
    return out;
  });
}

async function pageOverflow(page: Page): Promise<{ x: boolean; y: boolean }> {
  return page.evaluate(() => {
    const d = (
      globalThis as unknown as {
        document: {
          documentElement: {
            scrollWidth: number;
            clientWidth: number;
            scrollHeight: number;
            clientHeight: number;
          };
        };
      }
    ).document.documentElement;
    return { x: d.scrollWidth > d.clientWidth + 1, y: d.scrollHeight > d.clientHeight + 1 };
  });
}

/** The characters of a finished upload's name a person must be able to read beside its expiry pill. */
const NAME_CHARS_SHOWN = 12;

type Box = { left: number; right: number; top: number; bottom: number };

/** Each finished Upload row: the boxes of its name, expiry pill and buttons, and the width its name's
 * first characters (plus the ellipsis that may follow them) need. */
async function finishedRows(page: Page) {
  return page.evaluate((chars) => {
    type Rect = { left: number; right: number; top: number; bottom: number; width: number };
    type Node = { textContent: string | null };
    type El = Node & {
      getBoundingClientRect(): Rect;
      querySelector(s: string): El | null;
      querySelectorAll(s: string): ArrayLike<El>;
      firstChild: Node | null;
    };
    const d = (
      globalThis as unknown as {
        document: {
          querySelectorAll(s: string): ArrayLike<El>;
          createRange(): { setStart(n: Node, o: number): void; setEnd(n: Node, o: number): void } & {
            getBoundingClientRect(): Rect;
          };
        };
      }
    ).document;
    const box = (r: Rect) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
    return Array.from(d.querySelectorAll('[data-testid="job-row"][data-status="done"]')).map((row) => {
      const name = row.querySelector('.job-name') as El;
      const pill = row.querySelector('[data-testid="expiry"]') as El;
      const text = name.firstChild as Node;
      // The first characters and one more for the ellipsis, as the name's font draws them.
      const range = d.createRange();
      range.setStart(text, 0);
      range.setEnd(text, Math.min(chars + 1, (text.textContent ?? '').length));
      return {
        name: name.textContent ?? '',
        nameBox: box(name.getBoundingClientRect()),
        nameWidth: name.getBoundingClientRect().width,
        neededWidth: range.getBoundingClientRect().width,
        pillBox: box(pill.getBoundingClientRect()),
        buttons: Array.from(row.querySelectorAll('button')).map((b) => box(b.getBoundingClientRect())),
      };
    });
  }, NAME_CHARS_SHOWN);
}

const overlaps = (a: Box, b: Box): boolean =>
  a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

describe('small windows', () => {
  for (const size of SIZES) {
    it(`every screen fits at ${size.width}×${size.height}`, async () => {
      const { page } = run;
      await page.setViewportSize(size);
      const problems: string[] = [];
      for (const screen of SCREENS) {
        await navButton(page, screen).click();
        await expect.poll(() => navButton(page, screen).getAttribute('aria-current')).toBe('page');
        await page.screenshot({
          path: join(SHOTS, `window-${size.width}x${size.height}-${screen.toLowerCase()}.png`),
        });
        const overflow = await pageOverflow(page);
        if (overflow.x) problems.push(`${screen}: the page is wider than the window`);
        if (overflow.y) problems.push(`${screen}: the page is taller than the window`);
        for (const what of await cutOff(page)) problems.push(`${screen}: ${what} is cut off`);
      }
      expect(problems).toEqual([]);
    }, 60_000);
  }

  for (const size of SIZES) {
    it(`finished uploads at ${size.width}×${size.height} show their names, clear of the expiry pill`, async () => {
      const { page } = run;
      await page.setViewportSize(size);
      await navButton(page, 'Upload').click();
      const done = page.locator('[data-testid="job-row"][data-status="done"]');
      await expect.poll(() => done.count(), { timeout: 60_000 }).toBe(8);
      await page.screenshot({ path: join(SHOTS, `window-${size.width}x${size.height}-upload-done.png`) });
      const problems: string[] = [];
      for (const row of await finishedRows(page)) {
        if (overlaps(row.nameBox, row.pillBox)) problems.push(`${row.name}: the expiry pill covers the name`);
        if (row.buttons.some((b) => overlaps(b, row.pillBox)))
          problems.push(`${row.name}: the expiry pill covers a button`);
        if (row.nameWidth < row.neededWidth)
          problems.push(
            `${row.name}: under ${NAME_CHARS_SHOWN} characters show (${Math.round(row.nameWidth)} of ${Math.round(row.neededWidth)} px)`,
          );
      }
      expect(problems).toEqual([]);
    }, 90_000);
  }
});
