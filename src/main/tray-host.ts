// Is there somewhere for the tray icon to appear? On Linux the icon is a StatusNotifierItem, shown only
// where a StatusNotifierWatcher owns its name on the session bus (KDE, Xfce, Cinnamon, Ubuntu's GNOME;
// stock GNOME has none). Electron raises no error when nothing shows the icon, so KieDrop asks the bus
// itself: with no tray host, closing the last window quits instead of leaving an invisible process.
import { execFile } from 'node:child_process';

export const STATUS_NOTIFIER_WATCHER = 'org.kde.StatusNotifierWatcher';

/** dbus-send's arguments (Debian's dbus-bin; present wherever a session bus is) for "does `name` have an owner?". */
export function nameHasOwnerArgs(name: string): string[] {
  return [
    '--session',
    '--print-reply',
    '--dest=org.freedesktop.DBus',
    '/org/freedesktop/DBus',
    'org.freedesktop.DBus.NameHasOwner',
    `string:${name}`,
  ];
}

/** dbus-send's printed reply to NameHasOwner. */
export function parseNameHasOwner(stdout: string): boolean {
  return /boolean true/.test(stdout);
}

function nameHasOwner(name: string): Promise<boolean | null> {
  return new Promise((resolve) => {
    execFile('dbus-send', nameHasOwnerArgs(name), { timeout: 3000 }, (error, stdout) =>
      resolve(error ? null : parseNameHasOwner(stdout)),
    );
  });
}

/**
 * True where a tray icon can be seen. Windows and macOS always have a tray; on Linux an unanswerable
 * question (no dbus-send, no session bus) counts as a tray being there, the platform's usual case.
 */
export async function hasTrayHost(platform: NodeJS.Platform = process.platform): Promise<boolean> {
  if (platform !== 'linux') return true;
  return (await nameHasOwner(STATUS_NOTIFIER_WATCHER)) ?? true;
}
