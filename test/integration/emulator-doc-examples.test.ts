// The API reference's own examples, run unchanged except for base URL, key and file paths.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index';
import { download, sha256, sha256File, withTempDir, type UploadReply } from '../emulator/test-client';

const run = promisify(execFile);
const DOC_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';
const SAMPLE_JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(20_000)]);

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator();
});
afterEach(async () => {
  await emulator.close();
});

// Stands in for https://example.com in the URL upload examples.
let origin: http.Server;
let originUrl: string;
beforeAll(async () => {
  origin = http.createServer((req, res) => {
    if (req.url === '/sample-image.jpg')
      res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(SAMPLE_JPEG);
    else res.writeHead(404).end();
  });
  await new Promise<void>((done) => origin.listen(0, '127.0.0.1', done));
  originUrl = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
});
afterAll(async () => {
  origin.closeAllConnections();
  await new Promise((done) => origin.close(done));
});

async function curl(args: string[]): Promise<UploadReply> {
  const { stdout } = await run('curl', ['--silent', '--show-error', ...args]);
  return JSON.parse(stdout) as UploadReply;
}

describe('the curl examples', () => {
  it('quickstart stream upload: -F file=@… -F uploadPath=… -F fileName=…', () =>
    withTempDir(async (dir) => {
      const file = join(dir, 'your-file.jpg');
      await writeFile(file, SAMPLE_JPEG);
      // prettier-ignore
      const result = await curl([
        '-X', 'POST', `${emulator.url}/api/file-stream-upload`,
        '-H', `Authorization: Bearer ${emulator.apiKey}`,
        '-F', `file=@${file}`,
        '-F', 'uploadPath=images/user-uploads',
        '-F', 'fileName=custom-name.jpg',
      ]);
      expect(result).toMatchObject({
        success: true,
        data: {
          filePath: emulator.filePathFor('images/user-uploads', 'custom-name.jpg'),
          fileSize: SAMPLE_JPEG.length,
          mimeType: 'image/jpeg',
        },
      });
      expect(sha256((await download(result.data.downloadUrl)).bytes)).toBe(sha256(SAMPLE_JPEG));
    }));

  it('reference stream upload: fields before the file and an explicit multipart Content-Type', () =>
    withTempDir(async (dir) => {
      const file = join(dir, 'example-file');
      await writeFile(file, SAMPLE_JPEG);
      // prettier-ignore
      const result = await curl([
        '--request', 'POST',
        '--url', `${emulator.url}/api/file-stream-upload`,
        '--header', `Authorization: Bearer ${emulator.apiKey}`,
        '--header', 'Content-Type: multipart/form-data',
        '--form', 'uploadPath=images/user-uploads',
        '--form', 'fileName=my-image.jpg',
        '--form', `file=@${file}`,
      ]);
      expect(result.data).toMatchObject({
        filePath: emulator.filePathFor('images/user-uploads', 'my-image.jpg'),
        fileSize: SAMPLE_JPEG.length,
      });
      expect(
        await sha256File(
          emulator.storedFile(emulator.filePathFor('images/user-uploads', 'my-image.jpg')) as string,
        ),
      ).toBe(sha256(SAMPLE_JPEG));
    }));

  it('base64 upload with the data URL from the reference', async () => {
    // prettier-ignore
    const result = await curl([
      '--location', '--request', 'POST', `${emulator.url}/api/file-base64-upload`,
      '--header', `Authorization: Bearer ${emulator.apiKey}`,
      '--header', 'Content-Type: application/json',
      '--data-raw', JSON.stringify(
        { base64Data: `data:image/png;base64,${DOC_PNG_BASE64}`, uploadPath: 'images/base64', fileName: 'test-image.png' },
        null, 4),
    ]);
    expect(result).toMatchObject({
      success: true,
      code: 200,
      msg: 'File uploaded successfully',
      data: {
        fileName: 'test-image.png',
        filePath: emulator.filePathFor('images/base64', 'test-image.png'),
        fileSize: 70,
        mimeType: 'image/png',
      },
    });
  });

  it('URL upload', async () => {
    // prettier-ignore
    const result = await curl([
      '-X', 'POST', `${emulator.url}/api/file-url-upload`,
      '-H', `Authorization: Bearer ${emulator.apiKey}`,
      '-H', 'Content-Type: application/json',
      '-d', JSON.stringify(
        { fileUrl: `${originUrl}/sample-image.jpg`, uploadPath: 'images', fileName: 'my-image.jpg' }, null, 2),
    ]);
    expect(result.data).toMatchObject({
      filePath: emulator.filePathFor('images', 'my-image.jpg'),
      fileSize: SAMPLE_JPEG.length,
      mimeType: 'image/jpeg',
    });
  });

  it('curl with a wrong key gets the documented 401 body', async () => {
    // prettier-ignore
    const { stdout } = await run('curl', [
      '--silent', '--write-out', '\n%{http_code}', `${emulator.url}/api/v1/chat/credit`,
      '-H', 'Authorization: Bearer not-my-key',
    ]);
    const [body, status] = stdout.split('\n');
    expect(status).toBe('401');
    expect(JSON.parse(body as string)).toEqual({
      success: false,
      code: 401,
      msg: 'Authentication failed: Invalid API Key',
    });
  });
});

