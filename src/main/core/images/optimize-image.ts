// Converts, shrinks and strips a picture before upload with sharp. libvips decodes and encodes on libuv's
// thread pool and writes the result straight to a file in our temporary folder, so the JavaScript thread
// never holds or waits on the pixels, and the user's original is only ever read.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type sharpModule from 'sharp';
import type { Metadata, Sharp as Pipeline } from 'sharp';
import { sniffImage } from '../thumbnails';
import type { ImageFormat } from '../thumbnails';
import type { ImageOptions, OptimizeOutcome } from './types';
import type { ImageNoteCode } from '../../../shared/image-note';

type Sharp = typeof sharpModule;
let loading: Promise<Sharp> | null = null;

// Loaded on first use, as for thumbnails: no libvips at startup for uploads that do not need it.
function loadSharp(): Promise<Sharp> {
  loading ??= import('sharp').then(({ default: sharp }) => {
    // No libvips file cache: it keeps source files open, and Windows then refuses to delete them.
    sharp.cache(false);
    return sharp;
  });
  return loading;
}

// Stored as codes; their English sentences are in src/shared/image-note.ts.
export const NOTE_NOT_AN_IMAGE: ImageNoteCode = 'not-an-image';
export const NOTE_UNREADABLE: ImageNoteCode = 'unreadable';
export const NOTE_NOT_SMALLER: ImageNoteCode = 'not-smaller';
export const NOTE_ANIMATED: ImageNoteCode = 'animated';
export const NOTE_LARGER_BUT_STRIPPED: ImageNoteCode = 'larger-but-stripped';

/** Extensions of the formats we write, keyed by sharp's format name. */
const EXTENSION: Record<string, string> = {
  webp: 'webp',
  avif: 'avif',
  jpeg: 'jpg',
  png: 'png',
  gif: 'gif',
  tiff: 'tiff',
  heif: 'heic',
};

export interface OptimizeTarget {
  /** Base of the processed file's name inside `tempDir` (the extension is added); random when absent. */
  baseName?: string;
}

/**
 * Never throws for the picture itself: a non-image, or one sharp cannot read, is passed through with a
 * note. Only a failure to write the temporary folder rejects (the upload must not silently skip a
 * metadata strip that was asked for).
 */
export async function optimizeImage(
  input: string,
  options: ImageOptions,
  tempDir: string,
  target: OptimizeTarget = {},
): Promise<OptimizeOutcome> {
  const originalSize = (await stat(input)).size;
  const unchanged = (note: ImageNoteCode): OptimizeOutcome => ({
    path: input,
    processed: false,
    extension: null,
    originalSize,
    size: originalSize,
    note,
  });
  const format = await sniffImage(input);
  if (format === null) return unchanged(NOTE_NOT_AN_IMAGE);

  const sharp = await loadSharp();
  let meta: Metadata;
  try {
    meta = await sharp(input).metadata();
  } catch {
    return unchanged(NOTE_UNREADABLE);
  }
  if ((meta.pages ?? 1) > 1) return unchanged(NOTE_ANIMATED);

  const outFormat = options.format === 'keep' ? keptFormat(format) : options.format;
  const extension = EXTENSION[outFormat] ?? outFormat;
  await mkdir(tempDir, { recursive: true });
  const base = target.baseName ?? `image-${randomBytes(6).toString('hex')}`;
  const output = join(tempDir, `${base}.${extension}`);
  // Written under another name first: a crash never leaves a half-written file under the real one.
  const partial = `${output}.part`;
  try {
    // The orientation goes into the pixels first, so a stripped picture does not turn sideways.
    let pipeline = sharp(input).rotate();
    if (options.maxSide !== null) {
      pipeline = pipeline.resize(options.maxSide, options.maxSide, {
        fit: 'inside',
        withoutEnlargement: true,
      });
    }
    // sharp writes no metadata unless told to; keeping it keeps EXIF, ICC and XMP as they were.
    if (!options.stripMetadata) pipeline = pipeline.keepMetadata();
    else pipeline = pipeline.keepIccProfile();
    pipeline = encode(pipeline, outFormat, options.quality);
    await pipeline.toFile(partial);
  } catch {
    await rm(partial, { force: true });
    return unchanged(NOTE_UNREADABLE);
  }
  await rename(partial, output);
  const size = (await stat(output)).size;
  if (size < originalSize) {
    return { path: output, processed: true, extension, originalSize, size, note: null };
  }
  const hadMetadata = meta.exif !== undefined || meta.xmp !== undefined || meta.iptc !== undefined;
  if (options.stripMetadata && hadMetadata) {
    return { path: output, processed: true, extension, originalSize, size, note: NOTE_LARGER_BUT_STRIPPED };
  }
  await rm(output, { force: true });
  return unchanged(NOTE_NOT_SMALLER);
}

/** "Keep the format" for formats we can write back; HEIF/TIFF become JPEG, which every viewer opens. */
function keptFormat(format: ImageFormat): 'jpeg' | 'png' | 'webp' | 'gif' {
  if (format === 'png' || format === 'webp' || format === 'gif') return format;
  return 'jpeg';
}

function encode(pipeline: Pipeline, format: string, quality: number): Pipeline {
  switch (format) {
    case 'webp':
      return pipeline.webp({ quality });
    case 'avif':
      // Effort 4 of 9: near the best size at a fraction of the time of the slowest settings.
      return pipeline.avif({ quality, effort: 4 });
    case 'png':
      // PNG has no quality; the strongest lossless compression instead.
      return pipeline.png({ compressionLevel: 9, adaptiveFiltering: true });
    case 'gif':
      return pipeline.gif();
    default:
      return pipeline.jpeg({ quality, mozjpeg: true });
  }
}
