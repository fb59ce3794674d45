// The main window, built to DESIGN §4: isolated, sandboxed, no Node in the page.
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { pageUrl, replacesOwnPage } from './app-url';
import { MAIN_WINDOW_MIN_SIZE, MAIN_WINDOW_SIZE } from './main-window-size';

export interface MainWindowHooks {
  /** A new page is loading: nobody listens for events until it says it is ready. */
  onPageLoading(): void;
  /** The window is gone (the app lives on in the tray): nobody will listen until a new one opens. */
  onWindowGone(): void;
  /** The window was shown or hidden (the tray and the dock follow it). */
  onVisibilityChange?(): void;
}

let mainWindow: BrowserWindow | null = null;
let hooks: MainWindowHooks = { onPageLoading: () => undefined, onWindowGone: () => undefined };

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: MAIN_WINDOW_SIZE.width,
    height: MAIN_WINDOW_SIZE.height,
    minWidth: MAIN_WINDOW_MIN_SIZE.width,
    minHeight: MAIN_WINDOW_MIN_SIZE.height,
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
    if (replacesOwnPage(details)) hooks.onPageLoading();
  });
  window.webContents.on('render-process-gone', () => hooks.onPageLoading());
  window.on('show', () => hooks.onVisibilityChange?.());
  window.on('hide', () => hooks.onVisibilityChange?.());
  window.on('closed', () => {
    mainWindow = null;
    hooks.onWindowGone();
    hooks.onVisibilityChange?.();
  });
  void window.loadURL(pageUrl('index'));
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
  if (!mainWindow || mainWindow.isDestroyed()) {
    // A new window shows itself once its page has painted ('ready-to-show'), never as a blank frame.
    mainWindow = createMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}
