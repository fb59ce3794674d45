// Local copies of URL uploads are fetched only for links believed alive: when links have lately lasted
// less than 3 days, a URL upload past that shorter lifetime is not downloaded (it would only fail).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { CopyStore } from '../../src/main/core/copies/copy-store';
import { openDatabase } from '../../src/main/core/db/index';
import type { KieDropDb } from '../../src/main/core/db/index';

const HOUR = 60 * 60 * 1000;
const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);

let dir: string;
let db: KieDropDb;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-copies-expiry-'));
  db = openDatabase(join(dir, 'kiedrop.db'));
  // Two URL uploads with the stored 3-day expiry: one made 1 h ago, one 30 h ago.
  const insert = db.conn.prepare(`
    INSERT INTO history (method, source, size, upload_path, file_name, file_path, download_url, mime_type,
      uploaded_at, expires_at, created_at)
    VALUES ('url', 'manual', 10, 'kiedrop', ?, ?, ?, 'text/plain', ?, ?, ?)`);
  for (const [name, age] of [
    ['fresh.txt', HOUR],
    ['day-old.txt', 30 * HOUR],
  ] as const) {
    const at = NOW - age;
    insert.run(name, `kiedrop/${name}`, `https://files.example.test/${name}`, at, at + 72 * HOUR, at);
  }
});
afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

it('lists every live URL upload while links are believed to last 3 days', () => {
  expect(new CopyStore(db).missing(NOW, 10)).toHaveLength(2);
});

it('skips a URL upload whose link is believed dead when links have lately lasted 24 h', () => {
  const shift = 48 * HOUR; // 3 days stored, 24 h believed
  const ids = new CopyStore(db).missing(NOW, 10, shift);
  const name = db.conn.prepare('SELECT file_name FROM history WHERE id = ?').raw();
  const names = ids.map((id) => (name.get(id) as unknown[])[0]);
  expect(names).toEqual(['fresh.txt']);
});
