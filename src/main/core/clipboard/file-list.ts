// Copied files as the platforms put them on the clipboard in text form: text/uri-list (RFC 2483:
// one URI per line, CRLF, `#` comments) and GNOME's x-special/gnome-copied-files ("copy" or "cut",
// then one URI per line). Only local file:// URIs become paths; anything else is not a file we can read.
import { fileURLToPath } from 'node:url';

export interface FileListOptions {
  /** Read file:///C:/… as a Windows path. Defaults to this machine. */
  platform?: NodeJS.Platform;
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function toPath(uri: string, windows: boolean): string | null {
  if (!/^file:/i.test(uri)) return null;
  try {
    return fileURLToPath(uri, { windows });
  } catch {
    return null; // file://other-host/… or a malformed URI
  }
}

function uniquePaths(uris: readonly string[], opts: FileListOptions): string[] {
  const windows = (opts.platform ?? process.platform) === 'win32';
  const out = new Set<string>();
  for (const uri of uris) {
    const p = toPath(uri, windows);
    if (p !== null) out.add(p);
  }
  return [...out];
}

/** text/uri-list: comment lines start with '#'. */
export function parseUriList(text: string, opts: FileListOptions = {}): string[] {
  return uniquePaths(
    lines(text).filter((l) => !l.startsWith('#')),
    opts,
  );
}

/** GNOME Files / Nemo / Caja: the first line says whether the files were copied or cut. */
export function parseGnomeCopiedFiles(text: string, opts: FileListOptions = {}): string[] {
  const [action, ...rest] = lines(text);
  if (action !== 'copy' && action !== 'cut') return [];
  return uniquePaths(rest, opts);
}

/**
 * Either format, detected from the text. Returns [] when the text names no local file, so callers
 * can fall through to treating it as plain text.
 */
export function parseFileListFromClipboardText(text: string, opts: FileListOptions = {}): string[] {
  const first = lines(text)[0];
  if (first === 'copy' || first === 'cut') return parseGnomeCopiedFiles(text, opts);
  const uris = lines(text).filter((l) => !l.startsWith('#'));
  // Plain text that merely mentions a file:// link among other words is not a file list.
  if (uris.length === 0 || !uris.every((l) => /^file:\/\//i.test(l))) return [];
  return parseUriList(text, opts);
}
