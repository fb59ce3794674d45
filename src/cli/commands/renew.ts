import { randomUUID } from 'node:crypto';
import { toDatabaseError } from '../../main/core/db';
import type { HistoryEntry } from '../../main/core/history';
import type { JobSnapshot } from '../../main/core/queue';
import type { ParsedArgs } from '../args';
import { booleanFlag } from '../args';
import type { CliContext } from '../context';
import { withEngine } from '../engine-session';
import { CliFailure } from '../errors';
import { formatLinkLine } from '../format';
import { jobJson } from '../job-json';
import { runJobs } from '../job-runner';
import { historyEntryFor, historyRef, oneHistoryIdArg } from '../record-ids';
import { finishRun } from '../run-outcome';
import { COPIES_FOLDER_NAME } from '../../main/core/copies/copy-store';

const COMMAND = 'renew';

/** Which way the fresh link was made, in words a person can check. */
export function routeDescription(job: JobSnapshot): string {
  const fromCopy = job.localPath !== null && job.localPath.split(/[\\/]/u).includes(COPIES_FOLDER_NAME);
  if (job.method === 'stream' && fromCopy)
    return "re-uploaded from KieDrop's local copy of the link's bytes (the link had expired)";
  return job.method === 'url'
    ? 'asked the server to fetch the still-live link (the local file is gone or changed)'
    : `re-uploaded from the local file ${job.localPath ?? ''}`.trimEnd();
}

export async function runRenew(ctx: CliContext, parsed: ParsedArgs): Promise<number> {
  const ref = oneHistoryIdArg(parsed.positionals, COMMAND);
  const json = booleanFlag(parsed, 'json');

  return withEngine(ctx, parsed, { needsKey: true }, async ({ engine, key }) => {
    // Its own batch, so only this renewal runs, not whatever else is waiting in the queue.
    const batchId = randomUUID();
    const id = historyEntryFor(engine.history, ref).id;
    let job: JobSnapshot;
    try {
      job = await engine.queue.renew(id, { batchId });
    } catch (err) {
      // The queue explains why neither route works; database trouble has its own report.
      if (toDatabaseError(err) !== null || !(err instanceof Error)) throw err;
      // The queue numbers entries bare; here they carry the prefix the other commands show.
      throw new CliFailure(err.message.replace(/history entry (\d+)/gu, 'history entry h$1'));
    }
    const doneLine = (entry: HistoryEntry, done: JobSnapshot): string =>
      `Renewed history entry ${historyRef(id)} as ${historyRef(entry.id)}: ${routeDescription(done)}.\n` +
      formatLinkLine({ name: entry.fileName, url: entry.downloadUrl, expiresAt: entry.expiresAt }, ctx.now());
    const result = await runJobs(ctx, engine, {
      jobs: [job],
      batchId,
      json,
      label: (j) => j.fileName,
      doneLine,
    });
    if (json) {
      const final = result.jobs[0] ?? job;
      const entry = result.entries.get(final.id) ?? engine.history.getByJobId(final.id);
      ctx.stdout.write(
        `${JSON.stringify({ renewed: id, route: final.method === 'url' ? 'url' : 'local-file', ...jobJson(final, entry) }, null, 2)}\n`,
      );
    }
    return finishRun(ctx, engine, result, key, { json });
  });
}
