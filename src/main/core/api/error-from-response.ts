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

/** The longest Retry-After worth honouring. A server asking for more (hours, centuries) is not
 * waited for: the request fails, quoting it, and a person decides when to try again. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;
/** How much of a Retry-After header a message quotes. */
const SHOWN_HEADER_CHARS = 40;

/** Retry-After is either delay-seconds or an HTTP-date; both become a delay in ms (never more than
 * MAX_SAFE_INTEGER, so a header of a hundred nines stays a number that compares and serialises). */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text.length === 0) return undefined;
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, Number.MAX_SAFE_INTEGER);
  // Only accept something that looks like a date, not arbitrary text Date.parse might guess at.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

function formatDelay(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 120) return `${s} s`;
  const min = Math.ceil(s / 60);
  if (min < 120) return min === 60 ? '1 h' : `${min} min`;
  const h = Math.ceil(min / 60);
  if (h < 48) return `${h} h`;
  const d = Math.ceil(h / 24);
  return d <= 365 ? `${d} d` : 'more than a year';
}

function quoteHeader(value: string | undefined): string {
  const text = (value ?? '').trim();
  return text.length > SHOWN_HEADER_CHARS ? `${text.slice(0, SHOWN_HEADER_CHARS)}…` : text;
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
  // A wait beyond what we honour is the server's verdict, not a delay: say it in its own words.
  const tooLong = retryAfterMs !== undefined && retryAfterMs > MAX_RETRY_AFTER_MS;
  const asked = tooLong
    ? `not to be tried again for ${formatDelay(retryAfterMs)} (Retry-After: ${quoteHeader(ctx.retryAfter)}), longer than KieDrop waits (${formatDelay(MAX_RETRY_AFTER_MS)})`
    : '';
  const make = (kind: ApiErrorKind, message: string): ApiError => new ApiError(kind, message, details);
  const explain = (base: string): string =>
    withServerMessage(tooLong ? `${base} It asks ${asked}.` : base, msg);

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
      if (tooLong) {
        return make(
          'rate-limited',
          withServerMessage(`Too many requests (429): the server asks ${asked}. Try again later.`, msg),
        );
      }
      const wait = retryAfterMs !== undefined ? ` It asks to wait ${formatDelay(retryAfterMs)}.` : '';
      return make(
        'rate-limited',
        `Too many requests (429): the server is rate limiting uploads.${wait} Try again later.`,
      );
    }
    case 455:
      return make('maintenance', explain('The kie.ai service is under maintenance; try again later.'));
    case 505:
      return make(
        'feature-disabled',
        explain(
          'This feature is currently disabled on the kie.ai server (505); try another upload method or try later.',
        ),
      );
    default:
      break;
  }
  if (status >= 500) {
    return make(
      'server',
      explain(
        `The server${where} had an internal error (${status}); try again ${tooLong ? 'later' : 'shortly'}.`,
      ),
    );
  }
  if (status >= 400) {
    return make('bad-request', explain(`The server${where} refused the request (${status}).`));
  }
  return make('invalid-response', explain(`The server${where} answered with unexpected status ${status}.`));
}
