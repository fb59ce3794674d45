// Versioned schema changes, tracked in `PRAGMA user_version`. Each migration runs in its own
// BEGIN IMMEDIATE transaction and re-reads the version inside it, so when the app and the CLI open a
// fresh file at the same moment, exactly one of them applies each step.

import type Database from 'libsql';
import { SCHEMA_V1 } from './schema-v1';
import { SCHEMA_V2_WATCH } from './schema-v2-watch';
import { SCHEMA_V3 } from './schema-v3';
import { SCHEMA_V4_QUEUE } from './schema-v4-queue';
import { SCHEMA_V5_HISTORY_LINKS } from './schema-v5-history-links';
import { SCHEMA_V6_LINK_HEALTH } from './schema-v6-link-health';
import { SCHEMA_V7_JOB_ERROR_CODES } from './schema-v7-job-error-codes';
import { SCHEMA_V8_PINS } from './schema-v8-pins';
import { SCHEMA_V9_LINK_SHARES } from './schema-v9-link-shares';
import { SCHEMA_V10_LINK_LIFETIMES } from './schema-v10-link-lifetimes';
import { SCHEMA_V11_URL_COPIES } from './schema-v11-url-copies';
import { SCHEMA_V13_WATCH_NAMING } from './schema-v13-watch-naming';
import { SCHEMA_V12_IMAGE_JOBS } from './schema-v12-image-jobs';
import { SCHEMA_V14_WATCH_IMAGES } from './schema-v14-watch-images';
import { allowEditorSource } from './schema-v15-editor-source';

export interface Migration {
  version: number;
  name: string;
  sql?: string;
  up?: (conn: Database.Database) => void;
}

// Append only; never edit a migration that has shipped.
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'jobs and history', sql: SCHEMA_V1 },
  { version: 2, name: 'watched folders and their ledger', sql: SCHEMA_V2_WATCH },
  { version: 3, name: 'integrity-check record and live-entry index', sql: SCHEMA_V3 },
  { version: 4, name: 'queue indexes for large batches', sql: SCHEMA_V4_QUEUE },
  { version: 5, name: 'indexes for history entries pointing at each other', sql: SCHEMA_V5_HISTORY_LINKS },
  { version: 6, name: 'link health checks and history by upload path and name', sql: SCHEMA_V6_LINK_HEALTH },
  { version: 7, name: 'error codes of failed jobs', sql: SCHEMA_V7_JOB_ERROR_CODES },
  { version: 8, name: 'pinned entries kept alive, and where keep-alive does not work', sql: SCHEMA_V8_PINS },
  {
    version: 9,
    name: 'when links were last copied or shared, and expiry reminders',
    sql: SCHEMA_V9_LINK_SHARES,
  },
  { version: 10, name: 'how long links were seen to live', sql: SCHEMA_V10_LINK_LIFETIMES },
  { version: 11, name: 'local copies of URL uploads', sql: SCHEMA_V11_URL_COPIES },
  {
    version: 12,
    name: 'image optimisation in upload jobs, and sizes in history',
    sql: SCHEMA_V12_IMAGE_JOBS,
  },
  { version: 13, name: "watched folders' naming templates", sql: SCHEMA_V13_WATCH_NAMING },
  { version: 14, name: "watched folders' picture choices", sql: SCHEMA_V14_WATCH_IMAGES },
  { version: 15, name: 'uploads made for an editor', up: allowEditorSource },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

export function readUserVersion(conn: Database.Database): number {
  const row = conn.prepare('PRAGMA user_version').raw().get() as unknown[] | undefined;
  const value = row?.[0];
  return typeof value === 'number' ? value : 0;
}

/** Applies every migration newer than the file's version; returns the versions it applied. */
export function runMigrations(
  conn: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): number[] {
  const applied: number[] = [];
  const pending = [...migrations].sort((a, b) => a.version - b.version);
  // Cheap check first: opening an up-to-date file should not take the write lock.
  const latest = pending.at(-1)?.version ?? 0;
  if (readUserVersion(conn) >= latest) return applied;

  for (const migration of pending) {
    conn.exec('BEGIN IMMEDIATE');
    try {
      if (readUserVersion(conn) < migration.version) {
        if (migration.sql !== undefined) conn.exec(migration.sql);
        migration.up?.(conn);
        // PRAGMA takes no bound parameters; the version is an integer we control.
        conn.exec(`PRAGMA user_version = ${Math.trunc(migration.version)}`);
        applied.push(migration.version);
      }
      conn.exec('COMMIT');
    } catch (err) {
      if (conn.inTransaction) conn.exec('ROLLBACK');
      throw err;
    }
  }
  return applied;
}
