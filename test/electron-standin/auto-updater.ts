// autoUpdater as Electron has it on Linux: an EventEmitter whose feed, check and install calls do nothing
// (shell/browser/auto_updater.cc implements them only for macOS; Windows uses Squirrel.Windows, which
// electron-builder's NSIS builds do not). electron-updater only emits 'before-quit-for-update' on it
// before it quits (BaseUpdater.quitAndInstall); the stand-in records what was emitted.
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';

class StandinAutoUpdater
  extends EventEmitter
  implements Pick<Electron.AutoUpdater, 'checkForUpdates' | 'quitAndInstall' | 'getFeedURL'>
{
  /** Every event emitted on it, in order. */
  readonly emitted: string[] = [];

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    this.emitted.push(String(event));
    return super.emit(event, ...args);
  }

  setFeedURL(): void {}
  getFeedURL(): string {
    return '';
  }
  checkForUpdates(): void {}
  quitAndInstall(): void {}
}

export const autoUpdater = new StandinAutoUpdater();
