// `kiedrop` behind a proxy, as a user runs it: real processes, a real proxy on loopback and the real
// emulator. The proxy comes from --proxy or from HTTPS_PROXY / HTTP_PROXY / NO_PROXY, and --no-proxy
// ignores the variables.
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { cliEnv, runKiedrop } from '../support/kiedrop-process';
import type { KiedropResult } from '../support/kiedrop-process';
import { makeTempDir, writeRandomFile } from '../support/temp-files';
import { closedPort, startTestProxy } from '../support/test-proxy';
import type { TestProxy } from '../support/test-proxy';

// Whatever proxy the machine running the tests has is never used: each test sets its own.
const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY'].flatMap((name) => [
  name,
  name.toLowerCase(),
]);

let emulator: Emulator;
let dir: string;
let env: Record<string, string>;
let proxy: TestProxy;
let emulatorHost: string;

const SECRET_PROXY = 'http://me:s3cret-pw@127.0.0.1:3128';

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

function kiedrop(args: string[], extraEnv: Record<string, string> = {}): Promise<KiedropResult> {
  return runKiedrop(args, { ...env, ...extraEnv }, { dropEnv: PROXY_VARIABLES });
}

/** Uploads one random file with `args` added and checks the server holds exactly its bytes. */
async function upload(name: string, args: string[], extraEnv: Record<string, string> = {}): Promise<void> {
  const file = await writeRandomFile(dir, name, 200_000);
  const run = await kiedrop(['upload', file.path, '--json', ...args], extraEnv);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const [outcome] = JSON.parse(run.stdout) as { status: string; filePath: string }[];
  expect(outcome?.status).toBe('done');
  const stored = emulator.storedFile(outcome?.filePath ?? '');
  expect(stored).toBeDefined();
  expect(sha256(await readFile(stored!))).toBe(sha256(file.data));
}

beforeAll(async () => {
  emulator = await startEmulator();
  emulatorHost = new URL(emulator.url).host;
  dir = await makeTempDir('kiedrop-cli-proxy-');
  env = cliEnv(emulator, {
    dataDir: join(dir, 'data'),
    keychainService: `KieDropCliProxyTest-${process.pid}`,
    fastRetries: true,
  });
});
afterAll(async () => {
  await emulator?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  proxy = await startTestProxy();
  emulator.log.length = 0;
});
afterEach(async () => {
  await proxy.close();
});

describe('kiedrop behind a proxy', () => {
  it('uploads through --proxy', async () => {
    await upload('flag.bin', ['--proxy', proxy.url]);
    expect(proxy.connects).toContain(emulatorHost);
  });

  it('uploads through HTTP_PROXY when no flag is given', async () => {
    await upload('env.bin', [], { HTTP_PROXY: proxy.url });
    expect(proxy.connects).toContain(emulatorHost);
  });

  it('goes direct for hosts in NO_PROXY', async () => {
    await upload('no-proxy-env.bin', [], { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
    expect(proxy.connections()).toBe(0);
  });

  it('goes direct with --no-proxy, whatever the variables say', async () => {
    await upload('no-proxy-flag.bin', ['--no-proxy'], { HTTP_PROXY: proxy.url });
    expect(proxy.connections()).toBe(0);
  });

  it('checks credits through the proxy', async () => {
    emulator.setCredits(12.5);
    const run = await kiedrop(['credits', '--proxy', proxy.url]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('12.5');
    expect(proxy.connects).toEqual([emulatorHost]);
  });

  it('names a proxy that is down, without its password, and exits 1', async () => {
    const port = await closedPort();
    const run = await kiedrop(['credits', '--proxy', `http://me:s3cret-pw@127.0.0.1:${port}`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `kiedrop: Could not connect to the proxy 127.0.0.1:${port}: connection refused. ` +
        'Check the proxy address given with --proxy and that the proxy is running.\n',
    );
    expect(run.stderr + run.stdout).not.toContain('s3cret-pw');
  });

  it.each([
    ['a SOCKS proxy', ['--proxy', 'socks5://127.0.0.1:1080'], 'only http and https proxies are supported'],
    ['--proxy with --no-proxy', ['--proxy', SECRET_PROXY, '--no-proxy'], 'cannot be used together'],
    ['a proxy URL with a path', ['--proxy', `${SECRET_PROXY}/corp`], 'without a path'],
  ])('refuses %s before doing anything (exit 2)', async (_, args, words) => {
    const run = await kiedrop(['credits', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(words);
    expect(run.stderr).not.toContain('s3cret-pw');
    expect(emulator.log).toEqual([]);
  });
});
