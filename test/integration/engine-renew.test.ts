// Renewing a history entry by both routes, and the clear refusal when neither is possible.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openEngine } from '../../src/main/core/engine';
import type { Engine } from '../../src/main/core/engine';
import type { HistoryEntry } from '../../src/main/core/history';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';

const DAY = 24 * 60 * 60 * 1000;
let emu: Emulator;
let dir: string;
let engine: Engine;

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

async function storedHash(filePath: string): Promise<string> {
  const disk = emu.storedFile(filePath);
  if (disk === undefined) throw new Error(`the emulator has no file at ${filePath}`);
  return sha256(await readFile(disk));
}

async function uploadOne(name: string): Promise<{ path: string; data: Buffer; entry: HistoryEntry }> {
  const data = randomBytes(20_000);
  const path = join(dir, name);
  await writeFile(path, data);
  await engine.queue.enqueueFiles([path], { source: 'manual', uploadPath: 'renew' });
  const [job] = await engine.queue.runUntilIdle();
  const entry = engine.history.getByJobId(job?.id ?? 0);
  if (!entry) throw new Error('the first upload was not recorded');
  return { path, data, entry };
}

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  emu.clock.set(Date.now());
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-engine-renew-'));
  engine = openEngine({
    dataDir: join(dir, 'data'),
    endpoints: { uploadBaseUrl: emu.url, creditsBaseUrl: emu.url },
    getApiKey: async () => emu.apiKey,
    // One clock for the server and the app, so "3 days later" means the same to both.
    now: () => emu.clock.now(),
    retry: { baseDelayMs: 20, maxDelayMs: 100 },
  });
});
afterEach(async () => {
  await engine.close();
  await rm(dir, { recursive: true, force: true });
});

describe('renew', () => {
  it('re-uploads from the unchanged local file, even after the link expired', async () => {
    const { data, entry } = await uploadOne('still-here.bin');
    emu.clock.advance(3 * DAY + 1000);
    expect(engine.history.get(entry.id)?.status).toBe('expired');

    const job = await engine.queue.renew(entry.id);
    expect(job).toMatchObject({ method: 'stream', renewOf: entry.id, status: 'queued' });
    await engine.queue.runUntilIdle();

    const renewed = engine.history.getByJobId(job.id);
    expect(renewed).toMatchObject({
      method: 'stream',
      renewOf: entry.id,
      status: 'active',
      fileName: 'still-here.bin',
    });
    expect(renewed?.filePath).not.toBe(entry.filePath);
    expect(await storedHash(renewed?.filePath ?? '')).toBe(sha256(data));
  });

  it('has the server fetch its own live link when the local file is gone', async () => {
    const { path, data, entry } = await uploadOne('gone.bin');
    await unlink(path);

    const job = await engine.queue.renew(entry.id);
    expect(job).toMatchObject({ method: 'url', sourceUrl: entry.downloadUrl, renewOf: entry.id });
    await engine.queue.runUntilIdle();

    const renewed = engine.history.getByJobId(job.id);
    expect(renewed).toMatchObject({ method: 'url', renewOf: entry.id, fileName: 'gone.bin' });
    expect(renewed?.downloadUrl).not.toBe(entry.downloadUrl);
    expect(await storedHash(renewed?.filePath ?? '')).toBe(sha256(data));
    // The server fetched the old link itself: a URL upload, then a download of the old file.
    expect(emu.log.map((e) => e.path).slice(-2)).toEqual([
      '/api/file-url-upload',
      `/files/${entry.filePath}`,
    ]);
  });

  it('uses the link, not the local file, when the local file was edited since', async () => {
    const { path, data, entry } = await uploadOne('edited.bin');
    await writeFile(path, randomBytes(123));
    const job = await engine.queue.renew(entry.id);
    expect(job.method).toBe('url');
    await engine.queue.runUntilIdle();
    expect(await storedHash(engine.history.getByJobId(job.id)?.filePath ?? '')).toBe(sha256(data));
  });

  it('refuses clearly when the file is gone and the link has expired 3 days later', async () => {
    const { path, entry } = await uploadOne('lost.bin');
    await unlink(path);
    emu.clock.advance(3 * DAY);
    await expect(engine.queue.renew(entry.id)).rejects.toThrow(
      `Cannot renew "lost.bin" (history entry ${entry.id}): the local file is gone or changed and the link has expired.`,
    );
    expect(engine.queue.list({ status: 'queued' })).toEqual([]);
  });

  it('refuses an entry that does not exist', async () => {
    await expect(engine.queue.renew(999)).rejects.toThrow('history entry 999 does not exist');
  });
});
