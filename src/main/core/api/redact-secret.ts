// Last line of defence for "the key never appears in an error": a server might echo the
// Authorization header back in its msg or body, and that text ends up in logs and the UI.
import { ApiError } from './errors';

const MASK = '[redacted]';

function scrub(text: string | undefined, secret: string): string | undefined {
  return text === undefined ? undefined : text.split(secret).join(MASK);
}

export function redactSecret<T>(err: T, secret: string): T | ApiError {
  if (!(err instanceof ApiError) || secret.length < 4) return err;
  const fields = [err.message, err.serverMessage, err.rawBody];
  const causeText = err.cause instanceof Error ? err.cause.message : undefined;
  const leaks = fields.some((f) => f?.includes(secret)) || causeText?.includes(secret) === true;
  if (!leaks) return err;
  const clean = new ApiError(err.kind, scrub(err.message, secret) ?? '', {
    status: err.status,
    serverMessage: scrub(err.serverMessage, secret),
    rawBody: scrub(err.rawBody, secret),
    retryAfterMs: err.retryAfterMs,
    cause: causeText?.includes(secret) ? undefined : err.cause,
  });
  clean.stack = scrub(err.stack, secret);
  return clean;
}
