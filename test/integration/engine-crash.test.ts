// Crash safety: jobs abandoned by a dead process are resumed, and a process killed between the
// server's answer and the history write still ends with exactly one history entry per job.
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../src/main/core/paths';
import type { JobSnapshot } from '../../src/main/core/queue';
import { sha256 } from '../emulator/test-client';
import { storedBytes } from '../support/emulator-records';
import { useEngineFixture } from '../support/engine-fixture';
import { writeRandomFiles } from '../support/temp-files';
import type { WrittenFile } from '../support/temp-files';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENGINE_MODULE = fileURLToPath(new URL('../../src/main/core/engine/index.ts', import.meta.url));
// Above Linux's largest possible pid (2^22), so no process ever has it.
const DEAD_PID = 4_194_304 + 4242;

const fx = useEngineFixture('kiedrop-engine-crash-', { retry: { baseDelayMs: 20, maxDelayMs: 100 } });

const makeFiles = (count: number): Promise<WrittenFile[]> =>
  writeRandomFiles(fx.dir, count, { name: (i) => `crash-${i}.bin`, size: (i) => 2000 + i * 997 });

describe('jobs abandoned by a dead process', () => {
  it('go back to the queue and are uploaded exactly once', async () => {
    const [f] = await makeFiles(1);
    const engine = fx.open();
    const [job] = await engine.queue.enqueueFiles([f?.path ?? ''], { source: 'manual', uploadPath: 'dead' });
    // What a process that died mid-upload leaves behind: 'uploading', a lease that has not run out yet.
    engine.db.conn
      .prepare(
        "UPDATE jobs SET status = 'uploading', attempts = 1, lease_owner = ?, lease_until = ? WHERE id = ?",
      )
      .run(`${hostname()}:${DEAD_PID}:abc123`, Date.now() + 10 * 60_000, job?.id);
    expect(engine.queue.unfinishedCount()).toBe(1);

    expect(engine.queue.recoverAbandoned()).toBe(1);
    expect(engine.queue.get(job?.id ?? 0)?.status).toBe('queued');
    const [done] = await engine.queue.runUntilIdle();
    expect(done).toMatchObject({ status: 'done', attempts: 2 });
    expect(engine.history.count()).toBe(1);
    const entry = engine.history.getByJobId(job?.id ?? 0);
    expect(sha256(await storedBytes(fx.emulator, entry?.filePath ?? ''))).toBe(
      sha256(f?.data ?? Buffer.alloc(0)),
    );
  });

  it('are left alone while their owner is alive and its lease current', async () => {
    const [f] = await makeFiles(1);
    const engine = fx.open();
    const [job] = await engine.queue.enqueueFiles([f?.path ?? ''], { source: 'manual', uploadPath: 'alive' });
    // The test runner's parent process: alive on this host, so its upload must not be taken over.
    engine.db.conn
      .prepare("UPDATE jobs SET status = 'uploading', lease_owner = ?, lease_until = ? WHERE id = ?")
      .run(`${hostname()}:${process.ppid}:abc123`, Date.now() + 10 * 60_000, job?.id);
    expect(engine.queue.recoverAbandoned()).toBe(0);
    expect(engine.queue.get(job?.id ?? 0)?.status).toBe('uploading');

    // Once the lease runs out, the job is fair game whoever owned it.
    engine.db.conn.prepare('UPDATE jobs SET lease_until = ? WHERE id = ?').run(Date.now() - 1, job?.id);
    expect(engine.queue.recoverAbandoned()).toBe(1);
  });
});

