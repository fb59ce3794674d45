// Settings → Uploads: the naming templates. Typing shows what an example file would be called, a
// misspelt variable is refused next to its field (in English and in Chinese), and the app's next
// upload is named and placed by the saved templates.
import { afterAll, describe, expect, it } from 'vitest';
import { startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { dropFiles, jobRow, navButton } from './support/page-actions';

const runs: E2eRun[] = [];
afterAll(async () => {
  for (const run of runs) await run.dispose();
});

const two = (n: number): string => String(n).padStart(2, '0');

describe('naming templates in Settings', () => {
  it('previews the name as it is typed, refuses a misspelt variable, and names the next upload', async () => {
    const run = await startE2eRun({ saveKey: true });
    runs.push(run);
    const { page } = run;
    await navButton(page, 'Settings').click();
    const name = page.getByTestId('setting-name-template');
    const path = page.getByTestId('setting-path-template');
    const preview = page.getByTestId('naming-preview');
    await expect
      .poll(() => preview.textContent(), { timeout: 15_000 })
      .toBe('Example: IMG_0042.JPG would be uploaded as kiedrop/x7k2m9qa/IMG_0042.JPG');

    await name.fill('{nmae}.{ext}');
    await expect.poll(() => page.getByText('{nmae} is not a variable.').isVisible()).toBe(true);
    expect(await preview.textContent()).toBe('No example until the template is fixed.');

    const now = new Date();
    await name.fill('note-{counter}.{ext}');
    await path.fill('notes/{date:YYYY-MM}');
    await expect
      .poll(() => preview.textContent())
      .toBe(
        `Example: IMG_0042.JPG would be uploaded as notes/${now.getFullYear()}-${two(now.getMonth() + 1)}/x7k2m9qa/note-1.JPG`,
      );
    await path.press('Enter');
    await name.focus();
    await name.press('Enter');
    await expect.poll(() => page.getByText('{nmae} is not a variable.').count()).toBe(0);

    await run.h.dropFile('meeting.txt', 'agenda');
    await navButton(page, 'Upload').click();
    await dropFiles(page, ['meeting.txt']);
    // The upload list shows the name it is uploaded under.
    await expect
      .poll(() => jobRow(page, 'note-1.txt').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('done');
    const entry = run.h.engine.history.list({ limit: 10 }).entries[0];
    expect(entry?.fileName).toBe('note-1.txt');
    expect(entry?.uploadPath).toBe(`notes/${now.getFullYear()}-${two(now.getMonth() + 1)}`);
  }, 180_000);

  it('says what is wrong with a template in Chinese', async () => {
    const run = await startE2eRun({ saveKey: true, settings: { language: 'zh-CN' } });
    runs.push(run);
    const { page } = run;
    await page.getByRole('navigation').getByRole('button', { name: '设置', exact: true }).click();
    const name = page.getByTestId('setting-name-template');
    await name.fill('{hash:99}');
    await expect
      .poll(() => page.getByText('{hash:99} 中的长度必须是 1 到 64 之间的整数。').isVisible(), {
        timeout: 15_000,
      })
      .toBe(true);
    expect(await page.getByTestId('naming-preview').textContent()).toBe('模板修正后才会显示示例。');
  }, 180_000);
});
