// How many files of a folder are handed over but not uploaded yet. Counting reads every pending ledger
// row with its job (about 14–20 ms at 50,000 pending), and a busy folder's status is sent up to ten
// times a second; so a count is reused for up to 100 times what it cost to take (at most about 1% of a
// core), and the caller is told when to send the status again so the last count shown is never stale.
import { performance } from 'node:perf_hooks';

export interface PendingCount {
  value: number;
  /** The value was taken earlier: send the status again after this many ms for a fresh one. */
  refreshInMs: number | null;
}

export interface PendingCounts {
  get(folderId: number): PendingCount;
  forget(folderId: number): void;
}

const COST_FACTOR = 100;

export function createPendingCounts(
  count: (folderId: number) => number,
  clock: () => number = () => performance.now(),
): PendingCounts {
  const taken = new Map<number, { value: number; at: number; validMs: number }>();
  return {
    get(folderId) {
      const now = clock();
      const last = taken.get(folderId);
      if (last !== undefined && now - last.at < last.validMs) {
        return { value: last.value, refreshInMs: Math.ceil(last.at + last.validMs - now) };
      }
      const value = count(folderId);
      const at = clock();
      taken.set(folderId, { value, at, validMs: (at - now) * COST_FACTOR });
      return { value, refreshInMs: null };
    },
    forget(folderId) {
      taken.delete(folderId);
    },
  };
}
