// One error type for everything that can go wrong talking to the API, with a `kind` callers switch on
// (the queue decides retries from it) and a message a person can act on. Never carries the API key.

export type ApiErrorKind =
  | 'auth' // 401
  | 'bad-request' // 400
  | 'insufficient-credits' // 402
  | 'not-found' // 404
  | 'method-not-allowed' // 405
  | 'validation' // 422
  | 'rate-limited' // 429
  | 'maintenance' // 455
  | 'server' // 500 and other 5xx
  | 'feature-disabled' // 505
  | 'network' // connection refused, reset, DNS…
  | 'timeout' // no progress or no answer in time
  | 'aborted' // the caller's AbortSignal fired
  | 'invalid-response' // 2xx with a body we cannot use
  | 'invalid-input' // refused before sending: bad uploadPath, fileName, URL, key…
  | 'local-file'; // the file to send is missing, unreadable, a directory, or changed while sending

const RETRYABLE: ReadonlySet<ApiErrorKind> = new Set([
  'rate-limited',
  'maintenance',
  'server',
  'network',
  'timeout',
]);

export interface ApiErrorDetails {
  status?: number;
  /** The server's own `msg`, kept verbatim. */
  serverMessage?: string;
  /** Raw response text when the body could not be used (truncated). */
  rawBody?: string;
  retryAfterMs?: number;
  cause?: unknown;
  /** Set when the failure happened at the proxy (its display name), not at the API's server. */
  proxy?: string;
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly serverMessage?: string;
  readonly rawBody?: string;
  readonly retryAfterMs?: number;
  readonly proxy?: string;

  constructor(kind: ApiErrorKind, message: string, details: ApiErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ApiError';
    this.kind = kind;
    this.status = details.status;
    this.serverMessage = details.serverMessage;
    this.rawBody = details.rawBody;
    this.retryAfterMs = details.retryAfterMs;
    this.proxy = details.proxy;
  }

  /** Worth trying again later without the user changing anything. */
  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
