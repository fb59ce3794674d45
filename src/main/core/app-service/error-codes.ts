// A stable code with plain parameters for each failure the window can show, so the window says it in the
// person's language; the English message stays for the CLI, the logs and as the fallback. Codes are
// derived here from the kinds and fields the core's errors already carry, in one place, rather than by
// every core module.
import { basename } from 'node:path';
import { isApiError } from '../api';
import type { ApiError } from '../api';
import { isClipboardUploadError } from '../clipboard';
import { isConfigError } from '../config';
import { toDatabaseError } from '../db';
import { DuplicateHistoryEntryError } from '../history';
import { NameCollisionError } from '../queue';
import { isKeychainError } from '../secrets';
import { SettingsError } from '../settings';
import { isShellIntegrationError } from '../shell-integration';
import type { ErrorParams } from '../../../shared/ipc-contract';

export interface CodedError {
  code: string;
  params?: ErrorParams;
}

/** The code and params an IpcFailure was given, or the cause it wraps. */
export interface CodeSource {
  code?: string;
  params?: ErrorParams;
  cause?: unknown;
}

type ErrnoLike = { code?: unknown; address?: unknown; port?: unknown; hostname?: unknown; host?: unknown };

function errnoOf(err: unknown): ErrnoLike {
  return typeof err === 'object' && err !== null ? (err as ErrnoLike) : {};
}

/** The host a socket error names: "127.0.0.1:9" for a refused connection, the name for a failed lookup. */
function hostOf(cause: unknown, message: string): string | null {
  const e = errnoOf(cause);
  if (typeof e.address === 'string') return typeof e.port === 'number' ? `${e.address}:${e.port}` : e.address;
  if (typeof e.hostname === 'string') return e.hostname;
  // network-error.ts names the host in its message ("Could not connect to HOST: …", "reach HOST (…)").
  const named = /(?:connect to|reach|the server|to) (\S+?)(?::? \(|: |\s\()/u.exec(message);
  return named?.[1] ?? null;
}

const TLS = /^(ERR_TLS|CERT_)|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/u;

function networkCode(err: ApiError): CodedError {
  const cause = err.cause;
  const errno = typeof errnoOf(cause).code === 'string' ? String(errnoOf(cause).code) : '';
  const host = hostOf(cause, err.message);
  if (host === null) return { code: 'network.failed' };
  if (errno === 'ECONNREFUSED') return { code: 'network.refused', params: { host } };
  if (errno === 'ENOTFOUND' || errno.startsWith('EAI_')) return { code: 'network.dns', params: { host } };
  if (errno === 'ECONNRESET' || errno === 'EPIPE') return { code: 'network.reset', params: { host } };
  if (TLS.test(errno)) return { code: 'network.tls', params: { host } };
  return { code: 'network.unreachable', params: { host } };
}

/** FileChangedError and localFileError keep the path; the errno says which local problem it was. */
function localFileCode(err: ApiError): CodedError {
  const path = (err as ApiError & { path?: unknown }).path;
  const fromMessage = /^(?:File not found: |Cannot (?:read|open) )(.+?)(?::| *$)/u.exec(err.message)?.[1];
  const file = typeof path === 'string' ? path : (fromMessage ?? '');
  const params = { name: file ? basename(file) : '', path: file };
  if (typeof path === 'string') return { code: 'file.changed', params };
  switch (errnoOf(err.cause).code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { code: 'file.not-found', params };
    case 'EISDIR':
      return { code: 'file.is-folder', params };
    case 'EACCES':
    case 'EPERM':
      return { code: 'file.permission', params };
    default:
      return { code: 'file.unreadable', params };
  }
}

/** validate-input.ts's sentences about an upload path (from an upload, or the default path in Settings). */
const UPLOAD_PATH: ReadonlyArray<[RegExp, (m: RegExpExecArray) => CodedError]> = [
  [/The upload path is empty\./u, () => ({ code: 'upload-path.empty' })],
  [/The upload path contains a control character/u, () => ({ code: 'upload-path.control-char' })],
  [
    /The upload path "(.*)" contains a backslash/u,
    (m) => ({ code: 'upload-path.backslash', params: { path: m[1] ?? '' } }),
  ],
  [
    /The upload path "(.*)" must not start or end with "\/"; use "(.*)"\./u,
    (m) => ({ code: 'upload-path.slash-ends', params: { path: m[1] ?? '', trimmed: m[2] ?? '' } }),
  ],
  [
    /The upload path "(.*)" has an empty folder name/u,
    (m) => ({ code: 'upload-path.empty-folder', params: { path: m[1] ?? '' } }),
  ],
  [
    /The upload path "(.*)" must not contain "\." or "\.\." folders/u,
    (m) => ({ code: 'upload-path.dot-folder', params: { path: m[1] ?? '' } }),
  ],
];

function uploadPathCode(message: string): CodedError | null {
  for (const [pattern, make] of UPLOAD_PATH) {
    const m = pattern.exec(message);
    if (m) return make(m);
  }
  return null;
}

/** "10,485,761 bytes" (written when the rounded sizes would look equal) as "10,485,761 B", a unit every
 * language reads. */
function bytesUnit(size: string): string {
  return size.replace(/ bytes$/u, ' B');
}

/** base64-upload.ts: "<what> is <size>; Base64 upload takes at most <limit>. …" */
const BASE64_TOO_LARGE = /^(.+?) is (.+?); Base64 upload takes at most (.+?)\. /u;

function apiCode(err: ApiError): CodedError {
  switch (err.kind) {
    case 'auth':
      return { code: 'auth.invalid-key' };
    case 'insufficient-credits':
      return { code: 'api.insufficient-credits' };
    case 'rate-limited':
      return { code: 'api.rate-limited' };
    case 'maintenance':
      return { code: 'api.maintenance' };
    case 'server':
    case 'feature-disabled':
      return { code: 'api.server', params: { status: err.status ?? 500 } };
    case 'bad-request':
    case 'not-found':
    case 'method-not-allowed':
    case 'validation':
      return {
        code: 'api.refused',
        params: { status: err.status ?? 400, detail: err.serverMessage ?? err.message },
      };
    case 'network':
      return networkCode(err);
    case 'timeout':
      return { code: 'network.timeout' };
    case 'aborted':
      return { code: 'upload.cancelled' };
    case 'invalid-response':
      return { code: 'api.invalid-response' };
    case 'local-file':
      return localFileCode(err);
    case 'invalid-input': {
      const big = BASE64_TOO_LARGE.exec(err.message);
      if (big) {
        const name = basename((big[1] ?? '').replace(/^"(.*)"$/u, '$1'));
        const size = bytesUnit(big[2] ?? '');
        return { code: 'base64.too-large', params: { name, size, limit: bytesUnit(big[3] ?? '') } };
      }
      if (/API key/u.test(err.message)) return { code: 'key.malformed' };
      const path = uploadPathCode(err.message);
      if (path) return path;
      return { code: 'input.invalid' };
    }
  }
}

export function errorCodeOf(err: unknown): CodedError {
  if (isApiError(err)) return apiCode(err);
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
