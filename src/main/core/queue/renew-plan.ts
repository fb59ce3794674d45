// How a history entry can be renewed (a fresh 3-day link for the same content): from the local
// file if it is provably the same content, else by having the server fetch its own still-live link, else
// (a URL upload whose link died) from the local copy KieDrop kept of its bytes, when that copy is whole.
import type { HistoryEntry } from '../history';

export type RenewPlan =
  | { route: 'stream' }
  | { route: 'url'; sourceUrl: string }
  | { route: 'saved-copy'; path: string }
  | { route: 'none'; message: string };

/** `local`: the file as inspectFile found it (only whether it is a file, and its size and time, matter). */
export function planRenewal(
  entry: HistoryEntry,
  local: { kind: 'file'; size: number; mtimeMs: number } | { kind: 'problem'; message: string } | null,
  now: number,
  /** The kept copy of a URL upload's bytes, as found on disk now (see src/main/core/copies). */
  copy: { path: string; size: number } | null = null,
): RenewPlan {
  if (
    local?.kind === 'file' &&
    local.size === entry.size &&
    entry.localMtimeMs !== null &&
    local.mtimeMs === entry.localMtimeMs
  ) {
    return { route: 'stream' };
  }
  // A replaced link now serves someone else's content, so fetching it would "renew" the wrong file.
  const linkAlive = Date.parse(entry.expiresAt) > now && entry.replacedBy === null;
  if (linkAlive) return { route: 'url', sourceUrl: entry.downloadUrl };
  if (copy !== null && copy.size === entry.size) return { route: 'saved-copy', path: copy.path };
  const why =
    entry.replacedBy !== null
      ? 'the local file is gone or changed and the link now serves a newer upload'
      : 'the local file is gone or changed and the link has expired';
  return {
    route: 'none',
    message: `Cannot renew "${entry.fileName}" (history entry ${entry.id}): ${why}. Upload the file again instead.`,
  };
}
