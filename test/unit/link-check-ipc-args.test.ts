// "Check link" reaches the core only with a list of ids, like every other channel: at least one, at most
// a thousand (each is a request to a host), and a bad call is refused with a sentence naming the argument.
import { describe, expect, it } from 'vitest';
import { validateArgs } from '../../src/main/ipc-validators';

describe('history:check arguments', () => {
  it('accepts a list of ids', () => {
    expect(validateArgs('history:check', [[3, 7, 12]])).toEqual({ ok: true, args: [[3, 7, 12]] });
  });

  it('refuses an empty list, too many ids, and what is not an id, naming the argument', () => {
    expect(validateArgs('history:check', [[]])).toEqual({
      ok: false,
      message: 'Argument "ids" of history:check must list at least one id.',
    });
    const many = Array.from({ length: 1001 }, (_, i) => i + 1);
    expect(validateArgs('history:check', [many])).toEqual({
      ok: false,
      message: 'Argument "ids" of history:check may list at most 1000 ids.',
    });
    expect(validateArgs('history:check', [[1, -2]])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Argument "ids.*" of history:check must be an id/u),
    });
    expect(validateArgs('history:check', [5])).toMatchObject({
      ok: false,
      message: 'Argument "ids" of history:check must be a list of ids.',
    });
    expect(validateArgs('history:check', [])).toEqual({
      ok: false,
      message: 'history:check is missing its argument "ids".',
    });
  });
});
