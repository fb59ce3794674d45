// Watched folders: files that appear in a folder are uploaded once they are complete, exactly once.
// Plain Node: no Electron here.
export { createWatchService } from './watch-service';
export type { WatchServiceOptions } from './watch-service';
export type * from './types';
export { createFolderStore } from './folder-store';
export type { FolderStore, FolderSettings } from './folder-store';
export {
  folderSettings,
  patchedSettings,
  checkFolderExists,
  checkNoOverlap,
  DEFAULT_QUIET_MS,
  DEFAULT_WATCH_UPLOAD_PATH,
  MIN_QUIET_MS,
  MAX_QUIET_MS,
  MAX_IMAGE_SIDE,
} from './folder-settings';
export { createFileFilter, builtInSkip } from './file-filter';
export type { FileFilter, SkipReason } from './file-filter';
export { createStabilityTracker } from './stability-tracker';
export type { StabilityTracker, StabilityOutcome, FileSignature, StatFn } from './stability-tracker';
export { decideUpload } from './ledger-decision';
export { createLedgerStore } from './ledger-store';
export type { LedgerStore } from './ledger-store';
export type { LedgerDecision, LedgerVersion, VersionState } from './ledger-decision';
export { WATCH_LIMIT_MESSAGE } from './watch-messages';
