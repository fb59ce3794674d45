// Every documented failure, provoked on the emulator over real HTTP, arrives as the right ApiError.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from '../../src/main/core/api/index';
import type { ApiClient, ApiErrorKind } from '../../src/main/core/api/index';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';

let emu: Emulator;
let client: ApiClient;
let dir: string;
let smallFile: string;
let bigFile: string;

beforeAll(async () => {
  emu = await startEmulator();
  client = createApiClient({ uploadBaseUrl: emu.url, creditsBaseUrl: emu.url, apiKey: emu.apiKey });
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-api-errors-'));
  smallFile = join(dir, 'small.txt');
  await writeFile(smallFile, 'hello');
  bigFile = join(dir, 'big.bin');
  await writeFile(bigFile, randomBytes(8 * 1024 * 1024));
});
afterAll(async () => {
  client.close();
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  emu.faults.clear();
  emu.log.length = 0;
});

async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error('expected the call to fail');
}

const upload = (fileName = 'small.txt') =>
  client.streamUpload({ filePath: smallFile, uploadPath: 'it/errors', fileName });

describe('HTTP error statuses', () => {
  const cases: [number, ApiErrorKind, RegExp][] = [
    [400, 'bad-request', /^Custom server message$/],
    [401, 'auth', /^The API key was rejected \(401\)\. Check it at kie\.ai\/api-key and save it again\.$/],
    [402, 'insufficient-credits', /not have enough credits \(402\)/],
    [404, 'not-found', /no such endpoint \(404\): POST \/api\/file-stream-upload/],
    [405, 'method-not-allowed', /request method \(405\)/],
    [422, 'validation', /\(422\): Custom server message/],
    [429, 'rate-limited', /Too many requests \(429\)/],
    [455, 'maintenance', /under maintenance; try again later/],
    [500, 'server', /internal error \(500\); try again shortly/],
    [503, 'server', /internal error \(503\)/],
    [505, 'feature-disabled', /disabled .*\(505\)/],
  ];

  it.each(cases)('a %i on stream upload becomes %s', async (status, kind, message) => {
    emu.faults.add({ status, msg: 'Custom server message', times: 1 });
    const err = await failure(upload());
    expect(err.kind).toBe(kind);
    expect(err.status).toBe(status);
    expect(err.message).toMatch(message);
    expect(err.serverMessage).toBe('Custom server message');
    expect(emu.storedFile('it/errors/small.txt')).toBeUndefined();
  });

  it.each(cases)('a %i on the credits endpoint becomes %s', async (status, kind) => {
    emu.faults.add({ status, path: '/api/v1/chat/credit', times: 1 });
    const err = await failure(client.getCredits());
    expect(err.kind).toBe(kind);
    expect(err.status).toBe(status);
  });

  it.each([
    ['30', 30_000],
    [new Date(Date.now() + 3_600_000).toUTCString(), 3_600_000],
  ])('a 429 with Retry-After %j carries the delay', async (retryAfter, expectedMs) => {
    emu.faults.add({ status: 429, retryAfter, times: 1 });
    const err = await failure(upload());
    expect(err.kind).toBe('rate-limited');
    expect(err.retryable).toBe(true);
    // An HTTP-date has one-second resolution.
    expect(err.retryAfterMs).toBeGreaterThan(expectedMs - 2000);
    expect(err.retryAfterMs).toBeLessThanOrEqual(expectedMs);
  });

  it('a 500 followed by recovery: the next call succeeds', async () => {
    emu.faults.add({ status: 500, times: 1 });
    const err = await failure(upload('recover.txt'));
    expect(err.kind).toBe('server');
    expect(err.retryable).toBe(true);
    const result = await upload('recover.txt');
    expect(result.filePath).toBe('it/errors/recover.txt');
    expect(emu.storedFile('it/errors/recover.txt')).toBeDefined();
  });
});

