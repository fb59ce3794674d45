// Version 15: uploads made for an editor (the PicGo-style editor server) are recorded with source
// 'editor'. jobs.source has a CHECK listing the sources; history.source never had one.
//
// SQLite cannot ALTER a CHECK. Its page on ALTER TABLE ("Making Other Kinds Of Table Schema Changes",
// https://www.sqlite.org/lang_altertable.html) gives two ways: rebuild the table (new table, copy, drop,
// rename, indexes again), or, for removing a CHECK, edit the stored CREATE TABLE text with
// writable_schema and bump schema_version. Adding a value to an IN list only loosens the check, every
// existing row passes it and nothing on disk changes, so the second way applies. It matters: rebuilding
// a million jobs (one per upload ever made, with seven indexes) took 22–32 s on a busy two-core machine,
// holding the write lock all along; editing the text took 50 ms there and leaves every row, index and
// trigger where it was.
// Never edit once shipped.

import type Database from 'libsql';

const OLD_CHECK = "CHECK (source IN ('manual', 'watch', 'share', 'clipboard', 'url', 'cli'))";
const NEW_CHECK = "CHECK (source IN ('manual', 'watch', 'share', 'clipboard', 'url', 'cli', 'editor'))";

function pragmaNumber(conn: Database.Database, name: string): number {
  const row = conn.prepare(`PRAGMA ${name}`).raw().get() as unknown[] | undefined;
  const value = row?.[0];
  if (typeof value !== 'number') throw new Error(`PRAGMA ${name} gave no number.`);
  return value;
}

/** Runs inside the migration's transaction, so a failure leaves the stored text as it was. */
export function allowEditorSource(conn: Database.Database): void {
  const row = conn
    .prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'jobs'")
    .raw()
    .get() as unknown[] | undefined;
  const stored = row?.[0];
  // Exactly the text version 1 wrote, or the edit is not made at all.
  if (typeof stored !== 'string' || stored.split(OLD_CHECK).length !== 2) {
    throw new Error("The jobs table's list of sources is not the one version 14 left; it was not changed.");
  }
  const schemaVersion = pragmaNumber(conn, 'schema_version');
  conn.exec('PRAGMA writable_schema = ON');
  try {
    conn
      .prepare("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'jobs'")
      .run(stored.replace(OLD_CHECK, NEW_CHECK));
    // Tells every connection (the other process's too) to read the schema again.
    // PRAGMA takes no bound parameters; the number comes from SQLite itself.
    conn.exec(`PRAGMA schema_version = ${Math.trunc(schemaVersion) + 1}`);
  } finally {
    conn.exec('PRAGMA writable_schema = OFF');
  }
}
