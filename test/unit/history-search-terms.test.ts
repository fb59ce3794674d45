// What the user types in the search box must be matched literally, never parsed as query syntax.
import { describe, expect, it } from 'vitest';
import { charCount, ftsPhrase, likeContains, useFts } from '../../src/main/core/history/search-terms';

describe('search terms', () => {
  it('uses the trigram index from three characters, counting characters rather than bytes', () => {
    expect(useFts('ab')).toBe(false);
    expect(useFts('abc')).toBe(true);
    expect(charCount('图片')).toBe(2);
    expect(useFts('图片')).toBe(false);
    expect(useFts('图片.')).toBe(true);
    expect(charCount('😀😀')).toBe(2);
  });

  it('wraps the query as one FTS5 phrase with quotes doubled', () => {
    expect(ftsPhrase('photo')).toBe('"photo"');
    expect(ftsPhrase('say "hi"')).toBe('"say ""hi"""');
    expect(ftsPhrase('a OR b NEAR(c) -d *')).toBe('"a OR b NEAR(c) -d *"');
  });

  it('escapes LIKE wildcards and the escape character', () => {
    expect(likeContains('50%')).toBe('%50\\%%');
    expect(likeContains('a_b')).toBe('%a\\_b%');
    expect(likeContains('c:\\x')).toBe('%c:\\\\x%');
  });
});
