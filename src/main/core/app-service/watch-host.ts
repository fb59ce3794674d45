// The watch service works on one engine's database and queue, but the app reopens its engine when the
// hosts or the concurrency change (the old database handle closes). The host looks like one watch
// service that never goes away: around a reopen it stops the current service, lets the engine reopen,
// then starts a fresh service on the new engine with the same "pause all" state. Files that arrive in
// between are found by the new service's first scan, as after any restart.
import { createEventHub } from '../events/event-hub';
import { createWatchService } from '../watch';
import type { FolderStatus, WatchEvents, WatchService, WatchServiceOptions } from '../watch';

export interface WatchHost extends WatchService {
  /** Runs `reopen` with watching stopped, then watches again on whatever engine it left in place. */
  around(reopen: () => Promise<void>): Promise<void>;
}

const EVENTS: readonly (keyof WatchEvents)[] = ['status', 'folders', 'file-error', 'enqueued'];

/** `make` builds a service on the engine current at that moment (the engine host's getters). */
export function createWatchHost(make: () => WatchService): WatchHost {
  // One broken listener must not keep the others from hearing it.
  const hub = createEventHub<WatchEvents>();
  let current = attach(make());
  let started = false;
  let closed = false;
  let swapping: Promise<void> | null = null;
  /** What list() answers while no service is open (between close and the next start). */
  let snapshot: FolderStatus[] = [];

  function attach(service: WatchService): WatchService {
    for (const event of EVENTS) {
      const relay = (...args: Parameters<WatchEvents[typeof event]>) => hub.emit(event, ...args);
      service.on(event, relay as WatchEvents[typeof event]);
    }
    return service;
  }

  /**
   * Runs `fn` on the service that will stay. The check and the call happen in one synchronous step,
   * so a swap that starts later queues its close() behind the call instead of cutting it off.
   */
  async function onCurrent<T>(fn: (service: WatchService) => Promise<T>): Promise<T> {
    while (swapping) await swapping.catch(() => undefined);
    return fn(current);
  }

  async function swap(reopen: () => Promise<void>): Promise<void> {
    try {
      snapshot = current.list();
    } catch {
      // Keep the previous snapshot: better slightly old than nothing on screen.
    }
    const wasPaused = current.allPaused;
    await current.close();
    try {
      await reopen();
    } finally {
      if (!closed) {
        current = attach(make());
        if (wasPaused) await current.pause();
        if (started) await current.start();
      }
    }
  }

  return {
    addFolder: (folder) => onCurrent((s) => s.addFolder(folder)),
    previewFolder: (folder) => onCurrent((s) => s.previewFolder(folder)),
    updateFolder: (id, patch) => onCurrent((s) => s.updateFolder(id, patch)),
    removeFolder: (id) => onCurrent((s) => s.removeFolder(id)),
    pause: (id) => onCurrent((s) => s.pause(id)),
    resume: (id) => onCurrent((s) => s.resume(id)),
    get allPaused() {
      return current.allPaused;
    },
    list: () => (swapping ? snapshot : current.list()),
    get: (id) => (swapping ? snapshot.find((f) => f.id === id) : current.get(id)),
    on: (event, listener) => hub.on(event, listener),
    start() {
      started = true;
      return onCurrent((s) => s.start());
    },
    async close() {
      closed = true;
      await onCurrent((s) => s.close());
      hub.clear();
    },
    async around(reopen) {
      while (swapping) await swapping.catch(() => undefined);
      if (closed) return;
      const run = swap(reopen);
      swapping = run;
      try {
        await run;
      } finally {
        if (swapping === run) swapping = null;
      }
    },
  };
}

/** The app's watch host over an engine that may be reopened (the engine host). */
export function createAppWatch(options: WatchServiceOptions): WatchHost {
  return createWatchHost(() => createWatchService(options));
}
