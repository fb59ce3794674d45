// Where a folder really is, so one folder reached by two names (a link to it, a bind mount) is known
// as one: watching it twice would upload every file twice.
import { realpath, stat } from 'node:fs/promises';
import type { OverlapEntry } from './folder-settings';

/** The entry with its real path and file ID added; as it was when the folder cannot be resolved now
 * (missing, unplugged), compared by its saved path alone. */
export async function withFolderIdentity<T extends OverlapEntry>(folder: T): Promise<T> {
  try {
    const [real, info] = await Promise.all([realpath(folder.path), stat(folder.path)]);
    return { ...folder, real, fileId: `${info.dev}:${info.ino}` };
  } catch {
    return folder;
  }
}
