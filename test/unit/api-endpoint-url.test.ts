import { describe, expect, it } from 'vitest';
import { endpointUrl } from '../../src/main/core/api/endpoint-url';
import type { ApiError } from '../../src/main/core/api/errors';

describe('endpointUrl', () => {
  it.each([
    ['https://kieai.redpandaai.co', 'https://kieai.redpandaai.co/api/file-stream-upload'],
    ['https://kieai.redpandaai.co/', 'https://kieai.redpandaai.co/api/file-stream-upload'],
    ['http://127.0.0.1:8080/proxy/kie', 'http://127.0.0.1:8080/proxy/kie/api/file-stream-upload'],
    ['http://127.0.0.1:8080/proxy/kie//', 'http://127.0.0.1:8080/proxy/kie/api/file-stream-upload'],
  ])('joins %s with the route', (base, expected) => {
    expect(endpointUrl(base, '/api/file-stream-upload', 'upload base URL').href).toBe(expected);
  });

  it('refuses a base URL that is not http(s), naming the setting', () => {
    const err = (() => {
      try {
        endpointUrl('ftp://example.com', '/api/x', 'credits base URL');
      } catch (e) {
        return e as ApiError;
      }
      throw new Error('not refused');
    })();
    expect(err.kind).toBe('invalid-input');
    expect(err.message).toMatch(/credits base URL "ftp:\/\/example.com" must start with http/);
  });

  it('refuses text that is not a URL', () => {
    expect(() => endpointUrl('not a url', '/api/x', 'upload base URL')).toThrow(/not a valid URL/);
  });
});
