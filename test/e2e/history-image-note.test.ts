// With "Optimise pictures" on, a PDF dropped on the Upload screen goes up unchanged, and the window says
// why in its language: on the finished row of the Upload screen and beside the size on its History row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { dropFiles, historyRow, jobRow } from './support/page-actions';

const NOTE = '不是 KieDrop 能优化的图片，已原样上传。';
let run: E2eRun;

function nav(name: '上传' | '历史') {
  return run.page.getByRole('navigation').getByRole('button', { name, exact: true });
}

beforeAll(async () => {
  run = await startE2eRun({
    saveKey: true,
    settings: { imageOptimize: true, imageFormat: 'webp', language: 'zh-CN' },
  });
  await nav('上传').waitFor({ timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await run?.dispose();
});

describe('a file optimisation sent unchanged', () => {
  it('says why in Chinese on the Upload screen and in History', async () => {
    const { page } = run;
    await run.h.dropFile('paper.pdf', '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    await dropFiles(page, ['paper.pdf']);
    const row = jobRow(page, 'paper.pdf');
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    await expect.poll(() => row.getByTestId('job-image-note').textContent(), { timeout: 15_000 }).toBe(NOTE);

    await nav('历史').click();
    const note = historyRow(page, 'paper.pdf').getByTestId('image-note');
    await expect.poll(() => note.textContent(), { timeout: 15_000 }).toBe(NOTE);
  }, 120_000);
});
