// A mistyped command gets the likely one back, and only when it is really close.
import { describe, expect, it } from 'vitest';
import { editDistance, suggestCommand } from '../../src/cli/suggest-command';

const KNOWN = [
  'upload',
  'upload-url',
  'share',
  'history',
  'renew',
  'queue',
  'export',
  'watch',
  'credits',
  'key',
  'help',
];

describe('did you mean …?', () => {
  it('finds the command behind a dropped, doubled, wrong or swapped letter', () => {
    expect(suggestCommand('uplod', KNOWN)).toBe('upload');
    expect(suggestCommand('hisotry', KNOWN)).toBe('history');
    expect(suggestCommand('qeueu', KNOWN)).toBe('queue');
    expect(suggestCommand('Watch', KNOWN)).toBe('watch');
    expect(suggestCommand('credit', KNOWN)).toBe('credits');
  });

  it('suggests nothing for a word that is not near any command', () => {
    expect(suggestCommand('frobnicate', KNOWN)).toBeNull();
    expect(suggestCommand('x', KNOWN)).toBeNull();
    expect(suggestCommand('ls', KNOWN)).toBeNull();
  });

  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
