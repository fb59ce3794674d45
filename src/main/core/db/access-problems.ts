// Finds what stops this process from reading and writing the database, before SQLite opens it. SQLite
// itself is a poor judge: a file it may only read it silently opens read-only (and then gives the -wal
// and -shm files it creates that read-only mode, which later blocks writing even once the database is
// writable again), and a file it may not read at all it reports as SQLITE_CANTOPEN, which says nothing
// about whose file it is.

import { accessSync, chmodSync, constants, statSync, type Stats } from 'node:fs';
import path from 'node:path';

export const COMPANION_SUFFIXES = ['-wal', '-shm'] as const;

export interface AccessProblem {
  path: string;
  what: 'database' | 'companion' | 'folder';
  /** Owner and permission bits, from stat. */
  uid: number;
  mode: number;
  /** This process may still read it (only writing is refused). */
  readable: boolean;
  /** The file system itself is mounted read-only. */
  readOnlyFileSystem: boolean;
}

function statOrNull(p: string): Stats | null {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

function refusal(p: string, mode: number): string | null {
  try {
    accessSync(p, mode);
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    return code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? code : null;
  }
}

function check(p: string, what: AccessProblem['what'], s: Stats): AccessProblem | null {
  // The folder must let SQLite create and delete the -wal and -shm files next to the database.
  const needed = what === 'folder' ? constants.W_OK | constants.X_OK : constants.R_OK | constants.W_OK;
  const code = refusal(p, needed);
  if (code === null) return null;
  const readable = refusal(p, what === 'folder' ? constants.X_OK : constants.R_OK) === null;
  return { path: p, what, uid: s.uid, mode: s.mode & 0o7777, readable, readOnlyFileSystem: code === 'EROFS' };
}

/** Everything among the database, its -wal and -shm files and its folder that this process may not use. */
export function findAccessProblems(file: string): AccessProblem[] {
  const problems: AccessProblem[] = [];
  const items: [string, AccessProblem['what']][] = [
    [file, 'database'],
    ...COMPANION_SUFFIXES.map((s): [string, AccessProblem['what']] => [file + s, 'companion']),
    [path.dirname(file), 'folder'],
  ];
  for (const [p, what] of items) {
    const s = statOrNull(p);
    if (s === null) continue;
    const problem = check(p, what, s);
    if (problem !== null) problems.push(problem);
  }
  return problems;
}

/**
 * Gives this user's own -wal and -shm files back their owner read and write bits. A read-only open
 * (an older KieDrop, the sqlite3 shell) creates them with the database's read-only mode, and they
 * outlive it: without this, the database stays unwritable after the user makes it writable again.
 * Best effort; whatever is still wrong is reported by findAccessProblems.
 */
export function repairOwnCompanions(file: string): void {
  const uid = process.getuid?.();
  if (uid === undefined) return;
  for (const suffix of COMPANION_SUFFIXES) {
    const s = statOrNull(file + suffix);
    if (s === null || !s.isFile() || s.uid !== uid || (s.mode & 0o600) === 0o600) continue;
    try {
      chmodSync(file + suffix, (s.mode & 0o7777) | 0o600);
    } catch {
      // Reported below as what it is.
    }
  }
}
