// Where the drop window opens: where the user left it, pulled fully onto a screen that still exists.
// A monitor unplugged since, or a resolution change, must never leave the window somewhere nobody
// can reach it. Pure: the work areas come from Electron's screen module.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Gap from the screen edge when the window is placed for the first time. */
export const DEFAULT_MARGIN = 24;

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clampInto(area: Rect, size: Size, x: number, y: number): { x: number; y: number } {
  const maxX = area.x + Math.max(0, area.width - size.width);
  const maxY = area.y + Math.max(0, area.height - size.height);
  return {
    x: Math.round(Math.min(Math.max(x, area.x), maxX)),
    y: Math.round(Math.min(Math.max(y, area.y), maxY)),
  };
}

/** Bottom right of the primary screen's work area (above the taskbar, beside the dock). */
export function defaultDropWindowPosition(primary: Rect, size: Size): { x: number; y: number } {
  return clampInto(
    primary,
    size,
    primary.x + primary.width - size.width - DEFAULT_MARGIN,
    primary.y + primary.height - size.height - DEFAULT_MARGIN,
  );
}

/**
 * `saved` is the setting (null until the user moves the window); `workAreas` every display's work
 * area now, `primary` the primary display's.
 */
export function dropWindowPosition(
  saved: { x: number | null; y: number | null },
  size: Size,
  workAreas: readonly Rect[],
  primary: Rect,
): { x: number; y: number } {
  if (saved.x === null || saved.y === null) return defaultDropWindowPosition(primary, size);
  const wanted: Rect = { x: saved.x, y: saved.y, ...size };
  let best: Rect | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(wanted, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  // On no screen any more: start over where a first-time window would go.
  if (best === null) return defaultDropWindowPosition(primary, size);
  return clampInto(best, size, saved.x, saved.y);
}
