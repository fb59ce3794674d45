// The proxy setting through the handler table, as the Settings screen changes it: uploads and the key
// check go through the proxy the user picked, from the next request on, against a real proxy and the
// real emulator.
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEST_KEY } from '../emulator/index';
import { startTestApp } from '../harness';
import type { TestApp } from '../harness';
import { closedPort, startTestProxy } from '../support/test-proxy';
import type { TestProxy } from '../support/test-proxy';
import type { HistoryEntry, JobSnapshot } from '../../src/shared/ipc-contract';

let app: TestApp;
let h: TestApp['service']['handlers'];
let proxy: TestProxy;
let emulatorHost: string;

async function failure(call: unknown): Promise<{ kind: string; message: string }> {
  try {
    await call;
  } catch (err) {
    return { kind: (err as { kind: string }).kind, message: (err as Error).message };
  }
  throw new Error('the call succeeded');
}

async function uploadedIn(target: TestApp, jobs: JobSnapshot[]): Promise<HistoryEntry> {
  const job = jobs[0];
  if (job === undefined) throw new Error('nothing was queued');
  const done = await target.waitForEvent(
    'job',
    (j) => j.id === job.id && (j.status === 'done' || j.status === 'failed'),
  );
  if (done.status !== 'done' || done.historyId === null)
    throw new Error(`${done.fileName} failed: ${done.lastError}`);
  const entry = target.service.engine.history.get(done.historyId);
  if (!entry) throw new Error(`no history entry for ${done.fileName}`);
  return entry;
}

/** Uploads one small file from the window and checks the server has exactly its bytes. */
async function uploadFrom(target: TestApp, name: string): Promise<HistoryEntry> {
  const content = `${name} went out at ${Date.now()}`;
  const file = await target.writeFile(name, content);
  const entry = await uploadedIn(target, await target.service.handlers['upload:files']([file], {}));
  const stored = target.emulator.storedFile(entry.filePath);
  expect(stored && (await readFile(stored, 'utf8'))).toBe(content);
  return entry;
}

/** Saves a proxy setting and waits until the engine runs with it (a settings change reopens it). */
async function setProxy(setting: Parameters<(typeof h)['settings:set']>[0]['proxy']): Promise<void> {
  await h['settings:set']({ proxy: setting });
  await app.service.engine.reopen();
}

beforeAll(async () => {
  app = await startTestApp({
    savedKey: DEFAULT_TEST_KEY,
    settings: { copyOnUpload: false },
    // Patient enough to still be retrying when the test fixes the proxy setting.
    engine: { retry: { baseDelayMs: 20, maxDelayMs: 100, maxAttempts: 1000 } },
  });
  h = app.service.handlers;
  emulatorHost = new URL(app.emulator.url).host;
});
afterAll(async () => {
  await app?.close();
});
beforeEach(async () => {
  proxy = await startTestProxy();
});
afterEach(async () => {
  await setProxy({ mode: 'system' });
  await proxy.close();
});

describe('the proxy setting', () => {
  it('"system" with no system proxy and no proxy variables goes direct', async () => {
    expect((await h['settings:get']()).proxy).toEqual({ mode: 'system' });
    await uploadFrom(app, 'direct.txt');
    expect(proxy.connections()).toBe(0);
  });

  it('"manual" sends the next upload and the credit check through that proxy', async () => {
    await setProxy({ mode: 'manual', url: proxy.url });
    await uploadFrom(app, 'proxied.txt');
    app.emulator.setCredits(31);
    expect(await h['credits:get']()).toBe(31);
    expect(proxy.connects.length).toBeGreaterThanOrEqual(2);
    expect(new Set(proxy.connects)).toEqual(new Set([emulatorHost]));
  });

  it('"none" goes direct again after a manual proxy', async () => {
    await setProxy({ mode: 'manual', url: proxy.url });
    await setProxy({ mode: 'none' });
    await uploadFrom(app, 'none-again.txt');
    expect(proxy.connections()).toBe(0);
  });

  it('a proxy that is down: the upload waits, naming the proxy, and goes out once the setting is fixed', async () => {
    const port = await closedPort();
    await setProxy({ mode: 'manual', url: `http://127.0.0.1:${port}` });
    const file = await app.writeFile('waits.txt', 'waits for a working proxy');
    const jobs = await h['upload:files']([file], {});
    const retrying = await app.waitForEvent(
      'job',
      (j) => j.id === jobs[0]?.id && (j.lastError ?? '').includes(`the proxy 127.0.0.1:${port}`),
    );
    expect(retrying.lastError).toContain('Check the proxy address in Settings');
    expect(retrying.status).not.toBe('failed');

    await setProxy({ mode: 'manual', url: proxy.url });
    const entry = await uploadedIn(app, jobs);
    expect(entry.fileName).toBe('waits.txt');
    expect(proxy.connects).toContain(emulatorHost);
  });

  it('checks a new key through the proxy, and says the proxy is the problem when it is down', async () => {
    const port = await closedPort();
    await setProxy({ mode: 'manual', url: `http://127.0.0.1:${port}` });
    const err = await failure(h['key:save'](DEFAULT_TEST_KEY, { sessionOnly: false }));
    expect(err.kind).toBe('network');
    expect(err.message).toContain(
      `The key could not be checked, so nothing was saved: Could not connect to the proxy 127.0.0.1:${port}`,
    );

    await setProxy({ mode: 'manual', url: proxy.url });
    await h['key:save'](DEFAULT_TEST_KEY, { sessionOnly: false });
    expect(proxy.connects).toEqual([emulatorHost]);
  });

  it('refuses a SOCKS proxy with a message saying which kinds work', async () => {
    const err = await failure(
      h['settings:set']({ proxy: { mode: 'manual', url: 'socks5://127.0.0.1:1080' } }),
    );
    expect(err.kind).toBe('invalid-argument');
    expect(err.message).toContain('only http and https proxies are supported');
    expect((await h['settings:get']()).proxy).toEqual({ mode: 'system' });
  });
});

describe('"system" outside Electron', () => {
  it('uses the proxy in the environment the app was started with', async () => {
    const envApp = await startTestApp({
      savedKey: DEFAULT_TEST_KEY,
      emulator: app.emulator,
      env: { HTTP_PROXY: proxy.url },
      settings: { copyOnUpload: false },
    });
    try {
      await uploadFrom(envApp, 'from-env.txt');
      // The upload, and the credit refresh that follows it.
      expect(proxy.connects).toContain(emulatorHost);
      expect(new Set(proxy.connects)).toEqual(new Set([emulatorHost]));
    } finally {
      await envApp.close();
    }
  });
});
