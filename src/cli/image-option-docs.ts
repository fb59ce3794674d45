// The image options `kiedrop upload` and `kiedrop watch` document alike; the metadata flags are worded per
// command (for a folder they are its saved choice), so each command lists those itself.
import type { OptionDoc } from './command-table';

export const OPTIMIZE_OPTION: OptionDoc = {
  name: 'optimize',
  type: 'boolean',
  description: 'Shrink pictures before sending (WebP, no metadata).',
};

export const IMAGE_CONVERSION_OPTIONS: readonly OptionDoc[] = [
  {
    name: 'image-format',
    type: 'string',
    value: 'F',
    description: 'webp (default), avif, jpeg or keep; implies --optimize.',
  },
  { name: 'quality', type: 'string', value: 'N', description: 'Image quality 1-100 (default 80).' },
  { name: 'max-size', type: 'string', value: 'N', description: 'Longest side at most N pixels.' },
];
