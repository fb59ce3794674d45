// Limits on the server's answer, and the errors for breaking them. An answer is a small JSON envelope:
// one that never finishes, or that grows past any sensible size, is a stuck server or something else
// answering in its place (a captive portal, a misrouted download), and must not hold a request forever.
import { ApiError } from './errors';

/** Far above any JSON answer of the API; a body this big is not read any further. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;
/** How much of a refused body an error keeps, so it shows what was answering without flooding a log. */
const SHOWN_BYTES = 200;

export function formatMs(ms: number): string {
  return ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 100) / 10} s`;
}

/** What else to say: an upload the server may have stored, or a read that is safe to repeat. */
function outcome(method: string): string {
  return method === 'GET'
    ? 'Try again later.'
    : 'The file may have been stored anyway; check before uploading it again.';
}

/** The answer had started (headers in) but its body was still arriving when the time limit was up. */
export function answerTooSlowError(label: string, host: string, method: string, limitMs: number): ApiError {
  return new ApiError(
    'timeout',
    `${label} failed: the server's answer did not finish within ${formatMs(limitMs)} (it was still arriving from ${host}). ${outcome(method)}`,
  );
}

export function answerTooLargeError(label: string, host: string, method: string, start: Buffer): ApiError {
  const shown = start.subarray(0, SHOWN_BYTES).toString('utf8');
  const message = [
    `${label} failed: the server's answer was larger than 1 MiB, so it was not read.`,
    `Something other than the API may be answering at ${host}; check the address and any proxy.`,
    // Repeating a read is harmless; only an upload needs the warning.
    ...(method === 'GET' ? [] : [outcome(method)]),
  ].join(' ');
  return new ApiError('invalid-response', message, { rawBody: `${shown}… (more than 1 MiB)` });
}
