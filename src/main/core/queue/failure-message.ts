// The sentence stored in a job's last_error: the client's own message (it already says what to
// do), plus the raw answer when the server sent something unusable, so it can be reported.
import { isApiError } from '../api';
import { toDatabaseError } from '../db';

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

export function gaveUpMessage(message: string, attempts: number): string {
  return `${message} (Gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}.)`;
}

export const AUTH_PAUSE_MESSAGE = 'API key rejected — save a new key to continue';
export const NO_KEY_PAUSE_MESSAGE = 'No API key is saved — save one to continue';
export const FILE_CHANGED_NOTICE = 'The file changed after it was queued; the newer content was uploaded.';
