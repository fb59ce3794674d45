// Schema version 15 widens jobs.source to take 'editor'. A database file written by the version before,
// with history, pins, searches and jobs pointing at each other, keeps every row, index and trigger where
// it was, and its links between tables still hold; a connection the other process already had open
// takes editor jobs too.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
  openDatabase,
  readUserVersion,
} from '../../src/main/core/db/index';
import type { KieDropDb, Migration } from '../../src/main/core/db/index';
import { HistoryStore } from '../../src/main/core/history';

const BEFORE_EDITOR = MIGRATIONS.filter((m) => m.version < 15);
const OLD_CHECK = "CHECK (source IN ('manual', 'watch', 'share', 'clipboard', 'url', 'cli'))";
const NEW_CHECK = "CHECK (source IN ('manual', 'watch', 'share', 'clipboard', 'url', 'cli', 'editor'))";
const NO_BACKGROUND_CHECK = { integrityCheckDelayMs: 3_600_000 };

let dir: string;
let file: string;
const opened: KieDropDb[] = [];

function open(migrations?: readonly Migration[]): KieDropDb {
  const db = openDatabase(file, { ...NO_BACKGROUND_CHECK, ...(migrations && { migrations }) });
  opened.push(db);
  return db;
}

function close(db: KieDropDb): void {
  opened.splice(opened.indexOf(db), 1);
  db.close();
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-db-v15-'));
  file = join(dir, 'kiedrop.db');
});
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  await rm(dir, { recursive: true, force: true });
});

const T0 = Date.UTC(2026, 0, 5, 10, 0, 0);

function addJob(db: KieDropDb, status: string, source: string, fileName: string, extra = ''): number {
  return Number(
    db.conn
      .prepare(
        `INSERT INTO jobs (status, source, method, local_path, upload_path, file_name, location, size,
           attempts, last_error, error_code, batch_id, created_at, updated_at, finished_at)
         VALUES (?, ?, 'stream', ?, 'kiedrop', ?, 'kiedrop/x1', 10, 1, ?, ?, 'batch-1', ?, ?, ?)`,
      )
      .run(
        status,
        source,
        `/home/me/${fileName}`,
        fileName,
        extra === '' ? null : extra,
        extra === '' ? null : 'network.refused',
        T0,
        T0,
        status === 'queued' ? null : T0,
      ).lastInsertRowid,
  );
}

function addEntry(
  db: KieDropDb,
  jobId: number | null,
  fileName: string,
  renewOf: number | null = null,
): number {
  return Number(
    db.conn
      .prepare(
        `INSERT INTO history (job_id, local_path, size, method, source, upload_path, file_name, file_path,
           download_url, mime_type, uploaded_at, expires_at, renew_of, created_at)
         VALUES (?, ?, 10, 'stream', 'manual', 'kiedrop', ?, ?, ?, 'image/png', ?, ?, ?, ?)`,
      )
      .run(
        jobId,
        `/home/me/${fileName}`,
        fileName,
        `kieai/1/kiedrop/x1/${fileName}`,
        `https://files.example/kiedrop/x1/${fileName}`,
        T0,
        T0 + 3 * 86_400_000,
        renewOf,
        T0,
      ).lastInsertRowid,
  );
}

/** A version-14 file as people have it: done, failed and queued jobs, entries, a renewal, pins, shares. */
function writeOldFile(): { doneJob: number; renewJob: number; optimisedJob: number } {
  const db = open(BEFORE_EDITOR);
  expect(readUserVersion(db.conn)).toBe(BEFORE_EDITOR.at(-1)?.version);
  const ids = db.transaction(() => {
    const doneJob = addJob(db, 'done', 'manual', 'holiday-beach.png');
    const renewJob = addJob(db, 'done', 'watch', 'holiday-beach.png');
    const optimisedJob = addJob(db, 'done', 'clipboard', 'pasted-1.png');
    addJob(db, 'failed', 'cli', 'report.pdf', 'Connection refused.');
    addJob(db, 'queued', 'share', 'notes.txt');
    db.conn
      .prepare(
        "INSERT INTO job_images (job_id, options, original_size, uploaded_size) VALUES (?, '{}', 20, 10)",
      )
      .run(optimisedJob);
    const first = addEntry(db, doneJob, 'holiday-beach.png');
    const renewed = addEntry(db, renewJob, 'holiday-beach.png', first);
    db.conn.prepare('UPDATE history SET replaced_by = ? WHERE id = ?').run(renewed, first);
    const pasted = addEntry(db, optimisedJob, 'pasted-1.png');
    addEntry(db, null, 'old-upload.jpg');
    db.conn
      .prepare(
        `INSERT INTO pins (history_id, pinned_at, location, kept_alive_count) VALUES (?, ?, 'kiedrop/x1', 2)`,
      )
      .run(renewed, T0);
    db.conn.prepare('INSERT INTO link_shares (history_id, last_shared_at) VALUES (?, ?)').run(pasted, T0);
    db.conn
      .prepare("INSERT INTO link_checks (history_id, checked_at, state) VALUES (?, ?, 'alive')")
      .run(pasted, T0);
    return { doneJob, renewJob, optimisedJob };
  });
  close(db);
  return ids;
}

