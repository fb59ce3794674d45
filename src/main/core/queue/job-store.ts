// Every SQL statement the queue runs on the jobs table. Writes that move a job out of
// 'uploading' are conditional on this queue still holding its lease, so a job cancelled (or
// recovered by another process) meanwhile is never resurrected by a late answer.
import type { KieDropDb } from '../db';
import { toJobRow } from './job-row';
import type { JobRow } from './job-row';
import type { JobStatus } from './types';

const SELECT_JOB = 'SELECT j.*, h.id AS history_id FROM jobs j LEFT JOIN history h ON h.job_id = j.id';

/** The columns a caller chooses when queuing a job; the rest start from their defaults. */
export interface NewJob
  extends
    Pick<
      JobRow,
      | 'source'
      | 'method'
      | 'localPath'
      | 'sourceUrl'
      | 'uploadPath'
      | 'fileName'
      | 'location'
      | 'overwrite'
      | 'size'
      | 'mtimeMs'
      | 'priority'
    >,
    Partial<Pick<JobRow, 'errorKind' | 'lastError' | 'renewOf' | 'batchId'>> {
  status: 'queued' | 'failed';
}

export interface JobQuery {
  status?: JobStatus | JobStatus[];
  batchId?: string;
  limit?: number;
}

export interface JobStore {
  insert(job: NewJob, now: number): JobRow;
  get(id: number): JobRow | undefined;
  list(q?: JobQuery): JobRow[];
  /** queued + uploading, optionally of one batch. */
  unfinishedCount(batchId?: string): number;
  /** Earliest next_attempt_at among queued jobs, or null when none is queued. */
  nextDueAt(): number | null;
  /** Atomically takes the most urgent due job for `owner`; only from `batchIds` when given. */
  claim(owner: string, leaseUntil: number, now: number, batchIds?: readonly string[]): JobRow | undefined;
  renewLease(id: number, owner: string, leaseUntil: number, now: number): boolean;
  /** Back to 'queued'. uncount: the attempt did not really happen (stop, bad key). */
  requeue(
    id: number,
    owner: string,
    p: { nextAttemptAt: number; errorKind: string | null; lastError: string | null; uncount: boolean },
    now: number,
  ): boolean;
  fail(id: number, owner: string, p: { errorKind: string; lastError: string }, now: number): boolean;
  /** The file changed since it was queued: remember what is being uploaded now, and say so. */
  noteFileChanged(
    id: number,
    owner: string,
    p: { size: number; mtimeMs: number; notice: string },
    now: number,
  ): boolean;
  /** Call inside the same transaction as the history insert. */
  markDone(id: number, owner: string, now: number): boolean;
  cancel(id: number, now: number): boolean;
  cancelAll(now: number): number[];
  retryFailed(ids: number[] | undefined, now: number): number[];
  uploading(): JobRow[];
  /** The oldest queued or uploading job going to exactly `location`/`fileName`, from any process. */
  unfinishedAt(location: string, fileName: string): JobRow | undefined;
  /** Hands an abandoned job back, if nobody touched it since it was judged abandoned. */
  release(id: number, owner: string | null, now: number): boolean;
}

