// Decides whether an existing file can be used, on a throwaway connection that only ever calls exec().
// Why: libsql's close() is deferred while any prepared statement is still alive (until garbage
// collection), and such a half-closed connection to a file that has since been moved aside would later
// delete the fresh database's -wal file by name. A connection that never prepared a statement closes
// at once.
//
// Opening only does what is cheap: the first read (garbage fails there with SQLITE_NOTADB, a truncated
// file with SQLITE_CORRUPT or on the size check below). SQLite's full PRAGMA quick_check reads the whole
// file (4.5 s at a million entries), so it runs in the background once a day (background-check.ts); a
// failure there leaves a marker next to the file, and the next open checks that file in full before
// using it and sets it aside if the damage is confirmed.

import { closeSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Database from 'libsql';
import { enterWalMode } from './enter-wal-mode';

export const DEFAULT_INTEGRITY_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;
export const LAST_CHECK_KEY = 'last_integrity_check_at';

/** The verdict travels as a CHECK constraint: exec() returns no rows. */
export const QUICK_CHECK_SQL =
  'CREATE TEMP TABLE IF NOT EXISTS kiedrop_integrity (ok INTEGER NOT NULL CHECK (ok = 1));' +
  "INSERT INTO temp.kiedrop_integrity SELECT (SELECT count(*) = 1 AND min(quick_check) = 'ok' FROM pragma_quick_check)";

export const QUICK_CHECK_FAILED = "it failed SQLite's integrity check (PRAGMA quick_check)";

/** The file exists but cannot be used as it is; the message completes "…because ". */
export class UnusableFileError extends Error {}

export interface InspectOptions {
  busyTimeoutMs: number;
}

/** Written next to the database when the background check found damage; the next open acts on it. */
export function damageMarkerPath(file: string): string {
  return `${file}.damaged`;
}

export function writeDamageMarker(file: string, atMs: number): void {
  try {
    writeFileSync(
      damageMarkerPath(file),
      `${JSON.stringify({ detectedAt: new Date(atMs).toISOString() })}\n`,
    );
  } catch {
    // Best effort: the user was told, and the next daily check finds the damage again.
  }
}

export function removeDamageMarker(file: string): void {
  rmSync(damageMarkerPath(file), { force: true });
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

function nonEmpty(p: string): boolean {
  try {
    return statSync(p).size > 0;
  } catch {
    return false;
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
 * A file cut short (a copy that did not finish, a full disk) can still have a readable first page, and
 * SQLite only notices the missing pages when a query reaches them. The header says how many pages the
 * file has (valid when its change counter matches, as SQLite itself decides); fewer bytes on disk means
 * pages are gone. Only checked when the -wal is empty, since the WAL may legitimately hold the tail.
 */
function truncatedBy(file: string): number {
  if (nonEmpty(`${file}-wal`)) return 0;
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return 0;
  }
  try {
    const header = Buffer.alloc(100);
    if (readSync(fd, header, 0, 100, 0) < 100) return 0;
    if (header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return 0;
    const rawPageSize = header.readUInt16BE(16);
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
    const pages = header.readUInt32BE(28);
    if (pages === 0 || header.readUInt32BE(24) !== header.readUInt32BE(92)) return 0;
    const size = statSync(file).size;
    return Math.max(0, pages * pageSize - size);
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens `file` (creating it if missing), switches it to WAL and parses its schema. When an earlier
 * background check left a damage marker, runs PRAGMA quick_check now. Throws UnusableFileError for a
 * file that cannot be used, the SQLite error for anything else.
 */
export function inspectDatabaseFile(file: string, o: InspectOptions): void {
  const missing = truncatedBy(file);
  if (missing > 0) throw new UnusableFileError(`it is damaged (cut short: ${missing} bytes are missing)`);
  const conn = new Database(file, { timeout: o.busyTimeoutMs });
  try {
    conn.exec(`PRAGMA busy_timeout = ${int(o.busyTimeoutMs)}`);
    // The first read: garbage fails here with SQLITE_NOTADB, a truncated file with SQLITE_CORRUPT.
    enterWalMode(conn, o.busyTimeoutMs);
    conn.exec('SELECT count(*) FROM sqlite_schema');
    if (!exists(damageMarkerPath(file))) return;
    try {
      conn.exec(QUICK_CHECK_SQL);
    } catch (err) {
      if (codeOf(err).startsWith('SQLITE_CONSTRAINT')) throw new UnusableFileError(QUICK_CHECK_FAILED);
      throw err;
    }
    // Checked in full and sound after all (restored from a backup, say): use it.
    removeDamageMarker(file);
  } finally {
    conn.close();
  }
}

/** When the last full check passed (ms), or null when never or unknown. */
export function lastCheckAt(conn: Database.Database): number | null {
  try {
    const row = conn.prepare(`SELECT value FROM meta WHERE key = '${LAST_CHECK_KEY}'`).raw().get() as
      unknown[] | undefined;
    const value = Number(row?.[0]);
    return row === undefined || !Number.isFinite(value) ? null : value;
  } catch {
    return null;
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
