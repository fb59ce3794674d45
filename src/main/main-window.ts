// The main window, built to DESIGN §4: isolated, sandboxed, no Node in the page.
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { RENDERER_DEV_URL, RENDERER_FILE } from './app-url';

export interface MainWindowHooks {
  /** The page is (re)loading or gone: nobody listens for events until it says it is ready again. */
  onPageUnloaded(): void;
}

let mainWindow: BrowserWindow | null = null;
let hooks: MainWindowHooks = { onPageUnloaded: () => undefined };

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 960,
    height: 680,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'KieDrop',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) hooks.onPageUnloaded();
  });
  window.webContents.on('render-process-gone', () => hooks.onPageUnloaded());
  window.on('closed', () => {
    mainWindow = null;
    hooks.onPageUnloaded();
  });
  if (RENDERER_DEV_URL) void window.loadURL(RENDERER_DEV_URL);
  else void window.loadFile(RENDERER_FILE);
  return window;
}

/** `open: false` starts without the window (a launch that only shares files); showMainWindow() opens it later. */
export function setupMainWindow(windowHooks?: MainWindowHooks, options: { open?: boolean } = {}): void {
  if (windowHooks) hooks = windowHooks;
  if (options.open !== false) mainWindow = createMainWindow();
}

export function getMainWindow(): BrowserWindow | null {
  return mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null;
}

export function showMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createMainWindow();
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}
