import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The app's list of watched folders whose links are copied as each upload finishes, read and written in
// the app's settings file by hand: the settings store's file library cannot load in the built command.
// Every other setting in the file is kept as it is.

export interface SavedCopyLinkFolders {
  get(): { copyLinkFolders: string[] };
  set(patch: { copyLinkFolders: string[] }): void;
}

function readSettings(file: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

export function savedCopyLinkFolders(dataDir: string): SavedCopyLinkFolders {
  const file = join(dataDir, 'settings.json');
  return {
    get() {
      const saved = readSettings(file)['copyLinkFolders'];
      const folders = Array.isArray(saved) ? saved.filter((p): p is string => typeof p === 'string') : [];
      return { copyLinkFolders: folders };
    },
    set({ copyLinkFolders }) {
      const next = { ...readSettings(file), copyLinkFolders };
      // Written beside it and renamed over it, so the app never reads half a file.
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, `${JSON.stringify(next, null, '\t')}\n`);
      renameSync(temp, file);
    },
  };
}
