// What the watcher learns from the upload engine: a finished upload is copied into the ledger at once
// (the queue already wrote it to history in one transaction with the job's end, so this copy is only
// for quick reads and reconcile redoes it if it is missed), and a job that ended may mean a file that
// changed while it waited needs another look.
import type { Engine } from '../engine';
import type { LedgerStore } from './ledger-store';
import type { UploadFailureCause } from './watch-messages';

export interface EngineLinkHandlers {
  /** A folder's counts changed. */
  changed(folderId: number): void;
  /** A watch job ended with an upload, or was cancelled. */
  jobEnded(folderId: number, relativePath: string): void;
  /** A watch job failed; `reason` is the queue's message, `cause` its code. */
  jobFailed(folderId: number, relativePath: string, reason: string | null, cause: UploadFailureCause): void;
}

export function linkToEngine(
  engine: Pick<Engine, 'on'>,
  ledger: LedgerStore,
  now: () => number,
  h: EngineLinkHandlers,
): () => void {
  const offs = [
    engine.on('history', ({ added }) => {
      if (added?.jobId === null || added?.jobId === undefined) return;
      try {
        const uploadedAt = Date.parse(added.uploadedAt);
        const sent = added.localMtimeMs === null ? null : { size: added.size, mtimeMs: added.localMtimeMs };
        ledger.markUploaded(added.jobId, added.id, Number.isFinite(uploadedAt) ? uploadedAt : now(), sent);
        const where = ledger.byJob(added.jobId);
        if (where) h.changed(where.folderId);
      } catch {
        // Locked for a moment: the next reconcile copies it from history.
      }
    }),
    engine.on('job', (job) => {
      if (job.source !== 'watch') return;
      if (job.status !== 'done' && job.status !== 'failed' && job.status !== 'cancelled') return;
      try {
        const where = ledger.byJob(job.id);
        if (!where) return;
        h.changed(where.folderId);
        // A failure is reported, not retried at once: the same refusal (no credits) would come back.
        if (job.status === 'failed') {
          h.jobFailed(where.folderId, where.relativePath, job.lastError, {
            code: job.errorCode,
            params: job.errorParams,
          });
        } else h.jobEnded(where.folderId, where.relativePath);
      } catch {
        // Counts catch up with the next status.
      }
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
