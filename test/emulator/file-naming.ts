// Names for uploads sent without a fileName: random, but keeping the original extension so the
// stored file still opens with the right program.
import { randomBytes } from 'node:crypto';
import { extname } from 'node:path';
import { extensionForType, sniffMimeType } from './mime-sniff';

export interface NameHints {
  /** The name the client's file had (multipart filename, URL path segment). */
  originalName?: string;
  /** A type the client declared (data URL, download Content-Type). */
  declaredType?: string;
}

export function randomFileName(hints: NameHints, head: Buffer): string {
  const original = hints.originalName !== undefined ? extname(hints.originalName) : '';
  const ext =
    (/^\.[A-Za-z0-9]{1,10}$/.test(original) ? original : undefined) ??
    extensionForType(hints.declaredType) ??
    extensionForType(sniffMimeType(head)) ??
    '';
  return `${randomBytes(8).toString('hex')}${ext}`;
}
