// Checks that run before any byte leaves the machine, so a bad path or name fails with a clear
// message instead of a vague 400 from the server (or, worse, a file stored somewhere unexpected).
import { ApiError } from './errors';

/** C0 controls, DEL and C1 controls: invisible, and CR/LF would break multipart headers. */
function hasControlChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}
const MAX_FILE_NAME_BYTES = 255;

function invalid(message: string): ApiError {
  return new ApiError('invalid-input', message);
}

export function validateUploadPath(p: string): void {
  if (typeof p !== 'string' || p.length === 0) {
    throw invalid('The upload path is empty. Enter a folder such as "images/uploads".');
  }
  if (hasControlChar(p)) {
    throw invalid('The upload path contains a control character (a line break or tab?); remove it.');
  }
  if (p.includes('\\')) {
    throw invalid(`The upload path "${p}" contains a backslash; separate folders with "/".`);
  }
  if (p.startsWith('/') || p.endsWith('/')) {
    const trimmed = p.replace(/^\/+|\/+$/g, '');
    throw invalid(`The upload path "${p}" must not start or end with "/"; use "${trimmed}".`);
  }
  const segments = p.split('/');
  if (segments.some((s) => s.length === 0)) {
    throw invalid(`The upload path "${p}" has an empty folder name ("//"); remove the extra "/".`);
  }
  if (segments.some((s) => s === '.' || s === '..')) {
    throw invalid(`The upload path "${p}" must not contain "." or ".." folders.`);
  }
}

export function validateFileName(n: string): void {
  if (typeof n !== 'string' || n.length === 0) {
    throw invalid('The file name is empty. Enter a name such as "photo.png".');
  }
  if (n === '.' || n === '..') {
    throw invalid(`"${n}" is not a usable file name. Enter a name such as "photo.png".`);
  }
  if (n.includes('/') || n.includes('\\')) {
    throw invalid(`The file name "${n}" contains "/" or "\\"; put folders in the upload path instead.`);
  }
  if (hasControlChar(n)) {
    throw invalid('The file name contains a control character (a line break or tab?); remove it.');
  }
  const bytes = Buffer.byteLength(n, 'utf8');
  if (bytes > MAX_FILE_NAME_BYTES) {
    throw invalid(
      `The file name is too long (${bytes} bytes in UTF-8; at most ${MAX_FILE_NAME_BYTES}). Shorten it.`,
    );
  }
}

function describeChar(c: string): string {
  if (c === '\n' || c === '\r') return 'a line break';
  if (c === '\t') return 'a tab';
  const hex = (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `the invisible control character U+${hex}`;
}

/**
 * Why a file on disk cannot be uploaded under its own name, or null when it can. Worded for a batch:
 * the caller puts the (escaped) path in front, and the other files go on. Decided by validateFileName,
 * so whatever it accepts the queue accepts too.
 */
export function localFileNameProblem(name: string): string | null {
  try {
    validateFileName(name);
    return null;
  } catch (err) {
    const fix = 'which the File Upload API does not accept; rename the file and upload it again';
    for (const c of name) {
      if (c === '\\') return `its name contains a backslash (\\), ${fix}`;
      if (hasControlChar(c)) return `its name contains ${describeChar(c)}, ${fix}`;
    }
    const bytes = Buffer.byteLength(name, 'utf8');
    if (bytes > MAX_FILE_NAME_BYTES) {
      return `its name is too long (${bytes} bytes in UTF-8; the File Upload API takes at most ${MAX_FILE_NAME_BYTES}); rename the file and upload it again`;
    }
    return err instanceof Error ? err.message : String(err);
  }
}

/** Parses a link for URL upload; only http and https can be fetched by the server. */
export function validateHttpUrl(u: string): URL {
  let url: URL;
  try {
    url = new URL(typeof u === 'string' ? u.trim() : '');
  } catch {
    throw invalid(`"${String(u)}" is not a valid link. Enter a full address starting with https://.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid(
      `Only http:// and https:// links can be uploaded from a URL; this one starts with "${url.protocol}".`,
    );
  }
  if (url.hostname.length === 0) {
    throw invalid(`The link "${u}" has no host name.`);
  }
  return url;
}

/** An API key goes into a header: it must be non-empty visible ASCII. The key itself is never echoed. */
export function validateApiKey(key: string): void {
  if (typeof key !== 'string' || key.trim().length === 0) {
    throw invalid('No API key is set. Get one at kie.ai/api-key and save it in Settings.');
  }
  if (!/^[\x21-\x7e]+$/.test(key)) {
    throw invalid(
      'The saved API key contains spaces, line breaks or other characters a key cannot have. Paste it again.',
    );
  }
}
