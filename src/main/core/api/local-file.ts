// Opens the file to upload and reads it back exactly as announced. The size goes into
// Content-Length before the first byte is sent, so any change while reading must abort the
// upload: a shorter body would stall the server, a longer one would corrupt the stored file.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { ApiError } from './errors';

/** Big reads keep syscalls and event-loop turns low on multi-GiB files; RSS stays a few chunks. */
export const READ_CHUNK_BYTES = 1 * 1024 * 1024;

export interface OpenedFile {
  path: string;
  size: number;
  /** Streams the file's bytes; throws ApiError('local-file') if it changed since it was opened. */
  chunks(): AsyncGenerator<Buffer, void, undefined>;
  /** Safe to call more than once. */
  close(): Promise<void>;
}

/** Turns an fs error into a message that says what to do about this file. */
export function localFileError(err: unknown, path: string): ApiError {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new ApiError('local-file', `File not found: ${path}`, { cause: err });
    case 'EISDIR':
      return new ApiError('local-file', `${path} is a folder; choose files inside it.`, { cause: err });
    case 'EACCES':
    case 'EPERM':
      return new ApiError('local-file', `Cannot read ${path}: permission denied.`, { cause: err });
    case 'EMFILE':
    case 'ENFILE':
      return new ApiError('local-file', `Cannot open ${path}: too many files are open; try again shortly.`, {
        cause: err,
      });
    default: {
      const detail = err instanceof Error ? err.message : String(err);
      return new ApiError('local-file', `Cannot read ${path}: ${detail}`, { cause: err });
    }
  }
}

export function fileChangedError(path: string, expected: number, actual: number): ApiError {
  const how = actual < expected ? 'it got shorter' : 'it got longer';
  return new ApiError(
    'local-file',
    `The file changed while uploading: ${path} (${how}; expected ${expected} bytes). ` +
      'Wait until it is no longer being written, then upload it again.',
  );
}

export async function openLocalFile(path: string): Promise<OpenedFile> {
  // stat by path first: opening a FIFO or device would block or never end.
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!info.isFile()) {
      throw new ApiError(
        'local-file',
        `${path} is not a regular file (a pipe, socket or device?); it cannot be uploaded.`,
      );
    }
  } catch (err) {
    throw err instanceof ApiError ? err : localFileError(err, path);
  }

  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw localFileError(err, path);
  }
  let size: number;
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    size = info.size;
  } catch (err) {
    await handle.close().catch(() => undefined);
    throw localFileError(err, path);
  }

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => (closed ??= handle.close().catch(() => undefined));

  async function* chunks(): AsyncGenerator<Buffer, void, undefined> {
    // autoClose off: the handle belongs to close(), which every caller runs in a finally.
    const stream = createReadStream('', {
      fd: handle,
      autoClose: false,
      start: 0,
      highWaterMark: READ_CHUNK_BYTES,
    });
    let read = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        read += chunk.length;
        // Never yield past the announced size: the overflow would be sent as file content.
        if (read > size) throw fileChangedError(path, size, read);
        yield chunk;
      }
    } catch (err) {
      throw err instanceof ApiError ? err : localFileError(err, path);
    } finally {
      stream.destroy();
    }
    if (read !== size) throw fileChangedError(path, size, read);
  }

  return { path, size, chunks, close };
}
