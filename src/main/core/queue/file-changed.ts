// A file that changed while it was being sent never reached the server whole (the client stops
// before the body's end). It is sent again from the start, with a note on the job; a file that
// keeps changing — still being written, or rewritten on a timer — is given up with a message that
// says so, rather than retried until the attempts run out with a vague one.
import { basename } from 'node:path';
import { isFileChangedError } from '../api/file-identity';
import type { JobFailure } from './job-store';

/** Changes in a row, each caught while sending, before the job fails. */
export const MAX_CHANGES_IN_A_ROW = 3;

export const FILE_REWRITTEN_NOTICE =
  'The file changed while it was being uploaded, so it was sent again from the start; the link has the newer content.';

/** Why the attempt stopped, for the job's last error while it waits to be sent again. */
export function resendFailure(path: string, err: unknown, errorKind: string): JobFailure {
  const how = isFileChangedError(err) ? ` (${err.how})` : '';
  return {
    errorKind,
    lastError: `${path} changed while it was being uploaded${how}; it will be sent again from the start.`,
    errorCode: 'file.resending',
    errorParams: { name: basename(path), path },
  };
}

export function keptChangingFailure(path: string, times: number): JobFailure {
  return {
    errorKind: 'local-file',
    lastError:
      `${path} kept changing while it was being uploaded (${times} times in a row); it was not uploaded. ` +
      'Wait until it is no longer being written, then upload it again.',
    errorCode: 'file.changed',
    errorParams: { name: basename(path), path },
  };
}

/** Consecutive changes per job, for this process's attempts. */
export interface ChangeStreaks {
  /** One more change for `id`; returns how many in a row. */
  bump(id: number): number;
  reset(id: number): void;
}

export function createChangeStreaks(): ChangeStreaks {
  const streaks = new Map<number, number>();
  return {
    bump(id) {
      const n = (streaks.get(id) ?? 0) + 1;
      streaks.set(id, n);
      return n;
    },
    reset(id) {
      streaks.delete(id);
    },
  };
}
