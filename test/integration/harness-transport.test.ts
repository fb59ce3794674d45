// The harness's page transport on a page of our own: window.kiedrop reaches the real app service
// (real engine, keychain and emulator), events come back in order, and the same guard as the Electron
// IPC refuses other frames and malformed arguments.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, launchHarness, recordEvents, recordedEvents } from '../harness';
import type { Harness } from '../harness';
import type { JobSnapshot } from '../../src/shared/ipc-contract';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";
let pageDir: string;
let h: Harness;

beforeAll(async () => {
  pageDir = await mkdtemp(join(tmpdir(), 'kiedrop-harness-page-'));
  const page = (body: string) =>
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${CSP}"><title>t</title></head><body>${body}</body></html>`;
  await writeFile(
    join(pageDir, 'index.html'),
    page('<h1>KieDrop test page</h1><iframe src="/frame.html"></iframe>'),
  );
  await writeFile(join(pageDir, 'frame.html'), page('<p>inner frame</p>'));
  h = await launchHarness({ rendererDir: pageDir });
});

afterAll(async () => {
  await h?.close();
  await rm(pageDir, { recursive: true, force: true });
});

describe('the harness transport', () => {
  it('answers window.kiedrop.appInfo() from the app service', async () => {
    const info = await callApi(h.page, 'appInfo');
    expect(info).toEqual({
      ok: true,
      value: { version: 'harness', platform: process.platform, dataDir: h.dataDir, databaseRecovered: null },
    });
  });

  it('holds events until the page is ready, then delivers an upload from key entry to history in order', async () => {
    await recordEvents(h.page, ['key-state', 'job', 'progress', 'history', 'credits']);
    const saved = await callApi(h.page, 'keySave', h.emulator.apiKey, { sessionOnly: false });
    expect(saved).toMatchObject({ ok: true, value: { hasKey: true, source: 'keychain', rejected: false } });
    expect(await recordedEvents(h.page)).toEqual([]);

    await callApi(h.page, 'appReady');
    const a = await h.dropFile('a.txt', 'first file');
    const b = await h.dropFile('b.png', Buffer.from('89504e470d0a1a0a0000', 'hex'));
    const started = await callApi(h.page, 'uploadFiles', [a, b], { uploadPath: 'smoke' });
    if (!started.ok) throw new Error(started.error.message);
    expect(started.value.map((j) => j.fileName)).toEqual(['a.txt', 'b.png']);

    await expect
      .poll(async () => (await recordedEvents(h.page)).filter((e) => e.event === 'history').length, {
        timeout: 15_000,
      })
      .toBe(2);
    const seen = await recordedEvents(h.page);
    // Everything sent while the page was not ready arrived after all, and in the order it was sent.
    const recorded = new Set(['key-state', 'job', 'progress', 'history', 'credits']);
    const sent = h.events.filter((e) => recorded.has(e.event)).map((e) => e.event);
    expect(seen.map((e) => e.event)).toEqual(sent.slice(0, seen.length));
    const lastKeyState = seen.filter((e) => e.event === 'key-state').at(-1)?.payload;
    expect(lastKeyState).toMatchObject({ hasKey: true, source: 'keychain' });
    const finished = seen
      .filter((e) => e.event === 'job' && (e.payload as JobSnapshot).status === 'done')
      .map((e) => (e.payload as JobSnapshot).fileName)
      .sort();
    expect(finished).toEqual(['a.txt', 'b.png']);
    const stored = h.engine.history.list({}).entries.find((e) => e.fileName === 'a.txt');
    expect(stored?.uploadPath).toBe('smoke');
    const onServer = h.emulator.storedFile(stored?.filePath ?? '');
    expect(onServer && (await readFile(onServer, 'utf8'))).toBe('first file');
    // The balance is refreshed after the uploads finish.
    await expect
      .poll(async () => (await recordedEvents(h.page)).filter((e) => e.event === 'credits').length, {
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(2);
  });

  it('resolves dropped File objects against the drop folder', async () => {
    const paths = await h.page.evaluate(() => {
      const api = (globalThis as unknown as { kiedrop: { pathsForFiles(f: unknown[]): string[] } }).kiedrop;
      return api.pathsForFiles([new File(['x'], 'photo.png'), new File(['y'], 'notes.txt')]);
    });
    expect(paths).toEqual([join(h.dropDir, 'photo.png'), join(h.dropDir, 'notes.txt')]);
  });

  it('refuses calls from a frame that is not the main frame', async () => {
    const frame = h.page.frames().find((f) => f.url().endsWith('/frame.html'));
    if (!frame) throw new Error('the test page has no inner frame');
    const result = await callApi(frame, 'settingsGet');
    expect(result).toEqual({
      ok: false,
      error: { kind: 'forbidden', message: expect.stringContaining('did not come from the KieDrop window') },
    });
  });

  it('refuses malformed arguments before the app sees them', async () => {
    const bad = await h.page.evaluate(() =>
      (
        globalThis as unknown as { kiedrop: { jobsCancel(id: unknown): Promise<unknown> } }
      ).kiedrop.jobsCancel('7'),
    );
    expect(bad).toEqual({
      ok: false,
      error: { kind: 'invalid-argument', code: 'input.invalid', message: expect.stringContaining('"id"') },
    });
  });
});
