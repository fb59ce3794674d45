// The url_copies table (schema v11): which history entries have a local copy of their link's bytes, where
// it is, and which are waiting to be downloaded again after a failure. Files are named inside the data
// folder's url-copies folder, so a moved data folder keeps its copies.
import { dirname, join } from 'node:path';
import type { KieDropDb } from '../db';

export const COPIES_FOLDER_NAME = 'url-copies';

export interface SavedCopy {
  historyId: number;
  /** Absolute path of the copy. */
  path: string;
  fileName: string;
  size: number;
  sha256: string;
  savedAt: number;
}

export interface CopyToEvict {
  historyId: number;
  path: string;
  size: number;
  pinned: boolean;
}

type Row = Record<string, unknown>;

/** Where copies live: beside the database, in the data folder. */
export function copiesFolder(db: Pick<KieDropDb, 'file'>): string {
  return join(dirname(db.file), COPIES_FOLDER_NAME);
}

export class CopyStore {
  readonly #db: KieDropDb;

  constructor(db: KieDropDb) {
    this.#db = db;
  }

  /** The entry's copy once a download succeeded; undefined otherwise. */
  get(historyId: number): SavedCopy | undefined {
    const row = this.#db.conn
      .prepare(
        'SELECT history_id, file_name, size, sha256, saved_at FROM url_copies WHERE history_id = ? AND file_name IS NOT NULL',
      )
      .get(historyId) as Row | undefined;
    if (row === undefined) return undefined;
    const fileName = String(row['file_name']);
    return {
      historyId: Number(row['history_id']),
      path: join(copiesFolder(this.#db), fileName),
      fileName,
      size: Number(row['size']),
      sha256: String(row['sha256']),
      savedAt: Number(row['saved_at']),
    };
  }

  /**
   * Live URL uploads that have no copy yet and are not waiting out a failed try: the links to download.
   * Newest first, so a fresh upload is copied before an old backlog. `shiftMs`: how much earlier than
   * their stored expiry links are believed to die (HistoryStore.expiryShiftMs), so a link believed dead
   * is not fetched.
   */
  missing(now: number, limit: number, shiftMs = 0): number[] {
    const rows = this.#db.conn
      .prepare(
        `SELECT h.id FROM history h LEFT JOIN url_copies c ON c.history_id = h.id
         WHERE h.method = 'url' AND h.replaced_by IS NULL AND h.expires_at > :alive
           AND (c.history_id IS NULL OR (c.file_name IS NULL AND (c.next_try_at IS NULL OR c.next_try_at <= :now)))
         ORDER BY h.id DESC LIMIT :limit`,
      )
      .raw()
      .all({ now, alive: now + shiftMs, limit }) as unknown[][];
    return rows.map((r) => Number(r[0]));
  }

  /** Bytes the saved copies take together. */
  totalBytes(): number {
    const row = this.#db.conn
      .prepare('SELECT COALESCE(SUM(size), 0) FROM url_copies WHERE file_name IS NOT NULL')
      .raw()
      .get() as unknown[];
    return Number(row[0]);
  }

  /**
   * Saved copies in the order they give way when space runs out: copies of unpinned entries first, oldest
   * first; pinned entries' copies last, as they are what keeps a pinned link renewable.
   */
  evictionOrder(): CopyToEvict[] {
    const rows = this.#db.conn
      .prepare(
        `SELECT c.history_id, c.file_name, c.size, (p.history_id IS NOT NULL) AS pinned
         FROM url_copies c LEFT JOIN pins p ON p.history_id = c.history_id AND p.pinned = 1
         WHERE c.file_name IS NOT NULL
         ORDER BY pinned, c.saved_at, c.history_id`,
      )
      .all() as Row[];
    const folder = copiesFolder(this.#db);
    return rows.map((r) => ({
      historyId: Number(r['history_id']),
      path: join(folder, String(r['file_name'])),
      size: Number(r['size']),
      pinned: Number(r['pinned']) === 1,
    }));
  }

  saved(historyId: number, copy: { fileName: string; size: number; sha256: string }, now: number): void {
    this.#db.transaction(() => {
      this.#db.conn
        .prepare(
          `INSERT INTO url_copies (history_id, file_name, size, sha256, saved_at, attempts, last_error, next_try_at)
           VALUES (?, ?, ?, ?, ?, 0, NULL, NULL)
           ON CONFLICT (history_id) DO UPDATE SET file_name = excluded.file_name, size = excluded.size,
             sha256 = excluded.sha256, saved_at = excluded.saved_at, last_error = NULL, next_try_at = NULL`,
        )
        .run(historyId, copy.fileName, copy.size, copy.sha256, now);
    });
  }

  /** A download that failed: tried again after `retryAt` (never, when null). */
  failed(historyId: number, error: string, retryAt: number | null): number {
    return this.#db.transaction(() => {
      this.#db.conn
        .prepare(
          `INSERT INTO url_copies (history_id, attempts, last_error, next_try_at) VALUES (?, 1, ?, ?)
           ON CONFLICT (history_id) DO UPDATE SET attempts = attempts + 1, last_error = excluded.last_error,
             next_try_at = excluded.next_try_at`,
        )
        .run(historyId, error, retryAt ?? Number.MAX_SAFE_INTEGER);
      const row = this.#db.conn
        .prepare('SELECT attempts FROM url_copies WHERE history_id = ?')
        .raw()
        .get(historyId) as unknown[];
      return Number(row[0]);
    });
  }

  /** Failed tries so far for an entry without a copy. */
  attempts(historyId: number): number {
    const row = this.#db.conn
      .prepare('SELECT attempts FROM url_copies WHERE history_id = ?')
      .raw()
      .get(historyId) as unknown[] | undefined;
    return row === undefined ? 0 : Number(row[0]);
  }

  /** The copy was removed to stay within the cap (the caller removes the file): the row stays, marked
   * never to be tried again, so the next pass does not download it straight back. */
  evicted(historyId: number, why: string): void {
    this.#db.transaction(() => {
      this.#db.conn
        .prepare(
          `UPDATE url_copies SET file_name = NULL, size = NULL, sha256 = NULL, last_error = ?, next_try_at = ?
           WHERE history_id = ?`,
        )
        .run(why, Number.MAX_SAFE_INTEGER, historyId);
    });
  }

  /** A renewal made from the copy: the copy now belongs to the new entry (the old link is dead). */
  moveTo(fromId: number, toId: number): void {
    this.#db.transaction(() => {
      this.#db.conn.prepare('DELETE FROM url_copies WHERE history_id = ?').run(toId);
      this.#db.conn.prepare('UPDATE url_copies SET history_id = ? WHERE history_id = ?').run(toId, fromId);
    });
  }
}
