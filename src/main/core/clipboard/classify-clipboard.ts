// What "Upload clipboard" will do with what is on the clipboard. Files win over an image because
// Finder and some Linux file managers put the file's icon on the clipboard next to the copied
// files; an image wins over text because apps that copy an image often add its name as text.
import { ClipboardUploadError, CLIPBOARD_EMPTY_MESSAGE, CLIPBOARD_UNSUPPORTED_MESSAGE } from './errors';
import { parseFileListFromClipboardText } from './file-list';

export interface ClipboardAdapter {
  /** The image on the clipboard as PNG bytes, or null when there is none. */
  readImagePng(): Buffer | null;
  /** Copied files (the platform's file list format), or []. */
  readFilePaths(): string[];
  readText(): string;
  writeText(text: string): void | Promise<void>;
}

export type ClipboardContent =
  { kind: 'files'; paths: string[] } | { kind: 'image'; png: Buffer } | { kind: 'urls'; urls: string[] };

function httpUrl(line: string): string | null {
  try {
    const url = new URL(line);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? url.href : null;
  } catch {
    return null;
  }
}

/** Throws ClipboardUploadError ('clipboard-empty' / 'clipboard-unsupported') when there is nothing to upload. */
export function classifyClipboard(
  clipboard: Pick<ClipboardAdapter, 'readImagePng' | 'readFilePaths' | 'readText'>,
): ClipboardContent {
  const paths = clipboard.readFilePaths();
  if (paths.length > 0) return { kind: 'files', paths };

  const png = clipboard.readImagePng();
  if (png !== null && png.length > 0) return { kind: 'image', png };

  const text = clipboard.readText().trim();
  if (text === '') throw new ClipboardUploadError('clipboard-empty', CLIPBOARD_EMPTY_MESSAGE);

  // Some file managers copy files as text only (a uri-list); treat those as files too.
  const fromText = parseFileListFromClipboardText(text);
  if (fromText.length > 0) return { kind: 'files', paths: fromText };

  // One link, or several one per line (a list copied from a page): every line must be a link,
  // so a sentence that happens to contain one is not uploaded by surprise.
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const urls = lines.map(httpUrl);
  if (urls.every((u): u is string => u !== null)) return { kind: 'urls', urls: [...new Set(urls)] };
  throw new ClipboardUploadError('clipboard-unsupported', CLIPBOARD_UNSUPPORTED_MESSAGE);
}
