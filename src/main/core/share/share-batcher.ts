// Merges launches that arrive close together into one batch. Windows starts one process per
// selected file for a right-click verb, and each reaches us as its own second-instance event;
// without merging, ten files would mean ten uploads racing to overwrite the clipboard.
import type { LaunchRequest } from './launch-args';

// A second: a file manager that starts one KieDrop per selected file (Explorer does) spreads the
// starts of a loaded machine over more than half a second, and each start beyond the window is a batch.
export const DEFAULT_SHARE_WINDOW_MS = 1000;

export interface BatchTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ShareBatcherOptions {
  /** Quiet time after the last arrival before the batch is handed over. */
  windowMs?: number;
  onBatch: (batch: LaunchRequest) => void;
  /** Injected so tests can drive time; defaults to the global timers. */
  timers?: BatchTimers;
}

export interface ShareBatcher {
  /** Adds one launch's files and links; restarts the quiet window. */
  add(request: Partial<LaunchRequest>): void;
  /** Hands over what is pending now (e.g. on quit), if anything. */
  flush(): void;
  /** Drops what is pending and stops the timer. */
  dispose(): void;
}

const defaultTimers: BatchTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createShareBatcher(opts: ShareBatcherOptions): ShareBatcher {
  const windowMs = opts.windowMs ?? DEFAULT_SHARE_WINDOW_MS;
  const timers = opts.timers ?? defaultTimers;
  // Sets keep first-arrival order and drop the duplicates a slow double-click can produce.
  let share = new Set<string>();
  let urls = new Set<string>();
  let timer: unknown = null;

  const stopTimer = (): void => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };

  const flush = (): void => {
    stopTimer();
    if (share.size === 0 && urls.size === 0) return;
    const batch: LaunchRequest = { share: [...share], urls: [...urls] };
    share = new Set();
    urls = new Set();
    opts.onBatch(batch);
  };

  return {
    add(request) {
      const incoming = [...(request.share ?? []), ...(request.urls ?? [])];
      // A launch that shares nothing (a plain "open KieDrop") must not delay a pending batch.
      if (incoming.length === 0) return;
      for (const p of request.share ?? []) share.add(p);
      for (const u of request.urls ?? []) urls.add(u);
      stopTimer();
      timer = timers.setTimeout(flush, windowMs);
    },
    flush,
    dispose() {
      stopTimer();
      share = new Set();
      urls = new Set();
    },
  };
}
