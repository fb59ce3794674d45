// POST /api/file-stream-upload: multipart/form-data streamed from disk.
import { basename } from 'node:path';
import type { ClientContext } from './client-context';
import { abortError } from './http-send';
import { openLocalFile } from './local-file';
import { mimeTypeFor } from './mime-type';
import { multipartBody } from './multipart-body';
import type { StreamUploadRequest, UploadResult } from './types';
import { sendUpload, uploadTarget } from './upload-route';
import { validateFileName, validateUploadPath } from './validate-input';

export const STREAM_UPLOAD_ROUTE = '/api/file-stream-upload';

export async function streamUpload(ctx: ClientContext, req: StreamUploadRequest): Promise<UploadResult> {
  validateUploadPath(req.uploadPath);
  const fileName = req.fileName ?? basename(req.filePath);
  validateFileName(fileName);
  const target = uploadTarget(ctx, STREAM_UPLOAD_ROUTE, `The upload of "${fileName}"`, req.signal);

  const file = await openLocalFile(req.filePath);
  try {
    req.onOpened?.({ size: file.size, mtimeMs: file.mtimeMs });
    if (req.signal?.aborted) throw abortError(req.signal, target.label);
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
    return await sendUpload(ctx, target, body, req, req.onProgress);
  } finally {
    await file.close();
  }
}
