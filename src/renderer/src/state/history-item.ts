// A history entry as the window keeps it: with the moment it expires on this window's clock, so
// countdowns run without refetching. expiresInMs (measured by the app's own clock) is used rather than
// expiresAt, so the two clocks never disagree.
import type { HistoryEntry } from '../../../shared/domain';

export interface HistoryItem {
  entry: HistoryEntry;
  deadline: number;
  /** When the window got it: the screen's once-a-minute clock can be older than the entry itself. */
  receivedAt: number;
}

export function toHistoryItem(entry: HistoryEntry, receivedAt = Date.now()): HistoryItem {
  return { entry, deadline: receivedAt + entry.expiresInMs, receivedAt };
}
