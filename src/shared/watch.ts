// Watched folders as the window sees them: each folder's saved settings, what it is doing now, and its
// newest upload. Plain data only; the core's FolderStatus must stay assignable to WatchFolderStatus.
import type { Settings } from './settings';

/** Pictures from a folder: as Settings say, optimised with the folder's own choices, or sent unchanged. */
export type WatchImageMode = 'settings' | 'optimize' | 'original';
/** Location and camera data (EXIF, GPS, XMP) of a folder's pictures: as Settings say, always removed, or kept. */
export type WatchStripMode = 'settings' | 'always' | 'never';
export const WATCH_IMAGE_MODES: readonly WatchImageMode[] = ['settings', 'optimize', 'original'];
export const WATCH_STRIP_MODES: readonly WatchStripMode[] = ['settings', 'always', 'never'];

/** A folder's settings that can change after it was added (its location cannot). */
export interface WatchFolderSettings {
  /** Server folder the files go to. */
  uploadPath: string;
  /** Globs a file must match, any of them; empty = every file. Matched against the path relative to the folder. */
  include: string[];
  /** Globs that keep a file out even when it is included. */
  exclude: string[];
  /** Watch subfolders too. */
  recursive: boolean;
  /** Upload a file again when it changes after its upload. */
  uploadChanged: boolean;
  /** Look for changes on a timer instead of OS events (network drives, some mounts). */
  polling: boolean;
  /** How long size and modification time must stay the same before a file counts as complete. */
  quietMs: number;
  /** Skip files and folders whose name starts with a dot. */
  ignoreDotfiles: boolean;
  /** Naming template for this folder's uploads ({name}, {hash:8}, {folder}…); '' keeps each file's name. */
  nameTemplate: string;
  /** Template for the upload path, in place of uploadPath; '' uses uploadPath. */
  pathTemplate: string;
  imageMode: WatchImageMode;
  /** With imageMode 'optimize': the format, quality (1–100) and longest side (null: kept) to use. */
  imageFormat: Settings['imageFormat'];
  imageQuality: number;
  imageMaxSide: number | null;
  imageStrip: WatchStripMode;
}

/** What adding a folder does with the files already in it: only new files (the default), or those too. */
export type WatchExistingFiles = 'skip' | 'upload';

/** What "Add folder" sends: no path opens the folder picker. */
export type WatchFolderAdd = Partial<WatchFolderSettings> & {
  path?: string;
  existingFiles?: WatchExistingFiles;
};

/** A folder about to be added: where it is, and how many files already in it its filters let through. */
export interface WatchFolderPreview {
  path: string;
  /** The path to show: "~/Pictures/Screenshots" inside the home folder. */
  displayPath: string;
  existingFiles: number;
  /** What the folder would do with location data: 'always' for a camera or screenshot folder. */
  imageStrip: WatchStripMode;
}

export type WatchFolderPatch = Partial<WatchFolderSettings>;

export type WatchFolderState = 'starting' | 'watching' | 'unavailable' | 'paused';

/**
 * Watching goes on, but not as set up: the system refused another folder watch (WATCH_LIMIT, inotify's
 * max_user_watches) or another open file (OPEN_FILES_LIMIT), so the folder is polled instead. The code
 * lets the window say it in the person's language; the message is the English words, with the fix.
 */
export interface WatchFolderNotice {
  code: 'WATCH_LIMIT' | 'OPEN_FILES_LIMIT';
  message: string;
}

/** The newest upload from a folder that is still in the history. */
export interface WatchLastUpload {
  historyId: number;
  fileName: string;
  /** ISO 8601 */
  uploadedAt: string;
}

export interface WatchFolderStatus extends WatchFolderSettings {
  id: number;
  /** Absolute local folder. */
  path: string;
  /** false = paused for this folder (saved). */
  enabled: boolean;
  createdAt: number;
  updatedAt: number;
  state: WatchFolderState;
  /** Why it is unavailable or paused, in words a person can act on. */
  reason: string | null;
  /** reason's stable code and params, which the window says in the person's language; null or absent
   * when it has none. */
  reasonCode?: { code: string; params: Record<string, string | number> } | null;
  /** Files not uploaded yet: settling + queued. */
  waiting: number;
  settling: number;
  queued: number;
  /** ms since epoch of the newest upload from this folder, or null. */
  lastUploadAt: number | null;
  /** The latest problem with one of its files, or null. */
  lastError: string | null;
  /** lastError's stable code and params, which the window says in the person's language; null or absent
   * when it has none (then lastError is shown as it is). */
  lastErrorCode?: { code: string; params: Record<string, string | number> } | null;
  /** Watching goes on in a way that costs more than set up (see WatchFolderNotice), or null. */
  notice: WatchFolderNotice | null;
  lastUpload: WatchLastUpload | null;
  /** The path to show: "~/Pictures/Screenshots" inside the home folder. */
  displayPath: string;
}

/** Every watched folder, and whether "pause all watching" is on (until resumed or restart). */
export interface WatchOverview {
  allPaused: boolean;
  folders: WatchFolderStatus[];
}

/** The quiet periods the watch service accepts, in ms (the window checks typed seconds against these). */
export const WATCH_QUIET_RANGE_MS = { min: 100, max: 600_000 } as const;
