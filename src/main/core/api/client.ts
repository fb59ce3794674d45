// The client factory: one keep-alive agent pair per client so consecutive uploads reuse
// connections, and one place where every error is scrubbed of the key.
import http from 'node:http';
import https from 'node:https';
import { base64Upload } from './base64-upload';
import type { ClientContext } from './client-context';
import { getCredits } from './credits';
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
    agents: {
      http: new http.Agent({ keepAlive: true }),
      https: new https.Agent({ keepAlive: true }),
    },
  };

  const guarded = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      throw redactSecret(err, ctx.apiKey);
    }
  };

  return {
    streamUpload: (req) => guarded(() => streamUpload(ctx, req)),
    base64Upload: (req) => guarded(() => base64Upload(ctx, req)),
    urlUpload: (req) => guarded(() => urlUpload(ctx, req)),
    getCredits: (opts) => guarded(() => getCredits(ctx, opts)),
    close() {
      // Only idle sockets: destroy() would also kill requests still in flight.
      for (const agent of [ctx.agents.http, ctx.agents.https]) {
        for (const sockets of Object.values(agent.freeSockets)) {
          for (const socket of sockets ?? []) socket.destroy();
        }
      }
    },
  };
}
