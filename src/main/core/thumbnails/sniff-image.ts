// Which picture format a file holds, from its first bytes. Only formats with a real signature are
// let through to the decoder: SVG (a renderer for untrusted XML), PDF and libvips' other loaders never are.
import { closeSync, constants, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { blockingSmallFileIoAllowed } from '../api/blocking-io';

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'tiff' | 'heif';

const HEAD_BYTES = 16;
/** ISO-BMFF brands of HEIF files: AVIF always decodes; HEIC only where libvips has an HEVC decoder. */
const HEIF_BRANDS = new Set(['avif', 'avis', 'heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);

export function formatOfHead(head: Buffer): ImageFormat | null {
  const ascii = (start: number, end: number) => head.toString('latin1', start, end);
  if (head.length >= 8 && head.readUInt32BE(0) === 0x89504e47 && head.readUInt32BE(4) === 0x0d0a1a0a) {
    return 'png';
  }
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  // Classic and BigTIFF, either byte order.
  if (['II*\0', 'MM\0*', 'II+\0', 'MM\0+'].includes(ascii(0, 4))) return 'tiff';
  if (ascii(4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(8, 12))) return 'heif';
  return null;
}

/** The file's picture format, or null when it is none we decode (or cannot be read). */
export async function sniffImage(path: string): Promise<ImageFormat | null> {
  if (blockingSmallFileIoAllowed()) return sniffImageNow(path);
  try {
    const file = await open(path, 'r');
    try {
      const head = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await file.read(head, 0, HEAD_BYTES, 0);
      return formatOfHead(head.subarray(0, bytesRead));
    } finally {
      await file.close();
    }
  } catch {
    return null;
  }
}

/** The same in blocking calls (see blocking-io.ts); a FIFO is opened without waiting for a writer, and
 * its empty read is no picture. */
function sniffImageNow(path: string): ImageFormat | null {
  try {
    const fd = openSync(
      path,
      constants.O_NONBLOCK === undefined ? 'r' : constants.O_RDONLY | constants.O_NONBLOCK,
    );
    try {
      const head = Buffer.alloc(HEAD_BYTES);
      const bytesRead = readSync(fd, head, 0, HEAD_BYTES, 0);
      return formatOfHead(head.subarray(0, bytesRead));
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}
