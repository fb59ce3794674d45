// GET /api/v1/chat/credit: the account's remaining credits, in the common API's {code, msg, data} shape.
import type { RequestContext } from '../request-context';
import type { RouteDeps } from './route-deps';

export async function credits(ctx: RequestContext, deps: RouteDeps): Promise<void> {
  await ctx.sendJson(200, { code: 200, msg: 'success', data: deps.credits() });
}
