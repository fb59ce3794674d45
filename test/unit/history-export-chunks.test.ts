// The paged export writer must give exactly the file a whole-list export would, whatever the names hold
// and wherever the page boundaries fall, and must stop reading the history when the reader goes away.
import { describe, expect, it } from 'vitest';
import { exportChunks, pumpExport, toCsv } from '../../src/main/core/history/index';
import type { ExportFormat, HistoryEntry } from '../../src/main/core/history/index';
import { CSV_COLUMNS, type PageSource } from '../../src/main/core/history/history-export';

const NAMES = [
  'plain.png',
  'a, b.png',
  'say "hi".txt',
  'two\nlines.txt',
  'cr\r\nlf.csv',
  '=SUM(A1).xlsx',
  '+1 and -1.txt',
  '@home.txt',
  '\ttab.txt',
  '图片 ,"x".png',
  'emoji 📸 ü ß.jpg',
  '',
];

function entry(i: number): HistoryEntry {
  const name = NAMES[i % NAMES.length] ?? 'x';
  return {
    id: 1000 - i,
    jobId: i % 2 === 0 ? null : i,
    localPath: i % 3 === 0 ? null : `/home/someone/${name}`,
    localMtimeMs: i % 4 === 0 ? null : 1_700_000_000_000 + i,
    size: i * 1021,
    method: i % 2 === 0 ? 'stream' : 'base64',
    source: i % 3 === 0 ? 'watch' : 'manual',
    uploadPath: i % 5 === 0 ? '-x,"y"' : 'kiedrop',
    fileName: name,
    filePath: `kiedrop/${name}`,
    downloadUrl: `https://tempfile.example/files/${encodeURIComponent(name)}?a=1,b="2"`,
    mimeType: 'application/octet-stream',
    uploadedAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    expiresAt: new Date(Date.UTC(2025, 0, 4) + i * 60_000).toISOString(),
    renewOf: i % 6 === 0 ? i + 1 : null,
    replacedBy: i % 7 === 0 ? i - 1 : null,
    status: i % 7 === 0 ? 'replaced' : 'expired',
    expiresInMs: -(i + 1) * 1000,
  } as HistoryEntry;
}

const ENTRIES = Array.from({ length: 29 }, (_, i) => entry(i));

/** Serves the entries a page at a time, as HistoryStore.exportPages does. */
const pagesOf = (entries: HistoryEntry[]): PageSource =>
  function* (_q, size) {
    for (let at = 0; at < entries.length; at += size) yield entries.slice(at, at + size);
  };

function paged(format: ExportFormat, entries: HistoryEntry[], pageSize: number): string {
  let text = '';
  for (const chunk of exportChunks(pagesOf(entries), format, {}, pageSize)) text += chunk.text;
  return text;
}

/** What the whole list gives at once: the reference the pages must match byte for byte. */
function wholeCsv(entries: HistoryEntry[]): string {
  return toCsv(
    CSV_COLUMNS,
    entries.map((e) => CSV_COLUMNS.map((column) => e[column])),
  );
}

describe('paged export', () => {
  it.each([1, 2, 7, 29, 200])(
    'writes the same CSV and JSON as the whole list at once, in pages of %i',
    (pageSize) => {
      expect(paged('csv', ENTRIES, pageSize)).toBe(wholeCsv(ENTRIES));
      expect(paged('json', ENTRIES, pageSize)).toBe(`${JSON.stringify(ENTRIES, null, 2)}\n`);
      expect(JSON.parse(paged('json', ENTRIES, pageSize))).toEqual(ENTRIES);
    },
  );

  it('writes an empty array, or just the header, when nothing is selected', () => {
    expect(paged('json', [], 200)).toBe('[]\n');
    expect(paged('csv', [], 200)).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('counts every entry it wrote across the pages', () => {
    const counted = [...exportChunks(pagesOf(ENTRIES), 'csv', {}, 4)].reduce((n, c) => n + c.entries, 0);
    expect(counted).toBe(ENTRIES.length);
  });

  it('stops reading the history once the reader goes away', async () => {
    let pagesRead = 0;
    let sourceClosed = false;
    const source: PageSource = function* (_q, size) {
      try {
        for (let at = 0; at < ENTRIES.length; at += size) {
          pagesRead++;
          yield ENTRIES.slice(at, at + size);
        }
      } finally {
        sourceClosed = true;
      }
    };
    let writes = 0;
    const result = await pumpExport(exportChunks(source, 'json', {}, 2), {
      write: () => ++writes < 3,
      whenDrained: () => Promise.resolve(),
      lost: () => writes >= 3,
    });
    expect(result).toEqual({ count: 4, complete: false });
    expect(sourceClosed).toBe(true);
    expect(pagesRead).toBe(3);
  });
});
