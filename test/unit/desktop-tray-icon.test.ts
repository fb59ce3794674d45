// The tray icon drawn in code: a valid PNG that any decoder reads, and a progress ring that visibly
// fills clockwise from twelve o'clock.
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, encodePng } from '../../src/main/png-encode';
import { ACCENT, drawTrayIcon } from '../../src/main/tray-icon-art';

/** Reads back the pixels of a PNG written by encodePng (filter 0 on every row). */
function decode(png: Buffer): { width: number; height: number; rgba: Buffer } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
    if (type === 'IHDR') [width, height] = [body.readUInt32BE(0), body.readUInt32BE(4)];
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const rows = Array.from({ length: height }, (_, y) =>
    raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)),
  );
  return { width, height, rgba: Buffer.concat(rows) };
}

const alphaAt = (rgba: Uint8Array, size: number, x: number, y: number) => rgba[(y * size + x) * 4 + 3] ?? 0;

describe('the tray icon', () => {
  it('round-trips through PNG with the exact pixels drawn', () => {
    const pixels = drawTrayIcon(32, { template: false, progress: null });
    const png = decode(encodePng(32, 32, pixels));
    expect([png.width, png.height]).toEqual([32, 32]);
    expect(png.rgba.equals(Buffer.from(pixels))).toBe(true);
  });

  it('is a filled accent disc with a white arrow at rest, transparent in the corners', () => {
    const px = drawTrayIcon(32, { template: false, progress: null });
    expect(alphaAt(px, 32, 0, 0)).toBe(0);
    // Between the arrow and the rim, on the left: accent colour.
    const i = (16 * 32 + 4) * 4;
    expect([px[i], px[i + 1], px[i + 2], px[i + 3]]).toEqual([...ACCENT, 255]);
    // The arrow's shaft in the middle: white.
    const j = (20 * 32 + 16) * 4;
    expect([px[j], px[j + 1], px[j + 2]]).toEqual([255, 255, 255]);
  });

  it('fills the ring clockwise from the top: at 25 % the right side is solid and the left is faint', () => {
    const px = drawTrayIcon(64, { template: false, progress: 0.25 });
    // On the ring (radius ≈ 0.41 of the size): just right of 12 o'clock is filled, 9 o'clock is only the track.
    const rightOfTop = alphaAt(px, 64, 38, 6);
    const nineOClock = alphaAt(px, 64, 5, 32);
    expect(rightOfTop).toBe(255);
    expect(nineOClock).toBeGreaterThan(0);
    expect(nineOClock).toBeLessThan(128);
  });

  it('uses only black and alpha for the macOS template image', () => {
    const px = drawTrayIcon(32, { template: true, progress: 0.6 });
    for (let i = 0; i < px.length; i += 4) expect([px[i], px[i + 1], px[i + 2]]).toEqual([0, 0, 0]);
  });
});
