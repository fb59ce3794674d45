// The question before a photo goes up with its GPS position, in the window (Chromium on the built
// renderer): asked once, "Remove the location" first in focus, answered in English and in Chinese, and the
// answer then shown in Settings → Uploads → Pictures with a location.
import exifr from 'exifr';
import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { JobSnapshot } from '../../src/shared/ipc-contract';
import { writePhotoWithGps } from '../support/test-images';
import { startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';

const runs: E2eRun[] = [];
afterAll(async () => {
  for (const run of runs) await run.dispose();
});

async function start(language: 'en' | 'zh-CN'): Promise<{ run: E2eRun; shown: () => number }> {
  let shown = 0;
  const run = await startE2eRun({
    saveKey: true,
    settings: { language, copyOnUpload: false },
    desktop: { askAboutLocation: { showWindow: () => (shown += 1) } },
  });
  runs.push(run);
  return { run, shown: () => shown };
}

async function storedOf(run: E2eRun, job: JobSnapshot | undefined): Promise<Buffer> {
  const done = await run.h.waitForEvent(
    'job',
    (j) => j.id === job?.id && (j.status === 'done' || j.status === 'failed'),
    20_000,
  );
  const entry = done.historyId === null ? undefined : run.h.engine.history.get(done.historyId);
  if (!entry) throw new Error(`${done.fileName} was not uploaded: ${done.lastError}`);
  return readFile(run.emulator.storedFile(entry.filePath) ?? '');
}

describe('the question about a picture with a location', () => {
  it('asks in English with "Remove the location" as the default, and removing it is kept', async () => {
    const { run, shown } = await start('en');
    const { page, h } = run;
    const photo = await writePhotoWithGps(h.dropDir, 'IMG_2041.jpg');
    const [job] = await h.handlers['upload:files']([photo], {});

    const dialog = page.getByRole('dialog', { name: 'This picture shows where it was taken', exact: true });
    await dialog.waitFor({ timeout: 20_000 });
    expect(await dialog.textContent()).toContain('“IMG_2041.jpg” holds a GPS position');
    const remove = dialog.getByRole('button', { name: 'Remove the location', exact: true });
    await expect
      .poll(
        () => remove.evaluate((el) => el === (el.ownerDocument as { activeElement: unknown }).activeElement),
        { timeout: 10_000 },
      )
      .toBe(true);
    expect(await dialog.getByRole('button', { name: 'Upload with location', exact: true }).count()).toBe(1);
    expect(shown()).toBe(1);
    await remove.click();

    expect(await exifr.gps(await storedOf(run, job))).toBeUndefined();
    await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
    expect((await h.handlers['settings:get']()).locationInPictures).toBe('remove');

    await page.getByRole('navigation').getByRole('button', { name: 'Settings', exact: true }).click();
    const choice = page.getByRole('radio', { name: 'Always remove it', exact: true });
    await choice.waitFor({ timeout: 15_000 });
    expect(await choice.getAttribute('aria-checked')).toBe('true');
  }, 120_000);

  it('asks in Chinese, and "连同位置上传" sends the photo with its position', async () => {
    const { run } = await start('zh-CN');
    const { page, h } = run;
    const photo = await writePhotoWithGps(h.dropDir, 'IMG_2042.jpg');
    const [job] = await h.handlers['upload:files']([photo], {});

    const dialog = page.getByRole('dialog', { name: '这张图片带有拍摄地点', exact: true });
    await dialog.waitFor({ timeout: 20_000 });
    expect(await dialog.textContent()).toContain('“IMG_2042.jpg”带有 GPS 位置');
    expect(await dialog.getByRole('button', { name: '移除位置', exact: true }).count()).toBe(1);
    // Its row says what it waits for, not that it is being sent.
    const row = page.getByTestId('job-row').filter({ hasText: 'IMG_2042.jpg' });
    await expect
      .poll(() => row.textContent(), { timeout: 10_000 })
      .toContain('等待你的回答：是否移除位置信息？');
    expect((await h.handlers['jobs:list']()).find((j) => j.id === job?.id)?.phase).toBe('asking');
    await dialog.getByRole('button', { name: '连同位置上传', exact: true }).click();

    expect((await exifr.gps(await storedOf(run, job)))?.latitude).toBeCloseTo(52.5167, 3);
    expect((await h.handlers['settings:get']()).locationInPictures).toBe('keep');
    await page.getByRole('navigation').getByRole('button', { name: '设置', exact: true }).click();
    const choice = page.getByRole('radio', { name: '保留', exact: true });
    await choice.waitFor({ timeout: 15_000 });
    expect(await choice.getAttribute('aria-checked')).toBe('true');
    expect(await page.getByText('带位置信息的图片', { exact: true }).count()).toBeGreaterThan(0);
  }, 120_000);
});
