import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEST_KEY, startEmulator, type Emulator } from '../emulator/index';
import { getJson, multipartBody, postJson, rawRequest } from '../emulator/test-client';

const AUTH_FAILED = { success: false, code: 401, msg: 'Authentication failed: Invalid API Key' };
const ROUTES: Array<[method: string, path: string]> = [
  ['POST', '/api/file-stream-upload'],
  ['POST', '/api/file-base64-upload'],
  ['POST', '/api/file-url-upload'],
  ['GET', '/api/v1/chat/credit'],
];

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator();
});
afterEach(async () => {
  await emulator.close();
});

describe('authentication', () => {
  it.each(ROUTES)(
    '%s %s answers 401 with the documented body when the key is missing or wrong',
    async (method, path) => {
      const attempts: Array<Record<string, string>> = [
        {},
        { Authorization: 'Bearer kie-wrong-key' },
        { Authorization: emulator.apiKey },
      ];
      for (const headers of attempts) {
        const reply = await rawRequest(`${emulator.url}${path}`, { method, headers });
        expect(reply.status).toBe(401);
        expect(JSON.parse(reply.body.toString())).toEqual(AUTH_FAILED);
      }
      expect(emulator.log.map((e) => e.authorization)).toEqual(['missing', 'invalid', 'invalid']);
    },
  );

  it('refuses a bad key before the upload body is sent (Expect: 100-continue)', async () => {
    const { contentType } = multipartBody([{ name: 'uploadPath', value: 'x' }]);
    const outcome = await new Promise<{ status: number; continued: boolean }>((resolve, reject) => {
      let continued = false;
      const req = http.request(`${emulator.url}/api/file-stream-upload`, {
        method: 'POST',
        agent: false,
        headers: {
          Authorization: 'Bearer kie-wrong-key',
          'Content-Type': contentType,
          'Content-Length': String(1024 * 1024 * 1024),
          Expect: '100-continue',
        },
      });
      req.on('continue', () => (continued = true));
      req.on('response', (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, continued });
        req.destroy();
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(outcome).toEqual({ status: 401, continued: false });
    expect(emulator.log[0]?.bodyBytes).toBe(0);
  });

  it('accepts the default test key and, after setApiKeys, only the new keys', async () => {
    expect(emulator.apiKey).toBe(DEFAULT_TEST_KEY);
    expect((await getJson(`${emulator.url}/api/v1/chat/credit`, DEFAULT_TEST_KEY)).status).toBe(200);
    emulator.setApiKeys(['kie-rotated-key-1', 'kie-rotated-key-2']);
    expect(emulator.apiKey).toBe('kie-rotated-key-1');
    expect((await getJson(`${emulator.url}/api/v1/chat/credit`, DEFAULT_TEST_KEY)).status).toBe(401);
    expect((await getJson(`${emulator.url}/api/v1/chat/credit`, 'kie-rotated-key-2')).status).toBe(200);
    expect(() => emulator.setApiKeys([])).toThrow(/at least one API key/);
  });

  it('never records the key in the request log', async () => {
    const secret = 'kie-secret-key-that-must-not-leak';
    emulator.setApiKeys([secret]);
    await getJson(`${emulator.url}/api/v1/chat/credit`, secret);
    await getJson(`${emulator.url}/api/v1/chat/credit`, `${secret}-wrong`);
    await postJson(emulator.url, '/api/file-base64-upload', { base64Data: 'aGk=', uploadPath: 'k' }, secret);
    const remoteLog = await (await fetch(`${emulator.url}/__emulator/log`)).text();
    expect(emulator.log).toHaveLength(3);
    for (const text of [JSON.stringify(emulator.log), remoteLog]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain('Bearer');
    }
    expect(emulator.log.map((e) => e.authorization)).toEqual(['valid', 'invalid', 'valid']);
  });
});

describe('routing', () => {
  it.each([
    ['GET', '/api/file-stream-upload', 'POST'],
    ['PUT', '/api/file-base64-upload', 'POST'],
    ['DELETE', '/api/file-url-upload', 'POST'],
    ['POST', '/api/v1/chat/credit', 'GET'],
  ])('%s %s answers 405 with Allow: %s', async (method, path, allow) => {
    const reply = await rawRequest(`${emulator.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${emulator.apiKey}` },
    });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe(allow);
    expect(JSON.parse(reply.body.toString())).toEqual({
      success: false,
      code: 405,
      msg: 'Method not allowed',
    });
  });

  it('answers 404 for an unknown route, naming it', async () => {
    const reply = await getJson(`${emulator.url}/api/file-upload`, emulator.apiKey);
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({
      success: false,
      code: 404,
      msg: 'Not found: there is no API route GET /api/file-upload',
    });
  });

  it('answers 404 for a download URL that was never uploaded', async () => {
    const reply = await getJson(`${emulator.url}/files/nothing/here.png`);
    expect(reply.status).toBe(404);
    expect(reply.body.msg).toMatch(/^File not found/);
  });
});

describe('GET /api/v1/chat/credit', () => {
  it('reports the balance in the documented shape and follows setCredits', async () => {
    expect((await getJson(`${emulator.url}/api/v1/chat/credit`, emulator.apiKey)).body).toEqual({
      code: 200,
      msg: 'success',
      data: 100,
    });
    emulator.setCredits(7.5);
    expect((await getJson(`${emulator.url}/api/v1/chat/credit`, emulator.apiKey)).body.data).toBe(7.5);
  });

  it('starts from the credits option', async () => {
    const other = await startEmulator({ credits: 0, apiKeys: ['kie-other-key'] });
    try {
      expect((await getJson(`${other.url}/api/v1/chat/credit`, 'kie-other-key')).body.data).toBe(0);
    } finally {
      await other.close();
    }
  });
});

describe('request log', () => {
  it('records method, path, status, sizes and form fields of each request, oldest first', async () => {
    const { body, contentType } = multipartBody([
      { name: 'file', filename: 'a.txt', data: Buffer.from('hello') },
      { name: 'uploadPath', value: 'logs' },
      { name: 'fileName', value: 'a.txt' },
    ]);
    await rawRequest(`${emulator.url}/api/file-stream-upload`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${emulator.apiKey}`, 'Content-Type': contentType },
      body,
    });
    await getJson(`${emulator.url}/api/v1/chat/credit`);
    expect(emulator.log).toEqual([
      {
        method: 'POST',
        path: '/api/file-stream-upload',
        status: 200,
        startedAt: expect.any(Number),
        durationMs: expect.any(Number),
        bodyBytes: body.length,
        contentLength: body.length,
        fields: { uploadPath: 'logs', fileName: 'a.txt' },
        authorization: 'valid',
      },
      {
        method: 'GET',
        path: '/api/v1/chat/credit',
        status: 401,
        startedAt: expect.any(Number),
        durationMs: expect.any(Number),
        bodyBytes: 0,
        fields: {},
        authorization: 'missing',
      },
    ]);
    expect(emulator.log[1]!.startedAt).toBeGreaterThanOrEqual(emulator.log[0]!.startedAt);
  });
});
