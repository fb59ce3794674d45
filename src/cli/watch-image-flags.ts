// `kiedrop watch`'s picture options: the flags of `kiedrop upload`, meaning the same, saved as the
// folder's own choices over Settings'; --no-optimize and --follow-settings undo them.
import type { WatchFolderSettings } from '../shared/watch';
import type { ParsedArgs } from './args';
import { booleanFlag } from './args';
import { UsageError } from './errors';
import { readImageFlags } from './image-flags';

type ImageChoices = Partial<
  Pick<WatchFolderSettings, 'imageMode' | 'imageFormat' | 'imageQuality' | 'imageMaxSide' | 'imageStrip'>
>;

/** Only the choices given, so a saved folder keeps the rest. */
export function watchImageFlags(parsed: ParsedArgs, command: string): ImageChoices {
  const { format, quality, maxSide, strip, keep, converting } = readImageFlags(parsed, command);
  const original = booleanFlag(parsed, 'no-optimize');
  const follow = booleanFlag(parsed, 'follow-settings');
  if (original && converting)
    throw new UsageError(
      '--no-optimize sends pictures as they are; leave out the other image options',
      command,
    );
  if (follow) {
    if (converting || original || strip || keep)
      throw new UsageError('--follow-settings takes no other image option', command);
    return { imageMode: 'settings', imageStrip: 'settings' };
  }
  const out: ImageChoices = {};
  if (converting) {
    out.imageMode = 'optimize';
    if (format !== undefined) out.imageFormat = format;
    if (quality !== undefined) out.imageQuality = quality;
    if (maxSide !== undefined) out.imageMaxSide = maxSide;
    // As with `kiedrop upload`: optimised pictures lose their metadata unless asked to keep it.
    out.imageStrip = keep ? 'never' : 'always';
  }
  if (original) out.imageMode = 'original';
  if (strip) out.imageStrip = 'always';
  if (keep) out.imageStrip = 'never';
  return out;
}

/** "pictures webp q80 ≤1920 px, location removed": the folder's choices, for `kiedrop watch --list`. */
export function describeImageChoices(f: WatchFolderSettings): string[] {
  const side = f.imageMaxSide === null ? '' : ` max ${f.imageMaxSide} px`;
  const pictures =
    f.imageMode === 'optimize'
      ? [`pictures ${f.imageFormat} q${f.imageQuality}${side}`]
      : f.imageMode === 'original'
        ? ['pictures as they are']
        : [];
  const strip =
    f.imageStrip === 'always' ? ['location removed'] : f.imageStrip === 'never' ? ['location kept'] : [];
  return [...pictures, ...strip];
}
