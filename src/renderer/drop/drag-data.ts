// What was dropped: files (paths from the preload), or a link dragged from a browser's address bar or
// a page. Text that is not an http(s) link is refused rather than uploaded by surprise.
export type Dropped = { kind: 'files'; paths: string[] } | { kind: 'url'; url: string } | { kind: 'nothing' };

export function firstLink(text: string): string | null {
  const first = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('#'));
  if (!first) return null;
  try {
    const url = new URL(first);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function readDrop(data: DataTransfer, pathsForFiles: (files: readonly File[]) => string[]): Dropped {
  const files = Array.from(data.files);
  const paths = files.length > 0 ? pathsForFiles(files).filter((p) => p !== '') : [];
  if (paths.length > 0) return { kind: 'files', paths };
  const link = firstLink(data.getData('text/uri-list') || data.getData('text/plain'));
  return link ? { kind: 'url', url: link } : { kind: 'nothing' };
}
