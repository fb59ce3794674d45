import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index';
import { multipartBody, sha256File } from '../emulator/test-client';

const GiB = 1024 * 1024 * 1024;
const BLOCK = randomBytes(1024 * 1024);

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator();
});
afterEach(async () => {
  await emulator.close();
});

it('takes a 1 GiB stream upload to disk without holding it in memory', { timeout: 180_000 }, async () => {
  // Multipart framing around a file part that is streamed block by block with backpressure.
  const { body: framing, contentType } = multipartBody([
    { name: 'uploadPath', value: 'big' },
    { name: 'fileName', value: 'one-gib.bin' },
    { name: 'file', filename: 'one-gib.bin', data: Buffer.from('@@FILE@@') },
  ]);
  const at = framing.indexOf('@@FILE@@');
  const before = framing.subarray(0, at);
  const after = framing.subarray(at + '@@FILE@@'.length);

  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);

  const hash = createHash('sha256');
  const req = http.request(`${emulator.url}/api/file-stream-upload`, {
    method: 'POST',
    agent: false,
    headers: {
      Authorization: `Bearer ${emulator.apiKey}`,
      'Content-Type': contentType,
      'Content-Length': String(before.length + GiB + after.length),
    },
  });
  const response = once(req, 'response') as Promise<[http.IncomingMessage]>;
  req.write(before);
  for (let sent = 0; sent < GiB; sent += BLOCK.length) {
    hash.update(BLOCK);
    if (!req.write(BLOCK)) await once(req, 'drain');
  }
  req.end(after);
  const [res] = await response;
  let text = '';
  for await (const chunk of res) text += chunk;
  clearInterval(sampler);

  expect(res.statusCode).toBe(200);
  expect(JSON.parse(text).data).toMatchObject({
    filePath: emulator.filePathFor('big', 'one-gib.bin'),
    fileSize: GiB,
  });
  expect(peak - baseline).toBeLessThan(200 * 1024 * 1024);
  expect(await sha256File(emulator.storedFile(emulator.filePathFor('big', 'one-gib.bin')) as string)).toBe(
    hash.digest('hex'),
  );
});
