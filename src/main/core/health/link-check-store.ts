// The last health check of each history entry's link (table link_checks, schema v6). "Gone since" is the
// first check that found the link gone; it stays while later checks agree and clears once one finds it alive.
import type { KieDropDb } from '../db';
import { recordEarlyDeath } from '../links/lifetime';
import type { LinkProbe, LinkState } from './link-probe';

export interface LinkHealth {
  historyId: number;
  checkedAt: string;
  state: LinkState;
  detail: string | null;
  goneSince: string | null;
}

type Row = Record<string, unknown>;
const iso = (v: unknown): string => new Date(Number(v)).toISOString();

function toHealth(row: Row): LinkHealth {
  return {
    historyId: Number(row['history_id']),
    checkedAt: iso(row['checked_at']),
    state: row['state'] as LinkState,
    detail: typeof row['detail'] === 'string' ? row['detail'] : null,
    goneSince: row['gone_since'] === null || row['gone_since'] === undefined ? null : iso(row['gone_since']),
  };
}

export class LinkCheckStore {
  readonly #db: KieDropDb;

  constructor(db: KieDropDb) {
    this.#db = db;
  }

  get(historyId: number): LinkHealth | undefined {
    const row = this.#db.conn
      .prepare(
        'SELECT history_id, checked_at, state, detail, gone_since FROM link_checks WHERE history_id = ?',
      )
      .get(historyId) as Row | undefined;
    return row === undefined ? undefined : toHealth(row);
  }

  /** The last checks of these entries, in one lookup by key (for a page of History); unchecked ones are absent. */
  forEntries(historyIds: readonly number[]): Map<number, LinkHealth> {
    const found = new Map<number, LinkHealth>();
    if (historyIds.length === 0) return found;
    const rows = this.#db.conn
      .prepare(
        `SELECT history_id, checked_at, state, detail, gone_since FROM link_checks
         WHERE history_id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(historyIds)) as Row[];
    for (const row of rows) {
      const health = toHealth(row);
      found.set(health.historyId, health);
    }
    return found;
  }

  /** Records a check made at `atMs`; an entry deleted meanwhile is skipped. */
  record(historyId: number, probe: LinkProbe, atMs: number): LinkHealth | undefined {
    this.#db.transaction(() => {
      const exists = this.#db.conn.prepare('SELECT 1 FROM history WHERE id = ?').get(historyId);
      if (exists === undefined) return;
      const previous = this.get(historyId);
      // Unreachable or error says nothing about the file: an earlier "gone" keeps its date.
      const keptGone = previous?.goneSince != null ? Date.parse(previous.goneSince) : null;
      const goneSince =
        probe.state === 'alive' ? null : probe.state === 'gone' ? (keptGone ?? atMs) : keptGone;
      this.#db.conn
        .prepare(
          `INSERT INTO link_checks (history_id, checked_at, state, detail, gone_since) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (history_id) DO UPDATE SET checked_at = excluded.checked_at, state = excluded.state,
             detail = excluded.detail, gone_since = excluded.gone_since`,
        )
        .run(historyId, atMs, probe.state, probe.detail, goneSince);
      if (probe.state === 'gone' && keptGone === null) this.#learnLifetime(historyId, previous, atMs);
    });
    return this.get(historyId);
  }

  /**
   * A link first found gone before the expiry KieDrop computed tells how long links really live. Not when
   * a later upload overwrote it (replaced), nor for a pinned link kept alive: its clock restarted at a
   * keep-alive, and whether it did is what keep-alive checks itself.
   */
  #learnLifetime(historyId: number, previous: LinkHealth | undefined, goneAt: number): void {
    const row = this.#db.conn
      .prepare(
        `SELECT h.uploaded_at FROM history h LEFT JOIN pins p ON p.history_id = h.id
         WHERE h.id = ? AND h.replaced_by IS NULL AND h.expires_at > ? AND coalesce(p.kept_alive_count, 0) = 0`,
      )
      .raw()
      .get(historyId, goneAt) as unknown[] | undefined;
    if (row === undefined) return;
    const lastAliveAt = previous?.state === 'alive' ? Date.parse(previous.checkedAt) : null;
    recordEarlyDeath(this.#db, { historyId, uploadedAt: Number(row[0]), lastAliveAt, goneAt });
  }
}
