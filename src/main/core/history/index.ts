export { HistoryStore, DEFAULT_PAGE_SIZE } from './history-store';
export type { HistoryStoreOptions } from './history-store';
export { expiryStatus, DEFAULT_EXPIRING_SOON_MS } from './expiry-status';
export { DuplicateHistoryEntryError } from './errors';
export { csvCell, toCsv } from './csv';
export type { ExpiryStatus, HistoryEntry, NewHistoryEntry, HistoryQuery, FailedJob } from './types';
