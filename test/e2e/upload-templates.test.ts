// A naming template typed on the Upload screen names every file of that drop, and a path template
// decides where they go, instead of Settings' templates; the screen shows what an example file becomes,
// or what is wrong with the template, as it is typed, in the window's language.
import { afterAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/shared/ipc-contract';
import { startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { dropFiles, navButton } from './support/page-actions';

const runs: E2eRun[] = [];
afterAll(async () => {
  for (const run of runs) await run.dispose();
});

async function entriesNamed(run: E2eRun, names: string[]): Promise<HistoryEntry[]> {
  let found: HistoryEntry[] = [];
  await expect
    .poll(
      async () => {
        const page = await run.h.handlers['history:list']({});
        found = page.entries.filter((e) => names.includes(e.fileName));
        return found.map((e) => e.fileName).sort();
      },
      { timeout: 30_000 },
    )
    .toEqual([...names].sort());
  return found;
}

describe('templates typed on the Upload screen', () => {
  it('name every dropped file and place them by the path template, and the template stays for the next drop', async () => {
    const run = await startE2eRun({ saveKey: true, settings: { nameTemplate: '{hash:8}.{ext}' } });
    runs.push(run);
    const { page, h } = run;
    await navButton(page, 'Upload').click();
    const name = page.getByLabel('File name', { exact: true });
    const path = page.getByLabel('Upload path', { exact: true });
    await name.waitFor({ timeout: 15_000 });
    await name.fill('{name}-from-window.{ext}');
    await path.fill('shots/{date:YYYY}');
    const preview = page.getByTestId('upload-template-preview');
    const year = String(new Date().getFullYear());
    await expect
      .poll(() => preview.textContent(), { timeout: 10_000 })
      .toMatch(new RegExp(`IMG_0042\\.JPG would be uploaded as shots/${year}/.+/IMG_0042-from-window\\.JPG`));

    await h.dropFile('first.txt', Buffer.from('one'));
    await h.dropFile('second.txt', Buffer.from('two'));
    await dropFiles(page, ['first.txt', 'second.txt']);
    const entries = await entriesNamed(run, ['first-from-window.txt', 'second-from-window.txt']);
    for (const entry of entries) expect(entry.filePath).toContain(`/shots/${year}/`);
    // Nobody was told their name went unused: the template named them all.
    expect(await page.getByText('was not used', { exact: false }).count()).toBe(0);
    expect(await name.inputValue()).toBe('{name}-from-window.{ext}');
  }, 180_000);

  it('says what is wrong with a misspelt template in Chinese, and sends nothing', async () => {
    const run = await startE2eRun({ saveKey: true, settings: { language: 'zh-CN' } });
    runs.push(run);
    const { page, h } = run;
    await page
      .getByRole('navigation')
      .getByRole('button', { name: '上传', exact: true })
      .click({ timeout: 30_000 });
    const name = page.getByLabel('文件名', { exact: true });
    await name.waitFor({ timeout: 15_000 });
    await name.fill('{nmae}.{ext}');
    const preview = page.getByTestId('upload-template-preview');
    await expect.poll(() => preview.textContent(), { timeout: 10_000 }).toMatch(/\{nmae\}/);
    expect(await preview.textContent()).toMatch(/[\u4e00-\u9fff]/);

    await h.dropFile('third.txt', Buffer.from('three'));
    await dropFiles(page, ['third.txt']);
    const banner = page.getByTestId('upload-error');
    await expect.poll(() => banner.textContent(), { timeout: 20_000 }).toMatch(/\{nmae\}/);
    expect(await banner.textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(h.engine.history.list({ limit: 10 }).entries).toEqual([]);
    expect(run.emulator.log.filter((e) => e.path.includes('upload')).map((e) => e.path)).toEqual([]);
  }, 180_000);
});
