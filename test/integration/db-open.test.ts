// Opening the shared SQLite file: folders, pragmas, migrations that run exactly once, and transactions.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DatabaseError,
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
  openDatabase,
  readUserVersion,
} from '../../src/main/core/db/index';
import type { KieDropDb, Migration } from '../../src/main/core/db/index';

let dir: string;
const opened: KieDropDb[] = [];

function open(file: string, opts?: Parameters<typeof openDatabase>[1]): KieDropDb {
  const db = openDatabase(file, opts);
  opened.push(db);
  return db;
}

function pragma(db: KieDropDb, name: string): unknown {
  return (db.conn.prepare(`PRAGMA ${name}`).raw().get() as unknown[])[0];
}

function tables(db: KieDropDb): string[] {
  return (
    db.conn
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .raw()
      .all() as string[][]
  ).map((r) => String(r[0]));
}

function addJob(db: KieDropDb, fileName: string): number {
  const now = Date.now();
  return Number(
    db.conn
      .prepare(
        `INSERT INTO jobs (status, source, method, upload_path, file_name, location, created_at, updated_at)
         VALUES ('queued', 'manual', 'stream', 'kiedrop', ?, 'kiedrop/abc', ?, ?)`,
      )
      .run(fileName, now, now).lastInsertRowid,
  );
}

function jobCount(db: KieDropDb): number {
  return Number((db.conn.prepare('SELECT count(*) FROM jobs').raw().get() as unknown[])[0]);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-db-open-'));
});
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates missing folders and a database with the whole schema', () => {
    const file = join(dir, 'a', 'b', 'kiedrop.db');
    const db = open(file);
    expect(db.file).toBe(file);
    expect(db.recovered).toBeNull();
    expect(readUserVersion(db.conn)).toBe(LATEST_SCHEMA_VERSION);
    expect(tables(db)).toEqual(expect.arrayContaining(['history', 'history_search', 'jobs', 'meta']));
  });

  it('turns on WAL, foreign keys, NORMAL sync and a 5 s busy timeout', () => {
    const db = open(join(dir, 'kiedrop.db'));
    expect(pragma(db, 'journal_mode')).toBe('wal');
    expect(pragma(db, 'foreign_keys')).toBe(1);
    expect(pragma(db, 'synchronous')).toBe(1);
    expect(pragma(db, 'busy_timeout')).toBe(5000);
  });

  it('applies migrations once: reopening keeps the data and the version', () => {
    const file = join(dir, 'kiedrop.db');
    const first = open(file);
    addJob(first, 'kept.png');
    first.close();

    const again = open(file);
    expect(readUserVersion(again.conn)).toBe(LATEST_SCHEMA_VERSION);
    expect(jobCount(again)).toBe(1);
  });

  it('runs each migration step exactly once across opens, and upgrades an older file in place', () => {
    const file = join(dir, 'kiedrop.db');
    let ups = 0;
    const extra: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'test step',
      up: (conn) => {
        ups++;
        conn.exec('CREATE TABLE test_extra (x INTEGER)');
      },
    };
    const v1Only = MIGRATIONS.filter((m) => m.version === 1);
    const old = open(file, { migrations: v1Only });
    expect(readUserVersion(old.conn)).toBe(1);
    addJob(old, 'from v1.png');
    old.close();

    const upgraded = open(file, { migrations: [...MIGRATIONS, extra] });
    expect(readUserVersion(upgraded.conn)).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(jobCount(upgraded)).toBe(1);
    upgraded.close();
    open(file, { migrations: [...MIGRATIONS, extra] }).close();
    expect(ups).toBe(1);
  });

  it('rolls a failing migration back completely and keeps the previous version', () => {
    const file = join(dir, 'kiedrop.db');
    open(file).close();
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'broken',
      sql: 'CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1);',
    };
    expect(() => openDatabase(file, { migrations: [...MIGRATIONS, broken] })).toThrow(/no_such_table/);

    const db = open(file);
    expect(readUserVersion(db.conn)).toBe(LATEST_SCHEMA_VERSION);
    expect(tables(db)).not.toContain('half_done');
  });

  it('refuses a folder sitting where the database file should be, saying what to do', async () => {
    const file = join(dir, 'kiedrop.db');
    await mkdir(file);
    let error: unknown;
    try {
      openDatabase(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).kind).toBe('io');
    expect((error as DatabaseError).message).toContain('is a folder');
  });
});

describe('transaction', () => {
  it('commits what the callback wrote and returns its value', () => {
    const db = open(join(dir, 'kiedrop.db'));
    const id = db.transaction(() => addJob(db, 'one.png'));
    expect(id).toBeGreaterThan(0);
    expect(jobCount(db)).toBe(1);
  });

  it('rolls everything back when the callback throws, and rethrows the error', () => {
    const db = open(join(dir, 'kiedrop.db'));
    expect(() =>
      db.transaction(() => {
        addJob(db, 'lost.png');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(jobCount(db)).toBe(0);
    expect(db.conn.inTransaction).toBe(false);
  });

  it('joins nested calls to the outer transaction; a caught inner failure undoes only the inner part', () => {
    const db = open(join(dir, 'kiedrop.db'));
    db.transaction(() => {
      addJob(db, 'outer.png');
      db.transaction(() => addJob(db, 'inner-kept.png'));
      try {
        db.transaction(() => {
          addJob(db, 'inner-undone.png');
          throw new Error('inner');
        });
      } catch {
        // The outer work goes on.
      }
    });
    const names = (db.conn.prepare('SELECT file_name FROM jobs ORDER BY id').raw().all() as string[][]).map(
      (r) => r[0],
    );
    expect(names).toEqual(['outer.png', 'inner-kept.png']);
  });

  it('rolls back the whole outer transaction when a nested failure is not caught', () => {
    const db = open(join(dir, 'kiedrop.db'));
    expect(() =>
      db.transaction(() => {
        addJob(db, 'outer.png');
        db.transaction(() => {
          throw new Error('inner');
        });
      }),
    ).toThrow('inner');
    expect(jobCount(db)).toBe(0);
  });

  it('refuses an async callback instead of holding the lock across an await', () => {
    const db = open(join(dir, 'kiedrop.db'));
    expect(() =>
      db.transaction(() => {
        addJob(db, 'never.png');
        return Promise.resolve(1);
      }),
    ).toThrow(/synchronous/);
    expect(jobCount(db)).toBe(0);
  });

  it('takes the write lock at BEGIN, so another connection cannot write meanwhile', () => {
    const file = join(dir, 'kiedrop.db');
    const db = open(file);
    const other = new Database(file, { timeout: 50 });
    try {
      db.transaction(() => {
        expect(() => other.exec("INSERT INTO meta (key, value) VALUES ('x', 'y')")).toThrow(/locked|busy/i);
      });
    } finally {
      other.close();
    }
  });
});
