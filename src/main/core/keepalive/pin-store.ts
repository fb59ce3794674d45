// Pinned history entries (table pins, schema v8) and the places where keep-alive was seen not to work
// (keepalive_blocked). The keep-alive lease lives in the pin row and is claimed by one UPDATE whose
// WHERE clause also says "still due": whichever process claims first does the upload, and once it has
// moved the expiry on, no other process finds the entry due in that window any more.
import type { KieDropDb } from '../db';

export type KeepAliveOutcomeKind =
  'kept-alive' | 'url-changed' | 'clock-not-restarted' | 'missed' | 'blocked' | 'failed';

export interface PinState {
  historyId: number;
  pinned: boolean;
  followFile: boolean;
  pinnedAt: string;
  /** The uploadPath the link was made with, its own unique folder included. */
  location: string;
  keptAliveCount: number;
  lastAt: string | null;
  lastOutcome: KeepAliveOutcomeKind | null;
  lastDetail: string | null;
  /** The expiry before the last keep-alive: a check after it shows whether the overwrite restarted the clock. */
  verifyAfter: string | null;
}

export interface BlockedScope {
  scope: string;
  foundAt: string;
  historyId: number | null;
  detail: string | null;
}

type Row = Record<string, unknown>;
const PIN_COLUMNS =
  'history_id, pinned, follow_file, pinned_at, location, kept_alive_count, last_at, last_outcome, ' +
  'last_detail, verify_after';

const isoOrNull = (v: unknown): string | null =>
  v === null || v === undefined ? null : new Date(Number(v)).toISOString();
const textOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function toPin(row: Row): PinState {
  return {
    historyId: Number(row['history_id']),
    pinned: Number(row['pinned']) === 1,
    followFile: Number(row['follow_file']) === 1,
    pinnedAt: new Date(Number(row['pinned_at'])).toISOString(),
    location: String(row['location']),
    keptAliveCount: Number(row['kept_alive_count']),
    lastAt: isoOrNull(row['last_at']),
    lastOutcome: textOrNull(row['last_outcome']) as KeepAliveOutcomeKind | null,
    lastDetail: textOrNull(row['last_detail']),
    verifyAfter: isoOrNull(row['verify_after']),
  };
}

export class PinStore {
  readonly #db: KieDropDb;

  constructor(db: KieDropDb) {
    this.#db = db;
  }

  get(historyId: number): PinState | undefined {
    const row = this.#db.conn
      .prepare(`SELECT ${PIN_COLUMNS} FROM pins WHERE history_id = ?`)
      .get(historyId) as Row | undefined;
    return row === undefined ? undefined : toPin(row);
  }

