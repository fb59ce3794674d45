// Acceptance (issue 14, "24 h lifetime"): with the host keeping files 24 hours and the clock moved, a check
// that finds the first upload gone early shortens the other entries' expiry to their upload time plus the
// lifetime seen — in the core and in History's rows in Chromium — and History says why. The "Links last"
// setting then overrides it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { historyRow, navButton, uploadByDrop } from './support/page-actions';

const FIRST = 'first-notes.txt';
const SECOND = 'second-notes.txt';
const THIRD = 'third-notes.txt';

let run: E2eRun;

async function upload(name: string): Promise<void> {
  await uploadByDrop(run, name);
}

function entryNamed(name: string) {
  const found = run.h.engine.history.list({ search: name }).entries.find((e) => e.fileName === name);
  if (found === undefined) throw new Error(`${name} is not in the history`);
  return found;
}

const expiryText = (name: string) => historyRow(run.page, name).getByTestId('expiry').textContent();

beforeAll(async () => {
  run = await startE2eRun({ saveKey: true });
  run.emulator.setLinkBehaviour({ lifetimeMs: DAY });
  await navButton(run.page, 'Upload').waitFor({ timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await run?.dispose();
});

describe('a 24 h lifetime, learned', { timeout: 120_000 }, () => {
  it('after the first early death the other countdowns shorten, and History says why', async () => {
    const { page } = run;
    await upload(FIRST);
    run.advanceClock(2 * HOUR);
    await upload(SECOND);
    await upload(THIRD);
    await navButton(page, 'History').click();
    await historyRow(page, SECOND).waitFor({ timeout: 15_000 });
    expect(await expiryText(SECOND)).toMatch(/^expires in 2 d 2[23] h$/u);
    expect(await page.getByTestId('lifetime-note').count()).toBe(0);

    // The first upload is 24 h 10 min old: its host has deleted it, 2 days before KieDrop's computed expiry.
    run.advanceClock(22 * HOUR + 10 * MINUTE);
    await page.getByRole('button', { name: `More copy formats for ${FIRST}` }).click();
    await page.getByRole('menuitem', { name: 'Check link' }).click();
    await expect
      .poll(() => historyRow(page, FIRST).getAttribute('data-status'), { timeout: 15_000 })
      .toBe('expired');

    const note = page.getByTestId('lifetime-note');
    await expect
      .poll(() => note.textContent(), { timeout: 15_000 })
      .toBe('Links have lately lasted about 24 h, so countdowns use that (observed on 1 link).');

    // The core: upload time plus the lifetime the first link was seen to have, not plus 3 days.
    const lifetime = run.h.engine.history.lifetime();
    expect(lifetime.source).toBe('learned');
    expect(lifetime.believedMs).toBeGreaterThanOrEqual(24 * HOUR + 10 * MINUTE);
    expect(lifetime.believedMs).toBeLessThan(24 * HOUR + 11 * MINUTE);
    for (const name of [SECOND, THIRD]) {
      const e = entryNamed(name);
      expect(Date.parse(e.expiresAt)).toBe(Date.parse(e.uploadedAt) + lifetime.believedMs);
      expect(e.status).toBe('expiring');
    }

    // The rows in Chromium: about 2 hours left instead of 2 days, and in the expiring window.
    await expect.poll(() => expiryText(SECOND), { timeout: 15_000 }).toMatch(/^expires in 2 h( \d+ min)?$/u);
    expect(await expiryText(THIRD)).toMatch(/^expires in 2 h( \d+ min)?$/u);
    expect(await historyRow(page, SECOND).getAttribute('data-status')).toBe('expiring');
    await run.snapshot('history-lifetime-learned');
  });

  it('a "Links last" setting overrides what was learned: the note goes and the countdowns follow it', async () => {
    const { page, h } = run;
    await h.handlers['settings:set']({ linkLifetimeHours: 48 });
    await expect.poll(() => page.getByTestId('lifetime-note').count(), { timeout: 15_000 }).toBe(0);
    // Uploaded 22 h 10 min ago: 25 h 50 min of 48 h left.
    await expect.poll(() => expiryText(SECOND), { timeout: 15_000 }).toMatch(/^expires in 1 d 1 h$/u);
    expect(await historyRow(page, SECOND).getAttribute('data-status')).toBe('active');
  });
});
