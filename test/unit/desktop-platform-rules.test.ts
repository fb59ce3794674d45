// The small platform decisions of the Electron glue, each as the user would meet it.
import { describe, expect, it } from 'vitest';
import { appUserModelId } from '../../src/main/app-identity';
import { editMenuTemplate, menuLabels } from '../../src/main/app-menu-template';
import { isFileUrlOf, replacesOwnPage } from '../../src/main/app-url';
import { CLIPBOARD_REFUSED, writeVerified } from '../../src/main/clipboard-verify';
import { isNativeWayland } from '../../src/main/display-server';

describe('our own page, however its URL is written', () => {
  const file = '/home/ana/code~x/kiedrop[2] v1%20final/out/renderer/index.html';

  it('matches Chromium’s form, which leaves [ ] ~ literal, and Node’s, which escapes them', () => {
    expect(
      isFileUrlOf('file:///home/ana/code~x/kiedrop[2]%20v1%2520final/out/renderer/index.html', file),
    ).toBe(true);
    expect(
      isFileUrlOf('file:///home/ana/code%7Ex/kiedrop%5B2%5D%20v1%2520final/out/renderer/index.html', file),
    ).toBe(true);
    expect(
      isFileUrlOf('file:///home/ana/code~x/kiedrop[2]%20v1%2520final/out/renderer/index.html#/history', file),
    ).toBe(true);
  });

  it('refuses other files, other hosts and other schemes', () => {
    // A literal "%20" in the folder is not a space.
    expect(isFileUrlOf('file:///home/ana/code~x/kiedrop[2]%20v1%20final/out/renderer/index.html', file)).toBe(
      false,
    );
    expect(
      isFileUrlOf('file:///home/ana/code~x/kiedrop[2]%20v1%2520final/out/renderer/drop.html', file),
    ).toBe(false);
    expect(
      isFileUrlOf(
        'file://evil.example/home/ana/code~x/kiedrop[2]%20v1%2520final/out/renderer/index.html',
        file,
      ),
    ).toBe(false);
    expect(isFileUrlOf('https://example.com/out/renderer/index.html', file)).toBe(false);
    expect(isFileUrlOf('not a url', file)).toBe(false);
  });
});

describe('holding events while a page loads', () => {
  const own = 'file:///nowhere/out/renderer/index.html';
  it('holds only for a navigation that will really replace the page', () => {
    expect(
      replacesOwnPage({ url: 'https://example.invalid/', isMainFrame: true, isSameDocument: false }),
    ).toBe(false);
    expect(replacesOwnPage({ url: own, isMainFrame: false, isSameDocument: false })).toBe(false);
    expect(replacesOwnPage({ url: `${own}#x`, isMainFrame: true, isSameDocument: true })).toBe(false);
  });
});

describe('Windows notifications', () => {
  it('sets an app ID: the installed app’s own, or electron.exe’s under npm start', () => {
    expect(
      appUserModelId({ platform: 'win32', defaultApp: false, execPath: 'C:\\KieDrop\\KieDrop.exe' }),
    ).toBe('ai.kie.kiedrop');
    expect(
      appUserModelId({
        platform: 'win32',
        defaultApp: true,
        execPath: 'C:\\src\\node_modules\\electron\\dist\\electron.exe',
      }),
    ).toBe('C:\\src\\node_modules\\electron\\dist\\electron.exe');
    expect(appUserModelId({ platform: 'linux', defaultApp: true, execPath: '/usr/bin/electron' })).toBeNull();
  });
});

describe('Wayland', () => {
  it('is native where a Wayland session runs, unless X11 was asked for', () => {
    expect(
      isNativeWayland({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, ozonePlatform: '' }),
    ).toBe(true);
    expect(
      isNativeWayland({ platform: 'linux', env: { XDG_SESSION_TYPE: 'wayland' }, ozonePlatform: '' }),
    ).toBe(true);
    expect(
      isNativeWayland({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, ozonePlatform: 'x11' }),
    ).toBe(false);
    expect(isNativeWayland({ platform: 'linux', env: { DISPLAY: ':0' }, ozonePlatform: '' })).toBe(false);
    expect(isNativeWayland({ platform: 'darwin', env: { WAYLAND_DISPLAY: 'x' }, ozonePlatform: '' })).toBe(
      false,
    );
  });
});

describe('the clipboard', () => {
  function fakeClipboard(keeps: boolean) {
    let text = 'before';
    return {
      writeText: async (value: string) => {
        if (keeps) text = value;
      },
      readText: async () => text,
    };
  }

  it('reports a copy the desktop dropped instead of claiming it', async () => {
    await expect(writeVerified(fakeClipboard(false), 'https://x/y')).rejects.toThrow(CLIPBOARD_REFUSED);
    await expect(writeVerified(fakeClipboard(true), 'https://x/y')).resolves.toBeUndefined();
  });
});

describe('the edit menu', () => {
  const flags = { canCut: false, canCopy: false, canPaste: true, canSelectAll: true };
  it('offers paste in a text field, copy on a selection, and nothing elsewhere, in the user’s language', () => {
    const field = editMenuTemplate(
      { isEditable: true, selectionText: '', editFlags: flags },
      menuLabels('en-US'),
    );
    expect(field?.map((i) => [i.label, i.enabled])).toEqual([
      ['Cut', false],
      ['Copy', false],
      ['Paste', true],
      [undefined, undefined],
      ['Select All', true],
    ]);
    expect(
      editMenuTemplate(
        { isEditable: false, selectionText: 'abc', editFlags: flags },
        menuLabels('zh-CN'),
      )?.map((i) => i.label),
    ).toEqual(['复制']);
    expect(
      editMenuTemplate({ isEditable: false, selectionText: ' ', editFlags: flags }, menuLabels('en')),
    ).toBeNull();
  });
});
