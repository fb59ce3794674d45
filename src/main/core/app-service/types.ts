// What the app service needs from the outside world. Electron provides these in the app; the test
// harness provides recording and programmable versions. Nothing here imports Electron.
import type { ApiClient } from '../api';
import type { Engine } from '../engine';
import type { SettingsStore } from '../settings';
import type { AppInfo } from '../../../shared/ipc-contract';
import type { EventOutbox } from './event-outbox';
import type { KeyService } from './key-service';

export interface ClipboardAdapter {
  writeText(text: string): void;
}

export interface ShellAdapter {
  openExternal(url: string): Promise<void>;
  showItemInFolder(path: string): void;
}

export interface DialogAdapter {
  /** The chosen files, or an empty list when cancelled. */
  pickFiles(): Promise<string[]>;
  /** The chosen path, or null when cancelled. */
  saveFile(defaultName: string): Promise<string | null>;
}

export interface ThumbnailAdapter {
  /** A small data: URL image, or null when the file cannot be shown as one. */
  fromFile(path: string): Promise<string | null>;
}

export interface HandlerDeps {
  engine: Engine;
  keys: KeyService;
  settings: SettingsStore;
  outbox: EventOutbox;
  clipboard: ClipboardAdapter;
  shell: ShellAdapter;
  dialogs: DialogAdapter;
  thumbnails: ThumbnailAdapter;
  info: Omit<AppInfo, 'databaseRecovered'>;
  /** A client on the current settings' hosts. */
  apiClientFor: (key: string) => Pick<ApiClient, 'getCredits' | 'close'>;
  /** Remembers a batch started from the window, so its links can be copied when it finishes. */
  trackBatch?: (batchId: string, jobIds: number[]) => void;
  now?: () => number;
}
