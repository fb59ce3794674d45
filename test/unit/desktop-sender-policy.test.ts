// Who may call what: the main window's page every channel, the drop window's page only its few upload
// channels, anything else nothing.
import { describe, expect, it } from 'vitest';
import { DROP_INVOKE_CHANNELS } from '../../src/shared/drop-api';
import { INVOKE_CHANNELS } from '../../src/shared/ipc-channels';
import { isTrustedCaller } from '../../src/main/trusted-sender';
import type { FrameLike, SenderEventLike, WindowLike } from '../../src/main/trusted-sender';

const MAIN_URL = 'file:///app/out/renderer/index.html';
const DROP_URL = 'file:///app/out/renderer/drop.html';
const urls = { isMainPage: (u: string) => u === MAIN_URL, isDropPage: (u: string) => u === DROP_URL };
const dropChannels = new Set<string>(DROP_INVOKE_CHANNELS);

function window(url: string, processId: number): WindowLike {
  const mainFrame: FrameLike = { url, processId, routingId: 1 };
  return { isDestroyed: () => false, webContents: { mainFrame } };
}

const from = (w: WindowLike): SenderEventLike => ({
  sender: w.webContents,
  senderFrame: w.webContents.mainFrame,
});

describe('the drop window', () => {
  const main = window(MAIN_URL, 1);
  const drop = window(DROP_URL, 2);
  const windows = { main, drop };

  it('may upload files and links and read the progress summary', () => {
    for (const channel of ['upload:files', 'upload:url', 'activity:get']) {
      expect(isTrustedCaller(channel, from(drop), windows, urls, dropChannels)).toBe(true);
    }
  });

  it('may not reach anything else: history, keys, settings, the right-click installer', () => {
    const others = INVOKE_CHANNELS.filter((c) => !dropChannels.has(c));
    expect(others).toContain('settings:set');
    for (const channel of others) {
      expect(isTrustedCaller(channel, from(drop), windows, urls, dropChannels)).toBe(false);
    }
  });

  it('loses even those once it shows a page that is not the drop page', () => {
    const hijacked = window('https://evil.example/', 2);
    expect(
      isTrustedCaller('upload:files', from(hijacked), { main, drop: hijacked }, urls, dropChannels),
    ).toBe(false);
  });

  it('does not make the drop page trusted in the main window, nor the other way round', () => {
    const mainShowingDrop = window(DROP_URL, 1);
    expect(
      isTrustedCaller(
        'settings:get',
        from(mainShowingDrop),
        { main: mainShowingDrop, drop },
        urls,
        dropChannels,
      ),
    ).toBe(false);
    const dropShowingMain = window(MAIN_URL, 2);
    expect(
      isTrustedCaller(
        'upload:files',
        from(dropShowingMain),
        { main, drop: dropShowingMain },
        urls,
        dropChannels,
      ),
    ).toBe(false);
  });
});

describe('the main window', () => {
  it('may call every channel, with or without a drop window', () => {
    const main = window(MAIN_URL, 1);
    for (const channel of INVOKE_CHANNELS) {
      expect(isTrustedCaller(channel, from(main), { main, drop: null }, urls, dropChannels)).toBe(true);
    }
  });
});
