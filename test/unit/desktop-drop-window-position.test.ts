// Where the drop window opens: where it was left, but always fully on a screen that exists now.
import { describe, expect, it } from 'vitest';
import { DEFAULT_MARGIN, dropWindowPosition } from '../../src/main/drop-window-position';

const size = { width: 160, height: 160 };
// A 1920×1080 primary screen with a 40 px taskbar, and a second screen to its left.
const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const left = { x: -1280, y: 0, width: 1280, height: 1024 };

describe('the drop window position', () => {
  it('starts at the bottom right of the primary screen, above the taskbar', () => {
    expect(dropWindowPosition({ x: null, y: null }, size, [primary, left], primary)).toEqual({
      x: 1920 - 160 - DEFAULT_MARGIN,
      y: 1040 - 160 - DEFAULT_MARGIN,
    });
  });

  it('opens exactly where the user left it when that is on a screen', () => {
    expect(dropWindowPosition({ x: 300, y: 200 }, size, [primary, left], primary)).toEqual({
      x: 300,
      y: 200,
    });
    expect(dropWindowPosition({ x: -900, y: 500 }, size, [primary, left], primary)).toEqual({
      x: -900,
      y: 500,
    });
  });

  it('pulls a window hanging off an edge fully back onto that screen', () => {
    expect(dropWindowPosition({ x: 1850, y: 1000 }, size, [primary], primary)).toEqual({ x: 1760, y: 880 });
    expect(dropWindowPosition({ x: -40, y: -30 }, size, [primary], primary)).toEqual({ x: 0, y: 0 });
  });

  it('moves a window from an unplugged screen back to the primary one', () => {
    // It was on the left screen, which is gone now.
    expect(dropWindowPosition({ x: -900, y: 500 }, size, [primary], primary)).toEqual({
      x: 1920 - 160 - DEFAULT_MARGIN,
      y: 1040 - 160 - DEFAULT_MARGIN,
    });
  });

  it('keeps it on the screen it mostly sits on when it straddles two', () => {
    // 100 px on the left screen, 60 px on the primary: it belongs to the left one.
    expect(dropWindowPosition({ x: -100, y: 400 }, size, [primary, left], primary)).toEqual({
      x: -160,
      y: 400,
    });
  });
});
