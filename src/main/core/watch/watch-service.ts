// The watch service: every watched folder of this process, their saved settings, the ledger, and the
// link to the upload engine. An IPC layer drives it with plain calls and listens to its events; the CLI
// uses the same object. The folder list is re-read from the database on a timer, so a folder added or
// removed by the other process (app or CLI) is picked up without a restart.
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { KieDropDb } from '../db';
import type { Engine } from '../engine';
import type { ImageSettings } from '../images/folder-image-options';
import { createEventHub } from '../events/event-hub';
import { formatLeaseOwner, newLeaseOwner, processIsGone } from '../queue/lease-owner';
import { checkFolderExists, checkNoOverlap, folderSettings, patchedSettings } from './folder-settings';
import { FolderRuntime } from './folder-runtime';
import { findExistingFiles } from './existing-files';
import { folderStatus } from './folder-status';
import { linkToEngine } from './engine-link';
import { withFolderIdentity } from './folder-identity';
import { createFolderStore } from './folder-store';
import type { FolderSettings, FolderStore } from './folder-store';
import { createLedgerStore } from './ledger-store';
import type { LedgerStore } from './ledger-store';
import { createPendingCounts } from './pending-count';
import { reconcileLedger } from './reconcile';
import { uploadFailedCode, uploadFailedMessage } from './watch-messages';
import type {
  FolderStatus,
  NewWatchFolder,
  WatchEvents,
  WatchFolder,
  WatchFolderPatch,
  WatchService,
} from './types';

export interface WatchServiceOptions {
  engine: Pick<Engine, 'db' | 'queue' | 'on'>;
  /** Defaults to engine.db. */
  db?: KieDropDb;
  now?: () => number;
  /** Quiet period for folders added without one. Default 2000. */
  quietMs?: number;
  /** How often a folder's presence is checked (and the folder list re-read). Default 2000. */
  availabilityPollMs?: number;
  /** After the OS watch limit was hit, how long before trying again. Default 60_000. */
  limitRetryMs?: number;
  /** How often the ledger is reconciled with the queue while running. Default 30_000. */
  reconcileMs?: number;
  /**
   * Shortest time between two walks of a folder that catch files the OS's events missed. Default 30_000;
   * a big folder is walked less often (each walk waits at least 200 times as long as the last one took).
   */
  rescanMs?: number;
  /** Tests only: OS events for which this returns true are dropped, as events lost under load are. */
  dropEvent?: (folderId: number, relativePath: string) => boolean;
  /** Run only these saved folders (the CLI watching one folder). Default: all of them. */
  folderIds?: readonly number[];
  /** Settings' picture processing, read as each batch is queued. Default: none (pictures go as they are). */
  imageSettings?: () => ImageSettings;
}

const NO_IMAGE_SETTINGS: ImageSettings = {
  imageOptimize: false,
  imageFormat: 'webp',
  imageQuality: 80,
  imageMaxSide: null,
  stripMetadata: false,
};

/** Watch services alive in this process, so reconcile can tell a live reservation from a dead one. */
const liveOwners = new Set<string>();

const STATUS_COALESCE_MS = 100;

