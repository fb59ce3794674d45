// Crash recovery: 'uploading' jobs whose owner is gone go back to 'queued'. Their location was
// fixed at enqueue, so the re-upload overwrites the dead attempt's file and nothing else.
import { isAbandoned } from './lease-owner';
import type { OwnerCheck } from './lease-owner';
import type { JobStore } from './job-store';

export function recoverAbandonedJobs(store: JobStore, check: OwnerCheck, now: number): number[] {
  const recovered: number[] = [];
  for (const job of store.uploading()) {
    if (!isAbandoned(job.leaseOwner, job.leaseUntil, now, check)) continue;
    // Conditional on the same owner: if it renewed or finished meanwhile, leave it alone.
    if (store.release(job.id, job.leaseOwner, now)) recovered.push(job.id);
  }
  return recovered;
}
