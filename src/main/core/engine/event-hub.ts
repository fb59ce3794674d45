// A small typed event hub. Listener errors are contained: a broken window or CLI printer must
// never stop an upload or skip the bookkeeping that follows an event.
import type { EmitFn, QueueEvents } from '../queue';

export interface EventHub {
  on<E extends keyof QueueEvents>(event: E, listener: QueueEvents[E]): () => void;
  emit: EmitFn;
  clear(): void;
}

export function createEventHub(onListenerError: (err: unknown) => void = () => undefined): EventHub {
  const listeners = new Map<keyof QueueEvents, Set<(...args: never[]) => void>>();
  return {
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      const fn = listener as (...args: never[]) => void;
      set.add(fn);
      return () => {
        set.delete(fn);
      };
    },
    emit(event, ...args) {
      const set = listeners.get(event);
      if (!set) return;
      for (const fn of [...set]) {
        try {
          (fn as (...a: unknown[]) => void)(...args);
        } catch (err) {
          onListenerError(err);
        }
      }
    },
    clear() {
      listeners.clear();
    },
  };
}
