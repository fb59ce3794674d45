// Settings refuses a bad value in the person's words and language, next to the field: never the app's
// internal `Setting "concurrency": …` or `Setting "proxy.url": …`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_TEST_KEY } from '../emulator/index';
import { launchHarness } from '../harness';
import type { Harness } from '../harness';
import { errorNextTo } from '../support/settings-field';

let h: Harness;

function nav(page: Page, name: string) {
  return page.getByRole('navigation').first().getByRole('button', { name, exact: true });
}

/** The error shown next to the field labelled `label`. */
beforeAll(async () => {
  h = await launchHarness({ savedKey: DEFAULT_TEST_KEY });
  await nav(h.page, 'Settings').click({ timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('a refused setting', () => {
  it('says what to type instead, in English', async () => {
    const field = h.page.getByLabel('Uploads at once', { exact: true });
    await field.fill('0');
    await field.press('Enter');
    const text = await errorNextTo(h.page, 'Uploads at once');
    expect(text).toBe('Enter a whole number from 1 to 10.');
    expect(h.service.settings.get().concurrency).not.toBe(0);

    await h.page.getByRole('radio', { name: 'Manual' }).click();
    const proxy = h.page.getByLabel('Proxy URL', { exact: true });
    await proxy.fill('socks5://127.0.0.1:1080');
    await proxy.press('Enter');
    const proxyText = await errorNextTo(h.page, 'Proxy URL').catch(async () => {
      // The proxy's error sits under the whole row (its label is the mode switch).
      const alert = h.page.locator('.setting', { has: proxy }).getByRole('alert');
      await alert.waitFor({ timeout: 10_000 });
      return (await alert.textContent()) ?? '';
    });
    expect(proxyText).toContain('Enter the proxy as an address such as http://127.0.0.1:8080.');
    expect(proxyText).not.toMatch(/Setting "|proxy\.url/u);
  });

  it('says it in Chinese when the app is in Chinese', async () => {
    await h.handlers['settings:set']({ language: 'zh-CN' });
    const field = h.page.getByLabel('同时上传数', { exact: true });
    await field.waitFor({ timeout: 10_000 });
    await field.fill('99');
    await field.press('Enter');
    // The English message of an earlier test can linger until the language change reaches the row.
    await expect
      .poll(() => errorNextTo(h.page, '同时上传数'), { timeout: 15_000 })
      .toBe('请输入 1 到 10 之间的整数。');
  });
});
