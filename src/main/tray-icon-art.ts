// The KieDrop mark drawn in code: an upward arrow on a disc, or, while uploading, the arrow inside a
// ring that fills clockwise with the progress. Colour for Windows and Linux trays; a black-and-alpha
// "template" for the macOS menu bar, which tints it for light and dark bars. Anti-aliased by sampling
// each pixel 4×4 times.

export const ACCENT: readonly [number, number, number] = [0x4f, 0x46, 0xe5];
const WHITE: readonly [number, number, number] = [0xff, 0xff, 0xff];
const BLACK: readonly [number, number, number] = [0, 0, 0];
const SAMPLES = 4;

export interface TrayArtOptions {
  /** Black and alpha only (macOS). */
  template: boolean;
  /** Upload progress 0..1, or null for the resting icon. */
  progress: number | null;
}

type Shape = (x: number, y: number) => boolean;

/** The arrow in unit coordinates (0..1 across the icon), scaled by `k` around the centre. */
function arrow(k: number): Shape {
  const s = (v: number): number => 0.5 + (v - 0.5) * k;
  const shaftHalf = 0.075 * k;
  return (x, y) => {
    const inShaft = Math.abs(x - 0.5) <= shaftHalf && y >= s(0.42) && y <= s(0.76);
    // Head: a triangle from its tip at the top to a base across the shaft's top.
    const tip = s(0.22);
    const base = s(0.5);
    const halfWidth = 0.22 * k;
    const t = (y - tip) / (base - tip);
    const inHead = t >= 0 && t <= 1 && Math.abs(x - 0.5) <= halfWidth * t;
    return inShaft || inHead;
  };
}

function disc(radius: number): Shape {
  return (x, y) => (x - 0.5) ** 2 + (y - 0.5) ** 2 <= radius ** 2;
}

function ring(inner: number, outer: number, upTo: number): Shape {
  return (x, y) => {
    const d2 = (x - 0.5) ** 2 + (y - 0.5) ** 2;
    if (d2 < inner ** 2 || d2 > outer ** 2) return false;
    if (upTo >= 1) return true;
    // Angle from twelve o'clock, clockwise, 0..1.
    const turn = (Math.atan2(x - 0.5, 0.5 - y) / (2 * Math.PI) + 1) % 1;
    return turn <= upTo;
  };
}

function coverage(shape: Shape, px: number, py: number, size: number): number {
  let hits = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      if (shape((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size)) hits++;
    }
  }
  return hits / (SAMPLES * SAMPLES);
}

/** Paints `shape` over the pixels with the colour at `opacity` (source-over). */
function paint(
  rgba: Uint8Array,
  size: number,
  shape: Shape,
  color: readonly [number, number, number],
  opacity = 1,
): void {
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const a = coverage(shape, px, py, size) * opacity;
      if (a === 0) continue;
      const i = (py * size + px) * 4;
      const under = (rgba[i + 3] ?? 0) / 255;
      const out = a + under * (1 - a);
      for (let c = 0; c < 3; c++) {
        const mixed = ((color[c] ?? 0) * a + (rgba[i + c] ?? 0) * under * (1 - a)) / out;
        rgba[i + c] = Math.round(mixed);
      }
      rgba[i + 3] = Math.round(out * 255);
    }
  }
}

/** Clears `shape` out of what is painted (for the template's arrow cut into the disc). */
function cut(rgba: Uint8Array, size: number, shape: Shape): void {
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const a = coverage(shape, px, py, size);
      if (a === 0) continue;
      const i = (py * size + px) * 4 + 3;
      rgba[i] = Math.round((rgba[i] ?? 0) * (1 - a));
    }
  }
}

/** size × size RGBA pixels. */
export function drawTrayIcon(size: number, opts: TrayArtOptions): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  const ink = opts.template ? BLACK : ACCENT;
  if (opts.progress === null) {
    paint(rgba, size, disc(0.47), ink);
    if (opts.template) cut(rgba, size, arrow(1));
    else paint(rgba, size, arrow(1), WHITE);
    return rgba;
  }
  const progress = Math.min(1, Math.max(0, opts.progress));
  paint(rgba, size, ring(0.34, 0.48, 1), ink, 0.3);
  paint(rgba, size, ring(0.34, 0.48, progress), ink);
  paint(rgba, size, arrow(0.62), ink);
  return rgba;
}
