// Every SQL statement on the watch ledger. The ledger row for a version is written (reserved) before
// the job is queued and given the job's id right after, so a crash at any point leaves either a job the
// next start adopts, or a bare reservation it drops — never a second job for the same version.
// Whether the upload finished is read from the jobs and history tables, which the queue writes in
// one transaction with the upload's outcome; the ledger's own uploaded_at is a copy for quick reads.
import type { KieDropDb } from '../db';
import type { LedgerVersion, VersionState } from './ledger-decision';
import { databaseGuard, num, numOrNull, statementCache, str, strOrNull } from './sql-helpers';
import type { Row } from './sql-helpers';
import type { FileSignature } from './stability-tracker';

/**
 * reserved_by of a row that records a file already in the folder when it was added, left alone at the
 * person's choice: it has no job and never gets one (not a lease owner, so never taken for a reservation).
 */
export const EXISTING_FILE_MARK = 'existing-when-added';

/** A file found in a folder as it was added. */
export interface ExistingFile {
  relativePath: string;
  size: number;
  mtimeMs: number;
}

export interface Reservation {
  id: number;
  folderId: number;
  relativePath: string;
  size: number;
  mtimeMs: number;
  reservedBy: string | null;
  reservedAt: number;
}

export interface LedgerStore {
  /** Every version of one path the ledger knows, with what became of each. */
  versions(folderId: number, relativePath: string): LedgerVersion[];
  /** What the ledger knows of each of these paths, in one query; a path it does not know is absent. */
  versionsOf(folderId: number, relativePaths: readonly string[]): Map<string, LedgerVersion[]>;
  /** Claims a version for queuing; null when it is already claimed (by us or another process). */
  reserve(
    folderId: number,
    relativePath: string,
    sig: FileSignature,
    owner: string,
    now: number,
  ): number | null;
  attachJob(ledgerId: number, jobId: number): void;
  /** Records files already in a folder as known and not to upload (see EXISTING_FILE_MARK). */
  markExisting(folderId: number, files: readonly ExistingFile[], now: number): void;
  /** Drops a reservation whose enqueue failed, so the file is considered again. */
  release(ledgerId: number): void;
  /** Copies a finished upload into the ledger (the version actually sent, if the queue saw a newer one). */
  markUploaded(jobId: number, historyId: number, uploadedAt: number, sent: FileSignature | null): void;
  /** Copies every finished upload the ledger has not caught up with; returns how many rows changed. */
  backfillUploaded(): number;
  /** Reservations that never got a job id. */
  reservationsWithoutJob(): Reservation[];
  /** A watch job for this file created at or after `since` (the enqueue a crash cut short). */
  findJobFor(localPath: string, since: number): number | null;
  /** The folder and path a job was queued for, if it came from a watched folder. */
  byJob(jobId: number): { folderId: number; relativePath: string } | undefined;
  /** Versions handed over whose upload has not finished (queued, uploading, or being queued). */
  pendingCount(folderId: number): number;
  lastUploadAt(folderId: number): number | null;
  /** The history entry of the folder's newest upload. */
  newestUploadHistoryId(folderId: number): number | null;
}

/** Job status + history presence → the version's state. */
export function versionState(
  jobId: number | null,
  jobStatus: string | null,
  historyId: number | null,
  uploadedAt: number | null,
  reservedBy: string | null = null,
): VersionState {
  if (uploadedAt !== null || historyId !== null) return 'uploaded';
  if (jobId === null) return reservedBy === EXISTING_FILE_MARK ? 'existing' : 'reserving';
  switch (jobStatus) {
    case 'queued':
    case 'uploading':
      return 'queued';
    case 'failed':
      return 'failed';
    case 'cancelled':
      return 'cancelled';
    // 'done' with no history entry (deleted by the person) still means it was sent.
    case 'done':
      return 'uploaded';
    default:
      return 'unknown';
  }
}

/** A row of watch_ledger joined with its job and history entry → the version and what became of it. */
function versionOf(r: Row): LedgerVersion {
  return {
    size: num(r, 'size'),
    mtimeMs: num(r, 'mtime_ms'),
    jobId: numOrNull(r, 'job_id'),
    state: versionState(
      numOrNull(r, 'job_id'),
      strOrNull(r, 'job_status'),
      numOrNull(r, 'hid'),
      numOrNull(r, 'uploaded_at'),
      strOrNull(r, 'reserved_by'),
    ),
  };
}

