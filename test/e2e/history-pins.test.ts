// Pins in History, in Chromium: a row's Pin toggle (its name and pressed state say which), the "Pinned"
// marker and keep-alive status in the row, the Pinned filter listing exactly the pinned links, Unpin
// taking a link off it, the selection bar pinning several at once, a refused pin saying why, and the
// words in Chinese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR, startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { historyRow, navButton, uploadByDrop } from './support/page-actions';

const ONE = 'pin-one.txt';
const TWO = 'pin-two.txt';
const THREE = 'pin-three.txt';
const OLD = 'pin-old.txt';

let run: E2eRun;

async function upload(name: string): Promise<void> {
  await uploadByDrop(run, name);
}

const announcer = () => run.page.getByTestId('announcer').textContent();
const listed = () =>
  run.page.getByTestId('history-list').locator('[data-testid="history-row"] .history-name').allTextContents();
const chip = (name: string) => run.page.getByRole('radio', { name });

beforeAll(async () => {
  run = await startE2eRun({ saveKey: true });
  await navButton(run.page, 'Upload').waitFor({ timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await run?.dispose();
});

describe('pins in History', { timeout: 120_000 }, () => {
  it('pinning a row marks it Pinned, says when it is next kept alive, and the Pinned filter lists it', async () => {
    const { page } = run;
    await upload(OLD);
    run.advanceClock(3 * DAY + HOUR);
    await upload(ONE);
    await upload(TWO);
    await upload(THREE);
    await navButton(page, 'History').click();
    const row = historyRow(page, TWO);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getByTestId('pinned-marker').count()).toBe(0);

    const toggle = row.getByRole('button', { name: `Pin ${TWO}` });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();

    await expect.poll(() => row.getByTestId('pinned-marker').textContent()).toBe('Pinned');
    expect(await row.getByRole('button', { name: `Unpin ${TWO}` }).getAttribute('aria-pressed')).toBe('true');
    // Three days left, kept alive 12 hours before: the first keep-alive is about 2 days 12 hours away.
    expect(await row.getByTestId('keepalive-status').textContent()).toBe('next keep-alive in about 2 d');
    await expect.poll(announcer).toContain(`Pinned ${TWO}: its link is kept alive at the same address`);
    expect(await historyRow(page, ONE).getByTestId('pinned-marker').count()).toBe(0);

    await chip('Pinned').click();
    await expect.poll(listed, { timeout: 15_000 }).toEqual([TWO]);
    expect(await page.getByTestId('history-count').textContent()).toBe('1 link');
  });

  it('unpinning under the Pinned filter takes the link off it, and it stays listed under All, unmarked', async () => {
    const { page } = run;
    await historyRow(page, TWO)
      .getByRole('button', { name: `Unpin ${TWO}` })
      .click();
    await expect.poll(listed).toEqual([]);
    await expect.poll(announcer).toContain(`Unpinned ${TWO}: its link expires as usual`);
    expect(
      await page.getByText('No pinned links. Pin a link to keep it alive at the same address.').count(),
    ).toBe(1);

    await chip('All').click();
    const row = historyRow(page, TWO);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getByTestId('pinned-marker').count()).toBe(0);
    expect(await row.getByRole('button', { name: `Pin ${TWO}` }).getAttribute('aria-pressed')).toBe('false');
  });

  it('the selection bar pins several links at once, and the Pinned filter lists them newest first', async () => {
    const { page } = run;
    await historyRow(page, ONE).locator('.history-name').click();
    await historyRow(page, THREE)
      .locator('.history-name')
      .click({ modifiers: ['Control'] });
    const bulkBar = page.getByTestId('bulk-bar');
    await expect.poll(() => bulkBar.locator('.bulk-count').textContent()).toBe('2 selected');
    await bulkBar.getByRole('button', { name: 'Pin' }).click();
    await expect.poll(announcer).toContain('2 links pinned: each is kept alive at the same address');
    await expect.poll(() => historyRow(page, ONE).getByTestId('pinned-marker').count()).toBe(1);
    expect(await historyRow(page, THREE).getByTestId('pinned-marker').count()).toBe(1);

    await chip('Pinned').click();
    await expect.poll(listed, { timeout: 15_000 }).toEqual([THREE, ONE]);
  });

  it('pinning an expired link is refused with the reason', async () => {
    const { page } = run;
    await chip('All').click();
    const row = historyRow(page, OLD);
    await row.waitFor({ timeout: 15_000 });
    await row.getByRole('button', { name: `Pin ${OLD}` }).click();
    await expect
      .poll(announcer)
      .toContain(`“${OLD}” has expired, so its link cannot be kept alive. Renew it, then pin the new link.`);
    expect(await row.getByTestId('pinned-marker').count()).toBe(0);
  });

  it('in Chinese, the marker, the filter and the toggle read in Chinese', async () => {
    const { page, h } = run;
    await h.handlers['settings:set']({ language: 'zh-CN' });
    const row = historyRow(page, ONE);
    await expect.poll(() => row.getByTestId('pinned-marker').textContent()).toBe('已固定');
    expect(await row.getByRole('button', { name: `取消固定 ${ONE}` }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await row.getByTestId('keepalive-status').textContent()).toBe('约 2 天后进行下一次保活');
    expect(await chip('已固定').count()).toBe(1);
    await h.handlers['settings:set']({ language: 'en' });
  });
});
