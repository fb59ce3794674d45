// Searching the history by any part of a file name or link, whatever the user types.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/index';
import type { KieDropDb } from '../../src/main/core/db/index';
import { HistoryStore } from '../../src/main/core/history/index';
import type { HistoryQuery, NewHistoryEntry } from '../../src/main/core/history/index';

const DAY = 24 * 60 * 60 * 1000;
const START = Date.UTC(2025, 5, 1, 12, 0, 0);

let dir: string;
let db: KieDropDb;
let now: number;
let store: HistoryStore;
let seq = 0;

function add(fileName: string, opts: { segment?: string; ageMs?: number } = {}): number {
  seq++;
  const segment = opts.segment ?? `s${seq}`;
  const uploadedAt = START + seq * 1000 - (opts.ageMs ?? 0);
  const e: NewHistoryEntry = {
    jobId: null,
    localPath: null,
    localMtimeMs: null,
    size: seq,
    method: 'stream',
    source: 'manual',
    uploadPath: 'kiedrop',
    fileName,
    filePath: `kiedrop/${segment}/${fileName}`,
    downloadUrl: `https://files.example.test/kiedrop/${segment}/${encodeURIComponent(fileName)}`,
    mimeType: 'application/octet-stream',
    uploadedAt: new Date(uploadedAt).toISOString(),
    expiresAt: new Date(uploadedAt + 3 * DAY).toISOString(),
    renewOf: null,
  };
  return store.insert(e).id;
}

function names(q: HistoryQuery): string[] {
  return store.list({ limit: 5000, ...q }).entries.map((e) => e.fileName);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-history-search-'));
  db = openDatabase(join(dir, 'kiedrop.db'));
  now = START + 60_000;
  store = new HistoryStore(db, { now: () => now });
});
afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('search', () => {
  beforeEach(() => {
    add('holiday-photo.png');
    add('图片.png');
    add('Quarterly Report.PDF');
    add('say "hello" (final).txt');
    add('50%_off.txt');
    add('5000_items.csv');
    add('notes.md', { segment: 'zq9x7k2m' });
  });

  it('finds a name by any part of it, newest first', () => {
    add('photo-album.zip');
    expect(names({ search: 'photo' })).toEqual(['photo-album.zip', 'holiday-photo.png']);
    expect(names({ search: 'iday-ph' })).toEqual(['holiday-photo.png']);
  });

  it('ignores case and surrounding spaces', () => {
    expect(names({ search: 'quarterly report.pdf' })).toEqual(['Quarterly Report.PDF']);
    expect(names({ search: '  PHOTO ' })).toEqual(['holiday-photo.png']);
  });

  it('finds an entry by part of its link', () => {
    expect(names({ search: 'zq9x7k' })).toEqual(['notes.md']);
    expect(names({ search: 'files.example.test/kiedrop/zq9' })).toEqual(['notes.md']);
  });

  it('finds non-ASCII names, with short and long queries', () => {
    expect(names({ search: '图片' })).toEqual(['图片.png']);
    expect(names({ search: '图片.p' })).toEqual(['图片.png']);
    expect(names({ search: '片' })).toEqual(['图片.png']);
  });

  it('matches quotes, brackets and FTS operators literally instead of failing', () => {
    expect(names({ search: '"hello"' })).toEqual(['say "hello" (final).txt']);
    expect(names({ search: '(final)' })).toEqual(['say "hello" (final).txt']);
    expect(names({ search: 'o" (f' })).toEqual(['say "hello" (final).txt']);
    for (const query of [
      '"',
      '""',
      'hello OR photo',
      'NEAR(photo',
      'photo*',
      '-photo',
      'file_name:photo',
      '^photo',
      "'; DROP TABLE history; --",
    ]) {
      expect(() => store.list({ search: query }), query).not.toThrow();
    }
    expect(names({ search: 'hello OR photo' })).toEqual([]);
    expect(store.count()).toBe(7);
  });

  it('ignores NUL characters in a pasted query, and later searches still work', () => {
    expect(names({ search: 'pho\u0000to' })).toEqual(['holiday-photo.png']);
    expect(names({ search: '\u0000"' })).toEqual(['say "hello" (final).txt']);
    expect(names({ search: 'photo' })).toEqual(['holiday-photo.png']);
  });

  it('treats % and _ literally in short queries', () => {
    // Percent-encoded links contain '%' too; a wildcard would have matched every entry.
    expect(names({ search: '%' })).toContain('50%_off.txt');
    expect(names({ search: '%' })).not.toContain('notes.md');
    expect(names({ search: '0_' })).toEqual(['5000_items.csv']);
    expect(names({ search: '%_' })).toEqual(['50%_off.txt']);
  });

  it('finds nothing for text that appears nowhere, and everything for an empty query', () => {
    expect(store.list({ search: 'nothing-like-this' })).toEqual({ entries: [], total: 0 });
    expect(store.list({ search: '' }).total).toBe(7);
    expect(store.list({ search: '   ' }).total).toBe(7);
  });

  it('combines with the expiry filters', () => {
    add('old-photo.png', { ageMs: 4 * DAY });
    expect(names({ search: 'photo', status: 'expired' })).toEqual(['old-photo.png']);
    expect(names({ search: 'photo', status: 'active' })).toEqual(['holiday-photo.png']);
    expect(names({ search: 'photo', status: 'expiring' })).toEqual([]);
    expect(store.list({ search: 'photo', status: 'all' }).total).toBe(2);
  });
});

