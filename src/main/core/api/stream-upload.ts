// POST /api/file-stream-upload: multipart/form-data streamed from disk.
import { basename } from 'node:path';
import { requestHeaders, responseContext } from './client-context';
import type { ClientContext } from './client-context';
import { endpointUrl } from './endpoint-url';
import { abortError, httpSend } from './http-send';
import { openLocalFile } from './local-file';
import { mimeTypeFor } from './mime-type';
import { multipartBody } from './multipart-body';
import { parseUploadResponse } from './parse-response';
import type { StreamUploadRequest, UploadResult } from './types';
import { validateFileName, validateUploadPath } from './validate-input';

export const STREAM_UPLOAD_ROUTE = '/api/file-stream-upload';

export async function streamUpload(ctx: ClientContext, req: StreamUploadRequest): Promise<UploadResult> {
  validateUploadPath(req.uploadPath);
  const fileName = req.fileName ?? basename(req.filePath);
  validateFileName(fileName);
  const headers = requestHeaders(ctx);
  const url = endpointUrl(ctx.uploadBaseUrl, STREAM_UPLOAD_ROUTE, 'upload base URL');
  const label = `The upload of "${fileName}"`;
  if (req.signal?.aborted) throw abortError(req.signal, label);

  const file = await openLocalFile(req.filePath);
  try {
    if (req.signal?.aborted) throw abortError(req.signal, label);
    const body = multipartBody(
      [
        ['uploadPath', req.uploadPath],
        ['fileName', fileName],
      ],
      {
        fieldName: 'file',
        fileName,
        contentType: mimeTypeFor(fileName),
        size: file.size,
        chunks: file.chunks,
      },
    );
    const res = await httpSend({
      method: 'POST',
      url,
      headers,
      body,
      agents: ctx.agents,
      signal: req.signal,
      idleTimeoutMs: req.idleTimeoutMs,
      responseTimeoutMs: req.responseTimeoutMs,
      onProgress: req.onProgress,
      label,
    });
    return parseUploadResponse(res, req.uploadPath, responseContext(url, 'POST'));
  } finally {
    await file.close();
  }
}
