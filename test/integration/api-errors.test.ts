// Every documented failure, provoked on the emulator over real HTTP, arrives as the right ApiError.
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/main/core/api/index';
import type { ApiErrorKind } from '../../src/main/core/api/index';
import { startEmulator } from '../emulator/index';
import { useApiFixture } from '../support/api-fixture';
import { apiFailure } from '../support/failures';
import { writeFileIn, writeRandomFile } from '../support/temp-files';

const fx = useApiFixture('kiedrop-api-errors-');
let smallFile: string;
let bigFile: string;

beforeAll(async () => {
  smallFile = await writeFileIn(fx.dir, 'small.txt', 'hello');
  bigFile = (await writeRandomFile(fx.dir, 'big.bin', 8 * 1024 * 1024)).path;
});

const upload = (fileName = 'small.txt') =>
  fx.client.streamUpload({ filePath: smallFile, uploadPath: 'it/errors', fileName });

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
    fx.emulator.faults.add({ status, msg: 'Custom server message', times: 1 });
    const err = await apiFailure(upload());
    expect(err.kind).toBe(kind);
    expect(err.status).toBe(status);
    expect(err.message).toMatch(message);
    expect(err.serverMessage).toBe('Custom server message');
    expect(fx.emulator.storedFile(fx.emulator.filePathFor('it/errors', 'small.txt'))).toBeUndefined();
  });

  it.each(cases)('a %i on the credits endpoint becomes %s', async (status, kind) => {
    fx.emulator.faults.add({ status, path: '/api/v1/chat/credit', times: 1 });
    const err = await apiFailure(fx.client.getCredits());
    expect(err.kind).toBe(kind);
    expect(err.status).toBe(status);
  });

  it.each([
    ['30', 30_000],
    [new Date(Date.now() + 3_600_000).toUTCString(), 3_600_000],
  ])('a 429 with Retry-After %j carries the delay', async (retryAfter, expectedMs) => {
    fx.emulator.faults.add({ status: 429, retryAfter, times: 1 });
    const err = await apiFailure(upload());
    expect(err.kind).toBe('rate-limited');
    expect(err.retryable).toBe(true);
    // An HTTP-date has one-second resolution.
    expect(err.retryAfterMs).toBeGreaterThan(expectedMs - 2000);
    expect(err.retryAfterMs).toBeLessThanOrEqual(expectedMs);
  });

  it('a 500 followed by recovery: the next call succeeds', async () => {
    fx.emulator.faults.add({ status: 500, times: 1 });
    const err = await apiFailure(upload('recover.txt'));
    expect(err.kind).toBe('server');
    expect(err.retryable).toBe(true);
    const result = await upload('recover.txt');
    expect(result.filePath).toBe(fx.emulator.filePathFor('it/errors', 'recover.txt'));
    expect(fx.emulator.storedFile(fx.emulator.filePathFor('it/errors', 'recover.txt'))).toBeDefined();
  });
});

describe('authentication', () => {
  it('a wrong key is refused with kind "auth", and the key appears nowhere in the error', async () => {
    const wrongKey = 'sk-wrong-key-abcdef123456';
    const bad = createApiClient({
      uploadBaseUrl: fx.emulator.url,
      creditsBaseUrl: fx.emulator.url,
      apiKey: wrongKey,
    });
    try {
      for (const call of [
        () => bad.streamUpload({ filePath: bigFile, uploadPath: 'it/errors' }),
        () => bad.getCredits(),
      ]) {
        const err = await apiFailure(call());
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
      expect(fx.emulator.log.map((e) => e.authorization)).toEqual(['invalid', 'invalid']);
      // Expect: 100-continue let the server refuse the 8 MiB upload before any of it was sent.
      expect(fx.emulator.log[0]?.bodyBytes).toBe(0);
      expect(fx.emulator.storedFile(fx.emulator.filePathFor('it/errors', 'big.bin'))).toBeUndefined();
    } finally {
      bad.close();
    }
  });

  it('an empty key is refused before anything is sent', async () => {
    const none = createApiClient({
      uploadBaseUrl: fx.emulator.url,
      creditsBaseUrl: fx.emulator.url,
      apiKey: '',
    });
    const err = await apiFailure(none.getCredits());
    expect(err.kind).toBe('invalid-input');
    expect(err.message).toMatch(/No API key is set/);
    expect(fx.emulator.log).toHaveLength(0);
  });
});

describe('broken connections and answers', () => {
  it('a connection reset mid-body becomes "network", names the host, and stores nothing', async () => {
    fx.emulator.faults.add({ resetAfterBytes: 1024 * 1024, times: 1 });
    const err = await apiFailure(
      fx.client.streamUpload({ filePath: bigFile, uploadPath: 'it/errors', fileName: 'reset.bin' }),
    );
    expect(err.kind).toBe('network');
    expect(err.retryable).toBe(true);
    expect(err.message).toContain(new URL(fx.emulator.url).host);
    expect(fx.emulator.storedFile(fx.emulator.filePathFor('it/errors', 'reset.bin'))).toBeUndefined();
    // The client is still usable afterwards (the broken socket was not reused).
    await expect(fx.client.getCredits()).resolves.toBe(100);
  });

  it('a 200 with a body that is not JSON becomes "invalid-response" with the raw text', async () => {
    fx.emulator.faults.add({ malformedBody: '<html>gateway says hi</html>', times: 1 });
    const err = await apiFailure(upload());
    expect(err.kind).toBe('invalid-response');
    expect(err.rawBody).toBe('<html>gateway says hi</html>');
  });

  it('a 200 with JSON lacking the result fields becomes "invalid-response"', async () => {
    fx.emulator.faults.add({
      malformedBody: '{"success":true,"code":200,"msg":"ok","data":{"fileName":"x"}}',
      times: 1,
    });
    const err = await apiFailure(upload());
    expect(err.kind).toBe('invalid-response');
    expect(err.message).toMatch(/missing or has invalid downloadUrl, fileSize, mimeType, uploadedAt/);
  });

  it('an answer slower than responseTimeoutMs becomes "timeout"', async () => {
    fx.emulator.faults.add({ latencyMs: 2000, times: 1 });
    const err = await apiFailure(
      fx.client.streamUpload({ filePath: smallFile, uploadPath: 'it/errors', responseTimeoutMs: 300 }),
    );
    expect(err.kind).toBe('timeout');
    expect(err.message).toMatch(/did not answer within 0\.3 s/);
  });

  it('a slowly dribbled answer is still read in full', async () => {
    fx.emulator.faults.add({ slowResponseMs: 500, times: 1 });
    const result = await upload('slow.txt');
    expect(result.filePath).toBe(fx.emulator.filePathFor('it/errors', 'slow.txt'));
  });

  it('an unreachable server becomes "network" naming the host', async () => {
    const closed = await startEmulator();
    const url = closed.url;
    await closed.close();
    const offline = createApiClient({ uploadBaseUrl: url, creditsBaseUrl: url, apiKey: fx.emulator.apiKey });
    const err = await apiFailure(offline.getCredits());
    expect(err.kind).toBe('network');
    expect(err.message).toContain(`Could not connect to ${new URL(url).host}: connection refused`);
  });
});
