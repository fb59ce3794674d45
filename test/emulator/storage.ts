// Stored files, keyed by their API filePath. Each file lives on disk under a hash of its
// filePath, so API paths that a filesystem would reject or fold together (case-insensitive
// disks, "a" as both file and folder, over-long names) still behave like the real object store.
// A JSON sidecar next to each file lets a restarted emulator with the same storageDir keep serving it.
// How long files live, whether an overwrite restarts that clock, and how long a CDN keeps serving the
// old bytes after an overwrite are knobs (LinkBehaviour), read on every call so tests can turn them.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

export const FILE_LIFETIME_MS = 3 * 24 * 60 * 60 * 1000;

export interface LinkBehaviour {
  /** How long a file lives, counted from clockStartedAt. */
  lifetimeMs: number;
  /** Whether uploading again to the same filePath restarts its lifetime (the docs are silent). */
  overwriteRestartsClock: boolean;
  /** For this long after an overwrite the download link still serves the old bytes, as a cache would. */
  cdnDelayMs: number;
  /** The first folder of every filePath (default 'kieai'). Changing it makes the same path and name answer
   * a different link, as a service that moved its storage would. */
  linkRoot: string;
}

export const DEFAULT_LINK_BEHAVIOUR: LinkBehaviour = {
  lifetimeMs: FILE_LIFETIME_MS,
  overwriteRestartsClock: true,
  cdnDelayMs: 0,
  linkRoot: 'kieai',
};

export function checkedLinkBehaviour(b: LinkBehaviour): LinkBehaviour {
  if (!Number.isFinite(b.lifetimeMs) || b.lifetimeMs <= 0)
    throw new TypeError(`lifetimeMs must be a positive number of ms, got ${b.lifetimeMs}`);
  if (!Number.isFinite(b.cdnDelayMs) || b.cdnDelayMs < 0)
    throw new TypeError(`cdnDelayMs must be 0 or more ms, got ${b.cdnDelayMs}`);
  if (typeof b.overwriteRestartsClock !== 'boolean')
    throw new TypeError('overwriteRestartsClock must be true or false');
  if (typeof b.linkRoot !== 'string' || !/^[A-Za-z0-9_-]+$/.test(b.linkRoot))
    throw new TypeError('linkRoot must be one folder name of letters, digits, - or _');
  return {
    lifetimeMs: b.lifetimeMs,
    overwriteRestartsClock: b.overwriteRestartsClock,
    cdnDelayMs: b.cdnDelayMs,
    linkRoot: b.linkRoot,
  };
}

/** The bytes an overwrite replaced, still served by the link until `until`. */
export interface StaleCopy {
  diskPath: string;
  size: number;
  mimeType: string;
  until: number;
}

export interface StoredFile {
  filePath: string;
  fileName: string;
  diskPath: string;
  size: number;
  mimeType: string;
  uploadedAt: number;
  /** When the lifetime started: uploadedAt, or the first upload's time when an overwrite keeps the clock. */
  clockStartedAt: number;
  stale?: StaleCopy;
}

type NewFile = Omit<StoredFile, 'diskPath' | 'clockStartedAt' | 'stale'>;

export interface Storage {
  readonly dir: string;
  /** A fresh path for a partial upload; never visible as a stored file until commit(). */
  tempPath(): string;
  commit(tempPath: string, file: NewFile): Promise<StoredFile>;
  discard(tempPath: string): Promise<void>;
  /** The stored file, unless absent or expired (an expired one is deleted on the spot). */
  get(filePath: string): StoredFile | undefined;
  /** What the public link serves now: the stored file, or the bytes it replaced while the CDN delay lasts. */
  served(filePath: string): { diskPath: string; size: number; mimeType: string } | undefined;
  sweep(): number;
  lifetimeMs(): number;
  linkRoot(): string;
}

export function openStorage(
  dir: string,
  now: () => number,
  behaviour: () => LinkBehaviour = () => DEFAULT_LINK_BEHAVIOUR,
): Storage {
  const objectsDir = join(dir, 'objects');
  const incomingDir = join(dir, 'incoming');
  mkdirSync(objectsDir, { recursive: true });
  // Leftovers here are uploads a previous run never finished.
  rmSync(incomingDir, { recursive: true, force: true });
  mkdirSync(incomingDir, { recursive: true });

  const files = loadSidecars(objectsDir);

  const expired = (f: StoredFile) => now() - f.clockStartedAt >= behaviour().lifetimeMs;
  const dropStale = (f: StoredFile) => {
    if (f.stale) rmSync(f.stale.diskPath, { force: true });
  };
  const remove = (f: StoredFile) => {
    files.delete(f.filePath);
    dropStale(f);
    rmSync(f.diskPath, { force: true });
    rmSync(`${f.diskPath}.json`, { force: true });
  };
  const live = (filePath: string) => {
    const f = files.get(filePath);
    if (f === undefined) return undefined;
    if (expired(f)) {
      remove(f);
      return undefined;
    }
    return f;
  };

  return {
    dir,
    tempPath: () => join(incomingDir, randomBytes(12).toString('hex')),
    async commit(tempPath, file) {
      const diskPath = join(objectsDir, createHash('sha256').update(file.filePath).digest('hex'));
      const { overwriteRestartsClock, cdnDelayMs } = behaviour();
      const previous = live(file.filePath);
      if (previous) dropStale(previous);
      let stale: StaleCopy | undefined;
      if (previous && cdnDelayMs > 0) {
        const staleDisk = `${diskPath}.stale`;
        await rename(previous.diskPath, staleDisk);
        stale = {
          diskPath: staleDisk,
          size: previous.size,
          mimeType: previous.mimeType,
          until: now() + cdnDelayMs,
        };
      }
      // rename() replaces an older file of the same name atomically: readers see old or new, never half.
      await rename(tempPath, diskPath);
      const clockStartedAt = previous && !overwriteRestartsClock ? previous.clockStartedAt : file.uploadedAt;
      const meta = { ...file, clockStartedAt, ...(stale && { stale }) };
      writeFileSync(`${diskPath}.json`, JSON.stringify(meta));
      const stored: StoredFile = { ...meta, diskPath };
      files.set(file.filePath, stored);
      return stored;
    },
    discard: (tempPath) => rm(tempPath, { force: true }),
    get: live,
    served(filePath) {
      const f = live(filePath);
      if (f === undefined) return undefined;
      if (f.stale && now() < f.stale.until) return f.stale;
      return f;
    },
    lifetimeMs: () => behaviour().lifetimeMs,
    linkRoot: () => behaviour().linkRoot,
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
      // Sidecars written before the lifetime knob started the clock at the upload.
      const clockStartedAt = typeof meta.clockStartedAt === 'number' ? meta.clockStartedAt : meta.uploadedAt;
      files.set(meta.filePath, { ...meta, clockStartedAt, diskPath });
    } catch {
      // A sidecar cut short by a crash: its file is simply forgotten, like an expired one.
    }
  }
  return files;
}

/** '3 days', '24 hours', '90 seconds': how the 404 message names the lifetime. */
export function describeLifetime(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1000, 'second'],
  ];
  for (const [size, name] of units) {
    // One day reads better as '24 hours', as some of the service's own pages put it.
    if (ms >= (size === 86_400_000 ? 2 * size : size) && ms % size === 0)
      return `${ms / size} ${name}${ms === size ? '' : 's'}`;
  }
  return `${ms} ms`;
}
