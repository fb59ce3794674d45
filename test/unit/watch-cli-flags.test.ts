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
      '--quiet-ms',
      '750',
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

  it('refuses a quiet period out of range with the accepted range', () => {
    expect(() => settingsFromFlags(parse(['watch', 'dir', '--quiet-ms', '2s']))).toThrow(
      /--quiet-ms must be a whole number from 100 to 600000 \(got "2s"\)/,
    );
  });
});
