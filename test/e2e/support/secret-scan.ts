// Looks for a secret in every byte of every file under some folders: text, SQLite pages and WAL frames,
// PNGs, anything. It searches the raw bytes, the UTF-16 form (how some tools write text) and Base64 at
// every alignment (a key inside an encoded blob), so "not found" means not there in any of those forms.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface SecretHit {
  file: string;
  form: string;
  offset: number;
}

export interface ScanResult {
  /** Every regular file read. */
  files: string[];
  hits: SecretHit[];
}

function forms(secret: string): { form: string; bytes: Buffer }[] {
  const raw = Buffer.from(secret, 'utf8');
  const out = [
    { form: 'utf-8', bytes: raw },
    { form: 'utf-16le', bytes: Buffer.from(secret, 'utf16le') },
  ];
  // Base64 of the secret depends on where it starts in its 3-byte group; the groups that also hold
  // neighbouring bytes are dropped, the rest is the same whatever surrounds it.
  for (let shift = 0; shift < 3; shift += 1) {
    const encoded = Buffer.concat([Buffer.alloc(shift), raw]).toString('base64');
    const stable = encoded.slice(shift === 0 ? 0 : 4, -4);
    if (stable.length >= 8)
      out.push({ form: `base64 (shift ${shift})`, bytes: Buffer.from(stable, 'ascii') });
  }
  return out;
}

async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

export async function scanForSecret(roots: readonly string[], secret: string): Promise<ScanResult> {
  if (secret.length < 8)
    throw new Error('Scan for a secret of at least 8 characters, or every file matches.');
  const patterns = forms(secret);
  const files = (await Promise.all(roots.map(listFiles))).flat();
  const hits: SecretHit[] = [];
  for (const file of files) {
    // A file gone since it was listed (SQLite removes its -shm and -wal on close) holds nothing any more.
    const bytes = await readFile(file).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    if (bytes === null) continue;
    for (const { form, bytes: pattern } of patterns) {
      const offset = bytes.indexOf(pattern);
      if (offset !== -1) hits.push({ file, form, offset });
    }
  }
  return { files, hits };
}
