import type { HistoryEntry, HistoryStore } from '../main/core/history';
import { CliFailure, UsageError } from './errors';

// Upload jobs and history entries are numbered apart, so the same number can name a job and an unrelated
// entry, and one file has a job number in `kiedrop queue` and an entry number in `kiedrop history`.
// Output therefore prefixes them ("j12", "h34"), and every command that takes an id accepts either
// form: an entry can be named by the job that made it, and a job by the entry it made. A bare number
// means what the command works on (an entry for `renew`, a job for `queue --cancel`).

export type IdKind = 'job' | 'history';

const PREFIX: Readonly<Record<IdKind, string>> = { job: 'j', history: 'h' };

export function jobRef(id: number): string {
  return `j${id}`;
}

export function historyRef(id: number): string {
  return `h${id}`;
}

export interface RecordId {
  kind: IdKind;
  id: number;
}

/** "h34", "j12", or a bare "34" meaning `bare`. Anything else is a usage error naming `what`. */
export function parseRecordId(text: string, bare: IdKind, what: string, command: string): RecordId {
  const match = /^([hj]?)(\d+)$/iu.exec(text.trim());
  const id = match === null ? NaN : Number(match[2]);
  if (match === null || !Number.isSafeInteger(id) || id < 1) {
    throw new UsageError(
      `${what} must be an entry id like h34 or a job id like j12, as \`kiedrop history\` and \`kiedrop queue\` show them (got "${text}")`,
      command,
    );
  }
  const letter = (match[1] ?? '').toLowerCase();
  return { kind: letter === PREFIX.job ? 'job' : letter === PREFIX.history ? 'history' : bare, id };
}

/** The history entry `ref` names: directly, or as the entry its upload job made. */
export function historyEntryFor(history: HistoryStore, ref: RecordId): HistoryEntry {
  if (ref.kind === 'history') {
    const entry = history.get(ref.id);
    if (entry === undefined) {
      throw new CliFailure(
        `There is no history entry ${historyRef(ref.id)}; \`kiedrop history\` lists the entries and their ids.`,
      );
    }
    return entry;
  }
  const entry = history.getByJobId(ref.id);
  if (entry === undefined) {
    throw new CliFailure(
      `Upload job ${jobRef(ref.id)} has no history entry (it is not uploaded, or there is no such job); ` +
        '`kiedrop history` lists the entries and `kiedrop queue` the unfinished jobs.',
    );
  }
  return entry;
}

/** The upload job `ref` names: directly, or as the job that made a history entry. */
export function jobIdFor(history: HistoryStore, ref: RecordId): number {
  if (ref.kind === 'job') return ref.id;
  const entry = history.get(ref.id);
  if (entry === undefined) {
    throw new CliFailure(`There is no history entry ${historyRef(ref.id)}; \`kiedrop history\` lists them.`);
  }
  if (entry.jobId === null) {
    throw new CliFailure(`History entry ${historyRef(ref.id)} was not made by an upload job of this queue.`);
  }
  return entry.jobId;
}

/** The one history id a command takes as its argument (`kiedrop renew 12`, `pin h12`, `qr 12`, `save 12`). */
export function oneHistoryIdArg(positionals: readonly string[], command: string): RecordId {
  const [idText, ...extra] = positionals;
  if (idText === undefined)
    throw new UsageError('which entry? Pass its id, as `kiedrop history` shows it', command);
  if (extra.length > 0) throw new UsageError(`takes one history id (got ${positionals.length})`, command);
  return parseRecordId(idText, 'history', 'the id', command);
}
