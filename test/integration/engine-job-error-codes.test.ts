// A failed upload keeps its failure's stable code and params in the database (schema version 7), so the
// window says it in the person's language without reading the English sentence; a job that failed before
// version 7 keeps its English sentence and no code, so the window shows the sentence
// (test/unit/renderer-translate-error.test.ts).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, openDatabase } from '../../src/main/core/db';
import { useEngineFixture } from '../support/engine-fixture';
import { writeRandomFile } from '../support/temp-files';

/** Nothing listens here: "connection refused". */
const CLOSED = 'http://127.0.0.1:9';

const fx = useEngineFixture('kiedrop-job-error-codes-', { retry: { baseDelayMs: 10, maxDelayMs: 20 } });

describe('a failed upload', () => {
  it('keeps its code, its host and the attempts it gave up after, also once reopened', async () => {
    const f = await writeRandomFile(fx.dir, 'offline.bin', 100);
    const engine = fx.open({
      endpoints: { uploadBaseUrl: CLOSED, creditsBaseUrl: CLOSED },
      retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20 },
    });
    await engine.queue.enqueueFiles([f.path], { source: 'manual', uploadPath: 'e' });
    const [job] = await engine.queue.runUntilIdle();
    expect(job).toMatchObject({
      status: 'failed',
      errorCode: 'network.refused',
      errorParams: { host: '127.0.0.1:9', gaveUpAfter: 2 },
    });
    expect(job?.lastError).toMatch(
      /^Could not connect to 127\.0\.0\.1:9: connection refused\. .*\(Gave up after 2 attempts\.\)$/u,
    );
    await fx.closeAll();

    const again = fx.open();
    const stored = again.queue.get(job?.id ?? 0);
    expect(stored).toMatchObject({
      errorCode: 'network.refused',
      errorParams: { host: '127.0.0.1:9', gaveUpAfter: 2 },
    });
    // The History screen's failed list has the same.
    expect(again.history.failedJobs().jobs[0]).toMatchObject({ errorCode: 'network.refused' });
  });

  it('records why a file could not be queued: its code, name and path', async () => {
    const engine = fx.open();
    const missing = join(fx.dir, 'never-there.txt');
    const [job] = await engine.queue.enqueueFiles([missing], { source: 'manual', uploadPath: 'e' });
    expect(job).toMatchObject({
      status: 'failed',
      errorCode: 'file.not-found',
      errorParams: { name: 'never-there.txt', path: missing },
    });
  });

  it('is cleared of its code when it is retried and uploads', async () => {
    const f = await writeRandomFile(fx.dir, 'later.bin', 100);
    fx.emulator.faults.add({ path: '/api/file-stream-upload', status: 422, times: 1, msg: 'Not now' });
    const engine = fx.open();
    await engine.queue.enqueueFiles([f.path], { source: 'manual', uploadPath: 'e' });
    const [failed] = await engine.queue.runUntilIdle();
    expect(failed).toMatchObject({
      status: 'failed',
      errorCode: 'api.refused',
      errorParams: { status: 422 },
    });
    engine.queue.retryFailed([failed?.id ?? 0]);
    const [done] = await engine.queue.runUntilIdle();
    expect(done).toMatchObject({ status: 'done', errorCode: null, errorParams: null, lastError: null });
  });
});

describe('a job that failed before version 7', () => {
  it('keeps its English sentence and has no code once the database is upgraded', async () => {
    const file = join(fx.dataDir, 'kiedrop.db');
    const sentence = 'Could not connect to 127.0.0.1:9: connection refused. (Gave up after 8 attempts.)';
    const v6 = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 6) });
    v6.conn
      .prepare(
        `INSERT INTO jobs (status, source, method, local_path, upload_path, file_name, location, attempts,
           error_kind, last_error, created_at, updated_at, finished_at)
         VALUES ('failed', 'manual', 'stream', '/old/photo.png', 'kiedrop', 'photo.png', 'kiedrop/x', 8,
           'network', ?, 1, 1, 1)`,
      )
      .run(sentence);
    v6.close();

    const engine = fx.open();
    const [job] = engine.queue.list({ status: 'failed' });
    expect(job).toMatchObject({ lastError: sentence, errorCode: null, errorParams: null });
  });
});
