// The watch service's public shapes: plain data, so an IPC layer can pass them to a window unchanged.
// A folder's settings are the ones the window's contract defines, so the two cannot drift apart.
import type {
  WatchExistingFiles,
  WatchFolderNotice,
  WatchFolderSettings,
  WatchFolderState,
} from '../../../shared/watch';
import type { WatchProblemCode } from './watch-messages';

/** A watched folder's saved settings: the ones the window edits, plus where it is and whether it runs. */
export interface WatchFolder extends WatchFolderSettings {
  id: number;
  /** Absolute local folder. */
  path: string;
  /** false = paused by the user (saved). */
  enabled: boolean;
  createdAt: number;
  updatedAt: number;
}

/** What a person chooses when adding a folder; everything but the path has a default. */
export interface NewWatchFolder extends Partial<WatchFolderSettings> {
  path: string;
  enabled?: boolean;
  /** The files already in the folder: 'skip' (default) records them as known and never uploads them. */
  existingFiles?: WatchExistingFiles;
}

/** The path cannot change: the ledger is relative to it. Remove the folder and add the new one instead. */
export type WatchFolderPatch = Partial<Omit<NewWatchFolder, 'path' | 'existingFiles'>>;

/** A folder before it is added: its resolved path and how many files in it the filters let through. */
export interface WatchFolderPreview {
  path: string;
  existingFiles: number;
  /** Location data: removed from the start ('always') in a camera or screenshot folder. */
  imageStrip: WatchFolderSettings['imageStrip'];
}

export type FolderState = WatchFolderState;

export interface FolderStatus extends WatchFolder {
  state: FolderState;
  /** Why the folder is unavailable or paused, in words a person can act on. */
  reason: string | null;
  /** reason's stable code and params (the window says it in the person's language), or null. */
  reasonCode: WatchProblemCode | null;
  /** Files not yet uploaded: settling + queued. */
  waiting: number;
  /** Files seen but not yet unchanged for the quiet period (or still empty). */
  settling: number;
  /** Files handed to the upload queue whose upload has not finished. */
  queued: number;
  /** ms since epoch of the newest upload from this folder, or null. */
  lastUploadAt: number | null;
  /** The latest problem with a file or with queuing, or null. */
  lastError: string | null;
  /** lastError's stable code and params (the window says it in the person's language), or null. */
  lastErrorCode: WatchProblemCode | null;
  /** Watching goes on, but polled because the OS refused a watch; says so with the fix. Null normally. */
  notice: WatchFolderNotice | null;
}

/**
 * skipped: left out by rule (a link, a pipe), nothing to fix. failed: meant to upload but could not (it
 * cannot be read, the service refused it, its upload failed); tried again when it changes or at start.
 */
export type WatchFileProblem = 'skipped' | 'failed';

export interface WatchFileError {
  folderId: number;
  /** Absolute path of the file (or subfolder) concerned. */
  path: string;
  message: string;
  kind: WatchFileProblem;
  /** The message's stable code and params, which the window says in the person's language. */
  coded?: WatchProblemCode;
}

export interface WatchEnqueued {
  folderId: number;
  path: string;
  relativePath: string;
  jobId: number;
  size: number;
  mtimeMs: number;
}

export interface WatchEvents {
  /** A folder's state or counts changed (coalesced: at most a few per second per folder). */
  status: (status: FolderStatus) => void;
  /** A folder was added, changed or removed. */
  folders: (folders: FolderStatus[]) => void;
  /** One file was skipped, or could not be read or uploaded; the others go on. */
  'file-error': (error: WatchFileError) => void;
  /** A complete file was handed to the upload queue. */
  enqueued: (item: WatchEnqueued) => void;
}

export interface WatchService {
  /** Saves and (unless paused) starts watching a folder. Throws a clear Error for a bad folder or setting. */
  addFolder(folder: NewWatchFolder): Promise<FolderStatus>;
  /** Checks a folder as addFolder would, and counts the files already in it that would upload. */
  previewFolder(folder: NewWatchFolder): Promise<WatchFolderPreview>;
  updateFolder(id: number, patch: WatchFolderPatch): Promise<FolderStatus>;
  /** Stops watching and forgets the folder and its ledger; queued uploads stay queued. */
  removeFolder(id: number): Promise<boolean>;
  /** With an id: pauses that folder (saved as enabled = false). Without: pauses all watching for this session. */
  pause(id?: number): Promise<void>;
  resume(id?: number): Promise<void>;
  readonly allPaused: boolean;
  list(): FolderStatus[];
  get(id: number): FolderStatus | undefined;
  on<E extends keyof WatchEvents>(event: E, listener: WatchEvents[E]): () => void;
  /** Reconciles the ledger and starts every enabled folder. */
  start(): Promise<void>;
  /** Stops watching. Files already handed to the queue stay queued in the database. */
  close(): Promise<void>;
}
