import { describe, expect, it } from 'vitest';
import { base64TooLargeError } from '../../src/main/core/api/base64-upload';

const LIMIT = 10 * 1024 * 1024;

describe('the Base64 size limit message', () => {
  it.each([
    [LIMIT + 1, 'a is 10,485,761 bytes; Base64 upload takes at most 10,485,760 bytes.'],
    [LIMIT + 40_000, 'a is 10,525,760 bytes; Base64 upload takes at most 10,485,760 bytes.'],
    [LIMIT + 60_000, 'a is 10.1 MB; Base64 upload takes at most 10.0 MB.'],
    [Math.round(12.3 * 1024 * 1024), 'a is 12.3 MB; Base64 upload takes at most 10.0 MB.'],
  ])('for %i bytes never shows two sizes that read the same', (bytes, start) => {
    const message = base64TooLargeError('a', bytes).message;
    expect(message).toBe(`${start} Use a stream upload instead.`);
  });
});
