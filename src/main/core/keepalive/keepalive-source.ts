// What a keep-alive sends to the link's own path and name. The local file only when it is provably the
// content the link serves (same size and modification time as recorded): otherwise new local bytes would
// change what everyone holding the link gets. Then the service fetches its own live link instead, unless
// the person chose "follow the file" for this pin. A URL upload's kept copy (src/main/core/copies) comes
// before the link when its size and hash are the ones recorded for the link's bytes: it does not depend on
// the link still answering.
import type { HistoryEntry } from '../history';
import type { FileState } from '../queue/file-state';

export type KeepAliveSource =
  | { route: 'local-file'; path: string; size: number; mtimeMs: number }
  | { route: 'followed-file'; path: string; size: number; mtimeMs: number }
  | { route: 'saved-copy'; path: string; size: number; mtimeMs: number }
  | { route: 'link'; url: string; size: number };

export function keepAliveSource(
  entry: HistoryEntry,
  local: FileState | null,
  followFile: boolean,
  /** The kept copy as found now: its recorded hash and the one just computed from the file. */
  copy: { path: string; size: number; mtimeMs: number; sha256: string; recordedSha256: string } | null = null,
): KeepAliveSource {
  if (entry.localPath !== null && local?.kind === 'file') {
    const same =
      local.size === entry.size && entry.localMtimeMs !== null && local.mtimeMs === entry.localMtimeMs;
    if (same) return { route: 'local-file', path: entry.localPath, size: local.size, mtimeMs: local.mtimeMs };
    if (followFile)
      return { route: 'followed-file', path: entry.localPath, size: local.size, mtimeMs: local.mtimeMs };
  }
  if (copy !== null && copy.size === entry.size && copy.sha256 === copy.recordedSha256)
    return { route: 'saved-copy', path: copy.path, size: copy.size, mtimeMs: copy.mtimeMs };
  return { route: 'link', url: entry.downloadUrl, size: entry.size };
}
