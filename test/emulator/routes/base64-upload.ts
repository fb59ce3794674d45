// POST /api/file-base64-upload: JSON {base64Data, uploadPath, fileName?}.
import { writeFile } from 'node:fs/promises';
import type { RequestContext } from '../request-context';
import type { RouteDeps } from './route-deps';
import { decodeBase64Payload } from '../base64-payload';
import { loggedFields, readJsonObject } from '../json-body';
import { SNIFF_BYTES } from '../mime-sniff';
import { checkFileName, checkUploadPath, requireString } from '../upload-path';
import { bearerKey } from '../account';
import { storeUpload, uploadedBody } from '../upload-result';

export async function base64Upload(ctx: RequestContext, deps: RouteDeps): Promise<void> {
  const body = await readJsonObject(ctx);
  ctx.entry.fields = loggedFields(body);
  const base64Data = requireString(body.base64Data, 'base64Data');
  const uploadPath = checkUploadPath(body.uploadPath);
  const fileName = checkFileName(body.fileName);
  const { bytes, declaredType } = decodeBase64Payload(base64Data);

  const tempPath = deps.storage.tempPath();
  await writeFile(tempPath, bytes);
  const file = { tempPath, size: bytes.length, head: bytes.subarray(0, SNIFF_BYTES) };
  const result = await storeUpload(
    deps,
    file,
    uploadPath,
    fileName,
    { declaredType },
    bearerKey(ctx.req.headers.authorization),
  );
  await ctx.sendJson(200, uploadedBody(result));
}
