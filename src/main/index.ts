// App lifecycle only: each feature lives in its own module and is wired here by a setupX() call.
import { app } from 'electron';
import { setupAppService } from './app-service';
import { setupDataDir } from './data-dir';
import { setupIpc } from './ipc';
import { getMainWindow, setupMainWindow, showMainWindow } from './main-window';
import { setupNotifications } from './notifications';
import { setupSecurity } from './security';
import { setupTaskbarProgress } from './taskbar-progress';

const dataDir = setupDataDir();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => showMainWindow());
  setupSecurity();
  void app.whenReady().then(() => {
    const service = setupAppService(dataDir, getMainWindow);
    setupIpc(service.handlers, getMainWindow);
    setupMainWindow({ onPageUnloaded: () => service.outbox.hold() });
    setupNotifications(service, (historyId) => {
      showMainWindow();
      if (historyId !== null) service.outbox.emit('show-entry', historyId);
    });
    setupTaskbarProgress(service.engine, getMainWindow);
    service.start();
    app.on('activate', () => showMainWindow());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
