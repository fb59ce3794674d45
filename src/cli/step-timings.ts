// Test-only (KIEDROP_TEST_TIMINGS=1, docs/cli.md): when each step of a command was reached, in ms since
// the process started, written to stderr as one JSON line at exit. The start-up bench reads it to say where
// a one-file upload's time goes. Off, it costs one environment lookup.
import type { Environment } from '../main/core/config';

export const ENV_TEST_TIMINGS = 'KIEDROP_TEST_TIMINGS';

let steps: Record<string, number> | null = null;

export function startStepTimings(env: Environment): void {
  if (env[ENV_TEST_TIMINGS] !== '1' || steps !== null) return;
  steps = {};
  process.once('exit', () => {
    markStep('exit');
    process.stderr.write(`kiedrop-timings ${JSON.stringify(steps)}\n`);
  });
}

/** Notes that `step` was reached now (the first time only). */
export function markStep(step: string): void {
  if (steps !== null && !(step in steps)) steps[step] = Math.round(performance.now() * 10) / 10;
}
