// MIME type from a file name; the server sniffs content anyway, so this is a hint. The same answers as
// `mime-types`' lookup(), from a table generated from it (mime-table.ts): loading mime-types parses all of
// mime-db at start-up, a noticeable part of a one-file `kiedrop upload`.
import { extname } from 'node:path';
import { MIME_TABLE } from './mime-table';

let byExtension: Map<string, string> | undefined;
let lookups = 0;
// Building the whole map costs a one-file upload ~1.5 ms; a few lookups read the table as it is instead.
const LOOKUPS_BEFORE_MAP = 16;

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

/** The type the map would give: the last line that lists the extension (as the map's later entries win). */
function scan(extension: string): string | undefined {
  const word = ` ${extension}`;
  for (let i = MIME_TABLE.length - 1; i >= 0; i--) {
    const line = MIME_TABLE[i] as string;
    if (!line.includes(word)) continue;
    const [type, ...extensions] = line.split(' ');
    if (extensions.includes(extension)) return type;
  }
  return undefined;
}

function lookup(extension: string): string | undefined {
  if (byExtension === undefined && lookups++ < LOOKUPS_BEFORE_MAP) return scan(extension);
  return table().get(extension);
}

export function mimeTypeFor(fileName: string): string {
  // As mime-types finds the extension: "x." in front, so a bare "json" or ".json" counts as one too.
  const extension = extname(`x.${fileName}`).toLowerCase().slice(1);
  return (extension === '' ? undefined : lookup(extension)) ?? 'application/octet-stream';
}
