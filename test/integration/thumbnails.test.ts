// History previews made with sharp, off the main thread: small, upright, cached per file version,
// queued, and null (never an exception) for whatever is not a readable picture of sane size.
import { rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp, { type Metadata } from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThumbnailer, decodePreview, PREVIEW_SIZE } from '../../src/main/core/thumbnails';
import { makeTempDir } from '../support/temp-files';
import { expectNoDescriptorsTo } from '../support/open-descriptors';

let dir: string;
let bigPhoto: string;

type Format = 'png' | 'jpeg' | 'stored-png';

/** A width×height RGB picture with some detail in it (a flat colour would be too easy to decode).
 * 'stored-png' is uncompressed: its byte size depends only on the dimensions, whatever `shift` is. */
async function writePicture(
  name: string,
  width: number,
  height: number,
  format: Format,
  shift = 0,
): Promise<string> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = (x + shift) & 255;
      raw[i + 1] = y & 255;
      raw[i + 2] = (x ^ y) & 255;
    }
  }
  const path = join(dir, name);
  const image = sharp(raw, { raw: { width, height, channels: 3 } });
  if (format === 'jpeg') await image.jpeg().toFile(path);
  else if (format === 'png') await image.png({ compressionLevel: 1 }).toFile(path);
  else await image.png({ compressionLevel: 0, adaptiveFiltering: false }).toFile(path);
  return path;
}

async function decodeDataUrl(url: string | null): Promise<Metadata> {
  expect(url).toMatch(/^data:image\/png;base64,/);
  return sharp(Buffer.from((url ?? '').split(',')[1] ?? '', 'base64')).metadata();
}

/** A small real PNG whose header then claims `width`×`height` (CRC fixed up): a decompression bomb's shape. */
async function writeOversizedHeaderPng(name: string, width: number, height: number): Promise<string> {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
    .png()
    .toBuffer();
  // Signature (8) + IHDR length (4) + "IHDR" (4), then width and height.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  const path = join(dir, name);
  await writeFile(path, png);
  return path;
}

beforeAll(async () => {
  dir = await makeTempDir('kiedrop-thumbnails-');
  bigPhoto = await writePicture('big-photo.png', 6000, 4000, 'png');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('history previews', () => {
  it('shrinks a 6000×4000 picture to at most 96 px while the event loop keeps running', async () => {
    let ticks = 0;
    let ticksDuringDecode = -1;
    const thumbnails = createThumbnailer({
      decode: async (path) => {
        const before = ticks;
        const url = await decodePreview(path);
        ticksDuringDecode = ticks - before;
        return url;
      },
    });
    const timer = setInterval(() => (ticks += 1), 1);
    const url = await thumbnails.fromFile(bigPhoto).finally(() => clearInterval(timer));
    // Off the thread it ticks dozens of times; a decode on the JavaScript thread would hold every timer
    // until it finished (one overdue tick at most).
    expect(ticksDuringDecode).toBeGreaterThan(3);
    const meta = await decodeDataUrl(url);
    expect(PREVIEW_SIZE).toBe(96);
    expect([meta.width, meta.height]).toEqual([96, 64]);
    // Nothing keeps the file open afterwards (on Windows an open file cannot be renamed or deleted).
    await expectNoDescriptorsTo(bigPhoto);
  });

  it('turns a photo with EXIF orientation 6 upright', async () => {
    const landscape = await writePicture('sideways-source.jpg', 200, 100, 'jpeg');
    const path = join(dir, 'sideways.jpg');
    await sharp(landscape).withMetadata({ orientation: 6 }).toFile(path);
    expect((await sharp(path).metadata()).orientation).toBe(6);
    const meta = await decodeDataUrl(await createThumbnailer().fromFile(path));
    expect([meta.width, meta.height]).toEqual([48, 96]);
  });

  it('decodes an unchanged file once, even when asked twice at the same time, and again once it changes', async () => {
    const path = await writePicture('edited.png', 300, 150, 'stored-png');
    const { size } = await stat(path);
    const thumbnails = createThumbnailer();
    const [first, same] = await Promise.all([thumbnails.fromFile(path), thumbnails.fromFile(path)]);
    expect(same).toBe(first);
    expect(await thumbnails.fromFile(path)).toBe(first);
    expect(thumbnails.decodes).toBe(1);

    // Edited in place: same byte size, new content and modification time.
    await writePicture('edited.png', 300, 150, 'stored-png', 128);
    expect((await stat(path)).size).toBe(size);
    const later = new Date(Date.now() + 60_000);
    await utimes(path, later, later);
    const edited = await thumbnails.fromFile(path);
    expect(thumbnails.decodes).toBe(2);
    expect(edited).not.toBe(first);
    expect((await decodeDataUrl(edited)).width).toBe(96);
    expect(await thumbnails.fromFile(path)).toBe(edited);
    expect(thumbnails.decodes).toBe(2);
  });

  it('runs at most two decodes at once and queues the rest', async () => {
    const paths = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) => writePicture(`row-${n}.png`, 20 + n, 20, 'png')),
    );
    let running = 0;
    let most = 0;
    const thumbnails = createThumbnailer({
      decode: async (path) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 20));
        running -= 1;
        return `preview of ${path}`;
      },
    });
    const urls = await Promise.all(paths.map((path) => thumbnails.fromFile(path)));
    expect(urls).toEqual(paths.map((path) => `preview of ${path}`));
    expect(most).toBe(2);
  });

  it('gives null for a PDF, an SVG, a corrupt or empty .png and a missing file', async () => {
    const thumbnails = createThumbnailer();
    const pdf = join(dir, 'invoice.pdf');
    await writeFile(pdf, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const svg = join(dir, 'logo.svg');
    await writeFile(
      svg,
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    );
    const corrupt = join(dir, 'corrupt.png');
    const png = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#808080' } })
      .png()
      .toBuffer();
    // A real PNG signature and header, then garbage where the pixels should be.
    await writeFile(corrupt, Buffer.concat([png.subarray(0, 33), Buffer.alloc(200, 0xa5)]));
    const empty = join(dir, 'empty.png');
    await writeFile(empty, '');
    for (const path of [pdf, svg, corrupt, empty, join(dir, 'no-such-file.png'), dir]) {
      expect(await thumbnails.fromFile(path)).toBeNull();
    }
  });

  it('refuses a picture over the pixel limit instead of decoding it', async () => {
    const bomb = await writeOversizedHeaderPng('bomb.png', 30_000, 30_000);
    expect(await createThumbnailer().fromFile(bomb)).toBeNull();
    // The same limit stops a genuine large picture when it is set lower.
    const strict = createThumbnailer({
      decode: (path) => decodePreview(path, { maxInputPixels: 1_000_000 }),
    });
    expect(await strict.fromFile(bigPhoto)).toBeNull();
  });

  it('leaves a file over the size cap to the icon without decoding it', async () => {
    const thumbnails = createThumbnailer({ maxSourceBytes: 1024 });
    const path = await writePicture('noisy.png', 64, 64, 'png');
    expect(await thumbnails.fromFile(path)).toBeNull();
    expect(thumbnails.decodes).toBe(0);
  });
});
