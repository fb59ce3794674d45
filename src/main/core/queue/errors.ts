// Errors the queue raises to its callers before anything is queued.
import type { HistoryEntry } from '../history';
import type { JobSnapshot } from './types';

/** An explicit file name would replace the content behind a live link; the caller must confirm
 * (the app asks, the CLI wants --overwrite) and enqueue again with overwrite: true. */
export class NameCollisionError extends Error {
  readonly existing: HistoryEntry;

  constructor(existing: HistoryEntry) {
    super(
      `"${existing.uploadPath}/${existing.fileName}" already holds a live upload (history entry ${existing.id}, link ${existing.downloadUrl}). ` +
        'Uploading under the same name would make that link serve the new file; confirm to overwrite it, or choose another name.',
    );
    this.name = 'NameCollisionError';
    this.existing = existing;
  }
}

/** Another job, queued or being sent (by any process on this database), already goes to the same
 * explicit name. Two uploads racing for one name would leave one link serving the other file,
 * whichever finishes last, so this is refused even with overwrite. */
export class NameInUseError extends Error {
  /** The other job, as it is now. */
  readonly pending: JobSnapshot;

  constructor(pending: JobSnapshot) {
    const doing =
      pending.status === 'uploading' ? 'is being uploaded right now' : 'is waiting to be uploaded';
    super(
      `"${pending.location}/${pending.fileName}" ${doing} by another upload (job ${pending.id}: ${jobSource(pending)}). ` +
        'Two uploads under one name would leave one link serving the other file; wait until it is done or cancel it, then try again.',
    );
    this.name = 'NameInUseError';
    this.pending = pending;
  }
}

/** What a job sends, in words: its file or its link. */
export function jobSource(job: Pick<JobSnapshot, 'localPath' | 'sourceUrl' | 'fileName'>): string {
  return job.localPath ?? job.sourceUrl ?? job.fileName;
}
