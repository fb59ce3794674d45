// App lifecycle only: each feature lives in its own module and is wired here by a setupX() call.
import { app } from 'electron';
import { setupMainWindow, showMainWindow } from './main-window';
import { setupSecurity } from './security';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => showMainWindow());
  setupSecurity();
  void app.whenReady().then(() => {
    setupMainWindow();
    app.on('activate', () => showMainWindow());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
