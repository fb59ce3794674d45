// The upload history: one row per successful upload, read newest first, searched through the trigram
// index, and exported. Every method is synchronous so the queue can record an upload and finish its
// job inside one db.transaction(). SQLite failures surface as DatabaseError with an actionable message.

import type Database from 'libsql';
import { asDatabaseError } from '../db/database-error';
import type { KieDropDb } from '../db/open-database';
import { parseJobErrorParams } from '../error-codes';
import { DuplicateHistoryEntryError } from './errors';
import { DEFAULT_EXPIRING_SOON_MS } from './expiry-status';
import { exportText, type ExportFormat } from './history-export';
import { addSearchCondition, exportPage, queryHistory, searchText, statusFilter } from './history-query';
import { HISTORY_COLUMNS, entryToParams, rowToEntry } from './history-row';
import { believedLifetime, expiryShiftMs, type LinkLifetime } from '../links/lifetime';
import type { FailedJob, HistoryEntry, HistoryPage, HistoryQuery, NewHistoryEntry } from './types';

export interface HistoryStoreOptions {
  now?: () => number;
  expiringSoonMs?: number;
  /** The "Links last" setting in hours, read at each call; null or absent: learned or 3 days. */
  linkLifetimeHours?: () => number | null;
}

export const DEFAULT_PAGE_SIZE = 50;

function pageBound(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`History ${name} must be a whole number of 0 or more, got ${value}.`);
  }
  return value;
}

function countOf(row: unknown): number {
  const value = Array.isArray(row) ? row[0] : undefined;
  return typeof value === 'number' ? value : Number(value ?? 0);
}

function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function isUniqueJobIdViolation(err: unknown): boolean {
  const message = (err as { message?: unknown } | null)?.message;
  return (
    codeOf(err) === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes('job_id')
  );
}

export class HistoryStore {
  readonly #db: KieDropDb;
  readonly #now: () => number;
  readonly #soonMs: number;
  readonly #lifetimeHours: () => number | null;
  readonly #statements = new Map<string, Database.Statement>();

  constructor(db: KieDropDb, opts: HistoryStoreOptions = {}) {
    this.#db = db;
    this.#now = opts.now ?? Date.now;
    this.#soonMs = opts.expiringSoonMs ?? DEFAULT_EXPIRING_SOON_MS;
    this.#lifetimeHours = opts.linkLifetimeHours ?? (() => null);
  }

  /** How long links are believed to live now, and why (see links/lifetime.ts). */
  lifetime(): LinkLifetime {
    return this.#guard(() => believedLifetime((sql) => this.#stmt(sql), this.#now(), this.#lifetimeHours()));
  }

  /** How much earlier than their stored expiry links are believed to die now. */
  expiryShiftMs(): number {
    return expiryShiftMs(this.lifetime());
  }

