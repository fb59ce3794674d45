import { describe, expect, it } from 'vitest';
import { keyHint, KeychainError, normalizeApiKey } from '../../src/main/core/secrets';

describe('keyHint', () => {
  it('shows only the last four characters', () => {
    expect(keyHint('0123456789abcdef0123f3a9')).toBe('…f3a9');
    expect(keyHint('  0123456789abcdef0123f3a9\n')).toBe('…f3a9');
  });

  it('shows nothing of a short key, where four characters would give too much away', () => {
    expect(keyHint('abc12345')).toBe('…');
  });
});

describe('normalizeApiKey', () => {
  it('trims surrounding whitespace, such as the newline of `echo KEY |`', () => {
    expect(normalizeApiKey('  abcdef123456\n')).toBe('abcdef123456');
  });

  it.each([
    ['', /empty/],
    ['   \n\t', /empty/],
    ['abc def', /spaces or line breaks/],
    ['abc\ndef', /spaces or line breaks/],
    ['abc\u0000def', /control characters/],
    ['abc\u007fdef', /control characters/],
    ['clé-secrète', /non-ASCII/],
    ['a'.repeat(5000), /5000 characters/],
  ])('refuses %j with a clear reason', (raw, reason) => {
    let caught: unknown;
    try {
      normalizeApiKey(raw);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(KeychainError);
    expect((caught as KeychainError).kind).toBe('invalid-key');
    expect((caught as KeychainError).message).toMatch(reason);
  });
});
