// How the engine rides out a misbehaving server, a rejected key, a stalled connection and files
// that change or vanish — against the emulator over real HTTP, with a real SQLite file.
import { randomBytes } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { beforeEach, describe, expect, it } from 'vitest';
import { AUTH_PAUSE_MESSAGE, FILE_CHANGED_NOTICE } from '../../src/main/core/queue';
import type { JobSnapshot } from '../../src/main/core/queue';
import { sha256 } from '../emulator/test-client';
import { storedSha256 } from '../support/emulator-records';
import { useEngineFixture } from '../support/engine-fixture';
import { writeRandomFile } from '../support/temp-files';
import type { WrittenFile } from '../support/temp-files';

const STREAM = '/api/file-stream-upload';

const fx = useEngineFixture('kiedrop-engine-retries-', { retry: { baseDelayMs: 20, maxDelayMs: 100 } });
beforeEach(() => {
  // A test below revokes the key: every other one starts with it accepted again.
  fx.emulator.setApiKeys([fx.emulator.apiKey]);
});

const makeFile = (name: string, size = 4096): Promise<WrittenFile> => writeRandomFile(fx.dir, name, size);

const storedHash = (filePath: string): Promise<string> => storedSha256(fx.emulator, filePath);

function onlyJob(jobs: JobSnapshot[]): JobSnapshot {
  expect(jobs).toHaveLength(1);
  return jobs[0] as JobSnapshot;
}

