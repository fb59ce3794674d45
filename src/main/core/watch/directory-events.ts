// The OS's change events for a folder tree: one watch per folder, never one per file. A folder's watch
// reports every entry created, changed, renamed or deleted in it, by name, so a folder of 50,000 files
// costs one inotify watch on Linux instead of 50,001, and an event is handled without listing the
// folder again. (chokidar watches every file and re-reads the whole folder on each event, which in a
// big folder drops events under its own throttling; Node 20's recursive fs.watch on Linux also adds one
// watch per file.) Events can still be lost (a full kernel queue): the periodic rescan catches those.
import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { isWatchLimitError } from './watch-messages';

export interface DirectoryEventsOptions {
  /** The folder as the system resolves it. */
  root: string;
  recursive: boolean;
  /** Folders whose name starts with a dot are not watched. */
  skipDotFolders: boolean;
  /** Something other than a folder appeared or changed (a file, a link, a pipe). */
  onFile(relativePath: string): void;
  /** An entry went away (deleted or renamed out). */
  onRemoved(relativePath: string): void;
  /** A subfolder appeared: it is watched already; what it holds must be listed. */
  onFolderAdded(relativePath: string): void;
  /** An event that names nothing: something changed that can only be found by looking. */
  onUnknownChange(): void;
  /** A folder could not be watched (other than for the OS limit). */
  onError(absolutePath: string, err: unknown): void;
  /** The OS refused another watch (inotify's max_user_watches, or too many open files). */
  onLimit(err: unknown): void;
  /** Tests only: an event for a path for which this returns true is dropped, as one lost under load is. */
  dropEvent?: (relativePath: string) => boolean;
}

export interface DirectoryEvents {
  /** Watches one folder ('' is the root). False when it could not be watched. */
  add(relativePath: string): boolean;
  /** Stops watching folders that are no longer there (`present` holds every folder a full walk found). */
  prune(present: ReadonlySet<string>): void;
  close(): void;
  /** Folders watched. */
  readonly size: number;
}

const errnoCode = (err: unknown): unknown => (err as NodeJS.ErrnoException | null)?.code;

export function createDirectoryEvents(opts: DirectoryEventsOptions): DirectoryEvents {
  const watches = new Map<string, FSWatcher>();
  let closed = false;
  const absolute = (rel: string): string => (rel === '' ? opts.root : join(opts.root, ...rel.split('/')));

  function unwatchTree(rel: string): void {
    const prefix = `${rel}/`;
    for (const [key, w] of watches) {
      if (key === rel || (rel === '' ? true : key.startsWith(prefix))) {
        w.close();
        watches.delete(key);
      }
    }
  }

  function renamed(rel: string, name: string): void {
    // Created, deleted, or renamed in or out: only a look tells which, and whether it is a folder.
    lstat(absolute(rel))
      .then((info) => {
        if (closed) return;
        if (!info.isDirectory()) {
          opts.onFile(rel);
          return;
        }
        if (!opts.recursive || (opts.skipDotFolders && name.startsWith('.')) || watches.has(rel)) return;
        if (add(rel)) opts.onFolderAdded(rel);
      })
      .catch((err: unknown) => {
        if (closed) return;
        const code = errnoCode(err);
        if (code === 'ENOENT' || code === 'ENOTDIR') {
          if (watches.has(rel)) unwatchTree(rel);
          opts.onRemoved(rel);
          return;
        }
        // Present but not inspectable: the stability check says why, by name.
        opts.onFile(rel);
      });
  }

  function add(rel: string): boolean {
    if (closed) return false;
    if (watches.has(rel)) return true;
    const abs = absolute(rel);
    let w: FSWatcher;
    try {
      w = watch(abs, { persistent: true }, (event, name) => {
        if (closed || watches.get(rel) !== w) return;
        if (typeof name !== 'string' || name === '') {
          opts.onUnknownChange();
          return;
        }
        const child = rel === '' ? name : `${rel}/${name}`;
        if (opts.dropEvent?.(child) === true) return;
        // A change to a watched folder itself (its times, its mode) says nothing about its files.
        if (event === 'change') {
          if (!watches.has(child)) opts.onFile(child);
          return;
        }
        renamed(child, name);
      });
    } catch (err) {
      if (isWatchLimitError(err)) opts.onLimit(err);
      else if (errnoCode(err) !== 'ENOENT' && errnoCode(err) !== 'ENOTDIR') opts.onError(abs, err);
      return false;
    }
    w.on('error', (err: unknown) => {
      if (closed || watches.get(rel) !== w) return;
      w.close();
      watches.delete(rel);
      if (isWatchLimitError(err)) opts.onLimit(err);
      // Otherwise the folder went away (the next walk or the availability check sees to that).
    });
    watches.set(rel, w);
    return true;
  }

  return {
    add,
    prune(present) {
      for (const [rel, w] of watches) {
        if (present.has(rel)) continue;
        w.close();
        watches.delete(rel);
      }
    },
    close() {
      closed = true;
      for (const w of watches.values()) w.close();
      watches.clear();
    },
    get size() {
      return watches.size;
    },
  };
}
