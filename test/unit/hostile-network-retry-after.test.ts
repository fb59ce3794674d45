// Retry-After as a hostile or broken server may send it: reading the header, capping the wait at the
// backoff maximum, refusing waits beyond an hour as a failure that quotes the server, and the line the
// CLI prints while it waits.
import { describe, expect, it } from 'vitest';
import {
  errorFromStatus,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
} from '../../src/main/core/api/error-from-response';
import { DEFAULT_RETRY, retryDelay } from '../../src/main/core/queue/backoff';
import { decideAfterFailure } from '../../src/main/core/queue/retry-policy';
import type { JobSnapshot } from '../../src/main/core/queue';
import { retryLine } from '../../src/cli/retry-line';

const NOW = Date.parse('2025-01-01T12:00:00Z');
const policy = { baseDelayMs: DEFAULT_RETRY.baseDelayMs, maxDelayMs: DEFAULT_RETRY.maxDelayMs };
const facts = { kind: 'rate-limited' as const, attempts: 2, maxAttempts: 8 };

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP-dates', () => {
    expect(parseRetryAfter('12', NOW)).toBe(12_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 12:05:00 GMT', NOW)).toBe(300_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 11:00:00 GMT', NOW)).toBe(0);
  });

  it('keeps an absurd number a finite, safe count of milliseconds', () => {
    for (const value of ['99999999999999999999', '9'.repeat(400)]) {
      const ms = parseRetryAfter(value, NOW);
      expect(Number.isSafeInteger(ms)).toBe(true);
      expect(ms).toBeGreaterThan(MAX_RETRY_AFTER_MS);
    }
  });
});

describe('the wait before a retry', () => {
  it('is what the server asks, up to the backoff maximum of 5 minutes', () => {
    expect(retryDelay(2, 12_000, policy)).toBe(12_000);
    expect(retryDelay(2, 600_000, policy)).toBe(300_000);
    expect(retryDelay(2, MAX_RETRY_AFTER_MS, policy)).toBe(300_000);
  });

  it('follows a larger backoff maximum, and a quick-retry policy still honours a short wait', () => {
    expect(retryDelay(2, 900_000, { baseDelayMs: 1000, maxDelayMs: 600_000 })).toBe(600_000);
    expect(retryDelay(2, 2000, { baseDelayMs: 5, maxDelayMs: 100 })).toBe(2000);
    expect(retryDelay(2, 600_000, { baseDelayMs: 5, maxDelayMs: 100 })).toBe(300_000);
  });

  it('is capped in the decision too, up to an hour asked', () => {
    expect(decideAfterFailure({ ...facts, retryAfterMs: 3600_000 }, policy)).toEqual({
      action: 'retry',
      delayMs: 300_000,
    });
    expect(decideAfterFailure({ ...facts, retryAfterMs: 2000 }, policy)).toEqual({
      action: 'retry',
      delayMs: 2000,
    });
  });

  it.each([
    ['a bit more than an hour', '3601'],
    ['99999999999999999999 seconds', '99999999999999999999'],
    ['400 nines', '9'.repeat(400)],
    ['a date in 2099', 'Thu, 01 Jan 2099 00:00:00 GMT'],
  ])('is not waited at all when the server asks for %s: the job fails', (_, header) => {
    const retryAfterMs = parseRetryAfter(header, NOW);
    expect(decideAfterFailure({ ...facts, retryAfterMs }, policy)).toEqual({ action: 'fail' });
    expect(decideAfterFailure({ ...facts, kind: 'server', retryAfterMs }, policy)).toEqual({
      action: 'fail',
    });
  });
});

describe('the error for a wait that is too long', () => {
  it('quotes the header and the server, and says how long was asked', () => {
    const err = errorFromStatus(429, {
      retryAfter: 'Thu, 01 Jan 2099 00:00:00 GMT',
      serverMessage: 'Quota exhausted',
      now: NOW,
    });
    expect(err.kind).toBe('rate-limited');
    expect(err.message).toBe(
      'Too many requests (429): the server asks not to be tried again for more than a year ' +
        '(Retry-After: Thu, 01 Jan 2099 00:00:00 GMT), longer than KieDrop waits (1 h). Try again later. ' +
        'The server said: "Quota exhausted"',
    );
  });

  it('names hours and days plainly, and shortens a header of any length', () => {
    expect(errorFromStatus(429, { retryAfter: '7200', now: NOW }).message).toContain(
      'not to be tried again for 2 h (Retry-After: 7200)',
    );
    expect(errorFromStatus(429, { retryAfter: String(3 * 86_400), now: NOW }).message).toContain(
      'for 3 d (Retry-After: 259200)',
    );
    const long = errorFromStatus(429, { retryAfter: '9'.repeat(400), now: NOW }).message;
    expect(long).toContain(`(Retry-After: ${'9'.repeat(40)}…)`);
    expect(long.length).toBeLessThan(300);
  });

  it('is said for other statuses too', () => {
    const err = errorFromStatus(503, { retryAfter: '99999', host: 'api.example', now: NOW });
    expect(err.message).toBe(
      'The server at api.example had an internal error (503); try again later. ' +
        'It asks not to be tried again for 28 h (Retry-After: 99999), longer than KieDrop waits (1 h).',
    );
  });

  it('keeps the usual message for a reasonable wait', () => {
    expect(errorFromStatus(429, { retryAfter: '12', now: NOW }).message).toBe(
      'Too many requests (429): the server is rate limiting uploads. It asks to wait 12 s. Try again later.',
    );
  });
});

describe('the line kiedrop prints while a job waits to retry', () => {
  const job = (over: Partial<JobSnapshot>): JobSnapshot =>
    ({
      id: 1,
      status: 'queued',
      phase: 'retrying',
      attempts: 2,
      nextAttemptAt: NOW + 12_000,
      errorKind: 'rate-limited',
      lastError: 'Too many requests (429): the server is rate limiting uploads.',
      ...over,
    }) as JobSnapshot;

  it('says which try comes next, when, and why', () => {
    expect(retryLine(job({}), 8, NOW)).toBe('retry 3/8 in 12 s: the server asked to wait (429)');
    expect(retryLine(job({ nextAttemptAt: NOW + 300_000 }), 8, NOW)).toBe(
      'retry 3/8 in 5 min: the server asked to wait (429)',
    );
    expect(
      retryLine(job({ errorKind: 'server', lastError: 'The server had an internal error (500).' }), 8, NOW),
    ).toBe('retry 3/8 in 12 s: The server had an internal error (500).');
  });

  it('says nothing for a quick retry or a job that is not waiting', () => {
    expect(retryLine(job({ nextAttemptAt: NOW + 300 }), 8, NOW)).toBeNull();
    expect(retryLine(job({ phase: 'waiting' }), 8, NOW)).toBeNull();
    expect(retryLine(job({ status: 'uploading', phase: 'sending' }), 8, NOW)).toBeNull();
  });
});
