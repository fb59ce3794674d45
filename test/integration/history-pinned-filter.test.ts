// History's "Pinned" filter: only entries pinned now, newest first, found through the pins table's index
// (the history id is its key), so the filter never reads the whole history.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/index';
import type { KieDropDb } from '../../src/main/core/db/index';
import { HistoryStore } from '../../src/main/core/history/index';
import { queryHistory } from '../../src/main/core/history/history-query';
import { PinStore } from '../../src/main/core/keepalive/pin-store';

const DAY = 24 * 60 * 60 * 1000;
const START = Date.UTC(2026, 5, 1, 12, 0, 0);
const ROWS = 50_000;

let dir: string;
let db: KieDropDb;
let store: HistoryStore;
const now = START + ROWS * 1000;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-history-pinned-'));
  db = openDatabase(join(dir, 'kiedrop.db'));
  store = new HistoryStore(db, { now: () => now });
  // Entry n is uploaded n seconds after START, so higher ids are newer; every link lives three days.
  db.conn.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS})
    INSERT INTO history (job_id, local_path, local_mtime_ms, size, method, source, upload_path, file_name,
      file_path, download_url, mime_type, uploaded_at, expires_at, renew_of, created_at)
    SELECT NULL, NULL, NULL, i, 'stream', 'manual', 'kiedrop', 'file-' || i || '.txt',
      'kiedrop/s' || i || '/file-' || i || '.txt', 'https://files.example.test/s' || i || '/file-' || i || '.txt',
      'text/plain', ${START} + i * 1000, ${START + 3 * DAY} + i * 1000, NULL, ${START} FROM n`);
  const pins = new PinStore(db);
  for (const id of [7, 40_000, 123]) pins.pin(id, { location: 'kiedrop', followFile: false, now });
  pins.pin(500, { location: 'kiedrop', followFile: false, now });
  pins.unpin(500);
});
afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the Pinned filter', () => {
  it('lists only the entries pinned now, newest first, with their count', () => {
    const page = store.list({ pinned: true });
    expect(page.total).toBe(3);
    expect(page.entries.map((e) => e.id)).toEqual([40_000, 123, 7]);
    // With a search and a status it narrows those, as the other filters do.
    expect(store.list({ pinned: true, search: 'file-12' }).entries.map((e) => e.id)).toEqual([123]);
    expect(store.list({ pinned: true, status: 'expired' }).total).toBe(0);
    expect(store.list({ pinned: true, limit: 1, offset: 1 }).entries.map((e) => e.id)).toEqual([123]);
  });

  it('never scans the history table, before and after the database has gathered statistics', () => {
    for (const analyzed of [false, true]) {
      if (analyzed) db.conn.exec('ANALYZE');
      const ran: string[] = [];
      const result = queryHistory(
        (sql) => {
          ran.push(sql);
          return db.conn.prepare(sql);
        },
        { pinned: true },
        now,
        6 * 60 * 60 * 1000,
        50,
        0,
      );
      expect(result.total).toBe(3);
      expect(ran.length).toBeGreaterThan(0);
      for (const sql of ran) {
        const plan = (
          db.conn.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ now, limit: 50, offset: 0 }) as {
            detail: string;
          }[]
        ).map((r) => r.detail);
        // A scan of history (by the table or any of its indexes) reads every entry; a SEARCH by rowid does not.
        expect(plan.filter((d) => /^SCAN (h|history)\b/u.test(d))).toEqual([]);
        expect(plan.some((d) => /pins/u.test(d))).toBe(true);
      }
    }
  });

  it('gives a page of entries their pins in one lookup by key', () => {
    const pins = new PinStore(db).forEntries([7, 8, 500, 40_000]);
    expect([...pins.keys()].sort((a, b) => a - b)).toEqual([7, 500, 40_000]);
    expect(pins.get(500)?.pinned).toBe(false);
    const plan = (
      db.conn
        .prepare(
          'EXPLAIN QUERY PLAN SELECT history_id FROM pins WHERE history_id IN (SELECT value FROM json_each(?))',
        )
        .all('[1,2]') as { detail: string }[]
    ).map((r) => r.detail);
    expect(plan.some((d) => /SEARCH pins USING INTEGER PRIMARY KEY/u.test(d))).toBe(true);
  });
});
