// Real pictures made by sharp for the image tests: a phone photo with GPS and a sideways orientation,
// a flat-colour screenshot, and a large noisy picture that takes a while to encode.
import sharp from 'sharp';
import { writeFileIn } from './temp-files';

/** A 1200×800 JPEG stored landscape with EXIF orientation 6 (shown portrait) and a GPS position. */
export async function writePhotoWithGps(dir: string, name = 'photo.jpg'): Promise<string> {
  const noisy = await noise(1200, 800);
  const jpeg = await sharp(noisy, { raw: { width: 1200, height: 800, channels: 3 } })
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'Phone 1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '52/1 31/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '13/1 24/1 0/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 98 })
    .toBuffer();
  return writeFileIn(dir, name, jpeg);
}

/** A 1440×900 PNG as screenshots are: flat panels, text-like lines, and a photo in a window. */
export async function writeScreenshotPng(dir: string, name = 'Screenshot 2026-12-07.png'): Promise<string> {
  const width = 1440;
  const height = 900;
  const photo = await noise(width, height);
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const inPhoto = x > 600 && x < 1300 && y > 150 && y < 650;
      const line = y % 24 < 2 && x > 260 && (x * 7 + y) % 13 < 9;
      const v = line ? 40 : x < 240 ? 230 : 250;
      for (let c = 0; c < 3; c++) pixels[i + c] = inPhoto ? (photo[i + c] ?? 0) : v;
    }
  }
  const png = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
  return writeFileIn(dir, name, png);
}

/** A big noisy PNG (side × side): decoding and encoding it to AVIF takes seconds on any machine. */
export async function writeLargeNoisyPng(dir: string, side: number, name = 'large.png'): Promise<string> {
  const png = await sharp(await noise(side, side), { raw: { width: side, height: side, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
  return writeFileIn(dir, name, png);
}

/** Deterministic pseudo-random RGB pixels (a fixed LCG): the same picture on every run. */
async function noise(width: number, height: number): Promise<Buffer> {
  const out = Buffer.alloc(width * height * 3);
  let seed = 12345;
  for (let i = 0; i < out.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    // Smooth-ish noise: neighbouring pixels close in value, as in a photo, so JPEG has work to do.
    out[i] = ((seed >>> 24) & 0x3f) + ((i / 3) % 200);
  }
  return out;
}
