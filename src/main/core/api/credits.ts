// GET /api/v1/chat/credit on the credits host: the account's remaining balance.
import { requestHeaders, responseContext } from './client-context';
import type { ClientContext } from './client-context';
import { endpointUrl } from './endpoint-url';
import { httpSend } from './http-send';
import { parseCreditsResponse } from './parse-response';
import type { RequestOptions } from './types';

export const CREDITS_ROUTE = '/api/v1/chat/credit';

export async function getCredits(ctx: ClientContext, opts: RequestOptions = {}): Promise<number> {
  const headers = requestHeaders(ctx);
  const url = endpointUrl(ctx.creditsBaseUrl, CREDITS_ROUTE, 'credits base URL');
  const res = await httpSend({
    method: 'GET',
    url,
    headers,
    agents: ctx.agents,
    signal: opts.signal,
    idleTimeoutMs: opts.idleTimeoutMs,
    responseTimeoutMs: opts.responseTimeoutMs,
    label: 'The credit balance check',
  });
  return parseCreditsResponse(res, responseContext(url, 'GET'));
}
