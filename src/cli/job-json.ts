import type { HistoryEntry } from '../main/core/history';
import type { JobSnapshot } from '../main/core/queue';
import { jobFailureWording } from './cli-wording';

// What --json prints for one job: the link and its expiry when it is done, otherwise why not.

export interface DoneJson {
  jobId: number;
  historyId: number;
  status: 'done';
  fileName: string;
  filePath: string;
  downloadUrl: string;
  fileSize: number;
  mimeType: string;
  uploadedAt: string;
  expiresAt: string;
  method: HistoryEntry['method'];
  renewOf: number | null;
  /** Only for an optimised upload: both sizes, and why it went up unchanged (English, and its code). */
  image?: HistoryEntry['image'];
}

export interface NotDoneJson {
  jobId: number;
  status: JobSnapshot['status'];
  error: { kind: string; message: string };
}

export function jobJson(job: JobSnapshot, entry: HistoryEntry | undefined): DoneJson | NotDoneJson {
  if (job.status === 'done' && entry !== undefined) {
    return {
      jobId: job.id,
      historyId: entry.id,
      status: 'done',
      fileName: entry.fileName,
      filePath: entry.filePath,
      downloadUrl: entry.downloadUrl,
      fileSize: entry.size,
      mimeType: entry.mimeType,
      uploadedAt: entry.uploadedAt,
      expiresAt: entry.expiresAt,
      method: entry.method,
      renewOf: entry.renewOf,
      ...(entry.image === undefined ? {} : { image: entry.image }),
    };
  }
  if (job.status === 'queued' || job.status === 'uploading') {
    return {
      jobId: job.id,
      status: job.status,
      error: {
        kind: 'waiting',
        message: 'Still in the queue; run `kiedrop queue --resume` to finish it.',
      },
    };
  }
  return {
    jobId: job.id,
    status: job.status,
    error: {
      kind: job.status === 'cancelled' ? 'cancelled' : (job.errorKind ?? 'unknown'),
      message:
        job.status === 'cancelled' ? 'Cancelled.' : jobFailureWording(job, 'Failed; no reason was recorded.'),
    },
  };
}
