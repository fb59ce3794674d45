// Expiry reminders while the app runs: a check 30 s after start (never on the start-up path), then every
// 15 minutes. Links the person copied or shared that expire within a day and are not pinned are told in
// one notification; each entry at most once. With reminders or notifications off nothing is taken, so
// nothing is marked reminded that nobody saw.
import { describeReminderEnglish, groupReminder, LinkShareStore } from '../reminders';
import type { ExpiryReminder } from '../reminders';
import type { SettingsStore } from '../settings';
import type { EngineHost } from './engine-host';
import type { NotifyAdapter } from './types';
import { createPeriodicTask } from './periodic-task';

const MINUTE_MS = 60 * 1000;
/** A link is reminded of in its last day. */
export const REMINDER_WINDOW_MS = 24 * 60 * MINUTE_MS;
export const REMINDER_INTERVAL_MS = 15 * MINUTE_MS;

export interface ExpiryRemindersOptions {
  engine: EngineHost;
  settings: Pick<SettingsStore, 'get'>;
  /** None: the app shows no notifications, so nothing is reminded (and nothing marked). */
  notifier: NotifyAdapter | null;
  now?: () => number;
  /** Default 30 s. */
  firstDelayMs?: number;
  /** Default 15 min. */
  intervalMs?: number;
}

export interface ExpiryReminders {
  /** These entries' links were just copied or shared (a failure to record is logged, never thrown). */
  recordShared(historyIds: readonly number[]): void;
  /** One check now: the reminder it showed, or null. */
  checkNow(): ExpiryReminder | null;
  start(): void;
  close(): void;
}

export function createExpiryReminders(opts: ExpiryRemindersOptions): ExpiryReminders {
  const now = opts.now ?? Date.now;

  function checkNow(): ExpiryReminder | null {
    const { expiryReminders, notifications } = opts.settings.get();
    if (task.isClosed() || !expiryReminders || !notifications || opts.notifier === null) return null;
    const at = now();
    const shift = opts.engine.history.expiryShiftMs();
    const due = new LinkShareStore(opts.engine.db).takeDue(at, REMINDER_WINDOW_MS, shift);
    const reminder = groupReminder(due, at);
    if (reminder === null) return null;
    if (opts.notifier.remindExpiring) opts.notifier.remindExpiring(reminder);
    else opts.notifier.notify(describeReminderEnglish(reminder));
    return reminder;
  }

  const task = createPeriodicTask({
    name: 'reminders',
    run: checkNow,
    firstDelayMs: opts.firstDelayMs ?? 30_000,
    intervalMs: opts.intervalMs ?? REMINDER_INTERVAL_MS,
  });

  return {
    recordShared(historyIds) {
      try {
        new LinkShareStore(opts.engine.db).record(historyIds, now());
      } catch (err) {
        // The copy itself went through; only a later reminder is at stake.
        console.warn(`[reminders] copy not recorded: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
    checkNow,
    start: task.start,
    close() {
      void task.close();
    },
  };
}
