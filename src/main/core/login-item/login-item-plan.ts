// How "Start KieDrop at login" is carried out on each platform: an XDG autostart file on Linux, and
// Electron's login items on macOS and Windows (app.setLoginItemSettings), always starting in the tray.
import type { Launcher } from '../shell-integration';

export type LoginItemPlan =
  | { kind: 'xdg-autostart'; enabled: boolean; launcher: Launcher }
  | {
      kind: 'electron-login-item';
      settings: { openAtLogin: boolean; path?: string; args?: string[] };
    };

export function loginItemPlan(
  platform: NodeJS.Platform,
  enabled: boolean,
  launcher: Launcher,
): LoginItemPlan {
  if (platform === 'linux') return { kind: 'xdg-autostart', enabled, launcher };
  if (platform === 'win32') {
    // Windows starts `path` with `args`: the dev run's app folder too, then --hidden for the tray.
    return {
      kind: 'electron-login-item',
      settings: { openAtLogin: enabled, path: launcher.exePath, args: [...launcher.exeArgs, '--hidden'] },
    };
  }
  // macOS starts the app bundle; the app learns it was opened at login from getLoginItemSettings().
  return { kind: 'electron-login-item', settings: { openAtLogin: enabled } };
}
