// Opening the database while another KieDrop process holds its lock (the CLI starting while the app
// writes, or both creating the file at once) must wait for the lock, not fail with "database is locked".
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/index';

// Holds an exclusive lock on a database still in rollback-journal mode (as a brand-new file is before
// its first connection switches it to WAL) for a moment, then lets go.
const LOCK_HOLDER = `
const Database = require('libsql');
const conn = new Database(process.argv[2]);
conn.exec('PRAGMA journal_mode = DELETE');
conn.exec('CREATE TABLE IF NOT EXISTS held (x)');
conn.exec('BEGIN EXCLUSIVE');
conn.exec('INSERT INTO held VALUES (1)');
require('node:fs').writeSync(1, 'locked\\n'); // a pipe write is async: console.log would arrive only after the wait
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[3]));
conn.exec('COMMIT');
conn.close();
`;

// Opens file-0 … file-(n-1), each at its own agreed moment, so several processes reach every new file
// together: the race that made one of them fail with "database is locked" while switching it to WAL.
const OPENER = `
import { openDatabase } from ${JSON.stringify(pathToFileURL(join(process.cwd(), 'src/main/core/db/index.ts')).href)};
const [dir, startAt, count] = process.argv.slice(2);
for (let i = 0; i < Number(count); i++) {
  while (Date.now() < Number(startAt) + i * 150) {}
  try {
    const db = openDatabase(dir + '/file-' + i + '.db');
    db.close();
  } catch (err) {
    console.log('file-' + i + ': ' + err.message);
  }
}
`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-db-locked-open-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function holdLock(file: string, ms: number): Promise<{ exited: Promise<unknown> }> {
  const script = join(dir, 'hold-lock.cjs');
  await writeFile(script, LOCK_HOLDER);
  // Run from the project so require('libsql') resolves.
  const child = spawn(process.execPath, [script, file, String(ms)], {
    cwd: process.cwd(),
    env: { ...process.env, NODE_PATH: join(process.cwd(), 'node_modules') },
  });
  const exited = once(child, 'exit');
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) if (line === 'locked') return { exited };
  await exited;
  throw new Error(`the lock holder exited before taking the lock: ${stderr}`);
}

describe('opening while another process holds the lock', () => {
  it('lets four processes create the same new files at the same moment', async () => {
    const script = join(dir, 'opener.ts');
    await writeFile(script, OPENER);
    const startAt = Date.now() + 3_000; // after every process has loaded
    const runs = [1, 2, 3, 4].map(() => {
      const child = spawn(process.execPath, ['--import', 'tsx', script, dir, String(startAt), '12']);
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      return once(child, 'exit').then(([code]) => ({ code: code as number, out }));
    });
    for (const run of await Promise.all(runs)) expect(run).toEqual({ code: 0, out: '' });
  });

  it('waits for the lock and opens the file in WAL mode', async () => {
    const file = join(dir, 'kiedrop.db');
    const { exited } = await holdLock(file, 700);
    const db = openDatabase(file, { busyTimeoutMs: 5_000 });
    try {
      const mode = db.conn.prepare('PRAGMA journal_mode').get() as { journal_mode: string };
      expect(mode.journal_mode).toBe('wal');
      expect(db.recovered).toBeNull();
    } finally {
      db.close();
    }
    await exited;
  });

  it('still says "locked" when the lock outlasts the busy timeout', async () => {
    const file = join(dir, 'kiedrop.db');
    const { exited } = await holdLock(file, 1_500);
    expect(() => openDatabase(file, { busyTimeoutMs: 200 })).toThrowError(
      expect.objectContaining({ kind: 'locked' }) as Error,
    );
    await exited;
  });
});
