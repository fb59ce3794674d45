import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index';
import { download, postJson, rawRequest, sha256, sha256File } from '../emulator/test-client';

// The 1x1 PNG from the API reference's own example.
const DOC_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';
const ROUTE = '/api/file-base64-upload';

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator();
});
afterEach(async () => {
  await emulator.close();
});

const upload = (payload: unknown) => postJson(emulator.url, ROUTE, payload, emulator.apiKey);

describe('POST /api/file-base64-upload', () => {
  it('stores a data URL (the docs example) and answers with the documented success body', async () => {
    const reply = await upload({
      base64Data: `data:image/png;base64,${DOC_PNG_BASE64}`,
      uploadPath: 'images/base64',
      fileName: 'test-image.png',
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      success: true,
      code: 200,
      msg: 'File uploaded successfully',
      data: {
        fileName: 'test-image.png',
        filePath: emulator.filePathFor('images/base64', 'test-image.png'),
        downloadUrl: `${emulator.url}/files/${emulator.filePathFor('images/base64', 'test-image.png')}`,
        fileSize: 70,
        mimeType: 'image/png',
      },
    });
    const got = await download(reply.body.data.downloadUrl);
    expect(got.bytes.equals(Buffer.from(DOC_PNG_BASE64, 'base64'))).toBe(true);
    expect(got.headers.get('content-type')).toBe('image/png');
  });

  it('accepts plain Base64 and names the file at random with the sniffed extension', async () => {
    const reply = await upload({ base64Data: DOC_PNG_BASE64, uploadPath: 'documents/uploads' });
    expect(reply.status).toBe(200);
    expect(reply.body.data.fileName).toMatch(/^[0-9a-f]{16}\.png$/);
    expect(reply.body.data.mimeType).toBe('image/png');
  });

  it("takes the extension of a random name from the data URL's type", async () => {
    const reply = await upload({ base64Data: 'data:text/plain;base64,aGVsbG8=', uploadPath: 'notes' });
    expect(reply.body.data.fileName).toMatch(/^[0-9a-f]{16}\.txt$/);
    expect(reply.body.data.mimeType).toBe('text/plain');
    expect((await download(reply.body.data.downloadUrl)).bytes.toString()).toBe('hello');
  });

  it("falls back to the data URL's declared type when neither the name nor the bytes tell", async () => {
    const reply = await upload({
      base64Data: `data:application/x-kiedrop-sample;base64,${Buffer.from('opaque').toString('base64')}`,
      uploadPath: 'raw',
      fileName: 'sample',
    });
    expect(reply.body.data.mimeType).toBe('application/x-kiedrop-sample');
  });

  it.each([
    ['0 B', 0],
    ['1 B', 1],
    ['10 MiB', 10 * 1024 * 1024],
  ])('stores %s byte-for-byte', async (_label, size) => {
    const bytes = randomBytes(size);
    const reply = await upload({
      base64Data: `data:application/octet-stream;base64,${bytes.toString('base64')}`,
      uploadPath: 'sizes',
      fileName: `b64-${size}.bin`,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.data.fileSize).toBe(size);
    expect(
      await sha256File(emulator.storedFile(emulator.filePathFor(`sizes`, `b64-${size}.bin`)) as string),
    ).toBe(sha256(bytes));
  });

  it.each([
    ['characters outside the alphabet', 'not base64!!'],
    ['a length no encoder produces', 'aGVsb'],
    ['padding in the middle', 'aG=sbG8='],
    ['whitespace', 'aGVs bG8='],
    ['a data URL without ;base64', 'data:text/plain,hello'],
  ])('answers the documented 400 for %s', async (_label, base64Data) => {
    const reply = await upload({ base64Data, uploadPath: 'bad', fileName: 'bad.bin' });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      success: false,
      code: 400,
      msg: 'Base64 decoding failed: Invalid Base64 format',
    });
    expect(emulator.storedFile(emulator.filePathFor('bad', 'bad.bin'))).toBeUndefined();
  });

  it('names the missing parameter', async () => {
    expect((await upload({ uploadPath: 'x' })).body).toEqual({
      success: false,
      code: 400,
      msg: 'Missing required parameter: base64Data',
    });
    expect((await upload({ base64Data: DOC_PNG_BASE64 })).body).toEqual({
      success: false,
      code: 400,
      msg: 'Missing required parameter: uploadPath',
    });
  });

  it('treats a null fileName (as the docs client sends) like no fileName', async () => {
    const reply = await upload({ base64Data: DOC_PNG_BASE64, uploadPath: 'nulls', fileName: null });
    expect(reply.status).toBe(200);
    expect(reply.body.data.fileName).toMatch(/\.png$/);
  });

  it('explains a body that is not JSON', async () => {
    const res = await fetch(`${emulator.url}${ROUTE}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${emulator.apiKey}`, 'Content-Type': 'application/json' },
      body: '{"base64Data": ',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { msg: string }).msg).toMatch(/^Invalid JSON body: /);
  });

  it('refuses a JSON body over 32 MiB with a message pointing to stream upload', async () => {
    const reply = await upload({
      base64Data: 'A'.repeat(33 * 1024 * 1024),
      uploadPath: 'big',
      fileName: 'big.bin',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.msg).toBe(
      'Request body too large: JSON bodies are limited to 32 MiB. Upload big files with /api/file-stream-upload.',
    );
    expect(await readdir(join(emulator.storageDir, 'objects'))).toEqual([]);
  });

  it('refuses an oversized body sent chunked (no Content-Length) once it passes 32 MiB', async () => {
    const body = Buffer.from(JSON.stringify({ base64Data: 'A'.repeat(33 * 1024 * 1024), uploadPath: 'big' }));
    const reply = await rawRequest(`${emulator.url}${ROUTE}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${emulator.apiKey}`,
        'Content-Type': 'application/json',
        'Transfer-Encoding': 'chunked',
      },
      body,
    });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body.toString()).msg).toMatch(/^Request body too large/);
    expect(emulator.log.at(-1)).toMatchObject({ bodyBytes: body.length, status: 400 });
    expect(emulator.log.at(-1)?.contentLength).toBeUndefined();
  });

  it('logs the length of base64Data, not the data', async () => {
    const base64Data = `data:image/png;base64,${DOC_PNG_BASE64}`;
    await upload({ base64Data, uploadPath: 'logged', fileName: 'l.png' });
    expect(emulator.log.at(-1)?.fields).toEqual({
      base64Data: `<${base64Data.length} chars>`,
      uploadPath: 'logged',
      fileName: 'l.png',
    });
  });
});
