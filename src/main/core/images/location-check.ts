// Whether a file is a picture that says where it was taken: a GPS latitude and longitude in its EXIF.
// Cheap on purpose, since it runs before every upload that keeps metadata: a 16-byte sniff rules out
// everything that is not a picture, and sharp reads only the header (libvips decodes no pixels for
// metadata()). The EXIF block is then walked by hand, just far enough to find the GPS directory.
import type sharpModule from 'sharp';
import { sniffImage } from '../thumbnails';

type Sharp = typeof sharpModule;
let loading: Promise<Sharp> | null = null;

function loadSharp(): Promise<Sharp> {
  loading ??= import('sharp').then(({ default: sharp }) => sharp);
  return loading;
}

/** EXIF's pointer from the first directory to the GPS one. */
const GPS_IFD_POINTER = 0x8825;
const GPS_LATITUDE = 0x0002;
const GPS_LONGITUDE = 0x0004;
/** More entries than this in one directory is a damaged block, not a camera. */
const MAX_ENTRIES = 1000;

/** False for anything that is not a picture, has no EXIF, or cannot be read: only a position found counts. */
export async function hasGpsPosition(path: string): Promise<boolean> {
  if ((await sniffImage(path)) === null) return false;
  try {
    const sharp = await loadSharp();
    const { exif } = await sharp(path).metadata();
    return exif !== undefined && exifHasGpsPosition(exif);
  } catch {
    return false;
  }
}

/**
 * The EXIF block as sharp gives it: a TIFF structure, after an "Exif\0\0" header for JPEG and WebP
 * (PNG's eXIf chunk has none). True when its GPS directory holds both a latitude and a longitude.
 */
export function exifHasGpsPosition(exif: Buffer): boolean {
  const tiff = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
  if (tiff.length < 8) return false;
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return false;
  const little = order === 'II';
  const u16 = (at: number): number | null =>
    at + 2 <= tiff.length ? (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at)) : null;
  const u32 = (at: number): number | null =>
    at + 4 <= tiff.length ? (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at)) : null;

  /** The tags of the directory at `offset`, with each entry's 4-byte value field read as a number. */
  const directory = (offset: number): Map<number, number> | null => {
    const count = u16(offset);
    if (count === null || count > MAX_ENTRIES) return null;
    const tags = new Map<number, number>();
    for (let i = 0; i < count; i++) {
      const entry = offset + 2 + i * 12;
      const tag = u16(entry);
      const value = u32(entry + 8);
      if (tag === null || value === null) return null;
      tags.set(tag, value);
    }
    return tags;
  };

  const first = u32(4);
  if (first === null) return false;
  const gpsOffset = directory(first)?.get(GPS_IFD_POINTER);
  if (gpsOffset === undefined) return false;
  const gps = directory(gpsOffset);
  return gps !== null && gps.has(GPS_LATITUDE) && gps.has(GPS_LONGITUDE);
}
