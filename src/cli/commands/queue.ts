import type { Engine } from '../../main/core/engine';
import type { JobSnapshot } from '../../main/core/queue';
import type { ParsedArgs } from '../args';
import { booleanFlag, stringFlag } from '../args';
import type { CliContext } from '../context';
import { openCliEngine, withEngine } from '../engine-session';
import { CliFailure, EXIT_OK, UsageError } from '../errors';
import { jobsTable } from '../history-table';
import { jobJson } from '../job-json';
import { runJobs } from '../job-runner';
import { wholeNumberFlag } from '../number-flags';
import { jobIdFor, jobRef, parseRecordId } from '../record-ids';
import { finishRun } from '../run-outcome';
import { MAX_CONCURRENCY } from '../../main/core/queue/defaults';

const COMMAND = 'queue';
const ACTIONS = ['resume', 'retry-failed', 'cancel', 'cancel-all'] as const;

function chosenAction(parsed: ParsedArgs): (typeof ACTIONS)[number] | 'list' {
  const given = ACTIONS.filter((a) => parsed.flags[a] !== undefined);
  if (given.length > 1) {
    throw new UsageError(`choose one of --${given.join(', --')}`, COMMAND);
  }
  return given[0] ?? 'list';
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function list(ctx: CliContext, engine: Engine, json: boolean): number {
  engine.queue.recoverAbandoned();
  const unfinished = engine.queue.list({ status: ['queued', 'uploading'] });
  const failed = engine.queue.list({ status: 'failed' });
  if (json) {
    ctx.stdout.write(`${JSON.stringify({ unfinished, failed }, null, 2)}\n`);
    return EXIT_OK;
  }
  if (unfinished.length === 0 && failed.length === 0) {
    ctx.stdout.write('The queue is empty: no unfinished or failed uploads.\n');
    return EXIT_OK;
  }
  const lines = jobsTable([...unfinished, ...failed], ctx.now().getTime());
  lines.push('');
  const waiting = unfinished.filter((j) => j.status === 'queued').length;
  if (waiting > 0) {
    lines.push(
      `${plural(waiting, 'upload is', 'uploads are')} waiting: run \`kiedrop queue --resume\` to finish them.`,
    );
  }
  const running = unfinished.length - waiting;
  if (running > 0) {
    lines.push(
      `${plural(running, 'upload is', 'uploads are')} being sent by another KieDrop process right now.`,
    );
  }
  if (failed.length > 0) {
    lines.push(
      `${plural(failed.length, 'upload', 'uploads')} failed: \`kiedrop queue --retry-failed\` tries again, ` +
        '`kiedrop queue --cancel-all` drops what is unfinished.',
    );
  }
  ctx.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

/** Runs `jobs` to the end with progress; prints JSON at the end when asked. */
async function runToEnd(
  ctx: CliContext,
  parsed: ParsedArgs,
  pick: (engine: Engine) => JobSnapshot[],
  nothing: string,
): Promise<number> {
  const json = booleanFlag(parsed, 'json');
  const concurrency = wholeNumberFlag(parsed, 'concurrency', { min: 1, max: MAX_CONCURRENCY }, COMMAND);
  const { engine, key } = await openCliEngine(ctx, parsed, { needsKey: true, concurrency });
  try {
    const jobs = pick(engine);
    if (jobs.length === 0) {
      ctx.stdout.write(json ? '[]\n' : `${nothing}\n`);
      return EXIT_OK;
    }
    if (!json) ctx.stderr.write(`kiedrop: finishing ${plural(jobs.length, 'upload', 'uploads')}…\n`);
    const result = await runJobs(ctx, engine, { jobs, json });
    if (json) {
      const out = result.jobs.map((job) => ({
        file: job.localPath ?? job.sourceUrl ?? job.fileName,
        ...jobJson(job, result.entries.get(job.id) ?? engine.history.getByJobId(job.id)),
      }));
      ctx.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    }
    return finishRun(ctx, engine, result, key, { json });
  } finally {
    await engine.close();
  }
}

export async function runQueue(ctx: CliContext, parsed: ParsedArgs): Promise<number> {
  if (parsed.positionals.length > 0) {
    throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`, COMMAND);
  }
  const action = chosenAction(parsed);
  const json = booleanFlag(parsed, 'json');
  if (parsed.flags['concurrency'] !== undefined && action !== 'resume' && action !== 'retry-failed') {
    throw new UsageError('--concurrency applies to --resume and --retry-failed', COMMAND);
  }

  switch (action) {
    case 'resume':
      return runToEnd(
        ctx,
        parsed,
        (engine) => {
          // Jobs a dead process left 'uploading' count as unfinished: take them back first.
          engine.queue.recoverAbandoned();
          return engine.queue.list({ status: ['queued', 'uploading'] });
        },
        'Nothing to resume: there are no unfinished uploads.',
      );
    case 'retry-failed':
      return runToEnd(
        ctx,
        parsed,
        (engine) => {
          const ids = engine.queue.list({ status: 'failed' }).map((j) => j.id);
          engine.queue.retryFailed(ids);
          return ids.flatMap((id) => engine.queue.get(id) ?? []);
        },
        'No failed uploads to retry.',
      );
    case 'cancel': {
      const ref = parseRecordId(stringFlag(parsed, 'cancel') ?? '', 'job', '--cancel', COMMAND);
      return withEngine(ctx, parsed, { needsKey: false }, async ({ engine }) => {
        const id = jobIdFor(engine.history, ref);
        const job = engine.queue.get(id);
        if (!job) throw new CliFailure(`There is no upload job ${jobRef(id)}; \`kiedrop queue\` lists them.`);
        if (!engine.queue.cancel(id)) {
          throw new CliFailure(
            `Upload job ${jobRef(id)} (${job.fileName}) is ${job.status}, so there is nothing to cancel.`,
          );
        }
        ctx.stdout.write(
          json
            ? `${JSON.stringify({ cancelled: [id] })}\n`
            : `Cancelled upload job ${jobRef(id)} (${job.fileName}).\n`,
        );
        return EXIT_OK;
      });
    }
    case 'cancel-all':
      return withEngine(ctx, parsed, { needsKey: false }, async ({ engine }) => {
        const ids = engine.queue.list({ status: ['queued', 'uploading'] }).map((j) => j.id);
        const cancelled = ids.filter((id) => engine.queue.cancel(id));
        ctx.stdout.write(
          json
            ? `${JSON.stringify({ cancelled })}\n`
            : cancelled.length === 0
              ? 'Nothing to cancel: there are no unfinished uploads.\n'
              : `Cancelled ${plural(cancelled.length, 'unfinished upload', 'unfinished uploads')}.\n`,
        );
        return EXIT_OK;
      });
    case 'list':
      return withEngine(ctx, parsed, { needsKey: false }, async ({ engine }) => list(ctx, engine, json));
  }
}
