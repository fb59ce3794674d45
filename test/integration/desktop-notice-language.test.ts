// What the app tells the window on its own (a damaged settings file, an unusable KIEDROP_API_KEY, a
// shortcut another app holds, a watched folder's latest problem) reads in the app's language: each comes
// with a stable code the window says in Chinese. Real renderer in Chromium, real app service and files.
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShortcutRegistry } from '../../src/main/core/clipboard';
import { batchWordsFor } from '../../src/main/i18n/batch-words';
import { DEFAULT_TEST_KEY } from '../emulator/index';
import { launchHarness } from '../harness';
import type { Harness } from '../harness';

/** Another app holds every key combination. */
const takenShortcuts: ShortcutRegistry = {
  register: () => false,
  unregister: () => undefined,
  isRegistered: () => false,
};

/** Latin words of three letters or more: English left in a Chinese sentence (names aside). */
function englishWords(text: string, allowed: readonly string[]): string[] {
  let rest = text;
  for (const word of allowed) rest = rest.split(word).join(' ');
  return rest.match(/[A-Za-z]{3,}/gu) ?? [];
}

let app: Harness;

beforeAll(async () => {
  app = await launchHarness({
    savedKey: DEFAULT_TEST_KEY,
    settings: { language: 'zh-CN' },
    rawSettings: { concurrency: 'lots' },
    env: { KIEDROP_API_KEY: 'not a key' },
    desktop: { shortcuts: takenShortcuts },
    // A folder that went missing is noticed at once.
    watch: { availabilityPollMs: 200 },
  });
  await app.page.getByTestId('drop-zone').waitFor({ timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await app?.close();
});

async function noticeTexts(count: number): Promise<string[]> {
  const notices = app.page.getByTestId('notice');
  await expect.poll(() => notices.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(count);
  return notices.allTextContents();
}

describe('notices at start, in Chinese', () => {
  it('says in Chinese which settings were reset to their defaults', async () => {
    const texts = await noticeTexts(3);
    expect(texts).toContainEqual(
      expect.stringContaining('部分设置的值无法使用，已恢复为默认值：concurrency。'),
    );
  });

  it('says in Chinese that KIEDROP_API_KEY is ignored', async () => {
    const texts = await noticeTexts(3);
    const text = texts.find((t) => t.includes('KIEDROP_API_KEY')) ?? '';
    expect(text).toContain('环境变量 KIEDROP_API_KEY 已设置，但不是可用的 API 密钥，因此已被忽略。');
    expect(englishWords(text, ['KIEDROP_API_KEY', 'API'])).toEqual([]);
  });

  it('says in Chinese that the Upload clipboard shortcut is taken, naming the keys', async () => {
    const texts = await noticeTexts(3);
    expect(texts).toContainEqual(
      expect.stringContaining(
        'CommandOrControl+Shift+U 已被其他应用（或系统）占用，因此“上传剪贴板”快捷键已关闭。请在设置中另选一个。',
      ),
    );
  });
});

describe('the Upload clipboard shortcut in Settings, in Chinese', () => {
  it('says in Chinese why the shortcut is off, and why other keys cannot be set, in the keys the field shows', async () => {
    await app.page.getByRole('navigation').first().getByRole('button', { name: '设置', exact: true }).click();
    const section = app.page.getByTestId('integration-section');
    await expect
      .poll(() => section.getByTestId('shortcut-inactive').textContent(), { timeout: 10_000 })
      .toBe(' Ctrl+Shift+U 已被其他应用（或系统）占用，因此“上传剪贴板”快捷键已关闭。请在设置中另选一个。');

    await section.getByTestId('shortcut-input').focus();
    await app.page.keyboard.press('Control+Alt+K');
    await expect
      .poll(() => section.getByRole('alert').textContent(), { timeout: 10_000 })
      .toBe('Ctrl+Alt+K 已被其他应用（或系统）占用，无法设置。目前没有设置快捷键。');
  });
});

describe("a watched folder's latest problem, in Chinese", () => {
  it('says in Chinese that a pipe in the folder is not uploaded, naming it', async () => {
    const folder = join(app.dropDir, 'watched');
    await mkdir(folder, { recursive: true });
    const added = await app.handlers['watch:add']({ path: folder, quietMs: 200, existingFiles: 'skip' });
    expect(added).not.toBeNull();
    await app.page.getByRole('navigation').first().getByRole('button', { name: '监视', exact: true }).click();
    const pipe = join(folder, 'a-pipe');
    execFileSync('mkfifo', [pipe]);
    const problem = app.page.getByTestId('watch-last-error');
    await problem.waitFor({ timeout: 20_000 });
    await expect
      .poll(() => problem.textContent(), { timeout: 10_000 })
      .toBe(`${pipe} 不是普通文件（而是管道、套接字或设备），不会上传。`);
    // The banner that told it as it happened says the same.
    await expect
      .poll(() => app.page.getByTestId('notice').allTextContents(), { timeout: 10_000 })
      .toContainEqual(expect.stringContaining(`${pipe} 不是普通文件（而是管道、套接字或设备），不会上传。`));
  });
});

describe('why a watched folder is not watched, in Chinese', () => {
  const card = (name: string) => app.page.getByTestId('watch-folder').filter({ hasText: name });

  it('says in Chinese that a paused folder uploads nothing new', async () => {
    const folder = join(app.dropDir, 'paused-here');
    await mkdir(folder, { recursive: true });
    const added = await app.handlers['watch:add']({ path: folder, existingFiles: 'skip' });
    await app.handlers['watch:pause'](added?.id ?? -1);
    await app.page.getByRole('navigation').first().getByRole('button', { name: '监视', exact: true }).click();
    await expect
      .poll(() => card('paused-here').getByTestId('watch-reason').textContent(), { timeout: 10_000 })
      .toBe('已暂停：继续之前，此文件夹中的新文件不会上传。');
  });

  it('says in Chinese that a folder is gone, naming it', async () => {
    const folder = join(app.dropDir, 'gone-soon');
    await mkdir(folder, { recursive: true });
    await app.handlers['watch:add']({ path: folder, existingFiles: 'skip' });
    await rm(folder, { recursive: true });
    await app.page.getByRole('navigation').first().getByRole('button', { name: '监视', exact: true }).click();
    await expect
      .poll(() => card('gone-soon').getByTestId('watch-reason').textContent(), { timeout: 15_000 })
      .toBe(
        `找不到文件夹：${folder}。它可能已被删除或重命名，或在未连接的驱动器上；KieDrop 每 200 ms 检查一次，文件夹回来后继续监视。`,
      );
  });
});

describe("a watched file's failed upload, in Chinese", () => {
  it('says in Chinese why the upload failed, reason included, on the card and in the banner', async () => {
    const folder = join(app.dropDir, 'refused-here');
    await mkdir(folder, { recursive: true });
    await app.handlers['watch:add']({ path: folder, quietMs: 200, existingFiles: 'skip' });
    await app.page.getByRole('navigation').first().getByRole('button', { name: '监视', exact: true }).click();
    // The service refuses the next upload outright (no retry): the job fails with its code.
    app.emulator.faults.add({ path: '/api/file-stream-upload', status: 400, msg: 'bad file', times: 1 });
    const file = join(folder, 'refused.txt');
    await writeFile(file, 'the service says no');
    const said = `${file} 没有上传：kie.ai 拒绝了请求（错误 400）：bad file。它会在改动后或 KieDrop 重启时再试。`;
    const card = app.page.getByTestId('watch-folder').filter({ hasText: 'refused-here' });
    await expect
      .poll(() => card.getByTestId('watch-last-error').textContent(), { timeout: 20_000 })
      .toBe(said);
    await expect
      .poll(() => app.page.getByTestId('notice').allTextContents(), { timeout: 10_000 })
      .toContainEqual(expect.stringContaining(said));
  });
});

describe('"Upload clipboard" in Chinese', () => {
  it('explains in Chinese in the window why the copied link did not go up', async () => {
    // The desktop notifier words a batch in the app's language (desktop-app.ts); here, as in Chinese.
    const h = await launchHarness({
      browser: app.browser,
      savedKey: DEFAULT_TEST_KEY,
      settings: { language: 'zh-CN' },
      desktop: { notifier: { notify: () => undefined, batchWords: () => batchWordsFor('zh-CN') } },
    });
    try {
      await h.page.getByTestId('drop-zone').waitFor({ timeout: 30_000 });
      // Nothing answers there: the server cannot fetch it, and the upload fails.
      h.clipboard.content = { imagePng: null, filePaths: [], text: 'http://127.0.0.1:9/gone.png' };
      await h.page.getByRole('button', { name: '上传剪贴板', exact: true }).click();
      const error = h.page.getByTestId('clipboard-error');
      await error.waitFor({ timeout: 30_000 });
      expect(await error.textContent()).toMatch(/^没有上传任何文件：1 个失败。gone\.png：/u);
    } finally {
      await h.close();
    }
  });
});
