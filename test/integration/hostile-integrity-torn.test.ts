// A file that changes while it streams must never end up on the server as a mix of two versions and be
// recorded as done. A same-size rewrite is invisible to a size check, so the file's identity (size,
// mtime, ctime, inode) is compared before and after the last byte: a change sends it again from the
// start, and a file that keeps changing fails with a message saying so. Uploads go through a throttle so
// the writer's change lands mid-stream.
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/main/core/engine';
import type { JobSnapshot } from '../../src/main/core/queue';
import { sha256 } from '../emulator/test-client';
import { startThrottleProxy } from '../e2e/support/throttle-proxy';
import type { ThrottleProxy } from '../e2e/support/throttle-proxy';
import { STREAM_UPLOAD_ROUTE } from '../support/emulator-records';
import { useEngineFixture } from '../support/engine-fixture';
import { writeRandomFile } from '../support/temp-files';

const MiB = 1024 * 1024;
const SIZE = 16 * MiB;
// About a second and a half per attempt.
const BYTES_PER_SECOND = 12 * MiB;

const fx = useEngineFixture('kiedrop-hostile-torn-', { retry: { baseDelayMs: 5, maxDelayMs: 20 } });
let throttle: ThrottleProxy;

beforeAll(async () => {
  throttle = await startThrottleProxy(fx.emulator.url, BYTES_PER_SECOND);
});
afterAll(async () => {
  await throttle?.close();
});

const openThrottled = (): Engine =>
  fx.open({ endpoints: { uploadBaseUrl: throttle.url, creditsBaseUrl: fx.emulator.url } });

/** Overwrites the first and the last MiB in place: same size, same inode, only the content changes. */
function rewriteEnds(path: string, content: Buffer): void {
  const first = randomBytes(MiB);
  const last = randomBytes(MiB);
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, first, 0, MiB, 0);
    writeSync(fd, last, 0, MiB, content.length - MiB);
  } finally {
    closeSync(fd);
  }
  first.copy(content, 0);
  last.copy(content, content.length - MiB);
}

/** Calls `change` once per attempt, a third of the way into sending it. */
function duringEachAttempt(engine: Engine, times: number, change: () => void): { count: number } {
  const done = { count: 0 };
  let armed = true;
  engine.on('progress', (job: JobSnapshot) => {
    const p = job.progress;
    if (p === null) return;
    // A new attempt starts from zero again.
    if (p.sent < p.total / 10) armed = true;
    if (armed && done.count < times && p.sent > p.total / 3) {
      armed = false;
      done.count += 1;
      // Synchronous: on disk before the next chunk is read.
      change();
    }
  });
  return done;
}

async function storedContent(engine: Engine, job: JobSnapshot): Promise<Buffer> {
  const entry = engine.history.getByJobId(job.id);
  const stored = fx.emulator.storedFile(entry?.filePath ?? '');
  expect(stored, 'the emulator keeps the file the history names').toBeDefined();
  return readFile(stored ?? '');
}

describe('a file rewritten in place while it streams', () => {
  it('is sent again from the start: the link serves its final content, and the job says so', async () => {
    const file = await writeRandomFile(fx.dir, 'torn.bin', SIZE);
    const content = Buffer.from(file.data);
    const engine = openThrottled();
    const changes = duringEachAttempt(engine, 1, () => rewriteEnds(file.path, content));
    await engine.queue.enqueueFiles([file.path], { source: 'manual', uploadPath: 'torn' });
    const [job] = await engine.queue.runUntilIdle();

    expect(changes.count).toBe(1);
    // Never a mix of the two versions: what the link serves is the file as it is now.
    expect(sha256(await storedContent(engine, job as JobSnapshot))).toBe(sha256(content));
    expect(job).toMatchObject({ status: 'done', attempts: 2 });
    expect(job?.notice).toBe(
      'The file changed while it was being uploaded, so it was sent again from the start; the link has the newer content.',
    );
    // The first attempt never reached the server as a whole file.
    const uploads = fx.emulator.log.filter((e) => e.path === STREAM_UPLOAD_ROUTE);
    expect(uploads.map((e) => e.status)).toEqual([0, 200]);
  });

  it('is given up after changing three times in a row: nothing stored, a clear reason', async () => {
    const file = await writeRandomFile(fx.dir, 'busy.bin', SIZE);
    const content = Buffer.from(file.data);
    const engine = openThrottled();
    const changes = duringEachAttempt(engine, 10, () => rewriteEnds(file.path, content));
    await engine.queue.enqueueFiles([file.path], { source: 'manual', uploadPath: 'busy' });
    const [job] = await engine.queue.runUntilIdle();

    expect(changes.count).toBe(3);
    expect(job).toMatchObject({ status: 'failed', errorKind: 'local-file', attempts: 3 });
    expect(job?.lastError).toBe(
      `${file.path} kept changing while it was being uploaded (3 times in a row); it was not uploaded. ` +
        'Wait until it is no longer being written, then upload it again.',
    );
    expect(engine.history.count()).toBe(0);
    expect(fx.emulator.log.filter((e) => e.status === 200)).toEqual([]);
  });
});

describe('a file replaced by a newer version while it streams', () => {
  it('(saved to a temporary file and renamed over it) is sent again: the link serves the newer version', async () => {
    const file = await writeRandomFile(fx.dir, 'saved.bin', SIZE);
    const newer = randomBytes(SIZE);
    const engine = openThrottled();
    const changes = duringEachAttempt(engine, 1, () => {
      const temp = join(fx.dir, '.saved.bin.tmp');
      writeFileSync(temp, newer);
      renameSync(temp, file.path);
    });
    await engine.queue.enqueueFiles([file.path], { source: 'manual', uploadPath: 'saved' });
    const [job] = await engine.queue.runUntilIdle();

    expect(changes.count).toBe(1);
    expect(job).toMatchObject({ status: 'done', attempts: 2 });
    expect(sha256(await storedContent(engine, job as JobSnapshot))).toBe(sha256(newer));
  });
});
