// What the queue needs to know about a local file before queuing or re-sending it: its size and
// mtime (to notice changes), or a sentence saying why it cannot be sent.
import { stat } from 'node:fs/promises';

export type FileState =
  { kind: 'file'; size: number; mtimeMs: number } | { kind: 'problem'; message: string };

export async function inspectFile(path: string): Promise<FileState> {
  try {
    const info = await stat(path);
    if (info.isDirectory())
      return { kind: 'problem', message: `${path} is a folder; choose files inside it.` };
    if (!info.isFile()) {
      return {
        kind: 'problem',
        message: `${path} is not a regular file (a pipe, socket or device?); it cannot be uploaded.`,
      };
    }
    // Whole milliseconds: the database column is an integer, and comparisons must round-trip.
    return { kind: 'file', size: info.size, mtimeMs: Math.trunc(info.mtimeMs) };
  } catch (err) {
    return { kind: 'problem', message: fileProblemMessage(err, path) };
  }
}

export function fileProblemMessage(err: unknown, path: string): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return `File not found: ${path}`;
  if (code === 'EACCES' || code === 'EPERM') return `Cannot read ${path}: permission denied.`;
  const detail = err instanceof Error ? err.message : String(err);
  return `Cannot read ${path}: ${detail}`;
}

export function sameFile(
  a: { size: number | null; mtimeMs: number | null },
  b: { size: number; mtimeMs: number },
): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}
