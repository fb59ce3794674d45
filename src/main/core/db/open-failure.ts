// What to report when opening the database fails for a reason other than its contents: a permission
// problem is named with its owner and fix, a full disk as a full disk, anything else as SQLite put it.

import path from 'node:path';
import { findAccessProblems } from './access-problems';
import { DatabaseError, toDatabaseError } from './database-error';
import { permissionError } from './permission-error';

export function fullAtOpenMessage(file: string): string {
  return (
    `The disk holding ${path.dirname(file)} is full, so KieDrop could not open its database (${file}). ` +
    'Nothing in it was lost; free some space on that disk, then try again.'
  );
}

/** The error to throw for `err`, raised while opening `file`. */
export function openFailure(err: unknown, file: string): unknown {
  if (err instanceof DatabaseError) return err;
  const mapped = toDatabaseError(err, file);
  if (mapped === null) return err;
  if (mapped.kind === 'io' || mapped.kind === 'readonly') {
    // Checked again here: the files may have changed hands since the check before opening.
    const problems = findAccessProblems(file);
    if (problems.length > 0) return permissionError(file, problems);
  }
  if (mapped.kind === 'full') {
    return new DatabaseError('full', fullAtOpenMessage(file), { code: mapped.code, cause: err });
  }
  return mapped;
}
