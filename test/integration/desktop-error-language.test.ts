// Failures read in the app's language: the app sends each error with a stable code and params, and the
// window says it in Chinese or English (the English message stays for the command line and the logs).
// Real renderer in Chromium, real app service, emulator, keychain and files.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_TEST_KEY } from '../emulator/index';
import { launchHarness } from '../harness';
import type { Harness } from '../harness';
import { dropFiles, jobRow } from '../e2e/support/page-actions';

/** Nothing listens here: "connection refused". */
const WRONG_HOST = 'http://127.0.0.1:9';
/** One byte over the Base64 limit (src/main/core/api/types.ts). */
const OVER_BASE64 = 10 * 1024 * 1024 + 1;

/** Latin words of three letters or more: English left in a Chinese sentence (names and hosts aside). */
function englishWords(text: string, allowed: readonly string[]): string[] {
  let rest = text;
  for (const word of allowed) rest = rest.split(word).join(' ');
  return rest.match(/[A-Za-z]{3,}/gu) ?? [];
}

let firstRun: Harness;
let app: Harness;

beforeAll(async () => {
  firstRun = await launchHarness({ settings: { language: 'zh-CN', creditsBaseUrl: WRONG_HOST } });
  app = await launchHarness({
    browser: firstRun.browser,
    savedKey: DEFAULT_TEST_KEY,
    settings: { language: 'zh-CN' },
  });
  await firstRun.page.locator('.key-form').waitFor({ timeout: 30_000 });
  await app.page.getByTestId('drop-zone').waitFor({ timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await app?.close();
  await firstRun?.close();
});

async function saveKey(page: Page, key: string): Promise<string> {
  await page.locator('.key-form input.input-mono').fill(key);
  await page.locator('.key-form button[type="submit"]').click();
  const alert = page.locator('.key-form').getByRole('alert');
  await alert.waitFor({ timeout: 15_000 });
  await expect.poll(() => alert.textContent(), { timeout: 15_000 }).not.toBe('');
  return (await alert.textContent()) ?? '';
}

async function failedRowText(page: Page, name: string): Promise<string> {
  const row = jobRow(page, name);
  await expect.poll(() => row.getAttribute('data-status'), { timeout: 15_000 }).toBe('failed');
  return (await row.getByTestId('job-error').textContent()) ?? '';
}

const toast = () => app.page.getByTestId('announcer');

describe('first run in Chinese', () => {
  it('says in Chinese that a pasted text is not an API key', async () => {
    const text = await saveKey(firstRun.page, 'not a key');
    expect(text).toBe('这不是 API 密钥：密钥中不会有空格、换行等字符。请从 kie.ai/api-key 重新复制。');
  });

  it('says in Chinese that the server could not be reached, naming it', async () => {
    const text = await saveKey(firstRun.page, DEFAULT_TEST_KEY);
    expect(text).toContain('无法连接到 127.0.0.1:9：连接被拒绝');
    expect(englishWords(text, ['127.0.0.1:9'])).toEqual([]);
    expect(await firstRun.secrets.getKey()).toBeNull();
  });

  it('says the same in English when the app is in English', async () => {
    await firstRun.handlers['settings:set']({ language: 'en' });
    await firstRun.page.getByRole('button', { name: 'Save key' }).waitFor({ timeout: 10_000 });
    const text = await saveKey(firstRun.page, DEFAULT_TEST_KEY);
    expect(text).toBe(
      'The key could not be checked, so nothing was saved: Could not connect to 127.0.0.1:9: connection refused. ' +
        'If you use a proxy or your own server, set it under Network settings below.',
    );
    const malformed = await saveKey(firstRun.page, 'not a key');
    expect(malformed).toBe(
      'That is not an API key: a key has no spaces, line breaks or other such characters. Copy it again from kie.ai/api-key.',
    );
  });
});

describe('uploads in Chinese', () => {
  it('says in Chinese that a dropped file is missing', async () => {
    await dropFiles(app.page, ['gone-before-upload.txt']);
    const text = await failedRowText(app.page, 'gone-before-upload.txt');
    expect(text).toBe('找不到文件：gone-before-upload.txt。它已被移动或删除。');
  });

  it('says in Chinese that a file is too large for Base64, with its size and the limit', async () => {
    await app.dropFile('too-big-for-base64.bin', new Uint8Array(OVER_BASE64));
    await app.page.getByRole('radio', { name: 'Base64' }).click();
    try {
      await dropFiles(app.page, ['too-big-for-base64.bin']);
      const text = await failedRowText(app.page, 'too-big-for-base64.bin');
      expect(text).toBe(
        'too-big-for-base64.bin 大小为 10,485,761 B，Base64 上传最多 10,485,760 B。请改用文件流上传。',
      );
    } finally {
      await app.page.getByRole('radio', { name: '文件流' }).click();
    }
  });

  it('says in Chinese that a dropped pipe cannot be read, naming it', async () => {
    // A named pipe is no file to upload: the job fails with file.unreadable, whose English sentence
    // ("… is not a regular file …") the window never had a pattern for.
    execFileSync('mkfifo', [join(app.dropDir, 'a-named-pipe')]);
    await dropFiles(app.page, ['a-named-pipe']);
    expect(await failedRowText(app.page, 'a-named-pipe')).toBe('无法读取 a-named-pipe。');
  });

  it('says in Chinese why a default upload folder cannot be used', async () => {
    await app.page.getByRole('navigation').first().getByRole('button', { name: '设置', exact: true }).click();
    const field = app.page.getByLabel('默认上传路径', { exact: true });
    await field.fill('photos\\2026');
    await field.press('Enter');
    const alert = app.page.locator('.setting', { has: field }).getByRole('alert');
    await alert.waitFor({ timeout: 10_000 });
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('“photos\\2026”含有反斜杠，请用 "/" 分隔文件夹。');
    expect(englishWords(text, ['photos'])).toEqual([]);
    await app.page.getByRole('navigation').first().getByRole('button', { name: '上传', exact: true }).click();
  });

  it('says the same in English when the app is in English', async () => {
    await app.handlers['settings:set']({ language: 'en' });
    await app.page.getByRole('radio', { name: 'Stream' }).waitFor({ timeout: 10_000 });
    await dropFiles(app.page, ['also-gone.txt']);
    expect(await failedRowText(app.page, 'also-gone.txt')).toBe(
      'File not found: also-gone.txt. It was moved or deleted.',
    );
    await app.page.getByRole('radio', { name: 'Base64' }).click();
    try {
      await dropFiles(app.page, ['too-big-for-base64.bin']);
      await expect
        .poll(() => toast().textContent(), { timeout: 15_000 })
        .toBe(
          'too-big-for-base64.bin failed: too-big-for-base64.bin is 10,485,761 B; ' +
            'Base64 upload takes at most 10,485,760 B. Use Stream instead.',
        );
    } finally {
      await app.page.getByRole('radio', { name: 'Stream' }).click();
    }
  });
});

describe('a long error toast', () => {
  it('shows its whole text and stays until it is dismissed', async () => {
    const name = `${'a-very-long-file-name-that-keeps-going-'.repeat(3)}end.txt`;
    await app.dropFile(name, 'refused');
    const reason = 'The server refused this file for a reason it explains at length. '.repeat(3).trim();
    app.emulator.faults.add({ path: '/api/file-stream-upload', status: 422, times: 1, msg: reason });
    await dropFiles(app.page, [name]);
    const text = toast().locator('.toast-text');
    await expect.poll(() => text.textContent(), { timeout: 15_000 }).toContain(`${name} failed`);
    // Nothing cut off: the text fits its box, and the toast fits the window.
    const fits = await text.evaluate(
      (el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight,
    );
    expect(fits).toBe(true);
    const box = await toast().locator('.toast').boundingBox();
    const viewport = app.page.viewportSize();
    expect(box && viewport && box.x >= 0 && box.x + box.width <= viewport.width).toBe(true);
    // Longer than a success toast stays: an error waits to be read.
    await app.page.waitForTimeout(4500);
    expect(await text.textContent()).toContain(reason);
    await toast().getByRole('button', { name: 'Dismiss this message' }).click();
    await expect.poll(() => toast().locator('.toast').count()).toBe(0);
  });
});

describe('a notice from the app', () => {
  it('says in Chinese that an unreadable history was set aside, and where', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiedrop-notice-'));
    // Not a SQLite database: the app moves it aside and starts a new one, and says so.
    writeFileSync(join(dataDir, 'kiedrop.db'), Buffer.alloc(10_000, 0x5a));
    const h = await launchHarness({
      browser: firstRun.browser,
      dataDir,
      savedKey: DEFAULT_TEST_KEY,
      settings: { language: 'zh-CN' },
    });
    try {
      const notice = h.page.getByTestId('notice');
      await notice.waitFor({ timeout: 30_000 });
      const text = (await notice.textContent()) ?? '';
      expect(text).toMatch(
        /^历史记录数据库无法读取，已移到 .*kiedrop\.db\.corrupt-\S+，并新建了一个数据库。/u,
      );
    } finally {
      await h.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
