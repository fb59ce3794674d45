// Link health in History, in Chromium: "Check link" from a row's copy menu says the link was checked alive;
// Check links on a selection says in plain words what was found, a link its host deleted before its
// expiry shows "gone (first seen gone …)" and offers Renew instead of Copy, and a link never checked
// shows nothing about its health.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR, startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { historyRow, navButton, uploadByDrop } from './support/page-actions';

const LOST = 'lost-notes.txt';
const KEPT = 'kept-notes.txt';
const NEVER = 'never-checked.txt';

let run: E2eRun;

async function upload(name: string): Promise<void> {
  await uploadByDrop(run, name);
}

const health = (name: string) => historyRow(run.page, name).getByTestId('link-health');
const announcer = () => run.page.getByTestId('announcer').textContent();

beforeAll(async () => {
  run = await startE2eRun({ saveKey: true });
  await navButton(run.page, 'Upload').waitFor({ timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await run?.dispose();
});

describe('link health in History', { timeout: 120_000 }, () => {
  it('Check link from a row says the link was checked alive', async () => {
    const { page } = run;
    await upload(LOST);
    run.advanceClock(2 * HOUR);
    await upload(KEPT);
    await upload(NEVER);
    await navButton(page, 'History').click();
    await historyRow(page, KEPT).waitFor({ timeout: 15_000 });
    expect(await health(KEPT).count()).toBe(0);
    await page.getByRole('button', { name: `More copy formats for ${KEPT}` }).click();
    await page.getByRole('menuitem', { name: 'Check link' }).click();
    await expect.poll(() => health(KEPT).textContent(), { timeout: 15_000 }).toBe('checked alive just now');
    expect(await health(KEPT).getAttribute('data-state')).toBe('alive');
    await expect.poll(announcer).toContain(`The link to ${KEPT} works`);
  });

  it('a link deleted at its host before its expiry reads as gone after Check links, with Renew instead of Copy', async () => {
    const { page, emulator } = run;
    // The host now keeps files one hour: the older upload is deleted there, the newer ones are not.
    emulator.setLinkBehaviour({ lifetimeMs: HOUR });
    const lost = historyRow(page, LOST);
    expect(await lost.getByRole('button', { name: `Copy link to ${LOST}` }).count()).toBe(1);

    await lost.locator('.history-name').click();
    await historyRow(page, KEPT)
      .locator('.history-name')
      .click({ modifiers: ['Control'] });
    const bulkBar = page.getByTestId('bulk-bar');
    await expect.poll(() => bulkBar.locator('.bulk-count').textContent()).toBe('2 selected');
    await bulkBar.getByRole('button', { name: 'Check links' }).click();

    await expect.poll(announcer, { timeout: 15_000 }).toContain('Checked 2 links: 1 alive, 1 gone');
    await expect.poll(() => health(LOST).getAttribute('data-state')).toBe('gone');
    expect(await health(LOST).textContent()).toMatch(/^gone \(first seen gone Today \d\d:\d\d\)$/u);
    expect(await lost.getAttribute('data-status')).toBe('expired');
    expect(await lost.getByTestId('expiry').textContent()).toBe('link gone');
    expect(await lost.getByRole('button', { name: `Copy link to ${LOST}` }).count()).toBe(0);
    expect(
      await lost.getByRole('button', { name: `Renew ${LOST}: upload it again for a new link` }).textContent(),
    ).toBe('Renew');
    // The other one stays live; the one never checked says nothing about its health.
    expect(await health(KEPT).textContent()).toBe('checked alive just now');
    expect(await historyRow(page, KEPT).getAttribute('data-status')).not.toBe('expired');
    expect(await health(NEVER).count()).toBe(0);
    await run.snapshot('history-link-gone');
  });

  it('Enter on the gone row does not copy its dead link', async () => {
    const { page, h } = run;
    const copiesBefore = h.clipboard.texts.length;
    await historyRow(page, LOST).locator('.history-name').click();
    await page.keyboard.press('Enter');
    await expect.poll(announcer).toContain('This link has expired — renew it to get a new link');
    expect(h.clipboard.texts.length).toBe(copiesBefore);
  });
});
