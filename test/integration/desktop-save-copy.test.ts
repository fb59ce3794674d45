// In the window: "Save a copy…" in a History row's copy menu writes the link's bytes where the save dialog
// points and says where; Settings → "Links that last" turns local copies of URL uploads on and saves their
// space, refusing a bad value next to the field (English and Chinese).
import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEST_KEY } from '../emulator/index';
import { launchHarness, type Harness } from '../harness';
import type { JobSnapshot } from '../../src/shared/ipc-contract';
import { historyRow } from '../e2e/support/page-actions';
import { errorNextTo } from '../support/settings-field';

let h: Harness;

function nav(page: Page, name: string) {
  return page.getByRole('navigation').first().getByRole('button', { name, exact: true });
}

beforeAll(async () => {
  h = await launchHarness({ savedKey: DEFAULT_TEST_KEY, settings: { copyOnUpload: false } });
  await nav(h.page, 'History').waitFor({ timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('Save a copy… and local copies of URL uploads in the window', () => {
  it('Save a copy… writes the bytes where the save dialog points, and says where', async () => {
    const data = randomBytes(12_345);
    const path = await h.dropFile('report.pdf', data);
    const [job] = (await h.handlers['upload:files']([path], { uploadPath: 'saves' })) as JobSnapshot[];
    await h.waitForEvent('job', (j) => j.id === job?.id && j.status === 'done');

    await nav(h.page, 'History').click();
    await historyRow(h.page, 'report.pdf').waitFor({ timeout: 15_000 });
    const folder = join(h.dropDir, 'chosen');
    await mkdir(folder);
    h.dialogs.nextSavePath = join(folder, 'report-copy.pdf');
    await h.page.getByRole('button', { name: 'More copy formats for report.pdf' }).click();
    await h.page.getByRole('menuitem', { name: 'Save a copy…' }).click();

    await expect
      .poll(() => h.page.getByTestId('announcer').textContent(), { timeout: 15_000 })
      .toContain(`Saved report.pdf to ${folder}`);
    expect(h.dialogs.saveRequests.at(-1)).toBe('report.pdf');
    expect(await readFile(join(folder, 'report-copy.pdf'))).toEqual(data);
  });

  it('turns local copies of URL uploads on and saves their space, refusing 0 MiB', async () => {
    await nav(h.page, 'Settings').click();
    const section = h.page.getByRole('region', { name: 'Links that last' });
    const toggle = section.getByRole('switch', { name: 'Keep a local copy of URL uploads' });
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await toggle.click();
    await expect.poll(() => h.service.settings.get().keepUrlUploadCopies).toBe(true);

    const label = 'Space for those copies (MiB)';
    const field = h.page.getByLabel(label, { exact: true });
    expect(await field.inputValue()).toBe('500');
    await field.fill('200');
    await field.press('Enter');
    await expect.poll(() => h.service.settings.get().urlUploadCopiesMaxMiB).toBe(200);
    await field.fill('0');
    await field.press('Enter');
    await expect
      .poll(() => errorNextTo(h.page, label), { timeout: 20_000 })
      .toBe('Enter a whole number from 1 to 102400.');
    expect(h.service.settings.get().urlUploadCopiesMaxMiB).toBe(200);

    await h.handlers['settings:set']({ language: 'zh-CN' });
    const zh = h.page.getByRole('region', { name: '让链接更长久' });
    await expect
      .poll(() => zh.getByRole('switch', { name: '为通过链接上传的文件保留本地副本' }).isChecked(), {
        timeout: 10_000,
      })
      .toBe(true);
    const zhLabel = '副本可用空间（MiB）';
    const zhField = h.page.getByLabel(zhLabel, { exact: true });
    await zhField.fill('0');
    await zhField.press('Enter');
    await expect
      .poll(() => errorNextTo(h.page, zhLabel), { timeout: 20_000 })
      .toBe('请输入 1 到 102400 之间的整数。');
  });
});
