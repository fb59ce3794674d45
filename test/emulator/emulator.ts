// Starts an emulator: storage, clock, faults and the HTTP server, wired together.
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Emulator, EmulatorOptions, RequestLogEntry } from './types';
import { createClock } from './clock';
import { createFaultStore } from './faults';
import { createApiServer } from './server';
import { accountFilePath } from './account';
import { checkedLinkBehaviour, DEFAULT_LINK_BEHAVIOUR, openStorage, type LinkBehaviour } from './storage';
import { downloadUrlFor } from './upload-result';

export const DEFAULT_TEST_KEY = 'kie-test-key-0123456789abcdef';

const SWEEP_INTERVAL_MS = 60_000;

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  let apiKeys = checkedKeys(options.apiKeys ?? [DEFAULT_TEST_KEY]);
  let credits = checkedCredits(options.credits ?? 100);
  let links = checkedLinkBehaviour({ ...DEFAULT_LINK_BEHAVIOUR, ...options.links });
  const setLinkBehaviour = (change: Partial<LinkBehaviour>) => {
    links = checkedLinkBehaviour({ ...links, ...change });
    return { ...links };
  };
  const ownsStorage = options.storageDir === undefined;
  const storageDir = ownsStorage
    ? await mkdtemp(join(tmpdir(), 'kiedrop-emulator-'))
    : resolve(options.storageDir as string);

  // The clock needs the storage's sweep and the storage needs the clock: tie the knot after both exist.
  let sweep = () => 0;
  const clock = createClock(options.now ?? Date.now, () => sweep());
  const storage = openStorage(storageDir, clock.now, () => links);
  sweep = () => storage.sweep();
  const log: RequestLogEntry[] = [];
  const faults = createFaultStore(options.seed ?? 1);
  const shutdown = new AbortController();
  let url = '';

  const { server, idle } = createApiServer({
    storage,
    now: clock.now,
    publicUrl: () => url,
    credits: () => credits,
    urlFetchTimeoutMs: options.urlFetchTimeoutMs ?? 30_000,
    urlMaxBytes: options.urlMaxBytes ?? 100 * 1024 * 1024,
    shutdown: shutdown.signal,
    faults,
    apiKeys: () => apiKeys,
    onFinished: (entry) => options.onRequest?.(entry),
    control: { log, faults, clock, setLinkBehaviour },
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', fail);
      done();
    });
  });
  url = `http://${urlHost(host)}:${(server.address() as AddressInfo).port}`;

  // Files expire even when nobody moves the clock; unref() so an idle emulator never keeps a process alive.
  const sweeper = setInterval(() => storage.sweep(), SWEEP_INTERVAL_MS);
  sweeper.unref();

  let closing: Promise<void> | undefined;
  return {
    url,
    get apiKey() {
      return apiKeys[0] as string;
    },
    storageDir,
    clock,
    log,
    faults: { add: (f) => faults.add(f), clear: () => faults.clear() },
    setCredits(n) {
      credits = checkedCredits(n);
    },
    setApiKeys(keys) {
      apiKeys = checkedKeys(keys);
    },
    setLinkBehaviour,
    filePathFor: (uploadPath, fileName, apiKey = apiKeys[0] as string) =>
      accountFilePath(apiKey, uploadPath, fileName, links.linkRoot),
    downloadUrlFor: (filePath) => downloadUrlFor(url, filePath),
    storedFile: (filePath) => storage.get(filePath)?.diskPath,
    sweepExpired: () => storage.sweep(),
    close() {
      closing ??= (async () => {
        clearInterval(sweeper);
        shutdown.abort();
        const closed = new Promise<void>((done) => server.close(() => done()));
        server.closeAllConnections();
        await idle();
        await closed;
        if (ownsStorage) await rm(storageDir, { recursive: true, force: true, maxRetries: 3 });
      })();
      return closing;
    },
  };
}

function checkedKeys(keys: string[]): string[] {
  if (keys.length === 0 || keys.some((k) => typeof k !== 'string' || k.trim() === '' || /\s/.test(k))) {
    throw new TypeError('The emulator needs at least one API key, each a non-empty string without spaces');
  }
  return [...keys];
}

function checkedCredits(n: number): number {
  if (!Number.isFinite(n)) throw new TypeError(`Credits must be a finite number, got ${n}`);
  return n;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