describe('a process killed between the server answer and the history write', () => {
  it('leaves no job lost and none recorded twice once the queue resumes', async () => {
    const files = await makeFiles(30);
    const listFile = join(fx.dir, 'files.json');
    const markerFile = join(fx.dir, 'killed-job.txt');
    const script = join(fx.dir, 'child.mts');
    await writeFile(listFile, JSON.stringify(files.map((f) => f.path)));
    await writeFile(
      script,
      `import { readFileSync, writeFileSync } from 'node:fs';
import { openEngine } from ${JSON.stringify(ENGINE_MODULE)};
const [dataDir, url, key, listFile, markerFile] = process.argv.slice(2);
let answers = 0;
const engine = openEngine({
  dataDir, endpoints: { uploadBaseUrl: url, creditsBaseUrl: url }, getApiKey: async () => key, concurrency: 3,
  hooks: {
    afterServerAnswer(job) {
      answers += 1;
      if (answers === 10) {
        writeFileSync(markerFile, String(job.id));
        process.kill(process.pid, 'SIGKILL');
      }
    },
  },
});
await engine.queue.enqueueFiles(JSON.parse(readFileSync(listFile, 'utf8')), { source: 'cli', uploadPath: 'crash', batchId: 'crash' });
await engine.queue.runUntilIdle({ batchId: 'crash' });
await engine.close();
`,
    );

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', script, fx.dataDir, fx.emulator.url, fx.emulator.apiKey, listFile, markerFile],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    expect(exit, stderr).toEqual({ code: null, signal: 'SIGKILL' });
    const killedJobId = Number(await readFile(markerFile, 'utf8'));

    const engine = fx.open();
    // Answered by the server, never recorded: still unfinished, nothing in history for it.
    expect(engine.history.getByJobId(killedJobId)).toBeUndefined();
    expect(engine.queue.get(killedJobId)?.status).toBe('uploading');
    expect(engine.queue.unfinishedCount()).toBeGreaterThan(0);

    const jobs = await engine.queue.runUntilIdle({ batchId: 'crash' });
    expect(jobs).toHaveLength(30);
    expect(jobs.every((j) => j.status === 'done')).toBe(true);
    expect(engine.history.count()).toBe(30);
    for (const job of jobs) {
      const entry = engine.history.getByJobId(job.id);
      const source = files.find((f) => f.path === job.localPath);
      expect(sha256(await storedBytes(fx.emulator, entry?.filePath ?? ''))).toBe(
        sha256(source?.data ?? Buffer.alloc(0)),
      );
    }
    // The killed job's file was stored twice at the same place: the retry overwrote its own first attempt.
    const killed = engine.queue.get(killedJobId);
    const storedThere = fx.emulator.log.filter(
      (e) =>
        e.status === 200 &&
        e.fields.uploadPath === killed?.location &&
        e.fields.fileName === killed?.fileName,
    );
    expect(storedThere).toHaveLength(2);
  });
});

describe('a database locked by another program when the answer comes in', () => {
  it('does not crash: the job is retried later and recorded once', async () => {
    const [f] = await makeFiles(1);
    let locker: ReturnType<typeof spawn> | undefined;
    const engine = fx.open({
      hooks: {
        // First answer only: another process takes the write lock and keeps it past the 5 s busy timeout.
        afterServerAnswer: async () => {
          if (locker) return;
          const child = spawn(
            process.execPath,
            [
              '--input-type=module',
              '-e',
              `import Database from 'libsql';
const db = new Database(process.argv[1]);
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\\n');
setTimeout(() => { db.exec('COMMIT'); db.close(); }, 6000);`,
              join(fx.dataDir, DATABASE_FILE_NAME),
            ],
            { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
          );
          locker = child;
          await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
        },
      },
    });
    const retried: JobSnapshot[] = [];
    engine.on('job', (j) => j.status === 'queued' && j.errorKind !== null && retried.push(j));
    const [job] = await engine.queue.enqueueFiles([f?.path ?? ''], {
      source: 'manual',
      uploadPath: 'locked',
    });
    const [done] = await engine.queue.runUntilIdle();

    expect(done).toMatchObject({ status: 'done', attempts: 2 });
    expect(retried[0]?.errorKind).toBe('database');
    expect(retried[0]?.lastError).toContain('locked');
    expect(engine.history.count()).toBe(1);
    const stored = fx.emulator.log.filter((e) => e.status === 200 && e.fields.uploadPath === job?.location);
    expect(stored).toHaveLength(2);
    if (locker && locker.exitCode === null) await new Promise((resolve) => locker?.once('exit', resolve));
  }, 30_000);
});
