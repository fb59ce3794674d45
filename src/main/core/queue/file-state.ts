// What the queue needs to know about a local file before queuing or re-sending it: its size and
// mtime (to notice changes), or a sentence and a stable code saying why it cannot be sent.
import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { ApiError } from '../api';
import { blockingSmallFileIoAllowed } from '../api/blocking-io';
import { apiErrorCode } from '../error-codes';
import type { CodedError } from '../error-codes';

export type FileState =
  | { kind: 'file'; size: number; mtimeMs: number }
  /** `error`: the same, as the API client would have thrown it (with the errno behind it). */
  | { kind: 'problem'; message: string; coded: CodedError; error: ApiError };

/** The problem coded as the API client's own local-file failures are, by the errno behind it. */
function problem(path: string, message: string, cause?: unknown): FileState {
  const error = new ApiError('local-file', message, cause === undefined ? {} : { cause });
  return { kind: 'problem', message, coded: apiErrorCode(error, path), error };
}

export async function inspectFile(path: string): Promise<FileState> {
  try {
    // A stat never waits for a writer (FIFOs included): blocking where the process allows it.
    const info = blockingSmallFileIoAllowed() ? statSync(path) : await stat(path);
    if (info.isDirectory())
      return problem(path, `${path} is a folder; choose files inside it.`, { code: 'EISDIR' });
    if (!info.isFile()) {
      return problem(
        path,
        `${path} is not a regular file (a pipe, socket or device?); it cannot be uploaded.`,
      );
    }
    // Whole milliseconds: the database column is an integer, and comparisons must round-trip.
    return { kind: 'file', size: info.size, mtimeMs: Math.trunc(info.mtimeMs) };
  } catch (err) {
    return problem(path, fileProblemMessage(err, path), err);
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