  /** The pins of these entries, in one lookup by key (for a page of History); never-pinned ones are absent. */
  forEntries(historyIds: readonly number[]): Map<number, PinState> {
    const found = new Map<number, PinState>();
    if (historyIds.length === 0) return found;
    const rows = this.#db.conn
      .prepare(`SELECT ${PIN_COLUMNS} FROM pins WHERE history_id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(historyIds)) as Row[];
    for (const row of rows) {
      const pin = toPin(row);
      found.set(pin.historyId, pin);
    }
    return found;
  }

  /**
   * Pins an entry (again): counts from earlier pins stay. `location` is where the link was made: the
   * upload job's location, which may hold a unique folder the entry's upload path does not show.
   */
  pin(historyId: number, opts: { location: string; followFile: boolean; now: number }): PinState {
    this.#db.transaction(() => {
      this.#db.conn
        .prepare(
          `INSERT INTO pins (history_id, pinned, follow_file, pinned_at, location) VALUES (?, 1, ?, ?, ?)
           ON CONFLICT (history_id) DO UPDATE SET pinned = 1, follow_file = excluded.follow_file,
             pinned_at = excluded.pinned_at`,
        )
        .run(historyId, opts.followFile ? 1 : 0, opts.now, opts.location);
    });
    return this.get(historyId) as PinState;
  }

  /** False when the entry was not pinned. */
  unpin(historyId: number): boolean {
    return this.#db.transaction(
      () =>
        this.#db.conn
          .prepare('UPDATE pins SET pinned = 0, verify_after = NULL WHERE history_id = ? AND pinned = 1')
          .run(historyId).changes > 0,
    );
  }

  /** Pinned entries whose turn may have come: expiry within the lead time, or a clock check due. */
  candidates(now: number, leadMs: number): number[] {
    const rows = this.#db.conn
      .prepare(
        `SELECT p.history_id FROM pins p JOIN history h ON h.id = p.history_id
         WHERE p.pinned = 1 AND h.replaced_by IS NULL
           AND (h.expires_at - ? <= ? OR (p.verify_after IS NOT NULL AND p.verify_after <= ?))
         ORDER BY h.expires_at, p.history_id`,
      )
      .raw()
      .all(leadMs, now, now) as unknown[][];
    return rows.map((r) => Number(r[0]));
  }

  /**
   * Claims the entry for one keep-alive, in one statement: only while it is pinned, still due and
   * nobody else's lease is running. False when another process has it or has already done it.
   */
  claim(historyId: number, owner: string, now: number, leadMs: number, leaseMs: number): boolean {
    return this.#db.transaction(
      () =>
        this.#db.conn
          .prepare(
            `UPDATE pins SET lease_owner = :owner, lease_until = :until
             WHERE history_id = :id AND pinned = 1 AND (lease_until IS NULL OR lease_until <= :now)
               AND EXISTS (SELECT 1 FROM history h WHERE h.id = pins.history_id AND h.replaced_by IS NULL
                 AND (h.expires_at - :lead <= :now OR (pins.verify_after IS NOT NULL AND pins.verify_after <= :now)))`,
          )
          .run({ owner, until: now + leaseMs, id: historyId, now, lead: leadMs }).changes > 0,
    );
  }

  /** Extends our lease while a long upload runs; false when it is no longer ours. */
  renewLease(historyId: number, owner: string, until: number): boolean {
    return this.#db.transaction(
      () =>
        this.#db.conn
          .prepare('UPDATE pins SET lease_until = ? WHERE history_id = ? AND lease_owner = ?')
          .run(until, historyId, owner).changes > 0,
    );
  }

  /** Gives the lease back, if it is still ours. */
  release(historyId: number, owner: string): void {
    this.#db.transaction(() => {
      this.#db.conn
        .prepare(
          'UPDATE pins SET lease_owner = NULL, lease_until = NULL WHERE history_id = ? AND lease_owner = ?',
        )
        .run(historyId, owner);
    });
  }

  /** Records what a pass did with the entry; joins the caller's transaction. */
  record(
    historyId: number,
    outcome: KeepAliveOutcomeKind,
    now: number,
    change: {
      detail?: string | null;
      keptAlive?: boolean;
      verifyAfter?: number | null;
      unpin?: boolean;
    } = {},
  ): void {
    this.#db.transaction(() => {
      this.#db.conn
        .prepare(
          `UPDATE pins SET last_outcome = :outcome, last_at = :now, last_detail = :detail,
             kept_alive_count = kept_alive_count + :plus,
             verify_after = CASE WHEN :setVerify = 1 THEN :verify ELSE verify_after END,
             pinned = CASE WHEN :unpin = 1 THEN 0 ELSE pinned END
           WHERE history_id = :id`,
        )
        .run({
          outcome,
          now,
          detail: change.detail ?? null,
          plus: change.keptAlive === true ? 1 : 0,
          setVerify: change.verifyAfter === undefined ? 0 : 1,
          verify: change.verifyAfter ?? null,
          unpin: change.unpin === true ? 1 : 0,
          id: historyId,
        });
    });
  }

  /** A keep-alive that found a new link: the new entry is pinned in the old one's place, counts carried. */
  moveTo(oldId: number, newId: number, now: number): void {
    this.#db.transaction(() => {
      this.#db.conn
        .prepare(
          `INSERT INTO pins (history_id, pinned, follow_file, pinned_at, location, kept_alive_count)
           SELECT ?, 1, follow_file, ?, location, kept_alive_count FROM pins WHERE history_id = ?`,
        )
        .run(newId, now, oldId);
    });
  }

  blocked(scope: string): BlockedScope | undefined {
    const row = this.#db.conn
      .prepare('SELECT scope, found_at, history_id, detail FROM keepalive_blocked WHERE scope = ?')
      .get(scope) as Row | undefined;
    if (row === undefined) return undefined;
    return {
      scope: String(row['scope']),
      foundAt: new Date(Number(row['found_at'])).toISOString(),
      historyId: row['history_id'] === null ? null : Number(row['history_id']),
      detail: textOrNull(row['detail']),
    };
  }

  /** Keep-alive does not work at `scope`: the first finding is kept. */
  block(scope: string, historyId: number, detail: string, now: number): void {
    this.#db.transaction(() => {
      this.#db.conn
        .prepare(
          `INSERT INTO keepalive_blocked (scope, found_at, history_id, detail) VALUES (?, ?, ?, ?)
           ON CONFLICT (scope) DO NOTHING`,
        )
        .run(scope, now, historyId, detail);
    });
  }
}
