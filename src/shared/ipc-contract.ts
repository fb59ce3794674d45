// The one IPC contract between the main process and the window: every channel, its arguments and its answer,
// and every event. Types only — the runtime validators live beside the handlers in main, the preload builds
// `window.kiedrop` from this list, and the renderer calls it.
import type {
  CliCommandState,
  ClipboardUploadSummary,
  InPlaceUpdateState,
  IntegrationState,
  ShortcutState,
  UpdateStatus,
  UploadActivity,
} from './desktop';
import type { FailedJob, HistoryEntry, HistoryPage, HistoryQuery, JobSnapshot, PauseInfo } from './domain';
import type { PinInfo } from './keepalive';
import type { LinkCheck } from './link-health';
import type { SavedCopyInfo } from './saved-copy';
import type { LinkLifetime } from './link-lifetime';
import type { Settings } from './settings';
import type {
  WatchFolderAdd,
  WatchFolderPatch,
  WatchFolderPreview,
  WatchFolderStatus,
  WatchOverview,
} from './watch';

export type * from './domain';
export type * from './desktop';
export type * from './watch';
export type * from './keepalive';
export type * from './link-health';
export type * from './saved-copy';
export type * from './link-lifetime';
export type { Settings };

/** Everything the window may know about the API key: never the key itself. */
export interface KeyState {
  hasKey: boolean;
  /** '…f3a9' */
  hint: string | null;
  /** keychain: saved in the OS keychain; session: held in memory until quit; env: KIEDROP_API_KEY. */
  source: 'keychain' | 'session' | 'env' | null;
  keychain: { available: true } | { available: false; reason: string };
  /** Set while the queue is paused because the API rejected the key. */
  rejected: boolean;
}

export type LinkFormat = 'url' | 'markdown' | 'html' | 'bbcode' | 'custom';

export interface UploadOptions {
  uploadPath?: string;
  fileName?: string;
  method?: 'stream' | 'base64';
  /** The user confirmed replacing a live link with the same name. */
  overwrite?: boolean;
  /** What is done to pictures among the files, instead of Settings' picture processing; absent: as in Settings. */
  images?: UploadImageChoice;
  /** A naming template for every file of this upload (e.g. "{name}-{random:6}.{ext}"), instead of Settings'. */
  nameTemplate?: string;
  /** An upload path template for this upload (e.g. "shots/{date:YYYY-MM}"), instead of Settings' and the path. */
  pathTemplate?: string;
}

/** The Upload screen's picture choice for the files it sends: as they are, or processed as given. */
export type UploadImageChoice =
  | { mode: 'as-is' }
  | {
      mode: 'optimise';
      format: Settings['imageFormat'];
      /** 1-100. */
      quality: number;
      /** Longest side at most this many px; null keeps the size. */
      maxSide: number | null;
      stripMetadata: boolean;
    };

/** Plain values an error's code is filled in with (a host, a file name, a limit, a field). */
export type ErrorParams = Record<string, string | number>;

/** An error the window can show: a kind to branch on, a stable code with params the window translates,
 * and the English message (for the CLI and logs, and shown as is when the code has no translation). */
export interface IpcError {
  kind: string;
  message: string;
  /** e.g. 'auth.invalid-key', 'network.refused', 'file.not-found', 'base64.too-large' (error-codes.ts). */
  code?: string;
  params?: ErrorParams;
}

/** Every result crosses as ok/err, so the window never parses Electron's wrapped error text. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export interface AppInfo {
  version: string;
  platform: string;
  dataDir: string;
  /** Set when the history database was unreadable at start and was moved aside. */
  databaseRecovered: { movedTo: string; reason: string } | null;
}

/** The window's question about a picture that would go up with the GPS position it holds. */
export interface LocationQuestion {
  id: number;
  /** The upload name of the picture that raised it (others may wait on the same answer). */
  fileName: string;
}

