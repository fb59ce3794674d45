// A queue job as the window, the tray and the CLI's progress block receive it. Tests of those views build
// many; each overrides only the fields its case is about, and the rest stay plausible and fixed.
import type { JobSnapshot } from '../../src/shared/domain';

/** Job `id`: a queued, not yet started stream upload of a 1000-byte file. */
export function jobSnapshot(id: number, over: Partial<JobSnapshot> = {}): JobSnapshot {
  return {
    id,
    status: 'queued',
    phase: 'waiting',
    source: 'manual',
    method: 'stream',
    localPath: `/tmp/file-${id}.bin`,
    sourceUrl: null,
    uploadPath: 'kiedrop',
    fileName: `file-${id}.bin`,
    location: 'kiedrop',
    size: 1000,
    attempts: 0,
    nextAttemptAt: null,
    errorKind: null,
    lastError: null,
    errorCode: null,
    errorParams: null,
    notice: null,
    renewOf: null,
    batchId: null,
    historyId: null,
    progress: null,
    createdAt: 0,
    finishedAt: null,
    ...over,
  };
}
