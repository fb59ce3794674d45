// Statements prepared once per SQL text: preparing costs more than running a one-row statement, and the
// queue runs several per file. After any failure the cache is emptied, because libsql does not reset a
// statement whose step failed (a busy or full database): every later call on it would repeat that error.
import type Database from 'libsql';

export interface StatementCache {
  /** Runs `use` with the statement for `sql`, prepared on first use. */
  run<T>(sql: string, use: (stmt: Database.Statement) => T): T;
}

export function createStatementCache(conn: Database.Database): StatementCache {
  const statements = new Map<string, Database.Statement>();
  return {
    run(sql, use) {
      let stmt = statements.get(sql);
      if (stmt === undefined) {
        stmt = conn.prepare(sql);
        statements.set(sql, stmt);
      }
      try {
        return use(stmt);
      } catch (err) {
        statements.clear();
        throw err;
      }
    },
  };
}
