// Successful uploads through every route, end to end against the emulator over real HTTP.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient, FILE_LIFETIME_MS } from '../../src/main/core/api/index';
import type { ApiClient, UploadProgress } from '../../src/main/core/api/index';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';

let emu: Emulator;
let client: ApiClient;
let dir: string;

beforeAll(async () => {
  emu = await startEmulator();
  client = createApiClient({ uploadBaseUrl: emu.url, creditsBaseUrl: `${emu.url}/`, apiKey: emu.apiKey });
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-api-uploads-'));
});
afterAll(async () => {
  client.close();
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  emu.faults.clear();
  emu.log.length = 0;
});

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

async function sourceFile(name: string, size: number): Promise<{ path: string; data: Buffer }> {
  const data = randomBytes(size);
  const path = join(dir, name);
  await writeFile(path, data);
  return { path, data };
}

async function storedHash(filePath: string): Promise<string> {
  const disk = emu.storedFile(filePath);
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
    const result = await client.streamUpload({
      filePath: path,
      uploadPath: 'it/stream',
      onProgress: (p) => seen.push(p),
    });

    expect(result.fileName).toBe(name);
    expect(result.filePath).toBe(`it/stream/${name}`);
    expect(result.fileSize).toBe(size);
    expect(Date.parse(result.expiresAt) - Date.parse(result.uploadedAt)).toBe(FILE_LIFETIME_MS);
    expect(await storedHash(result.filePath)).toBe(sha256(data));

    const entry = emu.log.at(-1)!;
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
    const result = await client.streamUpload({ filePath: path, uploadPath: 'it/names', fileName: name });
    expect(result.fileName).toBe(name);
    expect(result.filePath).toBe(`it/names/${name}`);
    expect(await storedHash(`it/names/${name}`)).toBe(sha256(data));
  });

  it('reads the balance from the credits host (configured with a trailing slash)', async () => {
    await expect(client.getCredits()).resolves.toBe(100);
    emu.setCredits(7.5);
    await expect(client.getCredits()).resolves.toBe(7.5);
    expect(emu.log.at(-1)).toMatchObject({
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
    const result = await client.base64Upload({
      source: { filePath: path },
      uploadPath: 'it/b64',
      onProgress: (p) => seen.push(p),
    });
    expect(result.filePath).toBe(`it/b64/${name}`);
    expect(result.fileSize).toBe(size);
    expect(await storedHash(result.filePath)).toBe(sha256(data));
    const entry = emu.log.at(-1)!;
    expect(entry.status).toBe(200);
    expect(entry.bodyBytes).toBe(entry.contentLength);
    expectGoodProgress(seen, entry.contentLength);
  });

  it('stores ready-made Base64 text under the given name', async () => {
    const data = randomBytes(777);
    const result = await client.base64Upload({
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
    const result = await client.urlUpload({
      fileUrl: sourceUrl,
      uploadPath: 'it/url',
      fileName: 'fetched.bin',
    });
    expect(result.filePath).toBe('it/url/fetched.bin');
    expect(result.fileSize).toBe(payload.length);
    expect(await storedHash(result.filePath)).toBe(sha256(payload));
    expect(emu.log.at(-1)?.fields).toMatchObject({
      fileUrl: sourceUrl,
      uploadPath: 'it/url',
      fileName: 'fetched.bin',
    });
  });

  it('leaves the name to the server when none is given', async () => {
    const result = await client.urlUpload({ fileUrl: sourceUrl, uploadPath: 'it/url' });
    expect(result.fileName).toBe('remote.bin');
    expect(await readFile(emu.storedFile(result.filePath)!)).toEqual(payload);
  });
});
