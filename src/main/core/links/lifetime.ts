// The one place that decides how long a link lives. Stored expiries are uploadedAt + the documented 3 days
// (or the server's own expiresAt); every reader shifts them earlier by (3 days − believed lifetime), so
// nothing stored is rewritten and the expiry indexes keep serving the status filters: a condition
// `expires_at − shift <= now` is asked as `expires_at <= now + shift`.
//
// The believed lifetime: the "Links last" setting when set; else the shortest lifetime observed on links
// that a health check found gone within the last LEARN_WINDOW_MS; else the documented 3 days.
import { FILE_LIFETIME_MS } from '../api/types';
import type Database from 'libsql';
import type { KieDropDb } from '../db';
import type { LearnedLifetime, LinkLifetime } from '../../../shared/link-lifetime';

export type { LearnedLifetime, LinkLifetime } from '../../../shared/link-lifetime';

const HOUR_MS = 60 * 60 * 1000;
/** Observations older than this are forgotten, so a service that lengthened its lifetime is believed again. */
export const LEARN_WINDOW_MS = 14 * 24 * HOUR_MS;
/** A learned lifetime is never taken below this: a file someone deleted by hand is not a lifetime. */
export const MIN_LEARNED_MS = HOUR_MS;

/**
 * A link was alive at `lastAliveAt` (if a check saw it so) and gone at `goneAt`: it died somewhere in
 * [lastAliveAt, goneAt], and both ends are stored. The estimate is the upper end, goneAt − uploadedAt: the
 * believed lifetime is the minimum over links, and a minimum of upper bounds comes down to the true
 * lifetime as checks get denser (the schedule checks links near their believed expiry), while a minimum of
 * lower bounds or midpoints would stick to the worst guess. Its error is at most the gap between the two
 * checks, and a link seen gone is shown gone whatever its countdown says.
 */
export function estimateLifetimeMs(uploadedAt: number, goneAt: number): number {
  return goneAt - uploadedAt;
}

export interface EarlyDeath {
  historyId: number;
  uploadedAt: number;
  lastAliveAt: number | null;
  goneAt: number;
}

/** Records one link found gone before its computed expiry; a link is counted once. Joins the caller's transaction. */
export function recordEarlyDeath(db: KieDropDb, death: EarlyDeath): void {
  db.conn
    .prepare(
      `INSERT OR IGNORE INTO link_lifetimes (history_id, uploaded_at, last_alive_at, gone_at, lifetime_ms)
       VALUES (?, ?, ?, ?, ?)`,
    )
    .run(
      death.historyId,
      death.uploadedAt,
      death.lastAliveAt,
      death.goneAt,
      estimateLifetimeMs(death.uploadedAt, death.goneAt),
    );
}

/** The shortest lifetime among links found gone within the learning window, and how many there were. */
/** Prepares (or finds already prepared) a statement on the history's connection. */
export type PrepareStatement = (sql: string) => Database.Statement;

// Asked on every history read: `prepare` is the store's statement cache, so it is compiled once.
export function learnedLifetime(prepare: PrepareStatement, nowMs: number): LearnedLifetime | null {
  const row = prepare('SELECT min(lifetime_ms), count(*) FROM link_lifetimes WHERE gone_at > ?')
    .raw()
    .get(nowMs - LEARN_WINDOW_MS) as unknown[] | undefined;
  const count = Number(row?.[1] ?? 0);
  if (count === 0) return null;
  return { lifetimeMs: Math.max(MIN_LEARNED_MS, Number(row?.[0])), observedOn: count };
}

/** `settingHours`: the "Links last" setting, null for automatic. */
export function believedLifetime(
  prepare: PrepareStatement,
  nowMs: number,
  settingHours: number | null,
): LinkLifetime {
  const learned = learnedLifetime(prepare, nowMs);
  const base = { learned, assumedMs: FILE_LIFETIME_MS };
  if (settingHours !== null) return { ...base, believedMs: settingHours * HOUR_MS, source: 'setting' };
  if (learned !== null && learned.lifetimeMs < FILE_LIFETIME_MS) {
    return { ...base, believedMs: learned.lifetimeMs, source: 'learned' };
  }
  return { ...base, believedMs: FILE_LIFETIME_MS, source: 'assumed' };
}

/** How much earlier than its stored expiry a link is believed to die (0 when the 3 days are believed). */
export function expiryShiftMs(lifetime: LinkLifetime): number {
  return Math.max(0, lifetime.assumedMs - lifetime.believedMs);
}
