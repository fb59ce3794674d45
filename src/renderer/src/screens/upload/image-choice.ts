// The Upload screen's picture choice: what Settings would do (said in a few words), or this screen's own
// "Optimise" values, or nothing at all. Held for as long as the screen is open; never saved.
import type { UploadImageChoice } from '../../../../shared/ipc-contract';
import type { Settings } from '../../../../shared/settings';
import type { TFunction } from '../../i18n/messages';

export type ImageMode = 'settings' | 'optimise' | 'as-is';
export type ImageFormat = Settings['imageFormat'];

export interface OptimiseValues {
  format: ImageFormat;
  quality: number;
  maxSide: number | null;
  stripMetadata: boolean;
}

export interface ImageChoiceDraft {
  mode: ImageMode;
  /** Filled from Settings the first time "Optimise" is chosen, then the person's own. */
  optimise: OptimiseValues | null;
}

export const INITIAL_IMAGE_CHOICE: ImageChoiceDraft = { mode: 'settings', optimise: null };

/** The steps offered, as in Settings → Uploads; a value set otherwise in Settings is offered too. */
export const QUALITY_STEPS: readonly number[] = [60, 75, 80, 90];
export const SIDE_STEPS: readonly number[] = [1280, 1920, 2560, 3840];

const FORMAT_NAMES: Record<Exclude<ImageFormat, 'keep'>, string> = {
  webp: 'WebP',
  avif: 'AVIF',
  jpeg: 'JPEG',
};

export function formatName(format: Exclude<ImageFormat, 'keep'>): string {
  return FORMAT_NAMES[format];
}

/** "Optimise" starts from Settings' format, quality, size and metadata choice. */
export function optimiseFromSettings(s: Settings): OptimiseValues {
  return {
    format: s.imageFormat,
    quality: s.imageQuality,
    maxSide: s.imageMaxSide,
    stripMetadata: s.stripMetadata,
  };
}

/** What goes with the files: nothing when Settings decide. */
export function imageChoiceFor(draft: ImageChoiceDraft): UploadImageChoice | undefined {
  if (draft.mode === 'as-is') return { mode: 'as-is' };
  if (draft.mode === 'optimise' && draft.optimise) return { mode: 'optimise', ...draft.optimise };
  return undefined;
}

/** What Settings do to pictures, in a few words: "WebP 80, longest side 1920 px, metadata removed". */
export function settingsSummary(s: Settings, t: TFunction): string {
  const parts: string[] = [];
  if (s.imageOptimize) {
    parts.push(
      s.imageFormat === 'keep'
        ? t('upload.images.summaryKeep', { quality: s.imageQuality })
        : t('upload.images.summaryFormat', { format: formatName(s.imageFormat), quality: s.imageQuality }),
    );
    if (s.imageMaxSide !== null) parts.push(t('upload.images.summarySide', { side: s.imageMaxSide }));
  }
  if (s.stripMetadata) parts.push(t('upload.images.summaryStrip'));
  return parts.length === 0
    ? t('upload.images.summaryNone')
    : parts.join(t('upload.images.summarySeparator'));
}
