// Every SQL statement the queue runs on the jobs table. Writes that move a job out of
// 'uploading' are conditional on this queue still holding its lease, so a job cancelled (or
// recovered by another process) meanwhile is never resurrected by a late answer.
// Statements are prepared once (statement-cache.ts), and the ones run for every job use the indexes of
// schema version 4, so a job costs the same whether 10 or 10,000 others are waiting.
import type { KieDropDb } from '../db';
import { toJobRow } from './job-row';
import type { JobRow } from './job-row';
import { createStatementCache } from './statement-cache';
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
    Partial<Pick<JobRow, 'errorKind' | 'lastError' | 'errorCode' | 'errorParams' | 'renewOf' | 'batchId'>> {
  status: 'queued' | 'failed';
}

/** What a job records about its last failure: kind (for retries), English sentence, and stable code. */
export type JobFailure = Pick<JobRow, 'errorKind' | 'lastError' | 'errorCode' | 'errorParams'>;

const paramsText = (p: JobFailure['errorParams']): string | null => (p === null ? null : JSON.stringify(p));

export interface JobQuery {
  status?: JobStatus | JobStatus[];
  batchId?: string;
  limit?: number;
}

export interface JobStore {
  insert(job: NewJob, now: number): JobRow;
  get(id: number): JobRow | undefined;
  list(q?: JobQuery): JobRow[];
  /** These jobs (those that exist), by id, in one query. `finishedOnly`: only those done, failed or cancelled. */
  byIds(ids: readonly number[], opts?: { finishedOnly?: boolean }): JobRow[];
  /** queued + uploading, optionally of one batch. Counts every such row: not for per-job paths. */
  unfinishedCount(batchId?: string): number;
  /** Whether any job (of the batch) is queued or uploading: answered from an index without counting. */
  hasUnfinished(batchId?: string): boolean;
  /** Earliest next_attempt_at among queued jobs, or null when none is queued. */
  nextDueAt(): number | null;
  /** Atomically takes the most urgent due job for `owner`; only from `batchIds` when given. */
  claim(owner: string, leaseUntil: number, now: number, batchIds?: readonly string[]): JobRow | undefined;
  renewLease(id: number, owner: string, leaseUntil: number, now: number): boolean;
  /** Back to 'queued'. uncount: the attempt did not really happen (stop, bad key). */
  requeue(
    id: number,
    owner: string,
    p: JobFailure & { nextAttemptAt: number; uncount: boolean },
    now: number,
  ): boolean;
  fail(id: number, owner: string, p: JobFailure, now: number): boolean;
  /** The file changed since it was queued: remember what is being uploaded now, and say so. */
  noteFileChanged(
    id: number,
    owner: string,
    p: { size: number; mtimeMs: number; notice: string },
    now: number,
  ): boolean;
  /** Call inside the same transaction as the history insert. The job as it now stands (its
   * historyId null: the caller knows the entry), or undefined when the lease is no longer ours. */
  markDone(id: number, owner: string, now: number): JobRow | undefined;
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
  const cache = createStatementCache(db.conn);
  const one = (sql: string, ...params: unknown[]): JobRow | undefined => {
    const raw = cache.run(sql, (st) => st.get(...params));
    return raw === undefined ? undefined : toJobRow(raw);
  };
  const all = (sql: string, ...params: unknown[]): JobRow[] =>
    cache.run(sql, (st) => st.all(...params)).map(toJobRow);
  const changed = (sql: string, ...params: unknown[]): boolean =>
    cache.run(sql, (st) => st.run(...params)).changes > 0;
  const ids = (sql: string, ...params: unknown[]): number[] =>
    (cache.run(sql, (st) => st.all(...params)) as { id: number }[]).map((r) => Number(r.id));
  const scalar = (sql: string, ...params: unknown[]): unknown =>
    (cache.run(sql, (st) => st.raw().get(...params)) as unknown[] | undefined)?.[0];

