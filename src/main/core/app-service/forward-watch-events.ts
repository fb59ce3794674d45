// Watch service events → the window: one "watch" event with every folder, and a notice for each file
// that was skipped or could not be uploaded (a link leading out of the folder, a refused upload). A burst
// (a thousand files settling at once) changes the counts many times a second; the window needs the
// latest picture a few times a second, not each step, and a few banners, not a thousand.
import type { WatchFileError } from '../watch';
import type { EventChannels, WatchOverview } from '../../../shared/ipc-contract';
import type { EventOutbox } from './event-outbox';
import type { WatchHost } from './watch-host';

export const WATCH_EVENT_INTERVAL_MS = 150;
/** Notices sent one by one per interval; past that, the rest are summed up in one more. */
export const WATCH_NOTICES_PER_INTERVAL = 3;

/** With its code, so the window says it in the person's language. */
function noticeFor(problem: WatchFileError): EventChannels['notice'] {
  return {
    level: problem.kind === 'failed' ? 'error' : 'warning',
    message: problem.message,
    ...(problem.coded ? { code: problem.coded.code, params: problem.coded.params } : {}),
  };
}

export function forwardWatchEvents(
  watch: Pick<WatchHost, 'on'>,
  outbox: Pick<EventOutbox, 'emit'>,
  overview: () => WatchOverview,
  intervalMs = WATCH_EVENT_INTERVAL_MS,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  let overviewDue = false;
  let problems: WatchFileError[] = [];

  const sendProblems = (): void => {
    const batch = problems;
    problems = [];
    const shown =
      batch.length > WATCH_NOTICES_PER_INTERVAL ? batch.slice(0, WATCH_NOTICES_PER_INTERVAL - 1) : batch;
    for (const p of shown) outbox.emit('notice', noticeFor(p));
    const rest = batch.slice(shown.length);
    if (rest.length === 0) return;
    const failed = rest.filter((p) => p.kind === 'failed').length;
    outbox.emit('notice', {
      level: failed > 0 ? 'error' : 'warning',
      message: `${rest.length} more files in watched folders were skipped or could not be uploaded (${failed} failed); each folder's last problem shows on the Watch screen.`,
      code: 'watch.more-problems',
      params: { count: rest.length, failed },
    });
  };

  const flush = (): void => {
    timer = undefined;
    sendProblems();
    if (!overviewDue) return;
    overviewDue = false;
    try {
      outbox.emit('watch', overview());
    } catch {
      // The database is busy for a moment; the next change sends the whole picture again.
    }
  };
  const schedule = (): void => {
    timer ??= setTimeout(flush, intervalMs);
  };
  const changed = (): void => {
    overviewDue = true;
    schedule();
  };
  const offs = [
    watch.on('status', changed),
    watch.on('folders', changed),
    watch.on('file-error', (problem) => {
      problems.push(problem);
      schedule();
    }),
  ];
  return () => {
    clearTimeout(timer);
    for (const off of offs) off();
  };
}
