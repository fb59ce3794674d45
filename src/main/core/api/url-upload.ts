// POST /api/file-url-upload: the server downloads the file itself.
import { bufferBody } from './request-body';
import { requestHeaders, responseContext } from './client-context';
import type { ClientContext } from './client-context';
import { endpointUrl } from './endpoint-url';
import { abortError, httpSend } from './http-send';
import { parseUploadResponse } from './parse-response';
import type { UploadResult, UrlUploadRequest } from './types';
import { validateFileName, validateHttpUrl, validateUploadPath } from './validate-input';

export const URL_UPLOAD_ROUTE = '/api/file-url-upload';

export async function urlUpload(ctx: ClientContext, req: UrlUploadRequest): Promise<UploadResult> {
  const source = validateHttpUrl(req.fileUrl);
  validateUploadPath(req.uploadPath);
  if (req.fileName !== undefined) validateFileName(req.fileName);
  const headers = requestHeaders(ctx);
  const url = endpointUrl(ctx.uploadBaseUrl, URL_UPLOAD_ROUTE, 'upload base URL');
  const label = `The upload from ${source.host}`;
  if (req.signal?.aborted) throw abortError(req.signal, label);

  const payload: Record<string, string> = { fileUrl: source.href, uploadPath: req.uploadPath };
  if (req.fileName !== undefined) payload.fileName = req.fileName;
  const res = await httpSend({
    method: 'POST',
    url,
    headers,
    body: bufferBody('application/json', JSON.stringify(payload)),
    agents: ctx.agents,
    signal: req.signal,
    idleTimeoutMs: req.idleTimeoutMs,
    responseTimeoutMs: req.responseTimeoutMs,
    label,
  });
  return parseUploadResponse(res, req.uploadPath, responseContext(url, 'POST'));
}