  return {
    insert(job, now) {
      const raw = cache.run(
        `INSERT INTO jobs (status, source, method, local_path, source_url, upload_path, file_name, location,
           overwrite, size, mtime_ms, priority, attempts, next_attempt_at, error_kind, last_error, error_code,
           error_params, renew_of, batch_id, created_at, updated_at, finished_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        (st) =>
          st.get(
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
            job.errorCode ?? null,
            paramsText(job.errorParams ?? null),
            job.renewOf ?? null,
            job.batchId ?? null,
            now,
            now,
            job.status === 'failed' ? now : null,
          ),
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
      const limit = q.limit !== undefined && q.limit > 0 ? ' LIMIT ?' : '';
      if (limit !== '') params.push(Math.floor(q.limit ?? 0));
      const sql = `${SELECT_JOB}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY j.id${limit}`;
      return all(sql, ...params);
    },
    byIds(wanted, opts = {}) {
      if (wanted.length === 0) return [];
      // One statement for any number of ids: they travel as one JSON array.
      const finished = opts.finishedOnly === true ? " AND j.status NOT IN ('queued', 'uploading')" : '';
      return all(
        `${SELECT_JOB} WHERE j.id IN (SELECT value FROM json_each(?))${finished} ORDER BY j.id`,
        JSON.stringify(wanted),
      );
    },
    unfinishedCount(batchId) {
      const n =
        batchId === undefined
          ? scalar("SELECT count(*) FROM jobs WHERE status IN ('queued', 'uploading')")
          : scalar(
              "SELECT count(*) FROM jobs WHERE status IN ('queued', 'uploading') AND batch_id = ?",
              batchId,
            );
      return Number(n);
    },
    hasUnfinished(batchId) {
      const found =
        batchId === undefined
          ? scalar("SELECT EXISTS (SELECT 1 FROM jobs WHERE status IN ('queued', 'uploading'))")
          : scalar(
              "SELECT EXISTS (SELECT 1 FROM jobs WHERE status IN ('queued', 'uploading') AND batch_id = ?)",
              batchId,
            );
      return Number(found) === 1;
    },
    nextDueAt() {
      // INDEXED BY: without statistics the planner would take jobs_runnable and read every queued row.
      const t = scalar(
        "SELECT min(next_attempt_at) FROM jobs INDEXED BY jobs_next_due WHERE status = 'queued'",
      );
      return t === null || t === undefined ? null : Number(t);
    },
    claim(owner, leaseUntil, now, batchIds) {
      // The most urgent due job, found by walking an index in (priority, id) order: one batch has an
      // index of its own; otherwise the queue's order, skipping jobs of batches not asked for.
      let pick: string;
      let pickParams: unknown[];
      if (batchIds !== undefined && batchIds.length === 1) {
        pick = `SELECT id FROM jobs INDEXED BY jobs_claim_batch
          WHERE status = 'queued' AND batch_id = ? AND next_attempt_at <= ? ORDER BY priority, id LIMIT 1`;
        pickParams = [batchIds[0], now];
      } else {
        const inBatches = batchIds === undefined ? '' : ` AND batch_id IN (SELECT value FROM json_each(?))`;
        pick = `SELECT id FROM jobs INDEXED BY jobs_claim
          WHERE status = 'queued' AND next_attempt_at <= ?${inBatches} ORDER BY priority, id LIMIT 1`;
        pickParams = batchIds === undefined ? [now] : [now, JSON.stringify(batchIds)];
      }
      // One statement, so atomic on its own: an explicit transaction around it would only add a
      // BEGIN and a COMMIT to run for every job.
      return one(
        `UPDATE jobs SET status = 'uploading', lease_owner = ?, lease_until = ?, attempts = attempts + 1, updated_at = ?
         WHERE id = (${pick})
         RETURNING *`,
        owner,
        leaseUntil,
        now,
        ...pickParams,
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
           error_kind = ?, last_error = ?, error_code = ?, error_params = ?, attempts = max(0, attempts - ?),
           updated_at = ?
         WHERE id = ? AND status = 'uploading' AND lease_owner = ?`,
        p.nextAttemptAt,
        p.errorKind,
        p.lastError,
        p.errorCode,
        paramsText(p.errorParams),
        p.uncount ? 1 : 0,
        now,
        id,
        owner,
      ),
    fail: (id, owner, p, now) =>
      changed(
        `UPDATE jobs SET status = 'failed', lease_owner = NULL, lease_until = NULL, error_kind = ?, last_error = ?,
           error_code = ?, error_params = ?, updated_at = ?, finished_at = ?
         WHERE id = ? AND status = 'uploading' AND lease_owner = ?`,
        p.errorKind,
        p.lastError,
        p.errorCode,
        paramsText(p.errorParams),
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
      one(
        `UPDATE jobs SET status = 'done', lease_owner = NULL, lease_until = NULL, error_kind = NULL, last_error = NULL,
           error_code = NULL, error_params = NULL, updated_at = ?, finished_at = ?
         WHERE id = ? AND status = 'uploading' AND lease_owner = ?
         RETURNING *, NULL AS history_id`,
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
    cancelAll: (now) =>
      ids(
        `UPDATE jobs SET status = 'cancelled', lease_owner = NULL, lease_until = NULL, updated_at = ?, finished_at = ?
         WHERE status IN ('queued', 'uploading') RETURNING id`,
        now,
        now,
      ),
    retryFailed(which, now) {
      // A fresh start: the attempts budget and the old error belong to the failure being retried.
      const reset = `UPDATE jobs SET status = 'queued', attempts = 0, next_attempt_at = ?, error_kind = NULL, last_error = NULL,
          error_code = NULL, error_params = NULL, finished_at = NULL, updated_at = ?`;
      if (which === undefined) return ids(`${reset} WHERE status = 'failed' RETURNING id`, now, now);
      return db.transaction(() =>
        which.filter((id) => changed(`${reset} WHERE id = ? AND status = 'failed'`, now, now, id)),
      );
    },
    uploading: () => all(`${SELECT_JOB} WHERE j.status = 'uploading' ORDER BY j.id`),
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
