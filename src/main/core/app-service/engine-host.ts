// The engine takes its hosts and concurrency when it opens, but the user can change them in Settings.
// The host looks like one Engine that never goes away: on reopen it opens a fresh engine on the same
// database, moves every listener over, closes the old one (its in-flight uploads go back to the queue)
// and starts the new queue, which picks them up again.
import type { Engine, EngineEvents } from '../engine';

export interface EngineHost extends Engine {
  /** Reopens with whatever options `open` builds now. Calls are serialized. */
  reopen(): Promise<void>;
}

type AnyListener = (...args: never[]) => void;

export function createEngineHost(open: () => Engine): EngineHost {
  let current = open();
  const listeners = new Map<AnyListener, { event: keyof EngineEvents; off: () => void }>();
  let chain: Promise<void> = Promise.resolve();
  let closed = false;

  function subscribe(engine: Engine, event: keyof EngineEvents, listener: AnyListener): () => void {
    return engine.on(event, listener as EngineEvents[typeof event]);
  }

  async function swap(): Promise<void> {
    if (closed) return;
    const previous = current;
    const next = open();
    for (const [listener, sub] of listeners) {
      sub.off();
      sub.off = subscribe(next, sub.event, listener);
    }
    const wasPaused = previous.queue.paused?.reason === 'user';
    current = next;
    await previous.close();
    if (wasPaused) next.queue.pause();
    next.queue.start();
  }

  return {
    get db() {
      return current.db;
    },
    get history() {
      return current.history;
    },
    get queue() {
      return current.queue;
    },
    on(event, listener) {
      const fn = listener as AnyListener;
      listeners.set(fn, { event, off: subscribe(current, event, fn) });
      return () => {
        listeners.get(fn)?.off();
        listeners.delete(fn);
      };
    },
    reopen() {
      // A failed reopen must not block the next one.
      const run = chain.catch(() => undefined).then(swap);
      chain = run;
      return run;
    },
    async close() {
      closed = true;
      await chain.catch(() => undefined);
      listeners.clear();
      await current.close();
    },
  };
}
