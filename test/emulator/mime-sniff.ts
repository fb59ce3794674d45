// Content type of an upload: by extension first, then by the file's first bytes, then by what
// the client declared (a data URL or a download's Content-Type).
import mime from 'mime-types';
import { extname } from 'node:path';

/** How many leading bytes sniffing needs. */
export const SNIFF_BYTES = 16;

const startsWith = (head: Buffer, bytes: number[], at = 0) =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function sniffMimeType(head: Buffer): string | undefined {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  if (
    startsWith(head, [0x50, 0x4b]) &&
    [0x0304, 0x0506, 0x0708].includes(((head[2] ?? 0) << 8) | (head[3] ?? 0))
  ) {
    return 'application/zip';
  }
  return undefined;
}

/** 'image/png' from 'image/PNG; charset=x', or undefined for anything that is not a type/subtype. */
export function normalizeDeclaredType(declared: string | undefined): string | undefined {
  const type = declared?.split(';')[0]?.trim().toLowerCase();
  return type !== undefined && /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type) ? type : undefined;
}

export function resolveMimeType(fileName: string, head: Buffer, declared?: string): string {
  // extname first: mime.lookup('pic') would read a dot-less name as the extension itself.
  const ext = extname(fileName);
  return (
    (ext !== '' && mime.lookup(ext)) ||
    sniffMimeType(head) ||
    normalizeDeclaredType(declared) ||
    'application/octet-stream'
  );
}

/** '.png' for 'image/png'; undefined when the type has no known extension. */
export function extensionForType(type: string | undefined): string | undefined {
  const normalized = normalizeDeclaredType(type);
  if (normalized === undefined || normalized === 'application/octet-stream') return undefined;
  const ext = mime.extension(normalized);
  return ext ? `.${ext}` : undefined;
}
