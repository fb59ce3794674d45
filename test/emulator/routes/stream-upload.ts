// POST /api/file-stream-upload: multipart with `file`, `uploadPath` and an optional `fileName`.
import type { RequestContext } from '../request-context';
import type { RouteDeps } from './route-deps';
import { ApiFailure } from '../api-failure';
import { receiveMultipart } from '../multipart';
import { checkFileName, checkUploadPath } from '../upload-path';
import { bearerKey } from '../account';
import { storeUpload, uploadedBody } from '../upload-result';

export async function streamUpload(ctx: RequestContext, deps: RouteDeps): Promise<void> {
  const { fields, file } = await receiveMultipart(ctx, deps.storage);
  ctx.entry.fields = { ...fields };
  try {
    if (!file) throw new ApiFailure(400, 'Missing required parameter: file');
    const uploadPath = checkUploadPath(fields.uploadPath);
    const fileName = checkFileName(fields.fileName);
    const result = await storeUpload(
      deps,
      file,
      uploadPath,
      fileName,
      { originalName: file.originalName },
      bearerKey(ctx.req.headers.authorization),
    );
    await ctx.sendJson(200, uploadedBody(result));
  } catch (err) {
    if (file) await deps.storage.discard(file.tempPath);
    throw err;
  }
}
