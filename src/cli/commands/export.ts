import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { ExportWriteError, exportChunks, exportToFile, pumpExport } from '../../main/core/history';
import type { ExportFormat, ExportSink, HistoryQuery, HistoryStore } from '../../main/core/history';
import type { ParsedArgs } from '../args';
import { stringFlag } from '../args';
import { explainClosedOutput, stdoutLost } from '../closed-output';
import type { CliContext } from '../context';
import { withEngine } from '../engine-session';
import { CliFailure, EXIT_OK, UsageError } from '../errors';

const COMMAND = 'export';
const FORMATS = ['json', 'csv'] as const;
const STATUSES = ['all', 'active', 'expiring', 'expired'] as const;

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`, COMMAND);
  }
  return value as T;
}

function entries(count: number): string {
  return `${count} ${count === 1 ? 'entry' : 'entries'}`;
}

/**
 * Streams to stdout a page at a time, waiting whenever the reader is slower (`| gzip`, a pipe into
 * another program), so a million entries never pile up in memory. A reader that goes away (`| head`)
 * ends the export.
 */
async function toStdout(
  ctx: CliContext,
  history: HistoryStore,
  format: ExportFormat,
  q: HistoryQuery,
): Promise<void> {
  const out = ctx.stdout;
  const sink: ExportSink = {
    // The process's stdout is a GuardedOutput: false while its buffer is full, until whenDrained().
    write: (chunk) => out.write(chunk) !== false,
    whenDrained: () => out.whenDrained?.() ?? Promise.resolve(),
    lost: () => stdoutLost(ctx) !== null,
  };
  const pages = (query: HistoryQuery, size: number) => history.exportPages(query, size);
  const { count, complete } = await pumpExport(exportChunks(pages, format, q), sink);
  // A failed write is reported a tick later: let it arrive before judging.
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (!complete || stdoutLost(ctx) !== null) {
    explainClosedOutput(ctx, `the export stopped after ${entries(count)}; nothing else was changed.`);
  }
}

/**
 * Tunes V8's collector for a long export whose live data is one page of entries (a few MiB of heap):
 * - the young generation stays at the 2 × 2 MiB it has when the export starts. V8 doubles it each time the
 *   bytes that survived its collections add up to its size, which a long export always reaches, so a
 *   million entries ended with 2 × 16 MiB resident for nothing;
 * - the old generation may grow by 10 % over what the last full collection kept, not V8's own factor (up
 *   to 4× for a heap this small and quick to collect), which let promoted pages pile up to ~25 MiB.
 * Measured at 1M entries against the same code without them: peak RSS 85–89 → 76 MiB for CSV and 97 →
 * 69 MiB for JSON, CPU the same (bench/RESULTS.md, "History export"). Only this command sets them; every
 * other one keeps V8's defaults. Node documents that a V8 flag set at run time may also do nothing: that
 * bench's RSS rows show whether they still work.
 */
function tuneCollectorForExport(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--heap-growing-percent=10');
}

export async function runExport(ctx: CliContext, parsed: ParsedArgs): Promise<number> {
  if (parsed.positionals.length > 0) {
    throw new UsageError(
      `unexpected argument "${parsed.positionals[0]}"; name the file with --output`,
      COMMAND,
    );
  }
  const format: ExportFormat = oneOf(stringFlag(parsed, 'format') ?? 'json', FORMATS, '--format');
  const status = oneOf(stringFlag(parsed, 'status') ?? 'all', STATUSES, '--status');
  const search = stringFlag(parsed, 'search');
  const output = stringFlag(parsed, 'output');
  const q: HistoryQuery = { status, search };
  tuneCollectorForExport();

  return withEngine(ctx, parsed, { needsKey: false }, async ({ engine }) => {
    // One walk through the history reads each page once: SQLite's usual cache would only add to this
    // process's memory (a million entries export in well under 100 MiB).
    engine.db.conn.exec('PRAGMA cache_size = -2048');
    if (output === undefined || output === '-') {
      await toStdout(ctx, engine.history, format, q);
      return EXIT_OK;
    }
    const file = resolve(output);
    let count: number;
    try {
      // Written next to the target and renamed over it, so an interrupted export never leaves half a file.
      count = await exportToFile((query, size) => engine.history.exportPages(query, size), format, q, file);
    } catch (err) {
      if (!(err instanceof ExportWriteError)) throw err;
      throw new CliFailure(
        `Could not write ${file} (${err.code}). Check the folder exists and you may write there.`,
      );
    }
    ctx.stderr.write(`Exported ${entries(count)} as ${format.toUpperCase()} to ${file}.\n`);
    return EXIT_OK;
  });
}
