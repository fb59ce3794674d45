import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/main/core/api/errors';
import { redactSecret, scrubSecret } from '../../src/main/core/api/redact-secret';

const KEY = 'sk"live\\0123/abcdef';
const b64 = (text: string): string => Buffer.from(text).toString('base64');

/** What is left of the secret in `text`: a word of it (they survive text escaping), or six or more of
 * its Base64 characters in a row. */
function traces(text: string): string[] {
  const found: string[] = ['live', '0123', 'abcdef'].filter((word) => text.includes(word));
  for (const prefix of ['', 'x', 'xy']) {
    const encoded = b64(prefix + KEY);
    for (let i = 0; i + 6 <= encoded.length; i++) {
      const piece = encoded.slice(i, i + 6);
      if (!/^[A-Za-z0-9+/]{6}$/u.test(piece) || b64(prefix).startsWith(piece)) continue;
      if (text.includes(piece) && !piece.includes('=')) found.push(`base64 "${piece}"`);
    }
  }
  return found;
}

describe('scrubSecret', () => {
  it.each([
    ['raw', `Bearer ${KEY}`],
    ['JSON-escaped', JSON.stringify({ auth: `Bearer ${KEY}` })],
    ['JSON-escaped twice', JSON.stringify(JSON.stringify({ auth: KEY }))],
    ['JSON with \\u escapes and \\/', 'sk\\u0022live\\\\0123\\/abcdef'],
    ['URL-encoded', `token=${encodeURIComponent(KEY)}`],
    ['URL-encoded in lower case', encodeURIComponent(KEY).replace(/%[0-9A-F]{2}/gu, (m) => m.toLowerCase())],
    ['form-encoded', new URLSearchParams({ token: KEY }).toString()],
    ['HTML-escaped', 'sk&quot;live\\0123/abcdef'],
    ['Base64', b64(KEY)],
    ['Base64 of "Bearer <key>"', b64(`Bearer ${KEY}`)],
    ['Base64 of a Basic header', `Basic ${b64(`user:${KEY}`)}`],
    ['Base64url', Buffer.from(`x${KEY}`).toString('base64url')],
  ])('masks the key %s', (_, text) => {
    expect(traces(text)).not.toEqual([]);
    const clean = scrubSecret(text, KEY);
    expect(clean).toContain('[redacted]');
    expect(clean).not.toContain(KEY);
    expect(traces(clean)).toEqual([]);
  });

  it('masks the start of the key where a long body was cut off', () => {
    const text = `{"echo":"${'x'.repeat(20)}${KEY.slice(0, 9)}… (4096 characters)`;
    expect(scrubSecret(text, KEY)).toBe(`{"echo":"${'x'.repeat(20)}[redacted]… (4096 characters)`);
  });

  it('leaves text without the key alone', () => {
    const text = 'The answer from 127.0.0.1 is not JSON (status 200).';
    expect(scrubSecret(text, KEY)).toBe(text);
  });
});

describe('redactSecret', () => {
  it('scrubs the JSON-escaped key from rawBody, message and stack', () => {
    const body = JSON.stringify({ echo: `Bearer ${KEY}` });
    const err = new ApiError('invalid-response', `bad answer: ${body}`, { status: 200, rawBody: body });
    const clean = redactSecret(err, KEY) as ApiError;
    expect(clean).not.toBe(err);
    for (const text of [clean.message, clean.rawBody ?? '', clean.stack ?? '']) {
      expect(text).not.toContain(JSON.stringify(KEY).slice(1, -1));
      expect(text).toContain('[redacted]');
    }
    expect(clean.kind).toBe('invalid-response');
  });
});
