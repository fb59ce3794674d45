// A link may carry a user name and password (`https://user:pass@host/file`). The server needs them to
// fetch the file, so they go out in that one request; everywhere else — the database, the history,
// messages, JSON output — the link is shown without them.
import { rewriteApiError, scrubSecret } from './redact-secret';

export function hasCredentials(url: URL): boolean {
  return url.username !== '' || url.password !== '';
}

/** The link as stored and shown: the same address with no user name or password. */
export function withoutCredentials(url: URL | string): string {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : new URL(url.href);
  } catch {
    return String(url);
  }
  parsed.username = '';
  parsed.password = '';
  return parsed.href;
}

/** `text` with the link's credentials taken out: echoed links lose their "user:pass@", stray copies are masked. */
export function scrubUrlCredentials(text: string, url: URL): string {
  if (!hasCredentials(url)) return text;
  const userinfo = url.password === '' ? `${url.username}@` : `${url.username}:${url.password}@`;
  let out = text.split(`//${userinfo}`).join('//');
  for (const part of [url.password, url.username]) {
    if (part === '') continue;
    out = scrubSecret(out, part);
    const decoded = safeDecode(part);
    if (decoded !== part) out = scrubSecret(out, decoded);
  }
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** An error from a URL upload, with the link's credentials out of every text it carries. */
export function redactUrlCredentials<T>(err: T, url: URL): T {
  if (!hasCredentials(url)) return err;
  return rewriteApiError(err, (text) => scrubUrlCredentials(text, url));
}
