// What the user asked to be done to a picture before it is uploaded.
import type { ImageNoteCode } from '../../../shared/image-note';

export type ImageTargetFormat = 'webp' | 'avif' | 'jpeg' | 'keep';

export const IMAGE_TARGET_FORMATS: readonly ImageTargetFormat[] = ['webp', 'avif', 'jpeg', 'keep'];

export interface ImageOptions {
  format: ImageTargetFormat;
  /** 1–100. */
  quality: number;
  /** Longest side at most this many px; null: the size is kept. */
  maxSide: number | null;
  /** EXIF (GPS included) and XMP removed, after the orientation has been applied to the pixels. */
  stripMetadata: boolean;
}

export const DEFAULT_IMAGE_OPTIONS: ImageOptions = {
  format: 'webp',
  quality: 80,
  maxSide: null,
  stripMetadata: true,
};

export interface OptimizeOutcome {
  /** The file to send: the processed copy in the temporary folder, or the original itself. */
  path: string;
  /** True when `path` is the processed copy (it is ours to delete). */
  processed: boolean;
  /** The extension the uploaded name should carry, without the dot. */
  extension: string | null;
  originalSize: number;
  size: number;
  /** Why the original is sent, or what was kept; null when the picture was simply optimised. */
  note: ImageNoteCode | null;
}

export function isImageTargetFormat(value: string): value is ImageTargetFormat {
  return (IMAGE_TARGET_FORMATS as readonly string[]).includes(value);
}

/** The options as stored with a job; anything unreadable is null (the file goes up unchanged). */
export function parseImageOptions(text: string | null): ImageOptions | null {
  if (text === null) return null;
  try {
    const v = JSON.parse(text) as Partial<ImageOptions>;
    if (typeof v.format !== 'string' || !isImageTargetFormat(v.format)) return null;
    return {
      format: v.format,
      quality: clampQuality(v.quality),
      maxSide: typeof v.maxSide === 'number' && v.maxSide > 0 ? Math.floor(v.maxSide) : null,
      stripMetadata: v.stripMetadata === true,
    };
  } catch {
    return null;
  }
}

export function clampQuality(q: unknown): number {
  return typeof q === 'number' && Number.isFinite(q) ? Math.min(100, Math.max(1, Math.round(q))) : 80;
}
