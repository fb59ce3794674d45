// Reads PicGo's upload body. PicGo's handler (src/main/server/handler.ts in Molunerfinn/PicGo):
// an empty body, JSON without `list`, or an empty list upload the clipboard; `{ list: string[] }`
// uploads those paths; anything else is a 400 with `{ success: false, result: [], message }`.

export type UploadRequest = { kind: 'clipboard' } | { kind: 'files'; paths: string[] };

export class BadUploadBody extends Error {}

const LIST_REQUIRED = 'Invalid request body: { list: string[] } required';

export function parseUploadBody(text: string): UploadRequest {
  if (text.trim() === '') return { kind: 'clipboard' };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BadUploadBody('Invalid JSON body');
  }
  if (typeof body !== 'object' || body === null || !('list' in body)) return { kind: 'clipboard' };
  const list = (body as { list: unknown }).list;
  if (list === undefined) return { kind: 'clipboard' };
  if (!Array.isArray(list)) throw new BadUploadBody(LIST_REQUIRED);
  if (list.length === 0) return { kind: 'clipboard' };
  if (!list.every((p): p is string => typeof p === 'string')) throw new BadUploadBody(LIST_REQUIRED);
  return { kind: 'files', paths: list };
}
