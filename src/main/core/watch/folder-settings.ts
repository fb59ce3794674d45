// Turning what a person typed or picked into a folder's complete, checked settings. Every refusal
// says what is wrong and how to fix it.
import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { validateUploadPath } from '../api';
import { FOLLOW_SETTINGS } from '../images/folder-image-options';
import { isImageTargetFormat } from '../images/types';
import { checkTemplates } from '../naming/apply-templates';
import { WATCH_IMAGE_MODES, WATCH_STRIP_MODES } from '../../../shared/watch';
import type { WatchFolderSettings } from '../../../shared/watch';
import { validateGlobs } from './file-filter';
import type { FolderSettings } from './folder-store';
import { isPhotoFolder } from './photo-folder';
import type { NewWatchFolder, WatchFolder, WatchFolderPatch } from './types';

export const DEFAULT_WATCH_UPLOAD_PATH = 'kiedrop';
export const DEFAULT_QUIET_MS = 2000;
export const MIN_QUIET_MS = 100;
export const MAX_QUIET_MS = 10 * 60_000;

function checkQuietMs(ms: number): void {
  if (!Number.isInteger(ms) || ms < MIN_QUIET_MS || ms > MAX_QUIET_MS) {
    throw new Error(
      `The quiet period must be a whole number of milliseconds from ${MIN_QUIET_MS} to ${MAX_QUIET_MS} (got ${ms}).`,
    );
  }
}

/** The largest longest side: libvips' own limit on a side is far above any screen. */
export const MAX_IMAGE_SIDE = 65_535;

function checkImageChoices(s: WatchFolderSettings): void {
  if (!WATCH_IMAGE_MODES.includes(s.imageMode))
    throw new Error(`Pictures must be "settings", "optimize" or "original" (got "${String(s.imageMode)}").`);
  if (!isImageTargetFormat(s.imageFormat))
    throw new Error(`The picture format must be webp, avif, jpeg or keep (got "${String(s.imageFormat)}").`);
  if (!Number.isInteger(s.imageQuality) || s.imageQuality < 1 || s.imageQuality > 100)
    throw new Error(`The picture quality must be a whole number from 1 to 100 (got ${s.imageQuality}).`);
  const side = s.imageMaxSide;
  if (side !== null && (!Number.isInteger(side) || side < 1 || side > MAX_IMAGE_SIDE))
    throw new Error(
      `The longest side must be a whole number of pixels from 1 to ${MAX_IMAGE_SIDE}, or none (got ${side}).`,
    );
  if (!WATCH_STRIP_MODES.includes(s.imageStrip))
    throw new Error(
      `Removing location and camera data must be "settings", "always" or "never" (got "${String(s.imageStrip)}").`,
    );
}

function cleanGlobs(globs: readonly string[] | undefined): string[] {
  return [...new Set((globs ?? []).map((g) => g.trim()))];
}

/** Fills defaults and checks everything except whether the folder exists (see checkFolderExists). */
export function folderSettings(input: NewWatchFolder, defaults: { quietMs?: number } = {}): FolderSettings {
  if (typeof input.path !== 'string' || input.path.trim() === '') {
    throw new Error('No folder was given. Choose the folder to watch.');
  }
  const path = resolve(input.path);
  const settings: FolderSettings = {
    path,
    uploadPath: input.uploadPath ?? DEFAULT_WATCH_UPLOAD_PATH,
    include: cleanGlobs(input.include),
    exclude: cleanGlobs(input.exclude),
    recursive: input.recursive ?? true,
    enabled: input.enabled ?? true,
    uploadChanged: input.uploadChanged ?? false,
    polling: input.polling ?? false,
    quietMs: input.quietMs ?? defaults.quietMs ?? DEFAULT_QUIET_MS,
    ignoreDotfiles: input.ignoreDotfiles ?? true,
    nameTemplate: (input.nameTemplate ?? '').trim(),
    pathTemplate: (input.pathTemplate ?? '').trim(),
    imageMode: input.imageMode ?? FOLLOW_SETTINGS.imageMode,
    imageFormat: input.imageFormat ?? FOLLOW_SETTINGS.imageFormat,
    imageQuality: input.imageQuality ?? FOLLOW_SETTINGS.imageQuality,
    imageMaxSide: input.imageMaxSide === undefined ? FOLLOW_SETTINGS.imageMaxSide : input.imageMaxSide,
    // Photos and screenshots often carry where they were taken: such a folder removes that from the start.
    imageStrip: input.imageStrip ?? (isPhotoFolder(path) ? 'always' : FOLLOW_SETTINGS.imageStrip),
  };
  validateUploadPath(settings.uploadPath);
  validateGlobs(settings.include, 'include');
  validateGlobs(settings.exclude, 'exclude');
  checkQuietMs(settings.quietMs);
  checkTemplates(settings);
  checkImageChoices(settings);
  return settings;
}

