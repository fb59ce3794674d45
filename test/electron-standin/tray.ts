// Tray: on Linux the menu the user sees is the one last passed to setContextMenu (DESIGN §8 rule 9),
// drop events and setTitle belong to macOS, and with no tray host no icon appears and nothing fails.
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import { requireReady } from './lifecycle';
import type { Menu } from './menu';
import { trayHostPresent } from './status-notifier';

export const trays = new Set<Tray>();

// setContextMenu takes the stand-in's own Menu, so it is left out of the check.
type ElectronTray = Pick<Electron.Tray, 'setToolTip' | 'setTitle' | 'setImage' | 'isDestroyed' | 'destroy'>;

export class Tray extends EventEmitter implements ElectronTray {
  /** Whether an icon is on screen: only where a tray host exists. */
  readonly shown: boolean;
  tooltip = '';
  title = '';
  menu: Menu | null = null;
  menuUpdates = 0;
  private destroyed = false;

  constructor(_image: unknown) {
    super();
    requireReady('Tray');
    this.shown = process.platform !== 'linux' || trayHostPresent();
    trays.add(this);
  }

  setContextMenu(menu: Menu | null): void {
    this.menu = menu;
    this.menuUpdates += 1;
  }

  setToolTip(text: string): void {
    this.tooltip = text;
  }

  setTitle(title: string): void {
    if (process.platform === 'darwin') this.title = title;
  }

  setImage(_image: unknown): void {}

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
    trays.delete(this);
  }
}
