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
//   KIEDROP_LEASE_MS            How long a job this process claimed stays leased without renewal (default
//                               60000 ms), so a test can suspend a process for longer than its lease in seconds.
//   KIEDROP_IDLE_TIMEOUT_MS     How long connecting (a proxy's answer to CONNECT included) or sending may make
//                               no progress before the request is stopped (default 30000 ms).
//   KIEDROP_RESPONSE_TIMEOUT_MS How long the server's whole answer (headers and body) may take once the request
//                               is sent (default 300000 ms), so a never-ending answer is tested in seconds.

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

export const ENV_LEASE_MS = 'KIEDROP_LEASE_MS';

/** The lease length the queue should use, or undefined for its default. */
export function readLeaseMs(env: Environment): number | undefined {
  return integer(env, ENV_LEASE_MS, 100);
}

export const ENV_IDLE_TIMEOUT_MS = 'KIEDROP_IDLE_TIMEOUT_MS';
export const ENV_RESPONSE_TIMEOUT_MS = 'KIEDROP_RESPONSE_TIMEOUT_MS';

/** Request time limits for the API client; each undefined one keeps the client's default. */
export function readTimeoutKnobs(env: Environment): { idleTimeoutMs?: number; responseTimeoutMs?: number } {
  const idleTimeoutMs = integer(env, ENV_IDLE_TIMEOUT_MS, 1);
  const responseTimeoutMs = integer(env, ENV_RESPONSE_TIMEOUT_MS, 1);
  return {
    ...(idleTimeoutMs === undefined ? {} : { idleTimeoutMs }),
    ...(responseTimeoutMs === undefined ? {} : { responseTimeoutMs }),
  };
}
