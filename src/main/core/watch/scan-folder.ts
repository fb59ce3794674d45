// A plain walk of a folder's files, in slices. Watching uses it at start (every file already there),
// for the periodic rescan that catches what the OS's events missed, and for polling. A folder of 50,000
// files is one readdir; its names are handed on a slice at a time, with a turn of the event loop in
// between, so a big walk never holds up uploads or the window.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';

export interface ScanOptions {
  recursive: boolean;
  /** Do not descend into folders whose name starts with a dot. */
  skipDotFolders: boolean;
  /** A folder is about to be listed ('' is the root): set up its OS watch first, so nothing created
   * between the listing and the watch is missed. */
  onFolder?: (relativePath: string) => void;
  /** Everything but folders (files, symlinks, pipes) found, relative to the root, '/'-separated; at most `sliceSize` at a time. */
  onFiles: (relativePaths: string[]) => void | Promise<void>;
  /** A subfolder that could not be listed; the rest of the walk goes on. */
  onError: (absolutePath: string, err: unknown) => void;
  /** Stop early (the watch was closed meanwhile). */
  cancelled?: () => boolean;
  /** Default 1000. */
  sliceSize?: number;
}

export interface ScanResult {
  /** Every folder listed, '' for the root. */
  folders: Set<string>;
  files: number;
  /** False when cancelled, or when the root itself could not be listed. */
  complete: boolean;
}

export async function scanFolder(root: string, opts: ScanOptions): Promise<ScanResult> {
  const sliceSize = Math.max(1, opts.sliceSize ?? 1000);
  const result: ScanResult = { folders: new Set(), files: 0, complete: false };
  const pending: string[] = [''];
  while (pending.length > 0) {
    if (opts.cancelled?.() === true) return result;
    const rel = pending.pop() as string;
    const abs = rel === '' ? root : join(root, ...rel.split('/'));
    opts.onFolder?.(rel);
    let entries;
    try {
      entries = await readdir(abs, { withFileTypes: true });
    } catch (err) {
      // The root itself vanishing is the availability check's business, not a file error.
      if (rel === '') return result;
      opts.onError(abs, err);
      continue;
    }
    result.folders.add(rel);
    let slice: string[] = [];
    for (const entry of entries) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (opts.recursive && !(opts.skipDotFolders && entry.name.startsWith('.'))) pending.push(child);
      } else {
        // Files, links, and the odd pipe or socket (reported as such later, not silently left out).
        slice.push(child);
        if (slice.length >= sliceSize) {
          result.files += slice.length;
          await opts.onFiles(slice);
          slice = [];
          await nextTurn();
          if (opts.cancelled?.() === true) return result;
        }
      }
    }
    if (slice.length > 0) {
      result.files += slice.length;
      await opts.onFiles(slice);
    }
  }
  result.complete = true;
  return result;
}
