// A small typed event hub. Listener errors are contained: a broken window or CLI printer must
// never stop an upload or a watched folder, or skip the bookkeeping that follows an event.

type Listener = (...args: never[]) => void;

export interface EventHub<Events extends { [E in keyof Events]: Listener }> {
  /** Returns the function that removes this listener again. */
  on<E extends keyof Events>(event: E, listener: Events[E]): () => void;
  emit<E extends keyof Events>(event: E, ...args: Parameters<Events[E]>): void;
  clear(): void;
}

export function createEventHub<Events extends { [E in keyof Events]: Listener }>(
  onListenerError: (err: unknown) => void = () => undefined,
): EventHub<Events> {
  const listeners = new Map<keyof Events, Set<Listener>>();
  return {
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      const fn = listener as Listener;
      set.add(fn);
      return () => {
        set.delete(fn);
      };
    },
    emit(event, ...args) {
      const set = listeners.get(event);
      if (!set) return;
      // A copy: a listener that unsubscribes itself must not make the others miss this event.
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
