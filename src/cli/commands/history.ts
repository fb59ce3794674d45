import type { HistoryPage, HistoryStore } from '../../main/core/history';
import type { KieDropDb } from '../../main/core/db';
import { withPins } from '../../main/core/keepalive/entry-pins';
import { savedLeadHours } from '../keepalive-lead';
import type { ParsedArgs } from '../args';
import { booleanFlag, stringFlag } from '../args';
import type { CliContext } from '../context';
import { withEngine } from '../engine-session';
import { CliFailure, EXIT_OK, UsageError } from '../errors';
import { failedJobsTable, historyTable } from '../history-table';
import { wholeNumberFlag } from '../number-flags';
import { historyEntryFor, historyRef, parseRecordId } from '../record-ids';
import { lifetimeNote } from '../lifetime-note';

const COMMAND = 'history';
export const HISTORY_STATUSES = ['all', 'active', 'expiring', 'expired', 'failed'] as const;
type HistoryStatus = (typeof HISTORY_STATUSES)[number];
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 10_000;

interface ListOptions {
  search: string | undefined;
  status: HistoryStatus;
  pinned: boolean;
  limit: number;
  offset: number;
  json: boolean;
}

function statusFlag(parsed: ParsedArgs): HistoryStatus {
  const value = stringFlag(parsed, 'status') ?? 'all';
  if (!(HISTORY_STATUSES as readonly string[]).includes(value)) {
    throw new UsageError(`--status must be one of ${HISTORY_STATUSES.join(', ')} (got "${value}")`, COMMAND);
  }
  return value as HistoryStatus;
}

/** "Showing 1–50 of 1234; next page: --offset 50": only when there is more than one page. */
function pageNote(shown: number, total: number, offset: number, what: string): string | null {
  if (shown === 0 || (offset === 0 && shown >= total)) return null;
  const more = offset + shown < total ? `; next page: --offset ${offset + shown}` : '';
  return `Showing ${what} ${offset + 1}–${offset + shown} of ${total}${more}.`;
}

function listFailed(ctx: CliContext, history: HistoryStore, o: ListOptions): void {
  const { jobs, total } = history.failedJobs({ limit: o.limit, offset: o.offset });
  if (o.json) {
    ctx.stdout.write(`${JSON.stringify({ jobs, total }, null, 2)}\n`);
    return;
  }
  if (jobs.length === 0) {
    ctx.stdout.write(
      total === 0 ? 'No failed uploads.\n' : `No failed uploads past ${o.offset} (${total} in all).\n`,
    );
    return;
  }
  const lines = failedJobsTable(jobs);
  const note = pageNote(jobs.length, total, o.offset, 'failed uploads');
  if (note !== null) lines.push('', note);
  lines.push('', 'Retry them with `kiedrop queue --retry-failed`.');
  ctx.stdout.write(`${lines.join('\n')}\n`);
}

/** What a bounded search left out, so a reader never takes a partial list for the whole. */
function searchNotes(page: HistoryPage): string[] {
  const notes: string[] = [];
  if (page.totalIsLowerBound === true) {
    notes.push(
      `More than ${page.total.toLocaleString('en')} entries match; only the newest ${page.total.toLocaleString('en')} are listed. ` +
        'Search for more of the name to narrow it down, or use `kiedrop export --search` for every match.',
    );
  }
  if (page.searchedNewest !== undefined) {
    notes.push(
      `A search of 1 or 2 characters looks through the newest ${page.searchedNewest.toLocaleString('en')} entries only; ` +
        'type 3 or more to search them all.',
    );
  }
  return notes;
}

