import { describe, expect, it } from 'vitest';
import { listFlag, parseArgs } from '../../src/cli/args';
import type { FlagSpecs } from '../../src/cli/args';
import { UsageError } from '../../src/cli/errors';

const specs: FlagSpecs = {
  path: { type: 'string' },
  include: { type: 'string', repeatable: true },
  name: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

describe('parseArgs', () => {
  it('reads "--flag value" and "--flag=value" alike', () => {
    expect(parseArgs(['--path', 'a/b', 'x.png'], specs)).toEqual({
      flags: { path: 'a/b' },
      lists: {},
      positionals: ['x.png'],
    });
    expect(parseArgs(['--path=a/b', 'x.png'], specs)).toEqual({
      flags: { path: 'a/b' },
      lists: {},
      positionals: ['x.png'],
    });
  });

  it('keeps "=" inside a value and accepts an empty inline value', () => {
    expect(parseArgs(['--name=a=b.png'], specs).flags).toEqual({ name: 'a=b.png' });
    expect(parseArgs(['--name='], specs).flags).toEqual({ name: '' });
  });

  it('mixes options and positionals in any order', () => {
    const parsed = parseArgs(['a.png', '--json', 'b.png', '--path', 'p', 'c.png'], specs);
    expect(parsed.positionals).toEqual(['a.png', 'b.png', 'c.png']);
    expect(parsed.flags).toEqual({ json: true, path: 'p' });
  });

  it('treats everything after "--" as positional, even if it looks like an option', () => {
    const parsed = parseArgs(['--json', '--', '--path', '-h', 'x'], specs);
    expect(parsed.flags).toEqual({ json: true });
    expect(parsed.positionals).toEqual(['--path', '-h', 'x']);
  });

  it('accepts a short alias and a lone "-" as a positional', () => {
    expect(parseArgs(['-h', '-'], specs)).toEqual({ flags: { help: true }, lists: {}, positionals: ['-'] });
  });

  it('lets the last of a repeated string option win', () => {
    expect(parseArgs(['--path', 'a', '--path', 'b'], specs).flags).toEqual({ path: 'b' });
  });

  it('keeps every value of a repeatable option, in order', () => {
    const parsed = parseArgs(['--include', '*.png', 'dir', '--include=*.jpg'], specs);
    expect(listFlag(parsed, 'include')).toEqual(['*.png', '*.jpg']);
    expect(listFlag(parsed, 'path')).toEqual([]);
  });

  it('refuses unknown options with the option named', () => {
    expect(() => parseArgs(['--pth', 'x'], specs, 'upload')).toThrowError(
      expect.objectContaining({ message: 'unknown option --pth', command: 'upload' }) as Error,
    );
    expect(() => parseArgs(['-x'], specs)).toThrow(/unknown option -x/);
  });

  it('refuses a string option with no value, or with another option where its value should be', () => {
    expect(() => parseArgs(['x.png', '--path'], specs)).toThrow(/--path needs a value/);
    expect(() => parseArgs(['--path', '--json', 'x.png'], specs)).toThrow(/--path needs a value/);
  });

  it('refuses a value given to a boolean option', () => {
    expect(() => parseArgs(['--json=yes'], specs)).toThrow(UsageError);
    expect(() => parseArgs(['--json=yes'], specs)).toThrow(/--json does not take a value/);
  });

  it('allows a value that starts with a single dash', () => {
    expect(parseArgs(['--name', '-draft.png'], specs).flags).toEqual({ name: '-draft.png' });
  });
});
