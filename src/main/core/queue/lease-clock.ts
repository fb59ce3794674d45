// This process's own leases, kept on the monotonic clock. The wall-clock lease_until in the
// database is only what other processes go by, and it lies after a pause (Ctrl-Z, suspend) or a
// clock step: a lease renewed a moment ago by the monotonic clock can look ten minutes old.

export interface LeaseClockOptions {
  /** How often a lease is renewed (a third of its length). */
  renewEveryMs: number;
  /** The wall clock the database's lease_until is written with. */
  wall: () => number;
  /** Monotonic milliseconds. Default performance.now(). */
  mono?: () => number;
}

export interface LeaseClock {
  /** `id` was claimed or renewed just now. */
  renewed(id: number): void;
  forget(id: number): void;
  /** Of `ids`, those whose last renewal is at least one renewal interval old. */
  overdue(ids: Iterable<number>): number[];
  /**
   * True when, since the last call, the wall clock moved differently from the monotonic clock by
   * more than a renewal interval (an NTP step, a resume from suspend). The database's leases are
   * then stale for other processes and must be renewed at once.
   */
  wallClockJumped(): boolean;
}

export function createLeaseClock(opts: LeaseClockOptions): LeaseClock {
  const mono = opts.mono ?? (() => performance.now());
  const renewedAt = new Map<number, number>();
  // Wall minus monotonic stays constant while both clocks run together.
  let offset = opts.wall() - mono();
  return {
    renewed(id) {
      renewedAt.set(id, mono());
    },
    forget(id) {
      renewedAt.delete(id);
    },
    overdue(ids) {
      const now = mono();
      const out: number[] = [];
      for (const id of ids) {
        const at = renewedAt.get(id);
        if (at === undefined || now - at >= opts.renewEveryMs) out.push(id);
      }
      return out;
    },
    wallClockJumped() {
      const next = opts.wall() - mono();
      const jumped = Math.abs(next - offset) > opts.renewEveryMs;
      offset = next;
      return jumped;
    },
  };
}
