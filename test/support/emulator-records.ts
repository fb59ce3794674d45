// What the emulator really received and kept: the ground truth for "uploaded once" and "the same bytes",
// rather than what the code under test believes it sent.
import { readFile } from 'node:fs/promises';
import type { Emulator } from '../emulator/index';
import { sha256File } from '../emulator/test-client';

export const STREAM_UPLOAD_ROUTE = '/api/file-stream-upload';

/** Upload requests on `route` that the emulator answered with success. */
export function answeredUploads(emulator: Emulator, route = STREAM_UPLOAD_ROUTE): number {
  return emulator.log.filter((e) => e.path === route && e.status === 200).length;
}

function storedPath(emulator: Emulator, filePath: string): string {
  const disk = emulator.storedFile(filePath);
  if (disk === undefined) throw new Error(`the emulator has no file at ${filePath}`);
  return disk;
}

/** The bytes the emulator stored under `filePath` (as the upload answer named it). */
export function storedBytes(emulator: Emulator, filePath: string): Promise<Buffer> {
  return readFile(storedPath(emulator, filePath));
}

/** The SHA-256 (hex) of what the emulator stored under `filePath`, read as a stream (files can be large). */
export function storedSha256(emulator: Emulator, filePath: string): Promise<string> {
  return sha256File(storedPath(emulator, filePath));
}
