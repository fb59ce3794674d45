// Whether the app runs as a native Wayland client. Electron 38+ picks Wayland by itself where a Wayland
// session is running, unless it was started with --ozone-platform=x11. There, a client cannot place its
// windows or keep them on top, and only a focused window may write to the clipboard (DESIGN §8 rules 11
// and 12), so the drop window and the copy flows behave differently (docs/integration.md).

export function isNativeWayland(opts: {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** The value of the ozone-platform switch, '' when not given. */
  ozonePlatform: string;
}): boolean {
  if (opts.platform !== 'linux' || opts.ozonePlatform === 'x11') return false;
  if (opts.ozonePlatform === 'wayland') return true;
  return Boolean(opts.env['WAYLAND_DISPLAY']) || opts.env['XDG_SESSION_TYPE'] === 'wayland';
}