describe('authentication', () => {
  it('a wrong key is refused with kind "auth", and the key appears nowhere in the error', async () => {
    const wrongKey = 'sk-wrong-key-abcdef123456';
    const bad = createApiClient({ uploadBaseUrl: emu.url, creditsBaseUrl: emu.url, apiKey: wrongKey });
    try {
      for (const call of [
        () => bad.streamUpload({ filePath: bigFile, uploadPath: 'it/errors' }),
        () => bad.getCredits(),
      ]) {
        const err = await failure(call());
        expect(err.kind).toBe('auth');
        expect(err.retryable).toBe(false);
        const everything = JSON.stringify({
          ...err,
          message: err.message,
          stack: err.stack,
          cause: String(err.cause),
        });
        expect(everything).not.toContain(wrongKey);
      }
      expect(emu.log.map((e) => e.authorization)).toEqual(['invalid', 'invalid']);
      // Expect: 100-continue let the server refuse the 8 MiB upload before any of it was sent.
      expect(emu.log[0]?.bodyBytes).toBe(0);
      expect(emu.storedFile('it/errors/big.bin')).toBeUndefined();
    } finally {
      bad.close();
    }
  });

  it('an empty key is refused before anything is sent', async () => {
    const none = createApiClient({ uploadBaseUrl: emu.url, creditsBaseUrl: emu.url, apiKey: '' });
    const err = await failure(none.getCredits());
    expect(err.kind).toBe('invalid-input');
    expect(err.message).toMatch(/No API key is set/);
    expect(emu.log).toHaveLength(0);
  });
});

describe('broken connections and answers', () => {
  it('a connection reset mid-body becomes "network", names the host, and stores nothing', async () => {
    emu.faults.add({ resetAfterBytes: 1024 * 1024, times: 1 });
    const err = await failure(
      client.streamUpload({ filePath: bigFile, uploadPath: 'it/errors', fileName: 'reset.bin' }),
    );
    expect(err.kind).toBe('network');
    expect(err.retryable).toBe(true);
    expect(err.message).toContain(new URL(emu.url).host);
    expect(emu.storedFile('it/errors/reset.bin')).toBeUndefined();
    // The client is still usable afterwards (the broken socket was not reused).
    await expect(client.getCredits()).resolves.toBe(100);
  });

  it('a 200 with a body that is not JSON becomes "invalid-response" with the raw text', async () => {
    emu.faults.add({ malformedBody: '<html>gateway says hi</html>', times: 1 });
    const err = await failure(upload());
    expect(err.kind).toBe('invalid-response');
    expect(err.rawBody).toBe('<html>gateway says hi</html>');
  });

  it('a 200 with JSON lacking the result fields becomes "invalid-response"', async () => {
    emu.faults.add({
      malformedBody: '{"success":true,"code":200,"msg":"ok","data":{"fileName":"x"}}',
      times: 1,
    });
    const err = await failure(upload());
    expect(err.kind).toBe('invalid-response');
    expect(err.message).toMatch(/missing or has invalid downloadUrl, fileSize, mimeType, uploadedAt/);
  });

  it('an answer slower than responseTimeoutMs becomes "timeout"', async () => {
    emu.faults.add({ latencyMs: 2000, times: 1 });
    const err = await failure(
      client.streamUpload({ filePath: smallFile, uploadPath: 'it/errors', responseTimeoutMs: 300 }),
    );
    expect(err.kind).toBe('timeout');
    expect(err.message).toMatch(/did not answer within 0\.3 s/);
  });

  it('a slowly dribbled answer is still read in full', async () => {
    emu.faults.add({ slowResponseMs: 500, times: 1 });
    const result = await upload('slow.txt');
    expect(result.filePath).toBe('it/errors/slow.txt');
  });

  it('an unreachable server becomes "network" naming the host', async () => {
    const closed = await startEmulator();
    const url = closed.url;
    await closed.close();
    const offline = createApiClient({ uploadBaseUrl: url, creditsBaseUrl: url, apiKey: emu.apiKey });
    const err = await failure(offline.getCredits());
    expect(err.kind).toBe('network');
    expect(err.message).toContain(`Could not connect to ${new URL(url).host}: connection refused`);
  });
});