// The quickstart's JavaScript FileUploadAPI class, with types added and the base URL passed in.
class FileUploadAPI {
  constructor(
    private apiKey: string,
    private baseUrl: string,
  ) {}

  async uploadFile(file: Blob, uploadPath = '', fileName: string | null = null) {
    const formData = new FormData();
    formData.append('file', file);
    if (uploadPath) formData.append('uploadPath', uploadPath);
    if (fileName) formData.append('fileName', fileName);

    const response = await fetch(`${this.baseUrl}/api/file-stream-upload`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${this.apiKey}`,
      },
      body: formData,
    });

    if (!response.ok) {
      throw new Error(`Upload failed: ${response.statusText}`);
    }

    return response.json() as Promise<UploadReply>;
  }

  async uploadFromUrl(fileUrl: string, uploadPath = '', fileName: string | null = null) {
    const response = await fetch(`${this.baseUrl}/api/file-url-upload`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${this.apiKey}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        fileUrl,
        uploadPath,
        fileName,
      }),
    });

    if (!response.ok) {
      throw new Error(`Upload failed: ${response.statusText}`);
    }

    return response.json() as Promise<UploadReply>;
  }

  async uploadBase64(base64Data: string, uploadPath = '', fileName: string | null = null) {
    const response = await fetch(`${this.baseUrl}/api/file-base64-upload`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${this.apiKey}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        base64Data,
        uploadPath,
        fileName,
      }),
    });

    if (!response.ok) {
      throw new Error(`Upload failed: ${response.statusText}`);
    }

    return response.json() as Promise<UploadReply>;
  }
}

describe("the quickstart's FileUploadAPI class", () => {
  it('uploads files the way its batch example does', async () => {
    const uploader = new FileUploadAPI(emulator.apiKey, emulator.url);
    const files = [new File([SAMPLE_JPEG], 'holiday.jpg'), new File(['notes'], 'notes.txt')];
    const results = [];
    for (let i = 0; i < files.length; i++) {
      const file = files[i] as File;
      results.push(await uploader.uploadFile(file, 'user-uploads', `file-${i + 1}-${file.name}`));
    }
    expect(results.map((r) => r.data.filePath)).toEqual([
      emulator.filePathFor('user-uploads', 'file-1-holiday.jpg'),
      emulator.filePathFor('user-uploads', 'file-2-notes.txt'),
    ]);
    expect(sha256((await download((results[0] as UploadReply).data.downloadUrl)).bytes)).toBe(
      sha256(SAMPLE_JPEG),
    );
  });

  it('uploads from a URL, sending fileName null when none is given', async () => {
    const uploader = new FileUploadAPI(emulator.apiKey, emulator.url);
    const named = await uploader.uploadFromUrl(
      `${originUrl}/sample-image.jpg`,
      'downloads',
      'download-1.jpg',
    );
    expect(named.data.filePath).toBe(emulator.filePathFor('downloads', 'download-1.jpg'));
    const unnamed = await uploader.uploadFromUrl(`${originUrl}/sample-image.jpg`, 'downloads');
    expect(unnamed.data.filePath).toBe(emulator.filePathFor('downloads', 'sample-image.jpg'));
  });

  it('uploads Base64', async () => {
    const uploader = new FileUploadAPI(emulator.apiKey, emulator.url);
    const result = await uploader.uploadBase64(
      `data:image/png;base64,${DOC_PNG_BASE64}`,
      'images',
      'base64-image.png',
    );
    expect(result.data).toMatchObject({
      filePath: emulator.filePathFor('images', 'base64-image.png'),
      mimeType: 'image/png',
      fileSize: 70,
    });
  });

  it('throws "Upload failed" when its default empty uploadPath is refused', async () => {
    const uploader = new FileUploadAPI(emulator.apiKey, emulator.url);
    await expect(uploader.uploadFile(new Blob(['x']))).rejects.toThrow('Upload failed: Bad Request');
  });

  it('throws "Upload failed: Unauthorized" with a wrong key', async () => {
    const uploader = new FileUploadAPI('kie-wrong-key', emulator.url);
    await expect(uploader.uploadBase64(DOC_PNG_BASE64, 'images')).rejects.toThrow(
      'Upload failed: Unauthorized',
    );
  });
});
