// Decides whether an existing file can be used, on a throwaway connection that only ever calls exec().
// Why: libsql's close() is deferred while any prepared statement is still alive (until garbage
// collection), and such a half-closed connection to a file that has since been moved aside would later
// delete the fresh database's -wal file by name. A connection that never prepared a statement closes
// at once.
//
// PRAGMA quick_check reads the whole file (about 5 ms per MB), too slow for every start once the
// history is large. Files up to 8 MiB are checked on every open; larger ones when the last passed check
// (kept in the meta table) is over a day old. Garbage and truncated files need no full check: SQLite
// refuses them on the first read.

import { statSync } from 'node:fs';
import Database from 'libsql';
import { enterWalMode } from './enter-wal-mode';

export const FULL_CHECK_MAX_BYTES = 8 * 1024 * 1024;
export const DEFAULT_INTEGRITY_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;
export const LAST_CHECK_KEY = 'last_integrity_check_at';

/** The file exists but cannot be used as it is; the message completes "…because ". */
export class UnusableFileError extends Error {}

export interface InspectOptions {
  busyTimeoutMs: number;
  nowMs: number;
  intervalMs: number;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function int(n: number): string {
  return String(Math.trunc(n));
}

/**
 * Opens `file` (creating it if missing), switches it to WAL, parses its schema and, when due, runs
 * PRAGMA quick_check. Throws UnusableFileError for a failed check, the SQLite error for anything else.
 * Returns true when a check passed that still has to be recorded (the meta table did not exist yet).
 */
export function inspectDatabaseFile(file: string, o: InspectOptions): boolean {
  const conn = new Database(file, { timeout: o.busyTimeoutMs });
  try {
    conn.exec(`PRAGMA busy_timeout = ${int(o.busyTimeoutMs)}`);
    // The first read: garbage fails here with SQLITE_NOTADB, a truncated file with SQLITE_CORRUPT.
    enterWalMode(conn, o.busyTimeoutMs);
    conn.exec('SELECT count(*) FROM sqlite_schema');

    // exec() returns no rows, so the verdict travels as a CHECK constraint on a temporary table.
    conn.exec('CREATE TEMP TABLE kiedrop_integrity (ok INTEGER NOT NULL CHECK (ok = 1))');
    const check =
      "INSERT INTO temp.kiedrop_integrity SELECT (SELECT count(*) = 1 AND min(quick_check) = 'ok' FROM pragma_quick_check)";
    const since = Number.isFinite(o.intervalMs) ? o.nowMs - o.intervalMs : 0;
    const notCheckedRecently =
      `NOT EXISTS (SELECT 1 FROM main.meta WHERE key = '${LAST_CHECK_KEY}' ` +
      `AND CAST(value AS INTEGER) > ${int(since)} AND CAST(value AS INTEGER) <= ${int(o.nowMs)})`;
    let unrecorded = false;
    try {
      if (sizeOf(file) + sizeOf(`${file}-wal`) <= FULL_CHECK_MAX_BYTES || o.intervalMs <= 0) {
        conn.exec(check);
      } else {
        try {
          conn.exec(`${check} WHERE ${notCheckedRecently}`);
        } catch (err) {
          // A file from before the meta table existed: check it now.
          if (!(err instanceof Error && err.message.includes('no such table'))) throw err;
          conn.exec(check);
        }
      }
    } catch (err) {
      if (codeOf(err).startsWith('SQLITE_CONSTRAINT')) {
        throw new UnusableFileError("it failed SQLite's integrity check (PRAGMA quick_check)");
      }
      throw err;
    }

    // Remember a passed check. Best effort and without waiting: if the other process is writing,
    // the next start simply checks again.
    try {
      conn.exec('PRAGMA busy_timeout = 0');
      conn.exec(
        `INSERT OR REPLACE INTO main.meta (key, value) SELECT '${LAST_CHECK_KEY}', '${int(o.nowMs)}' ` +
          'WHERE EXISTS (SELECT 1 FROM temp.kiedrop_integrity)',
      );
    } catch (err) {
      // No meta table yet (a new or older file): recordIntegrityCheck() does it after the migrations.
      unrecorded = err instanceof Error && err.message.includes('no such table');
    }
    return unrecorded;
  } finally {
    conn.close();
  }
}

/** Records a passed check on the migrated connection; best effort, without waiting. */
export function recordIntegrityCheck(conn: Database.Database, nowMs: number, busyTimeoutMs: number): void {
  try {
    conn.exec('PRAGMA busy_timeout = 0');
    // exec, not a prepared statement: one that fails with SQLITE_BUSY stays active in libsql and
    // would make every later COMMIT on this connection fail.
    conn.exec(`INSERT OR REPLACE INTO meta (key, value) VALUES ('${LAST_CHECK_KEY}', '${int(nowMs)}')`);
  } catch {
    // The next start checks again.
  } finally {
    conn.exec(`PRAGMA busy_timeout = ${int(busyTimeoutMs)}`);
  }
}
