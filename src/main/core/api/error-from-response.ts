// Maps an HTTP status (or the `code` inside a JSON body) to a typed ApiError whose message
// tells a person what to do next. The server's own `msg` is kept verbatim in serverMessage.
import { ApiError } from './errors';
import type { ApiErrorKind } from './errors';

export interface ResponseErrorContext {
  /** The server's `msg`, if the body had one. */
  serverMessage?: string;
  /** The raw Retry-After header value. */
  retryAfter?: string;
  /** Host name the request went to, for messages like "…at api.kie.ai". */
  host?: string;
  /** Method and path, for 404/405 messages. */
  method?: string;
  path?: string;
  rawBody?: string;
  /** Current time for HTTP-date Retry-After values. */
  now?: number;
}

/** Retry-After is either delay-seconds or an HTTP-date; both become a delay in ms. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text.length === 0) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only accept something that looks like a date, not arbitrary text Date.parse might guess at.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

function formatDelay(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 120) return `${s} s`;
  return `${Math.ceil(s / 60)} min`;
}

function withServerMessage(base: string, serverMessage: string | undefined): string {
  return serverMessage ? `${base} The server said: "${serverMessage}"` : base;
}

export function errorFromStatus(status: number, ctx: ResponseErrorContext = {}): ApiError {
  const msg = ctx.serverMessage?.trim() || undefined;
  const where = ctx.host ? ` at ${ctx.host}` : '';
  const route = [ctx.method, ctx.path].filter(Boolean).join(' ');
  const retryAfterMs = parseRetryAfter(ctx.retryAfter, ctx.now);
  const details = { status, serverMessage: msg, rawBody: ctx.rawBody, retryAfterMs };
  const make = (kind: ApiErrorKind, message: string): ApiError => new ApiError(kind, message, details);

  switch (status) {
    case 400:
      return make('bad-request', msg ?? `The server rejected the request as malformed (400)${where}.`);
    case 401:
      return make('auth', 'The API key was rejected (401). Check it at kie.ai/api-key and save it again.');
    case 402:
      return make(
        'insufficient-credits',
        'Your kie.ai account does not have enough credits (402). Top up at kie.ai, then try again.',
      );
    case 404:
      return make(
        'not-found',
        withServerMessage(
          `The server${where} has no such endpoint (404)${route ? `: ${route}` : ''}. Check the API base URL in Settings.`,
          msg,
        ),
      );
    case 405:
      return make(
        'method-not-allowed',
        withServerMessage(
          `The server${where} does not accept this request method (405)${route ? `: ${route}` : ''}. Check the API base URL in Settings.`,
          msg,
        ),
      );
    case 422:
      return make(
        'validation',
        msg
          ? `The server rejected the request's parameters (422): ${msg}`
          : "The server rejected the request's parameters (422). Check the upload path and file name.",
      );
    case 429: {
      const wait = retryAfterMs !== undefined ? ` It asks to wait ${formatDelay(retryAfterMs)}.` : '';
      return make(
        'rate-limited',
        `Too many requests (429): the server is rate limiting uploads.${wait} Try again later.`,
      );
    }
    case 455:
      return make(
        'maintenance',
        withServerMessage('The kie.ai service is under maintenance; try again later.', msg),
      );
    case 505:
      return make(
        'feature-disabled',
        withServerMessage(
          'This feature is currently disabled on the kie.ai server (505); try another upload method or try later.',
          msg,
        ),
      );
    default:
      break;
  }
  if (status >= 500) {
    return make(
      'server',
      withServerMessage(`The server${where} had an internal error (${status}); try again shortly.`, msg),
    );
  }
  if (status >= 400) {
    return make('bad-request', withServerMessage(`The server${where} refused the request (${status}).`, msg));
  }
  return make(
    'invalid-response',
    withServerMessage(`The server${where} answered with unexpected status ${status}.`, msg),
  );
}