describe('search over many entries', () => {
  // 1,200 names containing "batch" (matches so common that a scan beats the index), a few others.
  beforeEach(() => {
    db.transaction(() => {
      for (let i = 0; i < 1200; i++) add(`Batch-${i}.jpg`, { ageMs: i % 3 === 0 ? 4 * DAY : 0 });
      add('unrelated.txt');
    });
  });

  it('counts and pages common matches correctly, newest first', () => {
    const first = store.list({ search: 'batch', limit: 50 });
    expect(first.total).toBe(1200);
    expect(first.entries[0]?.fileName).toBe('Batch-1199.jpg');
    const all = Array.from({ length: 24 }, (_, page) => page).flatMap((page) =>
      store.list({ search: 'batch', limit: 50, offset: page * 50 }).entries.map((e) => e.fileName),
    );
    // Every third one was uploaded four days earlier, so those come last.
    const descending = Array.from({ length: 1200 }, (_, k) => 1199 - k);
    const expected = [...descending.filter((i) => i % 3 !== 0), ...descending.filter((i) => i % 3 === 0)];
    expect(all).toEqual(expected.map((i) => `Batch-${i}.jpg`));
  });

  it('gives the same answer for a rare and a common query over the same names', () => {
    // "batch-11" is rare (index path), "batch" common (scan path); filter the common one by hand.
    const rare = names({ search: 'BATCH-11' });
    const common = names({ search: 'batch' }).filter((n) => n.toLowerCase().includes('batch-11'));
    expect(rare).toEqual(common);
    expect(rare).toHaveLength(1 + 10 + 100);
  });

  it('combines a common query with the expiry filters', () => {
    expect(store.list({ search: 'batch', status: 'expired' }).total).toBe(400);
    expect(store.list({ search: 'batch', status: 'active' }).total).toBe(800);
    expect(
      store.list({ search: 'batch', status: 'active', limit: 3 }).entries.map((e) => e.fileName),
    ).toEqual(['Batch-1199.jpg', 'Batch-1198.jpg', 'Batch-1196.jpg']);
  });

  it('pages the status filters without a search, newest first', () => {
    const expired = store.list({ status: 'expired', limit: 2, offset: 1 });
    expect(expired.total).toBe(400);
    expect(expired.entries.map((e) => e.fileName)).toEqual(['Batch-1194.jpg', 'Batch-1191.jpg']);
    expect(store.list({ status: 'active' }).total).toBe(801);
  });
});
