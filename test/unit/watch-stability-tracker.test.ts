// The stability tracker on an injected clock and an in-memory "disk": when does a file count as complete?
import { describe, expect, it } from 'vitest';
import { createStabilityTracker } from '../../src/main/core/watch/stability-tracker';
import type { StabilityOutcome, StatResult } from '../../src/main/core/watch/stability-tracker';

type DiskEntry = StatResult | { error: string };

function fakeDisk() {
  const files = new Map<string, DiskEntry>();
  return {
    files,
    write(key: string, size: number, mtimeMs: number) {
      files.set(key, { size, mtimeMs, isFile: true });
    },
    async stat(key: string): Promise<StatResult> {
      const entry = files.get(key);
      if (entry === undefined) throw Object.assign(new Error(`ENOENT: ${key}`), { code: 'ENOENT' });
      if ('error' in entry) throw Object.assign(new Error(`${entry.error}: ${key}`), { code: entry.error });
      return entry;
    },
  };
}

const kinds = (outcomes: StabilityOutcome[]) => outcomes.map((o) => `${o.key}:${o.kind}`).sort();

describe('stability tracker', () => {
  it('reports a file as stable only after its size and mtime stayed the same for the quiet period', async () => {
    const disk = fakeDisk();
    const tracker = createStabilityTracker({ quietMs: 2000, stat: (k) => disk.stat(k) });
    disk.write('a.jpg', 100, 1);
    tracker.touch('a.jpg', 0);
    expect(kinds(await tracker.check(0))).toEqual(['a.jpg:observed']);
    expect(tracker.nextCheckAt()).toBe(2000);
    expect(await tracker.check(1999)).toEqual([]);
    const done = await tracker.check(2000);
    expect(done).toEqual([{ key: 'a.jpg', kind: 'stable', signature: { size: 100, mtimeMs: 1 } }]);
    expect(tracker.has('a.jpg')).toBe(false);
  });

  it('restarts the quiet period every time a re-stat finds the file grew, with no give-up', async () => {
    const disk = fakeDisk();
    const tracker = createStabilityTracker({ quietMs: 2000, stat: (k) => disk.stat(k) });
    disk.write('big.iso', 1, 1);
    tracker.touch('big.iso', 0);
    await tracker.check(0);
    // Grows a little between every check for ten minutes: never stable.
    let t = 0;
    for (let i = 2; i <= 300; i++) {
      disk.write('big.iso', i, i);
      t = tracker.nextCheckAt() ?? -1;
      expect(t).toBeGreaterThan(0);
      expect(kinds(await tracker.check(t))).toEqual(['big.iso:observed']);
    }
    expect(t).toBeGreaterThanOrEqual(299 * 2000);
    // Then it stops growing: stable exactly one quiet period after the last change seen.
    const last = tracker.nextCheckAt() ?? -1;
    expect(kinds(await tracker.check(last))).toEqual(['big.iso:stable']);
  });

  it('an event restarts the quiet period even when the size is the same at the end', async () => {
    const disk = fakeDisk();
    const tracker = createStabilityTracker({ quietMs: 1000, stat: (k) => disk.stat(k) });
    disk.write('x', 10, 5);
    tracker.touch('x', 0);
    await tracker.check(0);
    tracker.touch('x', 900); // a change event at 900 ms
    expect(tracker.nextCheckAt()).toBe(900);
    expect(await tracker.check(900)).toEqual([]);
    expect(await tracker.check(1000)).toEqual([]);
    expect(tracker.nextCheckAt()).toBe(1900);
    expect(kinds(await tracker.check(1900))).toEqual(['x:stable']);
  });

  it('keeps waiting on an empty placeholder until it gets content', async () => {
    const disk = fakeDisk();
    const tracker = createStabilityTracker({ quietMs: 500, stat: (k) => disk.stat(k) });
    disk.write('photo.jpg', 0, 1);
    tracker.touch('photo.jpg', 0);
    await tracker.check(0);
    for (let t = 500; t <= 60_000; t += 500) expect(await tracker.check(t)).toEqual([]);
    expect(tracker.has('photo.jpg')).toBe(true);
    disk.write('photo.jpg', 4096, 2);
    expect(kinds(await tracker.check(60_500))).toEqual(['photo.jpg:observed']);
    expect(kinds(await tracker.check(61_000))).toEqual(['photo.jpg:stable']);
  });

  it('reports a file that vanished as gone, and a pipe or unreadable file as an error, and drops them', async () => {
    const disk = fakeDisk();
    const tracker = createStabilityTracker({ quietMs: 100, stat: (k) => disk.stat(k) });
    disk.files.set('fifo', { size: 0, mtimeMs: 1, isFile: false });
    disk.files.set('locked', { error: 'EACCES' });
    disk.write('renamed.part', 10, 1);
    for (const k of ['fifo', 'locked', 'renamed.part']) tracker.touch(k, 0);
    disk.files.delete('renamed.part');
    const outcomes = await tracker.check(0);
    expect(kinds(outcomes)).toEqual(['fifo:error', 'locked:error', 'renamed.part:gone']);
    const fifo = outcomes.find((o) => o.key === 'fifo');
    expect(fifo?.kind === 'error' && fifo.notRegular).toBe(true);
    expect(tracker.size).toBe(0);
    expect(tracker.nextCheckAt()).toBeNull();
  });

  it('ignores the answer of a stat that was running when the file was forgotten', async () => {
    const disk = fakeDisk();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const tracker = createStabilityTracker({
      quietMs: 100,
      stat: async (k) => {
        await gate;
        return disk.stat(k);
      },
    });
    disk.write('a', 5, 1);
    tracker.touch('a', 0);
    const pending = tracker.check(0);
    tracker.forget('a');
    release();
    expect(await pending).toEqual([]);
    expect(tracker.has('a')).toBe(false);
  });

  it('re-stats right away when an event arrives during a stat, instead of trusting the stale answer', async () => {
    const disk = fakeDisk();
    let release: () => void = () => undefined;
    let gate: Promise<void> = Promise.resolve();
    const tracker = createStabilityTracker({
      quietMs: 100,
      // Reads the disk first, then takes its time answering: the answer can be stale.
      stat: async (k) => {
        const answer = await disk.stat(k);
        await gate;
        return answer;
      },
    });
    disk.write('a', 5, 1);
    tracker.touch('a', 0);
    await tracker.check(0);
    gate = new Promise<void>((r) => (release = r));
    const pending = tracker.check(100); // due, and the stat sees the old size: would be stable...
    await new Promise((r) => setImmediate(r));
    disk.write('a', 9, 2); // ...but the file changed meanwhile, and the event says so
    tracker.touch('a', 100);
    release();
    expect(await pending).toEqual([]);
    expect(tracker.has('a')).toBe(true);
    expect(tracker.nextCheckAt()).toBe(100);
  });

  it('checks 1,000 files in one pass, no more than the given number at once', async () => {
    const disk = fakeDisk();
    let inFlight = 0;
    let maxInFlight = 0;
    const tracker = createStabilityTracker({
      quietMs: 100,
      parallel: 8,
      stat: async (k) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setImmediate(r));
        inFlight--;
        return disk.stat(k);
      },
    });
    for (let i = 0; i < 1000; i++) {
      disk.write(`f${i}`, i + 1, 1);
      tracker.touch(`f${i}`, 0);
    }
    expect((await tracker.check(0)).length).toBe(1000);
    const stable = await tracker.check(100);
    expect(stable.filter((o) => o.kind === 'stable').length).toBe(1000);
    expect(new Set(stable.map((o) => o.key)).size).toBe(1000);
    expect(maxInFlight).toBe(8);
  });
});
