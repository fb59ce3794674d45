// What every endpoint function needs from the client: where to send, which sockets to reuse (directly
// or through the proxy), and the headers that carry the key. Built once per client by createApiClient.
import type { AgentRouter } from './proxy-agent';
import { validateApiKey } from './validate-input';

export interface ClientContext {
  uploadBaseUrl: string;
  creditsBaseUrl: string;
  apiKey: string;
  userAgent: string;
  /** Picks the keep-alive agent for each request: direct, or a tunnel through the configured proxy. */
  agents: AgentRouter;
}

/** Throws ApiError('invalid-input') for a missing or malformed key before anything is sent. */
export function requestHeaders(ctx: ClientContext): Record<string, string> {
  validateApiKey(ctx.apiKey);
  return {
    Authorization: `Bearer ${ctx.apiKey}`,
    Accept: 'application/json',
    'User-Agent': ctx.userAgent,
  };
}

export function responseContext(url: URL, method: string): { host: string; method: string; path: string } {
  return { host: url.host, method, path: url.pathname };
}
