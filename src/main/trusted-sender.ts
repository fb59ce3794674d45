// Is this IPC message from our own window's top frame, showing our own page? Written over the few
// fields it reads rather than Electron's types, so the unit tests can hand it plain objects.

export interface FrameLike {
  url: string;
  processId: number;
  routingId: number;
}

export interface SenderEventLike {
  sender: unknown;
  senderFrame: FrameLike | null;
}

export interface WindowLike {
  isDestroyed(): boolean;
  webContents: { mainFrame: FrameLike };
}

export function isOwnMainFrame(
  event: SenderEventLike,
  window: WindowLike | null,
  isOwnUrl: (url: string) => boolean,
): boolean {
  if (window === null || window.isDestroyed()) return false;
  // Another window (or a webview) has other webContents; an iframe shares them but is another frame.
  if (event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  const main = window.webContents.mainFrame;
  if (frame === null) return false;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isOwnUrl(frame.url);
}

export interface AppWindows {
  main: WindowLike | null;
  drop: WindowLike | null;
}

/**
 * The main window's page may call every channel; the drop window's page only the few it needs to
 * upload (so a flaw in that small page can never read the history, the key state or the settings).
 */
export function isTrustedCaller(
  channel: string,
  event: SenderEventLike,
  windows: AppWindows,
  urls: { isMainPage(url: string): boolean; isDropPage(url: string): boolean },
  dropChannels: ReadonlySet<string>,
): boolean {
  if (isOwnMainFrame(event, windows.main, urls.isMainPage)) return true;
  return dropChannels.has(channel) && isOwnMainFrame(event, windows.drop, urls.isDropPage);
}
