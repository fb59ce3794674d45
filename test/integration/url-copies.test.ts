// Local copies of URL uploads: with the setting on, a URL upload leaves a copy of its link's bytes in the
// data folder; once the link has died, Renew uploads that copy and the new link serves the same bytes;
// the cap removes the oldest copies (pinned ones last). And "Save a copy…" downloads a live link to the
// place chosen in the save dialog.
import { createHash, randomBytes } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CopyStore, COPIES_FOLDER_NAME } from '../../src/main/core/copies';
import type { HistoryEntry, JobSnapshot } from '../../src/shared/ipc-contract';
import { startEmulator, type Emulator } from '../emulator/index';
import { startTestApp, type TestApp } from '../harness';
import { handlerFailure } from '../support/failures';
import { startTestProxy } from '../support/test-proxy';
import { until } from '../support/wait-until';

const DAY = 24 * 60 * 60 * 1000;
const KEY = 'kie-test-key-0123456789abcdef';
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

// The original addresses URL uploads fetch: a plain web server the test can take down.
const served = new Map<string, Buffer>();
let source: http.Server;
let sourceUrl: string;
let emulator: Emulator;
let app: TestApp | undefined;

beforeAll(async () => {
  source = http.createServer((req, res) => {
    const body = served.get(req.url ?? '');
    if (body === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length });
    res.end(body);
  });
  await new Promise<void>((done) => source.listen(0, '127.0.0.1', done));
  sourceUrl = `http://127.0.0.1:${(source.address() as AddressInfo).port}`;
  emulator = await startEmulator();
});
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(async () => {
  await emulator?.close();
  await new Promise((done) => source?.close(done));
});

async function open(settings: Parameters<typeof startTestApp>[0] = {}): Promise<TestApp> {
  emulator.clock.set(Date.now());
  // One clock for the server and the app, so "3 days later" means the same to both.
  app = await startTestApp({
    emulator,
    savedKey: KEY,
    now: () => emulator.clock.now(),
    ...settings,
    settings: { copyOnUpload: false, ...settings.settings },
  });
  return app;
}

async function uploadUrl(
  a: TestApp,
  name: string,
  size: number,
): Promise<{ entry: HistoryEntry; data: Buffer }> {
  const data = randomBytes(size);
  served.set(`/${name}`, data);
  const job = (await a.service.handlers['upload:url'](`${sourceUrl}/${name}`, {
    uploadPath: 'copies',
  })) as JobSnapshot;
  const done = await a.waitForEvent(
    'job',
    (j) => j.id === job.id && (j.status === 'done' || j.status === 'failed'),
  );
  if (done.historyId === null) throw new Error(`${name} failed: ${done.lastError}`);
  return { entry: a.service.engine.history.get(done.historyId) as HistoryEntry, data };
}

async function fetchBytes(url: string): Promise<{ status: number; body: Buffer }> {
  const res = await fetch(url);
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
}

async function renewAndWait(a: TestApp, id: number): Promise<HistoryEntry> {
  const job = await a.service.handlers['history:renew'](id);
  const done = await a.waitForEvent(
    'job',
    (j) => j.id === job.id && (j.status === 'done' || j.status === 'failed'),
  );
  if (done.historyId === null) throw new Error(`the renewal failed: ${done.lastError}`);
  return a.service.engine.history.get(done.historyId) as HistoryEntry;
}

