// {counter}: one number per template and where it lands, kept in the database's meta table so it
// goes on counting across restarts and between the app and the command line. Read and bumped in one
// transaction, so two processes never hand out the same number.
import type { KieDropDb } from '../db';

const PREFIX = 'naming-counter:';

export function nextCounter(db: KieDropDb, target: string): number {
  const key = `${PREFIX}${target}`;
  return db.transaction(() => {
    const row = db.conn.prepare('SELECT value FROM meta WHERE key = ?').raw().get(key) as
      unknown[] | undefined;
    const last = Number(row?.[0] ?? 0);
    const next = Number.isSafeInteger(last) && last >= 0 ? last + 1 : 1;
    db.conn
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, String(next));
    return next;
  });
}
