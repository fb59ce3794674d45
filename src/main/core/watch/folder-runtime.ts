// One watched folder at work: events → filters → stability tracker → ledger → upload queue.
// Every candidate, from an event or from the initial scan, takes the same path, so a file that was
// already there when watching started is waited for exactly like one that arrives later.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createFileFilter } from './file-filter';
import type { FileFilter } from './file-filter';
import { createFolderWatcher } from './folder-watcher';
import type { FolderWatcher } from './folder-watcher';
import { handOver } from './handover';
import type { Candidate, HandoverDeps } from './handover';
import { decideUpload } from './ledger-decision';
import { createStabilityTracker } from './stability-tracker';
import type { StabilityOutcome, StabilityTracker, StatFn } from './stability-tracker';
import type { WatchEnqueued, WatchFileError, WatchFolder } from './types';
import { fileErrorMessage, notRegularFileMessage } from './watch-messages';

/** What the hand-over needs (passed on as they are), and what watching one folder adds. */
export interface RuntimeDeps extends Omit<HandoverDeps, 'reserving'> {
  availabilityPollMs: number;
  limitRetryMs: number;
  onFileError(error: WatchFileError): void;
  onEnqueued(item: WatchEnqueued): void;
  /** Counts or state changed. */
  onChange(): void;
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
  /** Ledger claims this runtime is queuing right now (reconcile must leave them alone). */
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
    // Whole milliseconds: the ledger stores integers, and comparisons must round-trip.
    const statFn: StatFn = async (rel) => {
      const info = await stat(this.absolutePath(rel));
      return { size: info.size, mtimeMs: Math.trunc(info.mtimeMs), isFile: info.isFile() };
    };
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
    const stable: Candidate[] = [];
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

  /** Claims each version in the ledger, queues the batch, and reports what happened to each file. */
  private async enqueue(items: Candidate[]): Promise<void> {
    if (!this.running) return;
    const folder = this.folder;
    const outcomes = await handOver(
      { ...this.deps, reserving: this.reserving },
      {
        id: folder.id,
        uploadPath: folder.uploadPath,
        uploadChanged: folder.uploadChanged,
        absolutePath: (rel) => this.absolutePath(rel),
      },
      items,
    );
    for (const o of outcomes) {
      const path = this.absolutePath(o.candidate.relativePath);
      switch (o.kind) {
        case 'queued':
          this.deps.onEnqueued({
            folderId: folder.id,
            path,
            relativePath: o.candidate.relativePath,
            jobId: o.jobId,
            size: o.candidate.signature.size,
            mtimeMs: o.candidate.signature.mtimeMs,
          });
          break;
        case 'refused':
          this.fileError(path, o.message);
          break;
        case 'retry':
          // A database hiccup (locked, full) must not lose the file: look again after a quiet period.
          this.lastError = o.message;
          this.touch(o.candidate.relativePath);
          break;
      }
    }
    this.deps.onChange();
  }
}
