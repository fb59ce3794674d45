// MIME type from a file name; the server sniffs content anyway, so this is a hint. The same answers as
// `mime-types`' lookup(), from a table generated from it (mime-table.ts): loading mime-types parses all of
// mime-db at start-up, a noticeable part of a one-file `kiedrop upload`.
import { extname } from 'node:path';
import { MIME_TABLE } from './mime-table';

let byExtension: Map<string, string> | undefined;

function table(): Map<string, string> {
  if (byExtension === undefined) {
    byExtension = new Map();
    for (const line of MIME_TABLE) {
      const [type, ...extensions] = line.split(' ');
      for (const extension of extensions) byExtension.set(extension, type as string);
    }
  }
  return byExtension;
}

export function mimeTypeFor(fileName: string): string {
  // As mime-types finds the extension: "x." in front, so a bare "json" or ".json" counts as one too.
  const extension = extname(`x.${fileName}`).toLowerCase().slice(1);
  return (extension === '' ? undefined : table().get(extension)) ?? 'application/octet-stream';
}
