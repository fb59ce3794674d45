// The shapes the rest of the app sees: ISO dates, a computed expiry status, camelCase fields.

export type ExpiryStatus = 'active' | 'expiring' | 'expired' | 'replaced';

export interface HistoryEntry {
  id: number;
  jobId: number | null;
  localPath: string | null;
  localMtimeMs: number | null;
  size: number;
  method: 'stream' | 'base64' | 'url';
  source: 'manual' | 'watch' | 'share' | 'clipboard' | 'url' | 'cli';
  uploadPath: string;
  fileName: string;
  filePath: string;
  downloadUrl: string;
  mimeType: string;
  /** ISO 8601 */
  uploadedAt: string;
  /** ISO 8601 */
  expiresAt: string;
  renewOf: number | null;
  replacedBy: number | null;
  /** Computed from expiresAt and the injected clock. */
  status: ExpiryStatus;
  /** Negative once expired. */
  expiresInMs: number;
}

export type NewHistoryEntry = Omit<HistoryEntry, 'id' | 'status' | 'expiresInMs' | 'replacedBy'>;

export interface HistoryQuery {
  search?: string;
  status?: 'all' | 'active' | 'expiring' | 'expired';
  limit?: number;
  offset?: number;
}

export interface FailedJob {
  jobId: number;
  localPath: string | null;
  sourceUrl: string | null;
  fileName: string;
  errorKind: string | null;
  lastError: string | null;
  attempts: number;
  finishedAt: number | null;
}
