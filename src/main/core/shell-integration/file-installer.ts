// Installs and removes file-based entry points (Linux, macOS) so that install followed by uninstall
// leaves the home folder exactly as it was: only files carrying our marker are touched, and only
// folders install itself created are removed again.
import { chmod, mkdir, readFile, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ShellIntegrationError } from './errors';
import type { FileItem } from './file-items';
import { addCreatedDirNote, hasMarker, readCreatedDirNote, readProgramNote } from './marker';
import type { IntegrationItemStatus, ItemState } from './types';

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR')
      return null;
    throw err;
  }
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

function ioError(action: string, target: string, err: unknown): ShellIntegrationError {
  const detail = err instanceof Error ? err.message : String(err);
  return new ShellIntegrationError('io', `Could not ${action} ${target}: ${detail}`);
}

/** Ours (marker present), foreign (something else there), or absent. */
async function ownership(
  item: FileItem,
): Promise<{ state: 'ours' | 'foreign' | 'absent'; marker: string | null }> {
  const marker = await readText(item.markerFile);
  if (marker !== null) return { state: hasMarker(marker) ? 'ours' : 'foreign', marker };
  return { state: (await exists(item.root)) ? 'foreign' : 'absent', marker: null };
}

export async function fileItemState(item: FileItem): Promise<ItemState> {
  const own = await ownership(item);
  if (own.state !== 'ours') return own.state;
  for (const spec of item.files) {
    const raw = await readText(spec.path);
    if (raw === null) return 'outdated';
    const text = spec.path === item.markerFile ? readCreatedDirNote(raw).text : raw;
    if (text !== spec.text) return 'outdated';
    const mode = (await stat(spec.path)).mode & 0o777;
    if ((mode & 0o111) !== (spec.mode & 0o111)) return 'outdated';
  }
  return 'installed';
}

/** The program an outdated entry starts, when that program is gone. */
async function missingProgramOf(item: FileItem): Promise<string | null> {
  const text = await readText(item.markerFile);
  const program = text === null ? null : readProgramNote(text);
  return program !== null && !(await exists(program)) ? program : null;
}

export async function fileItemStatus(item: FileItem): Promise<IntegrationItemStatus> {
  const state = await fileItemState(item);
  const status: IntegrationItemStatus = { id: item.id, label: item.label, location: item.root, state };
  const missing = state === 'outdated' ? await missingProgramOf(item) : null;
  return missing === null ? status : { ...status, missingProgram: missing };
}

/** Refuses before writing anything if any target belongs to someone else; `retry` says what to do after. */
export async function installFileItems(
  items: readonly FileItem[],
  retry = 'turn "Share with KieDrop" on again',
): Promise<void> {
  const owned = await Promise.all(items.map((item) => ownership(item)));
  items.forEach((item, i) => {
    if (owned[i]?.state === 'foreign') {
      throw new ShellIntegrationError(
        'foreign-file',
        `${item.root} already exists and was not created by KieDrop, so it was left alone. Move or delete it, then ${retry}.`,
      );
    }
  });

  for (const [i, item] of items.entries()) {
    // A reinstall keeps the note from the first install: those folders are still ours to remove.
    const previous = owned[i]?.marker;
    let createdDir = previous != null ? readCreatedDirNote(previous).dir : null;
    try {
      const made = await mkdir(path.dirname(item.root), { recursive: true });
      createdDir ??= made ?? null;
      for (const spec of item.files) {
        await mkdir(path.dirname(spec.path), { recursive: true });
        const text =
          spec.path === item.markerFile && createdDir !== null
            ? addCreatedDirNote(spec.text, item.style, createdDir)
            : spec.text;
        await writeFile(spec.path, text, { mode: spec.mode });
        // writeFile's mode is filtered by the umask and ignored for existing files.
        await chmod(spec.path, spec.mode);
      }
    } catch (err) {
      throw ioError('write', item.root, err);
    }
  }
}

/** Removes an empty folder chain from `from` up to and including `top`; stops at the first non-empty one. */
async function removeCreatedDirs(from: string, top: string): Promise<void> {
  const rel = path.relative(top, from);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return;
  let dir = from;
  for (;;) {
    try {
      await rmdir(dir);
    } catch {
      return; // not empty (the user put something there) or already gone
    }
    if (dir === top) return;
    dir = path.dirname(dir);
  }
}

export async function uninstallFileItems(items: readonly FileItem[]): Promise<void> {
  // Last installed first: the first item may have created parents (~/.local/share) that later
  // items' folders sit in, and those can only go once the later ones are gone.
  for (const item of [...items].reverse()) {
    const own = await ownership(item);
    if (own.state !== 'ours' || own.marker === null) continue;
    const { dir } = readCreatedDirNote(own.marker);
    try {
      await rm(item.root, { recursive: true, force: true });
    } catch (err) {
      throw ioError('remove', item.root, err);
    }
    if (dir !== null) await removeCreatedDirs(path.dirname(item.root), dir);
  }
}
