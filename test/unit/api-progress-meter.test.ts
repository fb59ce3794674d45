import { describe, expect, it } from 'vitest';
import { createProgressMeter } from '../../src/main/core/api/progress-meter';

function clock(start = 1000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('createProgressMeter', () => {
  it('reports sent and total and a rate in bytes per second', () => {
    const c = clock();
    const meter = createProgressMeter(10_000, { now: c.now });
    c.advance(500);
    expect(meter.update(1000)).toEqual({ sent: 1000, total: 10_000, rate: 2000 });
  });

  it('reports rate 0 when no time has passed rather than Infinity', () => {
    const meter = createProgressMeter(10, { now: () => 5 });
    expect(meter.update(10).rate).toBe(0);
  });

  it('smooths over the window: one fast chunk does not make the speed jump', () => {
    const c = clock();
    const meter = createProgressMeter(1e9, { now: c.now, windowMs: 3000 });
    let sent = 0;
    for (let i = 0; i < 30; i++) {
      c.advance(100);
      sent += 100_000; // steady 1 MB/s
      meter.update(sent);
    }
    c.advance(1); // a chunk that flushed almost instantly
    sent += 100_000;
    const { rate } = meter.update(sent);
    expect(rate).toBeGreaterThan(0.9e6);
    expect(rate).toBeLessThan(1.1e6);
  });

  it('follows a change of speed once the window has passed', () => {
    const c = clock();
    const meter = createProgressMeter(1e9, { now: c.now, windowMs: 1000 });
    let sent = 0;
    for (let i = 0; i < 20; i++) {
      c.advance(100);
      sent += 100_000; // 1 MB/s
      meter.update(sent);
    }
    let rate = 0;
    for (let i = 0; i < 20; i++) {
      c.advance(100);
      sent += 10_000; // 100 kB/s
      rate = meter.update(sent).rate;
    }
    expect(rate).toBeGreaterThan(90_000);
    expect(rate).toBeLessThan(120_000);
  });
});
