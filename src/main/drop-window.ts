// The floating drop window: a small frameless target for files and links, with the upload progress on
// itself. It stays on top if the user wants, opens where it was left (pulled onto a screen that still
// exists), and is shown or hidden from the tray and Settings through settings.dropWindow.enabled.
// Hardened like the main window, with its own small preload and only a few channels (see ipc.ts).
import { join } from 'node:path';
import { BrowserWindow, Menu, screen } from 'electron';
import type { AppService } from './core/app-service';
import { DROP_ACTIVITY_WIRE } from '../shared/drop-api';
import type { DropWindowSetting } from '../shared/settings';
import { pageUrl } from './app-url';
import { dropWindowPosition } from './drop-window-position';
import { appTranslator } from './i18n/app-language';

export const DROP_WINDOW_SIZE = { width: 160, height: 160 } as const;
/** Progress reaches the window at most this often. */
const SEND_MS = 100;
/** A drag is saved once it has settled (Linux has no 'moved' event, only a stream of 'move'). */
const SAVE_POSITION_MS = 400;

export interface DropWindowActions {
  showMainWindow(): void;
  uploadClipboard(): void;
}

export interface DropWindowOptions {
  /** A native Wayland session: positions and always-on-top do nothing there (see display-server.ts). */
  wayland?: boolean;
}

export interface DropWindowHandle {
  get(): BrowserWindow | null;
  isVisible(): boolean;
  /** Shows it when hidden and hides it when shown, and remembers that in the settings. */
  toggle(): void;
  /** Tells the window the app is quitting, so closing it is not taken as "hide it from now on". */
  quitting(): void;
  /** Called when the window really appears or disappears (not when it was only asked to). */
  onVisibilityChange(listener: () => void): () => void;
}

function position(setting: DropWindowSetting): { x: number; y: number } {
  const areas = screen.getAllDisplays().map((d) => d.workArea);
  return dropWindowPosition(setting, DROP_WINDOW_SIZE, areas, screen.getPrimaryDisplay().workArea);
}

