// A folder's status as the Watch screen and the CLI show it: its saved settings plus what is happening.
import type { FolderRuntime } from './folder-runtime';
import type { LedgerStore } from './ledger-store';
import type { FolderStatus, WatchFolder } from './types';
import {
  ALL_PAUSED_CODE,
  ALL_PAUSED_MESSAGE,
  FOLDER_PAUSED_CODE,
  FOLDER_PAUSED_MESSAGE,
} from './watch-messages';
import type { WatchProblemCode } from './watch-messages';

export function folderStatus(
  folder: WatchFolder,
  runtime:
    | Pick<
        FolderRuntime,
        'state' | 'reason' | 'reasonCode' | 'settling' | 'lastError' | 'lastErrorCode' | 'notice'
      >
    | undefined,
  ledger: Pick<LedgerStore, 'pendingCount' | 'lastUploadAt'>,
  allPaused: boolean,
): FolderStatus {
  let queued = 0;
  let lastUploadAt: number | null = null;
  try {
    queued = ledger.pendingCount(folder.id);
    lastUploadAt = ledger.lastUploadAt(folder.id);
  } catch {
    // Locked for a moment: the counts catch up with the next status.
  }
  const settling = runtime?.settling ?? 0;
  let state: FolderStatus['state'];
  let reason: string | null = null;
  let reasonCode: WatchProblemCode | null = null;
  if (!folder.enabled) {
    state = 'paused';
    reason = FOLDER_PAUSED_MESSAGE;
    reasonCode = FOLDER_PAUSED_CODE;
  } else if (allPaused) {
    state = 'paused';
    reason = ALL_PAUSED_MESSAGE;
    reasonCode = ALL_PAUSED_CODE;
  } else {
    const s = runtime?.state ?? 'stopped';
    // Not running yet while it should be: it is about to start.
    state = s === 'stopped' ? 'starting' : s;
    if (s === 'unavailable') {
      reason = runtime?.reason ?? null;
      reasonCode = runtime?.reasonCode ?? null;
    }
  }
  return {
    ...folder,
    state,
    reason,
    reasonCode,
    settling,
    queued,
    waiting: settling + queued,
    lastUploadAt,
    lastError: runtime?.lastError ?? null,
    lastErrorCode: runtime?.lastErrorCode ?? null,
    // Only while it runs: a paused folder is not polled either.
    notice: state === 'watching' || state === 'starting' ? (runtime?.notice ?? null) : null,
  };
}
