// Is there a tray host? On Linux a tray icon is a StatusNotifierItem; it appears only where a
// StatusNotifierWatcher owns its name on the session bus (stock GNOME has none). The stand-in asks the
// bus the same question the app does, so both see the same desktop.
import { execFileSync } from 'node:child_process';

export const WATCHER_NAME = 'org.kde.StatusNotifierWatcher';

export function trayHostPresent(): boolean {
  try {
    const out = execFileSync(
      'dbus-send',
      [
        '--session',
        '--print-reply',
        '--dest=org.freedesktop.DBus',
        '/org/freedesktop/DBus',
        'org.freedesktop.DBus.NameHasOwner',
        `string:${WATCHER_NAME}`,
      ],
      { encoding: 'utf8', timeout: 2000, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    return /boolean true/.test(out);
  } catch {
    return false;
  }
}
