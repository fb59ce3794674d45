// A proxy that accepts the connection and never answers CONNECT. The client gives up after its connect
// limit; what matters here is what happens next: the connection to the proxy must be closed, so a real
// `kiedrop` process prints its error and then exits by itself instead of hanging on an open socket.
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/main/core/api';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { apiFailure } from '../support/failures';
import { cliEnv, startKiedrop } from '../support/kiedrop-process';
import type { KiedropProcess } from '../support/kiedrop-process';
import { makeTempDir, writeFileIn } from '../support/temp-files';
import { until } from '../support/wait-until';

// Whatever proxy the machine running the tests has is never used: each test names its own.
const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY'].flatMap((name) => [
  name,
  name.toLowerCase(),
]);

interface SilentProxy {
  url: string;
  port: number;
  /** Connections the proxy accepted and that the client has not closed yet. */
  open(): number;
  accepted(): number;
  close(): Promise<void>;
}

/** Accepts TCP connections, reads the CONNECT request and never answers it. */
async function startSilentProxy(): Promise<SilentProxy> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server: Server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.resume();
    socket.on('error', () => {});
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    open: () => sockets.size,
    accepted: () => accepted,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

let emulator: Emulator;
let host: string;
let dir: string;
let env: Record<string, string>;
let proxy: SilentProxy;
const running: KiedropProcess[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
  host = new URL(emulator.url).host;
  dir = await makeTempDir('kiedrop-hostile-proxy-');
  env = cliEnv(emulator, {
    dataDir: join(dir, 'data'),
    keychainService: `KieDropHostileProxy-${process.pid}`,
    fastRetries: true,
  });
});
beforeEach(async () => {
  proxy = await startSilentProxy();
});
afterEach(async () => {
  for (const p of running.splice(0)) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  await proxy.close();
});
afterAll(async () => {
  await emulator?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

const connectError = (label: string, seconds: string): string =>
  `${label} could not connect to ${host} through the proxy 127.0.0.1:${proxy.port} within ${seconds} s. ` +
  'Check your connection and the proxy address given with --proxy and try again.';

/** Starts `kiedrop …`, waits for `line` on stderr, then expects the process to exit within `exitMs`. */
async function expectExitAfter(
  args: string[],
  extra: Record<string, string>,
  line: string,
  exitMs: number,
): Promise<{ code: number | null; stderr: string }> {
  const p = startKiedrop(args, { ...env, ...extra }, { dropEnv: PROXY_VARIABLES });
  running.push(p);
  await until(`"${line}" on stderr`, () => p.out.stderr.includes(line), { timeoutMs: 15_000 });
  const printedAt = Date.now();
  await until(`kiedrop ${args[0]} to exit after printing its error`, () => p.child.exitCode !== null, {
    timeoutMs: exitMs,
  });
  expect(Date.now() - printedAt).toBeLessThan(exitMs);
  const result = await p.done;
  return { code: result.code, stderr: result.stderr };
}

describe('a proxy that never answers CONNECT', () => {
  it('the client closes its connection to the proxy when it gives up', async () => {
    const client = createApiClient({
      uploadBaseUrl: emulator.url,
      creditsBaseUrl: emulator.url,
      apiKey: emulator.apiKey,
      proxy: { mode: 'manual', url: proxy.url },
    });
    try {
      const err = await apiFailure(client.getCredits({ idleTimeoutMs: 300 }));
      expect(err.kind).toBe('timeout');
      expect(proxy.accepted()).toBe(1);
      await until('the connection to the proxy to be closed', () => proxy.open() === 0, { timeoutMs: 2000 });
    } finally {
      client.close();
    }
  });

  it('the client closes it too when the request is cancelled while CONNECT is unanswered', async () => {
    const client = createApiClient({
      uploadBaseUrl: emulator.url,
      creditsBaseUrl: emulator.url,
      apiKey: emulator.apiKey,
      proxy: { mode: 'manual', url: proxy.url },
    });
    const controller = new AbortController();
    try {
      const pending = apiFailure(client.getCredits({ signal: controller.signal }));
      await until('the client to reach the proxy', () => proxy.accepted() === 1);
      controller.abort();
      expect((await pending).kind).toBe('aborted');
      await until('the connection to the proxy to be closed', () => proxy.open() === 0, { timeoutMs: 2000 });
    } finally {
      client.close();
    }
  });

  it('kiedrop credits prints the error and exits by itself', async () => {
    const line = connectError('The credit balance check', '0.5');
    const run = await expectExitAfter(
      ['credits', '--proxy', proxy.url],
      { KIEDROP_IDLE_TIMEOUT_MS: '500' },
      line,
      3000,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`kiedrop: ${line}\n`);
  });

  it('kiedrop upload prints the error and exits by itself', async () => {
    const file = await writeFileIn(dir, 'via-silent-proxy.txt', 'proxy');
    const line = connectError('The upload of "via-silent-proxy.txt"', '0.5');
    const run = await expectExitAfter(
      ['upload', file, '--proxy', proxy.url],
      { KIEDROP_IDLE_TIMEOUT_MS: '500', KIEDROP_RETRY_MAX_ATTEMPTS: '1' },
      line,
      3000,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(line);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(emulator.log).toEqual([]);
  });
});
