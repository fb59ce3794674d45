// Sharing files with KieDrop from outside the window: launch arguments, merging the launches of one
// right-click, and the batch that uploads them and copies every link at once. Plain Node.
export { parseLaunchArgs } from './launch-args';
export type { LaunchArgsOptions, LaunchRequest } from './launch-args';
export { createShareBatcher, DEFAULT_SHARE_WINDOW_MS } from './share-batcher';
export type { BatchTimers, ShareBatcher, ShareBatcherOptions } from './share-batcher';
export { collectShareFiles } from './collect-files';
export type { CollectedFiles, CollectOptions } from './collect-files';
export { runUploadBatch } from './upload-batch';
export type { BatchFailure, BatchLinkOptions, BatchOutcome, TextClipboard } from './upload-batch';
export { summarizeBatch } from './batch-summary';
export { ENGLISH_BATCH_WORDS } from './batch-words';
export type { BatchWords } from './batch-words';
export type { Notice, SummaryInput } from './batch-summary';
export { DEFAULT_CONFIRM_ABOVE, runShareBatch } from './run-share-batch';
export type { ShareDeps, ShareResult, ShareSettings, ShareStatus } from './run-share-batch';
