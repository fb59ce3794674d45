// Whether a file says where it was taken: real pictures made by sharp, with and without a GPS position,
// in each format a phone or a browser saves, and files that are not pictures at all.
import { rm } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasGpsPosition } from '../../src/main/core/images/location-check';
import { makeTempDir, writeFileIn } from '../support/temp-files';
import { writePhotoWithGps } from '../support/test-images';

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('kiedrop-gps-');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const GPS = {
  IFD3: {
    GPSLatitudeRef: 'S',
    GPSLatitude: '33/1 52/1 0/1',
    GPSLongitudeRef: 'E',
    GPSLongitude: '151/1 12/1 0/1',
  },
};

async function picture(
  format: 'jpeg' | 'png' | 'webp',
  exif?: Parameters<ReturnType<typeof sharp>['withExif']>[0],
) {
  let pipeline = sharp({ create: { width: 32, height: 24, channels: 3, background: '#3a6' } });
  if (exif) pipeline = pipeline.withExif(exif);
  return pipeline[format]().toBuffer();
}

describe('hasGpsPosition', () => {
  it('finds the position in a phone photo (JPEG with orientation and camera details)', async () => {
    expect(await hasGpsPosition(await writePhotoWithGps(dir, 'phone.jpg'))).toBe(true);
  });

  it.each(['jpeg', 'png', 'webp'] as const)('finds it in a %s with GPS EXIF', async (format) => {
    const path = await writeFileIn(dir, `gps.${format}`, await picture(format, GPS));
    expect(await hasGpsPosition(path)).toBe(true);
  });

  it.each(['jpeg', 'png', 'webp'] as const)(
    'says no for a %s whose EXIF has no position (camera make only) or no EXIF at all',
    async (format) => {
      const camera = await writeFileIn(
        dir,
        `camera.${format}`,
        await picture(format, { IFD0: { Make: 'X' } }),
      );
      const bare = await writeFileIn(dir, `bare.${format}`, await picture(format));
      expect(await hasGpsPosition(camera)).toBe(false);
      expect(await hasGpsPosition(bare)).toBe(false);
    },
  );

  it('says no, without throwing, for a PDF, a corrupt JPEG and a missing file', async () => {
    const pdf = await writeFileIn(dir, 'doc.pdf', '%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    const whole = await picture('jpeg', GPS);
    // The JPEG signature, then garbage where the EXIF block and the picture were.
    const corrupt = Buffer.concat([whole.subarray(0, 4), Buffer.alloc(200, 0xee)]);
    const broken = await writeFileIn(dir, 'broken.jpg', corrupt);
    expect(await hasGpsPosition(pdf)).toBe(false);
    expect(await hasGpsPosition(broken)).toBe(false);
    expect(await hasGpsPosition(`${dir}/not-there.jpg`)).toBe(false);
  });
});
