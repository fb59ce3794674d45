// POST /api/file-url-upload: the server downloads the file itself.
import { bufferBody } from './request-body';
import type { ClientContext } from './client-context';
import type { UploadResult, UrlUploadRequest } from './types';
import { sendUpload, uploadTarget } from './upload-route';
import { validateFileName, validateHttpUrl, validateUploadPath } from './validate-input';

export const URL_UPLOAD_ROUTE = '/api/file-url-upload';

export async function urlUpload(ctx: ClientContext, req: UrlUploadRequest): Promise<UploadResult> {
  const source = validateHttpUrl(req.fileUrl);
  validateUploadPath(req.uploadPath);
  if (req.fileName !== undefined) validateFileName(req.fileName);
  const target = uploadTarget(ctx, URL_UPLOAD_ROUTE, `The upload from ${source.host}`, req.signal);

  const payload: Record<string, string> = { fileUrl: source.href, uploadPath: req.uploadPath };
  if (req.fileName !== undefined) payload.fileName = req.fileName;
  return sendUpload(ctx, target, bufferBody('application/json', JSON.stringify(payload)), req);
}
