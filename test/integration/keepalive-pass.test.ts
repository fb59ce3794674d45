// Acceptance for pinned links (issue 14), against the emulator with its clock moved: a pinned link is
// uploaded again to its own path and name before it expires and keeps serving the same bytes at the same
// URL; where an overwrite does not restart the clock, the link dies at its first expiry and KieDrop says
// keep-alive does not work there; a changed URL is recorded; a changed local file is never sent unless
// the pin follows the file; and links that died while nothing ran are counted.
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/main/core/api';
import type { Engine } from '../../src/main/core/engine';
import type { HistoryEntry } from '../../src/main/core/history';
import { PinStore, pinEntry, runKeepAlivePass, type KeepAliveReport } from '../../src/main/core/keepalive';
import { createJobStore } from '../../src/main/core/queue/job-store';
import { download, sha256 } from '../emulator/test-client';
import { useEngineFixture } from '../support/engine-fixture';
import { writeRandomFile } from '../support/temp-files';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const LEAD = 12 * HOUR;

const fx = useEngineFixture('kiedrop-keepalive-', { retry: { baseDelayMs: 20, maxDelayMs: 100 } });
let engine: Engine;
let day0: number;

beforeEach(() => {
  fx.emulator.setLinkBehaviour({
    overwriteRestartsClock: true,
    linkRoot: 'kieai',
    cdnDelayMs: 0,
    lifetimeMs: 3 * DAY,
  });
  day0 = Date.now();
  fx.emulator.clock.set(day0);
  // One clock for the server and the app, so "day 2.5" means the same to both.
  engine = fx.open({ now: () => fx.emulator.clock.now() });
});

// Passes run a little after day 2.5 and day 5: the uploads themselves happened a moment after day 0.
const at = (days: number) => fx.emulator.clock.set(day0 + days * DAY);

function pass(owner = 'test-host:1:app', leaseMs?: number): Promise<KeepAliveReport> {
  const emu = fx.emulator;
  return runKeepAlivePass({
    db: engine.db,
    history: engine.history,
    jobs: createJobStore(engine.db),
    client: async () =>
      createApiClient({ uploadBaseUrl: emu.url, creditsBaseUrl: emu.url, apiKey: emu.apiKey }),
    now: () => emu.clock.now(),
    leadMs: LEAD,
    owner,
    check: { retries: 0 },
    ...(leaseMs !== undefined && { leaseMs }),
  });
}

async function uploadOne(name: string): Promise<{ path: string; data: Buffer; entry: HistoryEntry }> {
  const { path, data } = await writeRandomFile(fx.dir, name, 20_000);
  await engine.queue.enqueueFiles([path], { source: 'manual', uploadPath: 'pinned' });
  const [job] = await engine.queue.runUntilIdle();
  const entry = engine.history.getByJobId(job?.id ?? 0);
  if (!entry) throw new Error('the first upload was not recorded');
  return { path, data, entry };
}

const uploadsSince = (mark: number) =>
  fx.emulator.log.slice(mark).filter((e) => e.path.startsWith('/api/file-') && e.status === 200).length;

async function served(url: string): Promise<{ status: number; hash: string }> {
  const got = await download(url);
  return { status: got.status, hash: sha256(got.bytes) };
}

describe('keep-alive when an overwrite restarts the clock', () => {
  it('keeps the same URL serving the same bytes on day 5, uploading once per window', async () => {
    const { data, entry } = await uploadOne('kept.bin');
    pinEntry(engine.db, engine.history, entry.id, { now: fx.emulator.clock.now() });

    expect((await pass()).outcomes).toEqual([]); // day 0: nothing due
    at(2.55);
    let mark = fx.emulator.log.length;
    const first = await pass();
    expect(first.outcomes).toMatchObject([
      { kind: 'kept-alive', historyId: entry.id, route: 'local-file', keptAliveCount: 1 },
    ]);
    expect(uploadsSince(mark)).toBe(1);
    expect(Date.parse(engine.history.get(entry.id)?.expiresAt ?? '') - (day0 + 5.55 * DAY)).toBeLessThan(
      60_000,
    );
    // A second pass in the same window finds nothing due.
    mark = fx.emulator.log.length;
    expect((await pass('test-host:2:cli')).outcomes).toEqual([]);
    expect(uploadsSince(mark)).toBe(0);

    at(5.1);
    mark = fx.emulator.log.length;
    const second = await pass();
    expect(second.outcomes).toMatchObject([{ kind: 'kept-alive', keptAliveCount: 2 }]);
    expect(uploadsSince(mark)).toBe(1);
    const now = engine.history.get(entry.id);
    expect(now?.downloadUrl).toBe(entry.downloadUrl);
    expect(await served(entry.downloadUrl)).toEqual({ status: 200, hash: sha256(data) });
    expect(new PinStore(engine.db).get(entry.id)).toMatchObject({
      keptAliveCount: 2,
      lastOutcome: 'kept-alive',
    });

    // Without keep-alive the link would have died on day 3; it still serves on day 7.
    at(7);
    expect(await served(entry.downloadUrl)).toEqual({ status: 200, hash: sha256(data) });
  });
});

