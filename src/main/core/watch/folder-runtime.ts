// One watched folder at work: events → filters → stability tracker → ledger → upload queue.
// Every candidate, from an event or from a walk of the folder, takes the same path, so a file that was
// already there when watching started is waited for exactly like one that arrives later. What a walk
// lists is first compared with the ledger (listed-files.ts), so the files of a big folder that are
// already uploaded cost a lookup each, not a quiet period.
import { lstat, realpath } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { statCandidate } from './candidate-stat';
import { createFileFilter } from './file-filter';
import type { FileFilter } from './file-filter';
import { createFolderWatcher } from './folder-watcher';
import type { FolderWatcher, WalkKind } from './folder-watcher';
import { handOver } from './handover';
import type { Candidate, HandoverDeps } from './handover';
import { decideUpload, failedJobToRetry } from './ledger-decision';
import { classifyLink } from './link-check';
import { problemSignature, sortListedFiles } from './listed-files';
import { createStabilityTracker } from './stability-tracker';
import type { StabilityOutcome, StabilityTracker, StatFn } from './stability-tracker';
import { createUnreadableFiles } from './unreadable-files';
import type { UnreadableFiles } from './unreadable-files';
import type { WatchFolderNotice } from '../../../shared/watch';
import type { WatchEnqueued, WatchFileError, WatchFileProblem, WatchFolder } from './types';
import {
  fileErrorCode,
  fileErrorMessage,
  isPermissionError,
  linkOutsideCode,
  linkOutsideMessage,
  notRegularFileCode,
  notRegularFileMessage,
  uploadFailedCode,
  uploadFailedMessage,
} from './watch-messages';
import type { UploadFailureCause, WatchProblemCode } from './watch-messages';

/** What the hand-over needs (passed on as they are), and what watching one folder adds. */
export interface RuntimeDeps extends Omit<HandoverDeps, 'reserving'> {
  availabilityPollMs: number;
  limitRetryMs: number;
  /** Shortest time between two walks that catch what the OS's events missed. */
  rescanMs: number;
  /** Tests only: see FolderWatcherOptions.dropEvent. */
  dropEvent?: (folderId: number, relativePath: string) => boolean;
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
  /** When `timer` fires. */
  private timerAt = 0;
  private checking = false;
  private running = false;
  private enqueueChain: Promise<void> = Promise.resolve();
  /** The folder as the system resolves it (the saved path may itself go through a link). */
  private rootReal: Promise<string> | undefined;
  /** Links already reported in this run: a link is said once, not at every scan or event. */
  private readonly reportedLinks = new Set<string>();
  /**
   * Files that ended in a problem already reported (a link, a pipe, a name the service refuses), with
   * how they looked then: a walk passes them over until they change, so nothing is said twice.
   */
  private readonly problems = new Map<string, string | null>();
  /** Files we may not read: looked at again until a permission fix lets them upload. */
  private readonly unreadable: UnreadableFiles;
  /** Ledger claims this runtime is queuing right now (reconcile must leave them alone). */
  readonly reserving = new Set<number>();
  lastError: string | null = null;
  /** lastError's code and params, for the window to say it in the person's language; null when it has none. */
  lastErrorCode: WatchProblemCode | null = null;

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

  get reasonCode(): WatchProblemCode | null {
    return this.watcher?.reasonCode ?? null;
  }

  get settling(): number {
    return this.tracker.size;
  }

  get notice(): WatchFolderNotice | null {
    return this.watcher?.notice ?? null;
  }

