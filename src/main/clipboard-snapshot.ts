// Reads what "Upload clipboard" needs from the system clipboard's items (Electron's W3C-style
// clipboard.read()): copied files in each platform's own format, an image as PNG, and text. Written
// over the few fields it uses, so the tests hand it plain objects with real clipboard payloads.
import { fileURLToPath } from 'node:url';
import { parseGnomeCopiedFiles, parseUriList } from './core/clipboard';
import type { ClipboardSnapshot } from './core/app-service';

export interface ClipboardItemLike {
  readonly types: readonly string[];
  getType(type: string): Promise<unknown>;
}

/** How Electron names a platform format that has no MIME type of its own. */
export function rawFormat(name: string): string {
  return `electron application/osclipboard;format="${name}"`;
}

async function bytesOf(
  items: readonly ClipboardItemLike[],
  names: readonly string[],
): Promise<Buffer | null> {
  for (const name of names) {
    const item = items.find((i) => i.types.includes(name));
    if (!item) continue;
    try {
      const value = await item.getType(name);
      if (typeof value === 'string') return Buffer.from(value, 'utf8');
      if (value instanceof Blob) return Buffer.from(await value.arrayBuffer());
      if (Buffer.isBuffer(value)) return value;
    } catch {
      // Gone between listing and reading (the user copied something else): try the next format.
    }
  }
  return null;
}

/** Windows' FileNameW: one path in UTF-16LE, NUL-terminated. */
export function parseFileNameW(bytes: Buffer): string[] {
  const text = bytes.toString('utf16le');
  return text
    .split('\0')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function unescapeXml(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}

/** macOS' NSFilenamesPboardType: a property list whose <string> elements are the copied paths. */
export function parseFilenamesPlist(text: string): string[] {
  return [...text.matchAll(/<string>([^<]*)<\/string>/g)]
    .map((m) => unescapeXml(m[1] ?? ''))
    .filter((p) => p.startsWith('/'));
}

/** macOS' public.file-url: one file:// URL. */
export function parseFileUrl(text: string): string[] {
  const url = text.replaceAll('\0', '').trim();
  if (!/^file:\/\//i.test(url)) return [];
  try {
    return [fileURLToPath(url)];
  } catch {
    return [];
  }
}

async function readFilePaths(
  items: readonly ClipboardItemLike[],
  platform: NodeJS.Platform,
): Promise<string[]> {
  const text = async (names: readonly string[]): Promise<string | null> =>
    (await bytesOf(items, names))?.toString('utf8') ?? null;

  if (platform === 'win32') {
    const wide = await bytesOf(items, [rawFormat('FileNameW'), 'FileNameW']);
    const fromWide = wide ? parseFileNameW(wide) : [];
    // FileNameW holds only the first file; a uri-list, when offered, has all of them.
    const list = await text(['text/uri-list']);
    const fromList = list ? parseUriList(list, { platform }) : [];
    return fromList.length >= fromWide.length ? fromList : fromWide;
  }
  if (platform === 'darwin') {
    const plist = await text([rawFormat('NSFilenamesPboardType'), 'NSFilenamesPboardType']);
    const fromPlist = plist ? parseFilenamesPlist(plist) : [];
    if (fromPlist.length > 0) return fromPlist;
    const list = await text(['text/uri-list']);
    const fromList = list ? parseUriList(list, { platform }) : [];
    if (fromList.length > 0) return fromList;
    const one = await text([rawFormat('public.file-url'), 'public.file-url']);
    return one ? parseFileUrl(one) : [];
  }
  // GNOME Files, Nemo, Caja and Thunar offer the copied/cut list; Dolphin offers a uri-list.
  const gnome = await text([rawFormat('x-special/gnome-copied-files'), 'x-special/gnome-copied-files']);
  const fromGnome = gnome ? parseGnomeCopiedFiles(gnome, { platform }) : [];
  if (fromGnome.length > 0) return fromGnome;
  const list = await text(['text/uri-list']);
  return list ? parseUriList(list, { platform }) : [];
}

export async function snapshotClipboard(
  items: readonly ClipboardItemLike[],
  platform: NodeJS.Platform,
): Promise<ClipboardSnapshot> {
  const filePaths = await readFilePaths(items, platform);
  // Copied files win (Finder also puts their icon on the clipboard), so the image is not even read.
  if (filePaths.length > 0) return { filePaths, imagePng: null, text: '' };
  const imagePng = await bytesOf(items, ['image/png']);
  const text = (await bytesOf(items, ['text/plain']))?.toString('utf8') ?? '';
  return { filePaths, imagePng: imagePng !== null && imagePng.length > 0 ? imagePng : null, text };
}
