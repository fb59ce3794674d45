// Every failure that crosses to the window becomes { kind, message, code, params }: the kind to branch on,
// the English message (CLI, logs, fallback), and a stable code with params the window translates
// (error-codes.ts). Core errors already say what to do; this keeps their words and scrubs any secret.
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
import { errorCodeOf, failureCode, refusalCode } from './error-codes';
import type { CodeSource } from './error-codes';

/** A failure raised by the app service itself, already phrased for the window. */
export class IpcFailure extends Error {
  readonly kind: string;
  /** Its own stable code and params, or the core error it wraps (whose code it then takes). */
  readonly coded: CodeSource;

  constructor(kind: string, message: string, coded: CodeSource = {}) {
    super(message, coded.cause === undefined ? undefined : { cause: coded.cause });
    this.name = 'IpcFailure';
    this.kind = kind;
    this.coded = coded;
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

function classify(err: unknown): Omit<IpcError, 'code' | 'params'> {
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
        `"${err.existing.uploadPath}/${err.existing.fileName}" is already a live link (${err.existing.downloadUrl}). ` +
        'Upload anyway to make that link serve the new file, or choose another name.',
    };
  }
  if (err instanceof DuplicateHistoryEntryError) return { kind: 'conflict', message: err.message };
  const db = toDatabaseError(err);
  if (db) return { kind: db.kind, message: db.message };
  return { kind: 'internal', message: `Something unexpected went wrong: ${messageOf(err)}` };
}

function scrubParams(params: IpcError['params'], secrets: readonly string[]): IpcError['params'] {
  if (!params) return undefined;
  const out: NonNullable<IpcError['params']> = {};
  for (const [name, value] of Object.entries(params))
    out[name] = typeof value === 'string' ? scrubSecrets(value, secrets) : value;
  return out;
}

export function toIpcError(err: unknown, secrets: readonly string[] = []): IpcError {
  const { kind, message } = classify(err);
  const { code, params } = err instanceof IpcFailure ? failureCode(kind, err.coded) : errorCodeOf(err);
  const scrubbed = scrubParams(params, secrets);
  return { kind, message: scrubSecrets(message, secrets), code, ...(scrubbed ? { params: scrubbed } : {}) };
}

/** The error for arguments the IPC validators refused (they never reach a handler). */
export function refusedArgumentError(message: string): IpcError {
  return { kind: 'invalid-argument', message, ...refusalCode(message) };
}
