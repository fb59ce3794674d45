// Reads the OS's proxy answer for one URL, in the PAC-result form Chromium gives it
// ("PROXY proxy.corp:3128; DIRECT"). Entries are tried in order: the first one this client can use wins.

/**
 * The proxy URL to use ("http://host:port", or "https://…" for an HTTPS proxy), or null for a direct
 * connection: DIRECT came first, or nothing in the list is an HTTP(S) proxy (SOCKS and QUIC are skipped).
 */
export function parseSystemProxy(answer: string): string | null {
  for (const entry of answer.split(';')) {
    const [keyword = '', hostPort = '', ...rest] = entry.trim().split(/\s+/u);
    const kind = keyword.toUpperCase();
    if (kind === 'DIRECT') return null;
    if ((kind !== 'PROXY' && kind !== 'HTTPS') || hostPort === '' || rest.length > 0) continue;
    const scheme = kind === 'HTTPS' ? 'https' : 'http';
    try {
      const url = new URL(`${scheme}://${hostPort}`);
      if (url.hostname === '' || url.pathname !== '/' || url.username !== '' || url.search !== '') continue;
      return `${scheme}://${hostPort}`;
    } catch {
      continue;
    }
  }
  return null;
}
