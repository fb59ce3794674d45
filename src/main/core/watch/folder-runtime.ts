// One watched folder at work: events → filters → stability tracker → ledger → upload queue.
// Every candidate, from an event or from the initial scan, takes the same path, so a file that was
// already there when watching started is waited for exactly like one that arrives later.
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { validateFileName } from '../api';
import type { KieDropDb } from '../db';
import { toDatabaseError } from '../db';
import type { UploadQueue } from '../queue';
import { createFileFilter } from './file-filter';
import type { FileFilter } from './file-filter';
import { createFolderWatcher } from './folder-watcher';
import type { FolderWatcher } from './folder-watcher';
import { decideUpload } from './ledger-decision';
import type { LedgerStore } from './ledger-store';
import { createStabilityTracker } from './stability-tracker';
import type { FileSignature, StabilityOutcome, StabilityTracker, StatFn } from './stability-tracker';
import type { WatchEnqueued, WatchFileError, WatchFolder } from './types';
import { fileErrorMessage, notRegularFileMessage } from './watch-messages';

export interface RuntimeDeps {
  queue: Pick<UploadQueue, 'enqueueFiles'>;
  db: KieDropDb;
  ledger: LedgerStore;
  /** 'host:pid:instance' written on this service's reservations. */
  owner: string;
  now: () => number;
  availabilityPollMs: number;
  limitRetryMs: number;
  stat?: StatFn;
  onFileError(error: WatchFileError): void;
  onEnqueued(item: WatchEnqueued): void;
  /** Counts or state changed. */
  onChange(): void;
}

interface Stable {
  relativePath: string;
  signature: FileSignature;
}

export type RuntimeState = 'stopped' | 'starting' | 'watching' | 'unavailable';

export class FolderRuntime {
  private watcher: FolderWatcher | undefined;
  private tracker: StabilityTracker;
  private filter: FileFilter;
  private timer: NodeJS.Timeout | undefined;
  private checking = false;
  private running = false;
  private enqueueChain: Promise<void> = Promise.resolve();
  /** Ledger rows this runtime reserved and is queuing right now (reconcile must leave them alone). */
  readonly reserving = new Set<number>();
  lastError: string | null = null;

  constructor(
    public folder: WatchFolder,
    private readonly deps: RuntimeDeps,
  ) {
    this.tracker = this.newTracker();
    this.filter = createFileFilter(folder);
  }

  get state(): RuntimeState {
    if (!this.running || this.watcher === undefined) return 'stopped';
    const s = this.watcher.state;
    return s === 'closed' ? 'stopped' : s;
  }

  get reason(): string | null {
    return this.watcher?.reason ?? null;
  }

  get settling(): number {
    return this.tracker.size;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const root = this.folder.path;
    this.watcher = createFolderWatcher({
      root,
      recursive: this.folder.recursive,
      polling: this.folder.polling,
      ignoreDotfiles: this.folder.ignoreDotfiles,
      availabilityPollMs: this.deps.availabilityPollMs,
      limitRetryMs: this.deps.limitRetryMs,
      handlers: {
        file: (rel) => this.touch(rel),
        removed: (rel) => {
          if (this.tracker.has(rel)) {
            this.tracker.forget(rel);
            this.deps.onChange();
          }
        },
        available: () => this.deps.onChange(),
        ready: () => this.deps.onChange(),
        unavailable: () => {
          // Whatever was settling went with the folder; the scan after it comes back finds it again.
          this.tracker.clear();
          this.deps.onChange();
        },
        fileError: (path, err) => this.fileError(path, fileErrorMessage(path, err)),
      },
    });
    await this.watcher.start();
  }

  /** Stops watching; files already queued stay queued. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    const w = this.watcher;
    this.watcher = undefined;
    this.tracker.clear();
    await w?.close();
    await this.enqueueChain;
  }

  /** New settings: the caller restarts the runtime afterwards. */
  reconfigure(folder: WatchFolder): void {
    this.folder = folder;
    this.filter = createFileFilter(folder);
    this.tracker = this.newTracker();
  }

  /** A file appeared, changed, or should be looked at again. */
  touch(relativePath: string): void {
    if (!this.running) return;
    if (this.filter(relativePath) !== null) return;
    const isNew = !this.tracker.has(relativePath);
    this.tracker.touch(relativePath, this.deps.now());
    if (isNew) this.deps.onChange();
    this.schedule();
  }

  absolutePath(relativePath: string): string {
    return join(this.folder.path, ...relativePath.split('/'));
  }

  private newTracker(): StabilityTracker {
    const statFn: StatFn =
      this.deps.stat ??
      (async (rel) => {
        const info = await stat(this.absolutePath(rel));
        return { size: info.size, mtimeMs: Math.trunc(info.mtimeMs), isFile: info.isFile() };
      });
    return createStabilityTracker({ quietMs: this.folder.quietMs, stat: statFn });
  }

  private schedule(): void {
    if (!this.running || this.checking) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const next = this.tracker.nextCheckAt();
    if (next === null) return;
    this.timer = setTimeout(() => void this.runCheck(), Math.max(0, next - this.deps.now()));
  }

  private async runCheck(): Promise<void> {
    this.timer = undefined;
    this.checking = true;
    const tracker = this.tracker;
    try {
      const outcomes = await tracker.check(this.deps.now());
      // Stopped or reconfigured meanwhile: these answers belong to a tracker that is gone.
      if (!this.running || tracker !== this.tracker) return;
      this.handle(outcomes);
    } catch (err) {
      this.lastError = err instanceof Error ? err.message : String(err);
      this.deps.onChange();
    } finally {
      this.checking = false;
      this.schedule();
    }
  }

