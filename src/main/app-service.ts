// Starts the app service (settings, key, engine, handler table) with Electron's adapters, and closes it
// before the app quits so uploads in flight go back to the queue and resume on the next start.
import { app, dialog, net, session, type BrowserWindow } from 'electron';
import { openAppService, toIpcError } from './core/app-service';
import type { AppService, AppServiceOptions } from './core/app-service';
import { createKeychainStore } from './core/secrets';
import { readPublishConfig } from './core/updates';
import { appInPlaceInstaller } from './app-updater';
import { join } from 'node:path';
import { eventWireChannel } from '../shared/ipc-channels';
import { electronClipboard } from './clipboard-adapter';
import { askEditorApproval, electronDialogs } from './dialogs';
import { mainTranslator } from './i18n';
import { appLanguage } from './i18n/app-language';
import { errorText } from './i18n/error-text';
import { electronFileDrag } from './drag-out';
import { electronShell } from './shell-adapter';
import { electronThumbnails } from './thumbnails';
import { showMainWindow } from './main-window';

/** Uploads abort at once on close; this only bounds a stuck disk or database. */
const CLOSE_TIMEOUT_MS = 5000;

function closeWithin(service: AppService, ms: number): Promise<void> {
  return Promise.race([service.close(), new Promise<void>((resolve) => setTimeout(resolve, ms))]);
}

/** The desktop adapters (notifications, global shortcut, right-click installer), made by their own modules. */
export type DesktopAdapters = Pick<AppServiceOptions, 'notifier' | 'shortcuts' | 'shellIntegration'>;

export function setupAppService(
  dataDir: string,
  getWindow: () => BrowserWindow | null,
  desktop: DesktopAdapters = {},
): AppService {
  let service: AppService;
  try {
    service = openAppService({
      dataDir,
      env: process.env,
      secrets: createKeychainStore(),
      send: (event, payload) => getWindow()?.webContents.send(eventWireChannel(event), payload),
      clipboard: electronClipboard,
      shell: { ...electronShell, startFileDrag: electronFileDrag(getWindow) },
      // Read when a dialog opens, once the service (and so the language setting) is there.
      dialogs: electronDialogs(getWindow, () => appLanguage(service?.settings.get() ?? null)),
      approveEditorClient: askEditorApproval(getWindow, () => appLanguage(service?.settings.get() ?? null)),
      // The question about a photo's GPS position is asked in the main window, opened for it if closed.
      askAboutLocation: { showWindow: showMainWindow },
      thumbnails: electronThumbnails,
      info: { version: app.getVersion(), platform: process.platform },
      userAgent: `KieDrop/${app.getVersion()}`,
      // Per request: PAC scripts and bypass lists can send each host a different way.
      resolveSystemProxy: (url) => session.defaultSession.resolveProxy(url),
      // electron-builder writes the release feed it was built for next to the app; a dev run has none.
      // The `kiedrop` wrapper electron-builder puts in resources/bin (see resources/cli).
      bundledCliPath: app.isPackaged
        ? join(process.resourcesPath, 'bin', process.platform === 'win32' ? 'kiedrop.cmd' : 'kiedrop')
        : null,
      updates: {
        feed: app.isPackaged ? readPublishConfig(join(process.resourcesPath, 'app-update.yml')) : null,
        // Where this build can replace itself (AppImage, the Windows installer's copy, macOS): through the
        // proxy saved when the person clicks "Download and restart".
        inPlace: appInPlaceInstaller(() => service.settings.get().proxy),
        // Neither the daily check nor a download asks anything while Electron says there is no connection.
        isOnline: () => net.isOnline(),
      },
      ...desktop,
    });
  } catch (err) {
    // The settings may be what failed: the OS language decides.
    const language = appLanguage(null);
    dialog.showErrorBox(mainTranslator(language)('dialog.cannotStart'), errorText(language, toIpcError(err)));
    app.exit(1);
    throw err;
  }

  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void closeWithin(service, CLOSE_TIMEOUT_MS).finally(() => {
      closed = true;
      app.quit();
    });
  });
  return service;
}
