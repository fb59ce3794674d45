// Every failure that crosses to the window becomes { kind, message }: the kind to branch on, the message
// to show. Core errors already say what to do; this keeps their words and scrubs any secret from them.
import { isApiError } from '../api';
import { isClipboardUploadError } from '../clipboard';
import { isConfigError } from '../config';
import { toDatabaseError } from '../db';
import { DuplicateHistoryEntryError } from '../history';
import { NameCollisionError } from '../queue';
import { isKeychainError } from '../secrets';
import { SettingsError } from '../settings';
import { isShellIntegrationError } from '../shell-integration';
import type { IpcError } from '../../../shared/ipc-contract';

/** A failure raised by the app service itself, already phrased for the window. */
export class IpcFailure extends Error {
  readonly kind: string;

  constructor(kind: string, message: string) {
    super(message);
    this.name = 'IpcFailure';
    this.kind = kind;
  }
}

const MASK = '[redacted]';

/** Replaces every occurrence of each secret (4+ characters) in the text. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join(MASK);
  return out;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function classify(err: unknown): IpcError {
  if (err instanceof IpcFailure) return { kind: err.kind, message: err.message };
  if (isApiError(err)) return { kind: err.kind, message: err.message };
  if (isKeychainError(err)) return { kind: err.kind, message: err.message };
  if (err instanceof SettingsError) return { kind: err.kind, message: err.message };
  if (isConfigError(err)) return { kind: 'invalid-argument', message: err.message };
  if (isClipboardUploadError(err)) return { kind: err.kind, message: err.message };
  if (isShellIntegrationError(err)) return { kind: err.kind, message: err.message };
  if (err instanceof NameCollisionError) {
    return {
      kind: 'name-collision',
      message:
        `"${err.existing.filePath}" is already a live link (${err.existing.downloadUrl}). ` +
        'Upload anyway to make that link serve the new file, or choose another name.',
    };
  }
  if (err instanceof DuplicateHistoryEntryError) return { kind: 'conflict', message: err.message };
  const db = toDatabaseError(err);
  if (db) return { kind: db.kind, message: db.message };
  return { kind: 'internal', message: `Something unexpected went wrong: ${messageOf(err)}` };
}

export function toIpcError(err: unknown, secrets: readonly string[] = []): IpcError {
  const { kind, message } = classify(err);
  return { kind, message: scrubSecrets(message, secrets) };
}
