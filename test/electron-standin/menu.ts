// Menu and MenuItem: built from templates, readable by the test as the user would see them. A default
// application menu (with Reload and Toggle Developer Tools) exists until the app sets its own
// (DESIGN §8 rule 17). On Windows and Linux `&` marks a mnemonic unless written `&&` (rule 9).
import { EventEmitter } from 'node:events';
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuItemView {
  /** The label as shown: a lone `&` (a mnemonic marker) is hidden, `&&` shows as `&`. */
  label: string;
  rawLabel: string;
  type: string;
  role: string | null;
  enabled: boolean;
  checked: boolean;
  visible: boolean;
  accelerator: string | null;
  submenu: MenuItemView[] | null;
}

/** How a Windows or Linux menu shows a label: `&x` underlines x (the `&` disappears), `&&` is one `&`. */
export function shownLabel(raw: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return raw;
  return raw.replace(/&(&?)/g, (_m, second: string) => second);
}

const ROLE_LABELS: Record<string, string> = {
  reload: 'Reload',
  forcereload: 'Force Reload',
  toggledevtools: 'Toggle Developer Tools',
  quit: 'Quit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectall: 'Select All',
  delete: 'Delete',
  close: 'Close',
  minimize: 'Minimize',
  about: 'About',
  editmenu: 'Edit',
  windowmenu: 'Window',
  filemenu: 'File',
  viewmenu: 'View',
  help: 'Help',
};

export class MenuItem {
  label: string;
  type: string;
  role: string | null;
  enabled: boolean;
  checked: boolean;
  visible: boolean;
  accelerator: string | null;
  submenu: Menu | null;
  click: (item: MenuItem, window?: unknown, event?: unknown) => void;

  constructor(options: MenuItemConstructorOptions) {
    this.role = options.role ? String(options.role).toLowerCase() : null;
    this.label = options.label ?? (this.role ? (ROLE_LABELS[this.role] ?? this.role) : '');
    this.type = options.type ?? (options.submenu ? 'submenu' : 'normal');
    this.enabled = options.enabled ?? true;
    this.checked = options.checked ?? false;
    this.visible = options.visible ?? true;
    this.accelerator = options.accelerator ? String(options.accelerator) : null;
    const sub = options.submenu;
    this.submenu = sub
      ? sub instanceof Menu
        ? sub
        : Menu.buildFromTemplate(sub as MenuItemConstructorOptions[])
      : null;
    const handler = options.click as ((item: MenuItem, w?: unknown, e?: unknown) => void) | undefined;
    this.click = (item, w, e) => {
      // A checkbox flips before its handler runs, as in Electron.
      if (this.type === 'checkbox') this.checked = !this.checked;
      handler?.(item, w, e);
    };
  }

  view(): MenuItemView {
    return {
      label: shownLabel(this.label),
      rawLabel: this.label,
      type: this.type,
      role: this.role,
      enabled: this.enabled,
      checked: this.checked,
      visible: this.visible,
      accelerator: this.accelerator,
      submenu: this.submenu ? this.submenu.view() : null,
    };
  }
}

let applicationMenu: Menu | null = null;
let applicationMenuSet = false;
let lastPopup: { menu: Menu; window: unknown } | null = null;

export class Menu extends EventEmitter {
  items: MenuItem[] = [];

  static buildFromTemplate(template: (MenuItemConstructorOptions | MenuItem)[]): Menu {
    const menu = new Menu();
    for (const entry of template) menu.append(entry instanceof MenuItem ? entry : new MenuItem(entry));
    return menu;
  }

  static setApplicationMenu(menu: Menu | null): void {
    applicationMenu = menu;
    applicationMenuSet = true;
  }

  static getApplicationMenu(): Menu | null {
    if (!applicationMenuSet) applicationMenu ??= defaultApplicationMenu();
    return applicationMenu;
  }

  append(item: MenuItem): void {
    this.items.push(item);
  }

  popup(options: { window?: unknown } = {}): void {
    lastPopup = { menu: this, window: options.window ?? null };
  }

  closePopup(): void {
    lastPopup = null;
  }

  view(): MenuItemView[] {
    return this.items.filter((i) => i.visible).map((i) => i.view());
  }
}

/** Electron's default menu on Windows and Linux: File, Edit, View (Reload, Toggle Developer Tools…), Window, Help. */
function defaultApplicationMenu(): Menu {
  return Menu.buildFromTemplate([
    { role: 'fileMenu', submenu: [{ role: 'quit' }] },
    {
      role: 'editMenu',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }],
    },
    {
      role: 'viewMenu',
      submenu: [
        { role: 'reload', accelerator: 'CmdOrCtrl+R' },
        { role: 'forceReload' },
        { role: 'toggleDevTools', accelerator: 'CmdOrCtrl+Shift+I' },
      ],
    },
    { role: 'windowMenu', submenu: [{ role: 'minimize' }, { role: 'close' }] },
    {
      role: 'help',
      submenu: [{ label: 'Learn More' }, { label: 'Documentation' }, { label: 'Search Issues' }],
    },
  ]);
}

export function lastPopupMenu(): { menu: Menu; window: unknown } | null {
  return lastPopup;
}

/** Finds an item by its shown labels, outermost first. */
export function findItem(items: MenuItem[], path: readonly string[]): MenuItem | null {
  const [first, ...rest] = path;
  const item = items.find((i) => shownLabel(i.label) === first);
  if (!item) return null;
  if (rest.length === 0) return item;
  return item.submenu ? findItem(item.submenu.items, rest) : null;
}
