// "Save a copy…": downloads a live entry's link to a place the person picks in a save dialog, through the
// saved proxy. The answer says where it went, for the toast; a failure says why, and nothing is left
// under the chosen name (the download lands in a temporary file first).
import { homedir } from 'node:os';
import { dirname, sep } from 'node:path';
import { DownloadError } from '../copies';
import type { Handlers } from '../../../shared/ipc-contract';
import { IpcFailure } from './ipc-failure';
import type { HandlerDeps } from './types';

/** The folder as a person reads it: inside the home folder, shown from ~. */
export function shownFolder(folder: string, home = homedir()): string {
  if (folder === home) return '~';
  return folder.startsWith(home + sep) ? `~${folder.slice(home.length)}` : folder;
}

export function saveCopyHandlers(deps: HandlerDeps): Pick<Handlers, 'history:save-copy'> {
  const now = deps.now ?? Date.now;
  return {
    'history:save-copy': async (id) => {
      const entry = deps.engine.history.get(id);
      if (entry === undefined)
        throw new IpcFailure('not-found', `History entry ${id} does not exist (it may have been deleted).`);
      const name = entry.fileName;
      if (entry.replacedBy !== null || Date.parse(entry.expiresAt) <= now()) {
        const why = entry.replacedBy !== null ? 'its link now serves a newer upload' : 'its link has expired';
        throw new IpcFailure('link-gone', `"${name}" was not saved: ${why}. Renew it for a fresh link.`, {
          code: 'history.save-copy-not-live',
          params: { name },
        });
      }
      const download = deps.download;
      if (download === undefined) throw new IpcFailure('unavailable', 'Saving a copy is not available here.');
      const path = await deps.dialogs.saveFile(name, 'save-copy');
      if (path === null) return null;
      try {
        const got = await download(entry.downloadUrl, path, entry.size);
        return { fileName: name, path, folder: shownFolder(dirname(path)), size: got.size };
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new IpcFailure(
          err instanceof DownloadError && err.gone ? 'link-gone' : 'io',
          `"${name}" was not saved to ${path}: ${why}`,
          { code: 'history.save-copy-failed', params: { name, path, reason: why } },
        );
      }
    },
  };
}