/** Request/response channels: name → [arguments tuple, answer]. */
export interface InvokeChannels {
  'app:info': [[], AppInfo];
  /** The window has subscribed to events: flush what was held, then send live. */
  'app:ready': [[], void];
  'key:state': [[], KeyState];
  /** Checks the key with the credits call, then stores it (keychain, or memory only when sessionOnly). */
  'key:save': [[key: string, options: { sessionOnly: boolean }], KeyState];
  'key:clear': [[], KeyState];
  /** Opens kie.ai's API key page in the browser. */
  'key:open-page': [[], void];
  'credits:get': [[], number];
  'upload:files': [[paths: string[], options: UploadOptions], JobSnapshot[]];
  'upload:url': [[url: string, options: UploadOptions], JobSnapshot];
  /** Opens the system file picker; resolves to the chosen paths (empty when cancelled). */
  'upload:pick': [[], string[]];
  'jobs:list': [[], JobSnapshot[]];
  'jobs:cancel': [[id: number], boolean];
  'jobs:cancel-all': [[], number];
  'jobs:retry': [[ids: number[]], number];
  /** Takes finished rows off the upload list for good (they stay in History); [] means every finished row. */
  'jobs:dismiss': [[ids: number[]], number];
  'queue:pause': [[], void];
  'queue:resume': [[], void];
  'queue:state': [[], PauseInfo | null];
  'history:list': [[query: HistoryQuery], HistoryPage];
  'history:failed': [[query: { limit?: number; offset?: number }], { jobs: FailedJob[]; total: number }];
  'history:delete': [[id: number], boolean];
  'history:clear-expired': [[], number];
  'history:renew': [[id: number], JobSnapshot];
  /** Asks where to save, writes the file; resolves to the path, or null when cancelled. */
  'history:export': [[format: 'json' | 'csv'], string | null];
  'history:copy-link': [[ids: number[], format: LinkFormat], string];
  'history:open-link': [[id: number], void];
  'history:reveal-file': [[id: number], void];
  /** A small image (data: URL) made from the local file, or null when there is none. */
  'history:thumbnail': [[id: number], string | null];
  /** Whether the entry's local file is still where it was uploaded from (false for a link upload). */
  'history:file-present': [[id: number], boolean];
  /** Drags the entry's local file out of the window (called from the row's dragstart); not-found when it is gone. */
  'history:start-drag': [[id: number], void];
  /** A large preview of an image entry's local file (Space), or null when there is none to show. */
  'history:preview': [[id: number], string | null];
  /** Keeps the entry's link alive at the same URL (uploaded again before it expires); refused with a code
   * when it cannot help (expired, replaced, or keep-alive does not work at that account). */
  'history:pin': [[id: number, options: { followFile: boolean }], PinInfo];
  /** False when it was not pinned. */
  'history:unpin': [[id: number], boolean];
  /** Whether the entry is pinned, how often it was kept alive and what the last pass did; null: never pinned. */
  'history:pin-state': [[id: number], PinInfo | null];
  /** How long links are believed to live now (setting, learned from early deaths, or 3 days), and why. */
  'history:lifetime': [[], LinkLifetime];
  /** Asks each link's host now whether it still serves the file (no key); the checks, in the order asked. */
  'history:check': [[ids: number[]], LinkCheck[]];
  /** Downloads the entry's link to a place the person chooses in a save dialog; null when they cancelled. */
  'history:save-copy': [[id: number], SavedCopyInfo | null];
  'settings:get': [[], Settings];
  'settings:set': [[patch: Partial<Settings>], Settings];
  /** Uploads what is on the clipboard (files, an image, or links); resolves when those uploads end. */
  /** `options.images`: the Upload screen's picture choice; absent (the tray, the shortcut): Settings'. */
  'clipboard:upload': [[options: { images?: UploadImageChoice }], ClipboardUploadSummary];
  /** Right-click "Share with KieDrop": what is installed, and installing or removing it. */
  'integration:status': [[], IntegrationState];
  'integration:install': [[], IntegrationState];
  'integration:uninstall': [[], IntegrationState];
  /** The `kiedrop` command for the terminal: where it is, and (Linux) installing or removing it. */
  'cli:status': [[], CliCommandState];
  'cli:install': [[], CliCommandState];
  'cli:uninstall': [[], CliCommandState];
  'shortcut:state': [[], ShortcutState];
  /** Sets the "Upload clipboard" shortcut ('' turns it off); the old one stays if the new one cannot be had. */
  'shortcut:set': [[accelerator: string], ShortcutState];
  /** Everything uploading now, as one summary (the drop window's ring). */
  'activity:get': [[], UploadActivity];
  /** Copies the links of the last uploads summarized by activity:get (the drop window's "Copy links"). */
  'activity:copy-links': [[], number];
  /** The link of the newest of those uploads, for the drop window's QR code; null when none has one. */
  'activity:latest-link': [[], string | null];
  /** Whether a newer KieDrop is out (checked at most daily in the background). */
  'update:status': [[], UpdateStatus];
  /** Opens the newer release's page in the browser. */
  'update:open': [[], void];
  /** Whether this build can replace itself with the newer release, and how far that has got. */
  'update:install-status': [[], InPlaceUpdateState];
  /** "Download and restart": downloads the newer release (never on its own); ends 'downloaded' or 'failed'. */
  'update:download': [[], InPlaceUpdateState];
  /** "Restart to update": quits and installs the downloaded release. */
  'update:restart': [[], InPlaceUpdateState];
  /** Every watched folder with its status. */
  'watch:list': [[], WatchOverview];
  /** A folder about to be added (the picker opens without a path): how many files in it would upload.
   * Null when the picker was cancelled. Saves nothing. */
  'watch:preview': [[folder: WatchFolderAdd], WatchFolderPreview | null];
  /** Starts watching a folder; without a path the folder picker opens first. Null when it was cancelled. */
  'watch:add': [[folder: WatchFolderAdd], WatchFolderStatus | null];
  'watch:update': [[id: number, patch: WatchFolderPatch], WatchFolderStatus];
  /** Stops watching and forgets what was uploaded from it; uploads already queued still go out. */
  'watch:remove': [[id: number], boolean];
  /** One folder (saved), or every folder until resumed or restart when the id is null. */
  'watch:pause': [[id: number | null], WatchOverview];
  'watch:resume': [[id: number | null], WatchOverview];
  /** "Upload my screenshots": watches the system's screenshot folder for new screenshots, each link copied. */
  'watch:screenshots': [[], WatchFolderStatus];
  /** The open question about a picture with a location, or null (a window opened meanwhile shows it). */
  'location:pending': [[], LocationQuestion | null];
  /** Answers it: the answer is saved as "Pictures with a location". False when it was no longer open. */
  'location:answer': [[id: number, answer: 'remove' | 'keep'], boolean];
}

