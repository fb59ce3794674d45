import { describe, expect, it } from 'vitest';
import { createProgressThrottle, toJobProgress } from '../../src/main/core/queue/progress-throttle';

describe('toJobProgress', () => {
  it('derives percent and ETA from bytes and rate', () => {
    expect(toJobProgress({ sent: 250, total: 1000, rate: 150 })).toEqual({
      sent: 250,
      total: 1000,
      rate: 150,
      etaMs: 5000,
      percent: 25,
    });
  });

  it('has no ETA while the rate is still unknown, rather than Infinity', () => {
    expect(toJobProgress({ sent: 0, total: 1000, rate: 0 }).etaMs).toBeNull();
  });

  it('reports 100 % and ETA 0 once everything is sent, empty bodies included', () => {
    expect(toJobProgress({ sent: 1000, total: 1000, rate: 10 })).toMatchObject({ percent: 100, etaMs: 0 });
    expect(toJobProgress({ sent: 0, total: 0, rate: 0 })).toMatchObject({ percent: 100, etaMs: 0 });
  });
});

describe('createProgressThrottle', () => {
  it('lets through at most one update per interval', () => {
    let t = 0;
    const throttle = createProgressThrottle(100, () => t);
    const passed: number[] = [];
    for (let sent = 1; sent < 1000; sent++) {
      t += 1; // an update every millisecond, for about a second
      if (throttle.update({ sent, total: 1000, rate: 1 })) passed.push(sent);
    }
    expect(passed.length).toBeLessThanOrEqual(10);
    expect(passed.length).toBeGreaterThanOrEqual(9);
  });

  it('always lets through the final 100 %, however soon it comes, and only once', () => {
    let t = 0;
    const throttle = createProgressThrottle(100, () => t);
    expect(throttle.update({ sent: 10, total: 100, rate: 1 })).not.toBeNull();
    t += 1;
    expect(throttle.update({ sent: 100, total: 100, rate: 1 })?.percent).toBe(100);
    t += 500;
    expect(throttle.update({ sent: 100, total: 100, rate: 1 })).toBeNull();
  });
});
