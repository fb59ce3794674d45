// Turns what the user shared into the list of files to upload. A folder shares the files in it
// (sub-folders only when asked: a right-click on a project folder must not upload node_modules);
// hidden files inside folders are skipped, since nobody means to publish .DS_Store or .env by
// sharing the folder around them. A path that does not exist, or a file whose name the service
// refuses (a line break in it, say), is reported, and the rest go on.
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { localFileNameProblem } from '../api/validate-input';

export interface CollectOptions {
  /** Go into sub-folders of shared folders. Default false. */
  recurse?: boolean;
}

export interface CollectedFiles {
  /** Absolute file paths, in the order shared; a folder's files in name order. No duplicates. */
  files: string[];
  /** Shared paths that do not exist. */
  missing: string[];
  /** Shared paths (or entries inside shared folders) that exist but cannot be read. */
  unreadable: { path: string; message: string }[];
  /** Files left out because the service cannot take their names; `message` says why. */
  refused: { path: string; message: string }[];
  /** Hidden entries left out of shared folders. */
  hiddenSkipped: number;
  /** Shared folders that held no file to upload. */
  emptyFolders: string[];
}

// Numeric-aware, so "photo 2" comes before "photo 10" as in file managers.
// Made on first use: building a collator loads ICU data (several ms), which a one-file upload never needs.
let collator: Intl.Collator | undefined;
function byName(): Intl.Collator {
  collator ??= new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return collator;
}

function isHidden(name: string): boolean {
  return name.startsWith('.');
}

function describeError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many symbolic links';
  return err instanceof Error ? err.message : String(err);
}

export async function collectShareFiles(
  shared: readonly string[],
  opts: CollectOptions = {},
): Promise<CollectedFiles> {
  const out: CollectedFiles = {
    files: [],
    missing: [],
    unreadable: [],
    refused: [],
    hiddenSkipped: 0,
    emptyFolders: [],
  };
  const seen = new Set<string>();
  const addFile = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const problem = localFileNameProblem(path.basename(file));
    if (problem === null) out.files.push(file);
    else out.refused.push({ path: file, message: problem });
  };

  async function walkFolder(folder: string): Promise<number> {
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (err) {
      out.unreadable.push({ path: folder, message: `cannot list the folder: ${describeError(err)}` });
      return 0;
    }
    entries.sort((a, b) => byName().compare(a.name, b.name));
    let found = 0;
    for (const entry of entries) {
      if (isHidden(entry.name)) {
        out.hiddenSkipped++;
        continue;
      }
      const full = path.join(folder, entry.name);
      if (entry.isFile()) {
        addFile(full);
        found++;
      } else if (entry.isDirectory()) {
        if (opts.recurse === true) found += await walkFolder(full);
      } else if (entry.isSymbolicLink()) {
        // Linked files are shared; linked folders are not followed, so a link loop cannot run forever.
        const target = await stat(full).catch(() => undefined);
        if (target?.isFile() === true) {
          addFile(full);
          found++;
        }
      }
    }
    return found;
  }

  for (const raw of shared) {
    const item = path.resolve(raw);
    let info;
    try {
      info = await stat(item);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') out.missing.push(item);
      else out.unreadable.push({ path: item, message: describeError(err) });
      continue;
    }
    if (info.isFile()) {
      addFile(item);
    } else if (info.isDirectory()) {
      if ((await walkFolder(item)) === 0) out.emptyFolders.push(item);
    } else {
      out.unreadable.push({ path: item, message: 'not a regular file or folder' });
    }
  }
  return out;
}
