// The tray icon as an Electron image, drawn at the sizes each platform's tray uses (with a 2× version
// for high-density screens). Progress is drawn in sixteenths: finer steps are invisible at 16 pixels
// and would only cost redraws.
import { nativeImage, type NativeImage } from 'electron';
import { encodePng } from './png-encode';
import { drawTrayIcon } from './tray-icon-art';

const STEPS = 16;
const cache = new Map<string, NativeImage>();

/** Windows and macOS draw tray icons at 16 points; most Linux panels at 22. */
function baseSize(platform: NodeJS.Platform): number {
  return platform === 'linux' ? 22 : 16;
}

export function progressStep(fraction: number | null): number | null {
  return fraction === null ? null : Math.floor(Math.min(1, Math.max(0, fraction)) * STEPS) / STEPS;
}

export function trayIcon(fraction: number | null, platform: NodeJS.Platform = process.platform): NativeImage {
  const progress = progressStep(fraction);
  const key = `${platform}:${progress ?? 'rest'}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const template = platform === 'darwin';
  const size = baseSize(platform);
  const image = nativeImage.createEmpty();
  for (const scaleFactor of [1, 2]) {
    const px = size * scaleFactor;
    image.addRepresentation({
      scaleFactor,
      buffer: encodePng(px, px, drawTrayIcon(px, { template, progress })),
    });
  }
  // macOS tints template images to suit light and dark menu bars.
  if (template) image.setTemplateImage(true);
  cache.set(key, image);
  return image;
}
