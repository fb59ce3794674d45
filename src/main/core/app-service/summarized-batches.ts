// Batches that end with one notification of their own (a share, a clipboard upload). The per-job
// notifications skip their jobs, so a right-click on ten files says so once, not eleven times.
import { randomUUID } from 'node:crypto';

export interface SummarizedBatches {
  /** A new batch id, marked as summarized by whoever asked for it. */
  claim(): string;
  has(batchId: string | null): boolean;
}

/** Old ids are forgotten: a batch's jobs all finish long before this many newer batches start. */
const REMEMBERED = 1000;

export function createSummarizedBatches(newId: () => string = randomUUID): SummarizedBatches {
  const ids = new Set<string>();
  return {
    claim() {
      const id = newId();
      ids.add(id);
      if (ids.size > REMEMBERED) {
        const oldest = ids.values().next().value;
        if (oldest !== undefined) ids.delete(oldest);
      }
      return id;
    },
    has: (batchId) => batchId !== null && ids.has(batchId),
  };
}
