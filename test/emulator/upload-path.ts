// Validation of uploadPath and fileName, as the real server is likely to apply it; it is also
// what keeps every write inside the storage directory.
import { ApiFailure } from './api-failure';

const MAX_UPLOAD_PATH_LENGTH = 1024;
const MAX_FILE_NAME_BYTES = 255;

const hasControlChars = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
const isAbsent = (v: unknown) => v === undefined || v === null || v === '';

export function requireString(value: unknown, name: string): string {
  if (isAbsent(value)) throw new ApiFailure(400, `Missing required parameter: ${name}`);
  if (typeof value !== 'string')
    throw new ApiFailure(400, `Invalid ${name}: must be a string, got ${typeof value}`);
  return value;
}

export function checkUploadPath(value: unknown): string {
  const path = requireString(value, 'uploadPath');
  const bad = (why: string) => new ApiFailure(400, `Invalid uploadPath "${path}": ${why}`);
  if (path.length > MAX_UPLOAD_PATH_LENGTH)
    throw bad(`it is longer than ${MAX_UPLOAD_PATH_LENGTH} characters`);
  if (hasControlChars(path)) throw bad('it contains control characters');
  if (path.includes('\\')) throw bad('use "/" to separate folders, not "\\"');
  if (path.startsWith('/') || path.endsWith('/')) throw bad('it must not start or end with "/"');
  const segments = path.split('/');
  if (segments.some((s) => s === '')) throw bad('it contains an empty folder name ("//")');
  if (segments.some((s) => s === '.' || s === '..'))
    throw bad('"." and ".." are not allowed as folder names');
  return path;
}

/** The requested file name, or undefined when none was given (the server then picks a random one). */
export function checkFileName(value: unknown): string | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'string')
    throw new ApiFailure(400, `Invalid fileName: must be a string, got ${typeof value}`);
  const bad = (why: string) => new ApiFailure(400, `Invalid fileName "${value}": ${why}`);
  if (value.includes('/') || value.includes('\\'))
    throw bad('it must not contain "/" or "\\"; put folders in uploadPath');
  if (value === '.' || value === '..') throw bad('"." and ".." are not file names');
  if (hasControlChars(value)) throw bad('it contains control characters');
  if (Buffer.byteLength(value) > MAX_FILE_NAME_BYTES)
    throw bad(`it is longer than ${MAX_FILE_NAME_BYTES} bytes`);
  return value;
}
