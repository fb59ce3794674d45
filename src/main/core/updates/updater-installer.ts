// The InPlaceInstaller made of electron-updater's AppUpdater (the object `autoUpdater` of the package, or
// one of its platform classes in a test). Shaped after electron-updater 6's AppUpdater API
// (electron-builder's packages/electron-updater/src/AppUpdater.ts and BaseUpdater.ts, and
// www.electron.build/auto-update): with autoDownload off, checkForUpdates() only asks the feed and
// downloadUpdate() then fetches the file it found, verifying its sha512, with 'download-progress' events;
// quitAndInstall() reports a failure to install through the 'error' event, synchronously, and otherwise
// quits on the next tick. The updater itself is loaded on first use, never at start-up.
import type { InPlaceInstaller } from './in-place-update';

/** The part of electron-updater's AppUpdater this module uses. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  checkForUpdates(): Promise<{ isUpdateAvailable: boolean; updateInfo: { version: string } } | null>;
  downloadUpdate(): Promise<string[]>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeListener(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  removeListener(event: 'error', listener: (error: Error) => void): unknown;
}

export function updaterInstaller(
  load: () => Promise<UpdaterLike>,
  /** Runs before each look at the feed (the main process points the updater's session at the proxy). */
  prepare: (updater: UpdaterLike) => Promise<void> = async () => undefined,
): InPlaceInstaller {
  let loaded: Promise<UpdaterLike> | null = null;
  let ready: UpdaterLike | null = null;
  const updater = (): Promise<UpdaterLike> =>
    (loaded ??= load().then((u) => {
      // Only when the person asks: no download on finding, and nothing installed behind their back at quit.
      u.autoDownload = false;
      u.autoInstallOnAppQuit = false;
      // Without an 'error' listener an EventEmitter throws; every failure also rejects the call that caused it.
      u.on('error', () => undefined);
      ready = u;
      return u;
    }));

  return {
    async find() {
      const u = await updater();
      await prepare(u);
      const result = await u.checkForUpdates();
      // null: electron-updater considers this build not updatable (not packaged, no $APPIMAGE).
      if (result === null) throw new Error('this copy of KieDrop cannot update itself');
      return result.isUpdateAvailable ? result.updateInfo.version : null;
    },
    async download(onPercent) {
      const u = await updater();
      const progress = (p: { percent: number }): void => onPercent(p.percent);
      u.on('download-progress', progress);
      try {
        await u.downloadUpdate();
        onPercent(100);
      } finally {
        u.removeListener('download-progress', progress);
      }
    },
    install() {
      const u = ready;
      if (u === null) throw new Error('no update has been downloaded');
      let failure: Error | null = null;
      const caught = (err: Error): void => {
        failure ??= err;
      };
      u.on('error', caught);
      try {
        u.quitAndInstall();
      } finally {
        u.removeListener('error', caught);
      }
      if (failure !== null) throw failure;
    },
  };
}