export function createJobStore(db: KieDropDb): JobStore {
  const c = db.conn;
  const one = (sql: string, ...params: unknown[]): JobRow | undefined => {
    const raw = c.prepare(sql).get(...params);
    return raw === undefined ? undefined : toJobRow(raw);
  };
  const changed = (sql: string, ...params: unknown[]): boolean => c.prepare(sql).run(...params).changes > 0;

  return {
    insert(job, now) {
      const raw = c
        .prepare(
          `INSERT INTO jobs (status, source, method, local_path, source_url, upload_path, file_name, location,
             overwrite, size, mtime_ms, priority, attempts, next_attempt_at, error_kind, last_error, renew_of,
             batch_id, created_at, updated_at, finished_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        )
        .get(
          job.status,
          job.source,
          job.method,
          job.localPath,
          job.sourceUrl,
          job.uploadPath,
          job.fileName,
          job.location,
          job.overwrite ? 1 : 0,
          job.size,
          job.mtimeMs,
          job.priority,
          now,
          job.errorKind ?? null,
          job.lastError ?? null,
          job.renewOf ?? null,
          job.batchId ?? null,
          now,
          now,
          job.status === 'failed' ? now : null,
        );
      return toJobRow(raw);
    },
    get: (id) => one(`${SELECT_JOB} WHERE j.id = ?`, id),
    list(q = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (q.status !== undefined) {
        const statuses = Array.isArray(q.status) ? q.status : [q.status];
        if (statuses.length === 0) return [];
        where.push(`j.status IN (${statuses.map(() => '?').join(', ')})`);
        params.push(...statuses);
      }
      if (q.batchId !== undefined) {
        where.push('j.batch_id = ?');
        params.push(q.batchId);
      }
      const limit = q.limit !== undefined && q.limit > 0 ? ` LIMIT ${Math.floor(q.limit)}` : '';
      const sql = `${SELECT_JOB}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY j.id${limit}`;
      return c
        .prepare(sql)
        .all(...params)
        .map(toJobRow);
    },
    unfinishedCount(batchId) {
      const raw = (
        batchId === undefined
          ? c.prepare("SELECT count(*) AS n FROM jobs WHERE status IN ('queued', 'uploading')").get()
          : c
              .prepare(
                "SELECT count(*) AS n FROM jobs WHERE status IN ('queued', 'uploading') AND batch_id = ?",
              )
              .get(batchId)
      ) as { n: number };
      return Number(raw.n);
    },
    nextDueAt() {
      const raw = c.prepare("SELECT min(next_attempt_at) AS t FROM jobs WHERE status = 'queued'").get() as {
        t: number | null;
      };
      return raw.t === null ? null : Number(raw.t);
    },
    claim(owner, leaseUntil, now, batchIds) {
      const inBatches =
        batchIds === undefined ? '' : ` AND batch_id IN (${batchIds.map(() => '?').join(', ') || 'NULL'})`;
      return db.transaction(() =>
        one(
          `UPDATE jobs SET status = 'uploading', lease_owner = ?, lease_until = ?, attempts = attempts + 1, updated_at = ?
           WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND next_attempt_at <= ?${inBatches}
             ORDER BY priority, id LIMIT 1)
           RETURNING *`,
          owner,
          leaseUntil,
          now,
          now,
          ...(batchIds ?? []),
        ),
      );
    },
    renewLease: (id, owner, leaseUntil, now) =>
      changed(
        "UPDATE jobs SET lease_until = ?, updated_at = ? WHERE id = ? AND status = 'uploading' AND lease_owner = ?",
        leaseUntil,
        now,
        id,
        owner,
      ),
    requeue: (id, owner, p, now) =>
      changed(
        `UPDATE jobs SET status = 'queued', lease_owner = NULL, lease_until = NULL, next_attempt_at = ?,
           error_kind = ?, last_error = ?, attempts = max(0, attempts - ?), updated_at = ?
         WHERE id = ? AND status = 'uploading' AND lease_owner = ?`,
        p.nextAttemptAt,
        p.errorKind,
        p.lastError,
        p.uncount ? 1 : 0,
        now,
        id,
        owner,
      ),
    fail: (id, owner, p, now) =>
      changed(
        `UPDATE jobs SET status = 'failed', lease_owner = NULL, lease_until = NULL, error_kind = ?, last_error = ?,
           updated_at = ?, finished_at = ?
         WHERE id = ? AND status = 'uploading' AND lease_owner = ?`,
        p.errorKind,
        p.lastError,
        now,
        now,
        id,
        owner,
      ),
    noteFileChanged: (id, owner, p, now) =>
      changed(
        "UPDATE jobs SET size = ?, mtime_ms = ?, notice = ?, updated_at = ? WHERE id = ? AND status = 'uploading' AND lease_owner = ?",
        p.size,
        p.mtimeMs,
        p.notice,
        now,
        id,
        owner,
      ),
    markDone: (id, owner, now) =>
      changed(
        `UPDATE jobs SET status = 'done', lease_owner = NULL, lease_until = NULL, error_kind = NULL, last_error = NULL,
           updated_at = ?, finished_at = ?
         WHERE id = ? AND status = 'uploading' AND lease_owner = ?`,
        now,
        now,
        id,
        owner,
      ),
    cancel: (id, now) =>
      changed(
        `UPDATE jobs SET status = 'cancelled', lease_owner = NULL, lease_until = NULL, updated_at = ?, finished_at = ?
         WHERE id = ? AND status IN ('queued', 'uploading')`,
        now,
        now,
        id,
      ),
    cancelAll(now) {
      const rows = c
        .prepare(
          `UPDATE jobs SET status = 'cancelled', lease_owner = NULL, lease_until = NULL, updated_at = ?, finished_at = ?
           WHERE status IN ('queued', 'uploading') RETURNING id`,
        )
        .all(now, now) as { id: number }[];
      return rows.map((r) => Number(r.id));
    },
    retryFailed(ids, now) {
      // A fresh start: the attempts budget and the old error belong to the failure being retried.
      const reset = `UPDATE jobs SET status = 'queued', attempts = 0, next_attempt_at = ?, error_kind = NULL, last_error = NULL,
          finished_at = NULL, updated_at = ?`;
      if (ids === undefined) {
        const rows = c.prepare(`${reset} WHERE status = 'failed' RETURNING id`).all(now, now) as {
          id: number;
        }[];
        return rows.map((r) => Number(r.id));
      }
      return db.transaction(() =>
        ids.filter((id) => changed(`${reset} WHERE id = ? AND status = 'failed'`, now, now, id)),
      );
    },
    uploading: () =>
      c.prepare(`${SELECT_JOB} WHERE j.status = 'uploading' ORDER BY j.id`).all().map(toJobRow),
    unfinishedAt: (location, fileName) =>
      one(
        `${SELECT_JOB} WHERE j.status IN ('queued', 'uploading') AND j.location = ? AND j.file_name = ?
         ORDER BY j.id LIMIT 1`,
        location,
        fileName,
      ),
    release: (id, owner, now) =>
      changed(
        `UPDATE jobs SET status = 'queued', lease_owner = NULL, lease_until = NULL, next_attempt_at = ?, updated_at = ?
         WHERE id = ? AND status = 'uploading' AND lease_owner IS ?`,
        now,
        now,
        id,
        owner,
      ),
  };
}
