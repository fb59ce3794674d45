// What a history row shows about its link's lifetime right now: time left and the live status. A link
// its host said is gone is dead whatever the countdown says: the row then shows it as expired.
import type { ExpiryStatus } from '../../../../shared/domain';
import { liveExpiryStatus } from '../../format/expiry';
import type { LocalLinkHealth } from '../../format/link-health';
import type { HistoryItem } from '../../state/history-item';

const GONE_AT_EXPIRY_SLACK_MS = 60 * 1000;

export interface RowStatus {
  msLeft: number;
  status: ExpiryStatus;
  /** The last check found the link gone before its expiry. */
  gone: boolean;
}

/**
 * `now` ticks once a minute, so it can be up to a minute older than an entry that just arrived; measuring
 * from that stale moment would promise a freshly renewed link "3 d" instead of "2 d 23 h". Time never
 * runs backwards for an item, so the later of the two is the honest "now".
 */
export function rowStatus(
  item: Pick<HistoryItem, 'entry' | 'deadline' | 'receivedAt'>,
  now: number,
  expiringSoonMs: number,
  health: LocalLinkHealth | null = null,
): RowStatus {
  const msLeft = item.deadline - Math.max(now, item.receivedAt);
  const replaced = item.entry.status === 'replaced' || item.entry.replacedBy !== null;
  const status = liveExpiryStatus(msLeft, replaced, expiringSoonMs);
  // An overwritten entry's link serves another file now: its check says nothing about this entry.
  const live = status === 'active' || status === 'expiring';
  // The link that taught a shorter lifetime expires, by it, right when it was found gone (a minute's
  // slack for the two clocks): it still says what was seen.
  const goneByExpiry =
    status === 'expired' &&
    !replaced &&
    health?.goneSince != null &&
    health.goneSince <= item.deadline + GONE_AT_EXPIRY_SLACK_MS;
  const gone = health?.state === 'gone' && (live || goneByExpiry);
  return { msLeft, status: gone ? 'expired' : status, gone };
}
