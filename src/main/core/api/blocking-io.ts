// Whether small local files may be read with blocking calls. A process with a window must never block its
// main thread on a file (a stalled network share would freeze the window), so this is off unless the
// process turns it on. The CLI has no window, and for a batch of small files each non-blocking call costs
// about ten times the CPU of the blocking one (thread-pool hand-offs and promise machinery: ~0.13 ms
// against ~0.01 ms per open, read or close, measured in bench/RESULTS.md's batch section), which was most
// of a small file's upload cost.
let allowed = false;

/** Files up to this size are read in one blocking call when allowed; larger ones stream as before. */
export const BLOCKING_READ_MAX_BYTES = 1024 * 1024;

export function allowBlockingSmallFileIo(on = true): void {
  allowed = on;
}

export function blockingSmallFileIoAllowed(): boolean {
  return allowed;
}
