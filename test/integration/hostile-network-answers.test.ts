// Answers that never end: a 200 whose body dribbles in a byte at a time, or streams filler forever. The
// client must give up on the whole answer (headers and body) within its response limit, and refuse a
// body far bigger than any JSON answer, both through the API and through real `kiedrop` processes.
import { rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/main/core/api';
import type { ApiClient } from '../../src/main/core/api';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { apiFailure } from '../support/failures';
import { cliEnv, startKiedrop } from '../support/kiedrop-process';
import type { KiedropProcess, KiedropResult } from '../support/kiedrop-process';
import { makeTempDir, writeFileIn } from '../support/temp-files';

const CREDIT = '/api/v1/chat/credit';
const STREAM = '/api/file-stream-upload';

let emulator: Emulator;
let client: ApiClient;
let dir: string;
let env: Record<string, string>;
let host: string;
const running: KiedropProcess[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
  host = new URL(emulator.url).host;
  client = createApiClient({
    uploadBaseUrl: emulator.url,
    creditsBaseUrl: emulator.url,
    apiKey: emulator.apiKey,
  });
  dir = await makeTempDir('kiedrop-hostile-answers-');
  env = cliEnv(emulator, {
    dataDir: join(dir, 'data'),
    keychainService: `KieDropHostileAnswers-${process.pid}`,
    fastRetries: true,
  });
});
afterEach(() => {
  emulator.faults.clear();
  // A process still running here is the defect itself; do not leave it behind.
  for (const p of running.splice(0)) if (p.child.exitCode === null) p.child.kill('SIGKILL');
});
afterAll(async () => {
  client?.close();
  await emulator?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

/** Runs `kiedrop …`, failing the test (and killing the process) if it is still running after `limitMs`. */
async function kiedropWithin(
  limitMs: number,
  args: string[],
  extra: Record<string, string>,
): Promise<KiedropResult> {
  const p = startKiedrop(args, { ...env, ...extra });
  running.push(p);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(`kiedrop ${args[0]} still running after ${limitMs} ms; stderr so far: ${p.out.stderr}`),
        ),
      limitMs,
    );
  });
  try {
    return await Promise.race([p.done, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('the emulator can misbehave after its headers', () => {
  it('dribbles an answer one byte at a time with its true length', async () => {
    emulator.faults.add({ path: CREDIT, byteIntervalMs: 10, times: 1 });
    const started = performance.now();
    const res = await fetch(`${emulator.url}${CREDIT}`, {
      headers: { Authorization: `Bearer ${emulator.apiKey}` },
    });
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ code: 200, msg: 'success', data: 100 });
    expect(res.headers.get('content-length')).toBe(String(text.length));
    expect(performance.now() - started).toBeGreaterThanOrEqual(text.length * 10 - 20);
  });

  it('streams an endless body until the client leaves', async () => {
    emulator.faults.add({ path: CREDIT, endlessBody: true, times: 1 });
    const res = await fetch(`${emulator.url}${CREDIT}`, {
      headers: { Authorization: `Bearer ${emulator.apiKey}` },
    });
    expect(res.headers.get('content-length')).toBeNull();
    const reader = res.body!.getReader();
    let bytes = 0;
    while (bytes < 4 * 1024 * 1024) bytes += (await reader.read()).value?.length ?? 0;
    await reader.cancel();
    expect(emulator.log.at(-1)?.fault).toBe('endlessBody');
  });
});

// Before the fix these calls never return: keep a failing run short.
describe('the client gives up on an answer that never ends', { timeout: 10_000 }, () => {
  it('stops a credit check whose answer dribbles in, at the response limit, naming it', async () => {
    emulator.faults.add({ path: CREDIT, endlessBody: true, byteIntervalMs: 50 });
    const started = Date.now();
    const err = await apiFailure(client.getCredits({ responseTimeoutMs: 800 }));
    expect(err.kind).toBe('timeout');
    expect(err.message).toBe(
      `The credit balance check failed: the server's answer did not finish within 0.8 s (it was still ` +
        `arriving from ${host}). Try again later.`,
    );
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('stops an upload whose answer dribbles in, and says the file may be stored', async () => {
    const file = await writeFileIn(dir, 'dribble.txt', 'dribble');
    emulator.faults.add({ path: STREAM, endlessBody: true, byteIntervalMs: 50 });
    const started = Date.now();
    const err = await apiFailure(
      client.streamUpload({ filePath: file, uploadPath: 'hostile', responseTimeoutMs: 800 }),
    );
    expect(err.kind).toBe('timeout');
    expect(err.message).toBe(
      `The upload of "dribble.txt" failed: the server's answer did not finish within 0.8 s (it was ` +
        `still arriving from ${host}). The file may have been stored anyway; check before uploading it again.`,
    );
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('refuses an endless fast answer once it passes 1 MiB, without waiting for the limit', async () => {
    emulator.faults.add({ path: CREDIT, endlessBody: true });
    const started = Date.now();
    const err = await apiFailure(client.getCredits());
    expect(err.kind).toBe('invalid-response');
    expect(err.message).toBe(
      `The credit balance check failed: the server's answer was larger than 1 MiB, so it was not read. ` +
        `Something other than the API may be answering at ${host}; check the address and any proxy.`,
    );
    expect(err.rawBody?.length ?? 0).toBeLessThan(4096);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses an answer that announces more than 1 MiB before reading any of it', async () => {
    // Headers only, then silence: waiting for the body would mean waiting for the limit.
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(2 * 1024 * 1024) });
      res.flushHeaders();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const big = createApiClient({ uploadBaseUrl: url, creditsBaseUrl: url, apiKey: emulator.apiKey });
    try {
      const err = await apiFailure(big.getCredits({ responseTimeoutMs: 60_000 }));
      expect(err.kind).toBe('invalid-response');
      expect(err.message).toContain("the server's answer was larger than 1 MiB, so it was not read.");
    } finally {
      big.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('says an upload refused for its endless answer may be stored anyway', async () => {
    const file = await writeFileIn(dir, 'flood.txt', 'flood');
    emulator.faults.add({ path: STREAM, endlessBody: true });
    const err = await apiFailure(client.streamUpload({ filePath: file, uploadPath: 'hostile' }));
    expect(err.message).toBe(
      `The upload of "flood.txt" failed: the server's answer was larger than 1 MiB, so it was not read. ` +
        `Something other than the API may be answering at ${host}; check the address and any proxy. ` +
        'The file may have been stored anyway; check before uploading it again.',
    );
    expect(emulator.storedFile(emulator.filePathFor('hostile', 'flood.txt'))).toBeDefined();
  });

  it('still reads a slow answer that finishes within the limit', async () => {
    emulator.faults.add({ path: CREDIT, byteIntervalMs: 5, times: 1 });
    await expect(client.getCredits({ responseTimeoutMs: 5000 })).resolves.toBe(100);
  });
});

describe('kiedrop against an answer that never ends', () => {
  const fast = { KIEDROP_RESPONSE_TIMEOUT_MS: '1000' };

  it('kiedrop credits stops at the response limit with one clear line', async () => {
    emulator.faults.add({ path: CREDIT, endlessBody: true, byteIntervalMs: 100 });
    const run = await kiedropWithin(10_000, ['credits'], fast);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `kiedrop: The credit balance check failed: the server's answer did not finish within 1 s (it was ` +
        `still arriving from ${host}). Try again later.\n`,
    );
  });

  it('kiedrop credits refuses an endless fast answer', async () => {
    emulator.faults.add({ path: CREDIT, endlessBody: true });
    const run = await kiedropWithin(10_000, ['credits'], fast);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("the server's answer was larger than 1 MiB, so it was not read.");
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('kiedrop upload stops at the response limit, retries, and reports the failure', async () => {
    const file = await writeFileIn(dir, 'endless.txt', 'endless');
    emulator.faults.add({ path: STREAM, endlessBody: true, byteIntervalMs: 100 });
    const before = emulator.log.length;
    const run = await kiedropWithin(15_000, ['upload', file, '--path', 'hostile'], {
      ...fast,
      KIEDROP_RETRY_MAX_ATTEMPTS: '2',
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      `the server's answer did not finish within 1 s (it was still arriving from ${host}).`,
    );
    expect(run.stderr).toContain('(Gave up after 2 attempts.)');
    expect(emulator.log.slice(before).filter((e) => e.path === STREAM)).toHaveLength(2);
  });

  it('refuses a timeout knob that is not a whole number', async () => {
    const run = await kiedropWithin(10_000, ['credits'], { KIEDROP_RESPONSE_TIMEOUT_MS: 'soon' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'kiedrop: KIEDROP_RESPONSE_TIMEOUT_MS must be a whole number of at least 1 (got "soon").\n',
    );
  });
});
