// A job the app repeats while it lives (keep-alive passes, link checks, expiry reminders): a first run a
// little after start, then one per interval. Runs never overlap (runNow joins the one in progress), a
// failed run is logged and the next tick tries again, and the timers never keep the process alive.

export interface PeriodicTask<T> {
  start(): void;
  /** One run now, or the one in progress. */
  runNow(): Promise<T>;
  /** True once close() was called: a long run checks it to stop early. */
  isClosed(): boolean;
  /** Stops the timer and waits for a run in progress to end. */
  close(): Promise<void>;
}

export interface PeriodicTaskOptions<T> {
  /** Names the task in the log: "[name] run failed: …". */
  name: string;
  run: () => Promise<T> | T;
  firstDelayMs: number;
  intervalMs: number;
}

export function createPeriodicTask<T>(opts: PeriodicTaskOptions<T>): PeriodicTask<T> {
  let running: Promise<T> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  function runNow(): Promise<T> {
    running ??= Promise.resolve()
      .then(opts.run)
      .finally(() => {
        running = null;
      });
    return running;
  }

  function tick(): void {
    if (closed) return;
    runNow().catch((err: unknown) => {
      // A database closing under a reopen, a busy moment: the next tick tries again.
      const why = err instanceof Error ? err.message : String(err);
      if (!closed) console.warn(`[${opts.name}] run failed: ${why}`);
    });
  }

  return {
    start() {
      if (closed || timer !== undefined) return;
      timer = setTimeout(function again() {
        tick();
        timer = setTimeout(again, opts.intervalMs);
        timer.unref?.();
      }, opts.firstDelayMs);
      timer.unref?.();
    },
    runNow,
    isClosed: () => closed,
    async close() {
      closed = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
