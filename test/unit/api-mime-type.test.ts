// The Content-Type sent with a file: the same answer as the mime-types package for every extension it
// knows, from the table generated from it (so the package need not be loaded at start-up).
import mime from 'mime-types';
import { describe, expect, it, vi } from 'vitest';
import { mimeTypeFor } from '../../src/main/core/api/mime-type';

describe('mimeTypeFor', () => {
  it('answers as mime-types does for each of its extensions, in any case (else run scripts/generate-mime-table.ts)', () => {
    const known = Object.entries(mime.types);
    expect(known.length).toBeGreaterThan(1000);
    const differing = known.filter(
      ([extension, type]) =>
        mimeTypeFor(`photo.${extension}`) !== type ||
        mimeTypeFor(`PHOTO.${extension.toUpperCase()}`) !== type,
    );
    expect(differing).toEqual([]);
  });

  it.each([
    'README',
    'archive.tar.gz',
    '.bashrc',
    'json',
    'dir.v2/notes',
    'weird.unknownext',
    'trailing.',
    '',
    'résumé.PDF',
    'C:\\docs\\scan.JPEG',
  ])('%j gets what mime-types says, or application/octet-stream', (name) => {
    expect(mimeTypeFor(name)).toBe(mime.lookup(name) || 'application/octet-stream');
  });
});

describe('mimeTypeFor, first lookups of a process', () => {
  it('answers as mime-types does for every extension before it builds its map', async () => {
    const known = Object.entries(mime.types);
    const differing: string[] = [];
    // A fresh copy of the module per extension: each answer comes from its first lookups.
    for (const [extension, type] of known) {
      vi.resetModules();
      const fresh = await import('../../src/main/core/api/mime-type');
      if (fresh.mimeTypeFor(`photo.${extension}`) !== type) differing.push(extension);
    }
    expect(differing).toEqual([]);
  });
});
