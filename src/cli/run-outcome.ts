import type { Engine } from '../main/core/engine';
import type { CliContext } from './context';
import { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK } from './errors';
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

export function finishRun(
  ctx: CliContext,
  engine: Engine,
  result: RunJobsResult,
  key: ResolvedKey | null,
): number {
  const unfinished = (): number => engine.queue.unfinishedCount();
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
