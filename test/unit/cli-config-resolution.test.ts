import { describe, expect, it } from 'vitest';
import { DEFAULT_ENDPOINTS } from '../../src/main/core/api/types';
import { ConfigError, resolveConfig } from '../../src/main/core/config';

const KEY = 'k3y-0123456789abcdef';

describe('resolveConfig', () => {
  it('uses the documented endpoints when nothing is set', () => {
    const config = resolveConfig({ env: {} });
    expect(config.endpoints).toEqual(DEFAULT_ENDPOINTS);
    expect(config.sources).toEqual({ uploadBaseUrl: 'default', creditsBaseUrl: 'default' });
    expect(config.envApiKey).toBeNull();
  });

  it('lets the environment beat the defaults', () => {
    const config = resolveConfig({
      env: { KIEDROP_BASE_URL: 'http://127.0.0.1:8080', KIEDROP_CREDITS_URL: 'http://127.0.0.1:9090/' },
    });
    expect(config.endpoints).toEqual({
      uploadBaseUrl: 'http://127.0.0.1:8080',
      creditsBaseUrl: 'http://127.0.0.1:9090',
    });
    expect(config.sources).toEqual({ uploadBaseUrl: 'env', creditsBaseUrl: 'env' });
  });

  it('lets flags beat the environment, each endpoint on its own', () => {
    const config = resolveConfig({
      flags: { baseUrl: 'http://127.0.0.1:1/' },
      env: { KIEDROP_BASE_URL: 'http://127.0.0.1:2', KIEDROP_CREDITS_URL: 'http://127.0.0.1:3' },
    });
    expect(config.endpoints).toEqual({
      uploadBaseUrl: 'http://127.0.0.1:1',
      creditsBaseUrl: 'http://127.0.0.1:3',
    });
    expect(config.sources).toEqual({ uploadBaseUrl: 'flag', creditsBaseUrl: 'env' });
  });

  it('keeps a base path but drops the trailing slash', () => {
    expect(resolveConfig({ flags: { baseUrl: 'https://proxy.example/kie/' } }).endpoints.uploadBaseUrl).toBe(
      'https://proxy.example/kie',
    );
  });

  it('treats empty environment variables as unset', () => {
    const config = resolveConfig({ env: { KIEDROP_BASE_URL: '', KIEDROP_API_KEY: '  ' } });
    expect(config.endpoints.uploadBaseUrl).toBe(DEFAULT_ENDPOINTS.uploadBaseUrl);
    expect(config.envApiKey).toBeNull();
  });

  it('takes the key from KIEDROP_API_KEY, trimmed', () => {
    expect(resolveConfig({ env: { KIEDROP_API_KEY: ` ${KEY}\n` } }).envApiKey).toBe(KEY);
  });

  it('names the flag or variable when a URL is unusable', () => {
    expect(() => resolveConfig({ flags: { baseUrl: 'ftp://x' } })).toThrowError(
      new ConfigError('--base-url must be an http:// or https:// URL (got "ftp://x").'),
    );
    expect(() => resolveConfig({ env: { KIEDROP_CREDITS_URL: 'not a url' } })).toThrow(
      /^KIEDROP_CREDITS_URL must be an http:\/\/ or https:\/\/ URL/,
    );
    expect(() => resolveConfig({ flags: { creditsUrl: 'http://x/?a=1' } })).toThrow(
      /--credits-url .* without "\?"/,
    );
  });

  it('refuses a KIEDROP_API_KEY with spaces inside, without echoing it', () => {
    let message = '';
    try {
      resolveConfig({ env: { KIEDROP_API_KEY: 'abc def-secret' } });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^KIEDROP_API_KEY is set but unusable: .*spaces/);
    expect(message).not.toContain('def-secret');
  });
});
