// SQLite failures that a person can do something about, with a `kind` callers switch on and a message
// that says what happened and what to do. Anything else (constraint violations, SQL mistakes) is a bug
// or a caller's concern and is left as it is.

import path from 'node:path';
import { diskIsFull } from './disk-space';

export type DatabaseErrorKind = 'locked' | 'full' | 'corrupt' | 'readonly' | 'io';

export class DatabaseError extends Error {
  readonly kind: DatabaseErrorKind;
  /** The SQLite result code name, e.g. 'SQLITE_BUSY', when known. */
  readonly code: string | undefined;

  constructor(kind: DatabaseErrorKind, message: string, options?: { code?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DatabaseError';
    this.kind = kind;
    this.code = options?.code;
  }
}

// Primary result codes (the low byte of an extended code).
const PRIMARY_CODES: Record<number, string> = {
  3: 'SQLITE_PERM',
  5: 'SQLITE_BUSY',
  6: 'SQLITE_LOCKED',
  8: 'SQLITE_READONLY',
  10: 'SQLITE_IOERR',
  11: 'SQLITE_CORRUPT',
  13: 'SQLITE_FULL',
  14: 'SQLITE_CANTOPEN',
  26: 'SQLITE_NOTADB',
};

function where(file: string | undefined): string {
  return file === undefined ? 'The KieDrop database' : `The KieDrop database (${file})`;
}

export function messageFor(kind: DatabaseErrorKind, file?: string): string {
  switch (kind) {
    case 'locked':
      return 'The KieDrop database is locked by another program; close other KieDrop windows or try again.';
    case 'full':
      // True for every write: SQLite rolled the change back, so what was saved before is intact, and a
      // failed write leaves the upload job unfinished, so it is retried rather than forgotten.
      return (
        (file === undefined
          ? 'The disk holding the KieDrop database is full, so the last change could not be saved. '
          : `The disk holding ${path.dirname(file)} is full, so the last change to the KieDrop database (${file}) could not be saved. `) +
        'Nothing saved before was lost; free some space and try again — ' +
        'unfinished uploads are recorded once they succeed again.'
      );
    case 'corrupt':
      // Not "just restart": a large file is only fully checked once a day, so the start may not notice.
      return (
        `${where(file)} is damaged. Quit KieDrop, move that file to another folder (keep it: your history ` +
        'may be recoverable from it), then start KieDrop again to begin with a fresh one.'
      );
    case 'readonly':
      return `${where(file)} cannot be written to. Check that you own the file and its folder and that the disk is not read-only.`;
    case 'io':
      return (
        `${where(file)} could not be read or written (a disk or permission problem). Check the disk, and that ` +
        `you may read and write ${file === undefined ? 'the database' : `${file}, ${file}-wal and ${file}-shm`} ` +
        'and create files in their folder, then try again.'
      );
  }
}

function codeOf(err: object): string | undefined {
  const { code, rawCode } = err as { code?: unknown; rawCode?: unknown };
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return code;
  if (typeof rawCode === 'number') return PRIMARY_CODES[rawCode & 0xff];
  // libsql reports a failed open as `ConnectionFailed("Unable to open … : 14")` without a code.
  const message = (err as { message?: unknown }).message;
  if (typeof message === 'string') {
    const match = /ConnectionFailed\(.*:\s*(\d+)"?\)\s*$/s.exec(message);
    if (match?.[1] !== undefined) return PRIMARY_CODES[Number(match[1]) & 0xff];
  }
  return undefined;
}

export function kindOfCode(code: string): DatabaseErrorKind | null {
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked';
  if (code.startsWith('SQLITE_FULL')) return 'full';
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) return 'corrupt';
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM')) return 'readonly';
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return 'io';
  return null;
}

/**
 * Maps SQLite busy/locked/full/corrupt/not-a-database/read-only/I/O errors; null for anything else.
 * With `file`, an I/O failure on a full disk (and ENOSPC, from work on the database's files) is 'full'.
 */
export function toDatabaseError(err: unknown, file?: string): DatabaseError | null {
  if (err instanceof DatabaseError) return err;
  if (typeof err !== 'object' || err === null) return null;
  const errno = (err as { code?: unknown }).code;
  if (errno === 'ENOSPC' && file !== undefined) {
    return new DatabaseError('full', messageFor('full', file), { code: 'ENOSPC', cause: err });
  }
  const code = codeOf(err);
  if (code === undefined) return null;
  let kind = kindOfCode(code);
  if (kind === null) return null;
  if (kind === 'io' && file !== undefined && diskIsFull(path.dirname(file))) kind = 'full';
  return new DatabaseError(kind, messageFor(kind, file), { code, cause: err });
}

/** Rethrow helper: the DatabaseError for `err` if it maps to one, else `err` unchanged. */
export function asDatabaseError(err: unknown, file?: string): unknown {
  return toDatabaseError(err, file) ?? err;
}
