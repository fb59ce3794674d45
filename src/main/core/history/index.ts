export { HistoryStore, DEFAULT_PAGE_SIZE } from './history-store';
export type { HistoryStoreOptions } from './history-store';
export { expiryStatus, DEFAULT_EXPIRING_SOON_MS } from './expiry-status';
export { DuplicateHistoryEntryError } from './errors';
export { csvCell, toCsv } from './csv';
export { EXPORT_FORMATS, ExportWriteError, exportChunks, exportToFile, pumpExport } from './history-export';
export type { ExportFormat, ExportResult, ExportSink } from './history-export';
export { SEARCH_COUNT_CAP, SHORT_SEARCH_SCOPE } from './history-query';
export type {
  ExpiryStatus,
  HistoryEntry,
  HistoryPage,
  NewHistoryEntry,
  HistoryQuery,
  FailedJob,
} from './types';
