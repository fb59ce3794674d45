// How a proxy is chosen and checked: the OS's PAC-style answer, proxy URLs typed by a person, and the
// HTTPS_PROXY / HTTP_PROXY / NO_PROXY variables.
import { describe, expect, it } from 'vitest';
import { proxyFromEnv } from '../../src/main/core/api/env-proxy';
import { ApiError } from '../../src/main/core/api/errors';
import { parseProxyUrl, proxyDisplayName, proxyPasswordForms } from '../../src/main/core/api/proxy-config';
import { parseSystemProxy } from '../../src/main/core/api/system-proxy';

describe('parseSystemProxy (what Electron says for a URL)', () => {
  it.each([
    ['DIRECT', null],
    ['', null],
    ['PROXY a:1; DIRECT', 'http://a:1'],
    ['PROXY proxy.corp:3128', 'http://proxy.corp:3128'],
    ['HTTPS b:443', 'https://b:443'],
    ['SOCKS5 c:1080; PROXY d:2', 'http://d:2'],
    ['SOCKS c:1080; SOCKS4 e:1080; QUIC q:443; HTTPS f:8443', 'https://f:8443'],
    ['SOCKS5 c:1080', null],
    ['DIRECT; PROXY a:1', null],
    ['proxy  lower.case:8080 ;DIRECT', 'http://lower.case:8080'],
    ['PROXY [::1]:3128', 'http://[::1]:3128'],
    ['PROXY bad/path:1; PROXY good:2', 'http://good:2'],
  ])('%j → %s', (answer, expected) => {
    expect(parseSystemProxy(answer)).toBe(expected);
  });
});

function refusal(value: string, origin?: string): ApiError {
  try {
    parseProxyUrl(value, origin);
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error(`"${value}" was accepted`);
}

describe('parseProxyUrl', () => {
  it.each([
    'http://proxy.example:8080',
    'https://proxy.example',
    'http://user:p%40ss@10.0.0.1:3128/',
    '  http://[::1]:3128  ',
  ])('accepts %s', (value) => {
    expect(parseProxyUrl(value).protocol).toMatch(/^https?:$/u);
  });

  it.each([
    ['socks5://proxy:1080', 'only http and https proxies are supported, not socks5'],
    ['ftp://proxy:21', 'not ftp'],
    ['proxy.example 8080', 'it is not a valid URL'],
    ['', 'it is not a valid URL'],
    ['http://proxy.example:8080/corp', 'without a path, "?" or "#"'],
    ['http://proxy.example:8080?x=1', 'without a path, "?" or "#"'],
  ])('refuses %j, saying why', (value, why) => {
    const err = refusal(value);
    expect(err.kind).toBe('invalid-input');
    expect(err.message).toContain('The proxy URL must look like "http://proxy.example:8080"');
    expect(err.message).toContain(why);
  });

  it('never echoes the value, which may hold a password', () => {
    const err = refusal('http://me:hunter2secret@proxy:1/path', 'in HTTPS_PROXY');
    expect(err.message).toMatch(/^The proxy URL in HTTPS_PROXY must look like/u);
    expect(err.message).not.toContain('hunter2secret');
    expect(err.message).not.toContain('me:');
  });
});

describe('showing a proxy', () => {
  it('names it by host and port only, with the default port spelled out', () => {
    expect(proxyDisplayName(new URL('http://me:secret@proxy.corp:3128'))).toBe('proxy.corp:3128');
    expect(proxyDisplayName(new URL('http://proxy.corp'))).toBe('proxy.corp:80');
    expect(proxyDisplayName(new URL('https://proxy.corp'))).toBe('proxy.corp:443');
  });

  it('knows the password as typed and decoded, for scrubbing', () => {
    expect(proxyPasswordForms(new URL('http://me:p%40ss%2Fw@proxy:1'))).toEqual(['p%40ss%2Fw', 'p@ss/w']);
    expect(proxyPasswordForms(new URL('http://proxy:1'))).toEqual([]);
  });
});

describe('proxyFromEnv', () => {
  const http = new URL('http://api.example.com/upload');
  const https = new URL('https://api.example.com/upload');

  it('picks the variable for the scheme, lower case first, then ALL_PROXY', () => {
    expect(proxyFromEnv(https, { HTTPS_PROXY: 'http://s:1', HTTP_PROXY: 'http://p:2' })).toEqual({
      url: 'http://s:1',
      variable: 'HTTPS_PROXY',
    });
    expect(proxyFromEnv(http, { HTTPS_PROXY: 'http://s:1', HTTP_PROXY: 'http://p:2' })?.url).toBe(
      'http://p:2',
    );
    expect(proxyFromEnv(https, { https_proxy: 'http://low:1', HTTPS_PROXY: 'http://up:2' })).toEqual({
      url: 'http://low:1',
      variable: 'https_proxy',
    });
    expect(proxyFromEnv(https, { ALL_PROXY: 'http://all:3' })?.variable).toBe('ALL_PROXY');
    expect(proxyFromEnv(https, { HTTPS_PROXY: '  ', ALL_PROXY: 'http://all:3' })?.url).toBe('http://all:3');
  });

  it('treats a proxy without a scheme as a plain HTTP proxy (as curl does)', () => {
    expect(proxyFromEnv(https, { HTTPS_PROXY: 'proxy.corp:3128' })?.url).toBe('http://proxy.corp:3128');
  });

  it('goes direct when nothing is set', () => {
    expect(proxyFromEnv(https, {})).toBeNull();
    expect(proxyFromEnv(https, { HTTP_PROXY: 'http://p:2' })).toBeNull();
  });

  it.each([
    ['*', true],
    ['example.com', true],
    ['.example.com', true],
    ['*.example.com', true],
    ['api.example.com', true],
    ['other.com, api.example.com', true],
    ['other.com api.example.com', true],
    ['xample.com', false],
    ['pi.example.com', false],
    ['example.com:443', true],
    ['example.com:8443', false],
    ['other.com', false],
  ])('NO_PROXY=%j bypasses https://api.example.com: %s', (noProxy, bypassed) => {
    const found = proxyFromEnv(https, { HTTPS_PROXY: 'http://p:1', NO_PROXY: noProxy });
    expect(found === null).toBe(bypassed);
  });

  it.each([
    ['http://127.0.0.1:8080/', '127.0.0.1', true],
    ['http://127.0.0.1:8080/', '127.0.0.1:8080', true],
    ['http://127.0.0.1:8080/', '127.0.0.1:9090', false],
    ['http://10.1.2.3/', '10.0.0.0/8', true],
    ['http://11.1.2.3/', '10.0.0.0/8', false],
    ['http://[::1]:8080/', '::1', true],
    ['http://[::1]:8080/', '[::1]:8080', true],
    ['http://[fd00::5]/', 'fd00::/8', true],
    ['http://localhost:3000/', 'LOCALHOST', true],
  ])('%s with no_proxy=%j bypasses: %s', (target, noProxy, bypassed) => {
    const found = proxyFromEnv(new URL(target), { http_proxy: 'http://p:1', no_proxy: noProxy });
    expect(found === null).toBe(bypassed);
  });
});
