// One folder's file events, from chokidar, plus a cheap availability check on a timer: a folder that
// is deleted, unmounted or replaced (deleted and created again: a new inode that chokidar's old watch
// never sees) is noticed within one poll, reported, and watched again once it is back. chokidar is used
// for events only; deciding when a file is complete is the stability tracker's job.
import { constants } from 'node:fs';
import { access, lstat, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { watch } from 'chokidar';
import type { FSWatcher } from 'chokidar';
import { hasDotSegment } from './file-filter';
import { scanFolder } from './scan-folder';
import { WATCH_LIMIT_MESSAGE, folderUnavailableMessage, isWatchLimitError } from './watch-messages';

export interface FolderWatcherHandlers {
  /** A file appeared or changed (chokidar's add and change, treated alike). Relative to the folder. */
  file(relativePath: string): void;
  /** A file went away (deleted or renamed). */
  removed(relativePath: string): void;
  /** The folder is being watched again: events for everything already in it follow (initial scan). */
  available(): void;
  /** The initial scan is done. */
  ready(): void;
  /** The folder cannot be watched now; `reason` says why and what to do. */
  unavailable(reason: string): void;
  /** One file or subfolder could not be watched; the rest still is. */
  fileError(absolutePath: string, err: unknown): void;
}

export interface FolderWatcherOptions {
  root: string;
  recursive: boolean;
  polling: boolean;
  ignoreDotfiles: boolean;
  /** How often the folder's presence is checked. Default 2000. */
  availabilityPollMs?: number;
  /** After hitting the OS watch limit, how long before trying again. Default 60_000. */
  limitRetryMs?: number;
  /** Interval of chokidar's polling mode. Default 1000. */
  pollingIntervalMs?: number;
  handlers: FolderWatcherHandlers;
}

export type WatcherState = 'starting' | 'watching' | 'unavailable' | 'closed';

export interface FolderWatcher {
  start(): Promise<void>;
  close(): Promise<void>;
  readonly state: WatcherState;
  readonly reason: string | null;
}

interface Identity {
  dev: number;
  ino: number;
  /** The folder as the system resolves it: what chokidar watches, so a saved path that goes through a
   * link still works while links inside are not followed. */
  real: string;
}

async function probe(root: string): Promise<{ ok: true; id: Identity } | { ok: false; err: unknown }> {
  try {
    const info = await stat(root);
    if (!info.isDirectory())
      return { ok: false, err: Object.assign(new Error('not a folder'), { code: 'NOT_A_FOLDER' }) };
    // Present but not listable: chokidar would watch nothing without a word (permission errors are
    // left to us), so it counts as unavailable, with the reason, until access is given.
    await access(root, constants.R_OK | constants.X_OK);
    return { ok: true, id: { dev: info.dev, ino: info.ino, real: await realpath(root) } };
  } catch (err) {
    return { ok: false, err };
  }
}

export function createFolderWatcher(opts: FolderWatcherOptions): FolderWatcher {
  const pollMs = Math.max(10, opts.availabilityPollMs ?? 2000);
  const limitRetryMs = opts.limitRetryMs ?? 60_000;
  const h = opts.handlers;
  let state: WatcherState = 'starting';
  let reason: string | null = null;
  let watcher: FSWatcher | undefined;
  let identity: Identity | undefined;
  /** Bumped whenever the chokidar instance is replaced, so late events of an old one are dropped. */
  let generation = 0;
  let timer: NodeJS.Timeout | undefined;
  let limitHitAt: number | null = null;
  let checking: Promise<void> | undefined;
  // A function, not an inline comparison: `state` changes across awaits, which TypeScript cannot see.
  const isClosed = (): boolean => state === 'closed';

  async function stopChokidar(): Promise<void> {
    generation++;
    const w = watcher;
    watcher = undefined;
    identity = undefined;
    if (w) await w.close().catch(() => undefined);
  }

  async function markUnavailable(why: string): Promise<void> {
    await stopChokidar();
    if (isClosed()) return;
    const changed = state !== 'unavailable' || reason !== why;
    state = 'unavailable';
    reason = why;
    if (changed) h.unavailable(why);
  }

  function openChokidar(id: Identity): void {
    const gen = ++generation;
    identity = id;
    state = 'starting';
    reason = null;
    // Event paths are relative to the resolved folder chokidar watches.
    const root = id.real;
    const rel = (p: string): string => relative(root, p).split(sep).join('/');
    const w = watch(root, {
      persistent: true,
      ignoreInitial: false,
      usePolling: opts.polling,
      interval: opts.pollingIntervalMs ?? 1000,
      binaryInterval: opts.pollingIntervalMs ?? 1000,
      depth: opts.recursive ? undefined : 0,
      awaitWriteFinish: false,
      // Links are reported as themselves, never followed: a link to "." would be walked 40 levels deep,
      // and one to another folder would watch (and upload) what is out there.
      followSymlinks: false,
      // Otherwise chokidar drops files without the owner-read bit before we see them; such a file must be
      // reported as unreadable, not vanish. Unreadable folders are checked on addDir below.
      ignorePermissionErrors: true,
      // Hidden folders (.git, .cache) can hold thousands of entries; not even descending into them
      // saves watches. Files are filtered later, with the folder's full rules.
      ignored: (p: string) => opts.ignoreDotfiles && p !== root && hasDotSegment(rel(p)),
    });
    watcher = w;
    const live = (): boolean => gen === generation && state !== 'closed';
    // chokidar's addDir and the scan after ready may both find one unreadable folder: say it once.
    const unreadable = new Set<string>();
    const folderError = (p: string, err: unknown): void => {
      if (!live() || unreadable.has(p)) return;
      unreadable.add(p);
      h.fileError(p, err);
    };
    w.on('add', (p) => live() && h.file(rel(p)));
    w.on('change', (p) => live() && h.file(rel(p)));
    w.on('unlink', (p) => live() && h.removed(rel(p)));
    w.on('raw', (event: string, name: string, details: unknown) => {
      // Not followed, chokidar drops a link it cannot resolve (a loop, a dangling one) without an
      // event; the OS's own event for the folder still names it, so it can be reported.
      const dir = (details as { watchedPath?: unknown } | undefined)?.watchedPath;
      if (!live() || event !== 'rename' || typeof dir !== 'string' || !name) return;
      const p = join(dir, name);
      const r = rel(p);
      if (r === '' || r.startsWith('..') || (!opts.recursive && r.includes('/'))) return;
      lstat(p)
        .then((info) => live() && info.isSymbolicLink() && h.file(r))
        .catch(() => undefined);
    });
    w.on('addDir', (p) => {
      if (!live() || p === root) return;
      // chokidar skips a folder it may not list without a word; its files must not vanish unseen.
      access(p, constants.R_OK | constants.X_OK).catch((err: unknown) => folderError(p, err));
    });
    w.on('unlinkDir', (p) => {
      // The folder itself went away: find out now instead of at the next poll.
      if (live() && p === root) void check();
    });
    w.on('ready', () => {
      if (!live()) return;
      // The OS watch is in place now; a second listing catches files created while chokidar was
      // still setting it up. Seeing a file twice is harmless: the tracker and ledger dedupe.
      void scanFolder(root, {
        recursive: opts.recursive,
        skipDotFolders: opts.ignoreDotfiles,
        onFile: (p) => live() && h.file(p),
        onError: folderError,
        cancelled: () => !live(),
      }).finally(() => {
        if (!live()) return;
        state = 'watching';
        h.ready();
      });
    });
    w.on('error', (error: unknown) => {
      if (!live()) return;
      if (isWatchLimitError(error)) {
        limitHitAt = Date.now();
        void markUnavailable(WATCH_LIMIT_MESSAGE);
        return;
      }
      const path = (error as { path?: unknown } | null)?.path;
      const code = (error as NodeJS.ErrnoException | null)?.code;
      // Something vanished between chokidar seeing it and looking at it: not a problem with a file,
      // but maybe the folder itself went away.
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        void check();
        return;
      }
      h.fileError(typeof path === 'string' ? path : root, error);
    });
    h.available();
  }

  async function checkOnce(): Promise<void> {
    if (isClosed()) return;
    if (limitHitAt !== null && reason === WATCH_LIMIT_MESSAGE && Date.now() - limitHitAt < limitRetryMs)
      return;
    const found = await probe(opts.root);
    if (isClosed()) return;
    if (!found.ok) {
      await markUnavailable(folderUnavailableMessage(opts.root, found.err, pollMs));
      return;
    }
    if (watcher !== undefined && identity !== undefined) {
      if (identity.dev === found.id.dev && identity.ino === found.id.ino && identity.real === found.id.real)
        return;
      // Deleted and created again between two polls: the old watch is on a folder that no longer exists.
      await stopChokidar();
    }
    if (isClosed()) return;
    limitHitAt = null;
    openChokidar(found.id);
  }

  function check(): Promise<void> {
    // One check at a time: a poll and an unlinkDir event must not open two watchers.
    checking ??= checkOnce().finally(() => {
      checking = undefined;
    });
    return checking;
  }

  return {
    async start() {
      await check();
      timer = setInterval(() => void check(), pollMs);
    },
    async close() {
      state = 'closed';
      clearInterval(timer);
      await checking?.catch(() => undefined);
      await stopChokidar();
    },
    get state() {
      return state;
    },
    get reason() {
      return reason;
    },
  };
}
