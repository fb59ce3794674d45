// Where History's notices lead, in Chromium: the expiry reminder's click opens History on "Expiring soon"
// at the first link to expire, and "pinned links died while KieDrop was not running" offers Renew in the
// window, which uploads each of them again for a new link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR, startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { historyRow, navButton, uploadByDrop } from './support/page-actions';

const SOON = 'soon-report.txt';
const LATER = 'later-report.txt';
const DIED = 'died-pinned.txt';

let run: E2eRun;

async function upload(name: string): Promise<number> {
  const { h } = run;
  await uploadByDrop(run, name);
  const found = h.engine.history.list({ search: name }).entries[0];
  if (found === undefined) throw new Error(`${name} is not in the history`);
  return found.id;
}

const announcer = () => run.page.getByTestId('announcer').textContent();

beforeAll(async () => {
  run = await startE2eRun({ saveKey: true });
  await navButton(run.page, 'Upload').waitFor({ timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await run?.dispose();
});

describe('notices that lead into History', { timeout: 120_000 }, () => {
  it('the expiry reminder’s click opens History on “Expiring soon”, at the first link to expire', async () => {
    const { page, h } = run;
    const soon = await upload(SOON);
    run.advanceClock(2 * DAY + 20 * HOUR);
    await upload(LATER);
    // What the reminder's click sends (see expiry-reminder-notify.ts).
    h.service.outbox.emit('show-entry', { id: soon, filter: 'expiring' });
    await expect
      .poll(() => page.getByRole('radio', { name: 'Expiring soon' }).getAttribute('aria-checked'))
      .toBe('true');
    await expect
      .poll(() => page.locator('.row-highlight .history-name').textContent(), { timeout: 10_000 })
      .toBe(SOON);
    // Only links expiring soon are listed: the newer upload is not.
    expect(await historyRow(page, LATER).count()).toBe(0);
  });

  it('the “died while KieDrop was not running” notice renews those links from its Renew button', async () => {
    const { page, h } = run;
    const died = await upload(DIED);
    await h.handlers['history:pin'](died, { followFile: false });
    run.advanceClock(3 * DAY + HOUR);
    await h.service.keepAlive.runNow();

    const notice = page.getByTestId('notice').filter({ hasText: 'died while KieDrop was not running' });
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toContain('Pinned links that died while KieDrop was not running: 1.');
    const renewsBefore = h.engine.history.list({ search: DIED }).total;
    await notice.getByRole('button', { name: 'Renew' }).click();

    await expect.poll(announcer).toContain('Renewing 1: uploading again');
    await expect.poll(() => notice.count()).toBe(0);
    await expect
      .poll(() => h.engine.history.list({ search: DIED }).total, { timeout: 30_000 })
      .toBe(renewsBefore + 1);
    const renewed = h.engine.history.list({ search: DIED }).entries[0];
    expect(renewed?.renewOf).toBe(died);
  });
});
