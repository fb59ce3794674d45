// One folder's file events, plus a cheap availability check on a timer: a folder that is deleted,
// unmounted or replaced (deleted and created again: a new inode that the old watches never see) is
// noticed within one poll, reported, and watched again once it is back.
//
// Events come from the OS, one watch per folder (directory-events.ts), or from polling. Events can be
// lost (a full kernel queue, a burst into a huge folder), so the folder is also walked again now and
// then: every file a walk finds is handed to `listed`, which compares it with what is already known.
// A walk is paced by its own cost: the next one waits at least 200 times as long as the last one took,
// so a folder of any size costs at most about 0.5% of a core in walks. Deciding when a file is complete
// is the stability tracker's job, not this one's.
import { constants } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDirectoryEvents } from './directory-events';
import type { DirectoryEvents } from './directory-events';
import { createFolderPoller } from './folder-poller';
import type { FolderPoller } from './folder-poller';
import { scanFolder } from './scan-folder';
import type { ScanResult } from './scan-folder';
import type { WatchFolderNotice } from '../../../shared/watch';
import { folderUnavailableCode, folderUnavailableMessage, watchLimitNotice } from './watch-messages';
import type { WatchProblemCode } from './watch-messages';

export type WalkKind = 'initial' | 'rescan';

export interface FolderWatcherHandlers {
  /** A file appeared or changed (additions and changes are treated alike). Relative to the folder. */
  file(relativePath: string): void;
  /** A file went away (deleted or renamed). */
  removed(relativePath: string): void;
  /** The folder is being watched again: its files are listed next (`listed` with 'initial'). */
  available(): void;
  /** The first walk is done. */
  ready(): void;
  /** The folder cannot be watched now; `reason` says why and what to do. */
  unavailable(reason: string): void;
  /** One file or subfolder could not be watched; the rest still is. */
  fileError(absolutePath: string, err: unknown): void;
  /**
   * Files a walk found: 'initial' when watching (re)starts, 'rescan' for the walks that catch what the
   * events missed. A slice at a time; the walk waits for the returned promise.
   */
  listed(relativePaths: string[], walk: WalkKind): void | Promise<void>;
  /** `notice` changed. */
  noticeChanged(): void;
}

export interface FolderWatcherOptions {
  root: string;
  recursive: boolean;
  polling: boolean;
  ignoreDotfiles: boolean;
  /** How often the folder's presence is checked. Default 2000. */
  availabilityPollMs?: number;
  /** After hitting the OS watch limit (and polling instead), how long before trying events again. Default 60_000. */
  limitRetryMs?: number;
  /** Shortest time between two polls. Default 1000. */
  pollingIntervalMs?: number;
  /** Shortest time between two rescans while events are used. Default 30_000. */
  rescanMs?: number;
  /** Tests only: OS events for paths for which this returns true are dropped, as events lost under load are. */
  dropEvent?: (relativePath: string) => boolean;
  handlers: FolderWatcherHandlers;
}

export type WatcherState = 'starting' | 'watching' | 'unavailable' | 'closed';

export interface FolderWatcher {
  start(): Promise<void>;
  close(): Promise<void>;
  readonly state: WatcherState;
  readonly reason: string | null;
  /** reason's code and params, so the window says it in the person's language. */
  readonly reasonCode: WatchProblemCode | null;
  /** Watching goes on, but not as set: the OS watch limit was hit and the folder is polled instead. */
  readonly notice: WatchFolderNotice | null;
  /** How changes are found now. */
  readonly mode: 'events' | 'polling';
  /** OS watches held for this folder (one per folder watched, none while polling). */
  readonly osWatches: number;
}

/** A walk may cost this share of the time between walks, at most. */
const RESCAN_COST_FACTOR = 200;
/** Polling looks more often than rescans do: it is the only way changes are found. */
const POLL_COST_FACTOR = 20;

interface Identity {
  dev: number;
  ino: number;
  /** The folder as the system resolves it: what is watched, so a saved path that goes through a link
   * still works while links inside are not followed. */
  real: string;
}

async function probe(root: string): Promise<{ ok: true; id: Identity } | { ok: false; err: unknown }> {
  try {
    const info = await stat(root);
    if (!info.isDirectory())
      return { ok: false, err: Object.assign(new Error('not a folder'), { code: 'NOT_A_FOLDER' }) };
    // Present but not listable: nothing in it could be found, so it counts as unavailable, with the
    // reason, until access is given.
    await access(root, constants.R_OK | constants.X_OK);
    return { ok: true, id: { dev: info.dev, ino: info.ino, real: await realpath(root) } };
  } catch (err) {
    return { ok: false, err };
  }
}

