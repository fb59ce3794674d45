import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  base64EncodedLength,
  base64FileBody,
  base64TextBody,
  decodedBase64Size,
  encodeBase64Stream,
} from '../../src/main/core/api/base64-body';
import { base64TooLargeError } from '../../src/main/core/api/base64-upload';
import type { RequestBody } from '../../src/main/core/api/request-body';

async function* inChunks(data: Buffer, sizes: number[]): AsyncGenerator<Buffer> {
  let i = 0;
  let k = 0;
  while (i < data.length) {
    const size = sizes[k++ % sizes.length] ?? 1;
    yield data.subarray(i, i + size);
    i += size;
  }
}

async function collect(body: RequestBody): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of body.chunks()) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

describe('encodeBase64Stream', () => {
  it.each([
    [0, [4]],
    [1, [1]],
    [5, [1, 1, 1, 1, 1]],
    [100, [7, 2, 1, 33]],
    [1_000_003, [65536, 1, 2]],
  ])('encodes %i bytes in uneven chunks exactly like one-shot Base64', async (size, sizes) => {
    const data = randomBytes(size);
    const parts: Buffer[] = [];
    for await (const c of encodeBase64Stream(inChunks(data, sizes))) parts.push(c);
    const text = Buffer.concat(parts).toString('latin1');
    expect(text).toBe(data.toString('base64'));
    expect(text.length).toBe(base64EncodedLength(size));
  });
});

describe('base64FileBody', () => {
  it.each([0, 1, 2, 3, 4, 300_001])(
    'produces valid JSON of exactly the announced length for %i bytes',
    async (size) => {
      const data = randomBytes(size);
      const body = base64FileBody(
        { mimeType: 'image/png', size, chunks: () => inChunks(data, [4096, 5]) },
        'images/b64',
        '图片.png',
      );
      const raw = await collect(body);
      expect(raw.length).toBe(body.length);
      expect(body.contentType).toBe('application/json');
      const json = JSON.parse(raw.toString('utf8')) as Record<string, string>;
      expect(json).toEqual({
        base64Data: `data:image/png;base64,${data.toString('base64')}`,
        uploadPath: 'images/b64',
        fileName: '图片.png',
      });
    },
  );

  it('leaves fileName out when none is given', async () => {
    const body = base64FileBody(
      { mimeType: 'text/plain', size: 2, chunks: () => inChunks(Buffer.from('hi'), [2]) },
      'p',
    );
    expect(JSON.parse((await collect(body)).toString())).toEqual({
      base64Data: 'data:text/plain;base64,aGk=',
      uploadPath: 'p',
    });
  });
});

describe('base64TextBody and decodedBase64Size', () => {
  it('sends ready-made data unchanged with an exact length', async () => {
    const body = base64TextBody('data:image/png;base64,iVBORw0KGgo=', 'a/b', 'x "y".png');
    const raw = await collect(body);
    expect(raw.length).toBe(body.length);
    expect(JSON.parse(raw.toString())).toEqual({
      base64Data: 'data:image/png;base64,iVBORw0KGgo=',
      uploadPath: 'a/b',
      fileName: 'x "y".png',
    });
  });

  it.each([0, 1, 2, 3, 10, 1000])(
    'measures the decoded size of %i bytes, with or without a data: prefix',
    (n) => {
      const b64 = randomBytes(n).toString('base64');
      expect(decodedBase64Size(b64)).toBe(n);
      expect(decodedBase64Size(`data:application/octet-stream;base64,${b64}`)).toBe(n);
    },
  );
});

describe('base64TooLargeError', () => {
  it('names the file and its size and points to stream upload', () => {
    const err = base64TooLargeError('photo.raw', Math.round(12.3 * 1024 * 1024));
    expect(err.kind).toBe('invalid-input');
    expect(err.message).toBe(
      'photo.raw is 12.3 MB; Base64 upload takes at most 10.0 MB. Use a stream upload instead.',
    );
  });

  it('shows exact bytes when the size over the limit would read "10.0 MB"', () => {
    expect(base64TooLargeError('a', 10 * 1024 * 1024 + 1).message).toMatch(/^a is 10,485,761 bytes;/);
  });
});
