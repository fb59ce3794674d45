// "Show QR code" in a History row's copy menu, in Chromium: a dialog with the link's code (the same SVG
// the qrcode package makes for the link) and the link under it, named for screen readers, closed by
// Escape, with no serious accessibility finding, in English and Chinese.
import { createRequire } from 'node:module';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { historyRow, navButton, uploadByDrop } from './support/page-actions';

const NAME = 'phone-photo.txt';
const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

let run: E2eRun;

/** axe's serious and critical findings on the page as it is now. */
async function seriousFindings(): Promise<string[]> {
  await run.page.evaluate(axeSource);
  return run.page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(ctx: unknown): Promise<{ violations: { id: string; impact: string | null }[] }> };
      }
    ).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id);
  });
}

beforeAll(async () => {
  run = await startE2eRun({ saveKey: true });
  await navButton(run.page, 'Upload').waitFor({ timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await run?.dispose();
});

describe('QR code in History', { timeout: 120_000 }, () => {
  it("shows the row's link as a QR code with the link under it; Escape closes it", async () => {
    const { page, h } = run;
    await uploadByDrop(run, NAME);
    await navButton(page, 'History').click();
    await historyRow(page, NAME).waitFor({ timeout: 15_000 });
    const link = h.engine.history.list({ limit: 5 }).entries.find((e) => e.fileName === NAME)?.downloadUrl;
    expect(link).toMatch(/^https?:\/\//u);

    await page.getByRole('button', { name: `More copy formats for ${NAME}` }).click();
    await page.getByRole('menuitem', { name: 'Show QR code' }).click();
    const dialog = page.getByRole('dialog', { name: `QR code for ${NAME}` });
    await dialog.waitFor();
    const image = dialog.getByRole('img', { name: `QR code of the link to ${NAME}`, exact: false });
    await image.waitFor();
    expect(await image.getAttribute('data-svg')).toBe(await QRCode.toString(link ?? '', { type: 'svg' }));
    expect(
      await image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0);
    expect(await dialog.getByText(link ?? '', { exact: true }).count()).toBe(1);
    expect(await seriousFindings()).toEqual([]);
    await run.snapshot('history-qr-code');

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('says it in Chinese', async () => {
    const { page, h } = run;
    await h.handlers['settings:set']({ language: 'zh-CN' });
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (globalThis as unknown as { document: { documentElement: { lang: string } } }).document
              .documentElement.lang,
        ),
      )
      .toBe('zh-CN');
    await historyRow(page, NAME).locator('.split-toggle').click();
    await page.getByRole('menuitem', { name: '显示二维码' }).click();
    const dialog = page.getByRole('dialog', { name: `${NAME} 的二维码` });
    await dialog.waitFor();
    await dialog.getByRole('img', { name: `指向 ${NAME} 的链接的二维码`, exact: false }).waitFor();
    await dialog.getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await h.handlers['settings:set']({ language: 'en' });
  });
});
