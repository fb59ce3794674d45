// Rows ↔ entries. Times are stored as ms since the epoch and handed out as ISO strings. Columns are
// read one by one because libsql rows carry extra properties (`_metadata`) that must not leak out.

import { readImageNote } from '../../../shared/image-note';
import { expiryStatus } from './expiry-status';
import type { HistoryEntry, NewHistoryEntry } from './types';

export const HISTORY_COLUMNS =
  'id, job_id, local_path, local_mtime_ms, size, method, source, upload_path, file_name, file_path, ' +
  'download_url, mime_type, uploaded_at, expires_at, renew_of, replaced_by, original_size, uploaded_size, image_note';

type Row = Record<string, unknown>;

function num(row: Row, key: string): number {
  const value = row[key];
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw new TypeError(`history column ${key} is not a number`);
}

function numOrNull(row: Row, key: string): number | null {
  return row[key] === null || row[key] === undefined ? null : num(row, key);
}

function str(row: Row, key: string): string {
  const value = row[key];
  if (typeof value === 'string') return value;
  throw new TypeError(`history column ${key} is not text`);
}

function strOrNull(row: Row, key: string): string | null {
  return row[key] === null || row[key] === undefined ? null : str(row, key);
}

/** `shiftMs`: how much earlier than the stored expiry the link is believed to die (links/lifetime.ts). */
export function rowToEntry(row: Row, nowMs: number, expiringSoonMs: number, shiftMs = 0): HistoryEntry {
  const expiresAtMs = num(row, 'expires_at') - shiftMs;
  const replacedBy = numOrNull(row, 'replaced_by');
  return {
    id: num(row, 'id'),
    jobId: numOrNull(row, 'job_id'),
    localPath: strOrNull(row, 'local_path'),
    localMtimeMs: numOrNull(row, 'local_mtime_ms'),
    size: num(row, 'size'),
    method: str(row, 'method') as HistoryEntry['method'],
    source: str(row, 'source') as HistoryEntry['source'],
    uploadPath: str(row, 'upload_path'),
    fileName: str(row, 'file_name'),
    filePath: str(row, 'file_path'),
    downloadUrl: str(row, 'download_url'),
    mimeType: str(row, 'mime_type'),
    uploadedAt: new Date(num(row, 'uploaded_at')).toISOString(),
    expiresAt: new Date(expiresAtMs).toISOString(),
    renewOf: numOrNull(row, 'renew_of'),
    replacedBy,
    status: expiryStatus(expiresAtMs, nowMs, expiringSoonMs, replacedBy !== null),
    expiresInMs: expiresAtMs - nowMs,
    ...imageOf(row),
  };
}

/** Present only for uploads that went through image optimisation (schema v12). */
function imageOf(row: Row): Pick<HistoryEntry, 'image'> {
  const originalSize = numOrNull(row, 'original_size');
  const uploadedSize = numOrNull(row, 'uploaded_size');
  if (originalSize === null || uploadedSize === null) return {};
  // A code since the notes were coded; an English sentence in entries written before.
  const note = readImageNote(strOrNull(row, 'image_note'));
  return { image: { originalSize, uploadedSize, note: note?.text ?? null, noteCode: note?.code ?? null } };
}

function isoToMs(iso: string, field: string): number {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) {
    throw new TypeError(`History entry ${field} must be an ISO 8601 date, got ${JSON.stringify(iso)}.`);
  }
  return ms;
}

/** Named parameters for the INSERT statement. */
export function entryToParams(
  entry: NewHistoryEntry,
  createdAtMs: number,
): Record<string, string | number | null> {
  return {
    job_id: entry.jobId,
    local_path: entry.localPath,
    local_mtime_ms: entry.localMtimeMs,
    size: entry.size,
    method: entry.method,
    source: entry.source,
    upload_path: entry.uploadPath,
    file_name: entry.fileName,
    file_path: entry.filePath,
    download_url: entry.downloadUrl,
    mime_type: entry.mimeType,
    uploaded_at: isoToMs(entry.uploadedAt, 'uploadedAt'),
    expires_at: isoToMs(entry.expiresAt, 'expiresAt'),
    renew_of: entry.renewOf,
    created_at: createdAtMs,
  };
}
