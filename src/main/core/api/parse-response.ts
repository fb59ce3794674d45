// Validates what the server answered (hand-written: the shapes are small and we want messages
// that name the missing field) and normalises both documented upload shapes to UploadResult.
import { errorFromStatus } from './error-from-response';
import { ApiError } from './errors';
import { FILE_LIFETIME_MS } from './types';
import type { UploadResult } from './types';

export const RAW_BODY_LIMIT = 2048;

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface ResponseContext {
  host?: string;
  method?: string;
  path?: string;
  now?: number;
}

type Json = Record<string, unknown>;

export function truncateBody(text: string): string {
  return text.length > RAW_BODY_LIMIT
    ? `${text.slice(0, RAW_BODY_LIMIT)}… (${text.length} characters)`
    : text;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function header(res: HttpResponse, name: string): string | undefined {
  const value = res.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Returns the envelope's `data` after turning every failure (HTTP status, or success:false
 * inside a 200) into a typed ApiError. */
export function unwrapEnvelope(res: HttpResponse, ctx: ResponseContext = {}): unknown {
  const parsed = tryJson(res.text);
  const body = parsed.ok && isObject(parsed.value) ? parsed.value : undefined;
  const serverMessage = typeof body?.msg === 'string' ? body.msg : undefined;
  const errorContext = {
    ...ctx,
    serverMessage,
    retryAfter: header(res, 'retry-after'),
    rawBody: body ? undefined : truncateBody(res.text),
  };

  if (res.status < 200 || res.status > 299) throw errorFromStatus(res.status, errorContext);

  const where = ctx.host ? ` from ${ctx.host}` : '';
  if (!parsed.ok) {
    throw new ApiError(
      'invalid-response',
      `The answer${where} is not JSON (status ${res.status}); the server may be misconfigured or behind a proxy.`,
      {
        status: res.status,
        rawBody: truncateBody(res.text),
      },
    );
  }
  if (!body) {
    throw new ApiError(
      'invalid-response',
      `The answer${where} is JSON but not an object; it cannot be used.`,
      {
        status: res.status,
        rawBody: truncateBody(res.text),
      },
    );
  }
  const code = typeof body.code === 'number' ? body.code : undefined;
  if (body.success === false || (code !== undefined && code !== 200)) {
    if (code !== undefined && code !== 200) throw errorFromStatus(code, errorContext);
    throw new ApiError(
      'server',
      `The server reported a failure without an error code${serverMessage ? `: "${serverMessage}"` : ''}; try again shortly.`,
      { status: res.status, serverMessage, rawBody: truncateBody(res.text) },
    );
  }
  return body.data;
}

function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim().length === 0) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function httpUrl(value: unknown): string | undefined {
  const text = nonEmptyString(value);
  if (!text) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? text : undefined;
  } catch {
    return undefined;
  }
}

/** Accepts the OpenAPI shape {fileName, filePath, downloadUrl, fileSize, mimeType, uploadedAt}
 * and the quickstart shape {fileId, fileName, originalName, fileSize, mimeType, uploadPath,
 * fileUrl, downloadUrl, uploadTime, expiresAt}. */
export function normaliseUploadData(data: unknown, requestUploadPath: string, rawText = ''): UploadResult {
  const invalid = (detail: string): ApiError =>
    new ApiError(
      'invalid-response',
      `The server's answer to the upload ${detail}, so it cannot be used. The file may or may not have been stored; check the server, then upload again.`,
      { status: 200, rawBody: truncateBody(rawText) },
    );
  if (!isObject(data)) throw invalid('has no "data" object');

  const fileName = nonEmptyString(data.fileName);
  const downloadUrl = httpUrl(data.downloadUrl);
  const fileSize =
    typeof data.fileSize === 'number' && Number.isSafeInteger(data.fileSize) && data.fileSize >= 0
      ? data.fileSize
      : undefined;
  const mimeType = typeof data.mimeType === 'string' ? data.mimeType : undefined;
  const uploadedAt = isoDate(data.uploadedAt) ?? isoDate(data.uploadTime);

  const missing: string[] = [];
  if (fileName === undefined) missing.push('fileName');
  if (downloadUrl === undefined) missing.push('downloadUrl');
  if (fileSize === undefined) missing.push('fileSize');
  if (mimeType === undefined) missing.push('mimeType');
  if (uploadedAt === undefined) missing.push('uploadedAt');
  if (
    fileName === undefined ||
    downloadUrl === undefined ||
    fileSize === undefined ||
    mimeType === undefined ||
    uploadedAt === undefined
  ) {
    throw invalid(`is missing or has invalid ${missing.join(', ')}`);
  }

  const serverUploadPath = nonEmptyString(data.uploadPath) ?? requestUploadPath;
  const filePath = nonEmptyString(data.filePath) ?? `${serverUploadPath.replace(/\/+$/, '')}/${fileName}`;
  const expiresAt =
    isoDate(data.expiresAt) ?? new Date(Date.parse(uploadedAt) + FILE_LIFETIME_MS).toISOString();

  const result: UploadResult = { fileName, filePath, downloadUrl, fileSize, mimeType, uploadedAt, expiresAt };
  const fileId = nonEmptyString(data.fileId);
  const fileUrl = httpUrl(data.fileUrl);
  if (fileId !== undefined) result.fileId = fileId;
  if (fileUrl !== undefined) result.fileUrl = fileUrl;
  return result;
}

export function parseUploadResponse(
  res: HttpResponse,
  requestUploadPath: string,
  ctx: ResponseContext = {},
): UploadResult {
  return normaliseUploadData(unwrapEnvelope(res, ctx), requestUploadPath, res.text);
}

export function parseCreditsResponse(res: HttpResponse, ctx: ResponseContext = {}): number {
  const data = unwrapEnvelope(res, ctx);
  if (typeof data !== 'number' || !Number.isFinite(data)) {
    throw new ApiError(
      'invalid-response',
      'The credits answer has no numeric "data" field, so the balance is unknown. Check the credits base URL in Settings.',
      { status: res.status, rawBody: truncateBody(res.text) },
    );
  }
  return data;
}