export function createLedgerStore(db: KieDropDb): LedgerStore {
  const stmt = statementCache(db.conn);
  const guard = databaseGuard(db);

  return {
    versions: (folderId, relativePath) =>
      guard(() =>
        (
          stmt(
            `SELECT l.size, l.mtime_ms, l.job_id, l.uploaded_at, l.reserved_by, j.status AS job_status,
               h.id AS hid
             FROM watch_ledger l
             LEFT JOIN jobs j ON j.id = l.job_id
             LEFT JOIN history h ON h.job_id = l.job_id
             WHERE l.folder_id = ? AND l.relative_path = ?`,
          ).all(folderId, relativePath) as Row[]
        ).map(versionOf),
      ),
    versionsOf: (folderId, relativePaths) =>
      guard(() => {
        const out = new Map<string, LedgerVersion[]>();
        if (relativePaths.length === 0) return out;
        // One JSON parameter, however many paths: SQLite caps the number of bound parameters. Rows as
        // arrays: a walk of a big folder reads tens of thousands, and objects cost three times as much.
        const rows = stmt(
          `SELECT l.relative_path, l.size, l.mtime_ms, l.job_id, l.uploaded_at, j.status, h.id,
             l.reserved_by
           FROM watch_ledger l
           LEFT JOIN jobs j ON j.id = l.job_id
           LEFT JOIN history h ON h.job_id = l.job_id
           WHERE l.folder_id = ? AND l.relative_path IN (SELECT value FROM json_each(?))`,
        )
          .raw(true)
          .all(folderId, JSON.stringify(relativePaths)) as unknown[][];
        for (const [path, size, mtimeMs, jobId, uploadedAt, status, hid, reservedBy] of rows) {
          const r: Row = {
            size,
            mtime_ms: mtimeMs,
            job_id: jobId,
            uploaded_at: uploadedAt,
            job_status: status,
            hid,
            reserved_by: reservedBy,
          };
          const key = String(path);
          const list = out.get(key) ?? [];
          list.push(versionOf(r));
          out.set(key, list);
        }
        return out;
      }),
    reserve: (folderId, relativePath, sig, owner, now) =>
      guard(() => {
        const row = stmt(
          `INSERT INTO watch_ledger (folder_id, relative_path, size, mtime_ms, reserved_by, reserved_at)
           VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
        ).get(folderId, relativePath, sig.size, sig.mtimeMs, owner, now) as Row | undefined;
        return row === undefined ? null : num(row, 'id');
      }),
    markExisting: (folderId, files, now) =>
      guard(() => {
        const insert = stmt(
          `INSERT INTO watch_ledger (folder_id, relative_path, size, mtime_ms, reserved_by, reserved_at)
           VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        );
        db.transaction(() => {
          for (const f of files)
            insert.run(folderId, f.relativePath, f.size, f.mtimeMs, EXISTING_FILE_MARK, now);
        });
      }),
    attachJob: (ledgerId, jobId) =>
      guard(() => {
        stmt('UPDATE watch_ledger SET job_id = ?, reserved_by = NULL WHERE id = ?').run(jobId, ledgerId);
      }),
    release: (ledgerId) =>
      guard(() => {
        stmt('DELETE FROM watch_ledger WHERE id = ? AND job_id IS NULL').run(ledgerId);
      }),
    markUploaded: (jobId, historyId, uploadedAt, sent) =>
      guard(() => {
        db.transaction(() => {
          stmt('UPDATE watch_ledger SET history_id = ?, uploaded_at = ? WHERE job_id = ?').run(
            historyId,
            uploadedAt,
            jobId,
          );
          // The queue uploads what the file holds when it runs; record that version, unless another
          // row already holds it (then the version is covered either way).
          if (sent !== null) {
            stmt('UPDATE OR IGNORE watch_ledger SET size = ?, mtime_ms = ? WHERE job_id = ?').run(
              sent.size,
              sent.mtimeMs,
              jobId,
            );
          }
        });
      }),
    backfillUploaded: () =>
      guard(
        () =>
          stmt(
            `UPDATE watch_ledger SET history_id = h.id, uploaded_at = h.uploaded_at
             FROM history h WHERE h.job_id = watch_ledger.job_id AND watch_ledger.uploaded_at IS NULL`,
          ).run().changes,
      ),
    reservationsWithoutJob: () =>
      guard(() =>
        (
          stmt('SELECT * FROM watch_ledger WHERE job_id IS NULL AND reserved_by IS NOT ? ORDER BY id').all(
            EXISTING_FILE_MARK,
          ) as Row[]
        ).map((r) => ({
          id: num(r, 'id'),
          folderId: num(r, 'folder_id'),
          relativePath: str(r, 'relative_path'),
          size: num(r, 'size'),
          mtimeMs: num(r, 'mtime_ms'),
          reservedBy: strOrNull(r, 'reserved_by'),
          reservedAt: num(r, 'reserved_at'),
        })),
      ),
    findJobFor: (localPath, since) =>
      guard(() => {
        const row = stmt(
          `SELECT id FROM jobs WHERE source = 'watch' AND local_path = ? AND created_at >= ?
             AND id NOT IN (SELECT job_id FROM watch_ledger WHERE job_id IS NOT NULL)
           ORDER BY id LIMIT 1`,
        ).get(localPath, since) as Row | undefined;
        return row === undefined ? null : num(row, 'id');
      }),
    byJob: (jobId) =>
      guard(() => {
        const row = stmt('SELECT folder_id, relative_path FROM watch_ledger WHERE job_id = ?').get(jobId) as
          Row | undefined;
        return row === undefined
          ? undefined
          : { folderId: num(row, 'folder_id'), relativePath: str(row, 'relative_path') };
      }),
    pendingCount: (folderId) =>
      guard(() => {
        const row = stmt(
          `SELECT count(*) AS n FROM watch_ledger l LEFT JOIN jobs j ON j.id = l.job_id
           WHERE l.folder_id = ? AND l.uploaded_at IS NULL
             AND ((l.job_id IS NULL AND l.reserved_by IS NOT ?) OR j.status IN ('queued', 'uploading'))`,
        ).get(folderId, EXISTING_FILE_MARK) as Row;
        return num(row, 'n');
      }),
    newestUploadHistoryId: (folderId) =>
      guard(() => {
        const row = stmt(
          `SELECT history_id FROM watch_ledger WHERE folder_id = ? AND uploaded_at IS NOT NULL
           ORDER BY uploaded_at DESC, id DESC LIMIT 1`,
        ).get(folderId) as Row | undefined;
        return row === undefined ? null : numOrNull(row, 'history_id');
      }),
    lastUploadAt: (folderId) =>
      guard(() => {
        const row = stmt('SELECT max(uploaded_at) AS t FROM watch_ledger WHERE folder_id = ?').get(
          folderId,
        ) as Row;
        return numOrNull(row, 't');
      }),
  };
}