describe('keep-alive when an overwrite does not restart the clock', () => {
  it('sees the link die on day 3 and says keep-alive does not work here, within one check', async () => {
    fx.emulator.setLinkBehaviour({ overwriteRestartsClock: false });
    const { entry } = await uploadOne('doomed.bin');
    const other = await uploadOne('other.bin');
    pinEntry(engine.db, engine.history, entry.id, { now: fx.emulator.clock.now() });

    at(2.55);
    expect((await pass()).outcomes).toMatchObject([{ kind: 'kept-alive', historyId: entry.id }]);
    at(3 + 1 / (24 * 60)); // a minute after the first expiry
    const report = await pass();
    expect(report.outcomes).toMatchObject([
      { kind: 'clock-not-restarted', historyId: entry.id, expiresAt: entry.expiresAt },
    ]);
    const scope = report.outcomes[0]?.scope ?? '';
    expect(scope).toBe(
      `${new URL(fx.emulator.url).host}/${fx.emulator.filePathFor('', '').split('/').slice(0, 2).join('/')}`,
    );
    // The entry is no longer said to live until day 5.5, and no more uploads go there.
    expect(engine.history.get(entry.id)?.status).toBe('expired');
    const mark = fx.emulator.log.length;
    at(5.2);
    expect((await pass()).outcomes).toEqual([]);
    expect(uploadsSince(mark)).toBe(0);
    // Pinning another link there is refused with the reason, instead of promising what will not happen.
    at(0.5);
    expect(() =>
      pinEntry(engine.db, engine.history, other.entry.id, { now: fx.emulator.clock.now() }),
    ).toThrow(/Keep-alive does not work for links at .*"other\.bin" was not pinned/u);
  });
});

describe('keep-alive when the service answers a different link', () => {
  it('records the new link, marks the old one replaced and moves the pin to it', async () => {
    const { data, entry } = await uploadOne('moved.bin');
    pinEntry(engine.db, engine.history, entry.id, { now: fx.emulator.clock.now() });
    fx.emulator.setLinkBehaviour({ linkRoot: 'kieai2' });
    at(2.55);
    const [outcome] = (await pass()).outcomes;
    expect(outcome).toMatchObject({
      kind: 'url-changed',
      historyId: entry.id,
      downloadUrl: entry.downloadUrl,
    });
    expect(outcome?.newDownloadUrl).not.toBe(entry.downloadUrl);
    const added = engine.history.get(outcome?.newHistoryId ?? 0);
    expect(added).toMatchObject({
      downloadUrl: outcome?.newDownloadUrl,
      renewOf: entry.id,
      status: 'active',
    });
    expect(engine.history.get(entry.id)).toMatchObject({ replacedBy: added?.id, status: 'replaced' });
    const pins = new PinStore(engine.db);
    expect(pins.get(entry.id)).toMatchObject({ pinned: false, lastOutcome: 'url-changed' });
    expect(pins.get(added?.id ?? 0)).toMatchObject({ pinned: true });
    expect(await served(outcome?.newDownloadUrl ?? '')).toEqual({ status: 200, hash: sha256(data) });
  });
});

describe('keep-alive when the local file changed', () => {
  it("keeps the link's own bytes through the server's copy, never the new local bytes", async () => {
    const { path, data, entry } = await uploadOne('edited.bin');
    pinEntry(engine.db, engine.history, entry.id, { now: fx.emulator.clock.now() });
    await writeFile(path, randomBytes(30_000));
    at(2.55);
    const mark = fx.emulator.log.length;
    expect((await pass()).outcomes).toMatchObject([{ kind: 'kept-alive', route: 'link' }]);
    expect(fx.emulator.log.slice(mark).map((e) => e.path)).toContain('/api/file-url-upload');
    expect(await served(entry.downloadUrl)).toEqual({ status: 200, hash: sha256(data) });
  });

  it('sends the new local bytes when the pin follows the file', async () => {
    const { path, entry } = await uploadOne('followed.bin');
    pinEntry(engine.db, engine.history, entry.id, { now: fx.emulator.clock.now(), followFile: true });
    const edited = randomBytes(30_000);
    await writeFile(path, edited);
    at(2.55);
    expect((await pass()).outcomes).toMatchObject([{ kind: 'kept-alive', route: 'followed-file' }]);
    expect(await served(entry.downloadUrl)).toEqual({ status: 200, hash: sha256(edited) });
    expect(engine.history.get(entry.id)?.size).toBe(30_000);
  });
});

describe('missed windows', () => {
  it('counts pinned links that died while nothing ran, once', async () => {
    const a = await uploadOne('a.bin');
    const b = await uploadOne('b.bin');
    for (const { entry } of [a, b])
      pinEntry(engine.db, engine.history, entry.id, { now: fx.emulator.clock.now() });
    at(3.2);
    const report = await pass();
    expect(report.missed).toBe(2);
    expect(report.outcomes.map((o) => o.kind)).toEqual(['missed', 'missed']);
    expect((await pass()).outcomes).toEqual([]);
  });
});

