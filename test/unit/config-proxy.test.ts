// Which proxy the CLI uses: --proxy, --no-proxy, or else the environment it was started with.
import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from '../../src/main/core/config';

function refusal(run: () => unknown): ConfigError {
  try {
    run();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('it was accepted');
}

describe('resolveConfig: the proxy', () => {
  it('reads the environment it is given when no flag says otherwise', () => {
    const env = { HTTPS_PROXY: 'http://proxy.corp:3128' };
    expect(resolveConfig({ env }).proxy).toEqual({ mode: 'env', env });
  });

  it('takes --proxy over the environment, trimmed, and remembers where it came from', () => {
    const config = resolveConfig({
      flags: { proxy: ' http://me:pw@proxy.corp:3128 ' },
      env: { HTTPS_PROXY: 'http://other:1' },
    });
    expect(config.proxy).toEqual({
      mode: 'manual',
      url: 'http://me:pw@proxy.corp:3128',
      origin: 'given with --proxy',
    });
  });

  it('goes direct with --no-proxy', () => {
    expect(resolveConfig({ flags: { noProxy: true }, env: { HTTPS_PROXY: 'http://p:1' } }).proxy).toEqual({
      mode: 'none',
    });
  });

  it('refuses --proxy together with --no-proxy', () => {
    const err = refusal(() => resolveConfig({ flags: { proxy: 'http://p:1', noProxy: true } }));
    expect(err.message).toBe('--proxy and --no-proxy cannot be used together; pick one.');
  });

  it.each([
    ['socks5://me:topsecret@p:1080', 'only http and https proxies are supported, not socks5'],
    ['http://me:topsecret@p:1/path', 'without a path'],
    ['p 3128', 'not a valid URL'],
  ])('refuses --proxy %s with a message naming the flag, never the password', (proxy, why) => {
    const err = refusal(() => resolveConfig({ flags: { proxy } }));
    expect(err.message).toContain(
      'The proxy URL given with --proxy must look like "http://proxy.example:8080"',
    );
    expect(err.message).toContain(why);
    expect(err.message).not.toContain('topsecret');
  });
});
