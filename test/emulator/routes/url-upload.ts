// POST /api/file-url-upload: JSON {fileUrl, uploadPath, fileName?}; the server fetches the file itself.
import type { RequestContext } from '../request-context';
import type { RouteDeps } from './route-deps';
import { ApiFailure } from '../api-failure';
import { loggedFields, readJsonObject } from '../json-body';
import { checkFileName, checkUploadPath, requireString } from '../upload-path';
import { bearerKey } from '../account';
import { storeUpload, uploadedBody } from '../upload-result';
import { DownloadError, downloadToFile } from '../url-download';

export async function urlUpload(ctx: RequestContext, deps: RouteDeps): Promise<void> {
  const body = await readJsonObject(ctx);
  ctx.entry.fields = loggedFields(body);
  const fileUrl = parseFileUrl(requireString(body.fileUrl, 'fileUrl'));
  const uploadPath = checkUploadPath(body.uploadPath);
  const requestedName = checkFileName(body.fileName);

  const tempPath = deps.storage.tempPath();
  let downloaded;
  try {
    downloaded = await downloadToFile(fileUrl, tempPath, {
      timeoutMs: deps.urlFetchTimeoutMs,
      maxBytes: deps.urlMaxBytes,
      signal: deps.shutdown,
    });
  } catch (err) {
    await deps.storage.discard(tempPath);
    // The docs list an unreachable URL under 400 ("Check if URL is accessible"): a failed fetch is
    // the caller's URL at fault, not the server, so it is a 400 and retrying it is pointless.
    if (err instanceof DownloadError) {
      throw new ApiFailure(400, `File download failed: ${err.message} (${fileUrl.href})`);
    }
    throw err;
  }

  const segment = lastPathSegment(fileUrl);
  const result = await storeUpload(
    deps,
    { tempPath, ...downloaded },
    uploadPath,
    requestedName ?? segment,
    { originalName: segment, declaredType: downloaded.contentType },
    bearerKey(ctx.req.headers.authorization),
  );
  await ctx.sendJson(200, uploadedBody(result));
}

function parseFileUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ApiFailure(400, `Invalid fileUrl "${value}": not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ApiFailure(400, `Invalid fileUrl "${value}": must be an http or https URL`);
  }
  return url;
}

/** The URL's last path segment as a file name, or undefined when it is empty or unusable. */
function lastPathSegment(url: URL): string | undefined {
  const raw = url.pathname.split('/').pop() ?? '';
  try {
    return checkFileName(decodeURIComponent(raw));
  } catch {
    return undefined;
  }
}
