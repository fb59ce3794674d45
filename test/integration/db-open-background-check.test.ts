// SQLite's full integrity check reads the whole file (seconds at a million entries), so opening never
// waits for it: the history's first page comes first, the check runs in the background, and damage it
// finds is reported (with a stable code) without taking anything away; the next open sets the file aside.
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/index';
import type { KieDropDb } from '../../src/main/core/db/index';
import { HistoryStore } from '../../src/main/core/history/index';
import type { NewHistoryEntry } from '../../src/main/core/history/index';
import { startTestApp } from '../harness';

const DAY = 24 * 60 * 60 * 1000;
const ENTRIES = 300;

let dir: string;
let file: string;
const opened: KieDropDb[] = [];

function open(opts: Parameters<typeof openDatabase>[1] = {}): KieDropDb {
  const db = openDatabase(file, opts);
  opened.push(db);
  return db;
}

function entry(i: number): NewHistoryEntry {
  const uploadedAt = Date.UTC(2025, 5, 1) + i * 1000;
  return {
    jobId: null,
    localPath: `/files/f${i}.png`,
    localMtimeMs: uploadedAt,
    size: 1000 + i,
    method: 'stream',
    source: 'manual',
    uploadPath: 'kiedrop',
    fileName: `f${i}.png`,
    filePath: `kiedrop/x${i}/f${i}.png`,
    downloadUrl: `https://files.example.test/kiedrop/x${i}/f${i}.png`,
    mimeType: 'image/png',
    uploadedAt: new Date(uploadedAt).toISOString(),
    expiresAt: new Date(uploadedAt + 3 * DAY).toISOString(),
    renewOf: null,
  };
}

/**
 * A database of ENTRIES entries whose server-path index (which the history list never reads) is
 * damaged, and whose last passed check is long past: the daily check is due.
 */
function makeDamagedDatabase(): void {
  const db = openDatabase(file);
  const store = new HistoryStore(db);
  db.transaction(() => {
    for (let i = 0; i < ENTRIES; i++) store.insert(entry(i));
  });
  db.conn.exec("UPDATE meta SET value = '0' WHERE key = 'last_integrity_check_at'");
  const rootPage = Number(
    (
      db.conn
        .prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'history_file_path'")
        .raw()
        .get() as unknown[]
    )[0],
  );
  db.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.from([0xff, 0xff, 0xff, 0xff]), 0, 4, (rootPage - 1) * 4096);
  closeSync(fd);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-db-check-'));
  file = join(dir, 'kiedrop.db');
});
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('opening a database whose integrity check is due', () => {
  it('returns the first page of history before the check finishes', async () => {
    makeDamagedDatabase();
    const order: string[] = [];

    const db = open({ integrityCheckIntervalMs: 0, integrityCheckDelayMs: 0 });
    void db.integrityCheck.then((outcome) => order.push(`check ${outcome.status}`));
    const page = new HistoryStore(db).list({ limit: 50 });
    order.push(`page of ${page.entries.length}`);

    expect(page.total).toBe(ENTRIES);
    expect(page.entries[0]?.fileName).toBe(`f${ENTRIES - 1}.png`);
    await db.integrityCheck;
    expect(order).toEqual(['page of 50', 'check failed']);
  });

  it('reports damage with a stable code, keeps everything readable, and sets the file aside at the next open', async () => {
    makeDamagedDatabase();
    const damaged = await readFile(file);

    const db = open({ integrityCheckIntervalMs: 0, integrityCheckDelayMs: 0 });
    const outcome = await db.integrityCheck;
    expect(outcome).toMatchObject({ status: 'failed', code: 'database-damaged' });
    if (outcome.status !== 'failed') return;
    expect(outcome.message).toContain(file);
    expect(outcome.message).toMatch(/Nothing was deleted.*restart KieDrop/s);
    expect(outcome.error.kind).toBe('corrupt');
    // Nothing taken away while the app runs: the file stays where it is and the history still reads.
    expect(new HistoryStore(db).list({ limit: 1000 }).total).toBe(ENTRIES);
    expect(existsSync(file)).toBe(true);
    db.close();

    const next = open();
    expect(next.recovered?.reason).toMatch(/integrity check|damaged/);
    expect(next.recovered?.movedTo).toMatch(/kiedrop\.db\.corrupt-\d{8}-\d{6}$/);
    expect(await readFile(next.recovered?.movedTo ?? '')).toEqual(damaged);
    expect(new HistoryStore(next).count()).toBe(0);
  });

  it('passes a sound file in the background and records it, so the next open does not check again', async () => {
    const db0 = openDatabase(file);
    new HistoryStore(db0).insert(entry(1));
    db0.close();

    const db = open({ integrityCheckIntervalMs: 0, integrityCheckDelayMs: 0 });
    expect(await db.integrityCheck).toMatchObject({ status: 'passed' });
    db.close();
    expect(await open({ integrityCheckDelayMs: 0 }).integrityCheck).toEqual({ status: 'not-due' });
  });

  it('stops waiting for the check when the database is closed first, and records nothing', async () => {
    const db0 = openDatabase(file);
    new HistoryStore(db0).insert(entry(1));
    db0.close();

    const db = open({ integrityCheckIntervalMs: 0, integrityCheckDelayMs: 60_000 });
    db.close();
    expect(await db.integrityCheck).toEqual({ status: 'stopped' });
    const again = open({ integrityCheckDelayMs: 60_000, now: () => new Date(Date.now() + 2 * DAY) });
    again.close();
    expect(await again.integrityCheck).toEqual({ status: 'stopped' });
  });
});

describe('the app, when its background check finds damage', () => {
  it('tells the user with a stable code while the history stays on screen', async () => {
    makeDamagedDatabase();
    const app = await startTestApp({ dataDir: dir });
    try {
      const page = await app.service.handlers['history:list']({ limit: 50 });
      expect(page.total).toBe(ENTRIES);
      const notice = await app.waitForEvent('notice', (n) => n.code === 'database-damaged', 20_000);
      expect(notice.level).toBe('error');
      expect(notice.message).toContain(file);
      expect(notice.message).toMatch(/Quit and restart KieDrop/);
      expect((await app.service.handlers['history:list']({ limit: 50 })).total).toBe(ENTRIES);
      expect(existsSync(file)).toBe(true);
    } finally {
      await app.close();
    }
  }, 30_000);
});
