// Naming templates typed on the Upload screen cross to the core with the files; what they mean is checked
// when the files are queued (with a naming.* code), but their shape is checked here, and a link upload
// carries none (its name is taken as it is).
import { describe, expect, it } from 'vitest';
import { validateArgs } from '../../src/main/ipc-validators';

describe('upload naming template arguments', () => {
  it('accepts a name and a path template for files', () => {
    const options = { nameTemplate: '{name}-{random:6}.{ext}', pathTemplate: 'shots/{date:YYYY}' };
    expect(validateArgs('upload:files', [['/pictures/a.png', '/pictures/b.png'], options])).toEqual({
      ok: true,
      args: [['/pictures/a.png', '/pictures/b.png'], options],
    });
  });

  it.each([
    ['an empty name template', { nameTemplate: '' }, '"options.nameTemplate'],
    ['a path template that is not text', { pathTemplate: 7 }, '"options.pathTemplate'],
    ['an endless template', { nameTemplate: `{name}${'x'.repeat(2001)}` }, 'at most 2000 characters'],
  ])('refuses %s, naming the argument', (_what, options, words) => {
    const res = validateArgs('upload:files', [['/pictures/a.png'], options]);
    expect(res.ok).toBe(false);
    expect(res.ok ? '' : res.message).toContain(words);
  });

  it('refuses a template on a link upload', () => {
    const res = validateArgs('upload:url', ['https://example.com/a.png', { nameTemplate: '{name}.{ext}' }]);
    expect(res.ok).toBe(false);
  });
});
