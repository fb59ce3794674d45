// The files a bench uploads: `count` files of `size` random bytes in one folder, named so that name order
// is creation order (small-0000.bin … small-0999.bin), with each one's SHA-256 for checking what the
// server stored.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes the files into `dir` (made if missing); path → SHA-256 in hex, in name order. */
export function writeRandomFiles(dir: string, count: number, size: number): Map<string, string> {
  mkdirSync(dir, { recursive: true });
  const digits = String(count).length;
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const path = join(dir, `small-${String(i).padStart(digits, '0')}.bin`);
    const data = randomBytes(size);
    writeFileSync(path, data);
    files.set(path, createHash('sha256').update(data).digest('hex'));
  }
  return files;
}
