// Opens the one SQLite file the app and the CLI share. WAL lets one process read while the other
// writes; busy_timeout makes a writer wait for the other instead of failing; BEGIN IMMEDIATE takes the
// write lock up front so two processes never deadlock upgrading read locks. A file that is not a
// database or is damaged is set aside (never deleted) and a fresh one is created. A file this user may
// not read or write is not damaged: it is left as it is and the error says whose it is and what to run.
// SQLite's full integrity check never delays opening: it runs in the background (background-check.ts).

import { mkdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import Database from 'libsql';
import { findAccessProblems, repairOwnCompanions } from './access-problems';
import { DatabaseError, asDatabaseError, kindOfCode, toDatabaseError } from './database-error';
import { runMigrations, type Migration, MIGRATIONS } from './migrations';
import {
  notDue,
  scheduleIntegrityCheck,
  type BackgroundCheck,
  type IntegrityCheckOutcome,
} from './background-check';
import {
  DEFAULT_INTEGRITY_CHECK_INTERVAL_MS,
  UnusableFileError,
  inspectDatabaseFile,
  lastCheckAt,
  recordIntegrityCheck,
  removeDamageMarker,
} from './integrity-check';
import { enterWalMode } from './enter-wal-mode';
import { moveAside } from './move-aside';
import { fullAtOpenMessage, openFailure } from './open-failure';
import { permissionError } from './permission-error';

export interface KieDropDb {
  conn: Database.Database;
  file: string;
  /** Set when the file was unreadable/corrupt on open: it was moved aside to `movedTo` and a fresh one created. */
  recovered: { movedTo: string; reason: string } | null;
  /**
   * The background integrity check: resolves once it passed or failed, at once when none was due, and
   * as 'stopped' when the database is closed first. Never rejects.
   */
  integrityCheck: Promise<IntegrityCheckOutcome>;
  /** BEGIN IMMEDIATE … COMMIT (rolls back on throw). Synchronous. Safe to call from both processes sharing the file. */
  transaction<T>(fn: () => T): T;
  close(): void;
}

export interface OpenDatabaseOptions {
  /** How long a write waits for the other process before failing as 'locked'. Default 5 s. */
  busyTimeoutMs?: number;
  /** Clock for the `.corrupt-<stamp>` name. */
  now?: () => Date;
  /** Full PRAGMA quick_check (in the background) at most this often. 0 = on every open. */
  integrityCheckIntervalMs?: number;
  /** How long after opening the background check starts. Default 3 s: short commands end first. */
  integrityCheckDelayMs?: number;
  /** For tests of the migration runner; the app always uses the built-in list. */
  migrations?: readonly Migration[];
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5_000;
export const DEFAULT_INTEGRITY_CHECK_DELAY_MS = 3_000;
// SQLite's default page cache is 2 MiB; at a million entries a count or a search then rereads the same
// index pages from the OS on every keystroke. 32 MiB keeps the hot ones (measured: count(*) 10 ms → 0.5 ms).
const CACHE_KIB = 32 * 1024;

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

interface ConnectOptions {
  busyTimeoutMs: number;
  integrityCheckIntervalMs: number;
  integrityCheckDelayMs: number;
  migrations: readonly Migration[];
  nowMs: number;
}

function connect(file: string, o: ConnectOptions): Database.Database {
  const conn = new Database(file, { timeout: o.busyTimeoutMs });
  try {
    conn.exec(`PRAGMA busy_timeout = ${o.busyTimeoutMs}`);
    enterWalMode(conn, o.busyTimeoutMs);
    // In WAL mode NORMAL cannot corrupt the file; a power cut may only lose the last commits.
    conn.exec('PRAGMA synchronous = NORMAL');
    conn.exec('PRAGMA foreign_keys = ON');
    conn.exec(`PRAGMA cache_size = -${CACHE_KIB}`);
    runMigrations(conn, o.migrations);
    return conn;
  } catch (err) {
    try {
      conn.close();
    } catch {
      // Already failing; the original error is the useful one.
    }
    throw err;
  }
}

/**
 * A reason to set the file aside, or null when the error is not about the file's contents. Never for
 * permission or I/O errors (EACCES, SQLITE_CANTOPEN, SQLITE_READONLY…): the file may be perfectly good.
 */
function unusableReason(err: unknown): string | null {
  if (err instanceof UnusableFileError) return err.message;
  const mapped = toDatabaseError(err);
  const code = mapped?.code;
  if (code !== undefined && code.startsWith('SQLITE_NOTADB')) return 'it is not a SQLite database';
  if (code !== undefined && kindOfCode(code) === 'corrupt') {
    const detail = mapped?.cause instanceof Error ? mapped.cause.message : 'damaged';
    return `it is damaged (${detail})`;
  }
  return null;
}

function ensureFolder(file: string): void {
  const dir = path.dirname(file);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? String(err);
    if (reason === 'ENOSPC') throw new DatabaseError('full', fullAtOpenMessage(file), { cause: err });
    throw new DatabaseError(
      'io',
      `KieDrop could not create its data folder ${dir} (${reason}). Check that you may write there, or set KIEDROP_DATA_DIR to another folder.`,
      { cause: err },
    );
  }
  if (statOrNull(file)?.isDirectory()) {
    throw new DatabaseError(
      'io',
      `${file} is a folder, not the KieDrop database file. Rename or move that folder, then start KieDrop again.`,
    );
  }
}

function wrap(
  conn: Database.Database,
  file: string,
  recovered: KieDropDb['recovered'],
  check: BackgroundCheck,
): KieDropDb {
  let depth = 0;
  let closed = false;
  return {
    conn,
    file,
    recovered,
    integrityCheck: check.result,
    transaction<T>(fn: () => T): T {
      // Nested calls join the outer transaction through a savepoint, so an inner failure that the
      // outer code catches undoes only the inner part.
      const nested = depth > 0 || conn.inTransaction;
      const savepoint = `kiedrop_${depth}`;
      try {
        conn.exec(nested ? `SAVEPOINT ${savepoint}` : 'BEGIN IMMEDIATE');
      } catch (err) {
        throw asDatabaseError(err, file);
      }
      depth++;
      try {
        const result = fn();
        if (result instanceof Promise) {
          throw new TypeError(
            'transaction() callbacks must be synchronous: the lock would be held across an await.',
          );
        }
        conn.exec(nested ? `RELEASE ${savepoint}` : 'COMMIT');
        return result;
      } catch (err) {
        // SQLite may already have rolled the whole transaction back itself (e.g. on a full disk).
        if (conn.inTransaction) {
          try {
            conn.exec(nested ? `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}` : 'ROLLBACK');
          } catch {
            // The transaction is gone either way; report the error that caused it.
          }
        }
        throw asDatabaseError(err, file);
      } finally {
        depth--;
      }
    },
    close(): void {
      if (closed) return;
      closed = true;
      check.stop();
      try {
        // Keeps query plans good as the history grows; cheap when there is nothing to do.
        conn.exec('PRAGMA optimize');
        // libsql defers the real close until its statements are garbage-collected, so SQLite's own
        // checkpoint-on-close may never run: copy the WAL into the main file now, without waiting
        // for the other process, so a file copied after quitting holds everything.
        conn.exec('PRAGMA busy_timeout = 0');
        conn.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      } catch {
        // Housekeeping only; the next open replays whatever is left in the WAL.
      }
      conn.close();
    },
  };
}

/**
 * Inspects the file; if it is unusable, sets it aside and starts a fresh one. Runs before the real
 * connection exists, so nothing in this process still holds the bad file when it is moved.
 */
function inspectOrSetAside(file: string, o: ConnectOptions, now: () => Date): KieDropDb['recovered'] {
  const inspect = (): void => inspectDatabaseFile(file, { busyTimeoutMs: o.busyTimeoutMs });
  const before = statOrNull(file);
  try {
    inspect();
    return null;
  } catch (err) {
    const reason = unusableReason(err);
    if (reason === null) throw openFailure(err, file);

    // The other process may have set the bad file aside and created a fresh one meanwhile.
    const current = statOrNull(file);
    if (before !== null && current !== null && (before.ino !== current.ino || before.dev !== current.dev)) {
      return inspectOrSetAside(file, o, now);
    }

    let movedTo: string;
    try {
      movedTo = moveAside(file, now());
    } catch (moveErr) {
      const mapped = toDatabaseError(err);
      const code = (moveErr as NodeJS.ErrnoException).code ?? String(moveErr);
      throw new DatabaseError(
        mapped?.kind ?? 'corrupt',
        `The KieDrop database ${file} cannot be used because ${reason}, and it could not be moved aside (${code}). ` +
          'Move or rename that file yourself, then start KieDrop again; it will create a fresh one.',
        { code: mapped?.code, cause: err },
      );
    }
    // The marker spoke of the file just set aside, not of the fresh one.
    removeDamageMarker(file);
    try {
      // Creates the fresh file.
      inspect();
      return { movedTo, reason };
    } catch (freshErr) {
      throw openFailure(freshErr, file);
    }
  }
}

/** A new file is sound by definition; an existing one is checked when its last passed check is too old. */
function checkDue(conn: Database.Database, o: ConnectOptions, isNew: boolean): boolean {
  if (isNew) {
    recordIntegrityCheck(conn, o.nowMs, o.busyTimeoutMs);
    return false;
  }
  if (o.integrityCheckIntervalMs <= 0) return true;
  const last = lastCheckAt(conn);
  // A check "from the future" means the clock was wrong then or now: check again.
  return last === null || last > o.nowMs || o.nowMs - last >= o.integrityCheckIntervalMs;
}

function backgroundCheck(
  conn: Database.Database,
  file: string,
  o: ConnectOptions,
  isNew: boolean,
  now: () => number,
): BackgroundCheck {
  if (!checkDue(conn, o, isNew)) return notDue();
  let closed = false;
  const check = scheduleIntegrityCheck(file, {
    delayMs: o.integrityCheckDelayMs,
    busyTimeoutMs: o.busyTimeoutMs,
    now,
    onPassed: () => {
      if (!closed) recordIntegrityCheck(conn, now(), o.busyTimeoutMs);
    },
  });
  return {
    result: check.result,
    stop() {
      closed = true;
      check.stop();
    },
  };
}

/** Opens (creating if needed) the database at `file` and brings its schema up to date. */
export function openDatabase(file: string, opts: OpenDatabaseOptions = {}): KieDropDb {
  const now = opts.now ?? (() => new Date());
  const o: ConnectOptions = {
    busyTimeoutMs: Math.max(0, Math.trunc(opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS)),
    integrityCheckIntervalMs: opts.integrityCheckIntervalMs ?? DEFAULT_INTEGRITY_CHECK_INTERVAL_MS,
    integrityCheckDelayMs: opts.integrityCheckDelayMs ?? DEFAULT_INTEGRITY_CHECK_DELAY_MS,
    migrations: opts.migrations ?? MIGRATIONS,
    nowMs: now().getTime(),
  };
  ensureFolder(file);
  // Before SQLite sees the file: it would open one it may not write read-only, without a word.
  repairOwnCompanions(file);
  const problems = findAccessProblems(file);
  if (problems.length > 0) throw permissionError(file, problems);
  const existed = statOrNull(file) !== null;
  const recovered = inspectOrSetAside(file, o, now);
  try {
    const conn = connect(file, o);
    const isNew = !existed || recovered !== null;
    return wrap(
      conn,
      file,
      recovered,
      backgroundCheck(conn, file, o, isNew, () => now().getTime()),
    );
  } catch (err) {
    throw openFailure(err, file);
  }
}
