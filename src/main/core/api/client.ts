// The client factory: one set of keep-alive agents per client (direct, or one per proxy) so
// consecutive uploads reuse connections, and one place where every error is scrubbed of the key
// and of any proxy password.
import { base64Upload } from './base64-upload';
import type { ClientContext } from './client-context';
import { getCredits } from './credits';
import { createAgentRouter } from './proxy-agent';
import type { ProxyConfig } from './proxy-config';
import { redactSecret } from './redact-secret';
import { streamUpload } from './stream-upload';
import type {
  ApiEndpoints,
  Base64UploadRequest,
  RequestOptions,
  StreamUploadRequest,
  UploadResult,
  UrlUploadRequest,
} from './types';
import { urlUpload } from './url-upload';

export const DEFAULT_USER_AGENT = 'KieDrop';

export interface ApiClientConfig extends ApiEndpoints {
  apiKey: string;
  userAgent?: string;
  /** Default: no proxy. */
  proxy?: ProxyConfig;
  /** Time limits for every request that does not set its own (defaults: see RequestOptions). */
  idleTimeoutMs?: number;
  responseTimeoutMs?: number;
}

export interface ApiClient {
  streamUpload(req: StreamUploadRequest): Promise<UploadResult>;
  base64Upload(req: Base64UploadRequest): Promise<UploadResult>;
  urlUpload(req: UrlUploadRequest): Promise<UploadResult>;
  getCredits(opts?: RequestOptions): Promise<number>;
  /** Closes idle keep-alive sockets; in-flight requests finish first. The client stays usable. */
  close(): void;
}

export function createApiClient(config: ApiClientConfig): ApiClient {
  const ctx: ClientContext = {
    uploadBaseUrl: config.uploadBaseUrl,
    creditsBaseUrl: config.creditsBaseUrl,
    apiKey: config.apiKey,
    userAgent: config.userAgent ?? DEFAULT_USER_AGENT,
    agents: createAgentRouter(config.proxy),
  };

  const guarded = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      let clean = redactSecret(err, ctx.apiKey);
      for (const secret of ctx.agents.secrets()) clean = redactSecret(clean, secret);
      throw clean;
    }
  };

  // A request's own limits win; the client's fill in only what the request leaves out.
  const limited = <T extends RequestOptions>(req: T): T => ({
    ...req,
    idleTimeoutMs: req.idleTimeoutMs ?? config.idleTimeoutMs,
    responseTimeoutMs: req.responseTimeoutMs ?? config.responseTimeoutMs,
  });

  return {
    streamUpload: (req) => guarded(() => streamUpload(ctx, limited(req))),
    base64Upload: (req) => guarded(() => base64Upload(ctx, limited(req))),
    urlUpload: (req) => guarded(() => urlUpload(ctx, limited(req))),
    getCredits: (opts = {}) => guarded(() => getCredits(ctx, limited(opts))),
    close() {
      // Only idle sockets: destroy() would also kill requests still in flight.
      ctx.agents.closeIdle();
    },
  };
}
