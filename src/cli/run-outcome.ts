import type { Engine } from '../main/core/engine';
import { explainClosedOutput, stdoutLost } from './closed-output';
import type { CliContext } from './context';
import { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK } from './errors';
import { batchSummary } from './job-runner';
import type { RunJobsResult } from './job-runner';
import type { ResolvedKey } from './session';

// The last words of a run that went through the queue, and its exit code: 0 only when every job
// waited for is done. Whatever did not finish is still queued, and the message says how to go on.

const RESUME_HINT = 'will resume with `kiedrop queue --resume`';

function uploads(n: number): string {
  return n === 1 ? '1 upload is' : `${n} uploads are`;
}

/** How to get a working key, in the terms of where the rejected one came from. */
export function keyFix(key: ResolvedKey | null): string {
  return key?.keySource === 'env'
    ? 'fix KIEDROP_API_KEY (or unset it to use the key saved with `kiedrop key set`)'
    : 'run `kiedrop key set` with a current key';
}

export function pausedMessage(message: string, key: ResolvedKey | null, waiting: number): string {
  // The queue's own wording ("API key rejected — save a new key…") speaks of the app; keep its first half.
  const reason = message.split(' — ')[0] ?? message;
  return `${reason} — ${keyFix(key)}; ${uploads(waiting)} waiting and ${RESUME_HINT}.`;
}

/** What became of the jobs when nobody read their links any more (stdout closed early). */
export function closedOutputSummary(result: RunJobsResult, unfinished: number): string {
  const count = (status: string): number => result.jobs.filter((j) => j.status === status).length;
  const done = count('done');
  const failed = count('failed') + count('cancelled');
  const parts = [`${done} uploaded`];
  if (failed > 0) parts.push(`${failed} failed (the reasons are above)`);
  let text = `the uploads went on: ${parts.join(', ')}.`;
  if (done > 0) text += ` ${done === 1 ? 'Its link is' : 'Their links are'} in \`kiedrop history\`.`;
  if (unfinished > 0) text += ` ${uploads(unfinished)} waiting: run \`kiedrop queue --resume\`.`;
  return text;
}

export function finishRun(
  ctx: CliContext,
  engine: Engine,
  result: RunJobsResult,
  key: ResolvedKey | null,
  opts: { json?: boolean } = {},
): number {
  const unfinished = (): number => engine.queue.unfinishedCount();
  explainClosedOutput(
    ctx,
    result.interrupted ? 'the rest of the output was dropped.' : closedOutputSummary(result, unfinished()),
  );
  const lost = stdoutLost(ctx) !== null;
  // A batch ends with one line that counts its outcomes, below the links and the failures listed after
  // them. A script's stderr stays quiet when every file was uploaded; a person at a terminal sees it always.
  const allUploaded = result.jobs.every((j) => j.status === 'done');
  const countIt = ctx.isTTY.stderr || !allUploaded;
  // A paused queue has its own last line, which counts what waits.
  const paused = result.paused !== null && !allUploaded;
  if (opts.json !== true && !lost && !result.interrupted && !paused && result.jobs.length > 1 && countIt) {
    ctx.stderr.write(`kiedrop: ${batchSummary(result.jobs)}.\n`);
  }
  if (result.interrupted) {
    ctx.stderr.write(`kiedrop: cancelled; ${uploads(unfinished())} waiting and ${RESUME_HINT}.\n`);
    return EXIT_INTERRUPTED;
  }
  const allDone = result.jobs.every((j) => j.status === 'done');
  if (result.paused !== null && !allDone) {
    ctx.stderr.write(`kiedrop: ${pausedMessage(result.paused.message, key, unfinished())}\n`);
    return EXIT_FAILURE;
  }
  return allDone ? EXIT_OK : EXIT_FAILURE;
}

/** Said once before a new batch starts, so work left by a crash or Ctrl-C is not forgotten. */
export function earlierWorkNote(waiting: number): string {
  return waiting === 1
    ? '1 unfinished upload from an earlier run is waiting: run `kiedrop queue --resume`.'
    : `${waiting} unfinished uploads from an earlier run are waiting: run \`kiedrop queue --resume\`.`;
}