interface SchemaRow {
  type: string;
  name: string;
  tbl_name: string;
  rootpage: number;
  sql: string | null;
}

function schema(db: KieDropDb): SchemaRow[] {
  return db.conn
    .prepare('SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master ORDER BY type, name')
    .all() as SchemaRow[];
}

/** Every row of every table (the search index's own tables included), in a stable order. */
function contents(db: KieDropDb): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { name } of schema(db).filter((r) => r.type === 'table')) {
    const rows = db.conn.prepare(`SELECT * FROM "${name}"`).all() as object[];
    out[name] = rows
      .map((r) => JSON.stringify(r, (_k, v: unknown) => (v instanceof Buffer ? v.toString('hex') : v)))
      .sort();
  }
  return out;
}

function searchIds(db: KieDropDb, text: string): number[] {
  return new HistoryStore(db)
    .list({ search: text })
    .entries.map((e) => e.id)
    .sort((a, b) => a - b);
}

describe('schema version 15: uploads made for an editor', () => {
  it('keeps every row, index, trigger and search of a version-14 file, and only widens the source list', () => {
    writeOldFile();
    const old = open(BEFORE_EDITOR);
    const schemaBefore = schema(old);
    const rowsBefore = contents(old);
    const foundBefore = searchIds(old, 'oliday-bea');
    expect(foundBefore).toHaveLength(2);
    close(old);

    const db = open();
    expect(readUserVersion(db.conn)).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(15);

    const jobsBefore = schemaBefore.find((r) => r.type === 'table' && r.name === 'jobs');
    expect(jobsBefore?.sql).toContain(OLD_CHECK);
    const expected = schemaBefore.map((r) =>
      r === jobsBefore
        ? {
            ...r,
            sql: (r.sql ?? '').replace(OLD_CHECK, NEW_CHECK),
          }
        : r,
    );
    // Later versions may add their own tables; everything version 14 had is there as it was, on the
    // same pages (nothing was copied or rebuilt).
    expect(schema(db)).toEqual(expect.arrayContaining(expected));
    expect(schema(db).filter((r) => r.tbl_name === 'jobs')).toEqual(
      expected.filter((r) => r.tbl_name === 'jobs'),
    );
    const rowsAfter = contents(db);
    for (const [table, rows] of Object.entries(rowsBefore)) expect(rowsAfter[table], table).toEqual(rows);

    expect(searchIds(db, 'oliday-bea')).toEqual(foundBefore);
    expect(db.conn.prepare('PRAGMA foreign_keys').raw().get()).toEqual([1]);
    expect(db.conn.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.conn.prepare('PRAGMA integrity_check').raw().all()).toEqual([['ok']]);
  });

  it('takes editor jobs afterwards, still refuses unknown sources, and the tables still point at jobs', () => {
    const { doneJob, optimisedJob } = writeOldFile();
    const db = open();
    const editorJob = addJob(db, 'done', 'editor', 'typora-image.png');
    const entry = addEntry(db, editorJob, 'typora-image.png');
    db.conn.prepare("UPDATE history SET source = 'editor' WHERE id = ?").run(entry);
    expect(new HistoryStore(db).get(entry)?.source).toBe('editor');
    expect(searchIds(db, 'typora-ima')).toEqual([entry]);
    expect(() => addJob(db, 'done', 'carrier-pigeon', 'x.png')).toThrow(/CHECK constraint failed/);

    // Deleting a job clears its history entry's job id and removes its image options, as before.
    db.conn.prepare('DELETE FROM jobs WHERE id IN (?, ?)').run(doneJob, optimisedJob);
    const jobIds = db.conn.prepare('SELECT file_name, job_id FROM history ORDER BY id').raw().all();
    expect(jobIds).toContainEqual(['pasted-1.png', null]);
    expect(db.conn.prepare('SELECT count(*) FROM job_images').raw().get()).toEqual([0]);
    expect(() =>
      db.conn.prepare(`INSERT INTO job_images (job_id, options) VALUES (999999, '{}')`).run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('lets a connection opened before the upgrade (the other process) record editor jobs', () => {
    writeOldFile();
    const other = open(BEFORE_EDITOR);
    expect(() => addJob(other, 'done', 'editor', 'early.png')).toThrow(/CHECK constraint failed/);
    open();
    expect(() => addJob(other, 'done', 'editor', 'late.png')).not.toThrow();
    expect(() => addJob(other, 'done', 'carrier-pigeon', 'x.png')).toThrow(/CHECK constraint failed/);
  });
});
