// Sets a damaged or unreadable database file aside instead of deleting it: the user's history may still
// be recoverable by hand, so it is renamed (with its -wal and -shm companions) next to the original.

import { existsSync, renameSync } from 'node:fs';

const COMPANIONS = ['-wal', '-shm'] as const;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `YYYYMMDD-HHMMSS` in local time, the time a person will look for in their file manager. */
export function corruptStamp(date: Date): string {
  return (
    `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-` +
    `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`
  );
}

/** A free name `<file>.corrupt-<stamp>` (with `-2`, `-3`… if one was already set aside that second). */
export function asideName(file: string, date: Date): string {
  const base = `${file}.corrupt-${corruptStamp(date)}`;
  let candidate = base;
  for (let n = 2; existsSync(candidate) || COMPANIONS.some((s) => existsSync(candidate + s)); n++) {
    candidate = `${base}-${n}`;
  }
  return candidate;
}

/**
 * Renames `file` and its -wal/-shm files to `<file>.corrupt-<stamp>` (+ the same suffixes, so SQLite
 * still pairs them if someone opens the moved file). Returns the new path. Throws the fs error, with
 * everything put back, if any of them cannot be moved.
 */
export function moveAside(file: string, date: Date = new Date()): string {
  const target = asideName(file, date);
  // Companions first: a -wal left next to a fresh database would be replayed into it.
  const moves = [...COMPANIONS.map((s) => [file + s, target + s] as const), [file, target] as const];
  const done: (readonly [string, string])[] = [];
  try {
    for (const [from, to] of moves) {
      if (from !== file && !existsSync(from)) continue;
      renameSync(from, to);
      done.push([from, to]);
    }
  } catch (err) {
    for (const [from, to] of done.reverse()) {
      try {
        renameSync(to, from);
      } catch {
        // Best effort: the caller reports the original failure.
      }
    }
    throw err;
  }
  return target;
}
