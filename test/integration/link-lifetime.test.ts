// How long links are believed to live, on a real SQLite file: a link a check finds gone before its
// computed 3 days teaches a shorter lifetime, which every entry's expiry and the status filters then use
// (without rewriting stored expiries: the filters stay on their indexes); the "Links last" setting
// overrides what was learned; old observations are forgotten.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/index';
import type { KieDropDb } from '../../src/main/core/db/index';
import { LinkCheckStore } from '../../src/main/core/health/index';
import { dueLinkChecks } from '../../src/main/core/health/index';
import { HistoryStore } from '../../src/main/core/history/index';
import type { HistoryEntry, NewHistoryEntry } from '../../src/main/core/history/index';
import { LinkShareStore } from '../../src/main/core/reminders/link-share-store';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 2, 1, 9, 0, 0);

let dir: string;
let db: KieDropDb;
let now: number;
let setting: number | null;
let store: HistoryStore;
let checks: LinkCheckStore;
let seq = 0;

function upload(): HistoryEntry {
  seq++;
  const uploadedAt = new Date(now).toISOString();
  const entry: NewHistoryEntry = {
    jobId: null,
    localPath: null,
    localMtimeMs: null,
    size: 10,
    method: 'stream',
    source: 'manual',
    uploadPath: 'kiedrop',
    fileName: `note-${seq}.txt`,
    filePath: `kieai/1/kiedrop/note-${seq}.txt`,
    downloadUrl: `https://files.example.test/kieai/1/kiedrop/note-${seq}.txt`,
    mimeType: 'text/plain',
    uploadedAt,
    expiresAt: new Date(now + 3 * DAY).toISOString(),
    renewOf: null,
  };
  return store.insert(entry);
}

