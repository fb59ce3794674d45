// What happens to a job after a failed attempt. Only failures that may go away on their own are
// retried; a refusal (400, 402, 422…) or a missing file would fail the same way every time.
import type { ApiErrorKind } from '../api';
import { MAX_RETRY_AFTER_MS } from '../api/error-from-response';
import { retryDelay } from './backoff';
import type { BackoffPolicy } from './backoff';

export type FailureDecision =
  | { action: 'retry'; delayMs: number }
  | { action: 'fail' }
  /** The key was rejected: every job would fail the same way, so the whole queue waits for a new key. */
  | { action: 'pause-auth' }
  /** Stopped on purpose (queue stopping, lease lost): back to the queue without counting the attempt. */
  | { action: 'requeue' };

const TRANSIENT: ReadonlySet<string> = new Set([
  'network',
  'timeout',
  'server',
  'maintenance',
  'rate-limited',
]);

export interface FailureFacts {
  /** ApiError kind, or 'database' / 'unknown' for failures outside the client. */
  kind: ApiErrorKind | 'database' | 'unknown';
  /** Attempts made so far, this one included. */
  attempts: number;
  maxAttempts: number;
  retryAfterMs?: number;
  /** A 'local-file' failure where the file is still there but changed while it was being read. */
  fileChangedWhileSending?: boolean;
}

export function decideAfterFailure(
  facts: FailureFacts,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): FailureDecision {
  if (facts.kind === 'auth') return { action: 'pause-auth' };
  if (facts.kind === 'aborted') return { action: 'requeue' };
  const transient =
    TRANSIENT.has(facts.kind) ||
    facts.kind === 'database' ||
    (facts.kind === 'local-file' && facts.fileChangedWhileSending === true);
  if (!transient) return { action: 'fail' };
  // Asked to stay away for more than an hour (or for ever): the error already says so in the
  // server's words; waiting that long in silence would look like a lost upload.
  if (facts.retryAfterMs !== undefined && !(facts.retryAfterMs <= MAX_RETRY_AFTER_MS))
    return { action: 'fail' };
  // A database hiccup is ours, not the upload's: it never uses up the job's attempts.
  if (facts.kind !== 'database' && facts.attempts >= facts.maxAttempts) return { action: 'fail' };
  return { action: 'retry', delayMs: retryDelay(facts.attempts, facts.retryAfterMs, policy, random) };
}
