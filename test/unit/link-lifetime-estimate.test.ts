// The lifetime estimate of one link found gone: the upper end of [last alive, first gone], so the
// shortest over many links comes down to the true lifetime as checks get denser.
import { describe, expect, it } from 'vitest';
import { estimateLifetimeMs, expiryShiftMs } from '../../src/main/core/links/lifetime';

const HOUR = 60 * 60 * 1000;

describe('estimateLifetimeMs', () => {
  it('is the time from the upload to the first check that found the link gone', () => {
    expect(estimateLifetimeMs(1_000, 1_000 + 25 * HOUR)).toBe(25 * HOUR);
  });
});

describe('expiryShiftMs', () => {
  it('moves stored 3-day expiries earlier by what the believed lifetime falls short of 3 days', () => {
    const base = { source: 'learned', learned: null, assumedMs: 72 * HOUR } as const;
    expect(expiryShiftMs({ ...base, believedMs: 24 * HOUR })).toBe(48 * HOUR);
    expect(expiryShiftMs({ ...base, believedMs: 72 * HOUR })).toBe(0);
  });
});
