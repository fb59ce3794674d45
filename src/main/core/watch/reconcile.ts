// Bringing the ledger in line with the queue after a crash or while another process works on the
// same database. A reservation without a job is either an enqueue in progress (leave it), an enqueue a
// crash cut short after the job was written (attach that job), or one cut short before (drop it, so the
// file is considered again). Finished uploads are copied from history into the ledger.
import { parseLeaseOwner } from '../queue/lease-owner';
import type { OwnerCheck } from '../queue/lease-owner';
import type { LedgerStore, Reservation } from './ledger-store';

/** No enqueue takes this long: a reservation older than this is abandoned whoever made it. */
export const RESERVATION_TTL_MS = 10 * 60_000;
/** The job's clock and the reservation's may differ a little; look back this far for the job. */
const CLOCK_SLACK_MS = 60_000;

// The same facts the queue judges its leases by; here liveInstances are the watch services' owners.
export type { OwnerCheck };

/** Whether the watcher that made a reservation may still be queuing it. */
export function reservationIsLive(
  reservedBy: string | null,
  reservedAt: number,
  now: number,
  check: OwnerCheck,
): boolean {
  if (now - reservedAt > RESERVATION_TTL_MS) return false;
  const owner = parseLeaseOwner(reservedBy);
  if (owner === null) return false;
  // Another machine sharing the file (a synced folder): its processes cannot be checked from here.
  if (owner.host !== check.host) return true;
  if (owner.pid === check.pid) return check.liveInstances.has(reservedBy ?? '');
  return !check.processIsGone(owner.pid);
}

export interface ReconcileResult {
  backfilled: number;
  adopted: number;
  /** Versions given back: look at these files again. */
  released: Pick<Reservation, 'folderId' | 'relativePath'>[];
}

export function reconcileLedger(
  ledger: LedgerStore,
  opts: {
    now: number;
    check: OwnerCheck;
    /** Reservations this process is queuing right now. */
    inFlight: (ledgerId: number) => boolean;
    /** Absolute path of a file in a folder, or null when the folder is unknown. */
    pathOf: (folderId: number, relativePath: string) => string | null;
  },
): ReconcileResult {
  const result: ReconcileResult = { backfilled: ledger.backfillUploaded(), adopted: 0, released: [] };
  for (const r of ledger.reservationsWithoutJob()) {
    if (opts.inFlight(r.id)) continue;
    if (reservationIsLive(r.reservedBy, r.reservedAt, opts.now, opts.check)) continue;
    const path = opts.pathOf(r.folderId, r.relativePath);
    const jobId = path === null ? null : ledger.findJobFor(path, r.reservedAt - CLOCK_SLACK_MS);
    if (jobId !== null) {
      ledger.attachJob(r.id, jobId);
      result.adopted++;
    } else {
      ledger.release(r.id);
      result.released.push({ folderId: r.folderId, relativePath: r.relativePath });
    }
  }
  if (result.adopted > 0) result.backfilled += ledger.backfillUploaded();
  return result;
}
