// --optimize, --image-format, --quality, --max-size, --strip-metadata and --keep-metadata: how pictures are processed
// before they are sent. (--format already says how links are copied, hence --image-format.)
import { DEFAULT_IMAGE_OPTIONS, IMAGE_TARGET_FORMATS, isImageTargetFormat } from '../main/core/images/types';
import type { ImageOptions, ImageTargetFormat } from '../main/core/images/types';
import { STRIP_ONLY_QUALITY } from '../main/core/images/from-settings';
import type { ParsedArgs } from './args';
import { booleanFlag, stringFlag } from './args';
import { UsageError } from './errors';
import { wholeNumberFlag } from './number-flags';

/** The largest --max-size: libvips' own limit on a side is far above any screen. */
const MAX_SIDE = 65_535;

/** The image flags as given, checked against each other; shared by `upload` and `watch`. */
export interface GivenImageFlags {
  format: ImageTargetFormat | undefined;
  quality: number | undefined;
  maxSide: number | undefined;
  strip: boolean;
  keep: boolean;
  /** --optimize, or any option that only makes sense when converting. */
  converting: boolean;
}

export function readImageFlags(parsed: ParsedArgs, command: string): GivenImageFlags {
  const optimize = booleanFlag(parsed, 'optimize');
  const formatText = stringFlag(parsed, 'image-format');
  const quality = wholeNumberFlag(parsed, 'quality', { min: 1, max: 100 }, command);
  const maxSide = wholeNumberFlag(parsed, 'max-size', { min: 1, max: MAX_SIDE }, command);
  const strip = booleanFlag(parsed, 'strip-metadata');
  const keep = booleanFlag(parsed, 'keep-metadata');
  if (strip && keep)
    throw new UsageError('--strip-metadata and --keep-metadata contradict each other', command);
  if (formatText !== undefined && !isImageTargetFormat(formatText)) {
    throw new UsageError(
      `--image-format must be ${IMAGE_TARGET_FORMATS.join(', ')} (got "${formatText}")`,
      command,
    );
  }
  const converting = optimize || formatText !== undefined || quality !== undefined || maxSide !== undefined;
  return { format: formatText, quality, maxSide, strip, keep, converting };
}

/** Empty when no image flag is given: files go up as they are. */
export function imageFlags(parsed: ParsedArgs, command: string): { image?: ImageOptions } {
  const { format, quality, maxSide, strip, keep, converting } = readImageFlags(parsed, command);
  if (!converting && !strip && !keep) return {};
  return {
    image: {
      // --strip-metadata alone keeps the format: only the metadata goes.
      format: format ?? (converting ? DEFAULT_IMAGE_OPTIONS.format : 'keep'),
      // Stripping alone re-encodes a JPEG or WebP: at 95 the picture hardly changes.
      quality: quality ?? (converting ? DEFAULT_IMAGE_OPTIONS.quality : STRIP_ONLY_QUALITY),
      maxSide: maxSide ?? null,
      // Stripped unless asked to keep: most people do not know a photo carries where it was taken.
      stripMetadata: !keep,
    },
  };
}
