// Files of a watched folder that could not be read, looked at again on a timer. Fixing the permission
// (chmod, chown) changes no content, and for a file we may not read the system sends no event either
// (an OS watch on it needs read access); without this, the fix would only be noticed at the next start.
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';

export interface UnreadableFiles {
  add(relativePath: string): void;
  delete(relativePath: string): void;
  has(relativePath: string): boolean;
  clear(): void;
  readonly size: number;
}

export interface UnreadableFilesOptions {
  everyMs: number;
  absolutePath(relativePath: string): string;
  /** The file can be read now (or is gone): look at it again. */
  recheck(relativePath: string): void;
}

export function createUnreadableFiles(opts: UnreadableFilesOptions): UnreadableFiles {
  const files = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  async function checkAll(): Promise<void> {
    timer = undefined;
    await Promise.all(
      [...files].map(async (rel) => {
        try {
          await access(opts.absolutePath(rel), constants.R_OK);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException | null)?.code;
          if (code === 'EACCES' || code === 'EPERM') return;
        }
        // Readable now, or gone, or something else: the regular check decides and reports.
        if (files.delete(rel)) opts.recheck(rel);
      }),
    );
    schedule();
  }

  function schedule(): void {
    if (timer !== undefined || files.size === 0) return;
    timer = setTimeout(() => void checkAll(), opts.everyMs);
  }

  return {
    add(rel) {
      files.add(rel);
      schedule();
    },
    delete(rel) {
      files.delete(rel);
    },
    has: (rel) => files.has(rel),
    clear() {
      files.clear();
      clearTimeout(timer);
      timer = undefined;
    },
    get size() {
      return files.size;
    },
  };
}
