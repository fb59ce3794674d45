// Exports of a large history, as a user runs them: `kiedrop export` of 50,000 entries to a file and to a
// pipe, parsed back entry for entry (names with commas, quotes, line breaks and formula starts included),
// and a reader that goes away early (`kiedrop export | head`).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/index';
import { HistoryStore } from '../../src/main/core/history/index';
import type { HistoryEntry } from '../../src/main/core/history/index';
import { runKiedrop, startKiedrop } from '../support/kiedrop-process';

const ENTRIES = 50_000;
const DAY = 24 * 60 * 60 * 1000;
const START = Date.UTC(2025, 5, 1);
const TRICKY = [
  'a, b.png',
  'say "hi".txt',
  'two\nlines.txt',
  'cr\r\nlf.csv',
  '=SUM(A1).xlsx',
  '图片 ,"x".png',
];

const CSV_COLUMNS = [
  'id',
  'fileName',
  'downloadUrl',
  'status',
  'uploadedAt',
  'expiresAt',
  'size',
  'mimeType',
  'method',
  'source',
  'uploadPath',
  'filePath',
  'localPath',
  'localMtimeMs',
  'jobId',
  'renewOf',
  'replacedBy',
] as const;

let dir: string;
let env: Record<string, string>;
/** What the history holds, newest first, as the store lists it. */
let expected: HistoryEntry[];

function nameFor(i: number): string {
  return i % 97 === 0 ? `${TRICKY[(i / 97) % TRICKY.length] ?? ''}-${i}` : `file-${i}.png`;
}

/** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks; rows end with CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  expect(cell).toBe('');
  expect(row).toEqual([]);
  return rows;
}

/** A cell as the export writes it: empty for null, and a formula-like text defused with an apostrophe. */
function csvText(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function expectCsvMatches(text: string, entries: readonly HistoryEntry[]): void {
  const rows = parseCsv(text);
  expect(rows[0]).toEqual([...CSV_COLUMNS]);
  expect(rows).toHaveLength(entries.length + 1);
  entries.forEach((entry, i) => {
    expect(rows[i + 1], `row ${i + 1}`).toEqual(CSV_COLUMNS.map((column) => csvText(entry[column])));
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-history-export-'));
  const dataDir = join(dir, 'data');
  env = { KIEDROP_DATA_DIR: dataDir, KIEDROP_KEYCHAIN_SERVICE: `KieDropExport-${process.pid}` };
  const db = openDatabase(join(dataDir, 'kiedrop.db'));
  // Written straight through SQL (the triggers still index every row): 50,000 store inserts take long.
  const insert = db.conn.prepare(
    `INSERT INTO history (job_id, local_path, local_mtime_ms, size, method, source, upload_path, file_name,
       file_path, download_url, mime_type, uploaded_at, expires_at, renew_of, created_at)
     VALUES (NULL, ?, ?, ?, 'stream', 'cli', 'kiedrop', ?, ?, ?, 'image/png', ?, ?, NULL, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < ENTRIES; i++) {
      const name = nameFor(i);
      // Several entries share each upload time, so the order also rests on the id.
      const at = START + Math.floor(i / 3) * 1000;
      insert.run(
        i % 5 === 0 ? null : `/home/u/${name}`,
        at - 1,
        1000 + i,
        name,
        `kiedrop/s${i}/${name}`,
        `https://files.example.test/kiedrop/s${i}/${encodeURIComponent(name)}`,
        at,
        at + 3 * DAY,
        at,
      );
    }
  });
  // The listing, newest first, is what the export must reproduce (statuses as of the test's run).
  expected = new HistoryStore(db).list({ limit: ENTRIES }).entries;
  db.close();
  expect(expected).toHaveLength(ENTRIES);
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('kiedrop export of 50,000 entries', () => {
  it('writes JSON to a pipe that parses back to every entry, in order', async () => {
    const { code, stdout, stderr } = await runKiedrop(['export'], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as HistoryEntry[];
    expect(parsed).toHaveLength(ENTRIES);
    // Same content, but `status` and `expiresInMs` are computed at export time: compare what is stored.
    const stored = (e: HistoryEntry) => ({ ...e, status: undefined, expiresInMs: undefined });
    expect(parsed.map(stored)).toEqual(expected.map(stored));
    // Pretty-printed exactly like the whole array at once.
    expect(stdout.startsWith('[\n  {\n    "id": ')).toBe(true);
    expect(stdout.endsWith('\n  }\n]\n')).toBe(true);
  }, 60_000);

  it('writes CSV to a file that parses back to every entry, names with commas, quotes and line breaks included', async () => {
    const out = join(dir, 'history.csv');
    const { code, stdout, stderr } = await runKiedrop(['export', '--format', 'csv', '--output', out], env);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe(`Exported ${ENTRIES} entries as CSV to ${out}.\n`);
    expectCsvMatches(await readFile(out, 'utf8'), expected);
  }, 60_000);

  it('writes JSON to a file and exports only what --search selects, however many', async () => {
    const out = join(dir, 'tricky.json');
    const { code, stderr } = await runKiedrop(['export', '--search', '"', '--output', out], env);
    expect(code).toBe(0);
    const quoted = expected.filter((e) => e.fileName.includes('"'));
    expect(stderr).toBe(`Exported ${quoted.length} entries as JSON to ${out}.\n`);
    const parsed = JSON.parse(await readFile(out, 'utf8')) as HistoryEntry[];
    expect(parsed.map((e) => e.id)).toEqual(quoted.map((e) => e.id));

    // A common text: far more matches than the history list counts, and the export still has them all.
    const common = join(dir, 'common.csv');
    expect(
      (await runKiedrop(['export', '--format', 'csv', '--search', 'file-', '--output', common], env)).code,
    ).toBe(0);
    const rows = parseCsv(await readFile(common, 'utf8'));
    expect(rows).toHaveLength(expected.filter((e) => e.fileName.startsWith('file-')).length + 1);
  }, 60_000);

  it('stops when the reader goes away, says so in one line, and leaves the history as it was', async () => {
    const run = startKiedrop(['export', '--format', 'csv'], env);
    // What `| head -1` does: read the first line, then close the pipe.
    run.child.stdout.on('data', () => {
      if (run.out.stdout.includes('\n')) run.child.stdout.destroy();
    });
    const { code, stderr } = await run.done;
    expect(stderr).not.toMatch(/\n\s+at |Error:/u);
    expect(stderr).toMatch(
      /^kiedrop: output closed early \(EPIPE\); the export stopped after \d+ entries; nothing else was changed\.\n$/u,
    );
    expect(code).toBe(0);
    const history = await runKiedrop(['history', '--json', '--limit', '1'], env);
    expect((JSON.parse(history.stdout) as { total: number }).total).toBe(ENTRIES);
  }, 60_000);
});
