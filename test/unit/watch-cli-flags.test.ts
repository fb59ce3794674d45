// How `kiedrop watch` reads its options into folder settings.
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args';
import { flagSpecsFor } from '../../src/cli/command-table';
import { settingsFromFlags, splitGlobs } from '../../src/cli/commands/watch';
import { WATCH_COMMAND } from '../../src/cli/commands/watch-docs';

const parse = (argv: string[]) => parseArgs(argv, flagSpecsFor(WATCH_COMMAND), 'watch');

describe('splitGlobs', () => {
  it('splits at commas but keeps brace alternatives whole', () => {
    expect(splitGlobs('*.png, *.jpg')).toEqual(['*.png', '*.jpg']);
    expect(splitGlobs('*.{png,jpg},docs/**')).toEqual(['*.{png,jpg}', 'docs/**']);
    expect(splitGlobs(' , ')).toEqual([]);
  });
});

describe('settingsFromFlags', () => {
  it('returns only what was given, so a saved folder keeps its other settings', () => {
    expect(settingsFromFlags(parse(['watch', 'dir']))).toEqual({});
    expect(settingsFromFlags(parse(['watch', 'dir', '--upload-changed']))).toEqual({ uploadChanged: true });
  });

  it('keeps every --include and --exclude when they are repeated', () => {
    const parsed = parse([
      'watch',
      'dir',
      '--include',
      '*.png',
      '--include',
      '*.jpg,*.gif',
      '--exclude',
      'a/**',
    ]);
    expect(settingsFromFlags(parsed)).toEqual({ include: ['*.png', '*.jpg', '*.gif'], exclude: ['a/**'] });
  });

  it('maps every option to its setting', () => {
    const parsed = parse([
      'watch',
      'dir',
      '--path',
      'shots',
      '--include',
      '*.png,*.jpg',
      '--exclude',
      'tmp/**',
      '--no-recursive',
      '--polling',
      '--quiet',
      '0.75',
    ]);
    expect(settingsFromFlags(parsed)).toEqual({
      uploadPath: 'shots',
      include: ['*.png', '*.jpg'],
      exclude: ['tmp/**'],
      recursive: false,
      polling: true,
      quietMs: 750,
    });
  });

  it('takes the quiet period in seconds, with decimals, as the app does', () => {
    expect(settingsFromFlags(parse(['watch', 'dir', '--quiet', '1.5']))).toEqual({ quietMs: 1500 });
    expect(settingsFromFlags(parse(['watch', 'dir', '--quiet', '2']))).toEqual({ quietMs: 2000 });
    expect(settingsFromFlags(parse(['watch', 'dir', '--quiet', '0,25']))).toEqual({ quietMs: 250 });
  });

  it('refuses a quiet period out of range with the accepted range in seconds', () => {
    for (const text of ['2s', '0.05', '601', '-1', '']) {
      expect(() => settingsFromFlags(parse(['watch', 'dir', `--quiet=${text}`]))).toThrow(
        `--quiet must be a number of seconds from 0.1 to 600 (got "${text}")`,
      );
    }
  });

  it('refuses the old --quiet-ms, naming the new flag with the same wait in seconds', () => {
    expect(() => settingsFromFlags(parse(['watch', 'dir', '--quiet-ms', '500']))).toThrow(
      '--quiet-ms was replaced by --quiet, in seconds: --quiet 0.5',
    );
    expect(() => settingsFromFlags(parse(['watch', 'dir', '--quiet-ms', 'soon']))).toThrow(
      '--quiet-ms was replaced by --quiet, in seconds: --quiet 2',
    );
  });
});

describe('the image options of kiedrop watch', () => {
  const images = (...flags: string[]) => settingsFromFlags(parse(['watch', 'dir', ...flags]));

  it("mean what they mean for kiedrop upload, saved as the folder's own choices", () => {
    expect(images('--optimize')).toEqual({ imageMode: 'optimize', imageStrip: 'always' });
    expect(images('--quality', '70', '--keep-metadata')).toEqual({
      imageMode: 'optimize',
      imageQuality: 70,
      imageStrip: 'never',
    });
    expect(images('--strip-metadata')).toEqual({ imageStrip: 'always' });
    expect(images('--keep-metadata')).toEqual({ imageStrip: 'never' });
  });

  it('send pictures as they are, or go back to Settings', () => {
    expect(images('--no-optimize')).toEqual({ imageMode: 'original' });
    expect(images('--follow-settings')).toEqual({ imageMode: 'settings', imageStrip: 'settings' });
  });

  it('refuse what contradicts itself, saying what to leave out', () => {
    expect(() => images('--strip-metadata', '--keep-metadata')).toThrow(
      '--strip-metadata and --keep-metadata contradict each other',
    );
    expect(() => images('--follow-settings', '--optimize')).toThrow(
      '--follow-settings takes no other image option',
    );
    expect(() => images('--image-format', 'gif')).toThrow(
      '--image-format must be webp, avif, jpeg, keep (got "gif")',
    );
  });
});
