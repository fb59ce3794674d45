// The stable code and params of an API client failure: what the window translates, the queue stores on a
// failed job and the command line picks its hints by. Derived from the kinds and fields ApiError already
// carries, in one place. Pure: imports only the API client's error types (a naming template's among them).
import { basename } from 'node:path';
import type { ApiError } from '../api';
import { isNamingTemplateError } from '../naming/template-error';
import type { ErrorParams } from '../../../shared/ipc-contract';

export interface CodedError {
  code: string;
  params?: ErrorParams;
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

/** proxy-error.ts's failures: at the proxy, named by it, whatever the socket error says. */
function proxyCode(err: ApiError, proxy: string, errno: string): CodedError {
  const host = { host: proxy };
  // No socket error: the proxy answered CONNECT with something other than 200.
  if (err.cause === undefined) return { code: 'proxy.said-no', params: host };
  if (errno === 'ECONNREFUSED') return { code: 'proxy.refused', params: host };
  if (errno === 'ENOTFOUND' || errno.startsWith('EAI_')) return { code: 'proxy.dns', params: host };
  if (errno === 'ECONNRESET' || errno === 'EPIPE') return { code: 'proxy.reset', params: host };
  if (TLS.test(errno)) return { code: 'proxy.tls', params: host };
  return { code: 'proxy.unreachable', params: host };
}

function networkCode(err: ApiError): CodedError {
  const cause = err.cause;
  const errno = typeof errnoOf(cause).code === 'string' ? String(errnoOf(cause).code) : '';
  if (err.proxy !== undefined) return proxyCode(err, err.proxy, errno);
  const host = hostOf(cause, err.message);
  if (host === null) return { code: 'network.failed' };
  if (errno === 'ECONNREFUSED') return { code: 'network.refused', params: { host } };
  if (errno === 'ENOTFOUND' || errno.startsWith('EAI_')) return { code: 'network.dns', params: { host } };
  if (errno === 'ECONNRESET' || errno === 'EPIPE') return { code: 'network.reset', params: { host } };
  if (TLS.test(errno)) return { code: 'network.tls', params: { host } };
  return { code: 'network.unreachable', params: { host } };
}

/** FileChangedError and localFileError keep the path; the errno says which local problem it was.
 * `knownPath`: the file the caller was sending, for a message that does not name it in a known way. */
function localFileCode(err: ApiError, knownPath: string | null): CodedError {
  const path = (err as ApiError & { path?: unknown }).path;
  const fromMessage = /^(?:File not found: |Cannot (?:read|open) )(.+?)(?::| *$)/u.exec(err.message)?.[1];
  const file = typeof path === 'string' ? path : (fromMessage ?? knownPath ?? '');
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

export function uploadPathCode(message: string): CodedError | null {
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

/** `knownPath`: the local file being sent, if any (names a local-file failure whose message does not). */
export function apiErrorCode(err: ApiError, knownPath: string | null = null): CodedError {
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
    case 'feature-disabled': {
      // What the server said about its own trouble is the most useful part of the failure: kept.
      const status = err.status ?? 500;
      const said = err.serverMessage;
      return said
        ? { code: 'api.server-said', params: { status, detail: said } }
        : { code: 'api.server', params: { status } };
    }
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
      return localFileCode(err, knownPath);
    case 'invalid-input': {
      if (isNamingTemplateError(err)) return err.coded;
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
