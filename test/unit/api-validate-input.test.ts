import { describe, expect, it } from 'vitest';
import {
  ApiError,
  validateFileName,
  validateHttpUrl,
  validateUploadPath,
} from '../../src/main/core/api/index';
import { validateApiKey } from '../../src/main/core/api/validate-input';

function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).kind).toBe('invalid-input');
    return err as ApiError;
  }
  throw new Error('expected the input to be refused');
}

describe('validateUploadPath', () => {
  it.each(['images', 'images/user-uploads', 'a/b/c/d', 'fotos/été 2024', '图片/上传', 'v1.2/x..y'])(
    'accepts %j',
    (p) => expect(() => validateUploadPath(p)).not.toThrow(),
  );

  it.each([
    ['', /upload path is empty/],
    ['/images', /must not start or end with "\/"; use "images"/],
    ['images/', /must not start or end with "\/"; use "images"/],
    ['a\\b', /contains a backslash/],
    ['a//b', /empty folder name/],
    ['a/../b', /must not contain "\." or "\.\." folders/],
    ['..', /"\." or "\.\."/],
    ['./a', /"\." or "\.\."/],
    ['a\nb', /control character/],
    ['a\tb', /control character/],
    ['a\u0000b', /control character/],
    ['a\u007fb', /control character/],
  ])('refuses %j with a message that says why', (p, message) => {
    expect(refusal(() => validateUploadPath(p)).message).toMatch(message);
  });
});

describe('validateFileName', () => {
  it.each(['photo.png', 'résumé 2024.pdf', '图片.png', '.hidden', 'a'.repeat(255), 'say "hi".txt'])(
    'accepts %j',
    (n) => expect(() => validateFileName(n)).not.toThrow(),
  );

  it.each([
    ['', /file name is empty/],
    ['.', /not a usable file name/],
    ['..', /not a usable file name/],
    ['a/b.png', /contains "\/" or "\\"/],
    ['a\\b.png', /contains "\/" or "\\"/],
    ['a\r\nb.png', /control character/],
    ['a'.repeat(256), /too long \(256 bytes in UTF-8; at most 255\)/],
    // 86 three-byte characters = 258 bytes although only 86 characters long
    ['图'.repeat(86), /too long \(258 bytes/],
  ])('refuses %j', (n, message) => {
    expect(refusal(() => validateFileName(n)).message).toMatch(message);
  });
});

describe('validateHttpUrl', () => {
  it('returns the parsed URL for http and https links', () => {
    expect(validateHttpUrl('https://example.com/a.jpg').href).toBe('https://example.com/a.jpg');
    expect(validateHttpUrl('  http://example.com/x?y=1 ').hostname).toBe('example.com');
  });

  it.each([
    ['ftp://example.com/a.jpg', /starts with "ftp:"/],
    ['file:///etc/passwd', /starts with "file:"/],
    ['javascript:alert(1)', /starts with "javascript:"/],
    ['data:text/plain,hi', /starts with "data:"/],
    ['example.com/a.jpg', /not a valid link/],
    ['', /not a valid link/],
  ])('refuses %j', (u, message) => {
    expect(refusal(() => validateHttpUrl(u)).message).toMatch(message);
  });
});

describe('validateApiKey', () => {
  it('accepts a normal key and refuses empty or multi-line keys without echoing them', () => {
    expect(() => validateApiKey('sk-abc123')).not.toThrow();
    expect(refusal(() => validateApiKey('')).message).toMatch(/No API key is set/);
    const err = refusal(() => validateApiKey('secret-key\nInjected: 1'));
    expect(err.message).toMatch(/Paste it again/);
    expect(err.message).not.toContain('secret-key');
  });
});