  /** OS watches this folder holds (one per subfolder while events are used). */
  get osWatches(): number {
    return this.watcher?.osWatches ?? 0;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.rootReal = undefined;
    this.reportedLinks.clear();
    this.problems.clear();
    const root = this.folder.path;
    const folderId = this.folder.id;
    const drop = this.deps.dropEvent;
    this.watcher = createFolderWatcher({
      root,
      recursive: this.folder.recursive,
      polling: this.folder.polling,
      ignoreDotfiles: this.folder.ignoreDotfiles,
      availabilityPollMs: this.deps.availabilityPollMs,
      limitRetryMs: this.deps.limitRetryMs,
      rescanMs: this.deps.rescanMs,
      dropEvent: drop === undefined ? undefined : (rel) => drop(folderId, rel),
      handlers: {
        file: (rel) => {
          this.problems.delete(rel);
          this.touch(rel);
        },
        listed: (rels, walk) => this.listed(rels, walk),
        noticeChanged: () => this.deps.onChange(),
        removed: (rel) => {
          this.unreadable.delete(rel);
          this.problems.delete(rel);
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
        fileError: (path, err) =>
          this.fileError(path, fileErrorMessage(path, err), 'failed', fileErrorCode(path, err)),
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
    const now = this.deps.now();
    this.tracker.touch(relativePath, now);
    if (isNew) this.deps.onChange();
    // The check is due now; a timer already set to fire by now covers it.
    if (this.timer === undefined || this.timerAt > now) this.schedule();
  }

  absolutePath(relativePath: string): string {
    return join(this.folder.path, ...relativePath.split('/'));
  }

  /** The job of a file from this folder ended without an upload. */
  uploadFailed(relativePath: string, reason: string | null, cause: UploadFailureCause | null = null): void {
    const path = this.absolutePath(relativePath);
    this.fileError(path, uploadFailedMessage(path, reason), 'failed', uploadFailedCode(path, reason, cause));
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

  /** Files a walk found: those the ledger and the tracker do not settle already are looked at. */
  private async listed(rels: string[], walk: WalkKind): Promise<void> {
    if (!this.running) return;
    const filter = this.filter;
    const candidates = rels.filter(
      (rel) => filter(rel) === null && !this.tracker.has(rel) && !this.unreadable.has(rel),
    );
    if (candidates.length === 0) return;
    let known;
    try {
      known = this.deps.ledger.versionsOf(this.folder.id, candidates);
    } catch {
      // Locked for a moment: every file is looked at, and the quiet-period check decides instead.
      for (const rel of candidates) this.touch(rel);
      return;
    }
    const toTouch = await sortListedFiles(candidates, {
      known,
      uploadChanged: this.folder.uploadChanged,
      retryFailed: walk === 'initial',
      problems: this.problems,
      stat: (rel) => lstat(this.absolutePath(rel)),
    });
    for (const rel of toTouch) this.touch(rel);
  }

  /** Remembers how a file with a reported problem looks now, so walks pass it over until it changes. */
  private rememberProblem(relativePath: string): void {
    this.problems.set(relativePath, null);
    lstat(this.absolutePath(relativePath))
      .then((info) => {
        if (this.problems.get(relativePath) === null) this.problems.set(relativePath, problemSignature(info));
      })
      .catch(() => this.problems.delete(relativePath));
  }

  private schedule(): void {
    if (!this.running || this.checking) return;
    const next = this.tracker.nextCheckAt();
    if (next === null) {
      clearTimeout(this.timer);
      this.timer = undefined;
      return;
    }
    // Already due sooner: a burst of events (every write of a big file is one) must not look through
    // every tracked file each time.
    if (this.timer !== undefined && this.timerAt <= next) return;
    clearTimeout(this.timer);
    this.timerAt = next;
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
      this.problem(err instanceof Error ? err.message : String(err), null);
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
          if (o.notRegular)
            this.fileError(path, notRegularFileMessage(path), 'skipped', notRegularFileCode(path));
          else this.fileError(path, fileErrorMessage(path, o.error), 'failed', fileErrorCode(path, o.error));
          if (isPermissionError(o.error)) this.unreadable.add(o.key);
          else this.rememberProblem(o.key);
          changed = true;
          break;
        }
        case 'link':
          this.rememberProblem(o.key);
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
          this.problem(err instanceof Error ? err.message : String(err), null);
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

  /** The folder's latest problem, in English and by code. */
  private problem(message: string, coded: WatchProblemCode | null): void {
    this.lastError = message;
    this.lastErrorCode = coded;
  }

  private fileError(path: string, message: string, kind: WatchFileProblem, coded: WatchProblemCode): void {
    this.problem(message, coded);
    this.deps.onFileError({ folderId: this.folder.id, path, message, kind, coded });
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
    let coded: WatchProblemCode;
    switch (verdict.kind) {
      case 'outside':
        message = linkOutsideMessage(path, verdict.target);
        coded = linkOutsideCode(path, verdict.target);
        break;
      case 'loop':
        message = fileErrorMessage(path, verdict.error);
        coded = fileErrorCode(path, verdict.error);
        break;
      case 'error':
        this.fileError(
          path,
          fileErrorMessage(path, verdict.error),
          'failed',
          fileErrorCode(path, verdict.error),
        );
        return;
      default:
        return;
    }
    const once = `${path}\0${message}`;
    if (this.reportedLinks.has(once)) return;
    this.reportedLinks.add(once);
    this.fileError(path, message, 'skipped', coded);
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
        name: basename(folder.path),
        nameTemplate: folder.nameTemplate,
        pathTemplate: folder.pathTemplate,
        uploadChanged: folder.uploadChanged,
        images: folder,
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
          this.rememberProblem(o.candidate.relativePath);
          this.fileError(path, o.message, 'failed', o.coded);
          break;
        case 'retry':
          // A database hiccup (locked, full) must not lose the file: look again after a quiet period.
          this.problem(o.message, o.coded);
          this.touch(o.candidate.relativePath);
          break;
      }
    }
    this.deps.onChange();
  }
}
