// A watched folder's picture choices as kept in watch_folders.image_options: NULL while they are the
// defaults (follow Settings), else JSON. Anything unreadable there falls back to the default, field by field.
import { FOLLOW_SETTINGS } from '../images/folder-image-options';
import type { FolderImageChoices } from '../images/folder-image-options';
import { isImageTargetFormat } from '../images/types';
import { WATCH_IMAGE_MODES, WATCH_STRIP_MODES } from '../../../shared/watch';
import type { WatchImageMode, WatchStripMode } from '../../../shared/watch';

export function imageChoicesToColumn(c: FolderImageChoices): string | null {
  const keys = Object.keys(FOLLOW_SETTINGS) as (keyof FolderImageChoices)[];
  if (keys.every((k) => c[k] === FOLLOW_SETTINGS[k])) return null;
  return JSON.stringify({
    mode: c.imageMode,
    format: c.imageFormat,
    quality: c.imageQuality,
    maxSide: c.imageMaxSide,
    strip: c.imageStrip,
  });
}

export function imageChoicesFromColumn(text: string | null): FolderImageChoices {
  if (text === null) return { ...FOLLOW_SETTINGS };
  let v: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    v = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    v = {};
  }
  const { mode, format, quality, maxSide, strip } = v;
  return {
    imageMode: WATCH_IMAGE_MODES.includes(mode as WatchImageMode)
      ? (mode as WatchImageMode)
      : FOLLOW_SETTINGS.imageMode,
    imageFormat:
      typeof format === 'string' && isImageTargetFormat(format) ? format : FOLLOW_SETTINGS.imageFormat,
    imageQuality:
      Number.isInteger(quality) && (quality as number) >= 1 && (quality as number) <= 100
        ? (quality as number)
        : FOLLOW_SETTINGS.imageQuality,
    imageMaxSide: Number.isInteger(maxSide) && (maxSide as number) >= 1 ? (maxSide as number) : null,
    imageStrip: WATCH_STRIP_MODES.includes(strip as WatchStripMode)
      ? (strip as WatchStripMode)
      : FOLLOW_SETTINGS.imageStrip,
  };
}