/** Events pushed to the window: name → payload. */
export interface EventChannels {
  job: JobSnapshot;
  progress: JobSnapshot;
  history: { added?: HistoryEntry; removed?: number; replaced?: number };
  /** Links of finished uploads really reached the clipboard (copy on upload): how many, and the file's
   * name when there was one. */
  'links-copied': { count: number; name: string | null };
  'queue-state': PauseInfo | null;
  'key-state': KeyState;
  credits: number;
  /** A notification was clicked: show this history entry; the expiry reminder's, among the expiring ones. */
  'show-entry': number | { id: number; filter: 'expiring' };
  /** Something the user should know that belongs to no screen (e.g. the database was recovered). */
  /** `code`, when set, is stable across versions (e.g. 'database-damaged'); the message is for people. */
  notice: {
    level: 'info' | 'warning' | 'error';
    message: string;
    code?: string;
    params?: ErrorParams;
    /** The history entries it is about, which the window offers to renew (pinned links that died). */
    renewIds?: number[];
  };
  /** The settings changed from elsewhere (the tray, the drop window being moved). */
  settings: Settings;
  /** A watched folder was added, changed or removed, or its status or counts changed. */
  watch: WatchOverview;
  /** The update check found (or no longer finds) a newer release, or its setting changed. */
  update: UpdateStatus;
  /** The in-place update moved on (downloading, its percent, downloaded, failed). */
  'update-install': InPlaceUpdateState;
  /** Links were checked (on demand or on the app's schedule): their rows show what was found. */
  'link-checks': LinkCheck[];
  /** A picture with a GPS position is about to go up with it: ask (null: the question was answered). */
  'location-question': LocationQuestion | null;
}

export type InvokeChannel = keyof InvokeChannels;
export type EventChannel = keyof EventChannels;
export type ArgsOf<C extends InvokeChannel> = InvokeChannels[C][0];
export type ResultOf<C extends InvokeChannel> = InvokeChannels[C][1];

/** The handler table: plain functions over the core, with no Electron in them. */
export type Handlers = { [C in InvokeChannel]: (...args: ArgsOf<C>) => Promise<ResultOf<C>> | ResultOf<C> };

/** 'history:copy-link' → 'historyCopyLink': the name a channel has on window.kiedrop. */
export type MethodName<S extends string> = S extends `${infer A}:${infer B}`
  ? `${A}${Capitalize<MethodName<B>>}`
  : S extends `${infer A}-${infer B}`
    ? `${A}${Capitalize<MethodName<B>>}`
    : S;

/** The runtime twin of MethodName, used by the preload and the test harness to build the same object. */
export function methodName(channel: string): string {
  return channel.replace(/[:-]([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** window.kiedrop: one named function per channel, each answering ok/err, plus event subscriptions. */
export type KieDropApi = {
  [C in InvokeChannel as MethodName<C>]: (...args: ArgsOf<C>) => Promise<IpcResult<ResultOf<C>>>;
} & {
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends EventChannel>(event: E, listener: (payload: EventChannels[E]) => void): () => void;
  /** Paths of files dropped on the window (Electron's webUtils.getPathForFile). */
  pathsForFiles(files: readonly File[]): string[];
  readonly platform: string;
};