function listEntries(
  ctx: CliContext,
  engine: { history: HistoryStore; db: KieDropDb },
  o: ListOptions,
  leadMs: number,
): void {
  const status = o.status === 'failed' ? 'all' : o.status;
  const listed = engine.history.list({
    search: o.search,
    status,
    limit: o.limit,
    offset: o.offset,
    ...(o.pinned && { pinned: true }),
  });
  const page = { ...listed, entries: withPins(engine.db, listed.entries, leadMs, ctx.now().getTime()) };
  const { entries, total } = page;
  // On stderr, so `--json` stays one document.
  const shorter = lifetimeNote(engine.history.lifetime());
  if (shorter !== null) ctx.stderr.write(`${shorter}\n`);
  if (o.json) {
    // `pinned` on every entry, so a script need not know that `pin` is absent for never-pinned ones.
    const json = { ...page, entries: entries.map((e) => ({ ...e, pinned: e.pin?.pinned === true })) };
    ctx.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  const notes = searchNotes(page);
  if (entries.length === 0) {
    const filtered = o.search !== undefined || status !== 'all' || o.pinned;
    ctx.stdout.write(
      total > 0
        ? `No entries past ${o.offset} (${total} in all).\n`
        : filtered
          ? 'No history entries match.\n'
          : 'No uploads in the history yet.\n',
    );
    for (const line of notes) ctx.stdout.write(`${line}\n`);
    return;
  }
  const lines = historyTable(entries, ctx.now());
  const note = pageNote(entries.length, total, o.offset, 'entries');
  if (note !== null) lines.push('', note);
  if (notes.length > 0) lines.push('', ...notes);
  ctx.stdout.write(`${lines.join('\n')}\n`);
}

export async function runHistory(ctx: CliContext, parsed: ParsedArgs): Promise<number> {
  const deleteId = stringFlag(parsed, 'delete');
  const clearExpired = booleanFlag(parsed, 'clear-expired');
  if (parsed.positionals.length > 0) {
    throw new UsageError(`unexpected argument "${parsed.positionals[0]}"; to search, use --search`, COMMAND);
  }
  const listing = ['search', 'status', 'pinned', 'limit', 'offset'].filter(
    (f) => parsed.flags[f] !== undefined,
  );
  if (deleteId !== undefined && clearExpired) {
    throw new UsageError('use either --delete or --clear-expired, not both', COMMAND);
  }
  if ((deleteId !== undefined || clearExpired) && listing.length > 0) {
    throw new UsageError(
      `--${listing[0]} is for listing; it cannot be combined with ${clearExpired ? '--clear-expired' : '--delete'}`,
      COMMAND,
    );
  }
  const ref = deleteId === undefined ? undefined : parseRecordId(deleteId, 'history', '--delete', COMMAND);
  const options: ListOptions = {
    search: stringFlag(parsed, 'search'),
    status: statusFlag(parsed),
    pinned: booleanFlag(parsed, 'pinned'),
    limit: wholeNumberFlag(parsed, 'limit', { min: 1, max: MAX_LIMIT }, COMMAND) ?? DEFAULT_LIMIT,
    offset: wholeNumberFlag(parsed, 'offset', { min: 0 }, COMMAND) ?? 0,
    json: booleanFlag(parsed, 'json'),
  };
  if (options.search !== undefined && options.status === 'failed') {
    throw new UsageError('--search works on uploaded entries, not with --status failed', COMMAND);
  }
  if (options.pinned && options.status === 'failed') {
    throw new UsageError('--pinned lists uploaded entries; failed uploads have no link to pin', COMMAND);
  }

  return withEngine(ctx, parsed, { needsKey: false }, async ({ engine }) => {
    const { history } = engine;
    if (ref !== undefined) {
      const entry = historyEntryFor(history, ref);
      if (!history.delete(entry.id)) {
        throw new CliFailure(
          `There is no history entry ${historyRef(entry.id)}; \`kiedrop history\` lists the entries and their ids.`,
        );
      }
      write(
        ctx,
        options.json,
        { deleted: entry.id },
        `Deleted history entry ${historyRef(entry.id)} (${entry.fileName}). The file stays on the server until its link expires.`,
      );
      return EXIT_OK;
    }
    if (clearExpired) {
      const removed = history.clearExpired();
      write(
        ctx,
        options.json,
        { removed },
        removed === 0
          ? 'No expired entries to remove.'
          : `Removed ${removed} expired ${removed === 1 ? 'entry' : 'entries'}.`,
      );
      return EXIT_OK;
    }
    if (options.status === 'failed') listFailed(ctx, history, options);
    else listEntries(ctx, engine, options, savedLeadHours(ctx) * 60 * 60 * 1000);
    return EXIT_OK;
  });
}

function write(ctx: CliContext, json: boolean, data: object, text: string): void {
  ctx.stdout.write(json ? `${JSON.stringify(data)}\n` : `${text}\n`);
}