/** A saved folder with a patch applied, checked the same way as a new one. */
export function patchedSettings(current: WatchFolder, patch: WatchFolderPatch): FolderSettings {
  const moved = (patch as { path?: unknown }).path;
  if (moved !== undefined && moved !== current.path) {
    throw new Error(
      "A watched folder's location cannot be changed (what was uploaded is recorded relative to it). Remove it and add the new folder instead.",
    );
  }
  const merged: NewWatchFolder = { ...current, ...stripUndefined(patch), path: current.path };
  return folderSettings(merged);
}

function stripUndefined<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function checkFolderExists(path: string): Promise<void> {
  let isDir: boolean;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new Error(`Folder not found: ${path}. Check the path, or create the folder first.`, {
        cause: err,
      });
    if (code === 'EACCES' || code === 'EPERM')
      throw new Error(`Cannot open the folder ${path}: permission denied.`, { cause: err });
    throw new Error(`Cannot open the folder ${path}: ${err instanceof Error ? err.message : String(err)}`, {
      cause: err,
    });
  }
  if (!isDir) throw new Error(`${path} is a file, not a folder. Choose the folder that holds the files.`);
}

function inside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** A folder as compared for overlap: its saved path, and, when it could be resolved, where it really is. */
export interface OverlapEntry {
  path: string;
  recursive: boolean;
  /** The path with every link resolved (fs.realpath). */
  real?: string;
  /** "dev:ino": the same folder reached another way (a bind mount) has the same one. */
  fileId?: string;
}

function sameFolder(a: OverlapEntry, b: OverlapEntry): boolean {
  if (a.fileId !== undefined && a.fileId === b.fileId) return true;
  return (a.real ?? a.path) === (b.real ?? b.path);
}

/**
 * A folder watched twice (directly, under another name through a link, or inside a folder watched with
 * its subfolders) would upload each file twice, once per folder; refuse that up front.
 */
export function checkNoOverlap(
  candidate: OverlapEntry,
  existing: readonly (OverlapEntry & { id: number })[],
  ignoreId?: number,
): void {
  const where = (f: OverlapEntry): string => f.real ?? f.path;
  for (const other of existing) {
    if (other.id === ignoreId) continue;
    if (other.path === candidate.path) {
      throw new Error(`${candidate.path} is already watched (folder #${other.id}); edit that one instead.`);
    }
    if (sameFolder(other, candidate)) {
      throw new Error(
        `${candidate.path} is the same folder as ${other.path}, which is already watched (folder #${other.id}); edit that one instead.`,
      );
    }
    if (other.recursive && inside(where(other), where(candidate))) {
      throw new Error(
        `${candidate.path} is inside ${other.path}, which is already watched with its subfolders (folder #${other.id}); its files would upload twice.`,
      );
    }
    if (candidate.recursive && inside(where(candidate), where(other))) {
      throw new Error(
        `${other.path} (folder #${other.id}) is inside ${candidate.path}; watching both with subfolders would upload its files twice. Remove #${other.id} first, or turn off subfolders.`,
      );
    }
  }
}
