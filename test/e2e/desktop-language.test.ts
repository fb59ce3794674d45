// The desktop app's own words (tray menu, OS notifications, the drop window's title) in the language the
// person chose: the real main bundle on the Electron stand-in, a real upload to the emulator.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { desktopSuite, startDesktop } from '../support/desktop-app';

const suite = desktopSuite();
const { desktop, history } = suite;

describe('the app in Chinese', () => {
  it('shows its tray menu in Chinese, and in English again once the language is changed', async () => {
    const run = await desktop({ settings: { language: 'zh-CN' } });
    await run.ready();
    await expect
      .poll(() => run.trayLabels(), { timeout: 10_000 })
      .toEqual([
        '打开 KieDrop',
        '上传文件…',
        '上传剪贴板',
        '最近上传',
        '',
        '暂停监视文件夹',
        '显示投放窗口',
        '',
        '退出 KieDrop',
      ]);
    expect((await run.window('drop'))?.title).toBe('KieDrop 投放窗口');
    const dropMenu =
      (await run.app.call<{ label: string }[] | null>('contextMenu', { page: 'drop', selector: '#tile' })) ??
      [];
    expect(dropMenu.map((i) => i.label)).toEqual([
      '打开 KieDrop',
      '上传剪贴板',
      '',
      '保持置顶',
      '隐藏投放窗口',
    ]);

    // Upload files… opens the file picker titled in Chinese.
    const picked = await run.writeFile('picked.txt', 'chosen in the file picker');
    await run.app.call('answerDialogs', { openPaths: [picked] });
    await run.clickTray('上传文件…');
    await expect
      .poll(async () => (await run.app.call<{ openDialogTitles: string[] }>('recorded')).openDialogTitles)
      .toEqual(['选择要上传的文件']);

    expect((await run.api('settingsSet', { language: 'en' })).ok).toBe(true);
    await expect
      .poll(() => run.trayLabels(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['Open KieDrop', 'Upload files…', 'Recent uploads', 'Quit KieDrop']));
    expect((await run.window('drop'))?.title).toBe('KieDrop drop window');
  });

  it('says in Chinese that an upload finished', async () => {
    const run = await desktop({ settings: { language: 'zh-CN', notifications: true } });
    await run.ready();
    const path = await run.writeFile('报告.txt', 'finished in Chinese');
    expect((await run.api('uploadFiles', [path], {})).ok).toBe(true);
    await expect
      .poll(async () => (await history(run)).some((e) => e.fileName === '报告.txt'), { timeout: 20_000 })
      .toBe(true);
    await expect
      .poll(async () => (await run.notifications()).map((n) => `${n.title} | ${n.body}`), { timeout: 10_000 })
      .toContain('上传完成 | 报告.txt 已上传，链接在历史记录中。');

    // A file gone before its upload: the notification names it and says why, in Chinese.
    const gone = await run.writeFile('已删除.txt', 'deleted before it is sent');
    await rm(gone);
    expect((await run.api('uploadFiles', [gone], {})).ok).toBe(true);
    await expect
      .poll(async () => (await run.notifications()).map((n) => `${n.title} | ${n.body}`), { timeout: 20_000 })
      .toContain('上传失败 | 已删除.txt：找不到文件：已删除.txt。它已被移动或删除。');
  });

  it('says in Chinese what "Upload clipboard" did, in its notification and to the window', async () => {
    const run = await desktop({ settings: { language: 'zh-CN', notifications: true, copyOnUpload: false } });
    await run.ready();
    const said = async () => (await run.notifications()).map((n) => `${n.title} | ${n.body}`);

    // Plain text is nothing to upload: the notification says why, in Chinese.
    await run.app.call('setClipboard', { text: 'just some words' });
    await run.clickTray('上传剪贴板');
    await expect
      .poll(said, { timeout: 10_000 })
      .toContain(
        '剪贴板中的内容没有上传 | 剪贴板中是文字而不是链接。请复制图片、文件或 http(s) 链接后重试。',
      );

    // A copied link is uploaded again by the server; the batch's notice and the window's summary agree.
    const path = await run.writeFile('clip.txt', 'uploaded from a copied link');
    expect((await run.api('uploadFiles', [path], {})).ok).toBe(true);
    await expect.poll(async () => (await history(run)).length, { timeout: 20_000 }).toBe(1);
    const [entry] = await history(run);
    await run.app.call('setClipboard', { text: entry?.downloadUrl ?? '' });
    const result = (await run.api('clipboardUpload', {})) as {
      ok: boolean;
      value: { title: string; body: string };
    };
    expect(result.ok).toBe(true);
    expect(result.value.title).toMatch(/ 已上传，链接已复制$/u);
    expect(result.value.body).toBe('可以粘贴到任何地方，3 天内有效。');
    await expect.poll(said, { timeout: 10_000 }).toContain(`${result.value.title} | ${result.value.body}`);
  });

  it('says in Chinese when starting at login could not be changed', async () => {
    const run = await desktop({ settings: { language: 'zh-CN', launchAtLogin: false } });
    await run.ready();
    // Where the autostart entry goes is a file, not a folder: the entry cannot be written.
    await mkdir(join(run.home, '.config'), { recursive: true });
    await writeFile(join(run.home, '.config', 'autostart'), 'not a folder');
    expect((await run.api('settingsSet', { launchAtLogin: true })).ok).toBe(true);
    await expect
      .poll(() => run.locator('index', 'testid', 'notice', 'textContent'), { timeout: 10_000 })
      .toMatch(/^无法更改“登录时启动 KieDrop”：/u);
  });

  it('says in Chinese what a right-click share did, and when there was nothing to share', async () => {
    const run = await desktop({ settings: { language: 'zh-CN', notifications: true, copyOnUpload: false } });
    await run.ready();
    const said = async () => (await run.notifications()).map((n) => `${n.title} | ${n.body}`);
    const share = async (path: string) => {
      const second = await startDesktop({
        browser: suite.browser,
        emulator: suite.emulator,
        root: run.root,
        args: ['--share', path],
      });
      expect(await second.app.exited).toBe(0);
    };

    await share(await run.writeFile('分享.txt', 'shared from the file manager'));
    await expect
      .poll(said, { timeout: 30_000 })
      .toContain('分享.txt 已上传，链接已复制 | 可以粘贴到任何地方，3 天内有效。');

    const missing = join(run.filesDir, 'not-there.txt');
    await share(missing);
    await expect.poll(said, { timeout: 30_000 }).toContain(`没有可分享的内容 | 找不到：${missing}`);
  });

  it('says in Chinese why a link copied from the tray did not reach the clipboard', async () => {
    const run = await desktop({
      display: 'wayland',
      settings: { language: 'zh-CN', notifications: true, copyOnUpload: false },
    });
    await run.ready();
    const path = await run.writeFile('wayland.txt', 'copied while another app has focus');
    expect((await run.api('uploadFiles', [path], {})).ok).toBe(true);
    await expect
      .poll(async () => (await history(run)).some((e) => e.fileName === 'wayland.txt'), { timeout: 20_000 })
      .toBe(true);
    // The person works in another app: on Wayland the copy from the tray is dropped.
    await run.app.call('blurAll');
    await run.clickTray('最近上传', 'wayland.txt');
    await expect
      .poll(async () => (await run.notifications()).map((n) => `${n.title} | ${n.body}`), { timeout: 10_000 })
      .toContain('链接没有复制 | 桌面没有接受这次复制（在 Wayland 下只有获得焦点的窗口才能写入剪贴板）。');
  });
});
