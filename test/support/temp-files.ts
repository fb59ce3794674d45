// Files for a test to upload, written into its temp folder. Random bytes where the content must be
// checked byte for byte after a round trip (they do not compress, so nothing gets lucky).
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface WrittenFile {
  path: string;
  data: Buffer;
}

/** A new empty folder under the system's temp folder; the caller removes it. */
export function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Writes `content` to `dir/relPath`, creating the folders on the way; resolves with the full path. */
export async function writeFileIn(dir: string, relPath: string, content: string | Buffer): Promise<string> {
  const path = join(dir, relPath);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
  return path;
}

/** `size` random bytes in `dir/name`. */
export async function writeRandomFile(dir: string, name: string, size: number): Promise<WrittenFile> {
  const data = randomBytes(size);
  const path = await writeFileIn(dir, name, data);
  return { path, data };
}

/** `count` random files, named and sized by their index; written one after another, in index order. */
export async function writeRandomFiles(
  dir: string,
  count: number,
  shape: { name: (i: number) => string; size: (i: number) => number },
): Promise<WrittenFile[]> {
  const files: WrittenFile[] = [];
  for (let i = 0; i < count; i++) files.push(await writeRandomFile(dir, shape.name(i), shape.size(i)));
  return files;
}