  /**
   * Records a successful upload. Throws DuplicateHistoryEntryError if its job already has an entry.
   * A renewOf whose entry was deleted meanwhile is stored as null rather than losing the upload.
   */
  insert(entry: NewHistoryEntry): HistoryEntry {
    const params = entryToParams(entry, this.#now());
    const id = this.#write(() => {
      try {
        const result = this.#stmt(
          `INSERT INTO history (job_id, local_path, local_mtime_ms, size, method, source, upload_path, file_name,
             file_path, download_url, mime_type, uploaded_at, expires_at, renew_of, created_at)
           VALUES (:job_id, :local_path, :local_mtime_ms, :size, :method, :source, :upload_path, :file_name,
             :file_path, :download_url, :mime_type, :uploaded_at, :expires_at,
             (SELECT id FROM history WHERE id = :renew_of), :created_at)`,
        ).run(params);
        return Number(result.lastInsertRowid);
      } catch (err) {
        if (entry.jobId !== null && isUniqueJobIdViolation(err)) {
          throw new DuplicateHistoryEntryError(entry.jobId, { cause: err });
        }
        if (entry.jobId !== null && codeOf(err) === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
          throw new Error(`Cannot record the upload: its job ${entry.jobId} does not exist.`, { cause: err });
        }
        throw err;
      }
    });
    const inserted = this.get(id);
    if (inserted === undefined) throw new Error(`History entry ${id} vanished right after it was recorded.`);
    return inserted;
  }

  get(id: number): HistoryEntry | undefined {
    return this.#one(`SELECT ${HISTORY_COLUMNS} FROM history WHERE id = ?`, [id]);
  }

  getByJobId(jobId: number): HistoryEntry | undefined {
    return this.#one(`SELECT ${HISTORY_COLUMNS} FROM history WHERE job_id = ?`, [jobId]);
  }

  /**
   * Newest first (uploaded_at DESC, id DESC), with the number of matches for pagination. A common
   * search counts only so far (totalIsLowerBound); one of 1–2 characters may cover only the newest
   * entries (searchedNewest). See history-query.ts.
   */
  list(q: HistoryQuery = {}): HistoryPage {
    const limit = pageBound(q.limit, DEFAULT_PAGE_SIZE, 'limit');
    const offset = pageBound(q.offset, 0, 'offset');
    const now = this.#now();
    const shift = this.expiryShiftMs();
    return this.#guard(() => {
      // Stored expiries are compared with a clock moved on by the shift (lifetime.ts): same indexes.
      const found = queryHistory((sql) => this.#stmt(sql), q, now + shift, this.#soonMs, limit, offset);
      const result: HistoryPage = {
        entries: found.rows.map((row) => rowToEntry(row, now, this.#soonMs, shift)),
        total: found.total,
      };
      if (found.totalIsLowerBound) result.totalIsLowerBound = true;
      if (found.searchedNewest !== null) result.searchedNewest = found.searchedNewest;
      return result;
    });
  }

  /**
   * Every entry the query selects (its limit, if any, caps how many; offset is ignored), newest first,
   * a page at a time: each page is one short query, so nothing waits on an export and memory stays flat.
   * Unlike list(), a search here always covers every entry.
   */
  *exportPages(q: HistoryQuery = {}, pageSize = 1000): Generator<HistoryEntry[]> {
    const now = this.#now();
    const shift = this.expiryShiftMs();
    let left = q.limit === undefined ? Infinity : pageBound(q.limit, 0, 'limit');
    const filter = this.#guard(() => {
      const f = statusFilter(q, now + shift, this.#soonMs);
      const search = searchText(q);
      if (search !== '') addSearchCondition(f, search, (sql) => this.#stmt(sql));
      return f;
    });
    let after: { at: number; id: number } | null = null;
    while (left > 0) {
      const rows = this.#guard(() =>
        exportPage((sql) => this.#stmt(sql), filter, after, Math.min(pageSize, left)),
      );
      if (rows.length === 0) return;
      const last = rows[rows.length - 1] ?? {};
      after = { at: Number(last['uploaded_at']), id: Number(last['id']) };
      left -= rows.length;
      yield rows.map((row) => rowToEntry(row, now, this.#soonMs, shift));
    }
  }

  /** Failed upload jobs, newest first, for the "failed" filter. */
  failedJobs(q: { limit?: number; offset?: number } = {}): { jobs: FailedJob[]; total: number } {
    const limit = pageBound(q.limit, DEFAULT_PAGE_SIZE, 'limit');
    const offset = pageBound(q.offset, 0, 'offset');
    return this.#guard(() => {
      const total = countOf(this.#stmt("SELECT count(*) FROM jobs WHERE status = 'failed'").raw().get());
      const rows = this.#stmt(
        `SELECT id, local_path, source_url, file_name, error_kind, last_error, error_code, error_params, attempts,
           finished_at
         FROM jobs WHERE status = 'failed' ORDER BY finished_at DESC, id DESC LIMIT ? OFFSET ?`,
      )
        .raw()
        .all(limit, offset) as unknown[][];
      const jobs = rows.map(
        ([
          id,
          localPath,
          sourceUrl,
          fileName,
          errorKind,
          lastError,
          code,
          params,
          attempts,
          finishedAt,
        ]): FailedJob => ({
          jobId: Number(id),
          localPath: (localPath as string | null) ?? null,
          sourceUrl: (sourceUrl as string | null) ?? null,
          fileName: String(fileName),
          errorKind: (errorKind as string | null) ?? null,
          lastError: (lastError as string | null) ?? null,
          errorCode: (code as string | null) ?? null,
          errorParams: parseJobErrorParams(params),
          attempts: Number(attempts),
          finishedAt: finishedAt === null || finishedAt === undefined ? null : Number(finishedAt),
        }),
      );
      return { jobs, total };
    });
  }

  /** The newest entry stored at that server path whose link still works and was not overwritten. */
  findLiveByFilePath(filePath: string): HistoryEntry | undefined {
    return this.#one(
      `SELECT ${HISTORY_COLUMNS} FROM history
       WHERE file_path = ? AND replaced_by IS NULL AND expires_at > ?
       ORDER BY uploaded_at DESC, id DESC LIMIT 1`,
      [filePath, this.#now() + this.expiryShiftMs()],
    );
  }

  /** The newest live, not overwritten entry uploaded under that upload path and name. Matched by name, not by
   * filePath: the server's filePath may carry a prefix (the account) that is only known after an upload. */
  findLiveByName(uploadPath: string, fileName: string): HistoryEntry | undefined {
    return this.#one(
      `SELECT ${HISTORY_COLUMNS} FROM history
       WHERE upload_path = ? AND file_name = ? AND replaced_by IS NULL AND expires_at > ?
       ORDER BY uploaded_at DESC, id DESC LIMIT 1`,
      [uploadPath, fileName, this.#now() + this.expiryShiftMs()],
    );
  }

  /** A later upload (newId) overwrote oldId's content. A missing oldId is not an error: it may have been deleted. */
  markReplaced(oldId: number, newId: number): void {
    this.#write(() => {
      try {
        this.#stmt('UPDATE history SET replaced_by = ? WHERE id = ?').run(newId, oldId);
      } catch (err) {
        if (codeOf(err) !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw err;
        throw new Error(`History entry ${newId} does not exist, so it cannot replace entry ${oldId}.`, {
          cause: err,
        });
      }
    });
  }

  /**
   * A keep-alive uploaded the same content again to the same link: its expiry moves on. A keep-alive that
   * followed a changed local file also records that file's size and time. Joins the caller's transaction.
   */
  moveExpiry(id: number, expiresAtMs: number, local?: { size: number; mtimeMs: number }): void {
    this.#write(() => {
      if (local === undefined) {
        this.#stmt('UPDATE history SET expires_at = ? WHERE id = ?').run(expiresAtMs, id);
      } else {
        this.#stmt('UPDATE history SET expires_at = ?, size = ?, local_mtime_ms = ? WHERE id = ?').run(
          expiresAtMs,
          local.size,
          local.mtimeMs,
          id,
        );
      }
    });
  }

  delete(id: number): boolean {
    return this.#write(() => this.#stmt('DELETE FROM history WHERE id = ?').run(id).changes > 0);
  }

  /** Deletes every entry whose link has expired; returns how many. */
  clearExpired(): number {
    const now = this.#now() + this.expiryShiftMs();
    return this.#write(() => this.#stmt('DELETE FROM history WHERE expires_at <= ?').run(now).changes);
  }

  /**
   * Every matching entry (up to the limit, if given) as one string: a JSON array, or CSV with a header
   * row. For small histories; large exports stream through history-export.ts.
   */
  exportAll(format: ExportFormat, q: HistoryQuery = {}): string {
    return exportText((query, size) => this.exportPages(query, size), format, q);
  }

  count(): number {
    return this.#guard(() => countOf(this.#stmt('SELECT count(*) FROM history').raw().get()));
  }

  #one(sql: string, params: unknown[]): HistoryEntry | undefined {
    const now = this.#now();
    const shift = this.expiryShiftMs();
    const row = this.#guard(() => this.#stmt(sql).get(...params)) as Record<string, unknown> | undefined;
    return row === undefined ? undefined : rowToEntry(row, now, this.#soonMs, shift);
  }

  // Statements are prepared once per SQL text: preparing costs more than a single-row insert.
  #stmt(sql: string): Database.Statement {
    let stmt = this.#statements.get(sql);
    if (stmt === undefined) {
      stmt = this.#db.conn.prepare(sql);
      this.#statements.set(sql, stmt);
    }
    return stmt;
  }

  // Every write runs inside BEGIN IMMEDIATE (joining the caller's transaction if there is one), so the
  // wait for the other process happens at BEGIN. A prepared statement that itself fails with
  // SQLITE_BUSY is left active by libsql, and then every later COMMIT on the connection fails.
  #write<T>(fn: () => T): T {
    return this.#guard(() => this.#db.transaction(fn));
  }

  #guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      // libsql does not reset a statement whose get() failed: every later call on it repeats the
      // same error. Preparing afresh after any failure keeps one bad moment from sticking.
      this.#statements.clear();
      throw asDatabaseError(err, this.#db.file);
    }
  }
}
