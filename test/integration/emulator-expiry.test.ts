import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions } from '../emulator/index';
import { download, postJson, withTempDir } from '../emulator/test-client';

const DAY = 24 * 60 * 60 * 1000;
const THREE_DAYS = 3 * DAY;

const started: Emulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((e) => e.close()));
});
async function start(options: EmulatorOptions = {}): Promise<Emulator> {
  const em = await startEmulator(options);
  started.push(em);
  return em;
}

async function uploadText(em: Emulator, fileName: string, text = 'keep me') {
  const reply = await postJson(
    em.url,
    '/api/file-base64-upload',
    { base64Data: Buffer.from(text).toString('base64'), uploadPath: 'expiry', fileName },
    em.apiKey,
  );
  expect(reply.status).toBe(200);
  return reply.body.data as { downloadUrl: string; filePath: string; uploadedAt: string };
}

describe('file expiry', () => {
  it('serves a file until 3 days after upload, then answers 404 and deletes it from disk', async () => {
    const em = await start();
    const file = await uploadText(em, 'a.txt');
    const diskPath = em.storedFile(file.filePath) as string;
    em.clock.set(Date.parse(file.uploadedAt) + THREE_DAYS - 1000);
    expect((await download(file.downloadUrl)).status).toBe(200);

    em.clock.advance(1000);
    expect(em.storedFile(file.filePath)).toBeUndefined();
    expect(existsSync(diskPath)).toBe(false);
    const gone = await download(file.downloadUrl);
    expect(gone.status).toBe(404);
    expect(JSON.parse(gone.bytes.toString()).msg).toMatch(/expired 3 days after upload/);
  });

  it('stamps uploadedAt from the injected clock, and sweepExpired() reports how many files it removed', async () => {
    let fakeNow = Date.parse('2025-01-01T12:00:00.000Z');
    const em = await start({ now: () => fakeNow });
    const first = await uploadText(em, 'one.txt');
    expect(first.uploadedAt).toBe('2025-01-01T12:00:00.000Z');
    await uploadText(em, 'two.txt');
    fakeNow += DAY;
    const third = await uploadText(em, 'three.txt');
    expect(third.uploadedAt).toBe('2025-01-02T12:00:00.000Z');

    fakeNow += 2 * DAY; // the first two are now exactly 3 days old
    expect(em.sweepExpired()).toBe(2);
    expect(em.storedFile(em.filePathFor('expiry', 'three.txt'))).toBeDefined();
    expect(em.sweepExpired()).toBe(0);
  });

  it('expires files lazily on access even before any sweep runs', async () => {
    let fakeNow = Date.parse('2025-03-01T00:00:00.000Z');
    const em = await start({ now: () => fakeNow });
    const file = await uploadText(em, 'lazy.txt');
    fakeNow += THREE_DAYS;
    expect((await download(file.downloadUrl)).status).toBe(404);
  });

  it('restarts the 3 days when a file is overwritten', async () => {
    const em = await start();
    await uploadText(em, 'same.txt', 'old');
    em.clock.advance(2 * DAY);
    const renewed = await uploadText(em, 'same.txt', 'new');
    em.clock.advance(2 * DAY);
    const got = await download(renewed.downloadUrl);
    expect(got.status).toBe(200);
    expect(got.bytes.toString()).toBe('new');
    em.clock.advance(DAY);
    expect((await download(renewed.downloadUrl)).status).toBe(404);
  });

  it('keeps serving files after a restart on the same storageDir, and leaves that directory in place', () =>
    withTempDir(async (storageDir) => {
      const first = await start({ storageDir });
      const file = await uploadText(first, 'persisted.txt', 'still here');
      await first.close();
      expect(existsSync(storageDir)).toBe(true);

      const second = await start({ storageDir });
      const path = second.storedFile(file.filePath);
      expect(path).toBeDefined();
      const url = file.downloadUrl.replace(first.url, second.url);
      expect((await download(url)).bytes.toString()).toBe('still here');
      second.clock.set(Date.parse(file.uploadedAt) + THREE_DAYS);
      expect(second.storedFile(file.filePath)).toBeUndefined();
    }));

  it('removes its own temp storage directory on close()', async () => {
    const em = await startEmulator();
    await uploadText(em, 'temp.txt');
    expect(existsSync(em.storageDir)).toBe(true);
    await em.close();
    expect(existsSync(em.storageDir)).toBe(false);
  });
});
