// A pinned row's keep-alive status, in Chromium, after real keep-alive passes against the emulator with
// its clock moved: "kept alive once" after a pass that kept the link alive, and "keep-alive does not work
// for this account" once an overwrite was seen not to restart the link's clock (then the pin is off).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR, startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { historyRow, navButton, uploadByDrop } from './support/page-actions';

const KEPT = 'kept-alive.txt';
const STUCK = 'clock-stuck.txt';

let run: E2eRun;

async function upload(name: string): Promise<void> {
  await uploadByDrop(run, name);
}

/** The list is fetched again (a keep-alive that kept the same link sends no history event). */
async function refetch(): Promise<void> {
  await run.page.getByRole('radio', { name: 'Pinned' }).click();
  await run.page.getByRole('radio', { name: 'All' }).click();
}

const status = (name: string) => historyRow(run.page, name).getByTestId('keepalive-status');

beforeAll(async () => {
  run = await startE2eRun({ saveKey: true });
  await navButton(run.page, 'Upload').waitFor({ timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await run?.dispose();
});

describe('keep-alive status in History', { timeout: 120_000 }, () => {
  it('says how often a pinned link was kept alive, and when', async () => {
    const { page, h } = run;
    await upload(KEPT);
    await navButton(page, 'History').click();
    await historyRow(page, KEPT)
      .getByRole('button', { name: `Pin ${KEPT}` })
      .click();
    await expect.poll(() => status(KEPT).textContent()).toBe('next keep-alive in about 2 d');

    run.advanceClock(2.6 * DAY);
    const report = await h.service.keepAlive.runNow();
    expect(report.outcomes.map((o) => o.kind)).toEqual(['kept-alive']);
    await refetch();
    await expect
      .poll(() => status(KEPT).textContent(), { timeout: 10_000 })
      .toBe('kept alive once, just now');
    expect(await historyRow(page, KEPT).getByTestId('pinned-marker').count()).toBe(1);
  });

  it('says keep-alive does not work for this account when an overwrite did not restart the clock', async () => {
    const { page, h, emulator } = run;
    emulator.setLinkBehaviour({ overwriteRestartsClock: false });
    await upload(STUCK);
    await navButton(page, 'History').click();
    await historyRow(page, STUCK)
      .getByRole('button', { name: `Pin ${STUCK}` })
      .click();
    await expect.poll(() => historyRow(page, STUCK).getByTestId('pinned-marker').count()).toBe(1);

    run.advanceClock(2.6 * DAY);
    await h.service.keepAlive.runNow();
    // Past the link's first expiry: the check after the keep-alive finds it gone anyway.
    run.advanceClock(0.4 * DAY + HOUR);
    const report = await h.service.keepAlive.runNow();
    expect(report.outcomes.find((o) => o.fileName === STUCK)?.kind).toBe('clock-not-restarted');
    await refetch();
    await expect
      .poll(() => status(STUCK).textContent(), { timeout: 10_000 })
      .toBe('keep-alive does not work for this account');
    expect(await historyRow(page, STUCK).getByTestId('pinned-marker').count()).toBe(0);
    expect(
      await historyRow(page, STUCK)
        .getByRole('button', { name: `Pin ${STUCK}` })
        .count(),
    ).toBe(1);
  });
});
