// Switching a file to WAL needs an exclusive lock, and SQLite answers SQLITE_BUSY at once, without
// waiting in its busy handler, when another connection is part-way through taking locks on the same file
// (it refuses rather than risk a deadlock). Two KieDrop processes opening a new file together — the app
// and the CLI — hit exactly that, so the switch is retried until the busy timeout runs out.
import type Database from 'libsql';

const RETRY_EVERY_MS = 20;

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `PRAGMA journal_mode = WAL`, waiting up to `busyTimeoutMs` for another process to let go. */
export function enterWalMode(conn: Database.Database, busyTimeoutMs: number): void {
  const deadline = Date.now() + busyTimeoutMs;
  for (;;) {
    try {
      conn.exec('PRAGMA journal_mode = WAL');
      return;
    } catch (err) {
      if (!isBusy(err) || Date.now() >= deadline) throw err;
      sleepSync(RETRY_EVERY_MS);
    }
  }
}
