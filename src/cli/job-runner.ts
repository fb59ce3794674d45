import type { Engine } from '../main/core/engine';
import type { HistoryEntry } from '../main/core/history';
import { DEFAULT_RETRY } from '../main/core/queue';
import type { JobSnapshot, PauseInfo } from '../main/core/queue';
import { createBatchProgress } from './batch-progress';
import type { BatchProgressView } from './batch-progress';
import type { CliContext } from './context';
import { formatLinkLine } from './format';
import { retryLine } from './retry-line';
import { readTestKnobs } from './test-knobs';

// Runs queued jobs to the end while showing what happens: progress on a terminal, one line per finished
// file, the reason for each failure. It waits for a given set of jobs only: a `kiedrop upload` must not
// sit there until some other program's backlog is done.

/** How often the database is asked about jobs this process gets no events for (another process may be
 * uploading them), and whether they are finished. */
export const POLL_MS = 500;

export interface RunJobsOptions {
  /** The jobs to wait for, as they were when queued. */
  jobs: readonly JobSnapshot[];
  /** Passed to runUntilIdle, so the queue knows which batch is being waited for. */
  batchId?: string;
  /** No link lines on stdout (the command prints JSON at the end instead). */
  json: boolean;
  /** What to call a job in messages: the argument as typed, say. Default: its path, URL or name. */
  label?: (job: JobSnapshot) => string;
  /** The line printed when a job is done. Default: name, link and expiry. */
  doneLine?: (entry: HistoryEntry, job: JobSnapshot, nameWidth: number) => string;
}

export interface RunJobsResult {
  /** Final state of every job waited for, in the order given. */
  jobs: JobSnapshot[];
  /** History entries of the jobs that are done, by job id. */
  entries: Map<number, HistoryEntry>;
  /** Set when the queue stopped because the API key was rejected (or missing). */
  paused: PauseInfo | null;
  /** Ctrl-C. */
  interrupted: boolean;
}

const FINISHED = new Set(['done', 'failed', 'cancelled']);

export function defaultLabel(job: JobSnapshot): string {
  return job.localPath ?? job.sourceUrl ?? job.fileName;
}

export async function runJobs(ctx: CliContext, engine: Engine, opts: RunJobsOptions): Promise<RunJobsResult> {
  const latest = new Map<number, JobSnapshot>(opts.jobs.map((j) => [j.id, j]));
  const entries = new Map<number, HistoryEntry>();
  const reported = new Set<number>();
  const label = opts.label ?? defaultLabel;
  const nameWidth = Math.min(40, Math.max(0, ...opts.jobs.map((j) => j.fileName.length)));
  const view: BatchProgressView | null = ctx.isTTY.stderr
    ? createBatchProgress({ stream: ctx.stderr, columns: ctx.columns, now: () => Date.now() })
    : null;
  const say = (stream: 'stdout' | 'stderr', line: string): void => {
    const write = (): void => void ctx[stream].write(`${line}\n`);
    if (view) view.above(write);
    else write();
  };

  const report = (job: JobSnapshot): void => {
    if (reported.has(job.id) || !FINISHED.has(job.status)) return;
    if (job.status === 'done') {
      const entry = entries.get(job.id) ?? engine.history.getByJobId(job.id);
      if (!entry) return; // recorded in the same transaction; the history event is on its way
      entries.set(job.id, entry);
      reported.add(job.id);
      if (!opts.json) {
        const line = opts.doneLine?.(entry, job, nameWidth);
        say(
          'stdout',
          line ??
            formatLinkLine(
              { name: entry.fileName, url: entry.downloadUrl, expiresAt: entry.expiresAt },
              ctx.now(),
              nameWidth,
            ),
        );
      }
      if (job.notice !== null) say('stderr', `kiedrop: note: ${label(job)}: ${job.notice}`);
      return;
    }
    reported.add(job.id);
    const name = label(job);
    const message =
      job.status === 'cancelled' ? 'cancelled.' : (job.lastError ?? 'failed (no reason recorded).');
    // Most messages already name the file; add it only when they do not.
    say('stderr', `kiedrop: ${message.includes(name) ? message : `${name}: ${message}`}`);
  };

  // Each wait for a retry is said once, when it starts: a silent pause of minutes looks like a hang.
  const maxAttempts = readTestKnobs(ctx.env).retry.maxAttempts ?? DEFAULT_RETRY.maxAttempts;
  const announced = new Set<string>();
  const announce = (job: JobSnapshot): void => {
    const line = retryLine(job, maxAttempts, ctx.now().getTime());
    const once = `${job.id}:${job.attempts}:${job.nextAttemptAt}`;
    if (line === null || announced.has(once)) return;
    announced.add(once);
    say('stderr', `kiedrop: ${label(job)}: ${line}`);
  };

  const update = (job: JobSnapshot): void => {
    if (!latest.has(job.id)) return;
    latest.set(job.id, job);
    view?.track(job);
    announce(job);
    report(job);
  };

  const unsubscribe = [
    engine.on('job', update),
    engine.on('progress', update),
    engine.on('history', (change) => {
      const added = change.added;
      if (added === undefined || added.jobId === null || !latest.has(added.jobId)) return;
      entries.set(added.jobId, added);
    }),
  ];

  for (const job of opts.jobs) {
    view?.track(job);
    announce(job);
    report(job);
  }

  let interrupted = false;
  try {
    await new Promise<void>((resolve) => {
      let settled = false;
      const allFinished = (): boolean => [...latest.values()].every((j) => FINISHED.has(j.status));
      const settle = (): void => {
        if (settled) return;
        settled = true;
        clearInterval(poll);
        offDone();
        ctx.signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        interrupted = true;
        settle();
      };
      // Jobs this process is not running (another process took them) only change in the database.
      const poll = setInterval(() => {
        try {
          for (const job of latest.values()) {
            if (FINISHED.has(job.status)) continue;
            const now = engine.queue.get(job.id);
            if (now && now.status !== job.status) update(now);
          }
        } catch {
          // A locked database for a moment; look again on the next tick.
        }
        if (allFinished()) settle();
      }, POLL_MS);
      const offDone = engine.on('job', () => {
        if (allFinished()) settle();
      });
      ctx.signal.addEventListener('abort', onAbort);
      if (ctx.signal.aborted) onAbort();
      if (allFinished()) settle();
      // Resolves on its own when the queue pauses for the key, once the uploads in flight are over.
      engine.queue
        .runUntilIdle(opts.batchId === undefined ? {} : { batchId: opts.batchId })
        .then(settle, settle);
    });
  } finally {
    for (const off of unsubscribe) off();
  }

  // The final word comes from the database: it also knows about jobs other processes finished.
  const jobs = opts.jobs.map((j) => engine.queue.get(j.id) ?? latest.get(j.id) ?? j);
  for (const job of jobs) {
    latest.set(job.id, job);
    report(job);
  }
  view?.close();
  return { jobs, entries, paused: engine.queue.paused, interrupted };
}
