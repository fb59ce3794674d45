import type { CliContext } from './context';

// The one stderr line for "stdout went away before the command was done" (`… | head -1`). A command
// that knows what became of its work says it (finishRun: "20 uploaded"); otherwise main.ts says the
// generic version as the process ends. Never twice for one run.

const explained = new WeakSet<CliContext>();

/** 'EPIPE' when stdout's reader went away during this run, else null. */
export function stdoutLost(ctx: CliContext): string | null {
  return ctx.stdoutLost?.() ?? null;
}

function say(ctx: CliContext, code: string, rest: string): void {
  if (explained.has(ctx)) return;
  explained.add(ctx);
  ctx.stderr.write(`kiedrop: output closed early (${code}); ${rest}\n`);
}

/** `what` tells what became of the work, e.g. "the uploads went on: 20 uploaded". */
export function explainClosedOutput(ctx: CliContext, what: string): void {
  const code = stdoutLost(ctx);
  if (code !== null) say(ctx, code, what);
}

/** At the very end, for commands that had nothing more specific to say. */
export function explainClosedOutputAtExit(ctx: CliContext, exitCode: number): void {
  const code = stdoutLost(ctx);
  if (code !== null)
    say(ctx, code, `the rest of the output was dropped; the command ran to its end (exit ${exitCode}).`);
}
