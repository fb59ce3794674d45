// MIME type from a file name; the server sniffs content anyway, so this is a hint.
import { lookup } from 'mime-types';

export function mimeTypeFor(fileName: string): string {
  return lookup(fileName) || 'application/octet-stream';
}
