// Reads a JSON request body into memory, up to a cap. Base64 bodies are meant for files of ~10 MB
// (about 13.4 MB once encoded), so the cap leaves room for that and refuses anything far bigger.
import { finished } from 'node:stream/promises';
import { ApiFailure } from './api-failure';
import type { RequestContext } from './request-context';

export const MAX_JSON_BODY_BYTES = 32 * 1024 * 1024;

// The documented error codes have no 413, so an oversized body is a 400 with a message that says why.
const tooLarge = () =>
  new ApiFailure(
    400,
    `Request body too large: JSON bodies are limited to ${MAX_JSON_BODY_BYTES / 1024 / 1024} MiB. Upload big files with /api/file-stream-upload.`,
  );

export async function readJsonObject(ctx: RequestContext): Promise<Record<string, unknown>> {
  if (ctx.entry.contentLength !== undefined && ctx.entry.contentLength > MAX_JSON_BODY_BYTES)
    throw tooLarge();
  const body = ctx.bodyStream();
  const chunks: Buffer[] = [];
  let size = 0;
  // Past the cap the rest is still read (and dropped), so the client sees the error, not a reset.
  body.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_JSON_BODY_BYTES) chunks.push(chunk);
    else chunks.length = 0;
  });
  await finished(body);
  if (size > MAX_JSON_BODY_BYTES) throw tooLarge();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (err) {
    throw new ApiFailure(400, `Invalid JSON body: ${(err as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ApiFailure(400, 'Invalid JSON body: expected an object like {"uploadPath": "...", ...}');
  }
  return parsed as Record<string, unknown>;
}

/** The request's JSON fields for the log; long base64 data is summarized by its length. */
export function loggedFields(body: Record<string, unknown>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === 'base64Data' && typeof value === 'string') fields[key] = `<${value.length} chars>`;
    else fields[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return fields;
}
