import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_RETRY, retryDelay } from '../../src/main/core/queue/backoff';
import { decideAfterFailure } from '../../src/main/core/queue/retry-policy';

const policy = { baseDelayMs: 1000, maxDelayMs: 300_000 };
const top = () => 0.999999;

describe('backoffDelay (exponential, full jitter)', () => {
  it('doubles the ceiling with each failure: about 1 s, 2 s, 4 s, 8 s', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, top))).toEqual([999, 1999, 3999, 7999]);
  });

  it('never waits longer than the 5 minute cap, even after many failures', () => {
    expect(backoffDelay(9, policy, top)).toBe(255_999);
    expect(backoffDelay(10, policy, top)).toBe(299_999);
    expect(backoffDelay(5000, policy, top)).toBe(299_999);
  });

  it('spreads retries across the whole range, so clients failing together do not retry together', () => {
    expect(backoffDelay(4, policy, () => 0)).toBe(0);
    expect(backoffDelay(4, policy, () => 0.5)).toBe(4000);
  });

  it('uses the documented defaults: 8 attempts, 1 s base, 5 min cap', () => {
    expect(DEFAULT_RETRY).toEqual({ maxAttempts: 8, baseDelayMs: 1000, maxDelayMs: 300_000 });
  });
});

describe('retryDelay', () => {
  it("waits exactly as long as the server's Retry-After asks", () => {
    expect(retryDelay(1, 7000, policy, top)).toBe(7000);
    expect(retryDelay(6, 0, policy, top)).toBe(0);
  });

  it('falls back to backoff when there is no Retry-After', () => {
    expect(retryDelay(2, undefined, policy, top)).toBe(1999);
  });
});

describe('decideAfterFailure', () => {
  const facts = { attempts: 1, maxAttempts: 8 };

  it.each(['network', 'timeout', 'server', 'maintenance', 'rate-limited'] as const)(
    'retries %s failures',
    (kind) => {
      expect(decideAfterFailure({ ...facts, kind }, policy, () => 0.5).action).toBe('retry');
    },
  );

  it.each([
    'bad-request',
    'insufficient-credits',
    'not-found',
    'method-not-allowed',
    'validation',
    'feature-disabled',
    'invalid-input',
    'invalid-response',
    'local-file',
    'unknown',
  ] as const)('fails %s at once: retrying would fail the same way', (kind) => {
    expect(decideAfterFailure({ ...facts, kind }, policy)).toEqual({ action: 'fail' });
  });

  it('pauses the whole queue on a rejected key instead of failing the job', () => {
    expect(decideAfterFailure({ ...facts, kind: 'auth' }, policy)).toEqual({ action: 'pause-auth' });
  });

  it('puts an aborted attempt back without judging it', () => {
    expect(decideAfterFailure({ ...facts, kind: 'aborted' }, policy)).toEqual({ action: 'requeue' });
  });

  it('gives up on a transient failure once the attempts are used up', () => {
    expect(decideAfterFailure({ kind: 'server', attempts: 7, maxAttempts: 8 }, policy).action).toBe('retry');
    expect(decideAfterFailure({ kind: 'server', attempts: 8, maxAttempts: 8 }, policy)).toEqual({
      action: 'fail',
    });
  });

  it('honours Retry-After for a 429', () => {
    expect(decideAfterFailure({ ...facts, kind: 'rate-limited', retryAfterMs: 30_000 }, policy)).toEqual({
      action: 'retry',
      delayMs: 30_000,
    });
  });

  it('retries a file that changed while it was being sent: the next try sends the new content', () => {
    expect(
      decideAfterFailure({ ...facts, kind: 'local-file', fileChangedWhileSending: true }, policy).action,
    ).toBe('retry');
  });

  it('keeps retrying after a database hiccup even past the attempts budget: the upload itself worked', () => {
    expect(decideAfterFailure({ kind: 'database', attempts: 20, maxAttempts: 8 }, policy, top)).toEqual({
      action: 'retry',
      delayMs: 299_999,
    });
  });
});
