// What the app service needs from the outside world. Electron provides these in the app; the test
// harness provides recording and programmable versions. Nothing here imports Electron.
import type { LocationQuestions } from './location-questions';
import type { ScreenshotFolder } from '../screenshots';
import type { LinkProbe } from '../health';
import type { Downloaded } from '../copies';
import type { ApiClient } from '../api';
import type { Engine } from '../engine';
import type { SettingsStore } from '../settings';
import type { BatchWords, Notice } from '../share';
import type { ExpiryReminder } from '../reminders';
import type { IntegrationOptions } from '../shell-integration';
import type { AppInfo } from '../../../shared/ipc-contract';
import type { EventOutbox } from './event-outbox';
import type { KeyService } from './key-service';
import type { ShortcutService } from './shortcut-service';
import type { InPlaceUpdate, UpdateChecker } from '../updates';
import type { UploadActivityTracker } from './upload-activity';
import type { SummarizedBatches } from './summarized-batches';
import type { WatchHost } from './watch-host';

/** What is on the clipboard, read in one go (the system clipboard is read asynchronously). */
export interface ClipboardSnapshot {
  /** An image as PNG bytes, or null. */
  imagePng: Buffer | null;
  /** Copied files, in the platform's file-list format turned into absolute paths. */
  filePaths: string[];
  text: string;
}

export interface ClipboardAdapter {
  /** Resolves once the text is on the clipboard; rejects, saying why, when it is not (nothing claims a copy). */
  writeText(text: string): void | Promise<void>;
  /** Reads the clipboard for "Upload clipboard". Absent where there is no clipboard to read. */
  read?(): Promise<ClipboardSnapshot>;
}

/** One OS notification (and the sound, if the user turned it on). */
export interface NotifyAdapter {
  notify(notice: Notice): void;
  /** The words a batch's notice (and the window's summary of it) is said in: the person's language.
   * English when absent. */
  batchWords?(): BatchWords;
  /** The expiry reminder for copied links, in the person's language with Renew / Pin where the OS
   * offers buttons. Absent: `notify` with the English words. */
  remindExpiring?(reminder: ExpiryReminder): void;
}

/** Where the right-click menu is installed: the platform and the installer's options. */
export interface ShellIntegrationTarget {
  platform: NodeJS.Platform;
  options: IntegrationOptions;
}

export interface ShellAdapter {
  openExternal(url: string): Promise<void>;
  showItemInFolder(path: string): void;
  /** Starts dragging this local file out of the window, into another app (only during a drag start). */
  startFileDrag(path: string): void;
}

export interface DialogAdapter {
  /** The chosen files, or an empty list when cancelled. */
  pickFiles(): Promise<string[]>;
  /** The chosen path, or null when cancelled. `purpose` picks the dialog's title (default: export). */
  saveFile(defaultName: string, purpose?: 'export-history' | 'save-copy'): Promise<string | null>;
  /** The chosen folder (for watching), or null when cancelled. */
  pickFolder(): Promise<string | null>;
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
  /** Where clipboard images are kept (they are re-read on retry and renew). */
  clipboardDir: string;
  notifier: NotifyAdapter | null;
  batches: SummarizedBatches;
  shortcut: ShortcutService;
  activity: UploadActivityTracker;
  shellIntegration: ShellIntegrationTarget | null;
  /** Watched folders; follows the engine when it is reopened. */
  watch: WatchHost;
  /** The `kiedrop` wrapper inside the packaged app (macOS, Windows), or null. */
  bundledCliPath: string | null;
  /** One quick health check of a public link, through the saved proxy; none: copies never check. */
  checkLink?: (url: string) => Promise<LinkProbe>;
  /** A link's bytes into a file through the saved proxy (Save a copy…); none: saving is unavailable. */
  download?: (url: string, target: string, expectedSize?: number) => Promise<Downloaded>;
  /** Whether a newer KieDrop is out. */
  updates: Pick<UpdateChecker, 'status'>;
  /** "Download and restart" where this build can update itself. */
  inPlaceUpdate: InPlaceUpdate;
  /** Told of each copy or share of links that reached the clipboard (for expiry reminders). */
  recordShared?: (historyIds: readonly number[]) => void;
  /** Where this system saves screenshots ("Upload my screenshots"); none: the button cannot work here. */
  screenshotFolder?: () => Promise<ScreenshotFolder>;
  /** The window's question about a picture with a GPS position; none: never asked. */
  locationQuestions?: LocationQuestions;
}
