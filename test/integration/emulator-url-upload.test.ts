import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions } from '../emulator/index';
import { download, postJson, sha256, sha256File } from '../emulator/test-client';

const ROUTE = '/api/file-url-upload';
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(50_000)]);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
);

// A second local server standing in for "somewhere on the internet".
let origin: http.Server;
let originUrl: string;
beforeAll(async () => {
  origin = http.createServer((req, res) => {
    switch (req.url) {
      case '/assets/photo.jpg':
        res.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': JPEG.length }).end(JPEG);
        return;
      case '/assets/hello%20world.txt':
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('hi');
        return;
      case '/assets/':
        res.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG);
        return;
      case '/moved':
        res.writeHead(302, { Location: '/assets/photo.jpg' }).end();
        return;
      case '/big':
        res.writeHead(200, { 'Content-Length': 5000 }).end(Buffer.alloc(5000));
        return;
      case '/big-chunked':
        res.writeHead(200);
        res.write(Buffer.alloc(3000));
        res.end(Buffer.alloc(3000));
        return;
      case '/hang':
        return; // never answers
      default:
        res.writeHead(404).end('no such thing');
    }
  });
  await new Promise<void>((done) => origin.listen(0, '127.0.0.1', done));
  originUrl = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
});
afterAll(async () => {
  origin.closeAllConnections();
  await new Promise((done) => origin.close(done));
});

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(options: EmulatorOptions = {}): Promise<Emulator> {
  emulator = await startEmulator(options);
  return emulator;
}
const upload = (em: Emulator, payload: unknown) => postJson(em.url, ROUTE, payload, em.apiKey);

describe('POST /api/file-url-upload', () => {
  it('downloads the URL, stores it under the given name and answers the documented body', async () => {
    const em = await start();
    const reply = await upload(em, {
      fileUrl: `${originUrl}/assets/photo.jpg`,
      uploadPath: 'images/downloaded',
      fileName: 'my-downloaded-image.jpg',
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      success: true,
      code: 200,
      msg: 'File uploaded successfully',
      data: {
        fileName: 'my-downloaded-image.jpg',
        filePath: em.filePathFor('images/downloaded', 'my-downloaded-image.jpg'),
        fileSize: JPEG.length,
        mimeType: 'image/jpeg',
      },
    });
    expect(
      await sha256File(
        em.storedFile(em.filePathFor('images/downloaded', 'my-downloaded-image.jpg')) as string,
      ),
    ).toBe(sha256(JPEG));
  });

  it("names the file after the URL's last path segment when no fileName is given", async () => {
    const em = await start();
    expect(
      (await upload(em, { fileUrl: `${originUrl}/assets/photo.jpg`, uploadPath: 'd' })).body.data.fileName,
    ).toBe('photo.jpg');
    const spaced = await upload(em, { fileUrl: `${originUrl}/assets/hello%20world.txt`, uploadPath: 'd' });
    expect(spaced.body.data).toMatchObject({ fileName: 'hello world.txt', mimeType: 'text/plain' });
    expect(spaced.body.data.downloadUrl).toBe(`${em.url}/files/${em.filePathFor('d', 'hello%20world.txt')}`);
    expect((await download(spaced.body.data.downloadUrl)).bytes.toString()).toBe('hi');
  });

  it('picks a random name with the right extension when the URL ends in "/"', async () => {
    const em = await start();
    const reply = await upload(em, { fileUrl: `${originUrl}/assets/`, uploadPath: 'd' });
    expect(reply.body.data.fileName).toMatch(/^[0-9a-f]{16}\.png$/);
    expect(reply.body.data.mimeType).toBe('image/png');
  });

  it('follows redirects', async () => {
    const em = await start();
    const reply = await upload(em, { fileUrl: `${originUrl}/moved`, uploadPath: 'd', fileName: 'r.jpg' });
    expect(reply.status).toBe(200);
    expect(reply.body.data.fileSize).toBe(JPEG.length);
  });

  it("can fetch one of the emulator's own download URLs", async () => {
    const em = await start();
    const first = await upload(em, {
      fileUrl: `${originUrl}/assets/photo.jpg`,
      uploadPath: 'a',
      fileName: 'one.jpg',
    });
    const copy = await upload(em, { fileUrl: first.body.data.downloadUrl, uploadPath: 'b' });
    expect(copy.body.data).toMatchObject({
      filePath: em.filePathFor('b', 'one.jpg'),
      fileSize: JPEG.length,
      mimeType: 'image/jpeg',
    });
  });

  it.each([
    [
      'ftp://example.invalid/file.jpg',
      'Invalid fileUrl "ftp://example.invalid/file.jpg": must be an http or https URL',
    ],
    [
      'data:image/png;base64,AAAA',
      'Invalid fileUrl "data:image/png;base64,AAAA": must be an http or https URL',
    ],
    ['not a url', 'Invalid fileUrl "not a url": not a valid URL'],
  ])('refuses fileUrl %s with a 400', async (fileUrl, msg) => {
    const em = await start();
    const reply = await upload(em, { fileUrl, uploadPath: 'd' });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ success: false, code: 400, msg });
  });

  it('names the missing parameter', async () => {
    const em = await start();
    expect((await upload(em, { uploadPath: 'd' })).body.msg).toBe('Missing required parameter: fileUrl');
    expect((await upload(em, { fileUrl: `${originUrl}/assets/photo.jpg` })).body.msg).toBe(
      'Missing required parameter: uploadPath',
    );
  });

  it('answers 400 naming the HTTP status when the source is not there', async () => {
    const em = await start();
    const reply = await upload(em, { fileUrl: `${originUrl}/missing.jpg`, uploadPath: 'd' });
    expect(reply.status).toBe(400);
    expect(reply.body.msg).toBe(
      `File download failed: the server answered HTTP 404 (${originUrl}/missing.jpg)`,
    );
  });

  it('answers 400 when nothing listens at the URL', async () => {
    const em = await start();
    const closed = http.createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const reply = await upload(em, { fileUrl: `http://127.0.0.1:${port}/x.jpg`, uploadPath: 'd' });
    expect(reply.status).toBe(400);
    expect(reply.body.msg).toContain('File download failed: could not fetch it (ECONNREFUSED)');
  });

  it('gives up on a download after the fetch timeout', async () => {
    const em = await start({ urlFetchTimeoutMs: 300 });
    const started = performance.now();
    const reply = await upload(em, { fileUrl: `${originUrl}/hang`, uploadPath: 'd', fileName: 'h.bin' });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(reply.status).toBe(400);
    expect(reply.body.msg).toBe(
      `File download failed: the download took longer than 0.3 s (${originUrl}/hang)`,
    );
    expect(em.storedFile(em.filePathFor('d', 'h.bin'))).toBeUndefined();
  });

  it.each(['/big', '/big-chunked'])(
    'refuses a source over the size limit (%s) and stores nothing',
    async (path) => {
      const em = await start({ urlMaxBytes: 4000 });
      const reply = await upload(em, {
        fileUrl: `${originUrl}${path}`,
        uploadPath: 'd',
        fileName: 'big.bin',
      });
      expect(reply.status).toBe(400);
      expect(reply.body.msg).toBe(
        `File download failed: the file is larger than the 4000 bytes limit (${originUrl}${path})`,
      );
      expect(em.storedFile(em.filePathFor('d', 'big.bin'))).toBeUndefined();
    },
  );
});
