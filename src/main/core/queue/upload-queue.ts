// The scheduler: claims due jobs from the database up to the concurrency limit, runs each
// attempt, and turns its outcome into the job's next state. The database is the source of
// truth — the app and the CLI may run a queue on the same file at once, each claiming
// different jobs — so this object only keeps what is in flight in this process.
import { hostname } from 'node:os';
import { createApiClient, isApiError } from '../api';
import { isFileChangedError } from '../api/file-identity';
import type { ApiClient, ApiEndpoints, ProxyConfig, UploadProgress } from '../api';
import type { KieDropDb } from '../db';
import { toDatabaseError } from '../db';
import type { HistoryStore } from '../history';
import { imageOptionsOf, prepareJobImage, sweepImageTemp } from '../images';
import type { PreparedImage } from '../images';
import { createLocationGate } from '../images/location-gate';
import type { LocationGate, LocationPolicy } from '../images/location-gate';
import { recoverAbandonedJobs } from './abandoned';
import { DEFAULT_RETRY } from './backoff';
import { recordSuccess } from './completion';
import { enqueueFiles, enqueueRenewal, enqueueUrl } from './enqueue';
import {
  FILE_REWRITTEN_NOTICE,
  MAX_CHANGES_IN_A_ROW,
  createChangeStreaks,
  keptChangingFailure,
  resendFailure,
} from './file-changed';
import type { EnqueueDeps } from './enqueue';
import { inspectFile, sameFile } from './file-state';
import {
  AUTH_PAUSE_MESSAGE,
  FILE_CHANGED_NOTICE,
  NO_KEY_PAUSE_MESSAGE,
  gaveUp,
  jobFailure,
} from './failure-message';
import { toSnapshot } from './job-row';
import type { JobRow } from './job-row';
import { createJobStore } from './job-store';
import type { JobFailure, JobStore } from './job-store';
import { createLeaseClock } from './lease-clock';
import type { LeaseClock } from './lease-clock';
import { formatLeaseOwner, newLeaseOwner, processIsGone } from './lease-owner';
import { createProgressThrottle } from './progress-throttle';
import type { ProgressThrottle } from './progress-throttle';
import { decideAfterFailure } from './retry-policy';
import type { FailureFacts } from './retry-policy';
import { uniqueSegment as defaultUniqueSegment } from './unique-segment';
import { runAttempt } from './upload-attempt';
import type {
  EmitFn,
  EnqueueOptions,
  JobPhase,
  JobProgress,
  JobSnapshot,
  JobStatus,
  PauseInfo,
  UploadQueue,
} from './types';
import { DEFAULT_CONCURRENCY } from './defaults';

/** The failure a job already records, kept when an attempt is put back without counting. */
function keptFailure(row: JobRow): JobFailure {
  return {
    errorKind: row.errorKind,
    lastError: row.lastError,
    errorCode: row.errorCode,
    errorParams: row.errorParams,
  };
}

export const DEFAULT_STALL_TIMEOUT_MS = 30_000;
export const DEFAULT_PROGRESS_INTERVAL_MS = 100;
export const DEFAULT_LEASE_MS = 60_000;
/** How often an active queue looks at the database for work it cannot be told about:
 * retries coming due, jobs abandoned by a dead process, jobs finished by another process. */
export const DEFAULT_POLL_MS = 1000;

export interface QueueHooks {
  /** Runs after the server answered and before the answer is recorded. Tests use it to simulate
   * a crash in exactly that window. */
  afterServerAnswer?: (job: JobSnapshot) => void | Promise<void>;
}

export interface UploadQueueOptions {
  db: KieDropDb;
  history: HistoryStore;
  endpoints: ApiEndpoints;
  getApiKey: () => Promise<string | null>;
  emit: EmitFn;
  now?: () => number;
  concurrency?: number;
  retry?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  stallTimeoutMs?: number;
  /** Passed to the API client (its default otherwise): the whole answer's time limit. */
  responseTimeoutMs?: number;
  progressIntervalMs?: number;
  uniqueSegment?: () => string;
  userAgent?: string;
  /** Default: no proxy. */
  proxy?: ProxyConfig;
  leaseMs?: number;
  pollMs?: number;
  /** Jitter source for backoff. */
  random?: () => number;
  hooks?: QueueHooks;
  /** Pictures with a GPS position that nothing strips: asked about, stripped or kept. None: kept. */
  location?: LocationPolicy;
}

