// Settings → "Links that last": expiry reminders switch on and off, and the keep-alive lead time is saved
// from the field, a bad value refused next to it in the person's words (English and Chinese).
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

beforeAll(async () => {
  h = await launchHarness({ savedKey: DEFAULT_TEST_KEY });
  await nav(h.page, 'Settings').click({ timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('Settings: links that last', () => {
  it('turns expiry reminders off and on', async () => {
    const section = h.page.getByRole('region', { name: 'Links that last' });
    const toggle = section.getByRole('switch', { name: 'Remind me before copied links expire' });
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await toggle.click();
    await expect.poll(() => h.service.settings.get().expiryReminders).toBe(false);
    await toggle.click();
    await expect.poll(() => h.service.settings.get().expiryReminders).toBe(true);
  });

  it('saves the keep-alive lead time, and refuses 0 or 49 hours saying what to type', async () => {
    const label = 'Keep pinned links alive (hours before expiry)';
    const field = h.page.getByLabel(label, { exact: true });
    expect(await field.inputValue()).toBe('12');
    await field.fill('24');
    await field.press('Enter');
    await expect.poll(() => h.service.settings.get().keepAliveLeadHours).toBe(24);

    // Typed again until refused: the saved 24 coming back from the app can replace what was typed just before.
    await expect
      .poll(
        async () => {
          await field.fill('49');
          await field.press('Enter');
          return errorNextTo(h.page, label, 2_000).catch(() => '');
        },
        { timeout: 30_000 },
      )
      .toBe('Enter a whole number of hours from 1 to 48.');
    expect(h.service.settings.get().keepAliveLeadHours).toBe(24);
  });

  it('says it in Chinese when the app is in Chinese', async () => {
    await h.handlers['settings:set']({ language: 'zh-CN' });
    const section = h.page.getByRole('region', { name: '让链接更长久' });
    await section.waitFor({ timeout: 10_000 });
    await expect
      .poll(() => section.getByRole('switch', { name: '复制过的链接过期前提醒我' }).isChecked())
      .toBe(true);
    const label = '为固定的链接保活（过期前几小时）';
    const field = h.page.getByLabel(label, { exact: true });
    await field.fill('0');
    await field.press('Enter');
    await expect
      .poll(() => errorNextTo(h.page, label), { timeout: 20_000 })
      .toBe('请输入 1 到 48 之间的整数小时数。');
  });
});
