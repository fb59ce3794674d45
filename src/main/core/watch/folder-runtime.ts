// One watched folder at work: events → filters → stability tracker → ledger → upload queue.
// Every candidate, from an event or from the initial scan, takes the same path, so a file that was
// already there when watching started is waited for exactly like one that arrives later.
import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { statCandidate } from './candidate-stat';
import { createFileFilter } from './file-filter';
import type { FileFilter } from './file-filter';
import { createFolderWatcher } from './folder-watcher';
import type { FolderWatcher } from './folder-watcher';
import { handOver } from './handover';
import type { Candidate, HandoverDeps } from './handover';
import { decideUpload, failedJobToRetry } from './ledger-decision';
import { classifyLink } from './link-check';
import { createStabilityTracker } from './stability-tracker';
import type { StabilityOutcome, StabilityTracker, StatFn } from './stability-tracker';
import { createUnreadableFiles } from './unreadable-files';
import type { UnreadableFiles } from './unreadable-files';
import type { WatchEnqueued, WatchFileError, WatchFileProblem, WatchFolder } from './types';
import {
  fileErrorMessage,
  isPermissionError,
  linkOutsideMessage,
  notRegularFileMessage,
  uploadFailedMessage,
} from './watch-messages';

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
  /** The folder as the system resolves it (the saved path may itself go through a link). */
  private rootReal: Promise<string> | undefined;
  /** Links already reported in this run: a link is said once, not at every scan or event. */
  private readonly reportedLinks = new Set<string>();
  /** Files we may not read: looked at again until a permission fix lets them upload. */
  private readonly unreadable: UnreadableFiles;
  /** Ledger claims this runtime is queuing right now (reconcile must leave them alone). */
  readonly reserving = new Set<number>();
  lastError: string | null = null;

  constructor(
    public folder: WatchFolder,
    private readonly deps: RuntimeDeps,
  ) {
    this.tracker = this.newTracker();
    this.filter = createFileFilter(folder);
    this.unreadable = createUnreadableFiles({
      everyMs: deps.availabilityPollMs,
      absolutePath: (rel) => this.absolutePath(rel),
      recheck: (rel) => this.touch(rel),
    });
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
    this.rootReal = undefined;
    this.reportedLinks.clear();
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
          this.unreadable.delete(rel);
          if (this.tracker.has(rel)) {
            this.tracker.forget(rel);
            this.deps.onChange();
          }
        },
        available: () => {
          // Back, perhaps as another folder behind the same name: resolve it again.
          this.rootReal = undefined;
          this.deps.onChange();
        },
        ready: () => this.deps.onChange(),
        unavailable: () => {
          // Whatever was settling went with the folder; the scan after it comes back finds it again.
          this.tracker.clear();
          this.deps.onChange();
        },
        fileError: (path, err) => this.fileError(path, fileErrorMessage(path, err), 'failed'),
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
    this.unreadable.clear();
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
    this.unreadable.delete(relativePath);
    const isNew = !this.tracker.has(relativePath);
    this.tracker.touch(relativePath, this.deps.now());
    if (isNew) this.deps.onChange();
    this.schedule();
  }

  absolutePath(relativePath: string): string {
    return join(this.folder.path, ...relativePath.split('/'));
  }

  /** The job of a file from this folder ended without an upload. */
  uploadFailed(relativePath: string, reason: string | null): void {
    const path = this.absolutePath(relativePath);
    this.fileError(path, uploadFailedMessage(path, reason), 'failed');
  }

  private async realRoot(): Promise<string> {
    const pending = (this.rootReal ??= realpath(this.folder.path));
    try {
      return await pending;
    } catch (err) {
      if (this.rootReal === pending) this.rootReal = undefined;
      throw err;
    }
  }

  private newTracker(): StabilityTracker {
    const statFn: StatFn = (rel) => statCandidate(this.absolutePath(rel), () => this.realRoot());
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
        case 'observed': {
          // Already sent (or on its way) in this very version, or a path that is not sent twice:
          // stop looking at it until it changes again. A failed upload of it is worth another try.
          const versions = this.versions(o.key);
          const uploadChanged = this.folder.uploadChanged;
          if (
            decideUpload(versions, o.signature, uploadChanged).action === 'skip' &&
            failedJobToRetry(versions, o.signature, uploadChanged) === null
          ) {
            this.tracker.forget(o.key);
            changed = true;
          }
          break;
        }
        case 'stable':
          stable.push({ relativePath: o.key, signature: o.signature });
          changed = true;
          break;
        case 'gone':
          changed = true;
          break;
        case 'error': {
          const path = this.absolutePath(o.key);
          if (o.notRegular) this.fileError(path, notRegularFileMessage(path), 'skipped');
          else this.fileError(path, fileErrorMessage(path, o.error), 'failed');
          if (isPermissionError(o.error)) this.unreadable.add(o.key);
          changed = true;
          break;
        }
        case 'link':
          void this.reportLink(o.key);
          changed = true;
          break;
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

  private fileError(path: string, message: string, kind: WatchFileProblem): void {
    this.lastError = message;
    this.deps.onFileError({ folderId: this.folder.id, path, message, kind });
    this.deps.onChange();
  }

  /** A link leading out of the folder, or in a loop, is said once; one leading inside is left be (what it
   * points to is watched where it is), and so is one pointing at nothing. */
  private async reportLink(relativePath: string): Promise<void> {
    const path = this.absolutePath(relativePath);
    let verdict;
    try {
      verdict = await classifyLink(await this.realRoot(), path);
    } catch {
      // The folder itself is gone: its availability check says so.
      return;
    }
    if (!this.running) return;
    let message: string;
    switch (verdict.kind) {
      case 'outside':
        message = linkOutsideMessage(path, verdict.target);
        break;
      case 'loop':
        message = fileErrorMessage(path, verdict.error);
        break;
      case 'error':
        this.fileError(path, fileErrorMessage(path, verdict.error), 'failed');
        return;
      default:
        return;
    }
    const once = `${path}\0${message}`;
    if (this.reportedLinks.has(once)) return;
    this.reportedLinks.add(once);
    this.fileError(path, message, 'skipped');
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
          this.fileError(path, o.message, 'failed');
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
