import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index';
import { getJson, postJson } from '../emulator/test-client';

const CREDIT = '/api/v1/chat/credit';

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator();
});
afterEach(async () => {
  await emulator.close();
});

async function control(method: string, path: string, body?: unknown) {
  const res = await fetch(`${emulator.url}/__emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- control replies vary by route
  return { status: res.status, body: (await res.json()) as any };
}

describe('/__emulator control routes', () => {
  it('GET log returns the request log without auth and without logging itself; DELETE empties it', async () => {
    await getJson(`${emulator.url}${CREDIT}`, emulator.apiKey);
    const first = await control('GET', 'log');
    expect(first.status).toBe(200);
    expect(first.body).toEqual([
      expect.objectContaining({ method: 'GET', path: CREDIT, status: 200, authorization: 'valid' }),
    ]);
    expect((await control('GET', 'log')).body).toHaveLength(1);
    expect((await control('DELETE', 'log')).status).toBe(200);
    expect(emulator.log).toEqual([]);
  });

  it('POST faults adds a fault (RegExp path as "pathRegExp"); DELETE faults clears them', async () => {
    expect(
      (await control('POST', 'faults', { pathRegExp: '^/api/v1/', status: 503, retryAfter: '1', times: 1 }))
        .status,
    ).toBe(200);
    const faulted = await getJson(`${emulator.url}${CREDIT}`, emulator.apiKey);
    expect(faulted.status).toBe(503);
    expect(faulted.headers.get('retry-after')).toBe('1');
    expect((await getJson(`${emulator.url}${CREDIT}`, emulator.apiKey)).status).toBe(200);

    await control('POST', 'faults', { path: CREDIT, status: 500 });
    expect((await getJson(`${emulator.url}${CREDIT}`, emulator.apiKey)).status).toBe(500);
    await control('DELETE', 'faults');
    expect((await getJson(`${emulator.url}${CREDIT}`, emulator.apiKey)).status).toBe(200);
  });

  it('refuses an invalid fault with a 400 that says what is wrong', async () => {
    const reply = await control('POST', 'faults', { status: 503, probability: 7 });
    expect(reply.status).toBe(400);
    expect(reply.body.msg).toBe('Invalid fault: probability must be between 0 and 1 (got 7)');
  });

  it('POST clock moves the clock and expires old files', async () => {
    const up = await postJson(
      emulator.url,
      '/api/file-base64-upload',
      { base64Data: 'aGk=', uploadPath: 'ctl', fileName: 'c.txt' },
      emulator.apiKey,
    );
    const before = emulator.clock.now();
    const moved = await control('POST', 'clock', { advanceMs: 3 * 24 * 60 * 60 * 1000 });
    expect(moved.status).toBe(200);
    expect(moved.body.now - before).toBeGreaterThanOrEqual(3 * 24 * 60 * 60 * 1000);
    expect(emulator.storedFile(emulator.filePathFor('ctl', 'c.txt'))).toBeUndefined();
    expect((await fetch(up.body.data.downloadUrl)).status).toBe(404);

    const set = await control('POST', 'clock', { setMs: Date.parse('2030-01-01T00:00:00Z') });
    expect(set.body.iso.slice(0, 16)).toBe('2030-01-01T00:00');
    expect((await control('POST', 'clock', { forwardMs: 5 })).status).toBe(400);
  });

  it('answers 404 for an unknown control route and 405 with Allow for a wrong method', async () => {
    expect((await control('GET', 'nope')).status).toBe(404);
    const res = await fetch(`${emulator.url}/__emulator/clock`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });
});

describe('npm run emulator (cli.ts)', () => {
  it('prints its URL and key, serves requests with the given key, and stops cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/emulator/cli.ts', '--port', '0', '--key', 'kie-cli-key-42'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const lines = createInterface({ input: child.stdout });
      const printed: string[] = [];
      for await (const line of lines) {
        printed.push(line);
        if (printed.length === 3) break;
      }
      const match = /^KieDrop API emulator on (http:\/\/127\.0\.0\.1:\d+) {2}key: (\S+)$/.exec(
        printed[0] ?? '',
      );
      expect(match?.[2]).toBe('kie-cli-key-42');
      const url = match?.[1] as string;
      expect(printed[1]).toBe(
        `Point the CLI at it: KIEDROP_BASE_URL=${url} KIEDROP_CREDITS_URL=${url} KIEDROP_API_KEY=kie-cli-key-42 kiedrop …`,
      );
      const storage = /stored in (.+)\. Press Ctrl-C/.exec(printed[2] ?? '')?.[1] as string;
      expect(existsSync(storage)).toBe(true);

      expect((await getJson(`${url}${CREDIT}`, 'kie-cli-key-42')).body.data).toBe(100);
      expect((await getJson(`${url}${CREDIT}`, emulator.apiKey)).status).toBe(401);

      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
      expect(existsSync(storage)).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('exits with a usage message on a bad option', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/emulator/cli.ts', '--port', 'many'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(stderr).toContain('emulator: --port must be 0..65535, got "many"');
    expect(stderr).toContain('Usage: npm run emulator --');
  });
});
