// A clock that follows a base time source plus an offset, so tests can jump days ahead
// while uploads in between still get distinct, moving timestamps.

export interface ControllableClock {
  now(): number;
  advance(ms: number): void;
  set(ms: number): void;
}

export function createClock(base: () => number, onChange: () => void): ControllableClock {
  let offset = 0;
  return {
    now: () => base() + offset,
    advance(ms: number) {
      if (!Number.isFinite(ms)) throw new RangeError(`clock.advance needs a finite number of ms, got ${ms}`);
      offset += ms;
      onChange();
    },
    set(ms: number) {
      if (!Number.isFinite(ms)) throw new RangeError(`clock.set needs a finite time in ms, got ${ms}`);
      offset = ms - base();
      onChange();
    },
  };
}
