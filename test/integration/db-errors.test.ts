// Real SQLite failures reach callers as DatabaseError with a kind and a message a person can act on.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseError, openDatabase, toDatabaseError } from '../../src/main/core/db/index';
import { HistoryStore } from '../../src/main/core/history/index';
import type { NewHistoryEntry } from '../../src/main/core/history/index';

const LOCKED_MESSAGE =
  'The KieDrop database is locked by another program; close other KieDrop windows or try again.';

let dir: string;
const cleanups: (() => void)[] = [];

function entry(i: number, padding = ''): NewHistoryEntry {
  const at = Date.UTC(2025, 5, 1) + i;
  return {
    jobId: null,
    localPath: `/files/${padding}f${i}.png`,
    localMtimeMs: at,
    size: 10,
    method: 'stream',
    source: 'manual',
    uploadPath: 'kiedrop',
    fileName: `f${i}.png`,
    filePath: `kiedrop/f${i}.png`,
    downloadUrl: `https://files.example.test/kiedrop/f${i}.png`,
    mimeType: 'image/png',
    uploadedAt: new Date(at).toISOString(),
    expiresAt: new Date(at + 3 * 86_400_000).toISOString(),
    renewOf: null,
  };
}

function caught(fn: () => unknown): DatabaseError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DatabaseError);
    return err as DatabaseError;
  }
  throw new Error('expected a DatabaseError, but the call succeeded');
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-db-errors-'));
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  await rm(dir, { recursive: true, force: true });
});

describe('locked database', () => {
  it('fails with kind "locked" once the busy timeout passes, and works again after the lock is gone', () => {
    const file = join(dir, 'kiedrop.db');
    const db = openDatabase(file, { busyTimeoutMs: 100 });
    cleanups.push(() => db.close());
    const store = new HistoryStore(db);
    store.insert(entry(1));

    const other = new Database(file);
    cleanups.push(() => other.close());
    other.exec('BEGIN EXCLUSIVE');
    other.exec("INSERT INTO meta (key, value) VALUES ('holder', 'other program')");

    const onInsert = caught(() => store.insert(entry(2)));
    expect(onInsert.kind).toBe('locked');
    expect(onInsert.message).toBe(LOCKED_MESSAGE);
    expect(onInsert.code).toBe('SQLITE_BUSY');

    const onTransaction = caught(() => db.transaction(() => store.insert(entry(3))));
    expect(onTransaction.kind).toBe('locked');

    other.exec('ROLLBACK');
    store.insert(entry(4));
    // The failed attempts left nothing behind that would block later transactions.
    db.transaction(() => store.insert(entry(5)));
    expect(store.list({ limit: 10 }).entries.map((e) => e.fileName)).toEqual(['f5.png', 'f4.png', 'f1.png']);
  });

  it('opens while the other program is writing, and commits once it has finished', () => {
    const file = join(dir, 'kiedrop.db');
    openDatabase(file).close();
    const other = new Database(file);
    cleanups.push(() => other.close());
    other.exec('BEGIN IMMEDIATE');
    other.exec("INSERT INTO meta (key, value) VALUES ('holder', 'other program')");

    const db = openDatabase(file, { busyTimeoutMs: 2000 });
    cleanups.push(() => db.close());
    const store = new HistoryStore(db);
    expect(store.count()).toBe(0);
    other.exec('COMMIT');
    db.transaction(() => store.insert(entry(1)));
    expect(store.count()).toBe(1);
  });

  it('fails to open with kind "locked" while another program holds the file during first-time setup', () => {
    const file = join(dir, 'kiedrop.db');
    const other = new Database(file);
    cleanups.push(() => other.close());
    other.exec('BEGIN EXCLUSIVE');
    other.exec('CREATE TABLE unrelated (x INTEGER)');

    const err = caught(() => openDatabase(file, { busyTimeoutMs: 100 }));
    expect(err.kind).toBe('locked');
    expect(err.message).toBe(LOCKED_MESSAGE);
  });
});

