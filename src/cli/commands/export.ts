import { rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ParsedArgs } from '../args';
import { stringFlag } from '../args';
import type { CliContext } from '../context';
import { withEngine } from '../engine-session';
import { CliFailure, EXIT_OK, UsageError } from '../errors';

const COMMAND = 'export';
const FORMATS = ['json', 'csv'] as const;
type ExportFormat = (typeof FORMATS)[number];
const STATUSES = ['all', 'active', 'expiring', 'expired'] as const;

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`, COMMAND);
  }
  return value as T;
}

/** Written next to the target and renamed over it, so an interrupted export never leaves half a file. */
async function writeWhole(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temp, text);
    await rename(temp, file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new CliFailure(
      `Could not write ${file} (${code}). Check the folder exists and you may write there.`,
    );
  }
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

  return withEngine(ctx, parsed, { needsKey: false }, async ({ engine }) => {
    const text = engine.history.exportAll(format, { status, search });
    if (output === undefined || output === '-') {
      ctx.stdout.write(text);
      return EXIT_OK;
    }
    const file = resolve(output);
    await writeWhole(file, text);
    const count = engine.history.list({ status, search, limit: 0 }).total;
    ctx.stderr.write(
      `Exported ${count} ${count === 1 ? 'entry' : 'entries'} as ${format.toUpperCase()} to ${file}.\n`,
    );
    return EXIT_OK;
  });
}
