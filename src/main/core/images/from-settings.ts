// What Settings ask of pictures the app uploads: nothing when both switches are off.
import type { UploadImageChoice } from '../../../shared/ipc-contract';
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

/** A choice made for one upload (the Upload screen's Pictures choice) wins over Settings; none: Settings. */
export function imageOptionsFor(
  choice: UploadImageChoice | undefined,
  s: Parameters<typeof imageOptionsFromSettings>[0],
): ImageOptions | undefined {
  if (choice?.mode === 'as-is') return undefined;
  if (choice?.mode === 'optimise') {
    const { format, quality, maxSide, stripMetadata } = choice;
    return { format, quality, maxSide, stripMetadata };
  }
  return imageOptionsFromSettings(s);
}