describe('full disk', () => {
  function tryMountTmpfs(target: string, size: string): boolean {
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', target], {
      stdio: 'ignore',
    });
    if (mounted.status !== 0) return false;
    // Lazy: libsql keeps file handles until its statements are garbage-collected.
    cleanups.push(() => spawnSync('umount', ['-l', target], { stdio: 'ignore' }));
    return true;
  }

  it('fails with kind "full", keeps everything saved before, and writes again once space is freed', async () => {
    const mountPoint = join(dir, 'small-disk');
    await mkdir(mountPoint);
    // A real full file system where mounting is allowed (root); otherwise SQLite's own page limit,
    // which makes SQLite report the very same SQLITE_FULL.
    const realDisk = tryMountTmpfs(mountPoint, '1m');
    const ballast = join(mountPoint, 'ballast.bin');
    if (realDisk) await writeFile(ballast, Buffer.alloc(256 * 1024));

    const file = join(mountPoint, 'kiedrop.db');
    const db = openDatabase(file);
    cleanups.push(() => db.close());
    const store = new HistoryStore(db);
    if (!realDisk) {
      const pages = Number((db.conn.prepare('PRAGMA page_count').raw().get() as unknown[])[0]);
      db.conn.exec(`PRAGMA max_page_count = ${pages + 20}`);
    }

    let saved = 0;
    let failure: DatabaseError | undefined;
    for (let i = 0; i < 10_000 && failure === undefined; i++) {
      try {
        store.insert(entry(i, 'x'.repeat(3000)));
        saved++;
      } catch (err) {
        expect(err).toBeInstanceOf(DatabaseError);
        failure = err as DatabaseError;
      }
    }
    expect(saved).toBeGreaterThan(0);
    expect(failure?.kind).toBe('full');
    expect(failure?.code).toMatch(/^SQLITE_FULL/);
    expect(failure?.message).toContain('is full');
    expect(failure?.message).toContain(file);
    expect(failure?.message).toMatch(/Nothing saved before was lost; free some space and try again/);

    // Nothing saved before the failure was lost.
    expect(store.count()).toBe(saved);

    if (realDisk) await rm(ballast);
    else db.conn.exec('PRAGMA max_page_count = 1073741823');
    const after = store.insert(entry(99_999));
    expect(store.get(after.id)?.fileName).toBe('f99999.png');
    expect(store.count()).toBe(saved + 1);
  });
});

describe('toDatabaseError', () => {
  it('maps SQLite result codes, plain and extended, to kinds', () => {
    const cases: [string, number, DatabaseError['kind']][] = [
      ['SQLITE_BUSY', 5, 'locked'],
      ['SQLITE_BUSY_SNAPSHOT', 517, 'locked'],
      ['SQLITE_LOCKED', 6, 'locked'],
      ['SQLITE_FULL', 13, 'full'],
      ['SQLITE_CORRUPT', 11, 'corrupt'],
      ['SQLITE_NOTADB', 26, 'corrupt'],
      ['SQLITE_READONLY', 8, 'readonly'],
      ['SQLITE_READONLY_DBMOVED', 1032, 'readonly'],
      ['SQLITE_IOERR_WRITE', 778, 'io'],
      ['SQLITE_CANTOPEN', 14, 'io'],
    ];
    for (const [code, rawCode, kind] of cases) {
      const mapped = toDatabaseError(Object.assign(new Error('x'), { code, rawCode }));
      expect(mapped?.kind, code).toBe(kind);
    }
  });

  it('leaves errors that are not about the database file alone', () => {
    expect(
      toDatabaseError(
        Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }),
      ),
    ).toBeNull();
    expect(toDatabaseError(new Error('plain'))).toBeNull();
    expect(toDatabaseError('text')).toBeNull();
  });

  it('recognises a file that cannot be opened at all', () => {
    let error: unknown;
    try {
      new Database(join(dir, 'missing-folder', 'nested', 'kiedrop.db'));
    } catch (err) {
      error = err;
    }
    expect(toDatabaseError(error)?.kind).toBe('io');
  });
});
