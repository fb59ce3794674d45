// The desktop app and the CLI use the same file at the same time: both must succeed, nothing lost.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, openDatabase, readUserVersion } from '../../src/main/core/db/index';
import { HistoryStore } from '../../src/main/core/history/index';
import type { NewHistoryEntry } from '../../src/main/core/history/index';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const moduleUrl = (path: string): string => pathToFileURL(join(REPO, path)).href;

// A short break every 50 rows, as a real app has between uploads: SQLite's busy handler sleeps for
// up to 100 ms, so without breaks one writer could keep the lock for its whole run.
function pause(i: number): void {
  if (i % 50 === 49) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);
}

// Each transaction reads before it writes (like the queue does), the pattern that deadlocks two
// processes unless the write lock is taken at BEGIN.
const WRITER = `
import { createInterface } from 'node:readline';
import { openDatabase } from ${JSON.stringify(moduleUrl('src/main/core/db/index.ts'))};
import { HistoryStore } from ${JSON.stringify(moduleUrl('src/main/core/history/index.ts'))};

export function entry(label: string, i: number) {
  const at = Date.UTC(2025, 5, 1) + i;
  return {
    jobId: null, localPath: null, localMtimeMs: null, size: i, method: 'stream', source: 'cli',
    uploadPath: 'kiedrop', fileName: label + '-' + i + '.png', filePath: 'kiedrop/' + label + '/' + i + '.png',
    downloadUrl: 'https://files.example.test/kiedrop/' + label + '/' + i + '.png', mimeType: 'image/png',
    uploadedAt: new Date(at).toISOString(), expiresAt: new Date(at + 259200000).toISOString(), renewOf: null,
  } as const;
}

export function pause(i: number): void {
  if (i % 50 === 49) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);
}

export function writeRows(file: string, label: string, count: number): void {
  const db = openDatabase(file);
  const store = new HistoryStore(db);
  for (let i = 0; i < count; i++) {
    db.transaction(() => {
      if (store.findLiveByFilePath('kiedrop/' + label + '/' + i + '.png') === undefined) store.insert(entry(label, i));
    });
    pause(i);
  }
  db.close();
}

if (process.argv[2] !== undefined) {
  const [file, label, count] = process.argv.slice(2) as [string, string, string];
  console.log('ready');
  createInterface({ input: process.stdin }).once('line', () => {
    writeRows(file, label, Number(count));
    console.log('done');
    process.exit(0);
  });
}
`;

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-db-concurrency-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function entry(label: string, i: number): NewHistoryEntry {
  const at = Date.UTC(2025, 5, 1) + i;
  return {
    jobId: null,
    localPath: null,
    localMtimeMs: null,
    size: i,
    method: 'stream',
    source: 'manual',
    uploadPath: 'kiedrop',
    fileName: `${label}-${i}.png`,
    filePath: `kiedrop/${label}/${i}.png`,
    downloadUrl: `https://files.example.test/kiedrop/${label}/${i}.png`,
    mimeType: 'image/png',
    uploadedAt: new Date(at).toISOString(),
    expiresAt: new Date(at + 3 * 86_400_000).toISOString(),
    renewOf: null,
  };
}

describe('two processes writing at once', () => {
  it('creates the file once and keeps all 1000 rows written by the parent and a child at the same time', async () => {
    const script = join(dir, 'writer.ts');
    await writeFile(script, WRITER);
    const file = join(dir, 'data', 'kiedrop.db');

    const child = spawn(process.execPath, ['--import', 'tsx', script, file, 'child', '500'], {
      cwd: REPO,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines = createInterface({ input: child.stdout });
    const seen: string[] = [];
    const ready = new Promise<void>((res) =>
      lines.on('line', (line) => {
        seen.push(line);
        if (line === 'ready') res();
      }),
    );
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    await ready;

    // Go together: both processes create the file, migrate it and write, interleaved.
    child.stdin.write('go\n');
    const db = openDatabase(file);
    const store = new HistoryStore(db);
    for (let i = 0; i < 500; i++) {
      db.transaction(() => {
        if (store.findLiveByFilePath(`kiedrop/parent/${i}.png`) === undefined)
          store.insert(entry('parent', i));
      });
      pause(i);
    }

    expect(await exited, stderr).toBe(0);
    expect(seen).toContain('done');
    expect(stderr).toBe('');

    expect(readUserVersion(db.conn)).toBe(LATEST_SCHEMA_VERSION);
    expect(store.count()).toBe(1000);
    const labels = (
      db.conn
        .prepare(
          "SELECT substr(file_name, 1, instr(file_name, '-') - 1) AS who, count(*) FROM history GROUP BY who ORDER BY who",
        )
        .raw()
        .all() as unknown[][]
    ).map(([who, n]) => [who, Number(n)]);
    expect(labels).toEqual([
      ['child', 500],
      ['parent', 500],
    ]);
    // The search index saw every write from both processes.
    expect(store.list({ search: 'child-49' }).total).toBe(11);
    expect(store.list({ search: 'parent-49' }).total).toBe(11);
    // The writes really overlapped: in commit order the two writers alternate.
    const writers = (db.conn.prepare('SELECT file_name FROM history ORDER BY id').raw().all() as string[][])
      .map((r) => (r[0]?.startsWith('child') ? 'c' : 'p'))
      .join('');
    expect(writers.match(/c+|p+/g)?.length ?? 0).toBeGreaterThan(2);
    db.close();
  });
});