export function createFolderWatcher(opts: FolderWatcherOptions): FolderWatcher {
  const pollMs = Math.max(10, opts.availabilityPollMs ?? 2000);
  const limitRetryMs = opts.limitRetryMs ?? 60_000;
  const pollingIntervalMs = Math.max(10, opts.pollingIntervalMs ?? 1000);
  const rescanMs = Math.max(10, opts.rescanMs ?? 30_000);
  const h = opts.handlers;
  let state: WatcherState = 'starting';
  let reason: string | null = null;
  let reasonCode: WatchProblemCode | null = null;
  let notice: WatchFolderNotice | null = null;
  let identity: Identity | undefined;
  /** Bumped whenever watching restarts, so late events and walks of an old session are dropped. */
  let generation = 0;
  let events: DirectoryEvents | undefined;
  let poller: FolderPoller | undefined;
  /** Set when the OS refused a watch; the folder is polled until a retry succeeds. */
  let limitHitAt: number | null = null;
  let walkTimer: NodeJS.Timeout | undefined;
  let availabilityTimer: NodeJS.Timeout | undefined;
  let checking: Promise<void> | undefined;
  // A function, not an inline comparison: `state` changes across awaits, which TypeScript cannot see.
  const isClosed = (): boolean => state === 'closed';
  const polling = (): boolean => opts.polling || limitHitAt !== null;

  function stopWatching(): void {
    generation++;
    clearTimeout(walkTimer);
    walkTimer = undefined;
    events?.close();
    events = undefined;
    poller = undefined;
    identity = undefined;
  }

  function markUnavailable(why: string, coded: WatchProblemCode): void {
    stopWatching();
    if (isClosed()) return;
    const changed = state !== 'unavailable' || reason !== why;
    state = 'unavailable';
    reason = why;
    reasonCode = coded;
    if (changed) h.unavailable(why);
  }

  function setNotice(next: WatchFolderNotice | null): void {
    if (notice?.code === next?.code) return;
    notice = next;
    h.noticeChanged();
  }

  /** Everything one watching session (one identity of the folder) needs. */
  function openSession(id: Identity): void {
    const gen = ++generation;
    identity = id;
    state = 'starting';
    reason = null;
    reasonCode = null;
    const root = id.real;
    const live = (): boolean => gen === generation && !isClosed();
    // A walk and an event may both find one unreadable folder: say it once per session.
    const unreadable = new Set<string>();
    const folderError = (p: string, err: unknown): void => {
      if (!live() || unreadable.has(p)) return;
      unreadable.add(p);
      h.fileError(p, err);
    };
    let limitErr: unknown = null;
    let walkSoon = false;

    function newEvents(): DirectoryEvents {
      return createDirectoryEvents({
        root,
        recursive: opts.recursive,
        skipDotFolders: opts.ignoreDotfiles,
        dropEvent: opts.dropEvent,
        onFile: (rel) => live() && h.file(rel),
        onRemoved: (rel) => {
          if (!live()) return;
          h.removed(rel);
          // The folder itself may be what went away (its own watch names it): find out now.
          if (!rel.includes('/') && rel === basename(root)) void check();
        },
        onFolderAdded: (rel) => {
          // A new subfolder (or one moved in) holds only files that are new here.
          void scanFolder(join(root, ...rel.split('/')), {
            recursive: true,
            skipDotFolders: opts.ignoreDotfiles,
            onFolder: (sub) => {
              if (limitErr === null) events?.add(sub === '' ? rel : `${rel}/${sub}`);
            },
            onFiles: (rels) => {
              if (live()) for (const r of rels) h.file(`${rel}/${r}`);
            },
            onError: folderError,
            cancelled: () => !live(),
          }).catch(() => undefined);
        },
        onUnknownChange: () => {
          walkSoon = true;
          if (live()) scheduleWalk(0);
        },
        onError: folderError,
        onLimit: (err) => {
          limitErr ??= err;
          scheduleWalk(0);
        },
      });
    }

    function newPoller(): FolderPoller {
      return createFolderPoller({
        root,
        recursive: opts.recursive,
        skipDotFolders: opts.ignoreDotfiles,
        onFile: (rel) => live() && h.file(rel),
        onRemoved: (rel) => live() && h.removed(rel),
        onListed: (rels) => (live() ? h.listed(rels, 'initial') : undefined),
        onError: folderError,
        cancelled: () => !live(),
      });
    }

    /** Lists the folder, watching each subfolder before it is listed, so nothing falls between. */
    function walkWithEvents(kind: WalkKind, target: DirectoryEvents): Promise<ScanResult> {
      return scanFolder(root, {
        recursive: opts.recursive,
        skipDotFolders: opts.ignoreDotfiles,
        onFolder: (rel) => {
          if (limitErr === null) target.add(rel);
        },
        onFiles: (rels) => (live() ? h.listed(rels, kind) : undefined),
        onError: folderError,
        cancelled: () => !live(),
      });
    }

    /** The OS refused a watch: poll this folder instead, and say so with the fix. */
    function fallBackToPolling(): void {
      const err = limitErr;
      limitErr = null;
      events?.close();
      events = undefined;
      limitHitAt = Date.now();
      poller ??= newPoller();
      setNotice(watchLimitNotice(err));
    }

    /** While polling because of the limit: try the OS's events again (the limit may have been raised). */
    async function retryEvents(): Promise<void> {
      const trial = newEvents();
      const result = await walkWithEvents('rescan', trial);
      if (!live()) {
        trial.close();
        return;
      }
      if (limitErr !== null || !result.complete) {
        trial.close();
        limitErr = null;
        limitHitAt = Date.now();
        return;
      }
      events = trial;
      poller = undefined;
      limitHitAt = null;
      setNotice(null);
    }

    async function walk(kind: WalkKind): Promise<void> {
      if (!polling() && limitErr !== null) fallBackToPolling();
      if (polling()) {
        if (!opts.polling && limitHitAt !== null && Date.now() - limitHitAt >= limitRetryMs) {
          await retryEvents();
          if (!polling()) return;
        }
        poller ??= newPoller();
        await poller.look();
        return;
      }
      events ??= newEvents();
      const result = await walkWithEvents(kind, events);
      if (!live()) return;
      if (limitErr !== null) {
        fallBackToPolling();
        // The first look records what is there (and lists it again: that is harmless, lists are compared).
        await poller?.look();
        return;
      }
      if (result.complete) events.prune(result.folders);
    }

    function scheduleWalk(delayMs: number): void {
      if (!live()) return;
      if (walkTimer !== undefined && delayMs > 0) return;
      clearTimeout(walkTimer);
      walkTimer = setTimeout(() => {
        walkTimer = undefined;
        void run('rescan');
      }, delayMs);
    }

    let running = false;
    async function run(kind: WalkKind): Promise<void> {
      if (!live()) return;
      if (running) {
        walkSoon = true;
        return;
      }
      running = true;
      walkSoon = false;
      const began = performance.now();
      try {
        await walk(kind);
      } catch {
        // Only a bug gets here (walks report their own errors): try again at the next turn.
      } finally {
        running = false;
      }
      if (!live()) return;
      if (kind === 'initial') {
        state = 'watching';
        h.ready();
      }
      const took = performance.now() - began;
      const next = polling()
        ? Math.max(pollingIntervalMs, took * POLL_COST_FACTOR)
        : Math.max(rescanMs, took * RESCAN_COST_FACTOR);
      scheduleWalk(walkSoon ? 0 : next);
    }

    h.available();
    void run('initial');
  }

  async function checkOnce(): Promise<void> {
    if (isClosed()) return;
    const found = await probe(opts.root);
    if (isClosed()) return;
    if (!found.ok) {
      markUnavailable(
        folderUnavailableMessage(opts.root, found.err, pollMs),
        folderUnavailableCode(opts.root, found.err, pollMs),
      );
      return;
    }
    if (identity !== undefined) {
      if (identity.dev === found.id.dev && identity.ino === found.id.ino && identity.real === found.id.real)
        return;
      // Deleted and created again between two polls: the old watches are on a folder that no longer exists.
      stopWatching();
    }
    if (isClosed()) return;
    openSession(found.id);
  }

  function check(): Promise<void> {
    // One check at a time: a poll and an event must not open two sessions.
    checking ??= checkOnce().finally(() => {
      checking = undefined;
    });
    return checking;
  }

  return {
    async start() {
      await check();
      availabilityTimer = setInterval(() => void check(), pollMs);
    },
    async close() {
      state = 'closed';
      clearInterval(availabilityTimer);
      await checking?.catch(() => undefined);
      stopWatching();
    },
    get state() {
      return state;
    },
    get reason() {
      return reason;
    },
    get reasonCode() {
      return reasonCode;
    },
    get notice() {
      return notice;
    },
    get mode() {
      return polling() ? 'polling' : 'events';
    },
    get osWatches() {
      return events?.size ?? 0;
    },
  };
}
