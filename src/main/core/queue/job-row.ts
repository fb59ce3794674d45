// A jobs row as SQLite returns it, and its mapping to the JobSnapshot the rest of the app sees.
// Rows are copied field by field: libsql adds a `_metadata` property that must not leak out.
import { parseJobErrorParams } from '../error-codes';
import type { JobErrorParams } from '../../../shared/domain';
import type { JobMethod, JobPhase, JobProgress, JobSnapshot, JobSource, JobStatus } from './types';

export interface JobRow {
  id: number;
  status: JobStatus;
  source: JobSource;
  method: JobMethod;
  localPath: string | null;
  sourceUrl: string | null;
  uploadPath: string;
  fileName: string;
  location: string;
  overwrite: boolean;
  size: number | null;
  mtimeMs: number | null;
  priority: number;
  attempts: number;
  nextAttemptAt: number;
  errorKind: string | null;
  lastError: string | null;
  errorCode: string | null;
  errorParams: JobErrorParams | null;
  notice: string | null;
  renewOf: number | null;
  batchId: string | null;
  leaseOwner: string | null;
  leaseUntil: number | null;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
  historyId: number | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null =>
  typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : null;

export function toJobRow(raw: unknown): JobRow {
  const r = raw as Record<string, unknown>;
  return {
    id: num(r.id) ?? 0,
    status: r.status as JobStatus,
    source: r.source as JobSource,
    method: r.method as JobMethod,
    localPath: str(r.local_path),
    sourceUrl: str(r.source_url),
    uploadPath: str(r.upload_path) ?? '',
    fileName: str(r.file_name) ?? '',
    location: str(r.location) ?? '',
    overwrite: num(r.overwrite) === 1,
    size: num(r.size),
    mtimeMs: num(r.mtime_ms),
    priority: num(r.priority) ?? 0,
    attempts: num(r.attempts) ?? 0,
    nextAttemptAt: num(r.next_attempt_at) ?? 0,
    errorKind: str(r.error_kind),
    lastError: str(r.last_error),
    errorCode: str(r.error_code),
    errorParams: parseJobErrorParams(r.error_params),
    notice: str(r.notice),
    renewOf: num(r.renew_of),
    batchId: str(r.batch_id),
    leaseOwner: str(r.lease_owner),
    leaseUntil: num(r.lease_until),
    createdAt: num(r.created_at) ?? 0,
    updatedAt: num(r.updated_at) ?? 0,
    finishedAt: num(r.finished_at),
    historyId: num(r.history_id),
  };
}

/** What a person should see a job doing. In-flight detail (sending/processing) is only known to
 * the process uploading it; everyone else sees 'sending'. */
export function phaseOf(row: JobRow, live: JobPhase | undefined, now: number): JobPhase | null {
  if (row.status === 'uploading') return live ?? 'sending';
  if (row.status !== 'queued') return null;
  return row.errorKind !== null && row.nextAttemptAt > now ? 'retrying' : 'waiting';
}

export function toSnapshot(
  row: JobRow,
  live: { phase?: JobPhase; progress?: JobProgress } | undefined,
  now: number,
): JobSnapshot {
  return {
    id: row.id,
    status: row.status,
    phase: phaseOf(row, live?.phase, now),
    source: row.source,
    method: row.method,
    localPath: row.localPath,
    sourceUrl: row.sourceUrl,
    uploadPath: row.uploadPath,
    fileName: row.fileName,
    location: row.location,
    size: row.size,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'queued' ? row.nextAttemptAt : null,
    errorKind: row.errorKind,
    lastError: row.lastError,
    errorCode: row.errorCode,
    errorParams: row.errorParams,
    notice: row.notice,
    renewOf: row.renewOf,
    batchId: row.batchId,
    historyId: row.historyId,
    progress: row.status === 'uploading' ? (live?.progress ?? null) : null,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}

/** Lower runs first: anything a person just asked for goes before a watched folder's backlog. */
export function priorityFor(source: JobSource): number {
  return source === 'watch' ? 10 : 0;
}