const gone = { state: 'gone', status: 404, detail: 'HTTP 404' } as const;
const alive = { state: 'alive', status: 200, detail: 'HTTP 200' } as const;
const expiresAt = (id: number) => Date.parse(store.get(id)?.expiresAt ?? '');

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-lifetime-'));
  db = openDatabase(join(dir, 'kiedrop.db'));
  now = START;
  setting = null;
  store = new HistoryStore(db, { now: () => now, linkLifetimeHours: () => setting });
  checks = new LinkCheckStore(db);
});
afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a lifetime learned from links that died early', () => {
  it('the first early death shortens every other entry to its upload time plus the lifetime seen', () => {
    const first = upload();
    now += 2 * HOUR;
    const second = upload();
    now += 2 * HOUR;
    const third = upload();
    expect(expiresAt(second.id)).toBe(Date.parse(second.uploadedAt) + 3 * DAY);
    expect(store.lifetime()).toMatchObject({ source: 'assumed', believedMs: 3 * DAY, learned: null });

    // Alive at 1 h, first seen gone at 24 h 10 min after its upload.
    checks.record(first.id, alive, START + HOUR);
    now = START + 24 * HOUR + 10 * MINUTE;
    checks.record(first.id, gone, now);

    const lifetime = store.lifetime();
    expect(lifetime).toMatchObject({ source: 'learned', believedMs: 24 * HOUR + 10 * MINUTE });
    expect(lifetime.learned).toEqual({ lifetimeMs: 24 * HOUR + 10 * MINUTE, observedOn: 1 });
    for (const e of [second, third]) {
      const listed = store.list().entries.find((x) => x.id === e.id);
      expect(Date.parse(listed?.expiresAt ?? '')).toBe(Date.parse(e.uploadedAt) + 24 * HOUR + 10 * MINUTE);
      expect(listed?.expiresInMs).toBe(Date.parse(e.uploadedAt) + 24 * HOUR + 10 * MINUTE - now);
    }
    // The second has 2 h 10 min left: in the 6 h expiring window, where its 3 days would have left 2 days.
    expect(store.get(second.id)?.status).toBe('expiring');
    expect(store.list({ status: 'expiring' }).entries.map((e) => e.id)).toEqual([third.id, second.id]);
    expect(store.list({ status: 'active' }).total).toBe(0);
    // The reminder and the scheduled checks follow the shorter countdown too.
    expect(
      dueLinkChecks(db, {
        nowMs: now,
        soonMs: 6 * HOUR,
        recheckAfterMs: HOUR,
        limit: 10,
        shiftMs: store.expiryShiftMs(),
      }).map((l) => l.id),
    ).toEqual([second.id, third.id]);
    const shares = new LinkShareStore(db);
    shares.record([second.id], now);
    const due = shares.takeDue(now, DAY, store.expiryShiftMs());
    expect(due).toEqual([
      { historyId: second.id, fileName: second.fileName, expiresAtMs: expiresAt(second.id) },
    ]);

    now = Date.parse(third.uploadedAt) + 24 * HOUR + 11 * MINUTE;
    expect(store.list({ status: 'expired' }).entries.map((e) => e.id)).toEqual([
      third.id,
      second.id,
      first.id,
    ]);
  });

  it('the shortest lifetime seen in the last 14 days counts; older ones are forgotten', () => {
    const a = upload();
    const b = upload();
    checks.record(a.id, gone, START + 30 * HOUR);
    checks.record(b.id, gone, START + 20 * HOUR);
    now = START + 2 * DAY;
    expect(store.lifetime().learned).toEqual({ lifetimeMs: 20 * HOUR, observedOn: 2 });
    now = START + 20 * HOUR + 14 * DAY + MINUTE;
    expect(store.lifetime().learned).toEqual({ lifetimeMs: 30 * HOUR, observedOn: 1 });
    now = START + 30 * HOUR + 14 * DAY + MINUTE;
    expect(store.lifetime()).toMatchObject({ source: 'assumed', believedMs: 3 * DAY, learned: null });
  });

  it('a link gone after its 3 days, or overwritten by a later upload, teaches nothing', () => {
    const late = upload();
    const overwritten = upload();
    const newer = upload();
    store.markReplaced(overwritten.id, newer.id);
    checks.record(late.id, gone, START + 3 * DAY + HOUR);
    checks.record(overwritten.id, gone, START + 5 * HOUR);
    expect(store.lifetime()).toMatchObject({ source: 'assumed', learned: null });
  });

  it('clearing expired entries keeps what was learned', () => {
    const first = upload();
    checks.record(first.id, gone, START + 24 * HOUR);
    now = START + 25 * HOUR;
    expect(store.clearExpired()).toBe(1);
    expect(store.lifetime()).toMatchObject({ source: 'learned', believedMs: 24 * HOUR });
  });
});

describe('what every history read adds', () => {
  it('asks for the learned lifetime through a covering index, whatever the number of observations', () => {
    const plan = (
      db.conn
        .prepare('EXPLAIN QUERY PLAN SELECT min(lifetime_ms), count(*) FROM link_lifetimes WHERE gone_at > ?')
        .all(now) as { detail: string }[]
    ).map((r) => r.detail);
    expect(plan).toEqual([expect.stringContaining('USING COVERING INDEX link_lifetimes_recent (gone_at>?)')]);
  });
});

describe('the "Links last" setting', () => {
  it('overrides what was learned, and the 3 days, for every countdown', () => {
    const first = upload();
    const second = upload();
    setting = 12;
    expect(store.lifetime()).toMatchObject({ source: 'setting', believedMs: 12 * HOUR, learned: null });
    expect(expiresAt(second.id)).toBe(Date.parse(second.uploadedAt) + 12 * HOUR);

    checks.record(first.id, gone, START + 24 * HOUR);
    now = START + 11 * HOUR;
    expect(store.lifetime()).toMatchObject({
      source: 'setting',
      believedMs: 12 * HOUR,
      learned: { lifetimeMs: 24 * HOUR, observedOn: 1 },
    });
    expect(store.get(second.id)?.status).toBe('expiring');
    setting = 72;
    expect(expiresAt(second.id)).toBe(Date.parse(second.uploadedAt) + 3 * DAY);
    setting = null;
    expect(expiresAt(second.id)).toBe(Date.parse(second.uploadedAt) + 24 * HOUR);
  });
});
