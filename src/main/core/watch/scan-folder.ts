// A plain walk of a folder's files. It runs once chokidar reports ready: chokidar lists the folder
// before its OS watch is in place, so a file created in that gap (a download finishing just as the app
// starts) would otherwise be noticed only when something else in the folder changes.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface ScanOptions {
  recursive: boolean;
  /** Do not descend into folders whose name starts with a dot. */
  skipDotFolders: boolean;
  /** Called with each file's (or symlink's) path relative to the root, '/'-separated. */
  onFile: (relativePath: string) => void;
  /** A subfolder that could not be listed; the rest of the walk goes on. */
  onError: (absolutePath: string, err: unknown) => void;
  /** Stop early (the watch was closed meanwhile). */
  cancelled?: () => boolean;
}

export async function scanFolder(root: string, opts: ScanOptions): Promise<void> {
  const pending: string[] = [''];
  while (pending.length > 0) {
    if (opts.cancelled?.() === true) return;
    const rel = pending.pop() as string;
    const abs = rel === '' ? root : join(root, ...rel.split('/'));
    let entries;
    try {
      entries = await readdir(abs, { withFileTypes: true });
    } catch (err) {
      // The root itself vanishing is the availability check's business, not a file error.
      if (rel !== '') opts.onError(abs, err);
      continue;
    }
    for (const entry of entries) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (opts.recursive && !(opts.skipDotFolders && entry.name.startsWith('.'))) pending.push(child);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        opts.onFile(child);
      }
    }
  }
}
