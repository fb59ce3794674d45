// The stand-in `electron` module the app's main bundle imports when it runs in plain Node under the test
// hook (register.ts). Each part models documented Electron behaviour; docs/design.md lists the rules and
// what only the real runtime can show. The `satisfies` checks tie the shapes the app relies on to
// electron's own .d.ts, so a drift shows in `npm run typecheck`.
import type * as Electron from 'electron';
import { app } from './app';
import { autoUpdater } from './auto-updater';
import { BrowserWindow } from './browser-window';
import { clipboard } from './clipboard';
import { dialog, globalShortcut, nativeImage, screen, session, shell } from './desktop';
import { ipcMain } from './ipc-main';
import { Menu, MenuItem } from './menu';
import { net } from './net';
import { Notification } from './notification';
import { Tray } from './tray';

// Electron's signatures for the calls the app makes (a renamed or retyped API fails the type-check here).
type Signature<T, K extends keyof T> = T[K] extends (...args: infer A) => infer R ? (...args: A) => R : never;
const checks = {
  clipboardWrite: clipboard.writeText satisfies Signature<Electron.Clipboard, 'writeText'>,
  clipboardRead: clipboard.readText satisfies Signature<Electron.Clipboard, 'readText'>,
  register: globalShortcut.register satisfies Signature<Electron.GlobalShortcut, 'register'>,
  isRegistered: globalShortcut.isRegistered satisfies Signature<Electron.GlobalShortcut, 'isRegistered'>,
  beep: shell.beep satisfies Signature<Electron.Shell, 'beep'>,
  showItemInFolder: shell.showItemInFolder satisfies Signature<Electron.Shell, 'showItemInFolder'>,
  showErrorBox: dialog.showErrorBox satisfies Signature<Electron.Dialog, 'showErrorBox'>,
  isSupported: Notification.isSupported satisfies typeof Electron.Notification.isSupported,
  setApplicationMenu: Menu.setApplicationMenu as (menu: Menu | null) => void,
  isOnline: net.isOnline satisfies Signature<Electron.Net, 'isOnline'>,
};
void checks;

export {
  app,
  autoUpdater,
  BrowserWindow,
  clipboard,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  MenuItem,
  nativeImage,
  net,
  Notification,
  screen,
  session,
  shell,
  Tray,
};
