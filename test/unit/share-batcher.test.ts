// Merging the launches of one right-click into one batch, driven by a manual clock.
import { describe, expect, it } from 'vitest';
import { createShareBatcher } from '../../src/main/core/share';
import type { BatchTimers, LaunchRequest } from '../../src/main/core/share';

/** Timers that fire only when the test advances time. */
function manualClock(): BatchTimers & { advance(ms: number): void; pending(): number } {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const target = now + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= target)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = target;
    },
    pending: () => timers.size,
  };
}

function setup(windowMs = 500) {
  const clock = manualClock();
  const batches: LaunchRequest[] = [];
  const batcher = createShareBatcher({ windowMs, onBatch: (b) => batches.push(b), timers: clock });
  return { clock, batches, batcher };
}

describe('share batcher', () => {
  it('merges three launches within the window into one batch of three, in arrival order', () => {
    const { clock, batches, batcher } = setup();
    batcher.add({ share: ['/a'] });
    clock.advance(200);
    batcher.add({ share: ['/b'] });
    clock.advance(400); // 600 ms after the first, but only 400 after the last: the window restarted
    batcher.add({ share: ['/c'] });
    clock.advance(499);
    expect(batches).toEqual([]);
    clock.advance(1);
    expect(batches).toEqual([{ share: ['/a', '/b', '/c'], urls: [] }]);
  });

  it('starts a second batch for a launch that arrives after the window closed', () => {
    const { clock, batches, batcher } = setup();
    batcher.add({ share: ['/a'] });
    batcher.add({ share: ['/b'] });
    batcher.add({ share: ['/c'] });
    clock.advance(500);
    batcher.add({ share: ['/d'] });
    clock.advance(500);
    expect(batches).toEqual([
      { share: ['/a', '/b', '/c'], urls: [] },
      { share: ['/d'], urls: [] },
    ]);
  });

  it('drops duplicate paths and keeps links alongside files', () => {
    const { clock, batches, batcher } = setup();
    batcher.add({ share: ['/a', '/b'] });
    batcher.add({ share: ['/b'], urls: ['https://x.test/1'] });
    batcher.add({ urls: ['https://x.test/1'] });
    clock.advance(500);
    expect(batches).toEqual([{ share: ['/a', '/b'], urls: ['https://x.test/1'] }]);
  });

  it('does not let an empty launch (just "open KieDrop") delay or create a batch', () => {
    const { clock, batches, batcher } = setup();
    batcher.add({ share: [] });
    clock.advance(1000);
    expect(batches).toEqual([]);
    batcher.add({ share: ['/a'] });
    clock.advance(400);
    batcher.add({});
    clock.advance(100);
    expect(batches).toEqual([{ share: ['/a'], urls: [] }]);
  });

  it('flush hands over what is pending at once; dispose drops it', () => {
    const { clock, batches, batcher } = setup();
    batcher.add({ share: ['/a'] });
    batcher.flush();
    expect(batches).toEqual([{ share: ['/a'], urls: [] }]);
    batcher.add({ share: ['/b'] });
    batcher.dispose();
    clock.advance(1000);
    expect(batches).toHaveLength(1);
    expect(clock.pending()).toBe(0);
  });
});
