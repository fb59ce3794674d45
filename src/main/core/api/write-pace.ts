// How much of a body to hand to the socket per write. On a fast link, large writes: each one costs a
// trip through Node's write path and the kernel's send path, and measured over 1 GiB on loopback,
// 256 KiB writes cost about half again the CPU of 1 MiB ones (larger gains little more). On a slow
// link, small enough that one completes every fraction of a second, because a completed write is
// what restarts the idle timeout and reports progress: at 100 KB/s a 1 MiB write takes 10 s.
// Writes start at the largest size (as fast as a link can take it) and halve while they are slow,
// doubling back while they are quick.

export const MAX_WRITE_BYTES = 1024 * 1024;
const MIN_WRITE_BYTES = 16 * 1024;
/** A write should take about this long at most. */
const TARGET_WRITE_MS = 250;

export interface WritePace {
  /** Bytes for the next write. */
  readonly size: number;
  /** Records how long the last write took to complete. */
  took(ms: number): void;
}

export function createWritePace(): WritePace {
  let size = MAX_WRITE_BYTES;
  return {
    get size() {
      return size;
    },
    took(ms) {
      if (ms > TARGET_WRITE_MS) size = Math.max(MIN_WRITE_BYTES, size / 2);
      else if (ms < TARGET_WRITE_MS / 4) size = Math.min(MAX_WRITE_BYTES, size * 2);
    },
  };
}