export function createWatchService(opts: WatchServiceOptions): WatchService {
  const db = opts.db ?? opts.engine.db;
  const now = opts.now ?? Date.now;
  const availabilityPollMs = opts.availabilityPollMs ?? 2000;
  const limitRetryMs = opts.limitRetryMs ?? 60_000;
  const reconcileMs = opts.reconcileMs ?? 30_000;
  const rescanMs = opts.rescanMs ?? 30_000;
  const selected = opts.folderIds === undefined ? null : new Set(opts.folderIds);
  const folders: FolderStore = createFolderStore(db);
  const ledger: LedgerStore = createLedgerStore(db);
  const owner = formatLeaseOwner(newLeaseOwner(hostname(), process.pid));
  const runtimes = new Map<number, FolderRuntime>();
  // A broken listener (a closed window) must not stop watching.
  const hub = createEventHub<WatchEvents>();
  const emit = hub.emit;
  const dirty = new Set<number>();
  const unsubscribe: (() => void)[] = [];
  let statusTimer: NodeJS.Timeout | undefined;
  let syncTimer: NodeJS.Timeout | undefined;
  let reconcileTimer: NodeJS.Timeout | undefined;
  let allPaused = false;
  let started = false;
  let closed = false;
  /** Serializes changes to the set of runtimes (user calls, sync ticks). */
  let chain: Promise<unknown> = Promise.resolve();

  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  }

  const wanted = (f: WatchFolder): boolean => selected === null || selected.has(f.id);
  const shouldRun = (f: WatchFolder): boolean => started && !closed && !allPaused && f.enabled;

  const pending = createPendingCounts((id) => ledger.pendingCount(id));
  /** Folders whose status showed a reused count: sent again once a fresh count is due. */
  const refreshTimers = new Map<number, NodeJS.Timeout>();
  const counts = {
    pendingCount(id: number): number {
      const count = pending.get(id);
      if (count.refreshInMs !== null && !refreshTimers.has(id)) {
        const timer = setTimeout(() => {
          refreshTimers.delete(id);
          if (!closed) markDirty(id);
        }, count.refreshInMs + 1);
        timer.unref();
        refreshTimers.set(id, timer);
      }
      return count.value;
    },
    lastUploadAt: (id: number) => ledger.lastUploadAt(id),
  };

  const statusOf = (folder: WatchFolder): FolderStatus =>
    folderStatus(folder, runtimes.get(folder.id), counts, allPaused);

  function markDirty(id: number): void {
    dirty.add(id);
    statusTimer ??= setTimeout(flushStatus, STATUS_COALESCE_MS);
  }

  function flushStatus(): void {
    statusTimer = undefined;
    const ids = [...dirty];
    dirty.clear();
    for (const id of ids) {
      const rt = runtimes.get(id);
      const folder = rt?.folder ?? safeGet(id);
      if (folder) emit('status', statusOf(folder));
    }
  }

  function safeGet(id: number): WatchFolder | undefined {
    try {
      return folders.get(id);
    } catch {
      return undefined;
    }
  }

  function listAll(): FolderStatus[] {
    return folders.list().filter(wanted).map(statusOf);
  }

  function newRuntime(folder: WatchFolder): FolderRuntime {
    return new FolderRuntime(folder, {
      queue: opts.engine.queue,
      db,
      ledger,
      owner,
      now,
      imageSettings: opts.imageSettings ?? (() => NO_IMAGE_SETTINGS),
      availabilityPollMs,
      limitRetryMs,
      rescanMs,
      dropEvent: opts.dropEvent,
      onFileError: (e) => emit('file-error', e),
      onEnqueued: (item) => {
        emit('enqueued', item);
        markDirty(item.folderId);
      },
      onChange: () => markDirty(folder.id),
    });
  }

  /** Makes the runtime for `folder` match its settings and the pause state. */
  async function apply(folder: WatchFolder): Promise<void> {
    let rt = runtimes.get(folder.id);
    if (rt && rt.folder.updatedAt !== folder.updatedAt) {
      await rt.stop();
      rt.reconfigure(folder);
    }
    if (!rt) {
      rt = newRuntime(folder);
      runtimes.set(folder.id, rt);
    }
    if (shouldRun(folder)) await rt.start();
    else await rt.stop();
    markDirty(folder.id);
  }

  async function drop(id: number): Promise<void> {
    const rt = runtimes.get(id);
    runtimes.delete(id);
    await rt?.stop();
  }

  /** Picks up folders added, changed or removed (possibly by the other process). */
  async function sync(): Promise<boolean> {
    const saved = folders.list().filter(wanted);
    let changed = false;
    const ids = new Set(saved.map((f) => f.id));
    for (const id of [...runtimes.keys()]) {
      if (!ids.has(id)) {
        await drop(id);
        changed = true;
      }
    }
    for (const f of saved) {
      const rt = runtimes.get(f.id);
      if (!rt || rt.folder.updatedAt !== f.updatedAt) {
        await apply(f);
        changed = true;
      }
    }
    return changed;
  }

  function reconcile(): void {
    const result = reconcileLedger(ledger, {
      now: now(),
      check: { host: hostname(), pid: process.pid, liveInstances: liveOwners, processIsGone },
      inFlight: (id) => [...runtimes.values()].some((rt) => rt.reserving.has(id)),
      pathOf: (folderId, rel) => {
        const f = runtimes.get(folderId)?.folder ?? safeGet(folderId);
        return f ? join(f.path, ...rel.split('/')) : null;
      },
    });
    for (const r of result.released) runtimes.get(r.folderId)?.touch(r.relativePath);
    for (const id of runtimes.keys()) if (result.backfilled > 0) markDirty(id);
  }

  function safeReconcile(): void {
    try {
      reconcile();
    } catch {
      // Locked for a moment; the next tick tries again.
    }
  }

  function onEngineEvents(): void {
    unsubscribe.push(
      linkToEngine(opts.engine, ledger, now, {
        changed: markDirty,
        jobEnded: (folderId, relativePath) => {
          const rt = runtimes.get(folderId);
          // The file may have changed while its job waited: with "upload changed files" on, look again.
          if (rt?.folder.uploadChanged) rt.touch(relativePath);
        },
        jobFailed: (folderId, relativePath, reason, cause) => {
          const rt = runtimes.get(folderId);
          if (rt) {
            rt.uploadFailed(relativePath, reason, cause);
            return;
          }
          // Not watched here any more (removed or paused): still say what became of its file.
          const folder = safeGet(folderId);
          if (!folder) return;
          const path = join(folder.path, ...relativePath.split('/'));
          emit('file-error', {
            folderId,
            path,
            message: uploadFailedMessage(path, reason),
            kind: 'failed',
            coded: uploadFailedCode(path, reason, cause),
          });
        },
      }),
    );
  }

  /** Compares where the folders really are, not only how they were named. */
  async function checkNoOverlapOnDisk(settings: FolderSettings, ignoreId?: number): Promise<void> {
    const others = folders.list().filter((f) => f.id !== ignoreId);
    checkNoOverlap(
      await withFolderIdentity(settings),
      await Promise.all(others.map((f) => withFolderIdentity(f))),
      ignoreId,
    );
  }

  async function mustExist(id: number): Promise<WatchFolder> {
    const folder = folders.get(id);
    if (!folder || !wanted(folder))
      throw new Error(`There is no watched folder #${id}; it may have been removed.`);
    return folder;
  }

  /** Pause (running = false) or resume one folder (saved), or every folder (until restart) when id is undefined. */
  function setRunning(id: number | undefined, running: boolean): Promise<void> {
    return serial(async () => {
      if (id === undefined) {
        allPaused = !running;
        for (const rt of runtimes.values()) await apply(rt.folder);
        emit('folders', listAll());
        return;
      }
      const folder = await mustExist(id);
      if (folder.enabled === running) return;
      const updated = folders.update(
        id,
        { ...folder, enabled: running },
        Math.max(now(), folder.updatedAt + 1),
      );
      if (updated && started) await apply(updated);
      emit('folders', listAll());
    });
  }

  const service: WatchService = {
    addFolder: (input: NewWatchFolder) =>
      serial(async () => {
        const settings = folderSettings(input, { quietMs: opts.quietMs });
        await checkFolderExists(settings.path);
        await checkNoOverlapOnDisk(settings);
        // Found before the folder is saved, and saved with it in one transaction: no watcher (here or in
        // the other process) can see the folder before its existing files are recorded.
        const existing = input.existingFiles === 'upload' ? null : await findExistingFiles(settings);
        const at = now();
        const folder = db.transaction(() => {
          const inserted = folders.insert(settings, at);
          if (existing !== null) ledger.markExisting(inserted.id, existing.files, at);
          return inserted;
        });
        selected?.add(folder.id);
        if (started) await apply(folder);
        emit('folders', listAll());
        return statusOf(folder);
      }),
    previewFolder: async (input: NewWatchFolder) => {
      const settings = folderSettings(input, { quietMs: opts.quietMs });
      await checkFolderExists(settings.path);
      await checkNoOverlapOnDisk(settings);
      const { matching } = await findExistingFiles(settings);
      return { path: settings.path, existingFiles: matching, imageStrip: settings.imageStrip };
    },
    updateFolder: (id: number, patch: WatchFolderPatch) =>
      serial(async () => {
        const current = await mustExist(id);
        const settings = patchedSettings(current, patch);
        await checkNoOverlapOnDisk(settings, id);
        // Strictly increasing, so the change is noticed even within the same millisecond.
        const updated = folders.update(id, settings, Math.max(now(), current.updatedAt + 1));
        if (!updated) throw new Error(`There is no watched folder #${id}; it may have been removed.`);
        if (started) await apply(updated);
        emit('folders', listAll());
        return statusOf(updated);
      }),
    removeFolder: (id: number) =>
      serial(async () => {
        await drop(id);
        const removed = folders.remove(id);
        if (removed) emit('folders', listAll());
        return removed;
      }),
    pause: (id?: number) => setRunning(id, false),
    resume: (id?: number) => setRunning(id, true),
    get allPaused() {
      return allPaused;
    },
    list: () => listAll(),
    get(id: number) {
      const folder = safeGet(id);
      return folder && wanted(folder) ? statusOf(folder) : undefined;
    },
    on: (event, listener) => hub.on(event, listener),
    start: () =>
      serial(async () => {
        if (started || closed) return;
        started = true;
        liveOwners.add(owner);
        onEngineEvents();
        // Before any folder starts: finished uploads are known and crashed enqueues are settled, so the
        // initial scans decide against an up-to-date ledger.
        safeReconcile();
        await sync();
        emit('folders', listAll());
        syncTimer = setInterval(() => {
          void serial(async () => {
            if (closed) return;
            if (await sync()) emit('folders', listAll());
          }).catch(() => undefined);
        }, availabilityPollMs);
        reconcileTimer = setInterval(safeReconcile, reconcileMs);
      }),
    close: () =>
      serial(async () => {
        if (closed) return;
        closed = true;
        clearInterval(syncTimer);
        clearInterval(reconcileTimer);
        clearTimeout(statusTimer);
        for (const timer of refreshTimers.values()) clearTimeout(timer);
        refreshTimers.clear();
        for (const off of unsubscribe.splice(0)) off();
        for (const id of [...runtimes.keys()]) await drop(id);
        liveOwners.delete(owner);
        hub.clear();
      }),
  };
  return service;
}
