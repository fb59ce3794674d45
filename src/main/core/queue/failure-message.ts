// What a job records about a failed attempt: the client's own message (it already says what to do),
// plus the raw answer when the server sent something unusable, so it can be reported; and beside it the
// failure's stable code and params, so the window and the command line never read the sentence.
import { isApiError } from '../api';
import { toDatabaseError } from '../db';
import { uploadFailureCode } from '../error-codes';
import type { JobFailure } from './job-store';

export function failureMessage(err: unknown): string {
  if (isApiError(err)) {
    if (err.kind === 'invalid-response' && err.rawBody !== undefined) {
      return `${err.message} The server's answer was: ${err.rawBody}`;
    }
    return err.message;
  }
  const dbErr = toDatabaseError(err);
  if (dbErr)
    return `${dbErr.message} The upload will be repeated to the same location, so no duplicate is recorded.`;
  const detail = err instanceof Error ? err.message : String(err);
  return `Unexpected error while uploading: ${detail}`;
}

/** The failure `err` as a job records it. `localPath`: the file the job sends, which names a local-file
 * failure whose message does not. */
export function jobFailure(err: unknown, errorKind: string, localPath: string | null): JobFailure {
  const coded = uploadFailureCode(err, localPath);
  return {
    errorKind,
    lastError: failureMessage(err),
    errorCode: coded.code,
    errorParams: coded.params ?? null,
  };
}

/** A transient failure given up: the count is a param (`gaveUpAfter`), and said in the English sentence. */
export function gaveUp(failure: JobFailure, attempts: number): JobFailure {
  const plural = attempts === 1 ? '' : 's';
  return {
    ...failure,
    lastError: `${failure.lastError ?? ''} (Gave up after ${attempts} attempt${plural}.)`,
    errorParams: { ...failure.errorParams, gaveUpAfter: attempts },
  };
}

export const AUTH_PAUSE_MESSAGE = 'API key rejected — save a new key to continue';
export const NO_KEY_PAUSE_MESSAGE = 'No API key is saved — save one to continue';
export const FILE_CHANGED_NOTICE = 'The file changed after it was queued; the newer content was uploaded.';
