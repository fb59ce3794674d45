// Domain shapes that cross from the core to the window: plain data, no functions, ISO or epoch-ms times.
// The core's history and queue modules re-export these, so there is one definition of each.

import type { ImageNoteCode } from './image-note';
import type { EntryPin } from './keepalive';
import type { LinkCheck } from './link-health';

export type UploadSource = 'manual' | 'watch' | 'share' | 'clipboard' | 'url' | 'cli' | 'editor';
export type UploadMethod = 'stream' | 'base64' | 'url';

export type ExpiryStatus = 'active' | 'expiring' | 'expired' | 'replaced';

export interface HistoryEntry {
  id: number;
  jobId: number | null;
  localPath: string | null;
  localMtimeMs: number | null;
  size: number;
  method: UploadMethod;
  source: UploadSource;
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
  /** The last health check of the link, in History's list; absent when never checked. */
  linkCheck?: LinkCheck;
  /** Its pin (keep-alive), in History's list; absent when it was never pinned. */
  pin?: EntryPin;
  /** Sizes before and after image optimisation; absent when the upload was not optimised. */
  image?: ImageSizes;
}

export interface ImageSizes {
  originalSize: number;
  uploadedSize: number;
  /** Why the picture went up unchanged (or larger), in English; null when it was simply optimised. */
  note: string | null;
  /** The same as a stable code (src/shared/image-note.ts) the window says in the person's language; null
   * when there is no note, or for an older entry's sentence that is not one of the codes'. */
  noteCode: ImageNoteCode | null;
}

export type NewHistoryEntry = Omit<
  HistoryEntry,
  'id' | 'status' | 'expiresInMs' | 'replacedBy' | 'linkCheck' | 'pin' | 'image'
>;

export interface HistoryQuery {
  search?: string;
  status?: 'all' | 'active' | 'expiring' | 'expired';
  /** Only entries pinned now (kept alive at the same link). */
  pinned?: boolean;
  limit?: number;
  offset?: number;
}

/** One page of the history list. */
export interface HistoryPage {
  entries: HistoryEntry[];
  /** Matching entries; with totalIsLowerBound, more match but only these `total` can be listed. */
  total: number;
  /** A common search: more entries match than `total` (type more to narrow it down). */
  totalIsLowerBound?: boolean;
  /** A search of 1–2 characters looked through only the newest this many entries. */
  searchedNewest?: number;
  /** The window asked for another search before this one ran: it was not run. */
  superseded?: boolean;
}

export interface FailedJob {
  jobId: number;
  localPath: string | null;
  sourceUrl: string | null;
  fileName: string;
  errorKind: string | null;
  lastError: string | null;
  /** The failure's stable code and params (as IpcError's), null for jobs that failed before they were kept. */
  errorCode: string | null;
  errorParams: JobErrorParams | null;
  attempts: number;
  finishedAt: number | null;
}

/** A job failure's params: plain values its code is filled in with; `gaveUpAfter` counts the attempts of a
 * transient failure that was given up. Same shape as ipc-contract's ErrorParams. */
export type JobErrorParams = Record<string, string | number>;

export type JobStatus = 'queued' | 'uploading' | 'done' | 'failed' | 'cancelled';
export type JobSource = UploadSource;
export type JobMethod = UploadMethod;
/** waiting: queued and due; retrying: queued after a failure, waiting for its backoff;
 * sending: body bytes going out; processing: last byte sent, waiting for the server's answer;
 * asking: waiting for the person's answer about the picture's GPS position, before anything is sent. */
export type JobPhase = 'waiting' | 'sending' | 'processing' | 'retrying' | 'asking';

export interface JobProgress {
  sent: number;
  total: number;
  /** Bytes per second, smoothed. */
  rate: number;
  etaMs: number | null;
  percent: number;
}

export interface JobSnapshot {
  id: number;
  status: JobStatus;
  phase: JobPhase | null;
  source: JobSource;
  method: JobMethod;
  localPath: string | null;
  sourceUrl: string | null;
  uploadPath: string;
  fileName: string;
  location: string;
  size: number | null;
  attempts: number;
  nextAttemptAt: number | null;
  errorKind: string | null;
  /** English, for the command line and logs; the window says errorCode in the person's language. */
  lastError: string | null;
  /** Null for jobs without a failure, and for failures written before codes were kept (schema version 7). */
  errorCode: string | null;
  errorParams: JobErrorParams | null;
  notice: string | null;
  renewOf: number | null;
  batchId: string | null;
  historyId: number | null;
  progress: JobProgress | null;
  createdAt: number;
  finishedAt: number | null;
}

export interface PauseInfo {
  reason: 'auth' | 'user';
  message: string;
}