interface Flight {
  row: JobRow;
  controller: AbortController;
  phase: JobPhase;
  progress?: JobProgress;
  throttle: ProgressThrottle;
  /** Why this process aborted the attempt itself. */
  stopReason?: 'stop' | 'cancel' | 'lease-lost';
  done: Promise<void>;
}

interface Waiter {
  batchId?: string;
  /** The jobs waited for when no batch is named; a batch's jobs are read back by batch instead. */
  ids: Set<number>;
  resolve: (jobs: JobSnapshot[]) => void;
}

/** Lease owners of the queues running in this process: a job leased by one of our own
 * instances that is not in here was left behind by a queue that no longer exists. */
const liveOwners = new Set<string>();

export function createUploadQueue(options: UploadQueueOptions): UploadQueue {
  return new Scheduler(options);
}

class Scheduler implements UploadQueue {
  private readonly db: KieDropDb;
  private readonly history: HistoryStore;
  private readonly store: JobStore;
  private readonly emit: EmitFn;
  private readonly now: () => number;
  private readonly concurrency: number;
  private readonly retry: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };
  private readonly stallTimeoutMs: number;
  private readonly progressIntervalMs: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly random: () => number;
  private readonly enqueueDeps: EnqueueDeps;
  /** Links with a password, by job id: sent in the request, never written to the database. */
  private readonly urlSecrets = new Map<number, string>();
  private readonly host = hostname();
  private readonly owner = formatLeaseOwner(newLeaseOwner(hostname(), process.pid));

  private running = false;
  /** Batches this queue may claim from; null: any job. A queue started only to run some batches
   * (`kiedrop upload`) must not take over other work, e.g. the app's backlog or a crashed run's jobs. */
  private scope: Set<string> | null = null;
  private pausedInfo: PauseInfo | null = null;
  private readonly flights = new Map<number, Flight>();
  /** Every attempt still running, so stop() waits for all of them before the database closes. */
  private readonly attempts = new Set<Promise<void>>();
  private readonly leases: LeaseClock;
  private readonly changeStreaks = createChangeStreaks();
  private filling = false;
  private refill = false;
  private wakeTimer: NodeJS.Timeout | undefined;
  private leaseTimer: NodeJS.Timeout | undefined;
  private wasIdle = false;
  private waiters: Waiter[] = [];
  private client: { key: string; client: ApiClient } | undefined;
  private readonly locationGate: LocationGate | null;

  constructor(private readonly opts: UploadQueueOptions) {
    this.db = opts.db;
    this.history = opts.history;
    this.store = createJobStore(opts.db);
    this.emit = opts.emit;
    this.now = opts.now ?? Date.now;
    this.concurrency = Math.max(1, Math.floor(opts.concurrency ?? DEFAULT_CONCURRENCY));
    this.retry = {
      maxAttempts: opts.retry?.maxAttempts ?? DEFAULT_RETRY.maxAttempts,
      baseDelayMs: opts.retry?.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs,
      maxDelayMs: opts.retry?.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs,
    };
    this.stallTimeoutMs = opts.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
    this.progressIntervalMs = opts.progressIntervalMs ?? DEFAULT_PROGRESS_INTERVAL_MS;
    this.leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
    this.pollMs = opts.pollMs ?? DEFAULT_POLL_MS;
    this.leases = createLeaseClock({ renewEveryMs: this.renewEveryMs(), wall: this.now });
    this.random = opts.random ?? Math.random;
    this.locationGate = opts.location ? createLocationGate(opts.db, opts.location) : null;
    this.enqueueDeps = {
      db: this.db,
      store: this.store,
      history: this.history,
      now: this.now,
      uniqueSegment: opts.uniqueSegment ?? (() => defaultUniqueSegment()),
      urlSecrets: this.urlSecrets,
    };
  }

  // ---- adding work ----

  async enqueueFiles(paths: string[], opts: EnqueueOptions): Promise<JobSnapshot[]> {
    const rows = await enqueueFiles(this.enqueueDeps, paths, opts);
    return this.added(rows);
  }

  async enqueueUrl(url: string, opts: Omit<EnqueueOptions, 'method'>): Promise<JobSnapshot> {
    const [snapshot] = this.added([enqueueUrl(this.enqueueDeps, url, opts)]);
    return snapshot as JobSnapshot;
  }

  async renew(historyId: number, opts: { batchId?: string } = {}): Promise<JobSnapshot> {
    const [snapshot] = this.added([await enqueueRenewal(this.enqueueDeps, historyId, opts.batchId)]);
    return snapshot as JobSnapshot;
  }

  private added(rows: JobRow[]): JobSnapshot[] {
    const snapshots = rows.map((r) => this.snapshotOf(r));
    for (const s of snapshots) {
      this.emit('job', s);
      for (const w of this.waiters) if (w.batchId === undefined) w.ids.add(s.id);
    }
    this.wasIdle = false;
    this.kick();
    return snapshots;
  }

  // ---- running ----

  start(): void {
    this.scope = null;
    this.begin();
  }

  private begin(): void {
    if (this.running) return;
    this.running = true;
    liveOwners.add(this.owner);
    this.safely(() => this.recoverAbandoned());
    // Before the first claim: processed pictures left by a crash or by finished jobs go.
    this.safely(() => sweepImageTemp(this.db, (id) => this.flights.has(id)));
    this.leaseTimer = setInterval(() => this.renewLeases('all'), this.renewEveryMs());
    this.kick();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    clearTimeout(this.wakeTimer);
    const flights = [...this.flights.values()];
    for (const f of flights) {
      f.stopReason ??= 'stop';
      f.controller.abort();
    }
    // Not just the flights: an attempt must never outlive the database it writes to.
    await Promise.all([...flights.map((f) => f.done), ...this.attempts]);
    clearInterval(this.leaseTimer);
    liveOwners.delete(this.owner);
    this.client?.client.close();
    this.client = undefined;
    // Nobody will make progress for them any more; hand back what is known.
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.resolve(this.waiterResult(w));
  }

  runUntilIdle(filter: { batchId?: string } = {}): Promise<JobSnapshot[]> {
    return new Promise((resolve) => {
      const ids = new Set(
        filter.batchId === undefined
          ? this.store.list({ status: ['queued', 'uploading'] }).map((r) => r.id)
          : [],
      );
      this.waiters.push({ batchId: filter.batchId, ids, resolve });
      if (filter.batchId === undefined) this.scope = null;
      else if (!this.running) this.scope = new Set([filter.batchId]);
      else this.scope?.add(filter.batchId);
      this.begin();
      this.kick();
      this.checkIdle();
    });
  }

  get paused(): PauseInfo | null {
    return this.pausedInfo;
  }

  pause(): void {
    if (this.pausedInfo) return;
    this.setPaused({ reason: 'user', message: 'Uploads are paused; uploads already running finish first.' });
  }

  resume(): void {
    if (this.pausedInfo?.reason !== 'user') return;
    this.lift();
  }

  keyChanged(): void {
    this.client?.client.close();
    this.client = undefined;
    if (this.pausedInfo?.reason === 'auth') this.lift();
  }

  private setPaused(info: PauseInfo): void {
    this.pausedInfo = info;
    this.emit('paused', info);
    this.checkIdle();
  }

  private lift(): void {
    this.pausedInfo = null;
    this.wasIdle = false;
    this.emit('resumed');
    this.kick();
  }

  /** Starts filling free slots, unless a fill is already under way (it will loop once more). */
  private kick(): void {
    if (!this.running) return;
    this.fill().catch(() => {
      // Only a bug gets here (database trouble is handled inside); keep the process alive and
      // look again on the next wake.
      this.filling = false;
      this.scheduleWake();
    });
  }

  private canClaim(): boolean {
    return this.running && this.pausedInfo === null && this.flights.size < this.concurrency;
  }

  private async fill(): Promise<void> {
    if (this.filling) {
      this.refill = true;
      return;
    }
    this.filling = true;
    try {
      do {
        this.refill = false;
        while (this.canClaim()) {
          const key = await this.apiKey();
          if (key === null || !this.canClaim()) break;
          let row: JobRow | undefined;
          try {
            const batches = this.scope === null ? undefined : [...this.scope];
            row = this.store.claim(this.owner, this.now() + this.leaseMs, this.now(), batches);
          } catch (err) {
            // A locked or full database: try again on the next wake instead of crashing.
            if (toDatabaseError(err) === null) throw err;
            break;
          }
          if (!row) break;
          this.launch(row, key);
        }
      } while (this.refill && this.canClaim());
    } finally {
      this.filling = false;
    }
    this.scheduleWake();
    this.checkIdle();
  }

  /** The key for the next attempt, read fresh each time so a newly saved one is used at once. */
  private async apiKey(): Promise<string | null> {
    let key: string | null;
    try {
      key = await this.opts.getApiKey();
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      this.setPaused({
        reason: 'auth',
        message: `The API key could not be read (${detail}) — save it again to continue`,
      });
      return null;
    }
    if (key === null || key.trim() === '') {
      if (this.pausedInfo === null) this.setPaused({ reason: 'auth', message: NO_KEY_PAUSE_MESSAGE });
      return null;
    }
    return key;
  }

  private clientFor(key: string): ApiClient {
    if (this.client?.key !== key) {
      this.client?.client.close();
      const client = createApiClient({
        ...this.opts.endpoints,
        apiKey: key,
        userAgent: this.opts.userAgent,
        proxy: this.opts.proxy,
        responseTimeoutMs: this.opts.responseTimeoutMs,
      });
      this.client = { key, client };
    }
    return this.client.client;
  }

  private scheduleWake(): void {
    clearTimeout(this.wakeTimer);
    if (!this.running) return;
    // Runs after every job: both answers come from an index, however many jobs wait.
    let unfinished: boolean;
    let nextDue: number | null;
    try {
      unfinished = this.store.hasUnfinished();
      nextDue = this.store.nextDueAt();
    } catch {
      unfinished = true;
      nextDue = null;
    }
    if (!unfinished) return;
    // Only a retry coming due needs an early wake. A job already due that fill() did not claim waits for
    // a free slot (a finishing upload kicks the queue), the end of a pause, or belongs to another batch:
    // waking at once for it would spin on the database until a slot frees up.
    const wait = nextDue === null ? this.pollMs : nextDue - this.now();
    const delay = wait > 0 ? Math.min(this.pollMs, wait) : this.pollMs;
    this.wakeTimer = setTimeout(() => this.wake(), delay);
  }

  private renewEveryMs(): number {
    return Math.max(10, Math.floor(this.leaseMs / 3));
  }

  private wake(): void {
    // After a pause or a clock step, our leases first: before judging anyone's, and before other
    // processes see ours as lapsed.
    this.renewLeases(this.leases.wallClockJumped() ? 'all' : 'overdue');
    this.safely(() => this.recoverAbandoned());
    this.kick();
    this.checkIdle();
  }

  /** 'overdue': only leases not renewed for a renewal interval by the monotonic clock. */
  private renewLeases(which: 'all' | 'overdue'): void {
    const ids = which === 'all' ? [...this.flights.keys()] : this.leases.overdue(this.flights.keys());
    for (const id of ids) {
      const f = this.flights.get(id);
      if (f) this.renewLease(f);
    }
  }

  /** False when the lease is gone: cancelled, or taken by another process while ours looked lapsed. */
  private renewLease(f: Flight): boolean {
    try {
      if (this.store.renewLease(f.row.id, this.owner, this.now() + this.leaseMs, this.now())) {
        this.leases.renewed(f.row.id);
        return true;
      }
      f.stopReason ??= 'lease-lost';
      f.controller.abort();
      return false;
    } catch {
      // Locked for a moment: the lease is long enough to try again on the next tick.
      return true;
    }
  }

  // ---- one attempt ----

  private launch(row: JobRow, key: string): void {
    // Our own attempt is still running (another process released the job while our lease looked
    // lapsed, and we claimed it back): it carries on under the new claim; a second send would race it.
    if (this.flights.has(row.id)) {
      this.leases.renewed(row.id);
      return;
    }
    const flight: Flight = {
      row,
      controller: new AbortController(),
      phase: 'sending',
      throttle: createProgressThrottle(this.progressIntervalMs),
      done: Promise.resolve(),
    };
    this.flights.set(row.id, flight);
    this.leases.renewed(row.id);
    this.wasIdle = false;
    const done = this.attempt(flight, key).finally(() => {
      this.attempts.delete(done);
      if (this.flights.get(row.id) === flight) {
        this.flights.delete(row.id);
        this.leases.forget(row.id);
      }
      this.kick();
      this.checkIdle();
    });
    this.attempts.add(done);
    flight.done = done;
    // The claim returned the row as it now stands: no need to read it back.
    this.emit('job', this.snapshotOf(flight.row));
  }

  private async attempt(flight: Flight, key: string): Promise<void> {
    const { row } = flight;
    let local: { size: number; mtimeMs: number } | null = null;
    let image: PreparedImage | null = null;
    try {
      const sourceUrl = this.urlSecrets.get(row.id) ?? row.sourceUrl;
      const noteChanged = (now: { size: number; mtimeMs: number }): void => {
        this.store.noteFileChanged(row.id, this.owner, { ...now, notice: FILE_CHANGED_NOTICE }, this.now());
        flight.row = { ...flight.row, size: now.size, mtimeMs: now.mtimeMs, notice: FILE_CHANGED_NOTICE };
        this.emitJob(row.id);
      };
      let sending: JobRow = { ...row, sourceUrl };
      // The job's picture options, read once: the location gate may turn stripping on (durably, in its
      // job_images row) after asking the user, and the image step then follows them.
      const fromDisk = row.method !== 'url' && row.localPath !== null;
      let imageOptions = fromDisk ? imageOptionsOf(this.db, row.id) : null;
      if (this.locationGate && fromDisk && row.localPath !== null) {
        const file = { id: row.id, localPath: row.localPath, fileName: row.fileName };
        const phase = flight.phase;
        imageOptions = await this.locationGate.beforeSend(file, imageOptions, flight.controller.signal, () =>
          this.setPhase(flight, 'asking'),
        );
        this.setPhase(flight, phase);
      }
      // Only a job that optimises pays for a separate look at its original.
      if (row.localPath !== null && imageOptions !== null) {
        const original = await inspectFile(row.localPath);
        if (original.kind === 'problem') throw original.error;
        image = await prepareJobImage(
          this.db,
          { id: row.id, localPath: row.localPath, fileName: row.fileName },
          imageOptions,
        );
        // The original is what the job tracks; the processed copy is sent under the new format's name.
        local = { size: original.size, mtimeMs: original.mtimeMs };
        if (!sameFile(row, local)) noteChanged(local);
        const sent = await inspectFile(image.sendPath);
        if (sent.kind === 'problem') throw sent.error;
        sending = {
          ...sending,
          localPath: image.sendPath,
          fileName: image.fileName,
          size: sent.size,
          mtimeMs: sent.mtimeMs,
        };
      }
      const out = await runAttempt(this.clientFor(key), sending, {
        signal: flight.controller.signal,
        stallTimeoutMs: this.stallTimeoutMs,
        // A processed copy is ours and cannot change; the original was checked above.
        onFileChanged: image ? () => undefined : noteChanged,
        onWaiting: () => this.setPhase(flight, 'processing'),
        onProgress: (p) => this.onProgress(flight, p),
      });
      if (!image) local = out.local;
      // After a long gap (a pause while the server stored the file), make sure the lease is still
      // ours before recording: if another process took the job over, it records it.
      if (this.leases.overdue([row.id]).length > 0) this.renewLease(flight);
      if (flight.stopReason) return this.afterFailure(flight, new Error('stopped'), local);
      await this.opts.hooks?.afterServerAnswer?.(this.snapshotOf(flight.row));
      const done = recordSuccess(
        { db: this.db, store: this.store, history: this.history },
        row,
        this.owner,
        out.result,
        local,
        this.now(),
        image?.attempt,
      );
      this.changeStreaks.reset(row.id);
      if (done) {
        if (done.replacedId !== null) this.emit('history', { added: done.entry, replaced: done.replacedId });
        else this.emit('history', { added: done.entry });
        // The row as written: no need to read it back.
        this.emit('job', this.snapshotOf(done.job));
      } else this.emitJob(row.id);
    } catch (err) {
      await this.afterFailure(flight, err, local);
    } finally {
      // Each attempt processes the original afresh, so its copy is never needed again.
      await image?.cleanup().catch(() => undefined);
    }
  }

  private onProgress(flight: Flight, p: UploadProgress): void {
    const progress = flight.throttle.update(p);
    if (!progress) return;
    flight.progress = progress;
    this.emit('progress', this.snapshotOf(flight.row));
    // The last byte is out: from here on the server is storing the file.
    if (progress.percent === 100) this.setPhase(flight, 'processing');
  }

  private setPhase(flight: Flight, phase: JobPhase): void {
    if (flight.phase === phase) return;
    flight.phase = phase;
    this.emit('job', this.snapshotOf(flight.row));
  }

  private async afterFailure(
    flight: Flight,
    err: unknown,
    local: { size: number; mtimeMs: number } | null,
  ): Promise<void> {
    const { row } = flight;
    const now = this.now();
    try {
      if (flight.stopReason) {
        // Ours to requeue only when stopping; a cancelled or taken-over job is no longer ours.
        if (flight.stopReason === 'lease-lost') {
          // Said, so a listener that took the job for ours (no need to ask the database) learns otherwise.
          this.emitJob(row.id);
        }
        if (flight.stopReason === 'stop') {
          this.store.requeue(
            row.id,
            this.owner,
            { nextAttemptAt: now, ...keptFailure(row), uncount: true },
            now,
          );
        }
        return;
      }
      const api = isApiError(err) ? err : null;
      const kind: FailureFacts['kind'] = api?.kind ?? (toDatabaseError(err) ? 'database' : 'unknown');
      const current =
        kind === 'local-file' && row.localPath !== null ? await inspectFile(row.localPath) : null;
      const changed =
        current?.kind === 'file' && (isFileChangedError(err) || !sameFile(local ?? row, current));
      if (!changed) this.changeStreaks.reset(row.id);
      else if (this.changeStreaks.bump(row.id) >= MAX_CHANGES_IN_A_ROW) {
        this.changeStreaks.reset(row.id);
        this.store.fail(
          row.id,
          this.owner,
          keptChangingFailure(row.localPath ?? '', MAX_CHANGES_IN_A_ROW),
          now,
        );
        this.emitJob(row.id);
        return;
      }
      const decision = decideAfterFailure(
        {
          kind,
          attempts: row.attempts,
          maxAttempts: this.retry.maxAttempts,
          retryAfterMs: api?.retryAfterMs,
          fileChangedWhileSending: changed,
        },
        this.retry,
        this.random,
      );
      const failure = jobFailure(err, kind, row.localPath);
      switch (decision.action) {
        case 'pause-auth':
          this.store.requeue(
            row.id,
            this.owner,
            { nextAttemptAt: now, ...failure, errorKind: 'auth', uncount: true },
            now,
          );
          if (this.pausedInfo?.reason !== 'auth')
            this.setPaused({ reason: 'auth', message: AUTH_PAUSE_MESSAGE });
          break;
        case 'requeue':
          this.store.requeue(
            row.id,
            this.owner,
            { nextAttemptAt: now, ...keptFailure(row), uncount: true },
            now,
          );
          break;
        case 'retry':
          if (changed && current.kind === 'file') {
            // Remember the version now on disk, and say on the job why it is being sent again.
            this.db.transaction(() => {
              this.store.noteFileChanged(
                row.id,
                this.owner,
                { size: current.size, mtimeMs: current.mtimeMs, notice: FILE_REWRITTEN_NOTICE },
                now,
              );
              const resend = resendFailure(row.localPath ?? '', err, kind);
              this.store.requeue(
                row.id,
                this.owner,
                { nextAttemptAt: now + decision.delayMs, ...resend, uncount: false },
                now,
              );
            });
            break;
          }
          this.store.requeue(
            row.id,
            this.owner,
            { nextAttemptAt: now + decision.delayMs, ...failure, uncount: false },
            now,
          );
          break;
        case 'fail': {
          const transient = api?.retryable === true;
          this.store.fail(row.id, this.owner, transient ? gaveUp(failure, row.attempts) : failure, now);
          break;
        }
      }
    } catch (writeErr) {
      // Even the failure could not be written (database locked or full). The job stays
      // 'uploading' under our lease; once we stop renewing it the lease lapses and recovery
      // puts it back in the queue, so it is delayed, not lost.
      if (toDatabaseError(writeErr) === null) throw writeErr;
      const unwritten = jobFailure(writeErr, 'database', row.localPath);
      this.emit('job', {
        ...this.snapshotOf(row),
        lastError: unwritten.lastError,
        errorCode: unwritten.errorCode,
        errorParams: unwritten.errorParams,
      });
      return;
    } finally {
      flight.progress = undefined;
    }
    this.emitJob(row.id);
  }

  // ---- control ----

  cancel(id: number): boolean {
    const cancelled = this.store.cancel(id, this.now());
    const flight = this.flights.get(id);
    if (cancelled && flight) {
      flight.stopReason = 'cancel';
      flight.controller.abort();
    }
    if (cancelled) {
      this.emitJob(id);
      this.checkIdle();
    }
    return cancelled;
  }

  cancelAll(): number {
    const ids = this.store.cancelAll(this.now());
    for (const id of ids) {
      const flight = this.flights.get(id);
      if (flight) {
        flight.stopReason = 'cancel';
        flight.controller.abort();
      }
      this.emitJob(id);
    }
    this.checkIdle();
    return ids.length;
  }

  retryFailed(ids?: number[]): number {
    const retried = this.store.retryFailed(ids, this.now());
    for (const id of retried) this.emitJob(id);
    if (retried.length > 0) {
      this.wasIdle = false;
      this.kick();
    }
    return retried.length;
  }

  recoverAbandoned(): number {
    const ids = recoverAbandonedJobs(
      this.store,
      { host: this.host, pid: process.pid, liveInstances: liveOwners, processIsGone },
      this.now(),
    );
    for (const id of ids) this.emitJob(id);
    if (ids.length > 0) this.kick();
    return ids.length;
  }

  // ---- reading ----

  get(id: number): JobSnapshot | undefined {
    const row = this.store.get(id);
    return row ? this.snapshotOf(row) : undefined;
  }

  list(q: { status?: JobStatus | JobStatus[]; batchId?: string; limit?: number } = {}): JobSnapshot[] {
    return this.store.list(q).map((r) => this.snapshotOf(r));
  }

  getMany(ids: readonly number[], opts: { finishedOnly?: boolean } = {}): JobSnapshot[] {
    return this.store.byIds(ids, opts).map((r) => this.snapshotOf(r));
  }

  unfinishedCount(batchId?: string): number {
    return this.store.unfinishedCount(batchId);
  }

  private snapshotOf(row: JobRow): JobSnapshot {
    const flight = this.flights.get(row.id);
    const live =
      flight && row.status === 'uploading' ? { phase: flight.phase, progress: flight.progress } : undefined;
    return toSnapshot(row, live, this.now());
  }

  private emitJob(id: number): void {
    try {
      const row = this.store.get(id);
      if (row) this.emit('job', this.snapshotOf(row));
    } catch {
      // Reading back for an event is best effort; the state itself is already saved.
    }
  }

  // ---- idle ----

  private checkIdle(): void {
    if (this.flights.size > 0) return;
    let unfinished: boolean;
    const still: Waiter[] = [];
    const over: Waiter[] = [];
    const authPaused = this.pausedInfo?.reason === 'auth';
    try {
      unfinished = this.store.hasUnfinished();
      for (const w of this.waiters) {
        const remaining = w.batchId === undefined ? unfinished : this.store.hasUnfinished(w.batchId);
        (remaining && !authPaused ? still : over).push(w);
      }
    } catch {
      return;
    }
    const idle = !unfinished || authPaused;
    if (idle && !this.wasIdle) this.emit('idle');
    this.wasIdle = idle;
    this.waiters = still;
    for (const w of over) w.resolve(this.waiterResult(w));
  }

  private waiterResult(w: Waiter): JobSnapshot[] {
    try {
      if (w.batchId !== undefined) return this.list({ batchId: w.batchId });
      return this.store.byIds([...w.ids]).map((r) => this.snapshotOf(r));
    } catch (err) {
      // The wait is over either way; its caller reads the jobs again if it needs them.
      if (toDatabaseError(err) === null) throw err;
      return [];
    }
  }

  private safely(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      if (toDatabaseError(err) === null) throw err;
    }
  }
}
