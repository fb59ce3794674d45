// What Settings ask of pictures the app uploads: nothing when both switches are off.
import type { Settings } from '../../../shared/settings';
import type { ImageOptions } from './types';

/** Stripping alone re-encodes a JPEG or WebP: at 95 the picture hardly changes. */
export const STRIP_ONLY_QUALITY = 95;

export function imageOptionsFromSettings(
  s: Pick<Settings, 'imageOptimize' | 'imageFormat' | 'imageQuality' | 'imageMaxSide' | 'stripMetadata'>,
): ImageOptions | undefined {
  if (s.imageOptimize) {
    return {
      format: s.imageFormat,
      quality: s.imageQuality,
      maxSide: s.imageMaxSide,
      stripMetadata: s.stripMetadata,
    };
  }
  if (s.stripMetadata)
    return { format: 'keep', quality: STRIP_ONLY_QUALITY, maxSide: null, stripMetadata: true };
  return undefined;
}
