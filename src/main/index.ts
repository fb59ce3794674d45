// App lifecycle only: each feature lives in its own module and is wired here by a setupX() call.
import { app } from 'electron';
import type { AppService } from './core/app-service';
import { setupAppService } from './app-service';
import { electronClipboard } from './clipboard-adapter';
import { createClipboardUploader } from './clipboard-upload';
import { setupDataDir } from './data-dir';
import { createDesktopNotifier } from './desktop-notify';
import { setupDropWindow } from './drop-window';
import { electronShortcutRegistry, setupGlobalShortcuts } from './global-shortcut';
import { setupIpc } from './ipc';
import { getMainWindow, setupMainWindow, showMainWindow } from './main-window';
import { setupNotifications } from './notifications';
import { setupSecurity } from './security';
import { forwardedData, setupShareLaunch } from './share-launch';
import { electronShellIntegration } from './shell-integration';
import { setupTaskbarProgress } from './taskbar-progress';
import { setupTray } from './tray';
import { trayActions } from './tray-actions';
import { watchControl } from './watch-control';

const dataDir = setupDataDir();

// A second launch hands its arguments and working directory to this one (see share-launch.ts).
if (!app.requestSingleInstanceLock(forwardedData())) {
  app.quit();
} else {
  setupSecurity();
  setupGlobalShortcuts();
  const share = setupShareLaunch();
  let running: AppService | null = null;
  const notifier = createDesktopNotifier(
    () => running?.settings.get() ?? null,
    () => showMainWindow(),
  );
  const uploadClipboard = createClipboardUploader(() => running, notifier);

  void app.whenReady().then(() => {
    const service = setupAppService(dataDir, getMainWindow, {
      notifier,
      shortcuts: electronShortcutRegistry(uploadClipboard),
      shellIntegration: electronShellIntegration(),
    });
    running = service;
    const dropWindow = setupDropWindow(service, { showMainWindow, uploadClipboard });
    setupIpc(service.handlers, { main: getMainWindow, drop: dropWindow.get });
    setupMainWindow({ onPageUnloaded: () => service.outbox.hold() }, { open: !share.startsHidden });
    setupNotifications(service, (historyId) => {
      showMainWindow();
      if (historyId !== null) service.outbox.emit('show-entry', historyId);
    });
    setupTaskbarProgress(service.engine, getMainWindow);
    setupTray(
      service,
      trayActions(service, {
        showMainWindow,
        getWindow: getMainWindow,
        uploadClipboard,
        dropWindow,
        notifier,
      }),
      watchControl(service.watch, (message) => service.outbox.emit('notice', { level: 'error', message })),
    );
    share.start(service, {
      showMainWindow,
      getWindow: getMainWindow,
      notifier,
      clipboard: electronClipboard,
    });
    service.start();
    app.on('activate', () => showMainWindow());
    app.on('before-quit', () => dropWindow.quitting());
  });
  // KieDrop lives on in the tray (uploads keep going) when its windows close; the tray's Quit ends it.
  app.on('window-all-closed', () => undefined);
}
