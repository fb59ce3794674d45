// POST /api/file-base64-upload: JSON with the file as a data URL, encoded while sending.
import { basename } from 'node:path';
import { base64FileBody, base64TextBody, decodedBase64Size } from './base64-body';
import type { ClientContext } from './client-context';
import { formatSize } from '../links/format-size';
import { ApiError } from './errors';
import { abortError } from './http-send';
import { openLocalFile } from './local-file';
import type { OpenedFile } from './local-file';
import { mimeTypeFor } from './mime-type';
import type { RequestBody } from './request-body';
import { BASE64_MAX_BYTES } from './types';
import type { Base64UploadRequest, UploadResult } from './types';
import { sendUpload, uploadTarget } from './upload-route';
import { validateFileName, validateUploadPath } from './validate-input';

export const BASE64_UPLOAD_ROUTE = '/api/file-base64-upload';

/** Sizes for the limit message. Megabytes read best, but when the rounded figures come out equal
 * ("10.0 MB is over 10.0 MB") only the exact byte counts show what is wrong. */
export function base64SizeWords(bytes: number): { size: string; limit: string } {
  const size = formatSize(bytes);
  const limit = formatSize(BASE64_MAX_BYTES);
  if (size !== limit) return { size, limit };
  const exact = (n: number): string => `${n.toLocaleString('en-US')} bytes`;
  return { size: exact(bytes), limit: exact(BASE64_MAX_BYTES) };
}

export function base64TooLargeError(what: string, bytes: number): ApiError {
  const { size, limit } = base64SizeWords(bytes);
  return new ApiError(
    'invalid-input',
    `${what} is ${size}; Base64 upload takes at most ${limit}. Use a stream upload instead.`,
  );
}

export async function base64Upload(ctx: ClientContext, req: Base64UploadRequest): Promise<UploadResult> {
  validateUploadPath(req.uploadPath);
  const source = req.source;
  const fileName = req.fileName ?? ('filePath' in source ? basename(source.filePath) : undefined);
  if (fileName !== undefined) validateFileName(fileName);
  const label = fileName ? `The upload of "${fileName}"` : 'The Base64 upload';
  const target = uploadTarget(ctx, BASE64_UPLOAD_ROUTE, label, req.signal);

  let file: OpenedFile | undefined;
  try {
    let body: RequestBody;
    if ('filePath' in source) {
      file = await openLocalFile(source.filePath);
      if (file.size > BASE64_MAX_BYTES) throw base64TooLargeError(fileName ?? source.filePath, file.size);
      const mimeType = mimeTypeFor(fileName ?? source.filePath);
      body = base64FileBody({ mimeType, size: file.size, chunks: file.chunks }, req.uploadPath, fileName);
    } else {
      if (typeof source.base64Data !== 'string' || source.base64Data.trim().length === 0) {
        throw new ApiError('invalid-input', 'There is no Base64 data to upload.');
      }
      const size = decodedBase64Size(source.base64Data);
      if (size > BASE64_MAX_BYTES)
        throw base64TooLargeError(fileName ? `"${fileName}"` : 'The Base64 data', size);
      body = base64TextBody(source.base64Data, req.uploadPath, fileName);
    }
    if (req.signal?.aborted) throw abortError(req.signal, label);
    return await sendUpload(ctx, target, body, req, req.onProgress);
  } finally {
    await file?.close();
  }
}
