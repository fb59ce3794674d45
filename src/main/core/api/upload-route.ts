// What the three upload routes share around their different bodies: the key and the base URL are
// checked before any file is opened, and the request goes out and its answer is read the same way.
import { requestHeaders, responseContext } from './client-context';
import type { ClientContext } from './client-context';
import { endpointUrl } from './endpoint-url';
import { abortError, httpSend } from './http-send';
import { parseUploadResponse } from './parse-response';
import type { RequestBody } from './request-body';
import type { ProgressListener, RequestOptions, UploadResult } from './types';

export interface UploadTarget {
  url: URL;
  headers: Record<string, string>;
  /** What this upload is, for messages: e.g. 'The upload of "photo.png"'. */
  label: string;
}

/** Throws for a bad key, a bad base URL or an already cancelled signal, before anything is read or sent. */
export function uploadTarget(
  ctx: ClientContext,
  route: string,
  label: string,
  signal: AbortSignal | undefined,
): UploadTarget {
  const headers = requestHeaders(ctx);
  const url = endpointUrl(ctx.uploadBaseUrl, route, 'upload base URL');
  if (signal?.aborted) throw abortError(signal, label);
  return { url, headers, label };
}

export async function sendUpload(
  ctx: ClientContext,
  target: UploadTarget,
  body: RequestBody,
  req: RequestOptions & { uploadPath: string },
  onProgress?: ProgressListener,
): Promise<UploadResult> {
  const res = await httpSend({
    method: 'POST',
    url: target.url,
    headers: target.headers,
    body,
    agents: ctx.agents,
    signal: req.signal,
    idleTimeoutMs: req.idleTimeoutMs,
    responseTimeoutMs: req.responseTimeoutMs,
    onProgress,
    label: target.label,
  });
  return parseUploadResponse(res, req.uploadPath, responseContext(target.url, 'POST'));
}
