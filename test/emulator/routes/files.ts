// GET/HEAD /files/<filePath>: the public download URL of a stored file, until it expires.
import type { RequestContext } from '../request-context';
import type { RouteDeps } from './route-deps';
import { ApiFailure } from '../api-failure';
import { describeLifetime } from '../storage';

export const FILES_PREFIX = '/files/';

export async function serveFile(ctx: RequestContext, deps: RouteDeps): Promise<void> {
  const method = ctx.req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD')
    throw new ApiFailure(405, 'Method not allowed', { Allow: 'GET, HEAD' });
  const filePath = decodeFilePath(ctx.entry.path.slice(FILES_PREFIX.length));
  const file = filePath === undefined ? undefined : deps.storage.served(filePath);
  if (!file) {
    const lifetime = describeLifetime(deps.storage.lifetimeMs());
    throw new ApiFailure(
      404,
      `File not found: it was never uploaded, or it expired ${lifetime} after upload`,
    );
  }
  // The service's download host answers with this header (a day of caching anywhere).
  await ctx.send(
    200,
    { kind: 'file', diskPath: file.diskPath, size: file.size, headOnly: method === 'HEAD' },
    { 'Content-Type': file.mimeType, 'Cache-Control': 'public, max-age=86400' },
  );
}

function decodeFilePath(encoded: string): string | undefined {
  try {
    return encoded.split('/').map(decodeURIComponent).join('/');
  } catch {
    return undefined;
  }
}
