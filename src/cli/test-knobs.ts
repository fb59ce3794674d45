import type { Environment } from '../main/core/config';
import { CliFailure, EXIT_USAGE } from './errors';

// Environment variables that exist only so the acceptance tests can run real processes quickly and
// deterministically. They are deliberately left out of --help: nobody needs them in daily use.
//
//   KIEDROP_RETRY_BASE_MS       Base delay of the retry backoff (default 1000 ms). A fault test with
//                               hundreds of injected failures would otherwise spend minutes waiting.
//   KIEDROP_RETRY_MAX_ATTEMPTS  Attempts per upload before it is marked failed (default 8), so a test
//                               that injects random failures cannot fail a file by bad luck.
//   KIEDROP_NOW_OFFSET_MS       Shifts the CLI's clock by this many ms (may be negative), so expiry can be
//                               tested without waiting three days. Affects expiry display and status.

export const ENV_RETRY_BASE_MS = 'KIEDROP_RETRY_BASE_MS';
export const ENV_RETRY_MAX_ATTEMPTS = 'KIEDROP_RETRY_MAX_ATTEMPTS';
export const ENV_NOW_OFFSET_MS = 'KIEDROP_NOW_OFFSET_MS';

export interface TestKnobs {
  retry: { baseDelayMs?: number; maxAttempts?: number };
  nowOffsetMs: number;
}

function integer(env: Environment, name: string, min: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  // A typo here would silently change timing; better to say so.
  if (!Number.isSafeInteger(value) || value < min) {
    throw new CliFailure(`${name} must be a whole number of at least ${min} (got "${raw}").`, EXIT_USAGE);
  }
  return value;
}

export function readTestKnobs(env: Environment): TestKnobs {
  const baseDelayMs = integer(env, ENV_RETRY_BASE_MS, 0);
  const maxAttempts = integer(env, ENV_RETRY_MAX_ATTEMPTS, 1);
  return {
    retry: {
      ...(baseDelayMs === undefined ? {} : { baseDelayMs }),
      ...(maxAttempts === undefined ? {} : { maxAttempts }),
    },
    nowOffsetMs: integer(env, ENV_NOW_OFFSET_MS, Number.MIN_SAFE_INTEGER) ?? 0,
  };
}
