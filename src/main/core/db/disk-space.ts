// SQLite reports a full disk as SQLITE_FULL only where it writes pages; growing the -shm index fails as
// SQLITE_IOERR_SHMSIZE and creating a file as SQLITE_CANTOPEN. So an I/O failure is checked against
// the disk itself before it is called "a disk or permission problem".

import { statfsSync } from 'node:fs';

/** Below this much free space an I/O failure is taken to be the full disk: SQLite's -shm alone needs 32 KiB. */
export const NEARLY_FULL_BYTES = 1024 * 1024;

/** True when the file system holding `dir` has (almost) no space or no free file slots left for this process. */
export function diskIsFull(dir: string): boolean {
  try {
    const s = statfsSync(dir);
    // Root may use the blocks reserved for it; everyone else only the available ones.
    const blocks = process.getuid?.() === 0 ? s.bfree : s.bavail;
    return blocks * s.bsize < NEARLY_FULL_BYTES || (s.files > 0 && s.ffree === 0);
  } catch {
    return false;
  }
}
