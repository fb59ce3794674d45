// A name template in Settings that gives a name the API would refuse stops the upload before anything is
// sent, and the Upload screen says why in the window's language, naming the template and what it gave.
import { afterAll, describe, expect, it } from 'vitest';
import { startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { dropFiles } from './support/page-actions';

const runs: E2eRun[] = [];
afterAll(async () => {
  for (const run of runs) await run.dispose();
});

describe('a naming template refused at upload time', () => {
  it('is explained in Chinese on the Upload screen, and nothing is uploaded', async () => {
    const run = await startE2eRun({
      saveKey: true,
      settings: { language: 'zh-CN', nameTemplate: '{name}/{ext}' },
    });
    runs.push(run);
    const { page } = run;
    await page.getByRole('navigation').getByRole('button', { name: '上传', exact: true }).waitFor({
      timeout: 30_000,
    });
    await run.h.dropFile('minutes.txt', 'agenda');
    await dropFiles(page, ['minutes.txt']);
    const banner = page.getByTestId('upload-error');
    await expect
      .poll(() => banner.textContent(), { timeout: 20_000 })
      .toContain(
        '命名模板“{name}/{ext}”得到的“minutes/txt”无法使用：文件名不能包含“/”或“\\”，文件夹请写在上传路径模板中。',
      );
    expect(run.h.engine.history.list({ limit: 10 }).entries).toEqual([]);
  }, 180_000);
});
