// Events for the window wait until it says it is ready (it has subscribed), then go out in order.
// While held, progress for one job (and the settings) keep only the latest snapshot: a window that took
// a second to load needs where each upload is now, not the hundred steps before.
import type { EventChannel, EventChannels } from '../../../shared/ipc-contract';

export type EventSend = <E extends EventChannel>(event: E, payload: EventChannels[E]) => void;

export interface EventOutbox {
  emit<E extends EventChannel>(event: E, payload: EventChannels[E]): void;
  /** Flushes what was held, in order, then sends live. */
  ready(): void;
  /** Holds again: the window is reloading or was closed, so nobody is listening yet. */
  hold(): void;
  readonly isReady: boolean;
}

interface Held {
  event: EventChannel;
  payload: unknown;
}

export function createEventOutbox(send: EventSend): EventOutbox {
  let live = false;
  let held: Held[] = [];

  return {
    get isReady() {
      return live;
    },
    emit(event, payload) {
      if (live) {
        send(event, payload);
        return;
      }
      // Only the newest settings (and the newest picture of the watched folders) matter to a window that
      // was not listening.
      if (event === 'settings' || event === 'watch') held = held.filter((h) => h.event !== event);
      if (event === 'progress') {
        const jobId = (payload as EventChannels['progress']).id;
        held = held.filter(
          (h) => !(h.event === 'progress' && (h.payload as EventChannels['progress']).id === jobId),
        );
      }
      held.push({ event, payload });
    },
    ready() {
      live = true;
      const out = held;
      held = [];
      for (const h of out) send(h.event, h.payload as EventChannels[typeof h.event]);
    },
    hold() {
      live = false;
    },
  };
}
