import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImageSettings } from '../main/core/images/folder-image-options';
import { isImageTargetFormat } from '../main/core/images/types';

// The app's picture settings (Settings → Uploads), which a watched folder that follows Settings uses, read
// by hand as the app's settings schema would: loading zod would nearly double the command's start-up. A
// missing, damaged or odd value is the app's default for it (nothing done to pictures).
export function savedImageSettings(dataDir: string): ImageSettings {
  let saved: Record<string, unknown> = {};
  try {
    const value: unknown = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'));
    if (typeof value === 'object' && value !== null) saved = value as Record<string, unknown>;
  } catch {
    // No settings saved yet: the defaults.
  }
  const { imageOptimize, imageFormat, imageQuality, imageMaxSide, stripMetadata } = saved;
  const whole = (v: unknown, max: number): v is number =>
    typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= max;
  return {
    imageOptimize: imageOptimize === true,
    imageFormat: typeof imageFormat === 'string' && isImageTargetFormat(imageFormat) ? imageFormat : 'webp',
    imageQuality: whole(imageQuality, 100) ? imageQuality : 80,
    imageMaxSide: whole(imageMaxSide, 65_535) ? imageMaxSide : null,
    stripMetadata: stripMetadata === true,
  };
}
