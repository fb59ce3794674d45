import type { FailedJob, HistoryEntry } from '../main/core/history';
import type { JobSnapshot } from '../main/core/queue';
import { jobFailureWording } from './cli-wording';
import { formatBytes, formatDuration, formatExpiry } from './format';
import { historyRef, jobRef } from './record-ids';
import { clip, renderTable } from './table';

// What `kiedrop history` and `kiedrop queue` print for people (scripts use --json).

/** "in 2 d 23 h", "in 4 h (soon)", "expired 3 h ago", "replaced by h17". */
export function expiryCell(entry: HistoryEntry, now: Date): string {
  if (entry.status === 'replaced') {
    return entry.replacedBy === null ? 'replaced' : `replaced by ${historyRef(entry.replacedBy)}`;
  }
  const text = formatExpiry(new Date(entry.expiresAt), now);
  return entry.status === 'expiring' ? `${text} (soon)` : text;
}

/** The PIN column appears only when a listed entry is pinned, so most listings stay as narrow as before. */
export function historyTable(entries: readonly HistoryEntry[], now: Date): string[] {
  const pins = entries.some((e) => e.pin?.pinned === true);
  return renderTable(
    pins ? ['ID', 'NAME', 'SIZE', 'EXPIRES', 'PIN', 'LINK'] : ['ID', 'NAME', 'SIZE', 'EXPIRES', 'LINK'],
    entries.map((e) => [
      historyRef(e.id),
      clip(e.fileName),
      formatBytes(e.size),
      expiryCell(e, now),
      ...(pins ? [e.pin?.pinned === true ? 'pinned' : ''] : []),
      e.downloadUrl,
    ]),
  );
}

export function failedJobsTable(jobs: readonly FailedJob[]): string[] {
  return renderTable(
    ['JOB', 'NAME', 'TRIES', 'REASON'],
    jobs.map((j) => [
      jobRef(j.jobId),
      clip(j.fileName === '' ? (j.sourceUrl ?? j.localPath ?? '?') : j.fileName),
      String(j.attempts),
      jobFailureWording(j, 'no reason recorded'),
    ]),
  );
}

/** "waiting", "retrying in 12 s", "uploading 42%", "failed". */
export function jobStateCell(job: JobSnapshot, nowMs: number): string {
  if (job.status === 'queued') {
    if (job.phase === 'retrying' && job.nextAttemptAt !== null) {
      const wait = job.nextAttemptAt - nowMs;
      return wait >= 60_000
        ? `retrying in ${formatDuration(wait)}`
        : `retrying in ${Math.max(1, Math.ceil(wait / 1000))} s`;
    }
    return 'waiting';
  }
  if (job.status === 'uploading') {
    return job.progress === null ? 'uploading' : `uploading ${Math.floor(job.progress.percent)}%`;
  }
  return job.status;
}

export function jobsTable(jobs: readonly JobSnapshot[], nowMs: number): string[] {
  return renderTable(
    ['JOB', 'STATE', 'NAME', 'TRIES', 'FROM / REASON'],
    jobs.map((j) => [
      jobRef(j.id),
      jobStateCell(j, nowMs),
      clip(j.fileName === '' ? '(name chosen by the server)' : j.fileName),
      String(j.attempts),
      (j.status === 'failed' && j.lastError !== null ? jobFailureWording(j, '') : null) ??
        [
          j.localPath ?? j.sourceUrl ?? '',
          j.lastError === null ? '' : `(last try: ${jobFailureWording(j, '')})`,
        ]
          .filter((s) => s !== '')
          .join(' '),
    ]),
  );
}
