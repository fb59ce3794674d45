// The history shapes are shared with the window, so they are defined once in src/shared/domain.ts:
// ISO dates, a computed expiry status, camelCase fields.
export type {
  ExpiryStatus,
  FailedJob,
  HistoryEntry,
  HistoryPage,
  HistoryQuery,
  NewHistoryEntry,
} from '../../../shared/domain';
