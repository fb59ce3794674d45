// Link health checks against the real emulator: a live link, a link whose file is deleted (404), and a
// host that is not there give three different states, directly and through a proxy; `kiedrop check`
// prints them and stores them with the history entries, keeping when a link was first seen gone.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAgentRouter } from '../../src/main/core/api/proxy-agent';
import { openDatabase } from '../../src/main/core/db';
import { checkLinks, LinkCheckStore, probeLink } from '../../src/main/core/health';
import { startEmulator, type Emulator } from '../emulator/index';
import { postJson } from '../emulator/test-client';
import { cliEnv, runKiedrop } from '../support/kiedrop-process';
import { makeTempDir, writeRandomFile } from '../support/temp-files';
import { closedPort, startTestProxy, type TestProxy } from '../support/test-proxy';

const DAY = 24 * 60 * 60 * 1000;
const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY'].flatMap((n) => [
  n,
  n.toLowerCase(),
]);

let emulator: Emulator;
let proxy: TestProxy;
let dir: string;

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await makeTempDir('kiedrop-link-health-');
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

async function uploadText(fileName: string): Promise<string> {
  const reply = await postJson(
    emulator.url,
    '/api/file-base64-upload',
    { base64Data: Buffer.from(`bytes of ${fileName}`).toString('base64'), uploadPath: 'health', fileName },
    emulator.apiKey,
  );
  expect(reply.status).toBe(200);
  return (reply.body.data as { downloadUrl: string }).downloadUrl;
}

describe('probing one link', () => {
  it('tells alive, gone (404) and host unreachable apart, without a key', async () => {
    const old = await uploadText('old.txt');
    emulator.clock.advance(2 * DAY);
    const fresh = await uploadText('fresh.txt');
    emulator.clock.advance(DAY); // old.txt is now 3 days old and deleted; fresh.txt has 2 days left
    const down = `http://127.0.0.1:${await closedPort()}/files/kieai/1/health/x.txt`;

    const results = await checkLinks(
      [
        { id: 1, url: fresh },
        { id: 2, url: old },
        { id: 3, url: down },
      ],
      { backoffMs: 10, timeoutMs: 5000 },
    );
    expect(results.map((r) => r.state)).toEqual(['alive', 'gone', 'unreachable']);
    expect(results[1]).toMatchObject({ status: 404, detail: 'HTTP 404' });
    expect(results[2]?.detail).toBe('ECONNREFUSED');
    const checks = emulator.log.filter((e) => e.path.startsWith('/files/'));
    expect(checks.map((e) => e.method)).toEqual(['HEAD', 'HEAD']);
    expect(checks.every((e) => e.authorization === 'missing')).toBe(true);
  });

  it('falls back to a one-byte GET when the host refuses HEAD', async () => {
    const url = await uploadText('no-head.txt');
    const path = new URL(url).pathname;
    emulator.faults.add({ path, method: 'HEAD', status: 405, times: 1 });
    expect(await probeLink(url)).toMatchObject({ state: 'alive', status: 200 });
    expect(emulator.log.filter((e) => e.path === path).map((e) => `${e.method} ${e.status}`)).toEqual([
      'HEAD 405',
      'GET 200',
    ]);
  });

  it('goes through the configured proxy', async () => {
    const url = await uploadText('proxied.txt');
    const agents = createAgentRouter({ mode: 'manual', url: proxy.url });
    try {
      expect((await probeLink(url, { agents })).state).toBe('alive');
    } finally {
      agents.closeIdle();
    }
    expect(proxy.connects).toContain(new URL(emulator.url).host);
  });

  it('retries a host that refuses connections, with backoff, before calling it unreachable', async () => {
    const seen: string[] = [];
    const result = await checkLinks([{ id: 1, url: 'http://127.0.0.1:9/x' }], {
      backoffMs: 1,
      retries: 2,
      probe: async (url) => {
        seen.push(url);
        return { state: 'unreachable', detail: 'ECONNREFUSED' };
      },
    });
    expect(result[0]?.state).toBe('unreachable');
    expect(seen).toHaveLength(3);
  });
});

describe('kiedrop check', () => {
  it('prints and stores each state through the proxy, keeping when a link was first seen gone', async () => {
    const env = cliEnv(emulator, {
      dataDir: join(dir, 'data'),
      keychainService: `KieDropLinkHealthTest-${process.pid}`,
      fastRetries: true,
    });
    const kiedrop = (args: string[]) => runKiedrop(args, env, { dropEnv: PROXY_VARIABLES });
    const first = await writeRandomFile(dir, 'first.bin', 1000);
    const second = await writeRandomFile(dir, 'second.bin', 1000);
    expect((await kiedrop(['upload', first.path, '--json'])).code).toBe(0);
    emulator.clock.advance(2 * DAY);
    expect((await kiedrop(['upload', second.path, '--json'])).code).toBe(0);
    emulator.clock.advance(DAY); // first.bin's file is gone on the server; second.bin's is not

    // Links are public: the check runs without any key at all.
    const { KIEDROP_API_KEY: _unused, ...keyless } = env;
    const check = (args: string[]) =>
      runKiedrop(['check', ...args, '--proxy', proxy.url], keyless, { dropEnv: PROXY_VARIABLES });

    const text = await check(['h1', '2']);
    expect(text.code).toBe(1); // one link is not alive
    const lines = text.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^h1 {2}first\.bin {2}gone \(HTTP 404; first seen gone .+\) {2}http:\/\/\S+$/u);
    expect(lines[1]).toMatch(/^h2 {2}second\.bin {2}alive \(HTTP 200\) {2}http:\/\/\S+$/u);
    expect(proxy.connects).toContain(new URL(emulator.url).host);

    const run = await check(['--all', '--json']);
    const rows = JSON.parse(run.stdout) as { id: number; state: string; goneSince: string | null }[];
    expect(rows.map((r) => [r.id, r.state]).sort()).toEqual([
      [1, 'gone'],
      [2, 'alive'],
    ]);

    const db = openDatabase(join(dir, 'data', 'kiedrop.db'));
    try {
      const store = new LinkCheckStore(db);
      const gone = store.get(1);
      expect(gone?.state).toBe('gone');
      // The second check agreed: the date it was first seen gone is the first check's.
      expect(gone?.goneSince).not.toBeNull();
      expect(gone?.goneSince).toBe(rows.find((r) => r.id === 1)?.goneSince);
      expect(Date.parse(gone?.goneSince ?? '')).toBeLessThan(Date.parse(gone?.checkedAt ?? ''));
      expect(store.get(2)).toMatchObject({ state: 'alive', goneSince: null });
    } finally {
      db.close();
    }
  });

  it('refuses to run without ids or --all', async () => {
    const env = cliEnv(emulator, {
      dataDir: join(dir, 'data2'),
      keychainService: `KieDropLinkHealthTest2-${process.pid}`,
    });
    const run = await runKiedrop(['check'], env, { dropEnv: PROXY_VARIABLES });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/history ids \(h12 or 12\) or --all/u);
  });
});
