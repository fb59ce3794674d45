// A stable code with plain parameters for each failure the window can show, so the window says it in the
// person's language; the English message stays for the CLI, the logs and as the fallback. Codes are
// derived here from the kinds and fields the core's errors already carry, in one place, rather than by
// every core module; the API client's part (which the upload queue stores on failed jobs too) lives in
// ../error-codes.
import { isApiError } from '../api';
import { isClipboardUploadError } from '../clipboard';
import { isConfigError } from '../config';
import { toDatabaseError } from '../db';
import { apiErrorCode, uploadPathCode } from '../error-codes';
import type { CodedError } from '../error-codes';
import { DuplicateHistoryEntryError } from '../history';
import { NameCollisionError } from '../queue';
import { isKeychainError } from '../secrets';
import { SettingsError } from '../settings';
import { isShellIntegrationError } from '../shell-integration';
import type { ErrorParams } from '../../../shared/ipc-contract';

export type { CodedError } from '../error-codes';

/** The code and params an IpcFailure was given, or the cause it wraps. */
export interface CodeSource {
  code?: string;
  params?: ErrorParams;
  cause?: unknown;
}

export function errorCodeOf(err: unknown): CodedError {
  if (isApiError(err)) return apiErrorCode(err);
  if (isKeychainError(err)) {
    return err.kind === 'invalid-key' ? { code: 'key.malformed' } : { code: `keychain.${err.kind}` };
  }
  if (err instanceof SettingsError) {
    return err.kind === 'write-failed'
      ? { code: 'settings.write-failed' }
      : (uploadPathCode(err.message) ?? {
          code: 'settings.invalid',
          params: err.field ? { field: err.field } : undefined,
        });
  }
  if (isConfigError(err)) return { code: 'settings.invalid' };
  if (isClipboardUploadError(err)) return { code: `clipboard.${err.kind.replace(/^clipboard-/u, '')}` };
  if (isShellIntegrationError(err)) return { code: `shell.${err.kind}` };
  if (err instanceof NameCollisionError) {
    return {
      code: 'name.collision',
      params: { name: `${err.existing.uploadPath}/${err.existing.fileName}`, url: err.existing.downloadUrl },
    };
  }
  if (err instanceof DuplicateHistoryEntryError) return { code: 'history.duplicate' };
  const db = toDatabaseError(err);
  if (db) return { code: `db.${db.kind}` };
  return { code: 'internal' };
}

/** An app-service failure: its own code if it has one, else its cause's, else one made from its kind. */
export function failureCode(kind: string, source: CodeSource): CodedError {
  if (source.code) return { code: source.code, params: source.params };
  if (source.cause !== undefined) {
    const fromCause = errorCodeOf(source.cause);
    if (fromCause.code !== 'internal') return fromCause;
  }
  return { code: `app.${kind}` };
}

/** A call the IPC validators refused before it reached a handler: by what its message names. */
export function refusalCode(message: string): CodedError {
  return uploadPathCode(message) ?? { code: 'input.invalid' };
}
