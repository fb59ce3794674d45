// Whether a complete file should be uploaded, given what the ledger knows about earlier versions of
// the same path. Pure, so the rules can be read (and tested) in one place.
import type { FileSignature } from './stability-tracker';

/**
 * uploaded: in history. queued: its job is queued or uploading. reserving: being handed to the queue
 * right now. failed / cancelled: the job ended without an upload (visible in the queue; the person can
 * retry it). unknown: the job row is gone, so whether it uploaded cannot be told — counted as sent,
 * because a duplicate upload is worse than asking the person to upload by hand. existing: the file was
 * already in the folder when it was added, and the person chose to upload only new files.
 */
export type VersionState =
  'uploaded' | 'queued' | 'reserving' | 'failed' | 'cancelled' | 'unknown' | 'existing';

export interface LedgerVersion extends FileSignature {
  state: VersionState;
  /** The job this version was handed to, once it has one. */
  jobId?: number | null;
}

export type LedgerDecision =
  { action: 'upload' } | { action: 'skip'; why: 'same-version' | 'uploaded-before' | 'in-queue' };

function counts(state: VersionState): boolean {
  return state !== 'failed' && state !== 'cancelled';
}

/**
 * True when no version of the file, whatever its size and time, would be handed over or retried: with
 * "upload changed files again" off, once a version counts (sent, or on its way), the path is done.
 */
export function settledWithoutLooking(versions: readonly LedgerVersion[], uploadChanged: boolean): boolean {
  return !uploadChanged && versions.some((v) => counts(v.state));
}

export function decideUpload(
  versions: readonly LedgerVersion[],
  candidate: FileSignature,
  uploadChanged: boolean,
): LedgerDecision {
  // This exact version was handed over already, whatever became of it: never twice.
  if (versions.some((v) => v.size === candidate.size && v.mtimeMs === candidate.mtimeMs)) {
    return { action: 'skip', why: 'same-version' };
  }
  if (!uploadChanged) {
    // "Upload changed files again" is off: once a path is sent (or on its way), later versions stay local.
    if (versions.some((v) => counts(v.state))) return { action: 'skip', why: 'uploaded-before' };
    return { action: 'upload' };
  }
  // A queued job reads the file when it runs, so it will send this newer content itself; a second
  // job would upload the same bytes twice. The service looks again once that job has finished.
  if (versions.some((v) => v.state === 'queued' || v.state === 'reserving')) {
    return { action: 'skip', why: 'in-queue' };
  }
  return { action: 'upload' };
}

/**
 * The failed job to send again for this exact version, or null. A version is handed over once, but a
 * failed upload (no credits, a file that could not be read) is not the end: when the file is looked at
 * again — it changed, or watching (re)started — its own job is retried rather than a second one made,
 * as long as the other rules would let this version go.
 */
export function failedJobToRetry(
  versions: readonly LedgerVersion[],
  candidate: FileSignature,
  uploadChanged: boolean,
): number | null {
  const same = versions.find((v) => v.size === candidate.size && v.mtimeMs === candidate.mtimeMs);
  if (same?.state !== 'failed' || same.jobId === null || same.jobId === undefined) return null;
  const others = versions.filter((v) => v !== same);
  return decideUpload(others, candidate, uploadChanged).action === 'upload' ? same.jobId : null;
}
