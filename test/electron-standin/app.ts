// The `app` module: lifecycle events in Electron's order, paths, the single-instance lock, and quitting
// (before-quit can be prevented and app.quit() asks again; window-all-closed is not emitted while
// quitting; with no 'window-all-closed' listener the app quits when its last window closes).
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { isReady, markReady } from './lifecycle';
import { modes } from './modes';
import { releaseLock, takeLock, watchMailbox } from './single-instance';
import type { ForwardedInstance } from './single-instance';

type Preventable = { preventDefault(): void; readonly defaultPrevented: boolean };

export function preventableEvent(extra: Record<string, unknown> = {}): Preventable {
  let prevented = false;
  return Object.assign(
    {
      preventDefault() {
        prevented = true;
      },
      get defaultPrevented() {
        return prevented;
      },
    },
    extra,
  );
}

/** What the stand-in's windows tell the app object (kept here to avoid an import cycle). */
export interface WindowRegistry {
  count(): number;
  closeAll(): void;
}

let windows: WindowRegistry = { count: () => 0, closeAll: () => undefined };
export function connectWindows(registry: WindowRegistry): void {
  windows = registry;
}

// Electron sets process.resourcesPath in every run; a packaged app's holds app.asar and app-update.yml.
if (modes.resourcesPath !== null) {
  Object.defineProperty(process, 'resourcesPath', { value: modes.resourcesPath, configurable: true });
}

class StandinApp extends EventEmitter {
  readonly isPackaged = modes.resourcesPath !== null;
  readonly commandLine = {
    switches: new Map<string, string>(),
    appendSwitch: (name: string, value = '') => void this.commandLine.switches.set(name, value),
    hasSwitch: (name: string) => this.commandLine.switches.has(name),
    getSwitchValue: (name: string) => this.commandLine.switches.get(name) ?? '',
    appendArgument: () => undefined,
    removeSwitch: (name: string) => void this.commandLine.switches.delete(name),
  };
  appUserModelId: string | null = null;
  applicationMenuSet = false;
  private paths = new Map<string, string>();
  private appPath = process.cwd();
  private readyPromise: Promise<void>;
  private resolveReady!: () => void;
  private quitting = false;
  private stopMailbox: (() => void) | null = null;
  private lockHeld = false;
  private pendingInstances: ForwardedInstance[] = [];

  constructor() {
    super();
    this.readyPromise = new Promise((resolve) => (this.resolveReady = resolve));
  }

  /** Set by the launcher: the folder given as `electron <folder>`. */
  setAppPathForLaunch(path: string): void {
    this.appPath = path;
  }

  getAppPath(): string {
    return this.appPath;
  }

  getVersion(): string {
    return process.env['KIEDROP_STANDIN_APP_VERSION'] ?? '0.0.0-standin';
  }

  getName(): string {
    return 'KieDrop';
  }

  getLocale(): string {
    return 'en-US';
  }

  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
  }

  getPath(name: string): string {
    const known = this.paths.get(name);
    if (known) return known;
    if (name === 'temp') return tmpdir();
    if (name === 'exe') return process.execPath;
    return join(tmpdir(), 'kiedrop-standin', name);
  }

  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }

  isReady(): boolean {
    return isReady();
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  /** Called by the launcher once the main script (with its top-level awaits) has run. */
  emitReady(): void {
    markReady();
    this.emit('will-finish-launching');
    this.resolveReady();
    this.emit('ready', preventableEvent(), {});
    for (const launch of this.pendingInstances.splice(0)) this.deliverInstance(launch);
  }

  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    const userData = this.getPath('userData');
    const held = takeLock(userData, { argv: process.argv, cwd: process.cwd(), additionalData });
    this.lockHeld = held;
    if (held) {
      this.stopMailbox = watchMailbox(userData, (launch) => {
        if (isReady()) this.deliverInstance(launch);
        else this.pendingInstances.push(launch);
      });
    }
    return held;
  }

  hasSingleInstanceLock(): boolean {
    return this.lockHeld;
  }

  /** Electron: releases the lock so another instance can run as the single one. */
  releaseSingleInstanceLock(): void {
    if (!this.lockHeld) return;
    this.lockHeld = false;
    this.stopMailbox?.();
    this.stopMailbox = null;
    releaseLock(this.getPath('userData'));
  }

  private deliverInstance(launch: ForwardedInstance): void {
    this.emit('second-instance', preventableEvent(), launch.argv, launch.cwd, launch.additionalData);
  }

  quit(): void {
    const beforeQuit = preventableEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.quitting = true;
    windows.closeAll();
    const willQuit = preventableEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      this.quitting = false;
      return;
    }
    this.emit('quit', preventableEvent(), 0);
    this.stopMailbox?.();
    // Like Electron, the process ends once the quit events have run, whatever else is pending.
    setImmediate(() => process.exit(0));
  }

  exit(code = 0): void {
    process.exit(code);
  }

  isQuitting(): boolean {
    return this.quitting;
  }

  /** A window closed: with none left (and not quitting) Electron emits window-all-closed, or quits if nobody listens. */
  lastWindowClosed(): void {
    if (this.quitting || windows.count() > 0) return;
    if (this.listenerCount('window-all-closed') > 0) this.emit('window-all-closed');
    else this.quit();
  }

  /** The login item as the app last set it (macOS and Windows keep these in the OS). */
  loginItem: { openAtLogin: boolean; path?: string; args?: string[] } = { openAtLogin: false };

  setLoginItemSettings(settings: { openAtLogin?: boolean; path?: string; args?: string[] }): void {
    this.loginItem = { ...this.loginItem, ...settings, openAtLogin: settings.openAtLogin ?? false };
  }

  /** wasOpenedAtLogin is reported on macOS only (Electron's docs); elsewhere the app reads its arguments. */
  getLoginItemSettings(): { openAtLogin: boolean; wasOpenedAtLogin: boolean } {
    const atLogin = process.platform === 'darwin' && modes.openedAtLogin;
    return { openAtLogin: this.loginItem.openAtLogin, wasOpenedAtLogin: atLogin };
  }
  focus(): void {}
  dock = undefined;
}

export const app = new StandinApp();
export type { StandinApp };
