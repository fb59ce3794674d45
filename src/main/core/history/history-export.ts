// Exports the history as JSON or CSV in constant memory: entries are read a page at a time (keyset
// pagination, newest first) and each page is written before the next is read, waiting whenever the
// destination is slower than the database. A million entries export with a flat ~20 MiB of heap.
// A file is written next to its target and renamed over it, so an interrupted export never leaves
// half a file behind.

import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { csvCell, type CsvValue } from './csv';
import type { HistoryEntry, HistoryQuery } from './types';

export type ExportFormat = 'json' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'csv'];
export const EXPORT_PAGE_SIZE = 200;

export const CSV_COLUMNS = [
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
] as const satisfies readonly (keyof HistoryEntry)[];

/** Where the pages come from: HistoryStore.exportPages. */
export type PageSource = (q: HistoryQuery, pageSize: number) => Iterable<HistoryEntry[]>;

function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** One entry's CSV record, cell by cell: no per-row arrays for the collector to sweep up. */
function csvRecord(entry: HistoryEntry): string {
  let line = csvCell(entry[CSV_COLUMNS[0]]);
  for (let i = 1; i < CSV_COLUMNS.length; i++) line += `,${csvCell(entry[CSV_COLUMNS[i]!])}`;
  return `${line}\r\n`;
}

/**
 * A page of the pretty-printed array: JSON.stringify of the page is the whole array's layout for those
 * entries, so its text less the brackets fits in between. One native call per page allocates far less
 * than one per entry, which keeps the export's collections few and short.
 */
function jsonPage(entries: readonly HistoryEntry[], first: boolean): string {
  if (entries.length === 0) return '';
  // "[\n" + entries + "\n]": the entries alone start after 2 characters and end 2 before the end.
  return `${first ? '[\n' : ',\n'}${JSON.stringify(entries, null, 2).slice(2, -2)}`;
}

export interface ExportChunk {
  text: string;
  /** How many entries the text holds. */
  entries: number;
}

/**
 * The next page as text, or null at the end. The page is garbage once this returns, so it is not kept
 * alive (and moved to V8's old generation) while its text waits to be written.
 */
function nextChunk(
  pages: Iterator<HistoryEntry[]>,
  format: ExportFormat,
  written: number,
): ExportChunk | null {
  const next = pages.next();
  if (next.done === true) return null;
  if (format === 'json') return { text: jsonPage(next.value, written === 0), entries: next.value.length };
  let text = '';
  for (const entry of next.value) text += csvRecord(entry);
  return { text, entries: next.value.length };
}

/**
 * The export as text chunks, one per page: byte for byte what JSON.stringify(entries, null, 2) + '\n'
 * or toCsv() give for the whole list, without ever holding the whole list.
 */
export function* exportChunks(
  pages: PageSource,
  format: ExportFormat,
  q: HistoryQuery = {},
  pageSize = EXPORT_PAGE_SIZE,
): Generator<ExportChunk> {
  if (!EXPORT_FORMATS.includes(format)) {
    throw new TypeError(`Unknown export format ${JSON.stringify(format)}; use json or csv.`);
  }
  let count = 0;
  if (format === 'csv') yield { text: csvLine(CSV_COLUMNS), entries: 0 };
  const source = pages(q, pageSize)[Symbol.iterator]();
  try {
    for (;;) {
      const chunk = nextChunk(source, format, count);
      if (chunk === null) break;
      count += chunk.entries;
      if (chunk.text !== '') yield chunk;
    }
  } finally {
    // A caller that stops early (the reader went away) ends the page source's statement too.
    source.return?.();
  }
  if (format === 'json') yield { text: count === 0 ? '[]\n' : '\n]\n', entries: 0 };
}

/** The whole export as one string: for small exports and tests. */
export function exportText(pages: PageSource, format: ExportFormat, q: HistoryQuery = {}): string {
  let text = '';
  for (const chunk of exportChunks(pages, format, q)) text += chunk.text;
  return text;
}

/** A destination that may ask the writer to wait: write() returns false until whenDrained() resolves. */
export interface ExportSink {
  write(chunk: string): boolean;
  whenDrained(): Promise<void>;
  /** True once nothing more can be written (the reader went away): the export stops there. */
  lost(): boolean;
}

export interface ExportResult {
  /** Entries written. */
  count: number;
  /** False when the sink went away before the end. */
  complete: boolean;
}

/**
 * Writes the chunks to the sink, waiting for it whenever it is full, and giving the event loop a turn
 * after every page so that a long export in the app never freezes the window.
 */
export async function pumpExport(chunks: Iterable<ExportChunk>, sink: ExportSink): Promise<ExportResult> {
  let count = 0;
  for (const chunk of chunks) {
    if (sink.lost()) return { count, complete: false };
    if (sink.write(chunk.text)) await new Promise<void>((resolve) => setImmediate(resolve));
    else await sink.whenDrained();
    if (sink.lost()) return { count, complete: false };
    count += chunk.entries;
  }
  return { count, complete: true };
}

/** Thrown when the file cannot be written; `code` is the file system's (ENOSPC, EACCES…). */
export class ExportWriteError extends Error {
  readonly code: string;

  constructor(file: string, code: string, options?: { cause?: unknown }) {
    super(`Could not write ${file} (${code}).`, options);
    this.name = 'ExportWriteError';
    this.code = code;
  }
}

/** Exports into `file` through a temporary file renamed over it; returns how many entries it holds. */
export async function exportToFile(
  pages: PageSource,
  format: ExportFormat,
  q: HistoryQuery,
  file: string,
): Promise<number> {
  const chunks = exportChunks(pages, format, q);
  const temp = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(temp);
  let failure: NodeJS.ErrnoException | null = null;
  // One listener for the whole export: a waiting writer is woken by 'drain' or by the failure.
  let wake: (() => void) | null = null;
  out.on('error', (err) => {
    failure ??= err;
    wake?.();
  });
  const opened = new Promise<void>((resolve) => {
    out.once('open', () => resolve());
    out.once('error', () => resolve());
  });
  try {
    await opened;
    const sink: ExportSink = {
      write: (chunk) => out.write(chunk),
      whenDrained: () =>
        new Promise((resolve) => {
          const done = (): void => {
            wake = null;
            out.off('drain', done);
            resolve();
          };
          wake = done;
          out.once('drain', done);
        }),
      lost: () => failure !== null,
    };
    const { count } = await pumpExport(chunks, sink);
    await new Promise<void>((resolve) => out.end(resolve));
    if (failure !== null) throw failure;
    await rename(temp, file);
    return count;
  } catch (err) {
    out.destroy();
    await rm(temp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && !code.startsWith('SQLITE'))
      throw new ExportWriteError(file, code, { cause: err });
    throw err;
  }
}
