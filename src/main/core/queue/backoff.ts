// Exponential backoff with "full jitter": the wait is random in [0, min(cap, base·2^n)), so many
// clients failing at once (a server restart) spread out instead of retrying in lockstep.

export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY = { maxAttempts: 8, baseDelayMs: 1000, maxDelayMs: 300_000 } as const;

/** Delay before the next try after `failedAttempts` failures (1 after the first failure). */
export function backoffDelay(
  failedAttempts: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, failedAttempts - 1);
  // 2^exponent overflows to Infinity long before it matters; min() with the cap keeps it finite.
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}

/** A server's Retry-After wins over our own guess: it knows when it will accept us again. But never
 * beyond the backoff maximum (at least the default 5 min, so a policy tuned for quick retries still
 * honours a short wait): a job parked for days, or for ever on a broken header, looks lost. */
export function retryDelay(
  failedAttempts: number,
  retryAfterMs: number | undefined,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs >= 0) {
    return Math.min(retryAfterMs, Math.max(policy.maxDelayMs, DEFAULT_RETRY.maxDelayMs));
  }
  return backoffDelay(failedAttempts, policy, random);
}
