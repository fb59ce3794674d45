// Which version of a file is being read. Size alone misses a same-size rewrite, so the upload
// compares size, mtime, ctime (moved by every write, even one that puts the old mtime back) and
// the inode or file ID (a save that writes a new file and renames it over the old one) before the
// first byte and after the last. Nanosecond stamps, so nothing is lost to rounding.
//
// What this cannot see: a same-size write landing within the same timestamp tick as the version
// that was opened (file systems stamp with a coarse clock, a few milliseconds), and file systems
// without ctime or inode numbers (FAT). Only a snapshot would close that gap: a reflink copy
// (FICLONE on Btrfs and XFS, clonefile on APFS, block cloning on ReFS) is cheap and would let the
// upload read a frozen copy instead of sending again. That is not done here.
import type { BigIntStats } from 'node:fs';
import { ApiError } from './errors';

export interface FileIdentity {
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  ino: bigint;
  dev: bigint;
}

export function identityOf(info: BigIntStats): FileIdentity {
  return { size: info.size, mtimeNs: info.mtimeNs, ctimeNs: info.ctimeNs, ino: info.ino, dev: info.dev };
}

export function sameFileObject(a: FileIdentity, b: FileIdentity): boolean {
  return a.ino === b.ino && a.dev === b.dev;
}

/** How the file changed, in words for the message; null when it did not. */
export function describeChange(before: FileIdentity, after: FileIdentity): string | null {
  if (!sameFileObject(before, after)) return 'it was replaced by another file';
  if (after.size < before.size) return 'it got shorter';
  if (after.size > before.size) return 'it got longer';
  if (after.mtimeNs !== before.mtimeNs) return 'it was written to';
  // ctime alone: a writer that put the old mtime back (rsync, cp -p), or a change of attributes.
  if (after.ctimeNs !== before.ctimeNs) return 'it was changed';
  return null;
}

/** The file is no longer the version the upload started reading; the queue sends it again. */
export class FileChangedError extends ApiError {
  readonly path: string;
  /** 'it got shorter', 'it was written to'… */
  readonly how: string;

  constructor(path: string, how: string, expectedBytes: number) {
    super(
      'local-file',
      `The file changed while uploading: ${path} (${how}; expected ${expectedBytes} bytes). ` +
        'Wait until it is no longer being written, then upload it again.',
    );
    this.name = 'FileChangedError';
    this.path = path;
    this.how = how;
  }
}

export function isFileChangedError(err: unknown): err is FileChangedError {
  return err instanceof FileChangedError;
}
