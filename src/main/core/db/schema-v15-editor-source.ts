// Version 15: uploads made for an editor (the PicGo-style editor server) are recorded with source
// 'editor'. jobs.source has a CHECK listing the sources, and SQLite cannot change a CHECK in place, so
// jobs is rebuilt the way SQLite documents (https://www.sqlite.org/lang_altertable.html, "Making Other
// Kinds Of Table Schema Changes"): new table, copy, drop, rename, then the same indexes, triggers and
// views again. The runner turns foreign keys off around it (see `foreignKeysOff` in migrations.ts):
// history and job_images point at jobs, and dropping jobs with them on would clear those links.
// history.source never had a CHECK, so history keeps its rows, indexes and search table untouched.
// Never edit once shipped.

import type Database from 'libsql';

const OLD_CHECK = "CHECK (source IN ('manual', 'watch', 'share', 'clipboard', 'url', 'cli'))";
const NEW_CHECK = "CHECK (source IN ('manual', 'watch', 'share', 'clipboard', 'url', 'cli', 'editor'))";
const TABLE_HEAD = /^CREATE TABLE jobs \(/;
const NEW_TABLE = 'jobs_v15';

interface SchemaItem {
  type: string;
  name: string;
  sql: string;
}

/**
 * The new table's statement is the stored one with only the CHECK widened, so every column (those
 * added by later ALTER TABLEs included), default and comment stays exactly as it was.
 */
function newTableSql(stored: string): string {
  if (!TABLE_HEAD.test(stored) || stored.split(OLD_CHECK).length !== 2) {
    throw new Error('The jobs table is not the one version 14 left; its source list cannot be widened.');
  }
  return stored.replace(TABLE_HEAD, `CREATE TABLE ${NEW_TABLE} (`).replace(OLD_CHECK, NEW_CHECK);
}

export function migrateToEditorSource(conn: Database.Database): void {
  const table = conn.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'jobs'").get() as
    { sql: string } | undefined;
  if (table === undefined) throw new Error('The jobs table is missing.');
  // Indexes and triggers go with the dropped table; views and other tables' triggers that name jobs
  // would make the rename fail while jobs is missing, so they are set aside too and made again after.
  const kept = conn
    .prepare(
      `SELECT type, name, sql FROM sqlite_master
       WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
         AND ((type IN ('index', 'trigger') AND tbl_name = 'jobs')
           OR (type IN ('view', 'trigger') AND tbl_name <> 'jobs' AND sql LIKE '%jobs%'))
       ORDER BY rowid`,
    )
    .all() as SchemaItem[];
  for (const item of kept.filter((i) => i.type === 'view' || i.type === 'trigger')) {
    conn.exec(`DROP ${item.type.toUpperCase()} "${item.name.replaceAll('"', '""')}"`);
  }
  conn.exec(newTableSql(table.sql));
  conn.exec(`INSERT INTO ${NEW_TABLE} SELECT * FROM jobs`);
  conn.exec('DROP TABLE jobs');
  conn.exec(`ALTER TABLE ${NEW_TABLE} RENAME TO jobs`);
  for (const item of kept) conn.exec(item.sql);
}
