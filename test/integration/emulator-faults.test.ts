import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type Fault } from '../emulator/index';
import { getJson, multipartBody, postJson, rawRequest } from '../emulator/test-client';

const CREDIT = '/api/v1/chat/credit';

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator();
});
afterEach(async () => {
  await emulator.close();
});

const credits = () => getJson(`${emulator.url}${CREDIT}`, emulator.apiKey);
const uploadText = (fileName: string) =>
  postJson(
    emulator.url,
    '/api/file-base64-upload',
    { base64Data: Buffer.from('fault test').toString('base64'), uploadPath: 'faults', fileName },
    emulator.apiKey,
  );

describe('faults', () => {
  it('forces a status with the documented error body and Retry-After, for the next N requests only', async () => {
    emulator.faults.add({
      path: '/api/file-base64-upload',
      status: 429,
      msg: 'Too many requests',
      retryAfter: '2',
      times: 2,
    });
    const first = await uploadText('a.txt');
    expect(first.status).toBe(429);
    expect(first.body).toEqual({ success: false, code: 429, msg: 'Too many requests' });
    expect(first.headers.get('retry-after')).toBe('2');
    expect((await uploadText('b.txt')).status).toBe(429);
    expect((await uploadText('c.txt')).status).toBe(200);

    expect(emulator.storedFile(emulator.filePathFor('faults', 'a.txt'))).toBeUndefined();
    expect(emulator.log.map((e) => [e.status, e.fault])).toEqual([
      [429, 'status 429'],
      [429, 'status 429'],
      [200, undefined],
    ]);
  });

  it('uses "Internal server error" for a forced 500 without msg, and applies to any API route by default', async () => {
    emulator.faults.add({ status: 500 });
    expect((await credits()).body).toEqual({ success: false, code: 500, msg: 'Internal server error' });
    expect((await uploadText('x.txt')).status).toBe(500);
    // Download links are not API routes: a default fault leaves them alone.
    expect((await getJson(`${emulator.url}/files/none.txt`)).status).toBe(404);
  });

  it('matches by exact path, by RegExp and by method', async () => {
    emulator.faults.add({ path: /^\/api\/file-.*-upload$/, method: 'post', status: 503 });
    expect((await credits()).status).toBe(200);
    expect((await uploadText('p.txt')).status).toBe(503);
    emulator.faults.clear();
    emulator.faults.add({ path: CREDIT, method: 'POST', status: 503 });
    expect((await credits()).status).toBe(200);
  });

  it('clear() removes every fault', async () => {
    emulator.faults.add({ status: 502 });
    expect((await credits()).status).toBe(502);
    emulator.faults.clear();
    expect((await credits()).status).toBe(200);
  });

  it('rolls probability with a seeded PRNG, so the same seed gives the same sequence', async () => {
    const outcomes = async (em: Emulator, fault: Fault) => {
      em.faults.add(fault);
      const statuses: number[] = [];
      for (let i = 0; i < 24; i++) statuses.push((await getJson(`${em.url}${CREDIT}`, em.apiKey)).status);
      return statuses;
    };
    const fault: Fault = { status: 500, probability: 0.5, seed: 42 };
    const a = await outcomes(emulator, fault);
    const twin = await startEmulator();
    try {
      expect(await outcomes(twin, fault)).toEqual(a);
    } finally {
      await twin.close();
    }
    expect(a).toContain(500);
    expect(a).toContain(200);
    emulator.faults.clear();
    expect(await outcomes(emulator, { status: 500, probability: 0 })).not.toContain(500);
  });

  it('adds latency after the body is read, and the request still succeeds', async () => {
    emulator.faults.add({ latencyMs: 300 });
    const started = performance.now();
    const reply = await uploadText('slow.txt');
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(reply.status).toBe(200);
    expect(emulator.storedFile(emulator.filePathFor('faults', 'slow.txt'))).toBeDefined();
    expect(emulator.log[0]?.fault).toBe('latency 300ms');
  });

  it('resets the connection mid-body after the given number of bytes and stores nothing', async () => {
    emulator.faults.add({ resetAfterBytes: 64 * 1024 });
    const { body, contentType } = multipartBody([
      { name: 'uploadPath', value: 'faults' },
      { name: 'fileName', value: 'reset.bin' },
      { name: 'file', filename: 'reset.bin', data: randomBytes(4 * 1024 * 1024) },
    ]);
    const outcome = rawRequest(`${emulator.url}/api/file-stream-upload`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${emulator.apiKey}`, 'Content-Type': contentType },
      body,
    });
    await expect(outcome).rejects.toMatchObject({ code: expect.stringMatching(/^(ECONNRESET|EPIPE)$/) });

    await expect.poll(() => emulator.log[0]?.durationMs ?? 0).toBeGreaterThan(0);
    const entry = emulator.log[0];
    expect(entry).toMatchObject({ status: 0, fault: 'resetAfterBytes 65536' });
    expect(entry?.bodyBytes).toBeGreaterThanOrEqual(64 * 1024);
    expect(entry?.bodyBytes).toBeLessThan(body.length);
    expect(emulator.storedFile(emulator.filePathFor('faults', 'reset.bin'))).toBeUndefined();
    // The emulator keeps serving afterwards.
    emulator.faults.clear();
    expect((await credits()).status).toBe(200);
  });

  it('resets a request whose body is shorter than resetAfterBytes once it has arrived', async () => {
    emulator.faults.add({ path: CREDIT, resetAfterBytes: 1000, times: 1 });
    await expect(
      rawRequest(`${emulator.url}${CREDIT}`, { headers: { Authorization: `Bearer ${emulator.apiKey}` } }),
    ).rejects.toMatchObject({
      code: 'ECONNRESET',
    });
    expect((await credits()).status).toBe(200);
  });

  it('sends headers at once and dribbles the body over slowResponseMs', async () => {
    emulator.faults.add({ slowResponseMs: 600 });
    const reply = await rawRequest(`${emulator.url}${CREDIT}`, {
      headers: { Authorization: `Bearer ${emulator.apiKey}` },
    });
    expect(reply.headersAfterMs).toBeLessThan(300);
    expect(reply.endAfterMs).toBeGreaterThanOrEqual(580);
    expect(JSON.parse(reply.body.toString())).toEqual({ code: 200, msg: 'success', data: 100 });
    expect(reply.headers['content-length']).toBe(String(reply.body.length));
  });

  it('dribbles a download too', async () => {
    const file = (await uploadText('dl.txt')).body.data;
    emulator.faults.add({ path: `/files/${emulator.filePathFor('faults', 'dl.txt')}`, slowResponseMs: 400 });
    const reply = await rawRequest(file.downloadUrl, {});
    expect(reply.endAfterMs).toBeGreaterThanOrEqual(380);
    expect(reply.body.toString()).toBe('fault test');
  });

  it('answers 200 with a malformed body while still doing the work', async () => {
    emulator.faults.add({ malformedBody: '<html>upstream hiccup' });
    const res = await fetch(`${emulator.url}/api/file-base64-upload`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${emulator.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ base64Data: 'aGk=', uploadPath: 'faults', fileName: 'mal.txt' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.text()).toBe('<html>upstream hiccup');
    expect(emulator.storedFile(emulator.filePathFor('faults', 'mal.txt'))).toBeDefined();
  });

  it('sends a malformed body with a forced status, like a proxy error page', async () => {
    emulator.faults.add({ status: 502, malformedBody: '<html>Bad Gateway</html>' });
    const reply = await rawRequest(`${emulator.url}${CREDIT}`, {
      headers: { Authorization: `Bearer ${emulator.apiKey}` },
    });
    expect(reply.status).toBe(502);
    expect(reply.body.toString()).toBe('<html>Bad Gateway</html>');
  });

  it('rejects a nonsensical fault with a message that names the field', () => {
    expect(() => emulator.faults.add({ probability: 2 })).toThrow(
      'Invalid fault: probability must be between 0 and 1 (got 2)',
    );
    expect(() => emulator.faults.add({ times: 0 })).toThrow(/times must be a whole number of at least 1/);
  });
});
