import type { Engine } from '../main/core/engine';
import type { HistoryEntry } from '../main/core/history';
import { DEFAULT_RETRY } from '../main/core/queue';
import type { JobSnapshot, PauseInfo } from '../main/core/queue';
import { createBatchProgress } from './batch-progress';
import type { BatchProgressView } from './batch-progress';
import type { CliContext } from './context';
import { jobFailureWording } from './cli-wording';
import { formatLinkLine } from './format';
import { retryLine } from './retry-line';
import { readTestKnobs } from './test-knobs';

// Runs queued jobs to the end while showing what happens: progress on a terminal, one line per finished
// file, the reason for each failure. It waits for a given set of jobs only: a `kiedrop upload` must not
// sit there until some other program's backlog is done.
//
// It learns what this process's queue does from its events. Only jobs it has no events for (another
// process may be uploading them) are looked up in the database, all in one query per tick, and only
// when the batch's count of unfinished jobs says something happened elsewhere. Once a job is reported
// it is forgotten: the cost of a change and the memory held do not grow with the batch.

/** How often the database is asked about jobs this process gets no events for (another process may be
 * uploading them), and whether they are finished. */
export const POLL_MS = 500;

export interface RunJobsOptions {
  /** The jobs to wait for, as they were when queued. */
  jobs: readonly JobSnapshot[];
  /** The batch `jobs` make up: passed to runUntilIdle, so the queue knows which batch is being waited
   * for, and its count of unfinished jobs tells whether the database needs asking about the rest. */
  batchId?: string;
  /** No link lines on stdout (the command prints JSON at the end instead). */
  json: boolean;
  /** What to call a job in messages: the argument as typed, say. Default: its path, URL or name. */
  label?: (job: JobSnapshot) => string;
  /** Told of each job that is done, once, in the order they finish (to copy the links at the end, say). */
  onDone?: (entry: HistoryEntry, job: JobSnapshot) => void;
  /** The line printed when a job is done. Default: name, link and expiry. */
  doneLine?: (entry: HistoryEntry, job: JobSnapshot, nameWidth: number) => string;
}

export interface RunJobsResult {
  /** Final state of every job waited for, in the order given (read once, at the end). */
  jobs: JobSnapshot[];
  /** With `json` only: history entries of the jobs that are done, by job id. */
  entries: Map<number, HistoryEntry>;
  /** Set when the queue stopped because the API key was rejected (or missing). */
  paused: PauseInfo | null;
  /** Ctrl-C. */
  interrupted: boolean;
}

/** "3 uploaded, 1 failed, 2 waiting": what became of a batch, said last. */
export function batchSummary(jobs: readonly JobSnapshot[]): string {
  let done = 0;
  let failed = 0;
  let cancelled = 0;
  for (const job of jobs) {
    if (job.status === 'done') done++;
    else if (job.status === 'failed') failed++;
    else if (job.status === 'cancelled') cancelled++;
  }
  const waiting = jobs.length - done - failed - cancelled;
  return [
    `${done} uploaded`,
    ...(failed > 0 ? [`${failed} failed`] : []),
    ...(cancelled > 0 ? [`${cancelled} cancelled`] : []),
    ...(waiting > 0 ? [`${waiting} waiting`] : []),
  ].join(', ');
}

const FINISHED = new Set(['done', 'failed', 'cancelled']);

export function defaultLabel(job: JobSnapshot): string {
  return job.localPath ?? job.sourceUrl ?? job.fileName;
}

interface Waiting {
  job: JobSnapshot;
  /** This process's queue is uploading it: its events tell everything, the database need not be asked. */
  ours: boolean;
  /** The history entry announced before the job's 'done' event. */
  entry?: HistoryEntry;
  /** The retry wait last announced, so each is said once. */
  announced?: string;
}

