// Successful uploads through every route, end to end against the emulator over real HTTP.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_LIFETIME_MS } from '../../src/main/core/api/index';
import type { UploadProgress } from '../../src/main/core/api/index';
import { sha256, sha256File } from '../emulator/test-client';
import { useApiFixture } from '../support/api-fixture';
import { writeRandomFile } from '../support/temp-files';
import type { WrittenFile } from '../support/temp-files';

// The credits URL ends in a slash, as a user may well type it: the client must still find the route.
const fx = useApiFixture('kiedrop-api-uploads-', (emu) => ({ creditsBaseUrl: `${emu.url}/` }));

const sourceFile = (name: string, size: number): Promise<WrittenFile> => writeRandomFile(fx.dir, name, size);

async function storedHash(filePath: string): Promise<string> {
  const disk = fx.emulator.storedFile(filePath);
  expect(disk, `the emulator should have stored ${filePath}`).toBeDefined();
  return sha256File(disk!);
}

function expectGoodProgress(seen: UploadProgress[], contentLength: number | undefined): void {
  expect(seen.length).toBeGreaterThan(0);
  const last = seen.at(-1)!;
  expect(last.sent).toBe(last.total);
  expect(last.total).toBe(contentLength);
  for (let i = 1; i < seen.length; i++) {
    expect(seen[i]!.sent).toBeGreaterThan(seen[i - 1]!.sent);
    expect(seen[i]!.total).toBe(last.total);
  }
  expect(seen.every((p) => p.rate >= 0 && Number.isFinite(p.rate))).toBe(true);
}

describe('streamUpload', () => {
  it.each([
    ['empty.bin', 0],
    ['one.bin', 1],
    ['ten-mib.bin', 10 * 1024 * 1024],
  ])('stores %s (%i bytes) byte for byte, with exact Content-Length and progress', async (name, size) => {
    const { path, data } = await sourceFile(name, size);
    const seen: UploadProgress[] = [];
    const result = await fx.client.streamUpload({
      filePath: path,
      uploadPath: 'it/stream',
      onProgress: (p) => seen.push(p),
    });

    expect(result.fileName).toBe(name);
    expect(result.filePath).toBe(fx.emulator.filePathFor(`it/stream`, `${name}`));
    expect(result.fileSize).toBe(size);
    expect(Date.parse(result.expiresAt) - Date.parse(result.uploadedAt)).toBe(FILE_LIFETIME_MS);
    expect(await storedHash(result.filePath)).toBe(sha256(data));

    const entry = fx.emulator.log.at(-1)!;
    expect(entry).toMatchObject({
      method: 'POST',
      path: '/api/file-stream-upload',
      status: 200,
      authorization: 'valid',
    });
    expect(entry.bodyBytes).toBe(entry.contentLength);
    expect(entry.fields).toMatchObject({ uploadPath: 'it/stream', fileName: name });
    expectGoodProgress(seen, entry.contentLength);
  });

  it.each(['résumé 2024.pdf', '图片.png', 'say "hi".txt'])('keeps the name %j intact', async (name) => {
    const { path, data } = await sourceFile('plain-name.bin', 1000);
    const result = await fx.client.streamUpload({ filePath: path, uploadPath: 'it/names', fileName: name });
    expect(result.fileName).toBe(name);
    expect(result.filePath).toBe(fx.emulator.filePathFor('it/names', name));
    expect(await storedHash(fx.emulator.filePathFor('it/names', name))).toBe(sha256(data));
  });

  it('reads the balance from the credits host (configured with a trailing slash)', async () => {
    await expect(fx.client.getCredits()).resolves.toBe(100);
    fx.emulator.setCredits(7.5);
    await expect(fx.client.getCredits()).resolves.toBe(7.5);
    expect(fx.emulator.log.at(-1)).toMatchObject({
      method: 'GET',
      path: '/api/v1/chat/credit',
      authorization: 'valid',
    });
  });
});

describe('base64Upload', () => {
  it.each([
    ['b64-empty.png', 0],
    ['b64-one.png', 1],
    ['b64-ten-mib.bin', 10 * 1024 * 1024],
  ])('stores %s (%i bytes) from a file, streamed', async (name, size) => {
    const { path, data } = await sourceFile(name, size);
    const seen: UploadProgress[] = [];
    const result = await fx.client.base64Upload({
      source: { filePath: path },
      uploadPath: 'it/b64',
      onProgress: (p) => seen.push(p),
    });
    expect(result.filePath).toBe(fx.emulator.filePathFor(`it/b64`, `${name}`));
    expect(result.fileSize).toBe(size);
    expect(await storedHash(result.filePath)).toBe(sha256(data));
    const entry = fx.emulator.log.at(-1)!;
    expect(entry.status).toBe(200);
    expect(entry.bodyBytes).toBe(entry.contentLength);
    expectGoodProgress(seen, entry.contentLength);
  });

  it('stores ready-made Base64 text under the given name', async () => {
    const data = randomBytes(777);
    const result = await fx.client.base64Upload({
      source: { base64Data: `data:application/octet-stream;base64,${data.toString('base64')}` },
      uploadPath: 'it/b64',
      fileName: 'données.bin',
    });
    expect(result.fileName).toBe('données.bin');
    expect(await storedHash(result.filePath)).toBe(sha256(data));
  });
});

describe('urlUpload', () => {
  let source: http.Server;
  let sourceUrl: string;
  const payload = randomBytes(200_000);

  beforeAll(async () => {
    source = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': payload.length });
      res.end(payload);
    });
    await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
    sourceUrl = `http://127.0.0.1:${(source.address() as AddressInfo).port}/files/remote.bin`;
  });
  afterAll(async () => {
    source.closeAllConnections();
    await new Promise<void>((resolve) => source.close(() => resolve()));
  });

  it('has the server fetch the link and stores the same bytes', async () => {
    const result = await fx.client.urlUpload({
      fileUrl: sourceUrl,
      uploadPath: 'it/url',
      fileName: 'fetched.bin',
    });
    expect(result.filePath).toBe(fx.emulator.filePathFor('it/url', 'fetched.bin'));
    expect(result.fileSize).toBe(payload.length);
    expect(await storedHash(result.filePath)).toBe(sha256(payload));
    expect(fx.emulator.log.at(-1)?.fields).toMatchObject({
      fileUrl: sourceUrl,
      uploadPath: 'it/url',
      fileName: 'fetched.bin',
    });
  });

  it('leaves the name to the server when none is given', async () => {
    const result = await fx.client.urlUpload({ fileUrl: sourceUrl, uploadPath: 'it/url' });
    expect(result.fileName).toBe('remote.bin');
    expect(await readFile(fx.emulator.storedFile(result.filePath)!)).toEqual(payload);
  });
});
