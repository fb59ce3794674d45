// The Watch screen's view of the folders: the watch service's statuses plus, for each folder, its newest
// upload as the history knows it (name and time, and the entry to copy the link from).
import type { Engine } from '../engine';
import { homedir } from 'node:os';
import { displayPath } from '../../../shared/watch-format';
import { createLedgerStore } from '../watch';
import type { FolderStatus } from '../watch';
import type { WatchFolderStatus, WatchLastUpload, WatchOverview } from '../../../shared/ipc-contract';
import type { WatchHost } from './watch-host';

// The ledger knows which history entry each upload became; only the newest one matters here.
function newestUpload(engine: Pick<Engine, 'db' | 'history'>, folderId: number): WatchLastUpload | null {
  try {
    const historyId = createLedgerStore(engine.db).newestUploadHistoryId(folderId);
    if (historyId === null) return null;
    // Deleted from the history by the person: there is no link to copy any more.
    const entry = engine.history.get(historyId);
    return entry ? { historyId: entry.id, fileName: entry.fileName, uploadedAt: entry.uploadedAt } : null;
  } catch {
    // Locked for a moment: the next status brings it.
    return null;
  }
}

export function folderView(status: FolderStatus, engine: Pick<Engine, 'db' | 'history'>): WatchFolderStatus {
  return {
    ...status,
    lastUpload: status.lastUploadAt === null ? null : newestUpload(engine, status.id),
    displayPath: displayPath(status.path, homedir(), process.platform),
  };
}

export function watchOverview(watch: WatchHost, engine: Pick<Engine, 'db' | 'history'>): WatchOverview {
  return {
    allPaused: watch.allPaused,
    folders: watch.list().map((status) => folderView(status, engine)),
  };
}