export function setupDropWindow(
  service: AppService,
  actions: DropWindowActions,
  options: DropWindowOptions = {},
): DropWindowHandle {
  const wayland = options.wayland ?? false;
  const visibilityListeners = new Set<() => void>();
  const visibilityChanged = (): void => {
    for (const listener of [...visibilityListeners]) listener();
  };
  let window: BrowserWindow | null = null;
  let appQuitting = false;
  let sendTimer: NodeJS.Timeout | undefined;
  let saveTimer: NodeJS.Timeout | undefined;

  const setting = (): DropWindowSetting => service.settings.get().dropWindow;
  const saveSetting = (patch: Partial<DropWindowSetting>): void => {
    try {
      service.settings.set({ dropWindow: { ...setting(), ...patch } });
    } catch (err) {
      console.warn(
        `[drop-window] could not save its setting: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  };

  function savePosition(): void {
    saveTimer = undefined;
    // Wayland reports every window at 0,0: saving that would lose the place the user chose under X11.
    if (wayland || !window || window.isDestroyed()) return;
    const [x, y] = window.getPosition();
    if (x === undefined || y === undefined) return;
    const current = setting();
    if (current.x !== x || current.y !== y) saveSetting({ x, y });
  }

  function sendActivity(): void {
    sendTimer = undefined;
    if (window && !window.isDestroyed()) window.webContents.send(DROP_ACTIVITY_WIRE, service.activity.get());
  }

  const t = () => appTranslator(service.settings.get());

  function contextMenu(): void {
    if (!window) return;
    Menu.buildFromTemplate([
      { label: t()('tray.open'), click: () => actions.showMainWindow() },
      { label: t()('tray.uploadClipboard'), click: () => actions.uploadClipboard() },
      { type: 'separator' },
      wayland
        ? { label: t()('drop.keepOnTopWayland'), type: 'checkbox', checked: false, enabled: false }
        : {
            label: t()('drop.keepOnTop'),
            type: 'checkbox',
            checked: setting().alwaysOnTop,
            click: (item) => saveSetting({ alwaysOnTop: item.checked }),
          },
      { label: t()('drop.hide'), click: () => saveSetting({ enabled: false }) },
    ]).popup({ window });
  }

  function create(): BrowserWindow {
    const current = setting();
    const { x, y } = position(current);
    const win = new BrowserWindow({
      ...DROP_WINDOW_SIZE,
      x,
      y,
      show: false,
      frame: false,
      transparent: true,
      backgroundColor: '#00000000',
      hasShadow: false,
      resizable: false,
      maximizable: false,
      minimizable: false,
      fullscreenable: false,
      // Where it cannot stay on top (Wayland), the taskbar is the way back to it.
      skipTaskbar: !wayland,
      alwaysOnTop: current.alwaysOnTop,
      title: t()('window.drop'),
      webPreferences: {
        preload: join(import.meta.dirname, '../preload/drop.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false,
      },
    });
    // Shown without taking focus: it appears beside whatever the user is working in.
    win.once('ready-to-show', () => win.showInactive());
    win.on('show', visibilityChanged);
    win.on('hide', visibilityChanged);
    win.on('move', () => {
      clearTimeout(saveTimer);
      saveTimer = setTimeout(savePosition, SAVE_POSITION_MS);
    });
    // The page's <title> is English; the window's title follows the app's language instead.
    win.on('page-title-updated', (event) => event.preventDefault());
    win.webContents.on('context-menu', contextMenu);
    // Each new page load gets the current state at once, before the next change.
    win.webContents.on('did-finish-load', sendActivity);
    win.on('closed', () => {
      window = null;
      visibilityChanged();
      // Closed by the user (Alt+F4, the OS's window list): keep it closed next time too.
      if (!appQuitting && setting().enabled) saveSetting({ enabled: false });
    });
    void win.loadURL(pageUrl('drop'));
    return win;
  }

  function apply(next: DropWindowSetting): void {
    if (!next.enabled) {
      // Hidden, not destroyed: the app keeps living in the tray, and showing it again is instant.
      window?.hide();
      return;
    }
    if (!window || window.isDestroyed()) {
      window = create();
      return;
    }
    if (window.isAlwaysOnTop() !== next.alwaysOnTop) window.setAlwaysOnTop(next.alwaysOnTop);
    if (!window.isVisible()) {
      const { x, y } = position(next);
      window.setPosition(x, y);
      window.showInactive();
    }
  }

  function reclamp(): void {
    if (!window || window.isDestroyed()) return;
    const [x, y] = window.getPosition();
    const fixed = position({ ...setting(), x: x ?? null, y: y ?? null });
    if (fixed.x !== x || fixed.y !== y) window.setPosition(fixed.x, fixed.y);
  }

  service.activity.on(() => {
    sendTimer ??= setTimeout(sendActivity, SEND_MS);
  });
  service.settings.onChange((next, previous) => {
    const a = next.dropWindow;
    const b = previous.dropWindow;
    if (a.enabled !== b.enabled || a.alwaysOnTop !== b.alwaysOnTop) apply(a);
    if (next.language !== previous.language && window && !window.isDestroyed())
      window.setTitle(t()('window.drop'));
  });
  screen.on('display-removed', reclamp);
  screen.on('display-metrics-changed', reclamp);
  apply(setting());

  return {
    get: () => (window && !window.isDestroyed() ? window : null),
    isVisible: () => window !== null && !window.isDestroyed() && window.isVisible(),
    toggle() {
      const visible = window !== null && !window.isDestroyed() && window.isVisible();
      saveSetting({ enabled: !visible });
    },
    quitting() {
      appQuitting = true;
    },
    onVisibilityChange(listener) {
      visibilityListeners.add(listener);
      return () => void visibilityListeners.delete(listener);
    },
  };
}