export async function runJobs(ctx: CliContext, engine: Engine, opts: RunJobsOptions): Promise<RunJobsResult> {
  // Unfinished jobs only: a job leaves this map once its line is printed.
  const waiting = new Map<number, Waiting>();
  for (const job of opts.jobs) waiting.set(job.id, { job, ours: false });
  // Kept only when asked for JSON: those are the links printed at the end.
  const entries = new Map<number, HistoryEntry>();
  const label = opts.label ?? defaultLabel;
  let nameWidth = 0;
  for (const job of opts.jobs) nameWidth = Math.max(nameWidth, Math.min(40, job.fileName.length));
  const view: BatchProgressView | null = ctx.isTTY.stderr
    ? createBatchProgress({ stream: ctx.stderr, columns: ctx.columns, now: () => Date.now() })
    : null;
  // Failures are listed after the results, so a long batch's links do not hide them and they are not
  // lost above the links; only failed jobs are kept for that.
  const failures: string[] = [];
  const say = (stream: 'stdout' | 'stderr', line: string): void => {
    const write = (): void => void ctx[stream].write(`${line}\n`);
    if (view) view.above(write);
    else write();
  };

  const report = (w: Waiting): void => {
    const { job } = w;
    if (!FINISHED.has(job.status)) return;
    if (job.status === 'done') {
      const entry = w.entry ?? engine.history.getByJobId(job.id);
      if (!entry) return; // recorded in the same transaction; the history event is on its way
      waiting.delete(job.id);
      opts.onDone?.(entry, job);
      if (opts.json) entries.set(job.id, entry);
      else {
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
      // An optimised picture that went up unchanged (not a picture, unreadable, not smaller…) says why.
      if (entry.image?.note) say('stderr', `kiedrop: note: ${label(job)}: ${entry.image.note}`);
      return;
    }
    waiting.delete(job.id);
    const name = label(job);
    const message =
      job.status === 'cancelled' ? 'cancelled.' : jobFailureWording(job, 'failed (no reason recorded).');
    // Most messages already name the file; add it only when they do not.
    failures.push(`kiedrop: ${message.includes(name) ? message : `${name}: ${message}`}`);
  };

  // Each wait for a retry is said once, when it starts: a silent pause of minutes looks like a hang.
  const maxAttempts = readTestKnobs(ctx.env).retry.maxAttempts ?? DEFAULT_RETRY.maxAttempts;
  const announce = (w: Waiting): void => {
    const { job } = w;
    const line = retryLine(job, maxAttempts, ctx.now().getTime());
    const once = `${job.attempts}:${job.nextAttemptAt}`;
    if (line === null || w.announced === once) return;
    w.announced = once;
    say('stderr', `kiedrop: ${label(job)}: ${line}`);
  };

  /** `fromQueue`: an event of this process's queue, whose 'uploading' means the job is ours. */
  const update = (job: JobSnapshot, fromQueue: boolean): void => {
    const w = waiting.get(job.id);
    if (!w) return;
    w.job = job;
    w.ours = fromQueue && job.status === 'uploading';
    view?.track(job);
    announce(w);
    report(w);
  };

  const unsubscribe = [
    engine.on('job', (job) => update(job, true)),
    engine.on('progress', (job) => update(job, true)),
    engine.on('history', (change) => {
      const added = change.added;
      if (added === undefined || added.jobId === null) return;
      const w = waiting.get(added.jobId);
      if (w) w.entry = added;
    }),
  ];

  for (const w of [...waiting.values()]) {
    view?.track(w.job);
    announce(w);
    report(w);
  }

  /** One look at the database for the jobs this process is not running. */
  const lookElsewhere = (): void => {
    // Every unfinished job of the batch is accounted for here: nothing finished that we were not told of.
    if (opts.batchId !== undefined && engine.queue.unfinishedCount(opts.batchId) === waiting.size) return;
    const others: number[] = [];
    for (const [id, w] of waiting) if (!w.ours) others.push(id);
    for (const job of engine.queue.getMany(others, { finishedOnly: true })) update(job, false);
  };

  let interrupted = false;
  try {
    await new Promise<void>((resolve) => {
      let settled = false;
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
      const poll = setInterval(() => {
        try {
          lookElsewhere();
        } catch {
          // A locked database for a moment; look again on the next tick.
        }
        if (waiting.size === 0) settle();
      }, POLL_MS);
      const offDone = engine.on('job', () => {
        if (waiting.size === 0) settle();
      });
      ctx.signal.addEventListener('abort', onAbort);
      if (ctx.signal.aborted) onAbort();
      if (waiting.size === 0) settle();
      // Resolves on its own when the queue pauses for the key, once the uploads in flight are over.
      engine.queue
        .runUntilIdle(opts.batchId === undefined ? {} : { batchId: opts.batchId })
        .then(settle, settle);
    });
  } finally {
    for (const off of unsubscribe) off();
  }

  // The final word comes from the database, in one query: it also knows about jobs other processes finished.
  const final = new Map(engine.queue.getMany(opts.jobs.map((j) => j.id)).map((j) => [j.id, j]));
  for (const job of final.values()) update(job, false);
  view?.close();
  for (const line of failures) ctx.stderr.write(`${line}\n`);
  const jobs = opts.jobs.map((j) => final.get(j.id) ?? waiting.get(j.id)?.job ?? j);
  return { jobs, entries, paused: engine.queue.paused, interrupted };
}
