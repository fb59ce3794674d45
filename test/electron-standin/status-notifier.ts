// Is there a tray host? On Linux a tray icon is a StatusNotifierItem; it appears only where a
// StatusNotifierWatcher owns its name on the session bus (stock GNOME has none). The stand-in asks the
// bus the same question, the same way, as the app (src/main/tray-host.ts), so both see the same desktop.
import { execFileSync } from 'node:child_process';
import { nameHasOwnerArgs, parseNameHasOwner, STATUS_NOTIFIER_WATCHER } from '../../src/main/tray-host';

export const WATCHER_NAME = STATUS_NOTIFIER_WATCHER;

export function trayHostPresent(): boolean {
  try {
    const out = execFileSync('dbus-send', nameHasOwnerArgs(WATCHER_NAME), {
      encoding: 'utf8',
      timeout: 2000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return parseNameHasOwner(out);
  } catch {
    return false;
  }
}
