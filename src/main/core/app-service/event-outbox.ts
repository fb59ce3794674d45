// Events for the window wait until it says it is ready (it has subscribed), then go out in order.
// While held, each event keeps only its newest form where a newer one replaces it (a job's snapshot, the
// settings, the credits…): a window that took a second to load needs where each upload is now, not the
// hundred steps before. With no window at all (it was closed, the app lives in the tray), nothing of
// that state is kept: the next window reads the current state when it opens, so days of uploads in the
// tray cost no memory and no replay. Only what a new window could not read for itself is kept then:
// the latest notices and the entry a notification click asked to show.
import type { EventChannel, EventChannels } from '../../../shared/ipc-contract';

export type EventSend = <E extends EventChannel>(event: E, payload: EventChannels[E]) => void;

export interface EventOutbox {
  emit<E extends EventChannel>(event: E, payload: EventChannels[E]): void;
  /** Flushes what was held, in order, then sends live. */
  ready(): void;
  /** Holds again: the window is (re)loading, so nobody is listening yet. */
  hold(): void;
  /** No window at all: drop the held state and keep only notices and the entry to show. */
  detach(): void;
  readonly isReady: boolean;
  /** How many events are waiting (for tests and diagnostics). */
  readonly heldCount: number;
}

/** Notices kept for a window that is not there: the newest few are what the user needs to read. */
const DETACHED_NOTICES = 20;
/** A bound for a window that never finishes loading: the oldest held events give way. */
const MAX_HELD = 1000;

/** Events whose newest form replaces the earlier ones (null: every event stands on its own). */
function replaceKey<E extends EventChannel>(event: E, payload: EventChannels[E]): string | null {
  switch (event) {
    case 'job':
    case 'progress':
      // A job's newest snapshot, from either event, is all the window needs of it.
      return `job:${(payload as EventChannels['job']).id}`;
    case 'settings':
    case 'watch':
    case 'queue-state':
    case 'key-state':
    case 'credits':
    case 'show-entry':
      return event;
    default:
      return null;
  }
}

interface Held {
  event: EventChannel;
  payload: unknown;
  key: string | null;
}

export function createEventOutbox(send: EventSend): EventOutbox {
  let mode: 'live' | 'held' | 'detached' = 'held';
  // In the order they happened. Keyed, so the newest form of a job (or of the settings…) replaces the
  // old one in one step: a batch of 10,000 files emits tens of thousands of events while a window loads.
  let held = new Map<string, Held>();
  let unkeyed = 0;
  let notices = 0;

  const drop = (key: string): void => {
    const old = held.get(key);
    if (old === undefined) return;
    held.delete(key);
    if (old.event === 'notice') notices -= 1;
  };
  const dropOldest = (which: (h: Held) => boolean): void => {
    for (const [key, h] of held) {
      if (which(h)) {
        drop(key);
        return;
      }
    }
  };
  const keepOnly = (which: (h: Held) => boolean): void => {
    for (const [key, h] of held) if (!which(h)) drop(key);
  };
  const forWindowless = (h: Held): boolean => h.event === 'notice' || h.event === 'show-entry';

  function keep(entry: Held): void {
    if (mode === 'detached' && !forWindowless(entry)) return;
    const key = entry.key ?? `#${unkeyed++}`;
    drop(key);
    held.set(key, entry);
    if (entry.event === 'notice') notices += 1;
    if (mode === 'detached' && notices > DETACHED_NOTICES) dropOldest((h) => h.event === 'notice');
    if (held.size > MAX_HELD) dropOldest(() => true);
  }

  return {
    get isReady() {
      return mode === 'live';
    },
    get heldCount() {
      return held.size;
    },
    emit(event, payload) {
      if (mode === 'live') {
        send(event, payload);
        return;
      }
      keep({ event, payload, key: replaceKey(event, payload) });
    },
    ready() {
      mode = 'live';
      const out = [...held.values()];
      held = new Map();
      notices = 0;
      for (const h of out) send(h.event, h.payload as EventChannels[typeof h.event]);
    },
    hold() {
      mode = 'held';
    },
    detach() {
      mode = 'detached';
      keepOnly(forWindowless);
      while (notices > DETACHED_NOTICES) dropOldest((h) => h.event === 'notice');
    },
  };
}
