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
