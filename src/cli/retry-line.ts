import type { JobSnapshot } from '../main/core/queue';
import { jobFailureWording } from './cli-wording';
import { formatDuration } from './format';

// What a job waiting for its next try is waiting for, so a long pause never passes in silence:
// "retry 3/8 in 12 s: the server asked to wait (429)".

/** Shorter waits (shown as under 2 s) pass unannounced: a quick retry is no silence worth explaining,
 * and a burst of them would flood the terminal. */
export const ANNOUNCED_WAIT_MS = 1500;

function waitText(ms: number): string {
  return ms >= 60_000 ? formatDuration(ms) : `${Math.max(1, Math.ceil(ms / 1000))} s`;
}

function reason(job: JobSnapshot): string {
  if (job.errorKind === 'rate-limited') return 'the server asked to wait (429)';
  return jobFailureWording(job, 'the last try failed');
}

/** The line for a job waiting to retry, or null when it is not waiting (or not for long). */
export function retryLine(job: JobSnapshot, maxAttempts: number, nowMs: number): string | null {
  if (job.status !== 'queued' || job.phase !== 'retrying' || job.nextAttemptAt === null) return null;
  const wait = job.nextAttemptAt - nowMs;
  if (wait < ANNOUNCED_WAIT_MS) return null;
  return `retry ${job.attempts + 1}/${maxAttempts} in ${waitText(wait)}: ${reason(job)}`;
}
