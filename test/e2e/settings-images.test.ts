// Settings → Uploads: "Optimise pictures before upload" and "Remove metadata from pictures". Turning
// optimisation on shows its format, quality and size steps; each choice is saved at once; the labels
// exist in Chinese too.
import { afterAll, describe, expect, it } from 'vitest';
import { startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { navButton } from './support/page-actions';

const runs: E2eRun[] = [];
afterAll(async () => {
  for (const run of runs) await run.dispose();
});

describe('picture settings', () => {
  it('saves optimisation, its format and size, and metadata removal as they are chosen', async () => {
    const run = await startE2eRun({ saveKey: true });
    runs.push(run);
    const { page, h } = run;
    await navButton(page, 'Settings').click();
    const optimise = page.getByRole('switch', { name: 'Optimise pictures before upload' });
    await optimise.waitFor({ timeout: 15_000 });
    // Off by default, and its details hidden until it is on.
    expect(await page.getByRole('radio', { name: 'AVIF' }).count()).toBe(0);
    await optimise.click();
    await expect.poll(async () => (await h.handlers['settings:get']()).imageOptimize).toBe(true);

    await page.getByRole('radio', { name: 'AVIF' }).click();
    await page.getByRole('radio', { name: '2560 px' }).click();
    await page.getByRole('switch', { name: 'Remove metadata from pictures' }).click();
    await expect
      .poll(async () => {
        const s = await h.handlers['settings:get']();
        return [s.imageFormat, s.imageMaxSide, s.stripMetadata];
      })
      .toEqual(['avif', 2560, true]);
  }, 120_000);

  it('is labelled in Chinese', async () => {
    const run = await startE2eRun({ saveKey: true, settings: { language: 'zh-CN', imageOptimize: true } });
    runs.push(run);
    const { page } = run;
    await page.getByRole('navigation').getByRole('button', { name: '设置', exact: true }).click();
    await expect
      .poll(() => page.getByRole('switch', { name: '上传前优化图片' }).count(), { timeout: 15_000 })
      .toBe(1);
    expect(await page.getByRole('radio', { name: '保持原格式' }).count()).toBe(1);
    expect(await page.getByRole('switch', { name: '移除图片元数据' }).count()).toBe(1);
  }, 120_000);
});
