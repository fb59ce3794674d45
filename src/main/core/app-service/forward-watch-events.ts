// Watch service events → one "watch" event for the window with every folder. A burst (a thousand files
// settling at once) changes the counts many times a second; the window needs the latest picture a few
// times a second, not each step.
import type { WatchOverview } from '../../../shared/ipc-contract';
import type { EventOutbox } from './event-outbox';
import type { WatchHost } from './watch-host';

export const WATCH_EVENT_INTERVAL_MS = 150;

export function forwardWatchEvents(
  watch: Pick<WatchHost, 'on'>,
  outbox: Pick<EventOutbox, 'emit'>,
  overview: () => WatchOverview,
  intervalMs = WATCH_EVENT_INTERVAL_MS,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    timer = undefined;
    try {
      outbox.emit('watch', overview());
    } catch {
      // The database is busy for a moment; the next change sends the whole picture again.
    }
  };
  const schedule = (): void => {
    timer ??= setTimeout(flush, intervalMs);
  };
  const offs = [watch.on('status', schedule), watch.on('folders', schedule)];
  return () => {
    clearTimeout(timer);
    for (const off of offs) off();
  };
}
