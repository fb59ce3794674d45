import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/main/core/api/errors';
import {
  parseCreditsResponse,
  parseUploadResponse,
  RAW_BODY_LIMIT,
} from '../../src/main/core/api/parse-response';
import type { HttpResponse } from '../../src/main/core/api/parse-response';
import { FILE_LIFETIME_MS } from '../../src/main/core/api/types';

const respond = (status: number, body: unknown, headers: HttpResponse['headers'] = {}): HttpResponse => ({
  status,
  headers,
  text: typeof body === 'string' ? body : JSON.stringify(body),
});

function failure(run: () => unknown): ApiError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error('expected a failure');
}

const openApiData = {
  fileName: 'uploaded-image.png',
  filePath: 'images/user-uploads/uploaded-image.png',
  downloadUrl: 'https://tempfile.redpandaai.co/xxx/images/user-uploads/uploaded-image.png',
  fileSize: 154832,
  mimeType: 'image/png',
  uploadedAt: '2025-01-01T12:00:00.000Z',
};

const quickstartData = {
  fileId: 'file_abc123456',
  fileName: 'my-image.jpg',
  originalName: 'sample-image.jpg',
  fileSize: 245760,
  mimeType: 'image/jpeg',
  uploadPath: 'images',
  fileUrl: 'https://kieai.redpandaai.co/files/images/my-image.jpg',
  downloadUrl: 'https://kieai.redpandaai.co/download/file_abc123456',
  uploadTime: '2025-01-15T10:30:00Z',
  expiresAt: '2025-01-18T10:30:00Z',
};

describe('parseUploadResponse', () => {
  it('normalises the OpenAPI shape and derives expiresAt as uploadedAt + 3 days', () => {
    const result = parseUploadResponse(
      respond(200, { success: true, code: 200, msg: 'ok', data: openApiData }),
      'images/user-uploads',
    );
    expect(result).toEqual({
      ...openApiData,
      expiresAt: new Date(Date.parse(openApiData.uploadedAt) + FILE_LIFETIME_MS).toISOString(),
    });
    expect(result.expiresAt).toBe('2025-01-04T12:00:00.000Z');
  });

  it('normalises the quickstart shape: uploadTime, server expiresAt, filePath from uploadPath + fileName', () => {
    const result = parseUploadResponse(
      respond(200, { success: true, code: 200, msg: 'ok', data: quickstartData }),
      'ignored',
    );
    expect(result).toEqual({
      fileName: 'my-image.jpg',
      filePath: 'images/my-image.jpg',
      downloadUrl: 'https://kieai.redpandaai.co/download/file_abc123456',
      fileSize: 245760,
      mimeType: 'image/jpeg',
      uploadedAt: '2025-01-15T10:30:00.000Z',
      expiresAt: '2025-01-18T10:30:00.000Z',
      fileId: 'file_abc123456',
      fileUrl: 'https://kieai.redpandaai.co/files/images/my-image.jpg',
    });
  });

  it('falls back to the request uploadPath when the answer has neither filePath nor uploadPath', () => {
    const { filePath: _omit, ...data } = openApiData;
    const result = parseUploadResponse(respond(200, { success: true, code: 200, data }), 'docs/2025');
    expect(result.filePath).toBe('docs/2025/uploaded-image.png');
  });

  it('refuses a 200 whose body is not JSON and keeps the raw text, truncated', () => {
    const html = `<html>${'x'.repeat(5000)}</html>`;
    const err = failure(() => parseUploadResponse(respond(200, html), 'a'));
    expect(err.kind).toBe('invalid-response');
    expect(err.message).toMatch(/not JSON/);
    expect(err.rawBody?.startsWith('<html>xxx')).toBe(true);
    expect(err.rawBody!.length).toBeLessThan(RAW_BODY_LIMIT + 40);
  });

  it.each([
    ['downloadUrl', { ...openApiData, downloadUrl: undefined }],
    ['fileSize', { ...openApiData, fileSize: '12' }],
    ['uploadedAt', { ...openApiData, uploadedAt: 'yesterday' }],
    ['fileName', { ...openApiData, fileName: '' }],
    ['downloadUrl', { ...openApiData, downloadUrl: 'javascript:alert(1)' }],
  ])('refuses a 200 with a missing or invalid %s and names it', (field, data) => {
    const err = failure(() => parseUploadResponse(respond(200, { success: true, code: 200, data }), 'a'));
    expect(err.kind).toBe('invalid-response');
    expect(err.message).toContain(field);
    expect(err.rawBody).toContain('"success":true');
  });

  it('refuses a 200 without a data object', () => {
    const err = failure(() =>
      parseUploadResponse(respond(200, { success: true, code: 200, msg: 'ok' }), 'a'),
    );
    expect(err.kind).toBe('invalid-response');
    expect(err.message).toMatch(/no "data" object/);
  });

  it('maps success:false inside a 200 by its code', () => {
    const err = failure(() =>
      parseUploadResponse(
        respond(200, { success: false, code: 401, msg: 'Authentication failed: Invalid API Key' }),
        'a',
      ),
    );
    expect(err.kind).toBe('auth');
    expect(err.serverMessage).toBe('Authentication failed: Invalid API Key');

    const quota = failure(() =>
      parseUploadResponse(respond(200, { success: false, code: 402, msg: 'no credits' }), 'a'),
    );
    expect(quota.kind).toBe('insufficient-credits');
  });

  it('maps an HTTP error status even when the body is not JSON, keeping the raw text', () => {
    const err = failure(() =>
      parseUploadResponse(respond(502, '<h1>Bad Gateway</h1>'), 'a', { host: 'kieai.redpandaai.co' }),
    );
    expect(err.kind).toBe('server');
    expect(err.status).toBe(502);
    expect(err.rawBody).toBe('<h1>Bad Gateway</h1>');
    expect(err.message).toMatch(/kieai\.redpandaai\.co had an internal error \(502\)/);
  });

  it('reads Retry-After from the response headers on a 429', () => {
    const err = failure(() =>
      parseUploadResponse(
        respond(429, { success: false, code: 429, msg: 'slow down' }, { 'retry-after': '7' }),
        'a',
      ),
    );
    expect(err.kind).toBe('rate-limited');
    expect(err.retryAfterMs).toBe(7000);
  });
});

describe('parseCreditsResponse', () => {
  it('returns data as the balance', () => {
    expect(parseCreditsResponse(respond(200, { code: 200, msg: 'success', data: 100 }))).toBe(100);
    expect(parseCreditsResponse(respond(200, { code: 200, msg: 'success', data: 0 }))).toBe(0);
  });

  it('refuses a balance that is not a number', () => {
    const err = failure(() =>
      parseCreditsResponse(respond(200, { code: 200, msg: 'success', data: 'lots' })),
    );
    expect(err.kind).toBe('invalid-response');
    expect(err.message).toMatch(/no numeric "data"/);
  });

  it.each([
    [402, 'insufficient-credits'],
    [455, 'maintenance'],
    [505, 'feature-disabled'],
  ] as const)('maps code %i inside a 200 to %s', (code, kind) => {
    expect(failure(() => parseCreditsResponse(respond(200, { code, msg: 'm', data: null }))).kind).toBe(kind);
  });
});