describe('local copies of URL uploads', () => {
  it('without a copy, a URL upload whose link died cannot be renewed', async () => {
    const a = await open();
    const { entry } = await uploadUrl(a, 'no-copy.bin', 30_000);
    emulator.clock.advance(3 * DAY + 1000);
    const refused = await handlerFailure(a.service.handlers['history:renew'](entry.id));
    expect(refused.message).toContain('Cannot renew "no-copy.bin"');
  });

  it('keeps a copy after a URL upload, and renews from it once the link died: the new link serves the same bytes', async () => {
    const a = await open({ settings: { keepUrlUploadCopies: true } });
    const { entry, data } = await uploadUrl(a, 'report.bin', 40_000);
    const store = new CopyStore(a.service.engine.db);
    await until('the copy of entry.id saved', () => store.get(entry.id) !== undefined);
    const copy = store.get(entry.id);
    expect(copy?.path.startsWith(join(a.dataDir, COPIES_FOLDER_NAME))).toBe(true);
    expect(await readFile(copy?.path ?? '')).toEqual(data);
    // It was the new link that was downloaded, not the original address.
    expect(emulator.log.some((e) => e.method === 'GET' && entry.downloadUrl.endsWith(e.path))).toBe(true);

    // The link dies, and the original address is gone too.
    emulator.clock.advance(3 * DAY + 1000);
    served.delete('/report.bin');
    expect((await fetchBytes(entry.downloadUrl)).status).toBe(404);

    const renewed = await renewAndWait(a, entry.id);
    expect(renewed.renewOf).toBe(entry.id);
    expect(renewed.downloadUrl).not.toBe(entry.downloadUrl);
    const now = await fetchBytes(renewed.downloadUrl);
    expect(now.status).toBe(200);
    expect(sha(now.body)).toBe(sha(data));
    // The copy now belongs to the new entry, so it can be renewed the same way in three days.
    await until('the copy moved to the new entry', () => store.get(renewed.id) !== undefined);
    expect(store.get(entry.id)).toBeUndefined();
  });

  it('keeps a pinned URL upload alive from its copy: the service is not asked to fetch the link', async () => {
    const a = await open({ settings: { keepUrlUploadCopies: true } });
    const store = new CopyStore(a.service.engine.db);
    const { entry, data } = await uploadUrl(a, 'pinned.bin', 20_000);
    await until('the copy of pinned.bin saved', () => store.get(entry.id) !== undefined);
    await a.service.handlers['history:pin'](entry.id, { followFile: false });
    // Within the 12 h before expiry: the keep-alive is due.
    emulator.clock.advance(2.75 * DAY);
    const urlUploads = () => emulator.log.filter((e) => e.path === '/api/file-url-upload').length;
    const before = urlUploads();
    const report = await a.service.keepAlive.runNow();
    expect(report.outcomes).toMatchObject([{ historyId: entry.id, kind: 'kept-alive', route: 'saved-copy' }]);
    expect(urlUploads()).toBe(before);
    // A day after the old expiry, the same link still serves the same bytes.
    emulator.clock.advance(DAY);
    const later = await fetchBytes(entry.downloadUrl);
    expect(later.status).toBe(200);
    expect(sha(later.body)).toBe(sha(data));
  });

  it('a download that fails is logged and tried again later, never shown as an error', async () => {
    const logged: string[] = [];
    const a = await open({
      settings: { keepUrlUploadCopies: true },
      urlCopies: { log: (l) => logged.push(l) },
    });
    const store = new CopyStore(a.service.engine.db);
    emulator.faults.add({ method: 'GET', path: /^\/files\//u, status: 503, times: 1 });
    const { entry, data } = await uploadUrl(a, 'flaky.bin', 15_000);
    await until('the failed download logged', () => logged.length > 0);
    expect(logged[0]).toMatch(
      /^The copy of "flaky\.bin" \(entry \d+\) could not be downloaded: .*HTTP 503\. Trying again in 1 min\.$/u,
    );
    expect(store.get(entry.id)).toBeUndefined();
    expect(a.events.filter((e) => e.event === 'notice')).toEqual([]);

    // Not before its time: a pass now leaves it alone; a minute later the next pass saves it.
    await a.service.urlCopies.runNow();
    expect(store.get(entry.id)).toBeUndefined();
    emulator.clock.advance(61_000);
    await a.service.urlCopies.runNow();
    expect(await readFile(store.get(entry.id)?.path ?? '')).toEqual(data);
  });

  it('removes the oldest copy when the cap would be exceeded, a pinned entry’s copy last', async () => {
    const a = await open({ settings: { keepUrlUploadCopies: true, urlUploadCopiesMaxMiB: 1 } });
    const store = new CopyStore(a.service.engine.db);
    const size = 400 * 1024;
    const first = await uploadUrl(a, 'first.bin', size);
    await until('the copy of first.entry.id saved', () => store.get(first.entry.id) !== undefined);
    await a.service.handlers['history:pin'](first.entry.id, { followFile: false });
    const second = await uploadUrl(a, 'second.bin', size);
    await until('the copy of second.entry.id saved', () => store.get(second.entry.id) !== undefined);
    const secondPath = store.get(second.entry.id)?.path ?? '';

    const third = await uploadUrl(a, 'third.bin', size);
    await until('the copy of third.entry.id saved', () => store.get(third.entry.id) !== undefined);
    // 3 × 400 KiB does not fit in 1 MiB: the oldest unpinned copy (second) went, the pinned first stayed.
    expect(store.get(second.entry.id)).toBeUndefined();
    await expect(stat(secondPath)).rejects.toThrow();
    expect(store.get(first.entry.id)).toBeDefined();
    expect(store.totalBytes()).toBeLessThanOrEqual(1024 * 1024);

    await a.service.handlers['history:unpin'](first.entry.id);
    // Unpinned now: the oldest copy is the first to go.
    const fourth = await uploadUrl(a, 'fourth.bin', size);
    await until('the copy of fourth.bin saved', () => store.get(fourth.entry.id) !== undefined);
    expect(store.get(first.entry.id)).toBeUndefined();
    const files = await readdir(join(a.dataDir, COPIES_FOLDER_NAME));
    expect(files.sort()).toEqual([`${third.entry.id}.bin`, `${fourth.entry.id}.bin`].sort());
  });
});

describe('Save a copy…', () => {
  it('downloads the link to the place chosen in the save dialog, and says where', async () => {
    const a = await open();
    const { entry, data } = await uploadUrl(a, 'photo.bin', 25_000);
    const target = join(a.filesDir, 'saved-photo.bin');
    a.dialogs.nextSavePath = target;
    const saved = await a.service.handlers['history:save-copy'](entry.id);
    expect(a.dialogs.saveRequests.at(-1)).toBe('photo.bin');
    expect(saved).toMatchObject({ fileName: 'photo.bin', path: target, size: data.length });
    expect(await readFile(target)).toEqual(data);

    // Through the proxy saved in Settings, like every other request.
    const proxy = await startTestProxy();
    try {
      await a.service.handlers['settings:set']({ proxy: { mode: 'manual', url: proxy.url } });
      a.dialogs.nextSavePath = join(a.filesDir, 'via-proxy.bin');
      await a.service.handlers['history:save-copy'](entry.id);
      expect(proxy.connects).toEqual([new URL(entry.downloadUrl).host]);
      expect(await readFile(join(a.filesDir, 'via-proxy.bin'))).toEqual(data);
    } finally {
      await proxy.close();
    }

    // Cancelled: nothing is written, nothing is said.
    expect(await a.service.handlers['history:save-copy'](entry.id)).toBeNull();

    // A dead link: refused, saying why.
    emulator.clock.advance(3 * DAY + 1000);
    a.dialogs.nextSavePath = join(a.filesDir, 'late.bin');
    const refused = await handlerFailure(a.service.handlers['history:save-copy'](entry.id));
    expect(refused).toMatchObject({ kind: 'link-gone' });
    expect(refused.message).toBe(
      '"photo.bin" was not saved: its link has expired. Renew it for a fresh link.',
    );
    await expect(stat(join(a.filesDir, 'late.bin'))).rejects.toThrow();
  });
});
