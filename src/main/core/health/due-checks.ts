// Which links the app checks on its own: live links in the expiring window and pinned links, whose last
// check is older than `recheckAfterMs` (or that were never checked), soonest expiry first. A link already
// found gone is not asked again: hosts do not bring deleted files back. Both halves walk small indexes
// (history_live_expiry over the window, pins_pinned), and link_checks is read by its key.
import type { KieDropDb } from '../db';
import type { LinkToCheck } from './check-links';

export interface DueCheckQuery {
  nowMs: number;
  /** The expiring window (settings expiringSoonHours). */
  soonMs: number;
  recheckAfterMs: number;
  limit: number;
  /** How much earlier than stored links are believed to die (HistoryStore.expiryShiftMs); default 0. */
  shiftMs?: number;
}

const NOT_RECENTLY_CHECKED = `NOT EXISTS (SELECT 1 FROM link_checks c WHERE c.history_id = h.id
  AND (c.checked_at > :stale OR c.state = 'gone'))`;

export const DUE_LINK_CHECKS_SQL = `
SELECT id, download_url, expires_at FROM (
  SELECT h.id, h.download_url, h.expires_at FROM history h INDEXED BY history_live_expiry
  WHERE h.replaced_by IS NULL AND h.expires_at > :now AND h.expires_at < :soon AND ${NOT_RECENTLY_CHECKED}
  UNION
  SELECT h.id, h.download_url, h.expires_at FROM pins p JOIN history h ON h.id = p.history_id
  WHERE p.pinned = 1 AND h.replaced_by IS NULL AND h.expires_at > :now AND ${NOT_RECENTLY_CHECKED}
) ORDER BY expires_at, id LIMIT :limit`;

export function dueLinkChecks(db: KieDropDb, q: DueCheckQuery): LinkToCheck[] {
  const rows = db.conn
    .prepare(DUE_LINK_CHECKS_SQL)
    .raw()
    .all({
      now: q.nowMs + (q.shiftMs ?? 0),
      soon: q.nowMs + (q.shiftMs ?? 0) + q.soonMs,
      stale: q.nowMs - q.recheckAfterMs,
      limit: q.limit,
    }) as unknown[][];
  return rows.map(([id, url]) => ({ id: Number(id), url: String(url) }));
}