describe('transient server errors', () => {
  it('retries two 500s and succeeds on the third attempt', async () => {
    const f = await makeFile('a.bin');
    fx.emulator.faults.add({ path: STREAM, status: 500, times: 2 });
    const engine = fx.open();
    await engine.queue.enqueueFiles([f.path], { source: 'manual', uploadPath: 'r' });
    const job = onlyJob(await engine.queue.runUntilIdle());
    expect(job).toMatchObject({ status: 'done', attempts: 3, errorKind: null, lastError: null });
    expect(fx.emulator.log.filter((e) => e.path === STREAM).map((e) => e.status)).toEqual([500, 500, 200]);
    expect(await storedHash(engine.history.getByJobId(job.id)?.filePath ?? '')).toBe(sha256(f.data));
  });

  it("waits as long as a 429's Retry-After asks before trying again", async () => {
    const f = await makeFile('b.bin');
    fx.emulator.faults.add({ path: STREAM, status: 429, retryAfter: '1', times: 1 });
    const engine = fx.open();
    const retrying: { nextAttemptAt: number; seenAt: number }[] = [];
    engine.on('job', (j) => {
      if (j.status === 'queued' && j.errorKind === 'rate-limited') {
        retrying.push({ nextAttemptAt: j.nextAttemptAt ?? 0, seenAt: Date.now() });
        expect(j.phase).toBe('retrying');
      }
    });
    await engine.queue.enqueueFiles([f.path], { source: 'manual', uploadPath: 'r' });
    const job = onlyJob(await engine.queue.runUntilIdle());
    expect(job.status).toBe('done');
    expect(retrying).toHaveLength(1);
    const wait = (retrying[0]?.nextAttemptAt ?? 0) - (retrying[0]?.seenAt ?? 0);
    expect(wait).toBeGreaterThan(900);
    expect(wait).toBeLessThanOrEqual(1000);
    const [first, second] = fx.emulator.log.filter((e) => e.path === STREAM);
    expect((second?.startedAt ?? 0) - (first?.startedAt ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it('retries after the connection is reset in the middle of the body', async () => {
    const f = await makeFile('c.bin', 400_000);
    fx.emulator.faults.add({ path: STREAM, resetAfterBytes: 100_000, times: 1 });
    const engine = fx.open();
    await engine.queue.enqueueFiles([f.path], { source: 'manual', uploadPath: 'r' });
    const job = onlyJob(await engine.queue.runUntilIdle());
    expect(job).toMatchObject({ status: 'done', attempts: 2 });
    expect(await storedHash(engine.history.getByJobId(job.id)?.filePath ?? '')).toBe(sha256(f.data));
  });

  it('gives up after the last attempt and says so', async () => {
    const f = await makeFile('d.bin');
    fx.emulator.faults.add({ path: STREAM, status: 503 });
    const engine = fx.open({ retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 20 } });
    await engine.queue.enqueueFiles([f.path], { source: 'manual', uploadPath: 'r' });
    const job = onlyJob(await engine.queue.runUntilIdle());
    expect(job).toMatchObject({ status: 'failed', attempts: 3, errorKind: 'server' });
    expect(job.lastError).toContain('(Gave up after 3 attempts.)');
    expect(fx.emulator.log.filter((e) => e.path === STREAM)).toHaveLength(3);
  });
});

describe('a flaky server', () => {
  it('gets 500 files of mixed sizes into history exactly once despite 20 % errors and 10 % resets', async () => {
    const files = await Promise.all(
      Array.from({ length: 500 }, (_, i) => makeFile(`mix-${i}.bin`, 1 + ((i * 7919) % 200_000))),
    );
    fx.emulator.faults.add({ path: STREAM, status: 500, probability: 0.2, seed: 7 });
    fx.emulator.faults.add({ path: STREAM, resetAfterBytes: 1500, probability: 0.1, seed: 11 });
    // More attempts than the default 8, so a file unlucky enough to fail 8 times in a row cannot flake the test.
    const engine = fx.open({ concurrency: 6, retry: { maxAttempts: 30, baseDelayMs: 5, maxDelayMs: 40 } });
    await engine.queue.enqueueFiles(
      files.map((f) => f.path),
      { source: 'manual', uploadPath: 'mix', batchId: 'mix' },
    );
    const jobs = await engine.queue.runUntilIdle({ batchId: 'mix' });

    expect(jobs.filter((j) => j.status !== 'done')).toEqual([]);
    expect(jobs.some((j) => j.attempts > 1)).toBe(true);
    expect(engine.history.count()).toBe(500);
    const byPath = new Map(files.map((f) => [f.path, f.data]));
    for (const job of jobs) {
      const entry = engine.history.getByJobId(job.id);
      expect(await storedHash(entry?.filePath ?? '')).toBe(
        sha256(byPath.get(job.localPath ?? '') ?? Buffer.alloc(0)),
      );
    }
  }, 120_000);
});

describe('refusals are not retried', () => {
  it('fails a 400 at once, after one attempt, with the server message', async () => {
    const f = await makeFile('e.bin');
    fx.emulator.faults.add({ path: STREAM, status: 400, msg: 'uploadPath is not allowed here' });
    const engine = fx.open();
    await engine.queue.enqueueFiles([f.path], { source: 'manual', uploadPath: 'r' });
    const job = onlyJob(await engine.queue.runUntilIdle());
    expect(job).toMatchObject({
      status: 'failed',
      attempts: 1,
      errorKind: 'bad-request',
      lastError: 'uploadPath is not allowed here',
    });
    expect(engine.history.count()).toBe(0);
  });

  it('runs a failed job again when asked to retry it', async () => {
    const f = await makeFile('again.bin');
    fx.emulator.faults.add({ path: STREAM, status: 402, times: 1 });
    const engine = fx.open();
    await engine.queue.enqueueFiles([f.path], { source: 'manual', uploadPath: 'r' });
    const failed = onlyJob(await engine.queue.runUntilIdle());
    expect(failed).toMatchObject({ status: 'failed', errorKind: 'insufficient-credits' });
    expect(engine.queue.retryFailed()).toBe(1);
    expect(engine.queue.retryFailed()).toBe(0);
    expect(onlyJob(await engine.queue.runUntilIdle())).toMatchObject({
      id: failed.id,
      status: 'done',
      attempts: 1,
    });
  });

  it('fails a 200 with a malformed body without crashing, keeping the raw answer', async () => {
    const f = await makeFile('f.bin');
    fx.emulator.faults.add({ path: STREAM, malformedBody: '<html>502 Bad Gateway from proxy</html>' });
    const engine = fx.open();
    await engine.queue.enqueueFiles([f.path], { source: 'manual', uploadPath: 'r' });
    const job = onlyJob(await engine.queue.runUntilIdle());
    expect(job).toMatchObject({ status: 'failed', attempts: 1, errorKind: 'invalid-response' });
    expect(job.lastError).toContain('<html>502 Bad Gateway from proxy</html>');
    expect(engine.history.failedJobs().jobs[0]?.lastError).toContain('502 Bad Gateway from proxy');
  });
});

describe('a rejected API key', () => {
  it('pauses the whole queue mid-batch, loses nothing, and finishes once a new key is saved', async () => {
    const files = await Promise.all(Array.from({ length: 10 }, (_, i) => makeFile(`k${i}.bin`)));
    let key = fx.emulator.apiKey;
    const engine = fx.open({ concurrency: 1, getApiKey: async () => key });
    const pauses: { reason: string; message: string }[] = [];
    engine.on('paused', (p) => pauses.push(p));
    let uploaded = 0;
    engine.on('history', (c) => {
      if (c.added && ++uploaded === 3) fx.emulator.setApiKeys(['a-brand-new-key']);
    });
    await engine.queue.enqueueFiles(
      files.map((f) => f.path),
      { source: 'manual', uploadPath: 'k', batchId: 'k' },
    );

    const first = await engine.queue.runUntilIdle({ batchId: 'k' });
    expect(pauses).toEqual([{ reason: 'auth', message: AUTH_PAUSE_MESSAGE }]);
    expect(AUTH_PAUSE_MESSAGE).toBe('API key rejected — save a new key to continue');
    expect(engine.queue.paused?.reason).toBe('auth');
    expect(first.filter((j) => j.status === 'done')).toHaveLength(3);
    expect(first.filter((j) => j.status === 'queued')).toHaveLength(7);
    expect(first.filter((j) => j.status === 'failed')).toHaveLength(0);
    // The attempt that hit the 401 is not held against the job.
    expect(first.filter((j) => j.status === 'queued').every((j) => j.attempts === 0)).toBe(true);

    key = 'a-brand-new-key';
    engine.queue.keyChanged();
    expect(engine.queue.paused).toBeNull();
    const second = await engine.queue.runUntilIdle({ batchId: 'k' });
    expect(second.map((j) => j.status)).toEqual(Array(10).fill('done'));
    expect(engine.history.count()).toBe(10);
  });

  it('pauses instead of failing when no key is saved at all', async () => {
    const f = await makeFile('n.bin');
    let key: string | null = null;
    const engine = fx.open({ getApiKey: async () => key });
    await engine.queue.enqueueFiles([f.path], { source: 'manual', uploadPath: 'n' });
    const jobs = await engine.queue.runUntilIdle();
    expect(jobs.map((j) => j.status)).toEqual(['queued']);
    expect(engine.queue.paused).toMatchObject({
      reason: 'auth',
      message: expect.stringContaining('No API key'),
    });
    expect(fx.emulator.log).toHaveLength(0);
    key = fx.emulator.apiKey;
    engine.queue.keyChanged();
    expect((await engine.queue.runUntilIdle()).map((j) => j.status)).toEqual(['done']);
  });
});

describe('a stalled connection', () => {
  it('is aborted after the stall timeout and retried', async () => {
    // A proxy whose first connection accepts the request but never reads it: the body stops flowing.
    const upstream = new URL(fx.emulator.url);
    const sockets: net.Socket[] = [];
    const proxy = net.createServer((socket) => {
      sockets.push(socket);
      if (sockets.length === 1) {
        socket.pause();
        return;
      }
      const out = net.connect(Number(upstream.port), upstream.hostname);
      sockets.push(out);
      socket.pipe(out).pipe(socket);
      socket.on('error', () => out.destroy());
      out.on('error', () => socket.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      // Far bigger than the loopback socket buffers, so the writes really block.
      const f = await makeFile('stall.bin', 24 * 1024 * 1024);
      const engine = fx.open({
        endpoints: { uploadBaseUrl: proxyUrl, creditsBaseUrl: proxyUrl },
        stallTimeoutMs: 500,
      });
      const retries: JobSnapshot[] = [];
      engine.on('job', (j) => j.status === 'queued' && j.errorKind !== null && retries.push(j));
      await engine.queue.enqueueFiles([f.path], { source: 'manual', uploadPath: 'stall' });
      const started = Date.now();
      const job = onlyJob(await engine.queue.runUntilIdle());
      expect(job).toMatchObject({ status: 'done', attempts: 2 });
      expect(retries[0]?.errorKind).toBe('timeout');
      expect(retries[0]?.lastError).toContain('stalled');
      expect(Date.now() - started).toBeGreaterThanOrEqual(500);
      expect(await storedHash(engine.history.getByJobId(job.id)?.filePath ?? '')).toBe(sha256(f.data));
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });
});

describe('files that change or vanish', () => {
  it('uploads the newer content when the file changed before a retry, and says so', async () => {
    const f = await makeFile('changing.bin', 5000);
    const newer = randomBytes(7777);
    fx.emulator.faults.add({ path: STREAM, status: 500, times: 1 });
    const engine = fx.open();
    engine.on('job', (j) => {
      // Synchronous, so the change is on disk before the retry can start.
      if (j.status === 'queued' && j.errorKind === 'server') writeFileSync(f.path, newer);
    });
    await engine.queue.enqueueFiles([f.path], { source: 'manual', uploadPath: 'ch' });
    const job = onlyJob(await engine.queue.runUntilIdle());
    expect(job).toMatchObject({ status: 'done', notice: FILE_CHANGED_NOTICE, size: 7777 });
    const entry = engine.history.getByJobId(job.id);
    expect(entry?.size).toBe(7777);
    expect(await storedHash(entry?.filePath ?? '')).toBe(sha256(newer));
  });

  it('fails only the job whose file was deleted while queued; the others go on', async () => {
    const files = await Promise.all(['x.bin', 'y.bin', 'z.bin'].map((n) => makeFile(n)));
    const engine = fx.open();
    await engine.queue.enqueueFiles(
      files.map((f) => f.path),
      { source: 'manual', uploadPath: 'del' },
    );
    await unlink(files[1]?.path ?? '');
    const jobs = await engine.queue.runUntilIdle();
    expect(jobs.map((j) => j.status)).toEqual(['done', 'failed', 'done']);
    expect(jobs[1]).toMatchObject({
      errorKind: 'local-file',
      lastError: `File not found: ${files[1]?.path}`,
    });
    expect(engine.history.count()).toBe(2);
  });
});
