// When each history entry's link was last copied or shared (table link_shares, schema v9), and which of
// them are due an expiry reminder. Taking the due ones marks them reminded in the same transaction, so an
// entry is reminded at most once however often the check runs.
import type { KieDropDb } from '../db';

export interface DueLink {
  historyId: number;
  fileName: string;
  /** ms since the epoch. */
  expiresAtMs: number;
}

type Row = Record<string, unknown>;

export class LinkShareStore {
  readonly #db: KieDropDb;

  constructor(db: KieDropDb) {
    this.#db = db;
  }

  /** These entries' links were just copied or shared. Ids no longer in the history are passed over. */
  record(historyIds: readonly number[], at: number): void {
    if (historyIds.length === 0) return;
    const upsert = this.#db.conn.prepare(
      `INSERT INTO link_shares (history_id, last_shared_at)
         SELECT id, ? FROM history WHERE id = ?
       ON CONFLICT (history_id) DO UPDATE SET last_shared_at = excluded.last_shared_at`,
    );
    this.#db.transaction(() => {
      for (const id of new Set(historyIds)) upsert.run(at, id);
    });
  }

  /** When the entry's link was last copied or shared (ms), or null when never. */
  lastSharedAt(historyId: number): number | null {
    const row = this.#db.conn
      .prepare('SELECT last_shared_at FROM link_shares WHERE history_id = ?')
      .get(historyId) as Row | undefined;
    return row === undefined ? null : Number(row['last_shared_at']);
  }

  /**
   * Copied or shared links, not pinned (keep-alive looks after those), not replaced, not known to be gone,
   * that expire after `now` and within `windowMs`, never reminded of before: soonest first. They are
   * marked reminded at `now` before this returns. `shiftMs`: how much earlier than stored links are believed
   * to die (HistoryStore.expiryShiftMs), so the reminder follows the countdowns.
   */
  takeDue(now: number, windowMs: number, shiftMs = 0): DueLink[] {
    return this.#db.transaction(() => {
      const rows = this.#db.conn
        .prepare(
          `SELECT h.id, h.file_name, h.expires_at
             FROM link_shares s
             JOIN history h ON h.id = s.history_id
             LEFT JOIN pins p ON p.history_id = h.id AND p.pinned = 1
             LEFT JOIN link_checks c ON c.history_id = h.id
            WHERE s.reminded_at IS NULL
              AND p.history_id IS NULL
              AND h.replaced_by IS NULL
              AND h.expires_at > ? AND h.expires_at <= ?
              AND (c.state IS NULL OR c.state <> 'gone')
            ORDER BY h.expires_at, h.id`,
        )
        .all(now + shiftMs, now + shiftMs + windowMs) as Row[];
      const mark = this.#db.conn.prepare('UPDATE link_shares SET reminded_at = ? WHERE history_id = ?');
      return rows.map((row) => {
        const historyId = Number(row['id']);
        mark.run(now, historyId);
        const expiresAtMs = Number(row['expires_at']) - shiftMs;
        return { historyId, fileName: String(row['file_name']), expiresAtMs };
      });
    });
  }
}
