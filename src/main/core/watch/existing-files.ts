// The files already in a folder as it is added. By default they are recorded in the ledger as known and
// not to upload, so adding ~/Downloads does not make a public link of everything in it; the person may
// choose to upload them too. The count shown before adding is of the files the filters let through.
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { createFileFilter } from './file-filter';
import type { FolderSettings } from './folder-store';
import type { ExistingFile } from './ledger-store';
import { scanFolder } from './scan-folder';

export interface ExistingFilesFound {
  /** Every regular file, whatever the filters: recorded, so a later filter change does not send them. */
  files: ExistingFile[];
  /** How many of them the folder's filters would upload. */
  matching: number;
}

const PARALLEL_STATS = 16;

export async function findExistingFiles(settings: FolderSettings): Promise<ExistingFilesFound> {
  const names: string[] = [];
  await scanFolder(settings.path, {
    recursive: settings.recursive,
    skipDotFolders: settings.ignoreDotfiles,
    onFiles: (rels) => {
      names.push(...rels);
    },
    // A subfolder that cannot be listed has nothing we could record; watching names it later.
    onError: () => undefined,
  });
  const filter = createFileFilter(settings);
  const files: ExistingFile[] = [];
  let matching = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < names.length) {
      const rel = names[next++] as string;
      try {
        const info = await lstat(join(settings.path, ...rel.split('/')));
        if (!info.isFile()) continue;
        // Whole milliseconds, as the stability tracker records them (candidate-stat.ts).
        files.push({ relativePath: rel, size: info.size, mtimeMs: Math.trunc(info.mtimeMs) });
        if (filter(rel) === null) matching++;
      } catch {
        // Gone meanwhile: nothing to record.
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_STATS, names.length) }, worker));
  return { files, matching };
}
