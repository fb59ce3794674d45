// Stored files, keyed by their API filePath. Each file lives on disk under a hash of its
// filePath, so API paths that a filesystem would reject or fold together (case-insensitive
// disks, "a" as both file and folder, over-long names) still behave like the real object store.
// A JSON sidecar next to each file lets a restarted emulator with the same storageDir keep serving it.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

export const FILE_LIFETIME_MS = 3 * 24 * 60 * 60 * 1000;

export interface StoredFile {
  filePath: string;
  fileName: string;
  diskPath: string;
  size: number;
  mimeType: string;
  uploadedAt: number;
}

export interface Storage {
  readonly dir: string;
  /** A fresh path for a partial upload; never visible as a stored file until commit(). */
  tempPath(): string;
  commit(tempPath: string, file: Omit<StoredFile, 'diskPath'>): Promise<StoredFile>;
  discard(tempPath: string): Promise<void>;
  /** The stored file, unless absent or expired (an expired one is deleted on the spot). */
  get(filePath: string): StoredFile | undefined;
  sweep(): number;
}

export function openStorage(dir: string, now: () => number): Storage {
  const objectsDir = join(dir, 'objects');
  const incomingDir = join(dir, 'incoming');
  mkdirSync(objectsDir, { recursive: true });
  // Leftovers here are uploads a previous run never finished.
  rmSync(incomingDir, { recursive: true, force: true });
  mkdirSync(incomingDir, { recursive: true });

  const files = loadSidecars(objectsDir);

  const expired = (f: StoredFile) => now() - f.uploadedAt >= FILE_LIFETIME_MS;
  const remove = (f: StoredFile) => {
    files.delete(f.filePath);
    rmSync(f.diskPath, { force: true });
    rmSync(`${f.diskPath}.json`, { force: true });
  };

  return {
    dir,
    tempPath: () => join(incomingDir, randomBytes(12).toString('hex')),
    async commit(tempPath, file) {
      const diskPath = join(objectsDir, createHash('sha256').update(file.filePath).digest('hex'));
      // rename() replaces an older file of the same name atomically: readers see old or new, never half.
      await rename(tempPath, diskPath);
      const stored: StoredFile = { ...file, diskPath };
      writeFileSync(`${diskPath}.json`, JSON.stringify({ ...file }));
      files.set(file.filePath, stored);
      return stored;
    },
    discard: (tempPath) => rm(tempPath, { force: true }),
    get(filePath) {
      const f = files.get(filePath);
      if (f === undefined) return undefined;
      if (expired(f)) {
        remove(f);
        return undefined;
      }
      return f;
    },
    sweep() {
      let count = 0;
      for (const f of [...files.values()]) {
        if (expired(f)) {
          remove(f);
          count += 1;
        }
      }
      return count;
    },
  };
}

function loadSidecars(objectsDir: string): Map<string, StoredFile> {
  const files = new Map<string, StoredFile>();
  for (const name of readdirSync(objectsDir)) {
    if (!name.endsWith('.json')) continue;
    const diskPath = join(objectsDir, name.slice(0, -'.json'.length));
    try {
      const meta = JSON.parse(readFileSync(join(objectsDir, name), 'utf8')) as Omit<StoredFile, 'diskPath'>;
      if (typeof meta.filePath !== 'string' || typeof meta.uploadedAt !== 'number' || !existsSync(diskPath))
        continue;
      files.set(meta.filePath, { ...meta, diskPath });
    } catch {
      // A sidecar cut short by a crash: its file is simply forgotten, like an expired one.
    }
  }
  return files;
}
