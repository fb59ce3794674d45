// SQLite's full PRAGMA quick_check, run in the background so that opening never waits for it. It runs on
// its own connection through libsql's promise API, whose exec() works on libsql's own thread: the
// event loop (the window's IPC, the uploads) keeps going while the whole file is read. That connection
// only ever calls exec(), so its close() is never deferred (see integrity-check.ts).
//
// A pending check keeps the process alive until SQLite finishes it (libsql cannot interrupt it from
// here), so it starts a little after opening: short commands end before it begins, and the first page
// of history is read first.

import { DatabaseError } from './database-error';
import { QUICK_CHECK_SQL, writeDamageMarker } from './integrity-check';

/** Stable code of a failed check, for the window and the CLI to branch on. */
export const DATABASE_DAMAGED = 'database-damaged';

export type IntegrityCheckOutcome =
  /** Passed within the interval, or the file is new: nothing to do. */
  | { status: 'not-due' }
  | { status: 'passed'; durationMs: number }
  /** Damage found. The file is left as it is; the next open checks it again and sets it aside. */
  | { status: 'failed'; code: typeof DATABASE_DAMAGED; message: string; error: DatabaseError }
  /** The database was closed before the check finished. */
  | { status: 'stopped' }
  /** The check itself could not run (the file was busy, an I/O error): the next open tries again. */
  | { status: 'not-run'; reason: string };

export interface BackgroundCheck {
  result: Promise<IntegrityCheckOutcome>;
  /** Gives up waiting for the check: `result` resolves as 'stopped' unless it already resolved. */
  stop(): void;
}

export interface BackgroundCheckOptions {
  delayMs: number;
  busyTimeoutMs: number;
  now: () => number;
  /** Called once the check passed and the database is still open: record it. */
  onPassed: () => void;
}

export function damagedMessage(file: string): string {
  return (
    `KieDrop's daily check of its database (${file}) found damage: PRAGMA quick_check failed. Nothing was ` +
    'deleted, and KieDrop goes on working with what it can read; uploads made meanwhile are recorded in ' +
    'the same file. Quit and restart KieDrop: it then moves the damaged file aside (keep it: your history ' +
    'may be recoverable from it) and starts a fresh database.'
  );
}

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function isDamage(err: unknown): boolean {
  const code = codeOf(err);
  // A failed verdict (the CHECK constraint), or SQLite hitting a bad page while reading.
  return (
    code.startsWith('SQLITE_CONSTRAINT') ||
    code.startsWith('SQLITE_CORRUPT') ||
    code.startsWith('SQLITE_NOTADB')
  );
}

async function quickCheck(file: string, busyTimeoutMs: number): Promise<void> {
  // Loaded when a check is due, not with the database: libsql's platform detection costs ~10 ms a load,
  // and most runs (every short CLI command) never check.
  const { default: PromiseDatabase } = await import('libsql/promise');
  const conn = new PromiseDatabase(file, { timeout: busyTimeoutMs });
  try {
    await conn.exec(`PRAGMA busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    await conn.exec(QUICK_CHECK_SQL);
  } finally {
    conn.close();
  }
}

export function notDue(): BackgroundCheck {
  return { result: Promise.resolve({ status: 'not-due' }), stop: () => undefined };
}

/** Starts the full check of `file` after `delayMs`. */
export function scheduleIntegrityCheck(file: string, o: BackgroundCheckOptions): BackgroundCheck {
  let settle: (outcome: IntegrityCheckOutcome) => void = () => undefined;
  let settled = false;
  const result = new Promise<IntegrityCheckOutcome>((resolve) => {
    settle = (outcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
  });

  const run = async (): Promise<void> => {
    const started = o.now();
    try {
      await quickCheck(file, o.busyTimeoutMs);
      if (settled) return;
      o.onPassed();
      settle({ status: 'passed', durationMs: o.now() - started });
    } catch (err) {
      if (!isDamage(err)) {
        settle({ status: 'not-run', reason: err instanceof Error ? err.message : String(err) });
        return;
      }
      // Even when nobody waits any more: the next open must know.
      writeDamageMarker(file, o.now());
      const message = damagedMessage(file);
      const error = new DatabaseError('corrupt', message, { code: 'SQLITE_CORRUPT', cause: err });
      settle({ status: 'failed', code: DATABASE_DAMAGED, message, error });
    }
  };

  const timer = setTimeout(() => void run(), Math.max(0, o.delayMs));
  // A command that ends before the check begins does not wait for it.
  timer.unref();
  return {
    result,
    stop() {
      clearTimeout(timer);
      settle({ status: 'stopped' });
    },
  };
}
