// Opens the file to upload and reads it back exactly as announced. The size goes into
// Content-Length before the first byte is sent, so any change while reading must abort the
// upload: a shorter body would stall the server, a longer one would corrupt the stored file, and
// a same-size rewrite would store a mix of two versions. The abort comes before the body's last
// bytes go out, so the server never stores what was read.
//
// The bytes are read into two buffers that take turns, one being sent while the next chunk is read
// into the other (see read-buffers.ts for why they are borrowed rather than allocated per chunk).
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { BLOCKING_READ_MAX_BYTES, blockingSmallFileIoAllowed } from './blocking-io';
import { ApiError } from './errors';
import { FileChangedError, describeChange, identityOf, sameFileObject } from './file-identity';
import type { FileIdentity } from './file-identity';
import { borrowReadBuffers, READ_CHUNK_BYTES, returnReadBuffers } from './read-buffers';

/** How often the open file is checked for writes while it is read; the check after the last byte
 * is what guarantees a change is caught, these only stop a doomed upload early. */
const CHANGE_CHECK_INTERVAL_MS = 250;

export interface OpenedFile {
  path: string;
  size: number;
  /** Modification time of the version being sent, in whole milliseconds (as the queue records it). */
  mtimeMs: number;
  /** Streams the file's bytes; throws FileChangedError if it changed since it was opened. A chunk's
   * memory is reused once the next chunk is asked for: use or copy it before that. `into`, at least
   * `size` bytes: where a file that fits one chunk is read, instead of a buffer of its own. */
  chunks(into?: Buffer): AsyncGenerator<Buffer, void, undefined>;
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

/** Where the platform has it, O_NONBLOCK makes opening a FIFO return at once instead of waiting for
 * a writer, so the type check can follow the open (one file-system call fewer per file than a stat
 * by path first). It has no effect on reading a regular file (open(2)). Windows has no FIFOs to
 * block on and no such flag: there the path is checked first. */
const OPEN_WITHOUT_BLOCKING =
  constants.O_NONBLOCK === undefined ? undefined : constants.O_RDONLY | constants.O_NONBLOCK;

/** Math.trunc of the mtimeMs a plain (non-bigint) stat gives, computed as Node computes it (seconds × 1000
 * + nanoseconds ÷ 10⁶ in floating point), so it matches what the queue recorded from such a stat. */
export function wholeMilliseconds(ns: bigint): number {
  let sec = ns / 1_000_000_000n;
  let nsec = ns % 1_000_000_000n;
  if (nsec < 0n) {
    sec -= 1n;
    nsec += 1_000_000_000n;
  }
  return Math.trunc(Number(sec) * 1000 + Number(nsec) / 1e6);
}

function notRegularFile(path: string): ApiError {
  return new ApiError(
    'local-file',
    `${path} is not a regular file (a pipe, socket or device?); it cannot be uploaded.`,
  );
}

export async function openLocalFile(path: string): Promise<OpenedFile> {
  if (blockingSmallFileIoAllowed()) {
    const small = openSmallFileNow(path);
    if (small !== null) return small;
  }
  if (OPEN_WITHOUT_BLOCKING === undefined) {
    // stat by path first: opening a FIFO or device would block or never end.
    try {
      const info = await stat(path);
      if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      if (!info.isFile()) throw notRegularFile(path);
    } catch (err) {
      throw err instanceof ApiError ? err : localFileError(err, path);
    }
  }

  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_WITHOUT_BLOCKING ?? 'r');
  } catch (err) {
    throw localFileError(err, path);
  }
  // The version being sent: whatever the handle holds now, before the first byte is read.
  let before: FileIdentity;
  let mtimeMs: number;
  try {
    const info = await handle.stat({ bigint: true });
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!info.isFile()) throw notRegularFile(path);
    before = identityOf(info);
    mtimeMs = wholeMilliseconds(info.mtimeNs);
  } catch (err) {
    await handle.close().catch(() => undefined);
    throw err instanceof ApiError ? err : localFileError(err, path);
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
    const current = await stat(path, { bigint: true }).then(identityOf, goneAsNull);
    throwIfReplaced(path, before, current, size);
  }

  /** Fills `buffer` from `position` up to its length or the announced size; fewer bytes only when
   * the file ended early. */
  async function readAt(buffer: Buffer, position: number): Promise<number> {
    const wanted = Math.min(buffer.length, size - position);
    let filled = 0;
    while (filled < wanted) {
      const { bytesRead } = await handle.read(buffer, filled, wanted - filled, position + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled;
  }

  async function* chunks(into?: Buffer): AsyncGenerator<Buffer, void, undefined> {
    // A file that fits one chunk is one read: a buffer of its own size does (or the caller's).
    const small = size <= READ_CHUNK_BYTES;
    const given = into !== undefined && into.length >= size && size > 0 ? into : undefined;
    const own = small ? (given ?? Buffer.allocUnsafeSlow(Math.max(1, size))) : undefined;
    const buffers = own === undefined ? borrowReadBuffers() : ([own, own] as const);
    const length = buffers[0].length;
    let turn: 0 | 1 = 0;
    let position = 0;
    let checkedAt = performance.now();
    // Reading never goes past the announced size, so extra bytes are never sent as file content;
    // a file that grew is caught by the checks below.
    let next: Promise<number> | undefined = size > 0 ? readAt(buffers[0], 0) : undefined;
    // A read still running when the consumer stops is awaited in finally; until then its failure
    // must not count as unhandled.
    next?.catch(() => undefined);
    try {
      while (next !== undefined) {
        const buffer = buffers[turn];
        const got = await next;
        if (got < Math.min(length, size - position)) throw fileChangedError(path, size, position + got);
        position += got;
        // The other buffer holds the chunk yielded last time; the consumer has asked for more, so
        // it is done with it: read ahead into it while this one is sent.
        turn = turn === 0 ? 1 : 0;
        next = position < size ? readAt(buffers[turn], position) : undefined;
        next?.catch(() => undefined);
        if (performance.now() - checkedAt >= CHANGE_CHECK_INTERVAL_MS) {
          // A write seen early saves sending the rest of a file that will be sent again anyway.
          await ensureUnchanged(false);
          checkedAt = performance.now();
        }
        yield buffer.subarray(0, got);
      }
      // After the last byte and before the body's end: a change now still stops the server
      // from storing what was read.
      await ensureUnchanged(true);
    } catch (err) {
      throw err instanceof ApiError ? err : localFileError(err, path);
    } finally {
      // No read may still be filling a buffer (or using the handle) once the caller moves on; the
      // consumer is done with the last chunk it got, as it has asked for more or stopped asking.
      await next?.catch(() => undefined);
      if (own === undefined) returnReadBuffers(buffers);
    }
  }

  return { path, size, mtimeMs, chunks, close };
}

/** Null when nothing stands at the path any more: moved or deleted after it was read, what was sent is
 * still one whole version of it. Any other failure is thrown. */
function goneAsNull(err: unknown): null {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return null;
  throw err;
}

/** Another file now stands at `path` (saved elsewhere and renamed over it): the upload must stop. */
function throwIfReplaced(
  path: string,
  before: FileIdentity,
  current: FileIdentity | null,
  size: number,
): void {
  if (current !== null && !sameFileObject(before, current))
    throw new FileChangedError(path, 'it was replaced by another file', size);
}

function throwIfNotRegular(info: { isDirectory(): boolean; isFile(): boolean }, path: string): void {
  if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  if (!info.isFile()) throw notRegularFile(path);
}

/**
 * The same contract as the streaming path, in blocking calls, for a file of at most
 * BLOCKING_READ_MAX_BYTES where the process allows it (see blocking-io.ts): read whole when the body
 * starts, then checked after its last byte went out. Null for a larger file: it streams.
 */
function openSmallFileNow(path: string): OpenedFile | null {
  let fd: number;
  try {
    if (OPEN_WITHOUT_BLOCKING === undefined) {
      const info = statSync(path);
      throwIfNotRegular(info, path);
      if (info.size > BLOCKING_READ_MAX_BYTES) return null;
    }
    fd = openSync(path, OPEN_WITHOUT_BLOCKING ?? 'r');
  } catch (err) {
    throw err instanceof ApiError ? err : localFileError(err, path);
  }
  const closeNow = (): void => {
    try {
      closeSync(fd);
    } catch {
      // Already closed, or the system refused: nothing more can be done with it.
    }
  };
  let before: FileIdentity;
  let mtimeMs: number;
  try {
    const info = fstatSync(fd, { bigint: true });
    throwIfNotRegular(info, path);
    before = identityOf(info);
    mtimeMs = wholeMilliseconds(info.mtimeNs);
  } catch (err) {
    closeNow();
    throw err instanceof ApiError ? err : localFileError(err, path);
  }
  const size = Number(before.size);
  if (size > BLOCKING_READ_MAX_BYTES) {
    closeNow();
    return null;
  }

  let closed = false;
  const close = (): Promise<void> => {
    if (!closed) {
      closed = true;
      closeNow();
    }
    return Promise.resolve();
  };

  function ensureUnchangedNow(): void {
    const how = describeChange(before, identityOf(fstatSync(fd, { bigint: true })));
    if (how !== null) throw new FileChangedError(path, how, size);
    let current: FileIdentity | null;
    try {
      current = identityOf(statSync(path, { bigint: true }));
    } catch (err) {
      current = goneAsNull(err);
    }
    throwIfReplaced(path, before, current, size);
  }

  // Synchronous inside: an async generator only so that it is consumed as the streaming one is.
  async function* chunks(into?: Buffer): AsyncGenerator<Buffer, void, undefined> {
    try {
      if (size > 0) {
        const buffer = into !== undefined && into.length >= size ? into : Buffer.allocUnsafeSlow(size);
        let filled = 0;
        while (filled < size) {
          const got = readSync(fd, buffer, filled, size - filled, filled);
          if (got === 0) break;
          filled += got;
        }
        if (filled < size) throw fileChangedError(path, size, filled);
        yield buffer.subarray(0, size);
      }
      // After the last byte and before the body's end, as when streaming.
      ensureUnchangedNow();
    } catch (err) {
      throw err instanceof ApiError ? err : localFileError(err, path);
    }
  }

  return { path, size, mtimeMs, chunks, close };
}
