// Renewing a history entry by both routes, and the clear refusal when neither is possible.
import { randomBytes } from 'node:crypto';
import { unlink, writeFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/main/core/engine';
import type { HistoryEntry } from '../../src/main/core/history';
import { sha256 } from '../emulator/test-client';
import { storedSha256 } from '../support/emulator-records';
import { useEngineFixture } from '../support/engine-fixture';
import { writeRandomFile } from '../support/temp-files';

const DAY = 24 * 60 * 60 * 1000;
const fx = useEngineFixture('kiedrop-engine-renew-', { retry: { baseDelayMs: 20, maxDelayMs: 100 } });
let engine: Engine;

const storedHash = (filePath: string): Promise<string> => storedSha256(fx.emulator, filePath);

async function uploadOne(name: string): Promise<{ path: string; data: Buffer; entry: HistoryEntry }> {
  const { path, data } = await writeRandomFile(fx.dir, name, 20_000);
  await engine.queue.enqueueFiles([path], { source: 'manual', uploadPath: 'renew' });
  const [job] = await engine.queue.runUntilIdle();
  const entry = engine.history.getByJobId(job?.id ?? 0);
  if (!entry) throw new Error('the first upload was not recorded');
  return { path, data, entry };
}

beforeEach(() => {
  fx.emulator.clock.set(Date.now());
  // One clock for the server and the app, so "3 days later" means the same to both.
  engine = fx.open({ now: () => fx.emulator.clock.now() });
});

describe('renew', () => {
  it('re-uploads from the unchanged local file, even after the link expired', async () => {
    const { data, entry } = await uploadOne('still-here.bin');
    fx.emulator.clock.advance(3 * DAY + 1000);
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
    expect(fx.emulator.log.map((e) => e.path).slice(-2)).toEqual([
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
    fx.emulator.clock.advance(3 * DAY);
    await expect(engine.queue.renew(entry.id)).rejects.toThrow(
      `Cannot renew "lost.bin" (history entry ${entry.id}): the local file is gone or changed and the link has expired.`,
    );
    expect(engine.queue.list({ status: 'queued' })).toEqual([]);
  });

  it('refuses an entry that does not exist', async () => {
    await expect(engine.queue.renew(999)).rejects.toThrow('history entry 999 does not exist');
  });
});
