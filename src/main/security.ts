// App-wide hardening from Electron's security checklist: every web contents we create, now or later,
// may not navigate away, open windows, or be granted permissions.
import { app, session, type WebContents } from 'electron';
import { isOwnAppUrl, isOwnDropUrl } from './app-url';

const isOwnPage = (url: string): boolean => isOwnAppUrl(url) || isOwnDropUrl(url);

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnPage(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function setupSecurity(): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
  });
}
