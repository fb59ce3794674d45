// Polling: for folders whose changes the OS does not report (network drives), and for a folder that hit
// the OS's watch limit. Each look walks the folder and compares every entry's size, modification time,
// inode and mode with the previous look: what is new or different is reported like an OS event, what
// is no longer there as removed.
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { scanFolder } from './scan-folder';
import type { ScanResult } from './scan-folder';

export interface FolderPollerOptions {
  root: string;
  recursive: boolean;
  skipDotFolders: boolean;
  onFile(relativePath: string): void;
  onRemoved(relativePath: string): void;
  /** The first look: every file found, a slice at a time (what was there before watching began). */
  onListed(relativePaths: string[]): void | Promise<void>;
  onError(absolutePath: string, err: unknown): void;
  cancelled(): boolean;
}

export interface FolderPoller {
  look(): Promise<ScanResult>;
}

/** Stats run this many at a time: enough to keep the I/O threads busy, few enough to leave them to uploads. */
const PARALLEL_STATS = 16;

export function createFolderPoller(opts: FolderPollerOptions): FolderPoller {
  let seen: Map<string, string> | null = null;

  async function signatures(rels: readonly string[]): Promise<(string | null)[]> {
    const out: (string | null)[] = new Array<string | null>(rels.length).fill(null);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < rels.length) {
        const i = next++;
        try {
          const info = await lstat(join(opts.root, ...(rels[i] as string).split('/')));
          out[i] = `${info.size}:${Math.trunc(info.mtimeMs)}:${info.ino}:${info.mode}`;
        } catch {
          // Gone between the listing and the look: reported as removed at the end if it stays gone.
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_STATS, rels.length) }, worker));
    return out;
  }

  return {
    async look() {
      const first = seen === null;
      const previous = seen ?? new Map<string, string>();
      const current = new Map<string, string>();
      const result = await scanFolder(opts.root, {
        recursive: opts.recursive,
        skipDotFolders: opts.skipDotFolders,
        onError: opts.onError,
        cancelled: opts.cancelled,
        sliceSize: 256,
        onFiles: async (rels) => {
          const sigs = await signatures(rels);
          rels.forEach((rel, i) => {
            const sig = sigs[i];
            if (sig === null || sig === undefined) return;
            current.set(rel, sig);
            if (!first && previous.get(rel) !== sig) opts.onFile(rel);
          });
          if (first) await opts.onListed(rels);
        },
      });
      // An interrupted look proves nothing about what is gone; the next one compares with this one.
      if (!result.complete) return result;
      if (!first) for (const rel of previous.keys()) if (!current.has(rel)) opts.onRemoved(rel);
      seen = current;
      return result;
    },
  };
}
