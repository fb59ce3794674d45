// Which proxy the client goes through, and the checks a proxy URL must pass before it is used.
// Proxy URLs may carry a user name and password, so nothing here ever puts the URL itself in a message.
import { ApiError } from './errors';

export type ProxyEnvironment = Readonly<Record<string, string | undefined>>;

/** Chromium's answer for one URL, e.g. "PROXY proxy.corp:3128; DIRECT" (Electron's session.resolveProxy). */
export type SystemProxyResolver = (targetUrl: string) => Promise<string>;

export type ProxyConfig =
  /** Always connect directly. */
  | { mode: 'none' }
  /** HTTPS_PROXY / HTTP_PROXY / ALL_PROXY and NO_PROXY. `env` defaults to process.env. */
  | { mode: 'env'; env?: ProxyEnvironment }
  /**
   * One proxy for everything. `origin` says where the user set it, for messages: "in Settings"
   * (the default) or "given with --proxy".
   */
  | { mode: 'manual'; url: string; origin?: string }
  /** Ask the OS for each request; when it says DIRECT (or cannot answer), use the environment. */
  | { mode: 'system'; resolve: SystemProxyResolver; env?: ProxyEnvironment };

export const PROXY_URL_EXAMPLE = 'http://proxy.example:8080';

/**
 * Accepts only http(s)://[user:password@]host[:port] — the proxies a CONNECT tunnel can use.
 * `origin` completes "The proxy URL …" in the message, e.g. "in HTTPS_PROXY". The value is never echoed.
 */
export function parseProxyUrl(value: string, origin = ''): URL {
  const subject = origin === '' ? 'The proxy URL' : `The proxy URL ${origin}`;
  const invalid = (why: string): ApiError =>
    new ApiError('invalid-input', `${subject} must look like "${PROXY_URL_EXAMPLE}"${why}.`);
  const text = typeof value === 'string' ? value.trim() : '';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(' (it is not a valid URL)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const scheme = url.protocol.replace(/:$/u, '');
    throw invalid(`: only http and https proxies are supported, not ${scheme}`);
  }
  if (url.hostname === '') throw invalid(' (it has no host name)');
  if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.hash !== '') {
    throw invalid(', without a path, "?" or "#"');
  }
  return url;
}

/** "host:port" with the port always shown, never the user name or password. */
export function proxyDisplayName(url: URL): string {
  const port = url.port !== '' ? url.port : url.protocol === 'https:' ? '443' : '80';
  return `${url.hostname}:${port}`;
}

/** The password as typed and decoded, so a message that somehow carries it can be scrubbed. */
export function proxyPasswordForms(url: URL): string[] {
  if (url.password === '') return [];
  let decoded = url.password;
  try {
    decoded = decodeURIComponent(url.password);
  } catch {
    // A malformed escape is kept as typed.
  }
  return [...new Set([url.password, decoded])];
}
