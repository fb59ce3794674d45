// A watched folder's own naming template, set in its settings on the Watch screen: a misspelt one is
// refused next to the field, a good one names the folder's next upload.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';

const FOLDER = 'Scans';
let run: E2eRun | undefined;
afterAll(async () => {
  await run?.dispose();
});

describe('naming templates of a watched folder', () => {
  it('refuses a misspelt template and names new files by a good one', async () => {
    run = await startE2eRun({ saveKey: true });
    const { page, h } = run;
    const inbox = join(run.root, FOLDER);
    await mkdir(inbox);
    await h.service.watch.addFolder({ path: inbox, quietMs: 300 });
    // The Watch screen by its button, once the window is ready (a key press before that would be lost).
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Watch', exact: true })
      .click({ timeout: 30_000 });
    const card = page
      .getByTestId('watch-folder')
      .filter({ has: page.getByRole('heading', { name: FOLDER }) });
    await card.getByRole('button', { name: `Settings for ${FOLDER}` }).click({ timeout: 30_000 });
    const field = card.getByTestId('watch-name-template');

    await field.fill('{fodler}.{ext}');
    await field.press('Enter');
    await expect.poll(() => card.getByText('{fodler} is not a variable.').isVisible()).toBe(true);
    expect(h.service.watch.list()[0]?.nameTemplate).toBe('');

    await field.fill('{folder}-{counter}.{ext}');
    await field.press('Enter');
    await expect.poll(() => h.service.watch.list()[0]?.nameTemplate).toBe('{folder}-{counter}.{ext}');

    await writeFile(join(inbox, 'page.pdf'), 'scanned');
    await expect
      .poll(() => h.engine.history.list({ limit: 10 }).entries.map((e) => e.fileName), { timeout: 30_000 })
      .toEqual([`${FOLDER}-1.pdf`]);
  }, 180_000);
});
