// One look at a public link: is it still served? No API key: download links are public. HEAD first, as it
// costs the host nothing; a host that refuses HEAD gets a GET for the first byte only (Range: bytes=0-0).
// The answer is one of four states a person can tell apart: alive, gone (404/410: the file is deleted),
// unreachable (no connection to the host at all) and error (the host answered something else).
import { ApiError } from '../api/errors';
import { httpSend, type HttpSendOptions } from '../api/http-send';
import type { AgentRouter } from '../api/proxy-agent';

export type LinkState = 'alive' | 'gone' | 'unreachable' | 'error';

export interface LinkProbe {
  state: LinkState;
  /** The HTTP status the decision rests on, when there was an answer. */
  status?: number;
  /** What was seen, in a few words: "HTTP 404", "ECONNREFUSED", "timeout". */
  detail: string;
}

export interface ProbeOptions {
  agents?: AgentRouter;
  signal?: AbortSignal;
  /** Per request; default 15 s. A dead host should not hold a whole check up. */
  timeoutMs?: number;
  userAgent?: string;
}

const GONE_STATUSES = new Set([404, 410]);

function fromStatus(status: number): LinkProbe {
  if (status >= 200 && status < 300) return { state: 'alive', status, detail: `HTTP ${status}` };
  if (GONE_STATUSES.has(status)) return { state: 'gone', status, detail: `HTTP ${status}` };
  return { state: 'error', status, detail: `HTTP ${status}` };
}

function fromError(err: unknown): LinkProbe {
  if (!(err instanceof ApiError)) throw err;
  if (err.kind === 'aborted') throw err;
  if (err.kind === 'network' || err.kind === 'timeout') {
    const code = (err.cause as NodeJS.ErrnoException | undefined)?.code;
    return { state: 'unreachable', detail: code ?? err.kind };
  }
  // A proxy that refused the tunnel, an answer too big or too slow: the host is there but no verdict.
  return { state: 'error', ...(err.status !== undefined && { status: err.status }), detail: err.kind };
}

export async function probeLink(url: string, opts: ProbeOptions = {}): Promise<LinkProbe> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { state: 'error', detail: 'not a valid URL' };
  }
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const send = (method: HttpSendOptions['method'], headers: Record<string, string>) =>
    httpSend({
      method,
      url: target,
      headers: { ...headers, ...(opts.userAgent !== undefined && { 'User-Agent': opts.userAgent }) },
      agents: opts.agents,
      signal: opts.signal,
      idleTimeoutMs: timeoutMs,
      responseTimeoutMs: timeoutMs,
      label: `The check of ${target.host}${target.pathname}`,
    });
  try {
    const head = fromStatus((await send('HEAD', {})).status);
    if (head.state !== 'error') return head;
    // Some hosts answer HEAD with 403/405/501 although GET works: ask for one byte instead.
    return fromStatus((await send('GET', { Range: 'bytes=0-0' })).status);
  } catch (err) {
    return fromError(err);
  }
}
