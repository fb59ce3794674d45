// The Upload screen's picture choice crosses to the core with the files: "as they are", or a format,
// quality and longest side. Anything else is refused with a sentence naming the argument, before it
// reaches the queue; a link upload carries no picture choice at all (links are sent as they are).
import { describe, expect, it } from 'vitest';
import { validateArgs } from '../../src/main/ipc-validators';

const optimise = { mode: 'optimise', format: 'webp', quality: 80, maxSide: 1920, stripMetadata: true };

describe('upload picture choice arguments', () => {
  it('accepts "as they are" and a well-formed optimise choice', () => {
    expect(validateArgs('upload:files', [['/pictures/a.png'], { images: { mode: 'as-is' } }])).toEqual({
      ok: true,
      args: [['/pictures/a.png'], { images: { mode: 'as-is' } }],
    });
    expect(validateArgs('upload:files', [['/pictures/a.png'], { images: optimise }])).toEqual({
      ok: true,
      args: [['/pictures/a.png'], { images: optimise }],
    });
    const keepSize = { ...optimise, format: 'keep', quality: 1, maxSide: null };
    expect(validateArgs('upload:files', [['/pictures/a.png'], { images: keepSize }]).ok).toBe(true);
  });

  it.each([
    ['an unknown format', { ...optimise, format: 'gif' }, 'must be webp, avif, jpeg or keep'],
    ['quality 0', { ...optimise, quality: 0 }, 'must be a whole number from 1 to 100'],
    ['quality 101', { ...optimise, quality: 101 }, 'must be a whole number from 1 to 100'],
    ['a fractional quality', { ...optimise, quality: 80.5 }, 'must be a whole number from 1 to 100'],
    ['a side of 0', { ...optimise, maxSide: 0 }, 'must be a whole number of pixels'],
    ['a negative side', { ...optimise, maxSide: -1280 }, 'must be a whole number of pixels'],
    ['a fractional side', { ...optimise, maxSide: 1280.5 }, 'must be a whole number of pixels'],
    ['a side given as text', { ...optimise, maxSide: '1280' }, 'must be a whole number of pixels'],
    ['an unknown mode', { mode: 'shrink' }, 'must be { mode: "as-is" }'],
    ['an extra field', { mode: 'as-is', quality: 80 }, 'options.images'],
    ['a missing field', { mode: 'optimise', format: 'webp', quality: 80 }, 'options.images'],
  ])('refuses %s, naming the argument', (_what, images, words) => {
    const res = validateArgs('upload:files', [['/pictures/a.png'], { images }]);
    expect(res.ok).toBe(false);
    const message = res.ok ? '' : res.message;
    expect(message).toContain('"options.images');
    expect(message).toContain(words);
  });

  it('refuses a picture choice on a link upload', () => {
    const res = validateArgs('upload:url', ['https://example.com/a.png', { images: { mode: 'as-is' } }]);
    expect(res).toEqual({
      ok: false,
      message: 'Argument "options" of upload:url has unknown field "images".',
    });
  });

  it('takes the choice for Upload clipboard too, and no choice at all (Settings decide)', () => {
    expect(validateArgs('clipboard:upload', [{}]).ok).toBe(true);
    expect(validateArgs('clipboard:upload', [{ images: optimise }]).ok).toBe(true);
    const bad = validateArgs('clipboard:upload', [{ images: { ...optimise, quality: 0 } }]);
    expect(bad.ok ? '' : bad.message).toContain('must be a whole number from 1 to 100');
  });
});
