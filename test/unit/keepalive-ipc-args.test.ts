// The pin channels check their arguments like every other channel: an id, and for pin whether the pin
// follows the local file. A bad call is refused with a sentence naming the argument, never reaching the core.
import { describe, expect, it } from 'vitest';
import { validateArgs } from '../../src/main/ipc-validators';

describe('pin channel arguments', () => {
  it('accepts an id and { followFile }', () => {
    expect(validateArgs('history:pin', [12, { followFile: true }])).toEqual({
      ok: true,
      args: [12, { followFile: true }],
    });
    expect(validateArgs('history:unpin', [12]).ok).toBe(true);
    expect(validateArgs('history:pin-state', [12]).ok).toBe(true);
  });

  it('refuses what is not an id or not a pin choice, naming the argument', () => {
    expect(validateArgs('history:pin', [-1, { followFile: false }])).toEqual({
      ok: false,
      message: 'Argument "id" of history:pin must be an id (a positive whole number).',
    });
    expect(validateArgs('history:pin', [3, { followFile: 'yes' }])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Argument "options.*" of history:pin must be true or false\.$/u),
    });
    expect(validateArgs('history:pin', [3, { followFile: true, extra: 1 }]).ok).toBe(false);
    expect(validateArgs('history:pin', [3])).toEqual({
      ok: false,
      message: 'history:pin is missing its argument "options".',
    });
    expect(validateArgs('history:unpin', ['3']).ok).toBe(false);
  });
});
