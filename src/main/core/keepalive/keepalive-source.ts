// What a keep-alive sends to the link's own path and name. The local file only when it is provably the
// content the link serves (same size and modification time as recorded): otherwise new local bytes would
// change what everyone holding the link gets. Then the service fetches its own live link instead, unless
// the person chose "follow the file" for this pin.
import type { HistoryEntry } from '../history';
import type { FileState } from '../queue/file-state';

export type KeepAliveSource =
  | { route: 'local-file'; path: string; size: number; mtimeMs: number }
  | { route: 'followed-file'; path: string; size: number; mtimeMs: number }
  | { route: 'link'; url: string; size: number };

export function keepAliveSource(
  entry: HistoryEntry,
  local: FileState | null,
  followFile: boolean,
): KeepAliveSource {
  if (entry.localPath !== null && local?.kind === 'file') {
    const same =
      local.size === entry.size && entry.localMtimeMs !== null && local.mtimeMs === entry.localMtimeMs;
    if (same) return { route: 'local-file', path: entry.localPath, size: local.size, mtimeMs: local.mtimeMs };
    if (followFile)
      return { route: 'followed-file', path: entry.localPath, size: local.size, mtimeMs: local.mtimeMs };
  }
  return { route: 'link', url: entry.downloadUrl, size: entry.size };
}
