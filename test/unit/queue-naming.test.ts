import { describe, expect, it } from 'vitest';
import { nameFromUrl, targetFor } from '../../src/main/core/queue/enqueue';
import { uniqueSegment } from '../../src/main/core/queue/unique-segment';

describe('uniqueSegment', () => {
  it('is 8 lowercase base32 characters, safe in links and on case-insensitive disks', () => {
    for (let i = 0; i < 200; i++) expect(uniqueSegment()).toMatch(/^[a-z2-7]{8}$/);
  });

  it('does not repeat across many uploads', () => {
    const seen = new Set(Array.from({ length: 10_000 }, () => uniqueSegment()));
    expect(seen.size).toBe(10_000);
  });

  it('maps random bytes onto the alphabet evenly', () => {
    expect(uniqueSegment(4, () => Buffer.from([0, 31, 32, 255]))).toBe('a7a7');
  });
});

describe('targetFor', () => {
  const seg = () => 'abcd2345';

  it('keeps the readable name under a unique folder when no name was given', () => {
    expect(targetFor('kiedrop', undefined, 'photo.png', seg)).toEqual({
      fileName: 'photo.png',
      location: 'kiedrop/abcd2345',
      explicit: false,
    });
  });

  it('puts an explicitly named file at exactly the path the person asked for', () => {
    expect(targetFor('site/img', 'logo.png', 'local-name.png', seg)).toEqual({
      fileName: 'logo.png',
      location: 'site/img',
      explicit: true,
    });
  });
});

describe('nameFromUrl', () => {
  it("takes the link's last path segment, decoded", () => {
    expect(nameFromUrl(new URL('https://example.com/a/my%20photo.jpg?x=1'))).toBe('my photo.jpg');
  });

  it('leaves the name to the server when the link has none', () => {
    expect(nameFromUrl(new URL('https://example.com/'))).toBe('');
    expect(nameFromUrl(new URL('https://example.com/a/%E0%A4%A'))).toBe('');
  });
});
