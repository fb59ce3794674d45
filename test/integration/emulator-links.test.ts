// The links the emulator hands out look and live like the service's: filed under the account, at the
// download host, for a lifetime tests can shorten, with overwrite and cache behaviour tests can choose.
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions } from '../emulator/index';
import { download, postJson } from '../emulator/test-client';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const started: Emulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((e) => e.close()));
});
async function start(options: EmulatorOptions = {}): Promise<Emulator> {
  const em = await startEmulator(options);
  started.push(em);
  return em;
}

async function uploadText(em: Emulator, fileName: string, text: string, apiKey = em.apiKey) {
  const reply = await postJson(
    em.url,
    '/api/file-base64-upload',
    { base64Data: Buffer.from(text).toString('base64'), uploadPath: 'links/kept', fileName },
    apiKey,
  );
  expect(reply.status).toBe(200);
  return reply.body.data as { downloadUrl: string; filePath: string };
}

async function served(url: string): Promise<string | number> {
  const got = await download(url);
  return got.status === 200 ? got.bytes.toString() : got.status;
}

describe('link shape', () => {
  it('files uploads under kieai/<account>/<uploadPath>/<fileName>, the same account for one key and another for another key', async () => {
    const em = await start({ apiKeys: ['kie-key-one-aaaaaaaa', 'kie-key-two-bbbbbbbb'] });
    const first = await uploadText(em, 'a.txt', 'one', 'kie-key-one-aaaaaaaa');
    const again = await uploadText(em, 'b.txt', 'two', 'kie-key-one-aaaaaaaa');
    const other = await uploadText(em, 'a.txt', 'three', 'kie-key-two-bbbbbbbb');

    const account = /^kieai\/(\d+)\/links\/kept\/a\.txt$/.exec(first.filePath)?.[1];
    expect(account).toBeDefined();
    expect(again.filePath).toBe(`kieai/${account}/links/kept/b.txt`);
    expect(other.filePath).toMatch(/^kieai\/\d+\/links\/kept\/a\.txt$/);
    expect(other.filePath).not.toBe(first.filePath);
    // Different accounts keep different files under the same uploadPath and fileName.
    expect(await served(first.downloadUrl)).toBe('one');
    expect(await served(other.downloadUrl)).toBe('three');
  });

  it('answers downloadUrl as the download host followed by filePath, the same URL for the same key, path and name', async () => {
    const em = await start();
    const first = await uploadText(em, 'same.txt', 'v1');
    const second = await uploadText(em, 'same.txt', 'v2');
    expect(first.downloadUrl).toBe(`${em.url}/files/${first.filePath}`);
    expect(second.downloadUrl).toBe(first.downloadUrl);
    const got = await download(first.downloadUrl);
    expect(got.headers.get('cache-control')).toBe('public, max-age=86400');
  });
});

describe('link lifetime knobs', () => {
  it('lives 3 days by default and 24 hours when told so, saying which in the 404', async () => {
    const em = await start({ links: { lifetimeMs: DAY } });
    const file = await uploadText(em, 'short.txt', 'brief');
    em.clock.advance(DAY - 1000);
    expect(await served(file.downloadUrl)).toBe('brief');
    em.clock.advance(1000);
    const gone = await download(file.downloadUrl);
    expect(gone.status).toBe(404);
    expect(JSON.parse(gone.bytes.toString()).msg).toMatch(/expired 24 hours after upload/);

    expect(em.setLinkBehaviour({ lifetimeMs: 3 * DAY }).lifetimeMs).toBe(3 * DAY);
    const long = await uploadText(em, 'long.txt', 'lasting');
    em.clock.advance(3 * DAY - 1000);
    expect(await served(long.downloadUrl)).toBe('lasting');
    em.clock.advance(1000);
    expect(await served(long.downloadUrl)).toBe(404);
  });

  it('restarts the clock on an overwrite by default, and keeps the first upload time when told not to', async () => {
    const restarting = await start();
    await uploadText(restarting, 'pin.txt', 'old');
    restarting.clock.advance(2 * DAY);
    const renewed = await uploadText(restarting, 'pin.txt', 'new');
    restarting.clock.advance(2 * DAY);
    expect(await served(renewed.downloadUrl)).toBe('new');

    const keeping = await start({ links: { overwriteRestartsClock: false } });
    await uploadText(keeping, 'pin.txt', 'old');
    keeping.clock.advance(2 * DAY);
    const overwritten = await uploadText(keeping, 'pin.txt', 'new');
    expect(await served(overwritten.downloadUrl)).toBe('new');
    keeping.clock.advance(DAY); // 3 days after the first upload, 1 day after the overwrite
    expect(await served(overwritten.downloadUrl)).toBe(404);
  });

  it('serves the old bytes for the CDN delay after an overwrite, then the new ones', async () => {
    const em = await start({ links: { cdnDelayMs: HOUR } });
    const first = await uploadText(em, 'cached.txt', 'old bytes');
    const second = await uploadText(em, 'cached.txt', 'new bytes');
    expect(second.downloadUrl).toBe(first.downloadUrl);
    expect(await served(second.downloadUrl)).toBe('old bytes');
    em.clock.advance(HOUR - 1000);
    expect(await served(second.downloadUrl)).toBe('old bytes');
    em.clock.advance(1000);
    expect(await served(second.downloadUrl)).toBe('new bytes');
  });

  it('answers a different link for the same path and name once the link root changes', async () => {
    const em = await start();
    const first = await uploadText(em, 'moved.txt', 'first');
    em.setLinkBehaviour({ linkRoot: 'kieai2' });
    const second = await uploadText(em, 'moved.txt', 'second');
    expect(second.downloadUrl).not.toBe(first.downloadUrl);
    expect(second.filePath).toBe(em.filePathFor('links/kept', 'moved.txt'));
    expect(second.filePath.startsWith('kieai2/')).toBe(true);
    // The old link still serves what it served: the new upload went elsewhere.
    expect(await served(first.downloadUrl)).toBe('first');
    expect(await served(second.downloadUrl)).toBe('second');
  });

  it('turns the knobs from another process through /__emulator/links, refusing nonsense', async () => {
    const em = await start();
    const post = (body: unknown) =>
      fetch(`${em.url}/__emulator/links`, { method: 'POST', body: JSON.stringify(body) });
    const set = await post({ lifetimeMs: DAY, overwriteRestartsClock: false });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({
      lifetimeMs: DAY,
      overwriteRestartsClock: false,
      cdnDelayMs: 0,
      linkRoot: 'kieai',
    });
    const file = await uploadText(em, 'remote.txt', 'x');
    em.clock.advance(DAY);
    expect(await served(file.downloadUrl)).toBe(404);

    const bad = await post({ lifetimeMs: -5 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { msg: string }).msg).toMatch(/lifetimeMs must be a positive number/);
  });
});
