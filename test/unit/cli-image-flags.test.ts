// What the image flags of `kiedrop upload` ask for, and the mistakes they refuse before anything is read.
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args';
import { COMMANDS, flagSpecsFor } from '../../src/cli/command-table';
import { imageFlags } from '../../src/cli/image-flags';

const upload = COMMANDS.find((c) => c.name === 'upload');
const flags = (...argv: string[]): ReturnType<typeof imageFlags> => {
  if (!upload) throw new Error('no upload command');
  return imageFlags(parseArgs(['a.png', ...argv], flagSpecsFor(upload), 'upload'), 'upload');
};

describe('kiedrop upload image flags', () => {
  it('sends files as they are without any image flag', () => {
    expect(flags()).toEqual({});
  });

  it('--optimize converts to WebP at quality 80 and removes metadata', () => {
    expect(flags('--optimize')).toEqual({
      image: { format: 'webp', quality: 80, maxSide: null, stripMetadata: true },
    });
  });

  it('format, quality and size imply --optimize; --keep-metadata keeps it', () => {
    expect(
      flags('--image-format', 'avif', '--quality', '55', '--max-size', '2560', '--keep-metadata'),
    ).toEqual({
      image: { format: 'avif', quality: 55, maxSide: 2560, stripMetadata: false },
    });
  });

  it('--strip-metadata alone keeps the format, at a quality that hardly changes the picture', () => {
    expect(flags('--strip-metadata')).toEqual({
      image: { format: 'keep', quality: 95, maxSide: null, stripMetadata: true },
    });
  });

  it('refuses an unknown format, a quality out of range and contradicting metadata flags', () => {
    expect(() => flags('--image-format', 'gif')).toThrow(
      '--image-format must be webp, avif, jpeg, keep (got "gif")',
    );
    expect(() => flags('--quality', '0')).toThrow('--quality must be a whole number from 1 to 100');
    expect(() => flags('--strip-metadata', '--keep-metadata')).toThrow('contradict');
  });
});
