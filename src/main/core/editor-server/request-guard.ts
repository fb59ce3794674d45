// Who may use the editor server. It uploads local files on request, so a web page must never reach
// it: browsers put an Origin header on every cross-origin POST (fetch and form alike), and a
// DNS-rebinding page reaches 127.0.0.1 under its own host name, so its Host header gives it away.
// Editors (Typora, Obsidian's image-auto-upload plugin, VS Code's PicGo extensions) send their
// request from Node or a native HTTP client: no Origin, Host 127.0.0.1:<port>, JSON or no body.

export interface Refusal {
  status: number;
  message: string;
}

export interface GuardHeaders {
  origin?: string | string[];
  host?: string;
  'content-type'?: string;
  authorization?: string;
  'x-picgo-secret'?: string | string[];
}

/** Refuses requests that may come from a web page, or that name another host. */
export function refuseWebRequest(headers: GuardHeaders, port: number): Refusal | null {
  if (headers.origin !== undefined) {
    return {
      status: 403,
      message: 'Requests from web pages are refused (the request has an Origin header).',
    };
  }
  const host = (headers.host ?? '').toLowerCase();
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return {
      status: 403,
      message: `Only requests to 127.0.0.1:${port} or localhost:${port} are answered (Host was "${host}").`,
    };
  }
  return null;
}

/** JSON bodies only; a request without a body (the clipboard upload) may omit the content type. */
export function refuseContentType(contentType: string | undefined, bodyIsEmpty: boolean): Refusal | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') return null;
  if (type === '' && bodyIsEmpty) return null;
  return {
    status: 415,
    message: `Only application/json bodies are accepted (Content-Type was "${type || 'none'}").`,
  };
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The shared secret, when one is set. PicGo 3 reads it from `Authorization: Bearer <secret>` or
 * `X-PicGo-Secret` (PicGo v3.0.4 release notes); older PicGo-Core servers and plugins pass `?key=`.
 */
export function refuseWithoutToken(headers: GuardHeaders, url: URL, token: string): Refusal | null {
  if (token === '') return null;
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1]?.trim();
  const given = [url.searchParams.get('key'), first(headers['x-picgo-secret']), bearer];
  if (given.some((g) => g !== null && g !== undefined && safeEqual(g, token))) return null;
  return { status: 401, message: 'The upload secret is missing or wrong.' };
}

function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