describe('a kept-alive link found gone only after its new expiry too', () => {
  it('is a missed window, not proof that keep-alive does not work', async () => {
    const { entry } = await uploadOne('late.bin');
    pinEntry(engine.db, engine.history, entry.id, { now: fx.emulator.clock.now() });
    at(2.55);
    expect((await pass()).outcomes).toMatchObject([{ kind: 'kept-alive' }]);
    at(9); // nothing ran between day 2.55 and now
    const report = await pass();
    expect(report.outcomes).toMatchObject([{ kind: 'missed', historyId: entry.id }]);
    expect(report.missed).toBe(1);
    const other = await uploadOne('still-allowed.bin');
    expect(() =>
      pinEntry(engine.db, engine.history, other.entry.id, { now: fx.emulator.clock.now() }),
    ).not.toThrow();
  });
});

describe('two keep-alive passes at once', () => {
  it('upload each due link once: the second finds it leased, then no longer due', async () => {
    const { entry } = await uploadOne('raced.bin');
    pinEntry(engine.db, engine.history, entry.id, { now: fx.emulator.clock.now() });
    at(2.55);
    const mark = fx.emulator.log.length;
    const [a, b] = await Promise.all([pass('host:1:app'), pass('host:2:cli')]);
    expect([...a.outcomes, ...b.outcomes].map((o) => o.kind)).toEqual(['kept-alive']);
    expect(uploadsSince(mark)).toBe(1);
  });

  it('takes over a lease left by a process that died once it has run out', async () => {
    const { entry } = await uploadOne('orphan.bin');
    pinEntry(engine.db, engine.history, entry.id, { now: fx.emulator.clock.now() });
    at(2.55);
    const pins = new PinStore(engine.db);
    const now = fx.emulator.clock.now();
    expect(pins.claim(entry.id, 'host:99:crashed', now, LEAD, 60_000)).toBe(true);
    expect((await pass()).outcomes).toEqual([]);
    fx.emulator.clock.advance(60_000);
    expect((await pass()).outcomes).toMatchObject([{ kind: 'kept-alive', historyId: entry.id }]);
  });
});

describe('a keep-alive upload that fails', () => {
  it('is reported as failed with the reason, leaves the expiry alone, and the next pass tries again', async () => {
    const { entry } = await uploadOne('flaky.bin');
    pinEntry(engine.db, engine.history, entry.id, { now: fx.emulator.clock.now() });
    at(2.55);
    fx.emulator.faults.add({ status: 500, msg: 'storage is down', times: 1 });
    const [failed] = (await pass()).outcomes;
    expect(failed).toMatchObject({ kind: 'failed', historyId: entry.id });
    expect(failed?.message).toMatch(/^Could not keep "flaky\.bin" alive: .*storage is down/u);
    expect(engine.history.get(entry.id)?.expiresAt).toBe(entry.expiresAt);
    expect(new PinStore(engine.db).get(entry.id)).toMatchObject({
      pinned: true,
      lastOutcome: 'failed',
      keptAliveCount: 0,
    });
    expect((await pass()).outcomes).toMatchObject([{ kind: 'kept-alive', keptAliveCount: 1 }]);
  });
});

describe('a keep-alive upload that takes longer than the lease', () => {
  it('keeps the lease while it runs, so a pass started meanwhile sends nothing', async () => {
    const { entry } = await uploadOne('slow.bin');
    pinEntry(engine.db, engine.history, entry.id, { now: fx.emulator.clock.now() });
    at(2.55);
    fx.emulator.faults.add({ path: '/api/file-stream-upload', latencyMs: 1500, times: 1 });
    const mark = fx.emulator.log.length;
    const first = pass('host:1:app', 300);
    await new Promise((done) => setTimeout(done, 800));
    expect((await pass('host:2:cli', 300)).outcomes).toEqual([]);
    expect((await first).outcomes).toMatchObject([{ kind: 'kept-alive', historyId: entry.id }]);
    expect(uploadsSince(mark)).toBe(1);
  });
});

describe('other pinned links where keep-alive was found not to work', () => {
  it('are no longer uploaded, and each is said once', async () => {
    fx.emulator.setLinkBehaviour({ overwriteRestartsClock: false });
    const first = await uploadOne('first.bin');
    pinEntry(engine.db, engine.history, first.entry.id, { now: fx.emulator.clock.now() });
    at(1);
    const second = await uploadOne('second.bin');
    pinEntry(engine.db, engine.history, second.entry.id, { now: fx.emulator.clock.now() });
    at(2.55);
    expect((await pass()).outcomes).toMatchObject([{ kind: 'kept-alive', historyId: first.entry.id }]);
    at(3.01);
    expect((await pass()).outcomes).toMatchObject([
      { kind: 'clock-not-restarted', historyId: first.entry.id },
    ]);
    at(3.6);
    const mark = fx.emulator.log.length;
    const report = await pass();
    expect(report.outcomes).toMatchObject([{ kind: 'blocked', historyId: second.entry.id }]);
    expect(report.outcomes[0]?.scope).toBeTruthy();
    expect(uploadsSince(mark)).toBe(0);
    expect((await pass()).outcomes).toEqual([]);
  });
});
