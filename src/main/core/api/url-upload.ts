// POST /api/file-url-upload: the server downloads the file itself.
import { bufferBody } from './request-body';
import type { ClientContext } from './client-context';
import type { UploadResult, UrlUploadRequest } from './types';
import { redactUrlCredentials } from './url-credentials';
import { sendUpload, uploadTarget } from './upload-route';
import { validateFileName, validateHttpUrl, validateUploadPath } from './validate-input';

export const URL_UPLOAD_ROUTE = '/api/file-url-upload';

export async function urlUpload(ctx: ClientContext, req: UrlUploadRequest): Promise<UploadResult> {
  const source = validateHttpUrl(req.fileUrl);
  validateUploadPath(req.uploadPath);
  if (req.fileName !== undefined) validateFileName(req.fileName);
  const target = uploadTarget(ctx, URL_UPLOAD_ROUTE, `The upload from ${source.host}`, req.signal);

  // The full link, password included, goes only into this request: the server needs it to fetch the file.
  const payload: Record<string, string> = { fileUrl: source.href, uploadPath: req.uploadPath };
  if (req.fileName !== undefined) payload.fileName = req.fileName;
  try {
    return await sendUpload(ctx, target, bufferBody('application/json', JSON.stringify(payload)), req);
  } catch (err) {
    // A failed fetch is often answered with the link itself ("could not download https://user:pass@…").
    throw redactUrlCredentials(err, source);
  }
}
