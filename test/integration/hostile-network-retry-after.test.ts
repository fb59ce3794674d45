// A server's Retry-After, taken at its word only within reason: a wait is capped at the backoff maximum
// (5 min), an absurd one (more than an hour) fails the upload with the server's own words instead of
// parking it for centuries, and while `kiedrop upload` waits it says what it is waiting for.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { cliEnv, runKiedrop, startKiedrop } from '../support/kiedrop-process';
import type { KiedropProcess, KiedropResult } from '../support/kiedrop-process';
import { makeTempDir, writeFileIn } from '../support/temp-files';
import { until } from '../support/wait-until';

const STREAM = '/api/file-stream-upload';

let emulator: Emulator;
let dir: string;
let runs = 0;
const running: KiedropProcess[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await makeTempDir('kiedrop-hostile-retry-after-');
});
afterEach(() => {
  emulator.faults.clear();
  for (const p of running.splice(0)) if (p.child.exitCode === null) p.child.kill('SIGKILL');
});
afterAll(async () => {
  await emulator?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

/** An environment with a data folder of its own, so one test's waiting job never shows up in another. */
function freshEnv(): Record<string, string> {
  runs++;
  return cliEnv(emulator, {
    dataDir: join(dir, `data-${runs}`),
    keychainService: `KieDropHostileRetryAfter-${process.pid}`,
    fastRetries: true,
  });
}

function start(args: string[], env: Record<string, string>): KiedropProcess {
  const p = startKiedrop(args, env);
  running.push(p);
  return p;
}

/** The process's result, or a failure naming what it printed if it is still running after `limitMs`. */
async function finishes(p: KiedropProcess, limitMs: number): Promise<KiedropResult> {
  try {
    await until(`kiedrop to finish within ${limitMs} ms`, () => p.child.exitCode !== null, {
      timeoutMs: limitMs,
    });
  } catch (err) {
    throw new Error(`${(err as Error).message}; it printed: ${p.out.stderr}`, { cause: err });
  }
  return p.done;
}

describe('kiedrop upload and Retry-After', () => {
  it('says what it waits for, waits as asked, then uploads', async () => {
    const env = freshEnv();
    const file = await writeFileIn(dir, 'polite.txt', 'polite');
    emulator.faults.add({ path: STREAM, status: 429, retryAfter: '2', times: 1 });
    const started = Date.now();
    const run = await finishes(start(['upload', file], env), 15_000);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`kiedrop: ${file}: retry 2/8 in 2 s: the server asked to wait (429)\n`);
    expect(run.stdout).toMatch(/^polite\.txt {2}http:\/\/\S+\/polite\.txt {2}expires /u);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  });

  it('waits at most 5 minutes however long the server asks, and shows that wait', async () => {
    const env = freshEnv();
    const file = await writeFileIn(dir, 'ten-minutes.txt', 'ten');
    emulator.faults.add({ path: STREAM, status: 429, retryAfter: '600', times: 1 });
    const p = start(['upload', file], env);
    const line = `kiedrop: ${file}: retry 2/8 in 5 min: the server asked to wait (429)\n`;
    await until(`"${line.trim()}" on stderr`, () => p.out.stderr.includes(line), { timeoutMs: 10_000 });
    p.child.kill('SIGINT');
    await finishes(p, 10_000);

    const queue = await runKiedrop(['queue'], env);
    expect(queue.code).toBe(0);
    expect(queue.stdout).toMatch(/retrying in 5 min +ten-minutes\.txt /u);
  });

  it.each([
    ['a number of seconds no one can wait', '99999999999999999999', 'more than a year'],
    ['an HTTP-date in 2099', 'Thu, 01 Jan 2099 00:00:00 GMT', 'more than a year'],
    ['two hours', '7200', '2 h'],
  ])('fails at once, in the server’s words, when it asks for %s', async (_, retryAfter, shown) => {
    const env = freshEnv();
    const file = await writeFileIn(dir, 'greedy.txt', 'greedy');
    emulator.faults.add({
      path: STREAM,
      status: 429,
      retryAfter,
      msg: 'Quota exhausted for today',
      times: 1,
    });
    const run = await finishes(start(['upload', file], env), 10_000);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `kiedrop: ${file}: Too many requests (429): the server asks not to be tried again for ${shown} ` +
        `(Retry-After: ${retryAfter}), longer than KieDrop waits (1 h). Try again later. ` +
        'The server said: "Quota exhausted for today" (Gave up after 1 attempt.)\n',
    );

    // Nothing is left parked for centuries: the upload is failed, with that reason.
    const queue = await runKiedrop(['queue'], env);
    expect(queue.stdout).not.toContain('retrying in');
    expect(queue.stdout).toMatch(/failed +greedy\.txt /u);
  });
});
