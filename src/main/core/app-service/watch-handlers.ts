// The Watch screen's channels over the watch service: list, add (with the folder picker when no path is
// given), change a folder's settings, remove, and pause or resume one folder or all of them.
import { homedir } from 'node:os';
import { toDatabaseError } from '../db';
import { displayPath } from '../../../shared/watch-format';
import { isApiError } from '../api';
import type { Handlers } from '../../../shared/ipc-contract';
import { IpcFailure } from './ipc-failure';
import type { HandlerDeps } from './types';
import { folderView, watchOverview } from './watch-overview';

type WatchHandlerNames =
  | 'watch:list'
  | 'watch:preview'
  | 'watch:add'
  | 'watch:update'
  | 'watch:remove'
  | 'watch:pause'
  | 'watch:resume';

export function noFolderMessage(id: number): string {
  return `There is no watched folder #${id}; it may have been removed. Reopen the Watch screen to see the current list.`;
}

/**
 * The watch service refuses a bad folder or setting with a plain Error whose message already says what
 * to do; give it a kind the window can branch on instead of "something unexpected".
 */
async function asRefusal<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof IpcFailure || isApiError(err) || toDatabaseError(err) !== null) throw err;
    if (err instanceof Error) throw new IpcFailure('invalid-argument', err.message);
    throw err;
  }
}

export function watchHandlers(deps: HandlerDeps): Pick<Handlers, WatchHandlerNames> {
  const { watch, engine, dialogs } = deps;

  function mustExist(id: number): void {
    if (watch.get(id) === undefined) throw new IpcFailure('not-found', noFolderMessage(id));
  }

  return {
    'watch:list': () => watchOverview(watch, engine),
    'watch:preview': async (folder) => {
      let path = folder.path;
      if (path === undefined) {
        const picked = await dialogs.pickFolder();
        if (picked === null) return null;
        path = picked;
      }
      const chosen = path;
      const preview = await asRefusal(() => watch.previewFolder({ ...folder, path: chosen }));
      return { ...preview, displayPath: displayPath(preview.path, homedir(), process.platform) };
    },
    'watch:add': async (folder) => {
      let path = folder.path;
      if (path === undefined) {
        const picked = await dialogs.pickFolder();
        if (picked === null) return null;
        path = picked;
      }
      const chosen = path;
      const status = await asRefusal(() => watch.addFolder({ ...folder, path: chosen }));
      return folderView(status, engine);
    },
    'watch:update': async (id, patch) => {
      mustExist(id);
      return folderView(await asRefusal(() => watch.updateFolder(id, patch)), engine);
    },
    'watch:remove': async (id) => {
      const path = watch.get(id)?.path;
      const removed = await watch.removeFolder(id);
      // Added again later, the folder copies its links only if asked again ("Upload my screenshots").
      const copying = deps.settings.get().copyLinkFolders;
      if (removed && path !== undefined && copying.includes(path))
        deps.settings.set({ copyLinkFolders: copying.filter((p) => p !== path) });
      return removed;
    },
    'watch:pause': async (id) => {
      if (id !== null) mustExist(id);
      await asRefusal(() => watch.pause(id ?? undefined));
      return watchOverview(watch, engine);
    },
    'watch:resume': async (id) => {
      if (id !== null) mustExist(id);
      await asRefusal(() => watch.resume(id ?? undefined));
      return watchOverview(watch, engine);
    },
  };
}
