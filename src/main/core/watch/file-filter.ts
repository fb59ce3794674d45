// Which files in a watched folder are candidates for upload. Browsers, office suites and editors
// write into temporary names first and rename at the end; those names must never upload, and the
// rename to the final name is what brings the file in.
import picomatch from 'picomatch';

export type SkipReason = 'temporary' | 'system' | 'dotfile' | 'excluded' | 'not-included';

export interface FilterSettings {
  include: readonly string[];
  exclude: readonly string[];
  ignoreDotfiles: boolean;
}

/** Suffixes of files that are still being downloaded or written (Chrome, Firefox, Safari, editors). */
const TEMPORARY_SUFFIXES = ['.crdownload', '.part', '.partial', '.download', '.tmp'] as const;
/** Files the OS or a file manager creates next to the user's own. */
const SYSTEM_NAMES = new Set(['.ds_store', 'thumbs.db', 'desktop.ini']);

/** '/'-separated, whatever the platform, so globs mean the same everywhere. */
export function toPosixRelative(relative: string): string {
  return relative
    .split(/[\\/]+/u)
    .filter((s) => s !== '' && s !== '.')
    .join('/');
}

/** Temporary or system file by name alone (no settings involved). */
export function builtInSkip(fileName: string): 'temporary' | 'system' | null {
  const lower = fileName.toLowerCase();
  if (SYSTEM_NAMES.has(lower)) return 'system';
  // Office lock files (~$report.docx) and LibreOffice's (.~lock.report.odt#).
  if (lower.startsWith('~$') || lower.startsWith('.~lock.')) return 'temporary';
  if (TEMPORARY_SUFFIXES.some((s) => lower.endsWith(s))) return 'temporary';
  return null;
}

export function hasDotSegment(relative: string): boolean {
  return toPosixRelative(relative)
    .split('/')
    .some((s) => s.startsWith('.'));
}

export type FileFilter = (relative: string) => SkipReason | null;

/**
 * Globs without a '/' match the file name at any depth (`*.png`); globs with one match the path
 * relative to the folder (`shots/**`). Matching ignores case: `*.jpg` should catch `IMG_1.JPG`.
 */
export function createFileFilter(settings: FilterSettings): FileFilter {
  const included = settings.include.length > 0 ? globMatcher(settings.include) : null;
  const excluded = settings.exclude.length > 0 ? globMatcher(settings.exclude) : null;
  return (relative) => {
    const rel = toPosixRelative(relative);
    const builtIn = builtInSkip(baseName(rel));
    if (builtIn !== null) return builtIn;
    if (settings.ignoreDotfiles && hasDotSegment(rel)) return 'dotfile';
    if (excluded?.(rel) === true) return 'excluded';
    if (included !== null && !included(rel)) return 'not-included';
    return null;
  };
}

const GLOB_OPTIONS = { dot: true, nocase: true } as const;

function baseName(rel: string): string {
  return rel.slice(rel.lastIndexOf('/') + 1);
}

/** True when any glob matches. picomatch's own `basename` option also rewrites globs that contain a
 * '/', so name-only globs are matched against the name here instead. */
function globMatcher(globs: readonly string[]): (rel: string) => boolean {
  const byName = globs.filter((g) => !g.includes('/'));
  const byPath = globs.filter((g) => g.includes('/'));
  const name = byName.length > 0 ? picomatch(byName, GLOB_OPTIONS) : null;
  const path = byPath.length > 0 ? picomatch(byPath, GLOB_OPTIONS) : null;
  return (rel) => name?.(baseName(rel)) === true || path?.(rel) === true;
}

/** Refuses globs picomatch cannot compile, naming the bad one. */
export function validateGlobs(globs: readonly string[], label: 'include' | 'exclude'): void {
  for (const glob of globs) {
    if (typeof glob !== 'string' || glob.trim() === '') {
      throw new Error(`An empty ${label} pattern was given; remove it or enter a pattern such as "*.png".`);
    }
    try {
      picomatch.makeRe(glob, GLOB_OPTIONS);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      throw new Error(`The ${label} pattern "${glob}" is not a valid glob (${detail}).`, { cause: err });
    }
  }
}
