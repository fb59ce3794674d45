// The in-place updater of a packaged KieDrop: electron-updater's `autoUpdater`, made only for builds that
// can replace themselves (core/updates/in-place-support.ts) and loaded only when the person clicks
// "Download and restart", so start-up never pays for it and nothing is asked without them.
// electron-updater downloads through its own Electron session (AppUpdater.netSession); it is pointed at
// the proxy chosen in Settings before each look at the feed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, autoUpdater as electronAutoUpdater } from 'electron';
import type * as ElectronUpdater from 'electron-updater';
import type { ProxySetting } from '../shared/settings';
import { inPlaceSupport, updaterInstaller, updaterProxyConfig } from './core/updates';
import type { InPlaceInstaller, InPlaceSupport, UpdaterLike } from './core/updates';

function packageType(): string | null {
  try {
    return readFileSync(join(process.resourcesPath, 'package-type'), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/** Whether this running copy can update itself, from what Electron and the environment say. */
export function currentInPlaceSupport(): InPlaceSupport {
  const packaged = app.isPackaged;
  return inPlaceSupport({
    platform: process.platform,
    isPackaged: packaged,
    env: process.env,
    hasUpdateConfig: packaged && existsSync(join(process.resourcesPath, 'app-update.yml')),
    packageType: packaged ? packageType() : null,
  });
}

/** electron-updater's logger interface ({ info, warn, error }): all of it goes to the log, none to the screen. */
const updaterLog = {
  info: (message: unknown) => console.info(`[updates] ${String(message)}`),
  warn: (message: unknown) => console.warn(`[updates] ${String(message)}`),
  error: (message: unknown) => console.warn(`[updates] ${String(message)}`),
};

/** The installer for Settings and the tray, or null where this build keeps the release page link. */
export function appInPlaceInstaller(proxy: () => ProxySetting): InPlaceInstaller | null {
  const support = currentInPlaceSupport();
  if (!support.supported) return null;
  // The new version starts while this one still closes (the AppImage is started at once, Squirrel.Mac and
  // NSIS restart it): holding the single-instance lock until then would make it hand itself over to this
  // closing copy and exit (electron/electron#5163). electron-updater emits before-quit-for-update on
  // Electron's autoUpdater just before it quits (BaseUpdater.quitAndInstall), as Squirrel.Mac does.
  electronAutoUpdater.on('before-quit-for-update', () => app.releaseSingleInstanceLock());
  return updaterInstaller(
    async () => {
      // A CommonJS package whose `autoUpdater` is a getter Node cannot see as a named export: Node gives
      // it on the module object (the default export); loaders that honour __esModule give it by name.
      const mod = (await import('electron-updater')) as Partial<typeof ElectronUpdater> & {
        default?: typeof ElectronUpdater;
      };
      const autoUpdater = mod.default?.autoUpdater ?? mod.autoUpdater;
      if (!autoUpdater) throw new Error('electron-updater has no autoUpdater here');
      autoUpdater.logger = updaterLog;
      return autoUpdater as unknown as UpdaterLike;
    },
    async (updater) => {
      const session = (updater as unknown as { netSession: Electron.Session }).netSession;
      await session.setProxy(updaterProxyConfig(proxy()));
    },
  );
}
