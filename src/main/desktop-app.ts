// The desktop app's lifecycle: each feature lives in its own module and is wired here by a setupX() call.
// Loaded by index.ts when this start is not the bundled command line.
import { app } from 'electron';
import type { AppService, NotifyAdapter } from './core/app-service';
import { appUserModelId } from './app-identity';
import { setupAppMenu } from './app-menu';
import { setupAppService } from './app-service';
import { electronClipboard } from './clipboard-adapter';
import { createClipboardUploader } from './clipboard-upload';
import { setupDataDir } from './data-dir';
import { createDesktopNotifier } from './desktop-notify';
import { showExpiryReminder } from './expiry-reminder-notify';
import { isNativeWayland } from './display-server';
import { setupDropWindow } from './drop-window';
import { electronShortcutRegistry, setupGlobalShortcuts } from './global-shortcut';
import { setupIpc } from './ipc';
import { openedAtLogin, setupLoginItem } from './login-item';
import { getMainWindow, setupMainWindow, showMainWindow } from './main-window';
import { setupNotifications } from './notifications';
import { setupSecurity } from './security';
import { forwardedData, setupShareLaunch } from './share-launch';
import { electronShellIntegration } from './shell-integration';
import { setupTaskbarProgress } from './taskbar-progress';
import { setupTray } from './tray';
import { trayActions } from './tray-actions';
import { hasTrayHost } from './tray-host';
import { appLanguage } from './i18n/app-language';
import { batchWordsFor } from './i18n/batch-words';
import { watchControl, watchControlNotice } from './watch-control';

const dataDir = setupDataDir();

// A second launch hands its arguments and working directory to this one (see share-launch.ts).
if (!app.requestSingleInstanceLock(forwardedData())) {
  app.quit();
} else {
  const modelId = appUserModelId({
    platform: process.platform,
    defaultApp: process.defaultApp === true,
    execPath: process.execPath,
  });
  if (modelId !== null) app.setAppUserModelId(modelId);
  setupSecurity();
  setupGlobalShortcuts();
  const share = setupShareLaunch();
  const trayHost = hasTrayHost();
  let running: AppService | null = null;
  const notifier: NotifyAdapter = {
    ...createDesktopNotifier(
      () => running?.settings.get() ?? null,
      () => showMainWindow(),
    ),
    // A clipboard upload's notice (and the window's summary of it) in the person's language.
    batchWords: () => batchWordsFor(appLanguage(running?.settings.get() ?? null)),
    remindExpiring: (reminder) => {
      if (running) showExpiryReminder(running, reminder, showMainWindow);
    },
  };
  const uploadClipboard = createClipboardUploader(() => running, notifier);

  void app.whenReady().then(() => {
    setupAppMenu();
    const wayland = isNativeWayland({
      platform: process.platform,
      env: process.env,
      ozonePlatform: app.commandLine.getSwitchValue('ozone-platform'),
    });
    const service = setupAppService(dataDir, getMainWindow, {
      notifier,
      shortcuts: electronShortcutRegistry(uploadClipboard),
      shellIntegration: electronShellIntegration(),
    });
    running = service;
    const dropWindow = setupDropWindow(service, { showMainWindow, uploadClipboard }, { wayland });
    setupIpc(service.handlers, { main: getMainWindow, drop: dropWindow.get });
    let refreshTray = (): void => undefined;
    setupMainWindow(
      {
        onPageLoading: () => service.outbox.hold(),
        onWindowGone: () => service.outbox.detach(),
        onVisibilityChange: () => refreshTray(),
      },
      { open: !share.startsHidden && !openedAtLogin() },
    );
    setupNotifications(service, (historyId) => {
      showMainWindow();
      if (historyId !== null) service.outbox.emit('show-entry', historyId);
    });
    setupTaskbarProgress(service.engine, getMainWindow);
    setupLoginItem(service);
    const tray = setupTray(
      service,
      trayActions(service, {
        showMainWindow,
        getWindow: getMainWindow,
        uploadClipboard,
        dropWindow,
        notifier,
      }),
      // With the failure's code, so the window says it in the person's language.
      watchControl(service.watch, (err, action) =>
        service.outbox.emit('notice', { level: 'error', ...watchControlNotice(err, action) }),
      ),
    );
    refreshTray = tray.refresh;
    // The checkbox follows the window as it really is, which is known only once it has been shown.
    dropWindow.onVisibilityChange(tray.refresh);
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
  // KieDrop lives on in the tray (uploads keep going) when its windows close, and the tray's Quit ends it.
  // Where no tray icon can appear, nothing would lead back to it: then closing the last window quits
  // (unfinished uploads resume at the next start).
  app.on('window-all-closed', () => {
    void trayHost.then((present) => {
      if (!present) app.quit();
    });
  });
}
