// The durable upload queue. Plain Node: no Electron here.
export { DEFAULT_CONCURRENCY } from './defaults';
export {
  createUploadQueue,
  DEFAULT_LEASE_MS,
  DEFAULT_PROGRESS_INTERVAL_MS,
  DEFAULT_STALL_TIMEOUT_MS,
} from './upload-queue';
export type { QueueHooks, UploadQueueOptions } from './upload-queue';
export { NameCollisionError, NameInUseError } from './errors';
export { AUTH_PAUSE_MESSAGE, FILE_CHANGED_NOTICE } from './failure-message';
export { DEFAULT_RETRY, backoffDelay, retryDelay } from './backoff';
export { uniqueSegment } from './unique-segment';
export type * from './types';
