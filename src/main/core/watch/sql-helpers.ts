// Small helpers for the watch tables' SQL. Columns are copied one by one, because libsql rows carry an
// extra `_metadata` property that must not leak into plain objects.
import type Database from 'libsql';
import type { KieDropDb } from '../db';
import { asDatabaseError } from '../db';

export type Row = Record<string, unknown>;

export function num(row: Row, key: string): number {
  const value = row[key];
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw new TypeError(`watch column ${key} is not a number`);
}

export function numOrNull(row: Row, key: string): number | null {
  const value = row[key];
  return value === null || value === undefined ? null : num(row, key);
}

export function str(row: Row, key: string): string {
  const value = row[key];
  if (typeof value === 'string') return value;
  throw new TypeError(`watch column ${key} is not text`);
}

export function strOrNull(row: Row, key: string): string | null {
  const value = row[key];
  return value === null || value === undefined ? null : str(row, key);
}

/** Statements prepared once per SQL text: preparing costs more than running a one-row query. */
export function statementCache(conn: Database.Database): (sql: string) => Database.Statement {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let stmt = cache.get(sql);
    if (stmt === undefined) {
      stmt = conn.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };
}

/** Runs a statement so that any failure leaves as a DatabaseError naming the file (locked, full, corrupt). */
export function databaseGuard(db: KieDropDb): <T>(fn: () => T) => T {
  return (fn) => {
    try {
      return fn();
    } catch (err) {
      throw asDatabaseError(err, db.file);
    }
  };
}
