// The engine end to end against the emulator: real HTTP, a real SQLite file, real files.
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NameCollisionError } from '../../src/main/core/queue';
import { sha256 } from '../emulator/test-client';
import { storedBytes } from '../support/emulator-records';
import { useEngineFixture } from '../support/engine-fixture';
import { writeRandomFiles } from '../support/temp-files';
import type { WrittenFile } from '../support/temp-files';

const fx = useEngineFixture('kiedrop-engine-uploads-', { retry: { baseDelayMs: 20, maxDelayMs: 200 } });

const makeFiles = (count: number, prefix = 'file'): Promise<WrittenFile[]> =>
  writeRandomFiles(fx.dir, count, { name: (i) => `${prefix}-${i}.bin`, size: (i) => 1000 + i * 537 });

const storedContent = (filePath: string): Promise<Buffer> => storedBytes(fx.emulator, filePath);

describe('uploading a batch', () => {
  it('uploads 20 files with at most 3 at a time; each lands in history once with the right content', async () => {
    const files = await makeFiles(20);
    fx.emulator.faults.add({ latencyMs: 60 });
    const engine = fx.open({ concurrency: 3 });
    const uploading = new Set<number>();
    let maxInFlight = 0;
    let maxInFlightInDb = 0;
    engine.on('job', (job) => {
      if (job.status === 'uploading') uploading.add(job.id);
      else uploading.delete(job.id);
      maxInFlight = Math.max(maxInFlight, uploading.size);
      maxInFlightInDb = Math.max(maxInFlightInDb, engine.queue.list({ status: 'uploading' }).length);
    });

    const jobs = await engine.queue.enqueueFiles(
      files.map((f) => f.path),
      { source: 'manual', uploadPath: 'batch', batchId: 'b1' },
    );
    expect(jobs).toHaveLength(20);
    let idle = 0;
    const stopCounting = engine.on('idle', () => (idle += 1));
    const finished = await engine.queue.runUntilIdle({ batchId: 'b1' });
    stopCounting();
    expect(idle).toBe(1);

    expect(finished.map((j) => j.status)).toEqual(Array(20).fill('done'));
    expect(maxInFlight).toBe(3);
    expect(maxInFlightInDb).toBeLessThanOrEqual(3);
    const { entries, total } = engine.history.list({ limit: 100 });
    expect(total).toBe(20);
    expect(new Set(entries.map((e) => e.jobId)).size).toBe(20);
    for (const job of finished) {
      const entry = engine.history.getByJobId(job.id);
      const source = files.find((f) => f.path === job.localPath);
      expect(entry && source).toBeTruthy();
      expect(job.historyId).toBe(entry?.id);
      expect(sha256(await storedContent(entry?.filePath ?? ''))).toBe(
        sha256(source?.data ?? Buffer.alloc(0)),
      );
    }
  });

  it('reports throttled progress ending at 100 %, then "processing", then done', async () => {
    const data = randomBytes(24 * 1024 * 1024);
    const path = join(fx.dir, 'big.bin');
    await writeFile(path, data);
    fx.emulator.faults.add({ latencyMs: 150 });
    const engine = fx.open({ progressIntervalMs: 50 });
    const events: { kind: string; phase: string | null; percent?: number; at: number }[] = [];
    engine.on('progress', (j) =>
      events.push({ kind: 'progress', phase: j.phase, percent: j.progress?.percent, at: performance.now() }),
    );
    engine.on('job', (j) => events.push({ kind: j.status, phase: j.phase, at: performance.now() }));

    await engine.queue.enqueueFiles([path], { source: 'manual', uploadPath: 'p' });
    await engine.queue.runUntilIdle();

    const progress = events.filter((e) => e.kind === 'progress');
    expect(progress.at(-1)?.percent).toBe(100);
    expect(progress.filter((e) => e.percent === 100)).toHaveLength(1);
    // The client reports every 1 MiB chunk (24 here); at most one per 50 ms may get through.
    const spanMs = (progress.at(-1)?.at ?? 0) - (progress[0]?.at ?? 0);
    expect(progress.length).toBeLessThanOrEqual(Math.floor(spanMs / 45) + 2);
    for (let i = 1; i < progress.length - 1; i++) {
      expect((progress[i]?.at ?? 0) - (progress[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(45);
    }
    const afterLast = events.slice(events.findIndex((e) => e.kind === 'progress' && e.percent === 100) + 1);
    expect(afterLast.map((e) => `${e.kind}:${e.phase}`)).toEqual(['uploading:processing', 'done:null']);
  });

  it('runs manual uploads before watched-folder files that were queued earlier', async () => {
    const watched = await makeFiles(3, 'watched');
    const manual = await makeFiles(2, 'manual');
    const engine = fx.open({ concurrency: 1 });
    await engine.queue.enqueueFiles(
      watched.map((f) => f.path),
      { source: 'watch', uploadPath: 'w' },
    );
    await engine.queue.enqueueFiles(
      manual.map((f) => f.path),
      { source: 'manual', uploadPath: 'm' },
    );
    const order: string[] = [];
    engine.on('job', (j) => {
      if (j.status === 'uploading' && j.phase === 'sending' && !order.includes(j.fileName))
        order.push(j.fileName);
    });
    await engine.queue.runUntilIdle();
    expect(order).toEqual([
      'manual-0.bin',
      'manual-1.bin',
      'watched-0.bin',
      'watched-1.bin',
      'watched-2.bin',
    ]);
  });

  it('shares one database between two running queues (app and CLI) without uploading any job twice', async () => {
    const files = await makeFiles(12);
    fx.emulator.faults.add({ latencyMs: 30 });
    const app = fx.open({ concurrency: 2 });
    const cli = fx.open({ concurrency: 2 });
    await app.queue.enqueueFiles(
      files.map((f) => f.path),
      { source: 'manual', uploadPath: 'shared', batchId: 's' },
    );
    const [a, b] = await Promise.all([
      app.queue.runUntilIdle({ batchId: 's' }),
      cli.queue.runUntilIdle({ batchId: 's' }),
    ]);
    expect(a.every((j) => j.status === 'done')).toBe(true);
    expect(b.every((j) => j.status === 'done')).toBe(true);
    expect(app.history.count()).toBe(12);
    expect(fx.emulator.log.filter((e) => e.path === '/api/file-stream-upload')).toHaveLength(12);
  });
});

describe('files that cannot be read', () => {
  it('still become jobs that failed with the reason, and the others go on', async () => {
    const [good] = await makeFiles(1);
    const missing = join(fx.dir, 'not-there.png');
    const engine = fx.open();
    const jobs = await engine.queue.enqueueFiles([missing, good?.path ?? ''], {
      source: 'manual',
      uploadPath: 'x',
    });
    expect(jobs[0]).toMatchObject({
      status: 'failed',
      errorKind: 'local-file',
      lastError: `File not found: ${missing}`,
    });
    const done = await engine.queue.runUntilIdle();
    expect(done.map((j) => j.status)).toEqual(['done']);
    expect(engine.history.failedJobs().jobs.map((j) => j.lastError)).toEqual([`File not found: ${missing}`]);
  });

  it('refuses a bad upload path before anything is queued', async () => {
    const [good] = await makeFiles(1);
    const engine = fx.open();
    await expect(
      engine.queue.enqueueFiles([good?.path ?? ''], { source: 'manual', uploadPath: '/abs/' }),
    ).rejects.toThrow('must not start or end with "/"');
    expect(engine.queue.list()).toEqual([]);
  });
});

describe('name collisions', () => {
  it('gives the same file uploaded twice two different links that both keep serving it', async () => {
    const [f] = await makeFiles(1);
    const engine = fx.open();
    await engine.queue.enqueueFiles([f?.path ?? ''], { source: 'manual', uploadPath: 'same' });
    await engine.queue.enqueueFiles([f?.path ?? ''], { source: 'manual', uploadPath: 'same' });
    await engine.queue.runUntilIdle();
    const { entries } = engine.history.list();
    expect(entries).toHaveLength(2);
    expect(entries[0]?.fileName).toBe('file-0.bin');
    expect(entries[0]?.downloadUrl).not.toBe(entries[1]?.downloadUrl);
    for (const e of entries) {
      const res = await fetch(e.downloadUrl);
      expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(sha256(f?.data ?? Buffer.alloc(0)));
      expect(e.status).toBe('active');
    }
  });

  it('refuses an explicit name that would overwrite a live link, and marks the old entry replaced with overwrite', async () => {
    const [first, second] = await makeFiles(2);
    const engine = fx.open();
    const changes: { added?: number; replaced?: number }[] = [];
    engine.on('history', (c) => changes.push({ added: c.added?.id, replaced: c.replaced }));
    await engine.queue.enqueueFiles([first?.path ?? ''], {
      source: 'cli',
      uploadPath: 'site',
      fileName: 'logo.bin',
    });
    await engine.queue.runUntilIdle();
    const old = engine.history.list().entries[0];
    expect(old?.filePath).toBe(fx.emulator.filePathFor('site', 'logo.bin'));

    const attempt = engine.queue.enqueueFiles([second?.path ?? ''], {
      source: 'cli',
      uploadPath: 'site',
      fileName: 'logo.bin',
    });
    await expect(attempt).rejects.toBeInstanceOf(NameCollisionError);
    await expect(attempt).rejects.toMatchObject({ existing: { id: old?.id } });
    expect(engine.queue.list()).toHaveLength(1);

    await engine.queue.enqueueFiles([second?.path ?? ''], {
      source: 'cli',
      uploadPath: 'site',
      fileName: 'logo.bin',
      overwrite: true,
    });
    await engine.queue.runUntilIdle();
    const replaced = engine.history.get(old?.id ?? 0);
    const newest = engine.history.list().entries[0];
    expect(replaced?.status).toBe('replaced');
    expect(replaced?.replacedBy).toBe(newest?.id);
    expect(changes.at(-1)).toEqual({ added: newest?.id, replaced: old?.id });
    expect(sha256(await storedContent(fx.emulator.filePathFor('site', 'logo.bin')))).toBe(
      sha256(second?.data ?? Buffer.alloc(0)),
    );
  });
});

describe('cancel and pause', () => {
  it('cancels one job in flight and lets the rest finish', async () => {
    const files = await makeFiles(3);
    fx.emulator.faults.add({ latencyMs: 400, times: 1 });
    const engine = fx.open({ concurrency: 1 });
    const [first] = await engine.queue.enqueueFiles(
      files.map((f) => f.path),
      { source: 'manual', uploadPath: 'c' },
    );
    const started = new Promise<void>((resolve) =>
      engine.on('job', (j) => j.id === first?.id && j.status === 'uploading' && resolve()),
    );
    const run = engine.queue.runUntilIdle();
    await started;
    expect(engine.queue.cancel(first?.id ?? 0)).toBe(true);
    const jobs = await run;
    expect(jobs.map((j) => j.status)).toEqual(['cancelled', 'done', 'done']);
    expect(engine.history.getByJobId(first?.id ?? 0)).toBeUndefined();
    expect(engine.queue.cancel(first?.id ?? 0)).toBe(false);
  });

  it('cancels everything that is queued or uploading', async () => {
    const files = await makeFiles(6);
    fx.emulator.faults.add({ latencyMs: 300 });
    const engine = fx.open({ concurrency: 2 });
    await engine.queue.enqueueFiles(
      files.map((f) => f.path),
      { source: 'manual', uploadPath: 'c' },
    );
    const run = engine.queue.runUntilIdle();
    await new Promise<void>((resolve) => engine.on('job', (j) => j.status === 'uploading' && resolve()));
    expect(engine.queue.cancelAll()).toBe(6);
    const jobs = await run;
    expect(jobs.map((j) => j.status)).toEqual(Array(6).fill('cancelled'));
    expect(engine.history.count()).toBe(0);
    expect(engine.queue.unfinishedCount()).toBe(0);
  });

  it('pause stops new uploads while running ones finish; resume continues', async () => {
    const files = await makeFiles(4);
    fx.emulator.faults.add({ latencyMs: 200 });
    const engine = fx.open({ concurrency: 1 });
    const paused: string[] = [];
    engine.on('paused', (p) => paused.push(p.reason));
    let resumed = 0;
    engine.on('resumed', () => (resumed += 1));
    await engine.queue.enqueueFiles(
      files.map((f) => f.path),
      { source: 'manual', uploadPath: 'p', batchId: 'p' },
    );
    engine.queue.start();
    await new Promise<void>((resolve) => engine.on('job', (j) => j.status === 'uploading' && resolve()));
    engine.queue.pause();
    expect(engine.queue.paused?.reason).toBe('user');
    await new Promise<void>((resolve) => engine.on('job', (j) => j.status === 'done' && resolve()));
    await new Promise((r) => setTimeout(r, 400));
    expect(engine.queue.list({ status: 'done' })).toHaveLength(1);
    expect(engine.queue.list({ status: 'uploading' })).toHaveLength(0);
    expect(engine.queue.list({ status: 'queued' })).toHaveLength(3);

    engine.queue.resume();
    const jobs = await engine.queue.runUntilIdle({ batchId: 'p' });
    expect(jobs.map((j) => j.status)).toEqual(Array(4).fill('done'));
    expect(paused).toEqual(['user']);
    expect(resumed).toBe(1);
  });
});
