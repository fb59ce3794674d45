// Uploads and credit checks through a real HTTP proxy on loopback, against the real emulator: what a
// user behind a company proxy gets, and the messages they see when the proxy says no or is not there.
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from '../../src/main/core/api/index';
import type { ApiClient, ProxyConfig, UploadProgress } from '../../src/main/core/api/index';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { makeTempDir, writeRandomFile } from '../support/temp-files';
import { closedPort, startTestProxy } from '../support/test-proxy';
import type { TestProxy } from '../support/test-proxy';

const USER = 'alice';
const PASSWORD = 'pa:ss@w/rd-77';
const AUTH_URL_PASSWORD = encodeURIComponent(PASSWORD);

let emu: Emulator;
let dir: string;
let proxy: TestProxy;
let emulatorHost: string;
const clients: ApiClient[] = [];

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

function clientWith(proxyConfig: ProxyConfig, base?: string): ApiClient {
  const url = base ?? emu.url;
  const client = createApiClient({
    uploadBaseUrl: url,
    creditsBaseUrl: url,
    apiKey: emu.apiKey,
    proxy: proxyConfig,
  });
  clients.push(client);
  return client;
}

async function failure(run: Promise<unknown>): Promise<ApiError> {
  try {
    await run;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('the call succeeded');
}

/** Everything about an error a person or a log could see. */
function visibleText(err: ApiError): string {
  const cause =
    err.cause instanceof Error ? `${err.cause.message} ${err.cause.stack ?? ''}` : String(err.cause);
  return [err.message, err.stack ?? '', err.serverMessage ?? '', err.rawBody ?? '', cause].join('\n');
}

async function uploadOne(client: ApiClient, name: string, size: number) {
  const file = await writeRandomFile(dir, name, size);
  const seen: UploadProgress[] = [];
  const result = await client.streamUpload({
    filePath: file.path,
    uploadPath: 'proxied',
    onProgress: (p) => seen.push(p),
  });
  const stored = emu.storedFile(result.filePath);
  expect(stored, 'the emulator should have stored the file').toBeDefined();
  expect(sha256(await readFile(stored!))).toBe(sha256(file.data));
  expect(seen.at(-1)?.sent).toBe(seen.at(-1)?.total);
  return result;
}

beforeAll(async () => {
  emu = await startEmulator();
  emulatorHost = new URL(emu.url).host;
  dir = await makeTempDir('kiedrop-api-proxy-');
});
afterAll(async () => {
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  proxy = await startTestProxy();
  emu.log.length = 0;
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await proxy.close();
});

describe('a manual proxy', () => {
  it('carries a streamed upload byte for byte, and the proxy sees the tunnel to the API', async () => {
    const client = clientWith({ mode: 'manual', url: proxy.url });
    // Over 1 MiB: the request asks "Expect: 100-continue", which must work inside the tunnel too.
    await uploadOne(client, 'big.bin', 3 * 1024 * 1024 + 17);
    expect(proxy.connects).toEqual([emulatorHost]);
    expect(emu.log.map((e) => e.status)).toEqual([200]);
  });

  it('keeps the tunnel alive: a second upload and a credit check reuse the same connection', async () => {
    const client = clientWith({ mode: 'manual', url: proxy.url });
    await uploadOne(client, 'first.bin', 1000);
    await uploadOne(client, 'second.bin', 2000);
    emu.setCredits(42);
    expect(await client.getCredits()).toBe(42);
    expect(proxy.connects).toEqual([emulatorHost]);
    expect(proxy.connections()).toBe(1);
  });

  it('sends the user name and password to a proxy that requires them', async () => {
    const guarded = await startTestProxy({ credentials: { user: USER, password: PASSWORD } });
    try {
      const url = `http://${USER}:${AUTH_URL_PASSWORD}@127.0.0.1:${guarded.port}`;
      await uploadOne(clientWith({ mode: 'manual', url }), 'authed.bin', 5000);
      expect(guarded.connects).toEqual([emulatorHost]);
    } finally {
      await guarded.close();
    }
  });

  it.each([
    ['a wrong password', `${USER}:wrong-${AUTH_URL_PASSWORD}@`],
    ['no credentials', ''],
  ])('with %s: a network error naming the proxy and its 407, never the password', async (_, userinfo) => {
    const guarded = await startTestProxy({ credentials: { user: USER, password: PASSWORD } });
    try {
      const client = clientWith({ mode: 'manual', url: `http://${userinfo}127.0.0.1:${guarded.port}` });
      const file = await writeRandomFile(dir, 'refused.bin', 4000);
      const err = await failure(client.streamUpload({ filePath: file.path, uploadPath: 'proxied' }));
      expect(err.kind).toBe('network');
      expect(err.message).toBe(
        `The proxy 127.0.0.1:${guarded.port} refused the connection (407 Proxy Authentication Required). ` +
          'Check the proxy address and its user name and password in Settings.',
      );
      for (const secret of [PASSWORD, AUTH_URL_PASSWORD, `wrong-${AUTH_URL_PASSWORD}`])
        expect(visibleText(err)).not.toContain(secret);
      // Refused at the proxy: the API never saw the request (nor the key).
      expect(emu.log).toEqual([]);
      expect(guarded.connects).toEqual([emulatorHost]);
    } finally {
      await guarded.close();
    }
  });

  it('reports a proxy that is not running by its address, with the fix', async () => {
    const port = await closedPort();
    const client = clientWith({
      mode: 'manual',
      url: `http://${USER}:${AUTH_URL_PASSWORD}@127.0.0.1:${port}`,
    });
    const err = await failure(client.getCredits());
    expect(err.kind).toBe('network');
    expect(err.retryable).toBe(true);
    expect(err.message).toBe(
      `Could not connect to the proxy 127.0.0.1:${port}: connection refused. ` +
        'Check the proxy address in Settings and that the proxy is running.',
    );
    expect(visibleText(err)).not.toContain(AUTH_URL_PASSWORD);
  });

  it("reports an API host the proxy cannot reach as the proxy's answer, naming both", async () => {
    const deadPort = await closedPort();
    const client = clientWith({ mode: 'manual', url: proxy.url }, `http://127.0.0.1:${deadPort}`);
    const err = await failure(client.getCredits());
    expect(err.kind).toBe('network');
    expect(err.message).toContain(`The proxy 127.0.0.1:${proxy.port} could not reach 127.0.0.1:${deadPort}`);
    expect(err.message).toContain('500 Internal Server Error');
    expect(proxy.connects).toEqual([`127.0.0.1:${deadPort}`]);
  });

  it.each([
    ['socks5://127.0.0.1:1080', 'only http and https proxies are supported, not socks5'],
    [`http://${USER}:${AUTH_URL_PASSWORD}@127.0.0.1:3128/some/path`, 'without a path'],
    ['127.0.0.1 3128', 'not a valid URL'],
  ])('refuses %s before sending anything', async (url, words) => {
    const err = await failure(clientWith({ mode: 'manual', url }).getCredits());
    expect(err.kind).toBe('invalid-input');
    expect(err.message).toContain('The proxy URL in Settings must look like "http://proxy.example:8080"');
    expect(err.message).toContain(words);
    expect(err.message).not.toContain(AUTH_URL_PASSWORD);
    expect(emu.log).toEqual([]);
  });

  it('can be cancelled mid-upload, and the next upload still goes through', async () => {
    const client = clientWith({ mode: 'manual', url: proxy.url });
    const file = await writeRandomFile(dir, 'cancel.bin', 16 * 1024 * 1024);
    const controller = new AbortController();
    const err = await failure(
      client.streamUpload({
        filePath: file.path,
        uploadPath: 'proxied',
        signal: controller.signal,
        onProgress: (p) => {
          if (p.sent > 0) controller.abort();
        },
      }),
    );
    expect(err.kind).toBe('aborted');
    await uploadOne(client, 'after-cancel.bin', 3000);
    // The cancelled tunnel is not reused: the next upload opened a fresh one.
    expect(proxy.connects).toEqual([emulatorHost, emulatorHost]);
  });

  it('times out on a proxy that accepts the connection but never answers CONNECT', async () => {
    const held = new Set<Socket>();
    const silent = createNetServer((socket) => held.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const client = clientWith({ mode: 'manual', url: `http://127.0.0.1:${port}` });
      const err = await failure(client.getCredits({ idleTimeoutMs: 300 }));
      expect(err.kind).toBe('timeout');
      expect(err.message).toBe(
        `The credit balance check could not connect to ${emulatorHost} through the proxy 127.0.0.1:${port} ` +
          'within 0.3 s. Check your connection and the proxy address in Settings and try again.',
      );
    } finally {
      for (const socket of held) socket.destroy();
      silent.close();
    }
  });
});

describe('the environment (HTTPS_PROXY, HTTP_PROXY, NO_PROXY)', () => {
  it('uses HTTP_PROXY for an http:// API', async () => {
    await uploadOne(clientWith({ mode: 'env', env: { HTTP_PROXY: proxy.url } }), 'env.bin', 6000);
    expect(proxy.connects).toEqual([emulatorHost]);
  });

  it('goes direct for a host in NO_PROXY: the proxy sees nothing', async () => {
    const env = { HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' };
    await uploadOne(clientWith({ mode: 'env', env }), 'direct.bin', 6000);
    expect(proxy.connects).toEqual([]);
    expect(proxy.connections()).toBe(0);
  });

  it('names the variable when its proxy is down', async () => {
    const port = await closedPort();
    const err = await failure(
      clientWith({ mode: 'env', env: { http_proxy: `127.0.0.1:${port}` } }).getCredits(),
    );
    expect(err.kind).toBe('network');
    expect(err.message).toContain(`the proxy 127.0.0.1:${port}`);
    expect(err.message).toContain('Check the proxy address in http_proxy');
  });

  it('goes direct when no proxy variable is set', async () => {
    await uploadOne(clientWith({ mode: 'env', env: {} }), 'none-set.bin', 100);
    expect(proxy.connections()).toBe(0);
  });
});

describe("the operating system's proxy", () => {
  it('uses the first HTTP proxy the OS names for the URL', async () => {
    const asked: string[] = [];
    const resolve = async (url: string): Promise<string> => {
      asked.push(url);
      return `SOCKS5 127.0.0.1:1; PROXY 127.0.0.1:${proxy.port}; DIRECT`;
    };
    await uploadOne(clientWith({ mode: 'system', resolve, env: {} }), 'system.bin', 7000);
    expect(proxy.connects).toEqual([emulatorHost]);
    expect(asked).toEqual([`${emu.url}/api/file-stream-upload`]);
  });

  it('falls back to the environment when the OS says DIRECT', async () => {
    const resolve = async (): Promise<string> => 'DIRECT';
    await uploadOne(
      clientWith({ mode: 'system', resolve, env: { HTTP_PROXY: proxy.url } }),
      'fallback.bin',
      10,
    );
    expect(proxy.connects).toEqual([emulatorHost]);
  });

  it('goes direct when the OS says DIRECT and the environment names no proxy', async () => {
    const resolve = async (): Promise<string> => 'DIRECT';
    await uploadOne(clientWith({ mode: 'system', resolve, env: {} }), 'system-direct.bin', 10);
    expect(proxy.connections()).toBe(0);
  });
});

describe("this process's own environment", () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.HTTP_PROXY;
    process.env.HTTP_PROXY = proxy.url;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.HTTP_PROXY;
    else process.env.HTTP_PROXY = saved;
  });

  it('is what env mode reads when no environment is passed', async () => {
    await uploadOne(clientWith({ mode: 'env' }), 'process-env.bin', 10);
    expect(proxy.connects).toEqual([emulatorHost]);
  });

  it('is ignored when the proxy is set to none', async () => {
    await uploadOne(clientWith({ mode: 'none' }), 'none.bin', 10);
    expect(proxy.connections()).toBe(0);
  });
});
