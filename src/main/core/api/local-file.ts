// Opens the file to upload and reads it back exactly as announced. The size goes into
// Content-Length before the first byte is sent, so any change while reading must abort the
// upload: a shorter body would stall the server, a longer one would corrupt the stored file, and
// a same-size rewrite would store a mix of two versions. The abort comes before the body's last
// bytes go out, so the server never stores what was read.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { ApiError } from './errors';
import { FileChangedError, describeChange, identityOf, sameFileObject } from './file-identity';
import type { FileIdentity } from './file-identity';

/** Big reads keep syscalls and event-loop turns low on multi-GiB files; RSS stays a few chunks. */
export const READ_CHUNK_BYTES = 1 * 1024 * 1024;

export interface OpenedFile {
  path: string;
  size: number;
  /** Streams the file's bytes; throws FileChangedError if it changed since it was opened. */
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

export function fileChangedError(path: string, expected: number, actual: number): FileChangedError {
  return new FileChangedError(path, actual < expected ? 'it got shorter' : 'it got longer', expected);
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
  // The version being sent: whatever the handle holds now, before the first byte is read.
  let before: FileIdentity;
  try {
    const info = await handle.stat({ bigint: true });
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    before = identityOf(info);
  } catch (err) {
    await handle.close().catch(() => undefined);
    throw localFileError(err, path);
  }
  const size = Number(before.size);

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => (closed ??= handle.close().catch(() => undefined));

  /** Throws FileChangedError when the open file was written to since it was opened; `atEnd`, also
   * when another file now stands at `path` (saved elsewhere and renamed over it). */
  async function ensureUnchanged(atEnd: boolean): Promise<void> {
    const how = describeChange(before, identityOf(await handle.stat({ bigint: true })));
    if (how !== null) throw new FileChangedError(path, how, size);
    if (!atEnd) return;
    let current: FileIdentity;
    try {
      current = identityOf(await stat(path, { bigint: true }));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException | null)?.code;
      // Moved or deleted after it was read: what was sent is still one whole version of it.
      if (code === 'ENOENT' || code === 'ENOTDIR') return;
      throw err;
    }
    if (!sameFileObject(before, current))
      throw new FileChangedError(path, 'it was replaced by another file', size);
  }

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
        // A write seen early saves sending the rest of a file that will be sent again anyway.
        await ensureUnchanged(false);
        yield chunk;
      }
      if (read !== size) throw fileChangedError(path, size, read);
      // After the last byte and before the body's end: a change now still stops the server
      // from storing what was read.
      await ensureUnchanged(true);
    } catch (err) {
      throw err instanceof ApiError ? err : localFileError(err, path);
    } finally {
      stream.destroy();
    }
  }

  return { path, size, chunks, close };
}