  private handle(outcomes: StabilityOutcome[]): void {
    const stable: Stable[] = [];
    let changed = false;
    for (const o of outcomes) {
      switch (o.kind) {
        case 'observed':
          // Already sent (or on its way) in this very version, or a path that is not sent twice:
          // stop looking at it until it changes again.
          if (decideUpload(this.versions(o.key), o.signature, this.folder.uploadChanged).action === 'skip') {
            this.tracker.forget(o.key);
            changed = true;
          }
          break;
        case 'stable':
          stable.push({ relativePath: o.key, signature: o.signature });
          changed = true;
          break;
        case 'gone':
          changed = true;
          break;
        case 'error': {
          const path = this.absolutePath(o.key);
          this.fileError(path, o.notRegular ? notRegularFileMessage(path) : fileErrorMessage(path, o.error));
          changed = true;
          break;
        }
      }
    }
    if (stable.length > 0) {
      this.enqueueChain = this.enqueueChain
        .then(() => this.enqueue(stable))
        .catch((err: unknown) => {
          // Only a bug gets here; keep watching and show it.
          this.lastError = err instanceof Error ? err.message : String(err);
          this.deps.onChange();
        });
    }
    if (changed) this.deps.onChange();
  }

  private versions(relativePath: string) {
    try {
      return this.deps.ledger.versions(this.folder.id, relativePath);
    } catch {
      // Locked for a moment: decide at the end of the quiet period instead.
      return [];
    }
  }

  private fileError(path: string, message: string): void {
    this.lastError = message;
    this.deps.onFileError({ folderId: this.folder.id, path, message });
    this.deps.onChange();
  }

  /** Reserve each version in the ledger, queue the batch, then record the job ids. */
  private async enqueue(items: Stable[]): Promise<void> {
    if (!this.running) return;
    const { db, ledger, owner } = this.deps;
    const named = items.filter((item) => {
      try {
        validateFileName(basename(item.relativePath));
        return true;
      } catch (err) {
        const path = this.absolutePath(item.relativePath);
        this.fileError(
          path,
          `${path} cannot be uploaded: ${err instanceof Error ? err.message : String(err)}`,
        );
        return false;
      }
    });
    let reserved: (Stable & { ledgerId: number })[];
    try {
      reserved = db.transaction(() =>
        named.flatMap((item) => {
          const decision = decideUpload(
            ledger.versions(this.folder.id, item.relativePath),
            item.signature,
            this.folder.uploadChanged,
          );
          if (decision.action !== 'upload') return [];
          const ledgerId = ledger.reserve(
            this.folder.id,
            item.relativePath,
            item.signature,
            owner,
            this.deps.now(),
          );
          return ledgerId === null ? [] : [{ ...item, ledgerId }];
        }),
      );
    } catch (err) {
      this.retryLater(named, err);
      return;
    }
    if (reserved.length === 0) return;
    for (const r of reserved) this.reserving.add(r.ledgerId);
    try {
      await this.enqueueReserved(reserved);
    } finally {
      for (const r of reserved) this.reserving.delete(r.ledgerId);
      this.deps.onChange();
    }
  }

  private async enqueueReserved(reserved: (Stable & { ledgerId: number })[]): Promise<void> {
    const { db, ledger, queue } = this.deps;
    let jobs: { id: number }[];
    try {
      jobs = await queue.enqueueFiles(
        reserved.map((r) => this.absolutePath(r.relativePath)),
        { source: 'watch', uploadPath: this.folder.uploadPath },
      );
    } catch (err) {
      // Nothing was queued (the batch is one transaction). Give the versions back so they are
      // considered again, and find the one file to blame if a single bad one spoiled the batch.
      for (const r of reserved) {
        try {
          ledger.release(r.ledgerId);
        } catch {
          // Left as a reservation without a job: the next reconcile drops it and looks again.
        }
      }
      if (reserved.length > 1 && toDatabaseError(err) === null) {
        for (const r of reserved) await this.enqueue([r]);
        return;
      }
      this.retryLater(reserved, err);
      return;
    }
    try {
      db.transaction(() =>
        jobs.forEach((job, i) => ledger.attachJob((reserved[i] as { ledgerId: number }).ledgerId, job.id)),
      );
    } catch {
      // The jobs exist; the next reconcile finds them by path and attaches them.
    }
    jobs.forEach((job, i) => {
      const r = reserved[i];
      if (r === undefined) return;
      this.deps.onEnqueued({
        folderId: this.folder.id,
        path: this.absolutePath(r.relativePath),
        relativePath: r.relativePath,
        jobId: job.id,
        size: r.signature.size,
        mtimeMs: r.signature.mtimeMs,
      });
    });
  }

  /** A database hiccup (locked, full) must not lose files: look at them again after a quiet period. */
  private retryLater(items: Stable[], err: unknown): void {
    const dbErr = toDatabaseError(err);
    const message = err instanceof Error ? err.message : String(err);
    this.lastError = message;
    if (dbErr === null) {
      for (const item of items) this.fileError(this.absolutePath(item.relativePath), message);
      return;
    }
    for (const item of items) this.touch(item.relativePath);
    this.deps.onChange();
  }
}
