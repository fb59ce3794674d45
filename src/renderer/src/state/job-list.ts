// The upload list's logic: merging job events, ordering rows, and the batch's overall progress.
import type { JobSnapshot } from '../../../shared/domain';

const FINISHED = new Set(['done', 'failed', 'cancelled']);

export function isFinished(job: JobSnapshot): boolean {
  return FINISHED.has(job.status);
}

/** A progress tick for a job already known to be finished: it trails the final answer and is ignored. */
export function isStaleEvent(current: JobSnapshot | undefined, kind: 'job' | 'progress'): boolean {
  return kind === 'progress' && current !== undefined && isFinished(current);
}

/**
 * Applies one 'job' or 'progress' event. A progress tick that arrives after the job already finished is
 * stale (ticks are throttled and may trail the final answer), so it must not turn a done row back into 50 %.
 */
export function applyJobEvent(
  jobs: ReadonlyMap<number, JobSnapshot>,
  job: JobSnapshot,
  kind: 'job' | 'progress',
): ReadonlyMap<number, JobSnapshot> {
  if (isStaleEvent(jobs.get(job.id), kind)) return jobs;
  const next = new Map(jobs);
  next.set(job.id, job);
  return next;
}

/**
 * Newest batch first (the files just dropped are at the top), and within a batch the order the files
 * were given in, so a dropped selection reads the same way it did in the file manager.
 */
export function orderJobs(jobs: Iterable<JobSnapshot>): JobSnapshot[] {
  const list = [...jobs];
  const batchStart = new Map<string, number>();
  const groupOf = (job: JobSnapshot) => job.batchId ?? `job:${job.id}`;
  for (const job of list) {
    const group = groupOf(job);
    batchStart.set(group, Math.min(batchStart.get(group) ?? Infinity, job.id));
  }
  return list.sort((a, b) => {
    const byBatch = (batchStart.get(groupOf(b)) ?? b.id) - (batchStart.get(groupOf(a)) ?? a.id);
    return byBatch !== 0 ? byBatch : a.id - b.id;
  });
}

export interface BatchProgress {
  /** Every row that is not cancelled: done + failed + remaining. */
  count: number;
  done: number;
  failed: number;
  /** Queued or uploading: the rows still meant to finish. */
  running: number;
  sentBytes: number;
  totalBytes: number;
  /** 0–100: the bytes that reached the server (done files and what running ones sent) out of every row's
   * bytes, failed ones included, so a batch with failures never reads as 100 %. */
  percent: number;
  rate: number;
  etaMs: number | null;
}

function sizeOf(job: JobSnapshot): number {
  return job.progress?.total ?? job.size ?? 0;
}

/** Overall progress over the rows on screen; cancelled rows are left out, failed ones count as not sent. */
export function batchProgress(jobs: readonly JobSnapshot[]): BatchProgress {
  let done = 0;
  let failed = 0;
  let running = 0;
  let sentBytes = 0;
  let totalBytes = 0;
  let runningBytes = 0;
  let runningSent = 0;
  let rate = 0;
  for (const job of jobs) {
    if (job.status === 'cancelled') continue;
    const size = sizeOf(job);
    totalBytes += size;
    if (job.status === 'failed') {
      failed += 1;
    } else if (job.status === 'done') {
      done += 1;
      sentBytes += size;
    } else {
      running += 1;
      const sent = job.progress?.sent ?? 0;
      sentBytes += sent;
      runningBytes += size;
      runningSent += sent;
      if (job.phase === 'sending') rate += job.progress?.rate ?? 0;
    }
  }
  const count = done + failed + running;
  // Without sizes (links), files stand in for bytes.
  const percent =
    totalBytes > 0 ? Math.min(100, (sentBytes / totalBytes) * 100) : count > 0 ? (done / count) * 100 : 0;
  const remaining = Math.max(0, runningBytes - runningSent);
  const etaMs = running > 0 && rate > 0 ? (remaining / rate) * 1000 : null;
  return { count, done, failed, running, sentBytes, totalBytes, percent, rate, etaMs };
}

/** How the overall bar is coloured: blue while going, green only when every file went up. */
export function batchTone(batch: BatchProgress): 'accent' | 'success' | 'warning' | 'danger' {
  if (batch.running > 0) return 'accent';
  if (batch.failed === 0) return 'success';
  return batch.done === 0 ? 'danger' : 'warning';
}

/** Failures that would happen again the same way: the file is gone or unreadable, or the request itself
 * was refused before sending (e.g. over the Base64 size limit). Retrying those cannot help. */
const PERMANENT_ERRORS: ReadonlySet<string> = new Set(['local-file', 'invalid-input']);

export function canRetry(job: JobSnapshot): boolean {
  return job.status === 'failed' && !PERMANENT_ERRORS.has(job.errorKind ?? '');
}

/** What a row is called: the name it will have on the server, else the file or URL it came from. */
export function jobDisplayName(job: JobSnapshot): string {
  if (job.fileName) return job.fileName;
  const source = job.localPath ?? job.sourceUrl ?? '';
  const parts = source.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? source;
}
