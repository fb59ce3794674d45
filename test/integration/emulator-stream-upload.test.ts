import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index';
import { download, multipartBody, postForm, rawRequest, sha256, sha256File } from '../emulator/test-client';

const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
);

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator();
});
afterEach(async () => {
  await emulator.close();
});

function form(entries: Array<[string, string | Blob, string?]>): FormData {
  const f = new FormData();
  for (const [name, value, filename] of entries) {
    if (typeof value === 'string') f.append(name, value);
    else f.append(name, value, filename);
  }
  return f;
}

describe('POST /api/file-stream-upload', () => {
  it('stores the file and answers with the documented success body', async () => {
    const bytes = randomBytes(3000);
    const reply = await postForm(
      emulator.url,
      form([
        ['file', new Blob([bytes]), 'photo.jpg'],
        ['uploadPath', 'images/user-uploads'],
        ['fileName', 'custom-name.jpg'],
      ]),
      emulator.apiKey,
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      success: true,
      code: 200,
      msg: 'File uploaded successfully',
      data: {
        fileName: 'custom-name.jpg',
        filePath: emulator.filePathFor('images/user-uploads', 'custom-name.jpg'),
        downloadUrl: `${emulator.url}/files/${emulator.filePathFor('images/user-uploads', 'custom-name.jpg')}`,
        fileSize: 3000,
        mimeType: 'image/jpeg',
        uploadedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      },
    });
    expect(Math.abs(Date.parse(reply.body.data.uploadedAt) - emulator.clock.now())).toBeLessThan(5000);

    const got = await download(reply.body.data.downloadUrl);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(got.headers.get('content-length')).toBe('3000');
    expect(got.bytes.equals(bytes)).toBe(true);

    const head = await rawRequest(reply.body.data.downloadUrl, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('3000');
    expect(head.body.length).toBe(0);
  });

  it('accepts the text fields before the file part as well as after it', async () => {
    const bytes = Buffer.from('fields first');
    const { body, contentType } = multipartBody([
      { name: 'uploadPath', value: 'docs' },
      { name: 'fileName', value: 'first.txt' },
      { name: 'file', filename: 'whatever.bin', data: bytes },
    ]);
    const reply = await rawRequest(`${emulator.url}/api/file-stream-upload`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${emulator.apiKey}`, 'Content-Type': contentType },
      body,
    });
    expect(reply.status).toBe(200);
    const data = JSON.parse(reply.body.toString()).data;
    expect(data).toMatchObject({
      filePath: emulator.filePathFor('docs', 'first.txt'),
      fileSize: bytes.length,
      mimeType: 'text/plain',
    });
    expect(await readFile(emulator.storedFile(emulator.filePathFor('docs', 'first.txt')) as string)).toEqual(
      bytes,
    );
  });

  it.each([
    ['0 B', 0],
    ['1 B', 1],
    ['10 MiB', 10 * 1024 * 1024],
  ])(
    'stores %s byte-for-byte (SHA-256 of the stored and downloaded file equals the source)',
    async (_label, size) => {
      const bytes = randomBytes(size);
      const reply = await postForm(
        emulator.url,
        form([
          ['file', new Blob([bytes]), 'data.bin'],
          ['uploadPath', 'sizes'],
          ['fileName', `size-${size}.bin`],
        ]),
        emulator.apiKey,
      );
      expect(reply.status).toBe(200);
      expect(reply.body.data.fileSize).toBe(size);
      const stored = emulator.storedFile(emulator.filePathFor(`sizes`, `size-${size}.bin`));
      expect(stored).toBeDefined();
      expect(await sha256File(stored as string)).toBe(sha256(bytes));
      expect(sha256((await download(reply.body.data.downloadUrl)).bytes)).toBe(sha256(bytes));
    },
  );

  it('answers 400 "Missing required parameter: uploadPath" without an uploadPath', async () => {
    const reply = await postForm(emulator.url, form([['file', new Blob(['x']), 'x.txt']]), emulator.apiKey);
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ success: false, code: 400, msg: 'Missing required parameter: uploadPath' });
  });

  it('answers 400 "Missing required parameter: file" without a file part', async () => {
    const reply = await postForm(emulator.url, form([['uploadPath', 'images']]), emulator.apiKey);
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ success: false, code: 400, msg: 'Missing required parameter: file' });
  });

  it('says the body must be multipart when it is JSON', async () => {
    const res = await fetch(`${emulator.url}/api/file-stream-upload`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${emulator.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ uploadPath: 'x' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { msg: string };
    expect(body.msg).toMatch(/^Missing required parameter: file \(the body must be multipart\/form-data/);
  });

  it.each([
    ['/images', 'must not start or end with "/"'],
    ['images/', 'must not start or end with "/"'],
    ['images//raw', 'empty folder name'],
    ['images/../../etc', '"." and ".." are not allowed'],
    ['..', '"." and ".." are not allowed'],
  ])('refuses uploadPath %s with a 400 that says why, and writes nothing', async (uploadPath, why) => {
    const reply = await postForm(
      emulator.url,
      form([
        ['file', new Blob(['evil']), 'e.txt'],
        ['uploadPath', uploadPath],
        ['fileName', 'e.txt'],
      ]),
      emulator.apiKey,
    );
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe(400);
    expect(reply.body.msg).toContain(`Invalid uploadPath "${uploadPath}"`);
    expect(reply.body.msg).toContain(why);
    expect(await readdir(join(emulator.storageDir, 'objects'))).toEqual([]);
    expect(await readdir(join(emulator.storageDir, 'incoming'))).toEqual([]);
  });

  it('refuses a fileName with a slash, pointing at uploadPath for folders', async () => {
    const reply = await postForm(
      emulator.url,
      form([
        ['file', new Blob(['x']), 'x.txt'],
        ['uploadPath', 'a'],
        ['fileName', 'b/c.txt'],
      ]),
      emulator.apiKey,
    );
    expect(reply.status).toBe(400);
    expect(reply.body.msg).toBe(
      'Invalid fileName "b/c.txt": it must not contain "/" or "\\"; put folders in uploadPath',
    );
  });

  it('overwrites a file uploaded again under the same name and resets its upload time', async () => {
    const send = (text: string) =>
      postForm(
        emulator.url,
        form([
          ['file', new Blob([text]), 'n.txt'],
          ['uploadPath', 'notes'],
          ['fileName', 'n.txt'],
        ]),
        emulator.apiKey,
      );
    const first = await send('first version');
    emulator.clock.advance(60 * 60 * 1000);
    const second = await send('second, longer version');
    expect(second.body.data.downloadUrl).toBe(first.body.data.downloadUrl);
    expect(
      Date.parse(second.body.data.uploadedAt) - Date.parse(first.body.data.uploadedAt),
    ).toBeGreaterThanOrEqual(3_600_000);
    const got = await download(second.body.data.downloadUrl);
    expect(got.bytes.toString()).toBe('second, longer version');
    expect(got.headers.get('content-length')).toBe(String('second, longer version'.length));
  });

  it('gives a file without fileName a random name that keeps the original extension', async () => {
    const send = () =>
      postForm(
        emulator.url,
        form([
          ['file', new Blob([PNG_1X1]), 'holiday.png'],
          ['uploadPath', 'random'],
        ]),
        emulator.apiKey,
      );
    const a = await send();
    const b = await send();
    expect(a.body.data.fileName).toMatch(/^[0-9a-f]{16}\.png$/);
    expect(b.body.data.fileName).toMatch(/^[0-9a-f]{16}\.png$/);
    expect(a.body.data.fileName).not.toBe(b.body.data.fileName);
    expect(a.body.data.filePath).toBe(emulator.filePathFor('random', a.body.data.fileName));
    expect(a.body.data.mimeType).toBe('image/png');
  });

  it('types files by extension first, then by their first bytes, else application/octet-stream', async () => {
    const send = async (data: Buffer, fileName: string) =>
      (
        await postForm(
          emulator.url,
          form([
            ['file', new Blob([data]), 'upload'],
            ['uploadPath', 'types'],
            ['fileName', fileName],
          ]),
          emulator.apiKey,
        )
      ).body.data.mimeType as string;
    expect(await send(PNG_1X1, 'named-as.pdf')).toBe('application/pdf');
    expect(await send(PNG_1X1, 'no-extension')).toBe('image/png');
    expect(await send(Buffer.from('%PDF-1.7\n'), 'report')).toBe('application/pdf');
    expect(await send(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'camera')).toBe('image/jpeg');
    expect(await send(Buffer.from('GIF89a......'), 'anim')).toBe('image/gif');
    expect(await send(Buffer.from('RIFF\0\0\0\0WEBPVP8 '), 'pic')).toBe('image/webp');
    expect(await send(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'archive')).toBe('application/zip');
    expect(await send(Buffer.from('just some words'), 'mystery')).toBe('application/octet-stream');
  });

  it('never stores a half-received upload when the client drops the connection mid-body', async () => {
    const head = multipartBody([
      { name: 'uploadPath', value: 'partial' },
      { name: 'fileName', value: 'cut.bin' },
    ]);
    // Reuse the boundary but leave the file part unfinished.
    const boundary = head.contentType.split('boundary=')[1] as string;
    const prefix = head.body.subarray(0, head.body.length - `--${boundary}--\r\n`.length);
    const filePartHeader = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );
    const req = http.request(`${emulator.url}/api/file-stream-upload`, {
      method: 'POST',
      agent: false,
      headers: {
        Authorization: `Bearer ${emulator.apiKey}`,
        'Content-Type': head.contentType,
        'Content-Length': String(10 * 1024 * 1024),
      },
    });
    req.on('error', () => {});
    req.write(Buffer.concat([prefix, filePartHeader, randomBytes(256 * 1024)]));
    await expect.poll(() => emulator.log[0]?.bodyBytes ?? 0).toBeGreaterThan(200 * 1024);
    req.destroy();

    await expect.poll(() => emulator.log[0]?.durationMs ?? 0).toBeGreaterThan(0);
    expect(emulator.log[0]?.status).toBe(0);
    expect(emulator.storedFile(emulator.filePathFor('partial', 'cut.bin'))).toBeUndefined();
    expect(
      (await download(`${emulator.url}/files/${emulator.filePathFor('partial', 'cut.bin')}`)).status,
    ).toBe(404);
    await expect.poll(() => readdir(join(emulator.storageDir, 'incoming'))).toEqual([]);
  });
});
