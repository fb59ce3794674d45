import { describe, expect, it } from 'vitest';
import { errorFromStatus, parseRetryAfter } from '../../src/main/core/api/error-from-response';
import { ApiError } from '../../src/main/core/api/errors';
import { localFileError } from '../../src/main/core/api/local-file';
import { networkError } from '../../src/main/core/api/network-error';
import { redactSecret } from '../../src/main/core/api/redact-secret';

describe('errorFromStatus', () => {
  it.each([
    [400, 'bad-request', /^Missing required parameter: uploadPath$/, false],
    [
      401,
      'auth',
      /^The API key was rejected \(401\)\. Check it at kie\.ai\/api-key and save it again\.$/,
      false,
    ],
    [402, 'insufficient-credits', /not have enough credits \(402\)/, false],
    [
      404,
      'not-found',
      /no such endpoint \(404\): POST \/api\/file-stream-upload\. Check the API base URL/,
      false,
    ],
    [405, 'method-not-allowed', /does not accept this request method \(405\)/, false],
    [422, 'validation', /rejected the request's parameters \(422\): Missing required parameter/, false],
    [429, 'rate-limited', /Too many requests \(429\)/, true],
    [455, 'maintenance', /under maintenance; try again later/, true],
    [500, 'server', /internal error \(500\); try again shortly/, true],
    [502, 'server', /internal error \(502\)/, true],
    [503, 'server', /internal error \(503\)/, true],
    [505, 'feature-disabled', /currently disabled .*\(505\)/, false],
    [418, 'bad-request', /refused the request \(418\)/, false],
  ] as const)('maps %i to %s', (status, kind, message, retryable) => {
    const err = errorFromStatus(status, {
      serverMessage: 'Missing required parameter: uploadPath',
      host: 'kieai.redpandaai.co',
      method: 'POST',
      path: '/api/file-stream-upload',
    });
    expect(err).toBeInstanceOf(ApiError);
    expect(err.kind).toBe(kind);
    expect(err.status).toBe(status);
    expect(err.message).toMatch(message);
    expect(err.serverMessage).toBe('Missing required parameter: uploadPath');
    expect(err.retryable).toBe(retryable);
  });

  it('keeps the server message for 400 verbatim and falls back to a generic one without it', () => {
    expect(
      errorFromStatus(400, { serverMessage: 'Base64 decoding failed: Invalid Base64 format' }).message,
    ).toBe('Base64 decoding failed: Invalid Base64 format');
    expect(errorFromStatus(400, { host: 'h.example' }).message).toMatch(
      /rejected the request as malformed \(400\) at h\.example/,
    );
  });

  it('carries Retry-After seconds on a 429 and says how long to wait', () => {
    const err = errorFromStatus(429, { retryAfter: '42' });
    expect(err.retryAfterMs).toBe(42_000);
    expect(err.message).toMatch(/wait 42 s/);
  });

  it('carries Retry-After as an HTTP-date', () => {
    const now = Date.parse('2025-01-01T12:00:00Z');
    const err = errorFromStatus(429, { retryAfter: 'Wed, 01 Jan 2025 12:02:00 GMT', now });
    expect(err.retryAfterMs).toBe(120_000);
  });

  it('has no retryAfterMs when the header is absent or garbage', () => {
    expect(errorFromStatus(429, {}).retryAfterMs).toBeUndefined();
    expect(errorFromStatus(429, { retryAfter: 'soon' }).retryAfterMs).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-06-01T00:00:00Z');
  it.each([
    ['0', 0],
    ['5', 5000],
    [' 120 ', 120_000],
    ['Sun, 01 Jun 2025 00:00:30 GMT', 30_000],
    ['Sat, 31 May 2025 23:59:00 GMT', 0], // a date in the past means "now"
    ['-3', undefined],
    ['1.5', undefined],
    ['', undefined],
    ['later', undefined],
    [undefined, undefined],
  ])('%j → %j ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('networkError', () => {
  const withCode = (code: string, message = code): NodeJS.ErrnoException =>
    Object.assign(new Error(message), { code });

  it.each([
    ['ECONNREFUSED', /Could not connect to api\.kie\.ai: connection refused/],
    [
      'ECONNRESET',
      /connection to api\.kie\.ai was closed by the other side while sending the request \(ECONNRESET\)/,
    ],
    ['EPIPE', /closed by the other side while sending the request \(EPIPE\)/],
    ['ENOTFOUND', /Could not find the server api\.kie\.ai \(DNS lookup failed\)/],
    ['EAI_AGAIN', /DNS lookup failed/],
    ['EHOSTUNREACH', /Could not reach api\.kie\.ai \(EHOSTUNREACH\)/],
    ['CERT_HAS_EXPIRED', /secure connection to api\.kie\.ai failed \(CERT_HAS_EXPIRED\)/],
    ['EWHATEVER', /Network error while sending the request to api\.kie\.ai \(EWHATEVER\)/],
  ])('%s names the host and is retryable', (code, message) => {
    const err = networkError(withCode(code), 'api.kie.ai', 'sending');
    expect(err.kind).toBe('network');
    expect(err.message).toMatch(message);
    expect(err.retryable).toBe(true);
  });
});

describe('localFileError', () => {
  const withCode = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code });
  it.each([
    ['ENOENT', 'File not found: /x/a.png'],
    ['EISDIR', '/x/a.png is a folder; choose files inside it.'],
    ['EACCES', 'Cannot read /x/a.png: permission denied.'],
    ['EPERM', 'Cannot read /x/a.png: permission denied.'],
  ])('%s → %j', (code, message) => {
    const err = localFileError(withCode(code), '/x/a.png');
    expect(err.kind).toBe('local-file');
    expect(err.message).toBe(message);
    expect(err.retryable).toBe(false);
  });
});

describe('redactSecret', () => {
  const key = 'sk-live-0123456789abcdef';
  it('removes the key from message, serverMessage and rawBody but keeps kind and status', () => {
    const leaky = new ApiError('bad-request', `Bad header Bearer ${key}`, {
      status: 400,
      serverMessage: `Bearer ${key} is malformed`,
      rawBody: `{"echo":"${key}"}`,
      retryAfterMs: 5,
    });
    const clean = redactSecret(leaky, key) as ApiError;
    for (const text of [clean.message, clean.serverMessage, clean.rawBody, clean.stack]) {
      expect(text).not.toContain(key);
    }
    expect(clean.message).toBe('Bad header Bearer [redacted]');
    expect(clean.kind).toBe('bad-request');
    expect(clean.status).toBe(400);
    expect(clean.retryAfterMs).toBe(5);
  });

  it('returns errors without the key unchanged', () => {
    const err = new ApiError('server', 'boom');
    expect(redactSecret(err, key)).toBe(err);
  });
});
